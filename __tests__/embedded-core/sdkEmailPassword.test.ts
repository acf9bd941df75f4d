/** @jest-environment node */
import EmailPassword from 'supertokens-node/recipe/emailpassword';
import SuperTokens from 'supertokens-node';
import type { EmbeddedCore, CoreRequestEvent } from 'ssr-session-flow-embedded-core';
import { Browser } from './support/browser';
import { createTestApp, startTestCore } from './support/coreFixture';
import { initSdk, sentResetEmails } from './support/sdk';

let core: EmbeddedCore;
const calls: CoreRequestEvent[] = [];

beforeAll(async () => {
  core = await startTestCore({ onRequest: (event) => calls.push(event) });
});

afterAll(() => core.close());

beforeEach(async () => {
  const app = await createTestApp(core);
  initSdk({ connectionURI: app.url });
  calls.length = 0;
});

describe('EmailPassword through the SDK against the embedded core', () => {
  it('signs a new user up, creates a session and lets SSR read it from the cookies', async () => {
    const browser = new Browser();

    const signUp = await browser.api('POST', '/api/auth/signup', form('ada@example.com', 'correct-horse-1'));

    expect(signUp.status).toBe(200);
    expect(signUp.body).toMatchObject({ status: 'OK', user: { emails: ['ada@example.com'], isPrimaryUser: false } });
    expect(browser.cookie('sAccessToken')).toBeDefined();
    expect(browser.cookie('sRefreshToken')).toBeDefined();
    const userId = (signUp.body?.user as { id: string }).id;
    await expect(browser.ssrSession()).resolves.toEqual({ status: 'ok', userId });
    expect(calls.map((call) => call.path.replace(/^\/appid-[^/]+/, ''))).toEqual([
      '/apiversion',
      '/public/recipe/multitenancy/tenant/v2',
      '/public/users/by-accountinfo',
      '/public/recipe/signup',
      '/user/id',
      '/public/recipe/session',
      '/.well-known/jwks.json',
    ]);
  });

  it('refuses a second sign-up with the same email, whatever its case', async () => {
    await new Browser().api('POST', '/api/auth/signup', form('grace@example.com', 'correct-horse-1'));

    const again = await new Browser().api('POST', '/api/auth/signup', form('  Grace@Example.COM ', 'other-pass-2'));

    expect(again.body).toMatchObject({
      status: 'FIELD_ERROR',
      formFields: [{ id: 'email', error: 'This email already exists. Please sign in instead.' }],
    });
  });

  it('signs an existing user in with the right password', async () => {
    const { user } = await signUpDirectly('linus@example.com', 'correct-horse-1');
    const browser = new Browser();

    const signIn = await browser.api('POST', '/api/auth/signin', form('linus@example.com', 'correct-horse-1'));

    expect(signIn.body).toMatchObject({ status: 'OK', user: { id: user.id } });
    await expect(browser.ssrSession()).resolves.toEqual({ status: 'ok', userId: user.id });
  });

  it('answers wrong credentials for a wrong password or an unknown email, without a session', async () => {
    await signUpDirectly('alan@example.com', 'correct-horse-1');
    const browser = new Browser();

    const wrongPassword = await browser.api('POST', '/api/auth/signin', form('alan@example.com', 'wrong-horse-1'));
    const unknownEmail = await browser.api('POST', '/api/auth/signin', form('nobody@example.com', 'correct-horse-1'));

    expect(wrongPassword.body).toEqual({ status: 'WRONG_CREDENTIALS_ERROR' });
    expect(unknownEmail.body).toEqual({ status: 'WRONG_CREDENTIALS_ERROR' });
    expect(browser.cookie('sAccessToken')).toBeUndefined();
  });

  it('reports whether an email exists and which login methods the tenant offers', async () => {
    await signUpDirectly('barbara@example.com', 'correct-horse-1');
    const browser = new Browser();

    const exists = await browser.api('GET', '/api/auth/emailpassword/email/exists?email=barbara@example.com');
    const missing = await browser.api('GET', '/api/auth/emailpassword/email/exists?email=nobody@example.com');
    const methods = await browser.api('GET', '/api/auth/loginmethods');

    expect(exists.body).toEqual({ status: 'OK', exists: true });
    expect(missing.body).toEqual({ status: 'OK', exists: false });
    expect(methods.body).toMatchObject({ status: 'OK', emailPassword: { enabled: true }, firstFactors: ['emailpassword'] });
  });

  it('resets a password with the emailed link once, then signs in with the new password only', async () => {
    await signUpDirectly('margaret@example.com', 'old-password-1');
    const browser = new Browser();
    await browser.api('POST', '/api/auth/user/password/reset/token', { formFields: [{ id: 'email', value: 'margaret@example.com' }] });
    const link = new URL(sentResetEmails.at(-1)?.passwordResetLink ?? 'missing:');
    const token = link.searchParams.get('token') ?? '';

    const reset = await browser.api('POST', '/api/auth/user/password/reset', resetForm(token, 'new-password-2'));
    const reused = await browser.api('POST', '/api/auth/user/password/reset', resetForm(token, 'third-password-3'));

    expect(reset.body).toMatchObject({ status: 'OK' });
    expect(reused.body).toEqual({ status: 'RESET_PASSWORD_INVALID_TOKEN_ERROR' });
    await expect(EmailPassword.signIn('public', 'margaret@example.com', 'old-password-1')).resolves.toEqual({
      status: 'WRONG_CREDENTIALS_ERROR',
    });
    await expect(EmailPassword.signIn('public', 'margaret@example.com', 'new-password-2')).resolves.toMatchObject({
      status: 'OK',
    });
  });

  it('looks users up by id and changes their email, refusing an email another user has', async () => {
    const { user } = await signUpDirectly('hedy@example.com', 'correct-horse-1');
    await signUpDirectly('taken@example.com', 'correct-horse-1');

    const changed = await EmailPassword.updateEmailOrPassword({ recipeUserId: user.loginMethods[0]!.recipeUserId, email: 'HEDY2@example.com' });
    const clash = await EmailPassword.updateEmailOrPassword({ recipeUserId: user.loginMethods[0]!.recipeUserId, email: 'taken@example.com' });
    const fetched = await SuperTokens.getUser(user.id);

    expect(changed).toEqual({ status: 'OK' });
    expect(clash).toEqual({ status: 'EMAIL_ALREADY_EXISTS_ERROR' });
    expect(fetched?.emails).toEqual(['hedy2@example.com']);
    await expect(SuperTokens.getUser('no-such-user')).resolves.toBeUndefined();
  });
});

function form(email: string, password: string) {
  return { formFields: [{ id: 'email', value: email }, { id: 'password', value: password }] };
}

function resetForm(token: string, password: string) {
  return { token, formFields: [{ id: 'password', value: password }] };
}

async function signUpDirectly(email: string, password: string) {
  const result = await EmailPassword.signUp('public', email, password);
  if (result.status !== 'OK') throw new Error(`sign-up failed: ${result.status}`);
  return result;
}
