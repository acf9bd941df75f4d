/** @jest-environment node */
import {
  createCoreApp,
  createMemoryStore,
  DEFAULT_SCRYPT_PARAMS,
  seedEmailPasswordUser,
  type CoreApp,
  type ScryptParams,
} from 'ssr-session-flow-embedded-core';
import { createPasswordHasher, parseStoredHash } from '../../embedded-core/tokens/passwords';
import { TEST_PASSWORD_HASHING } from './support/coreFixture';
import { callApp, statusOf } from './support/inProcess';

describe('sign-in does the same work whether or not the account exists', () => {
  it('computes exactly one hash with the current parameters for an unknown email and for a wrong password', async () => {
    const { app, derived } = appCountingHashes();
    await signUp(app, 'known@example.com', 'right-password-1');
    derived.length = 0;

    const unknown = await signIn(app, 'nobody@example.com', 'some-password-1');
    const unknownWork = derived.splice(0);
    const wrong = await signIn(app, 'known@example.com', 'wrong-password-1');
    const wrongWork = derived.splice(0);

    expect([statusOf(unknown), statusOf(wrong)]).toEqual(['WRONG_CREDENTIALS_ERROR', 'WRONG_CREDENTIALS_ERROR']);
    expect(unknownWork).toEqual([TEST_PASSWORD_HASHING]);
    expect(wrongWork).toEqual(unknownWork);
  });

  it('does the same one computation when the stored hash cannot be read', async () => {
    const hasher = createPasswordHasher({ params: TEST_PASSWORD_HASHING, onDerive: (params) => work.push(params) });
    const work: ScryptParams[] = [];

    const verdict = await hasher.verify('any-password-1', 'bcrypt$2a$11$not-ours');

    expect(verdict.matches).toBe(false);
    expect(work).toEqual([TEST_PASSWORD_HASHING]);
  });
});

describe('password hashing parameters', () => {
  it('defaults to scrypt N=2^16, r=8, p=2 (OWASP), which needs more than Node’s default scrypt memory and still works', async () => {
    const hasher = createPasswordHasher();

    const stored = await hasher.hash('correct-horse-1');

    expect(DEFAULT_SCRYPT_PARAMS).toEqual({ N: 65_536, r: 8, p: 2 });
    expect(stored).toMatch(/^scrypt\$65536\$8\$2\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]{44}$/);
    await expect(hasher.verify('correct-horse-1', stored)).resolves.toEqual({ matches: true, needsRehash: false });
  });

  it.each([
    ['a cost above 2^20', 'scrypt$2147483648$8$1$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=', /power of two/],
    ['a cost that is not a power of two', 'scrypt$3000$8$1$c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=', /power of two/],
    ['a huge block size', 'scrypt$1024$4096$1$c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=', /r must be/],
    ['too much work in total', 'scrypt$1048576$32$16$c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=', /more memory or work/],
    ['another scheme', '$2a$11$abcdefghijklmnopqrstuv', /not an scrypt/],
  ])('refuses a stored hash with %s', (_case, stored, reason) => {
    expect(parseStoredHash(stored)).toEqual(expect.stringMatching(reason));
  });

  it('rehashes with the current parameters after a successful sign-in against a hash made with other ones', async () => {
    const store = createMemoryStore();
    const older: ScryptParams = { N: 2 ** 11, r: 8, p: 1 };
    await seedEmailPasswordUser(store, { email: 'old@example.com', password: 'old-hash-pw-1', passwordHashing: older });
    const derived: ScryptParams[] = [];
    const app = createCoreApp({ store, passwordHashing: { params: TEST_PASSWORD_HASHING, onDerive: (p) => derived.push(p) } });

    const first = await signIn(app, 'old@example.com', 'old-hash-pw-1');
    const firstWork = derived.splice(0);
    const again = await signIn(app, 'old@example.com', 'old-hash-pw-1');

    expect([statusOf(first), statusOf(again)]).toEqual(['OK', 'OK']);
    expect(firstWork).toEqual([older, TEST_PASSWORD_HASHING]);
    expect(derived).toEqual([TEST_PASSWORD_HASHING]);
  });
});

function appCountingHashes(): { app: CoreApp; derived: ScryptParams[] } {
  const derived: ScryptParams[] = [];
  const app = createCoreApp({ passwordHashing: { params: TEST_PASSWORD_HASHING, onDerive: (params) => derived.push(params) } });
  return { app, derived };
}

function signUp(app: CoreApp, email: string, password: string) {
  return callApp(app, 'POST', '/public/recipe/signup', { email, password });
}

function signIn(app: CoreApp, email: string, password: string) {
  return callApp(app, 'POST', '/public/recipe/signin', { email, password });
}
