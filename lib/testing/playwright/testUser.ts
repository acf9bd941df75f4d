import type { Page } from '@playwright/test';
import { ACCESS_TOKEN_COOKIE, apiPathOf, signInPathOf, type SessionFlowAppPaths } from './appPaths';

export interface TestUser {
  email: string;
  password: string;
  /** The id the app's sign-up answer gave the user. */
  userId: string;
}

export interface SignUpTestUserOptions extends SessionFlowAppPaths {
  /** Default `test-<uuid>@example.com`: every test its own user, so tests share nothing. */
  email?: string;
  /** Default a fresh one that passes SuperTokens' default password rules. */
  password?: string;
  /**
   * The app page the sign-up is sent from, where SuperTokens' frontend SDK runs (it keeps the
   * session's front token exactly as after a sign-up in the UI). Default the sign-in page.
   */
  fromPath?: string;
}

/**
 * Signs up a new EmailPassword user through the app's own API (`POST <apiBasePath>/signup`),
 * sent from `page` on a page of the app at `origin` (the sign-in page by default, where it is
 * left), so the session's cookies land in the browser as a sign-up in the UI leaves them. Throws
 * the app's own words when the sign-up is refused, and says so when the app does not answer.
 */
export async function signUpTestUser(page: Page, origin: string, options: SignUpTestUserOptions = {}): Promise<TestUser> {
  const email = options.email ?? `test-${crypto.randomUUID()}@example.com`;
  const password = options.password ?? `pw-${crypto.randomUUID().slice(0, 8)}-A1`;
  const fromUrl = new URL(options.fromPath ?? signInPathOf(options), origin).href;
  const signUpPath = apiPathOf(options, 'signup');
  await page.goto(fromUrl, { waitUntil: 'load' }).catch((error: unknown) => {
    throw new Error(`The app does not answer at ${fromUrl} (${error instanceof Error ? error.message.split('\n')[0] : String(error)}): is it running, and is baseURL its origin?`);
  });
  const formFields = [
    { id: 'email', value: email },
    { id: 'password', value: password },
  ];
  // A string: a TypeScript loader's helpers (`__name`) do not exist in the page.
  const answer = (await page.evaluate(`(async () => {
    const response = await fetch(${JSON.stringify(signUpPath)}, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', rid: 'emailpassword' },
      body: ${JSON.stringify(JSON.stringify({ formFields }))},
    });
    return { status: response.status, body: await response.text() };
  })()`)) as { status: number; body: string };
  const userId = readUserId(answer, signUpPath);
  if (!(await page.context().cookies(origin)).some((cookie) => cookie.name === ACCESS_TOKEN_COOKIE && cookie.value !== '')) {
    throw new Error(`The sign-up at ${signUpPath} succeeded but set no ${ACCESS_TOKEN_COOKIE} cookie: the app must use cookie-based sessions.`);
  }
  return { email, password, userId };
}

function readUserId({ status, body }: { status: number; body: string }, signUpPath: string): string {
  const parsed = parseJson(body);
  if (status === 200 && parsed?.status === 'OK' && typeof parsed.user?.id === 'string') return parsed.user.id;
  if (status === 200 && parsed?.status === 'FIELD_ERROR' && Array.isArray(parsed.formFields)) {
    const reasons = parsed.formFields.map((field) => `${String(field.id)}: ${String(field.error)}`).join('; ');
    throw new Error(`The app refused the sign-up: ${reasons}`);
  }
  if (status === 200 && typeof parsed?.status === 'string') {
    throw new Error(`The app refused the sign-up: ${parsed.status}${parsed.reason ? ` (${String(parsed.reason)})` : ''}`);
  }
  const hint = status === 404 ? ` Is the app's apiBasePath '${signUpPath.replace(/\/signup$/, '')}'? Pass apiBasePath if not.` : '';
  throw new Error(`The app answered ${status} to POST ${signUpPath}: ${body.slice(0, 300)}${hint}`);
}

interface SignUpAnswer {
  status?: unknown;
  user?: { id?: unknown };
  reason?: unknown;
  formFields?: Array<{ id?: unknown; error?: unknown }>;
}

function parseJson(body: string): SignUpAnswer | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null ? (value as SignUpAnswer) : undefined;
  } catch {
    return undefined;
  }
}
