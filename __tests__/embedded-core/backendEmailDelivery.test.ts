/** @jest-environment node */
import SuperTokens from 'supertokens-node';
import EmailPassword from 'supertokens-node/recipe/emailpassword';
import EmailVerification from 'supertokens-node/recipe/emailverification';
import { backendConfig } from '../../config/backendConfig';
import { createTestApp, useSharedTestCore } from './support/coreFixture';
import { resetSdk } from './support/sdk';

const shared = useSharedTestCore();

afterEach(() => {
  delete process.env.NEXT_PUBLIC_EMAIL_VERIFICATION;
});

describe('the app’s backend config against the embedded core', () => {
  it('logs the password-reset link in development', async () => {
    const info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
    await initApp({ NODE_ENV: 'development' });
    const user = await signUp('reset@example.com');

    await EmailPassword.sendResetPasswordEmail('public', user.id, 'reset@example.com');

    expect(info).toHaveBeenCalledWith(
      expect.stringMatching(/^\[auth\] password reset link for reset@example\.com: http.*token=/),
    );
  });

  it('with NEXT_PUBLIC_EMAIL_VERIFICATION=required, logs the verification link when told to by SUPERTOKENS_EMAIL_DELIVERY=log', async () => {
    process.env.NEXT_PUBLIC_EMAIL_VERIFICATION = 'required';
    const info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
    await initApp({ NODE_ENV: 'production', SUPERTOKENS_EMAIL_DELIVERY: 'log' });
    const user = await signUp('verify@example.com');

    await EmailVerification.sendEmailVerificationEmail('public', user.id, user.loginMethods[0]!.recipeUserId);

    expect(info).toHaveBeenCalledWith(
      expect.stringMatching(/^\[auth\] email verification link for verify@example\.com: http.*\/auth\/verify-email\?token=/),
    );
  });
});

async function initApp(env: Record<string, string>) {
  const app = await createTestApp(shared.core);
  resetSdk();
  SuperTokens.init(backendConfig({ ...env, SUPERTOKENS_CONNECTION_URI: app.url }));
}

async function signUp(email: string) {
  const result = await EmailPassword.signUp('public', email, 'correct-horse-1');
  if (result.status !== 'OK') throw new Error(`sign-up failed: ${result.status}`);
  return result.user;
}
