import { EV_APP_PORT, EV_CORE_PORT, EV_ORIGIN, TEST_RUN_OPT_INS } from '../e2eEnv';
import { emailVerificationBuildEnv } from '../prepare';
import { expect, test } from '../support/fixtures';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { submitSignUp } from '../support/auth';

/**
 * The demo app with NEXT_PUBLIC_EMAIL_VERIFICATION=required: its own build (the setting is
 * inlined into the client; made before the specs run, e2e/prepare.ts) and its own launcher
 * (embedded core + next start), with links logged.
 */
let server: ServerProcess | undefined;

test.beforeAll(async () => {
  const env = emailVerificationBuildEnv();
  const serverEnv: NodeJS.ProcessEnv = {
    ...env,
    ...TEST_RUN_OPT_INS,
    EMBEDDED_CORE_PORT: String(EV_CORE_PORT),
    EMBEDDED_CORE_DATA_FILE: '',
  };
  delete serverEnv.SUPERTOKENS_CONNECTION_URI;
  delete serverEnv.SUPERTOKENS_API_KEY;
  const args = ['--import', 'tsx', 'scripts/start.ts', '--port', String(EV_APP_PORT)];
  server = await startServerProcess('e2e-email-verification-server', args, serverEnv, `${EV_ORIGIN}/about`);
});

test.afterAll(async () => {
  await server?.stop();
});

test('with email verification required, a new user is asked to verify, follows the logged link and reaches the protected page', async ({
  page,
}) => {
  const user = await submitSignUp(page, EV_ORIGIN);

  await expect(page).toHaveURL(`${EV_ORIGIN}/auth/verify-email`);
  const [, link] = (await server?.waitForLog(new RegExp(`email verification link for ${escape(user.email)}: (\\S+)`))) ?? [];
  expect(new URL(link ?? 'missing:').origin).toBe(EV_ORIGIN);
  await page.goto(link ?? '', { waitUntil: 'load' });
  await expect(page.getByText('Email verification successful!')).toBeVisible();
  await page.getByRole('button', { name: /continue/i }).click();

  await expect(page).toHaveURL(`${EV_ORIGIN}/`);
  await expect(page.getByTestId('user-id')).toHaveText(user.userId);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
