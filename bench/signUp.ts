export interface BenchCookie {
  name: string;
  value: string;
  path: string;
  httpOnly: boolean;
}

/** Signs a new user up through the app's auth API and returns the session cookies it set. */
export async function signUp(origin: string): Promise<BenchCookie[]> {
  const email = `bench-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  const response = await fetch(`${origin}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'st-auth-mode': 'cookie', rid: 'emailpassword' },
    body: JSON.stringify({ formFields: [{ id: 'email', value: email }, { id: 'password', value: 'bench-password-1' }] }),
  });
  const body = (await response.json()) as { status?: string };
  if (body.status !== 'OK') throw new Error(`sign-up failed: ${JSON.stringify(body)}`);
  return response.headers.getSetCookie().map(parseSetCookie);
}

export function cookieHeader(cookies: BenchCookie[], names: string[]): string {
  return cookies
    .filter((cookie) => names.includes(cookie.name))
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join('; ');
}

function parseSetCookie(header: string): BenchCookie {
  const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
  const separator = pair.indexOf('=');
  const attribute = (name: string) => attributes.find((a) => a.toLowerCase().startsWith(name));
  return {
    name: pair.slice(0, separator),
    value: pair.slice(separator + 1),
    path: attribute('path=')?.slice(5) ?? '/',
    httpOnly: attribute('httponly') !== undefined,
  };
}
