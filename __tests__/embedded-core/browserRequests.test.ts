/** @jest-environment node */
import type { EmbeddedCore } from 'ssr-session-flow-embedded-core';
import { coreCall, createTestApp, startTestCore, type TestApp } from './support/coreFixture';

let core: EmbeddedCore;
let app: TestApp;

beforeAll(async () => {
  core = await startTestCore();
  app = await createTestApp(core);
});

afterAll(() => core.close());

const credentials = { email: 'simple-request@example.com', password: 'correct-horse-1' };

describe('requests that only a browser sends are refused', () => {
  it('refuses a text/plain POST (a "simple" request any web page can send) with 403, and signs nobody up', async () => {
    const result = await coreCall(app.url, 'POST', '/public/recipe/signup', JSON.stringify(credentials), undefined, {
      'content-type': 'text/plain;charset=UTF-8',
    });
    const after = await usersWithEmail(credentials.email);

    expect(result.status).toBe(403);
    expect(result.body).toBe(
      "Refused: a POST must send Content-Type: application/json (got 'text/plain;charset=UTF-8'). " +
        'Browsers send other content types without asking first; this core does not accept them.\n',
    );
    expect(after).toEqual([]);
  });

  it('refuses a write whose body comes without any content type', async () => {
    const result = await rawWrite(`${app.url}/public/recipe/signup`, JSON.stringify(credentials), {});

    expect(result.status).toBe(403);
    expect(result.body).toContain('must send Content-Type: application/json (got none)');
  });

  it.each([
    ['origin', 'https://evil.example'],
    ['sec-fetch-site', 'cross-site'],
    ['sec-fetch-dest', 'empty'],
    ['sec-fetch-user', '?1'],
  ])('refuses a request carrying the browser-only %s header, even a read', async (header, value) => {
    const result = await coreCall(app.url, 'GET', '/user/id?userId=u1', undefined, undefined, { [header]: value });

    expect(result.status).toBe(403);
    expect(result.body).toBe(
      `Refused: the '${header}' header shows this request comes from a web browser. ` +
        'This core only serves back-end SDKs; browsers talk to your app, not to the core.\n',
    );
  });

  it('serves what Node’s fetch sends, sec-fetch-mode included, and a bodyless write such as POST /hello', async () => {
    const read = await coreCall(app.url, 'GET', '/user/id?userId=u1', undefined, undefined, { 'sec-fetch-mode': 'cors' });
    const hello = await rawWrite(`${app.url}/hello`, '', {});

    expect(read).toMatchObject({ status: 200, body: { status: 'UNKNOWN_USER_ID_ERROR' } });
    expect(hello).toEqual({ status: 200, body: 'Hello\n' });
  });
});

async function usersWithEmail(email: string): Promise<unknown[]> {
  const query = `email=${encodeURIComponent(email)}&doUnionOfAccountInfo=true`;
  const { body } = await coreCall(app.url, 'GET', `/public/users/by-accountinfo?${query}`);
  return (body as { users: unknown[] }).users;
}

/** Node's http client: fetch would add a text/plain content type to a string body. */
async function rawWrite(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const http = await import('node:http');
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { 'cdi-version': '5.4', ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end(body);
  });
}
