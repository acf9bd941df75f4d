/** @jest-environment node */
import SuperTokens from 'supertokens-node';
import EmailPassword from 'supertokens-node/recipe/emailpassword';
import Session from 'supertokens-node/recipe/session';
import { createCoreApp, createFakeClock } from 'ssr-session-flow-embedded-core';
import { coreCall, createTestApp, TEST_PASSWORD_HASHING, useSharedTestCore, type TestApp } from './support/coreFixture';
import { callApp } from './support/inProcess';
import { initSdk } from './support/sdk';

const shared = useSharedTestCore();
let app: TestApp;

beforeEach(async () => {
  app = await createTestApp(shared.core);
  initSdk({ connectionURI: app.url });
});

describe('listing and counting users through the SDK', () => {
  it('pages through every user newest first and oldest first, with the core’s pagination token', async () => {
    const ids = await signUpUsers(['u1', 'u2', 'u3', 'u4', 'u5']);

    const newest = await collect((paginationToken) => SuperTokens.getUsersNewestFirst({ tenantId: 'public', limit: 2, paginationToken }));
    const oldest = await collect((paginationToken) => SuperTokens.getUsersOldestFirst({ tenantId: 'public', limit: 2, paginationToken }));

    expect(newest.pages).toEqual([2, 2, 1]);
    expect(newest.ids).toEqual([...ids].reverse());
    expect(oldest.ids).toEqual(ids);
    expect(newest.tokens.every((token) => Buffer.from(token, 'base64').toString().includes(';'))).toBe(true);
  });

  it('returns each user exactly once across pages when several joined in the same millisecond', async () => {
    const core = createCoreApp({ clock: createFakeClock(Date.UTC(2030, 0, 1)), passwordHashing: { params: TEST_PASSWORD_HASHING } });
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      await callApp(core, 'POST', '/public/recipe/signup', { email: `${name}@example.com`, password: 'correct-horse-1' });
    }

    const seen: string[] = [];
    let token: string | undefined;
    do {
      const query = `limit=2${token ? `&paginationToken=${encodeURIComponent(token)}` : ''}`;
      const page = (await callApp(core, 'GET', `/public/users?${query}`)).body as unknown as Page;
      seen.push(...page.users.map((user) => user.id));
      token = page.nextPaginationToken;
    } while (token);

    expect(seen).toHaveLength(5);
    expect(seen).toEqual([...seen].sort().reverse());
  });

  it('keeps only the recipes asked for', async () => {
    await signUpUsers(['only']);

    const emailPassword = await SuperTokens.getUsersNewestFirst({ tenantId: 'public', includeRecipeIds: ['emailpassword'] });
    const thirdParty = await SuperTokens.getUsersNewestFirst({ tenantId: 'public', includeRecipeIds: ['thirdparty'] });

    expect(emailPassword.users).toHaveLength(1);
    expect(thirdParty.users).toEqual([]);
  });

  it('counts the users of the app and of a recipe', async () => {
    await signUpUsers(['c1', 'c2', 'c3']);

    const all = await SuperTokens.getUserCount();
    const inTenant = await SuperTokens.getUserCount(undefined, 'public');
    const thirdParty = await SuperTokens.getUserCount(['thirdparty']);

    expect([all, inTenant, thirdParty]).toEqual([3, 3, 0]);
  });

  it.each([
    ['a limit of 0', 'limit=0', 'limit must a positive integer with min value 1'],
    ['a limit over 500', 'limit=501', 'max limit allowed is 500'],
    ['a limit that is not an int', 'limit=ten', "Field name 'limit' must be an int in the GET request"],
    ['an unknown order', 'timeJoinedOrder=asc', 'timeJoinedOrder can be either ASC OR DESC'],
    ['an unknown recipe', 'includeRecipeIds=emailpassword,magic', 'Unknown recipe ID: magic'],
    ['a pagination token that is not the core’s', 'paginationToken=bm90LWEtdG9rZW4=', 'invalid pagination token'],
  ])('answers 400 for %s', async (_case, query, message) => {
    const result = await coreCall(app.url, 'GET', `/public/users?${query}`);

    expect(result).toMatchObject({ status: 400, body: `${message}\n` });
  });
});

describe('deleting a user through the SDK', () => {
  it('removes the user and every session of the user, and leaves other users alone', async () => {
    const [gone, stays] = await signUpUsers(['gone', 'stays']);
    const session = await Session.createNewSessionWithoutRequestResponse('public', SuperTokens.convertToRecipeUserId(gone ?? ''));
    await Session.createNewSessionWithoutRequestResponse('public', SuperTokens.convertToRecipeUserId(stays ?? ''));

    await SuperTokens.deleteUser(gone ?? '');

    await expect(SuperTokens.getUser(gone ?? '')).resolves.toBeUndefined();
    await expect(Session.getAllSessionHandlesForUser(gone ?? '')).resolves.toEqual([]);
    await expect(Session.getSessionInformation(session.getHandle())).resolves.toBeUndefined();
    await expect(SuperTokens.getUser(stays ?? '')).resolves.toMatchObject({ id: stays });
    await expect(Session.getAllSessionHandlesForUser(stays ?? '')).resolves.toHaveLength(1);
    await expect(EmailPassword.signIn('public', 'gone@example.com', 'correct-horse-1')).resolves.toEqual({
      status: 'WRONG_CREDENTIALS_ERROR',
    });
  });

  it('answers OK for a user that does not exist', async () => {
    const result = await coreCall(app.url, 'POST', '/user/remove', { userId: 'nobody' });

    expect(result).toMatchObject({ status: 200, body: { status: 'OK' } });
  });
});

/** Signs users up one millisecond of core time apart, so join times (and so the order) are distinct. */
async function signUpUsers(names: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    shared.clock.offsetMs += 5;
    const result = await EmailPassword.signUp('public', `${name}@example.com`, 'correct-horse-1');
    if (result.status !== 'OK') throw new Error(`sign-up of ${name} failed: ${result.status}`);
    ids.push(result.user.id);
  }
  return ids;
}

interface Page {
  users: Array<{ id: string }>;
  nextPaginationToken?: string;
}

async function collect(fetchPage: (token: string | undefined) => Promise<Page>) {
  const ids: string[] = [];
  const pages: number[] = [];
  const tokens: string[] = [];
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    ids.push(...page.users.map((user) => user.id));
    pages.push(page.users.length);
    token = page.nextPaginationToken;
    if (token) tokens.push(token);
  } while (token);
  return { ids, pages, tokens };
}
