import { jwtPart } from '../e2e/support/jwtPart';

/** A cookie as Playwright's `context.addCookies` takes it, for `localhost` (cookies ignore the port). */
export interface BenchCookie {
  name: string;
  value: string;
  domain: 'localhost';
  path: string;
  httpOnly: boolean;
  sameSite: 'Lax';
  /** Seconds since the epoch; -1 for a session cookie. */
  expires: number;
}

export interface BenchUser {
  email: string;
  password: string;
  userId: string;
}

const AUTH_HEADERS = { 'content-type': 'application/json', 'st-auth-mode': 'cookie', rid: 'emailpassword' };
/** What supertokens-website gives the cookies it writes itself: 100 years. */
const SDK_COOKIE_LIFETIME_S = 3_153_600_000 / 1000;

/** Signs a new user up through the app's auth API. */
export async function signUpBenchUser(origin: string): Promise<BenchUser> {
  const email = `bench-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  const password = 'bench-password-1';
  const body = await postAuth(origin, '/api/auth/signup', email, password);
  const userId = (body.json as { user?: { id?: unknown } }).user?.id;
  if (typeof userId !== 'string') throw new Error(`sign-up answered without a user: ${JSON.stringify(body.json)}`);
  return { email, password, userId };
}

/**
 * A new session for `user`, as the browser holds it right after signing in through the SDK: the
 * server's cookies (access and refresh token) and the two supertokens-website writes itself (the
 * front token from the `front-token` header, and the time of the last token update).
 */
export async function signInCookies(origin: string, user: BenchUser): Promise<BenchCookie[]> {
  const { headers } = await postAuth(origin, '/api/auth/signin', user.email, user.password);
  const frontToken = headers.get('front-token');
  if (!frontToken) throw new Error('sign-in answered without a front-token header');
  const sdkCookie = (name: string, value: string): BenchCookie => ({
    name,
    value,
    domain: 'localhost',
    path: '/',
    httpOnly: false,
    sameSite: 'Lax',
    expires: Math.floor(Date.now() / 1000 + SDK_COOKIE_LIFETIME_S),
  });
  return [
    ...headers.getSetCookie().map(parseSetCookie),
    sdkCookie('sFrontToken', frontToken),
    sdkCookie('st-last-access-token-update', String(Date.now())),
  ];
}

/** A session as a run uses it: its cookies, its access token and when that token expires. */
export interface RunSession {
  cookies: BenchCookie[];
  accessToken: string;
  expiresAtMs: number;
}

export function toRunSession(cookies: BenchCookie[]): RunSession {
  const accessToken = cookies.find((cookie) => cookie.name === 'sAccessToken')?.value;
  if (!accessToken) throw new Error('the session has no sAccessToken cookie');
  return { cookies, accessToken, expiresAtMs: accessTokenExpiry(cookies) };
}

/** A cookie of the bench's own, for the pages of every port (cookies ignore the port). */
export function benchCookie(name: string, value: string): BenchCookie {
  return { name, value, domain: 'localhost', path: '/', httpOnly: false, sameSite: 'Lax', expires: -1 };
}

/** When the access token among `cookies` expires (ms since the epoch). */
export function accessTokenExpiry(cookies: BenchCookie[]): number {
  const token = cookies.find((cookie) => cookie.name === 'sAccessToken')?.value ?? '';
  const { exp } = jwtPart(token, 'payload');
  if (typeof exp !== 'number') throw new Error('the access token has no exp claim');
  return exp * 1000;
}

export function cookieHeader(cookies: Pick<BenchCookie, 'name' | 'value'>[], names: string[]): string {
  return cookies
    .filter((cookie) => names.includes(cookie.name))
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join('; ');
}

async function postAuth(origin: string, path: string, email: string, password: string) {
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: AUTH_HEADERS,
    body: JSON.stringify({ formFields: [{ id: 'email', value: email }, { id: 'password', value: password }] }),
  });
  const json = (await response.json()) as { status?: string };
  if (json.status !== 'OK') throw new Error(`${path} failed: ${JSON.stringify(json)}`);
  return { headers: response.headers, json };
}

function parseSetCookie(header: string): BenchCookie {
  const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
  const separator = pair.indexOf('=');
  const attribute = (name: string) => attributes.find((a) => a.toLowerCase().startsWith(name));
  const expires = attribute('expires=');
  return {
    name: pair.slice(0, separator),
    value: pair.slice(separator + 1),
    domain: 'localhost',
    path: attribute('path=')?.slice(5) ?? '/',
    httpOnly: attribute('httponly') !== undefined,
    sameSite: 'Lax',
    expires: expires ? Math.floor(Date.parse(expires.slice(8)) / 1000) : -1,
  };
}
