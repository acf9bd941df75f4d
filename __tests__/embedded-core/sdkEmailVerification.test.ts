/** @jest-environment node */
import SuperTokens from 'supertokens-node';
import EmailVerification from 'supertokens-node/recipe/emailverification';
import { Browser } from './support/browser';
import { coreCall, createTestApp, useSharedTestCore, type TestApp } from './support/coreFixture';
import { initSdk, sentVerificationEmails } from './support/sdk';

const shared = useSharedTestCore();
let app: TestApp;

beforeEach(async () => {
  app = await createTestApp(shared.core, { email_verification_token_lifetime: 60_000 });
  initSdk({ connectionURI: app.url, emailVerification: 'REQUIRED' });
});

describe('email verification through the SDK (REQUIRED mode)', () => {
  it('signs up unverified, sends a link, verifies with it once, and the user and the claim then say verified', async () => {
    const browser = new Browser();
    const signUp = await browser.api('POST', '/api/auth/signup', form('ada@example.com'));
    const userId = (signUp.body?.user as { id: string }).id;
    const before = await browser.api('GET', '/api/auth/user/email/verify');

    await browser.api('POST', '/api/auth/user/email/verify/token');
    const token = tokenFromLink(sentVerificationEmails.at(-1)?.emailVerifyLink);
    const verified = await browser.api('POST', '/api/auth/user/email/verify', { method: 'token', token });
    const reused = await browser.api('POST', '/api/auth/user/email/verify', { method: 'token', token });
    const after = await browser.api('GET', '/api/auth/user/email/verify');

    expect(before.body).toEqual({ status: 'OK', isVerified: false });
    expect(sentVerificationEmails.map((sent) => sent.email)).toEqual(['ada@example.com']);
    expect(verified.body).toEqual({ status: 'OK' });
    expect(reused.body).toEqual({ status: 'EMAIL_VERIFICATION_INVALID_TOKEN_ERROR' });
    expect(after.body).toEqual({ status: 'OK', isVerified: true });
    await expect(SuperTokens.getUser(userId)).resolves.toMatchObject({ loginMethods: [{ verified: true }] });
  });

  it('refuses a token after its lifetime (email_verification_token_lifetime)', async () => {
    const { recipeUserId } = await signUpDirectly('late@example.com');
    const created = await EmailVerification.createEmailVerificationToken('public', recipeUserId);
    shared.clock.offsetMs = 61_000;

    const verified = await EmailVerification.verifyEmailUsingToken('public', created.status === 'OK' ? created.token : '');

    expect(verified).toEqual({ status: 'EMAIL_VERIFICATION_INVALID_TOKEN_ERROR' });
    await expect(EmailVerification.isEmailVerified(recipeUserId)).resolves.toBe(false);
  });

  it('revokes tokens, answers already-verified, and unverifies', async () => {
    const { recipeUserId } = await signUpDirectly('grace@example.com');
    const revokedToken = await EmailVerification.createEmailVerificationToken('public', recipeUserId);
    await EmailVerification.revokeEmailVerificationTokens('public', recipeUserId);
    const afterRevoke = await EmailVerification.verifyEmailUsingToken('public', revokedToken.status === 'OK' ? revokedToken.token : '');

    const fresh = await EmailVerification.createEmailVerificationToken('public', recipeUserId);
    await EmailVerification.verifyEmailUsingToken('public', fresh.status === 'OK' ? fresh.token : '');
    const again = await EmailVerification.createEmailVerificationToken('public', recipeUserId);
    await EmailVerification.unverifyEmail(recipeUserId);

    expect(afterRevoke).toEqual({ status: 'EMAIL_VERIFICATION_INVALID_TOKEN_ERROR' });
    expect(again).toEqual({ status: 'EMAIL_ALREADY_VERIFIED_ERROR' });
    await expect(EmailVerification.isEmailVerified(recipeUserId)).resolves.toBe(false);
  });

  it.each([
    ['a method other than token', { method: 'otp', token: 'x' }, 'Unsupported method for email verification'],
    ['no token', { method: 'token' }, "Field name 'token' is invalid in JSON input"],
  ])('answers 400 for a verify with %s', async (_case, body, message) => {
    const result = await coreCall(app.url, 'POST', '/public/recipe/user/email/verify', body);

    expect(result).toMatchObject({ status: 400, body: `${message}\n` });
  });
});

function form(email: string) {
  return { formFields: [{ id: 'email', value: email }, { id: 'password', value: 'correct-horse-1' }] };
}

function tokenFromLink(link: string | undefined): string {
  if (!link) throw new Error('no verification email was sent');
  return new URL(link).searchParams.get('token') ?? '';
}

async function signUpDirectly(email: string) {
  const { default: EmailPassword } = await import('supertokens-node/recipe/emailpassword');
  const result = await EmailPassword.signUp('public', email, 'correct-horse-1');
  if (result.status !== 'OK') throw new Error(`sign-up failed: ${result.status}`);
  return { recipeUserId: result.user.loginMethods[0]!.recipeUserId };
}
