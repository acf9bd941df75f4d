/** @jest-environment node */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import EmailPassword from 'supertokens-node/recipe/emailpassword';
import Session from 'supertokens-node/recipe/session';
import SuperTokens from 'supertokens-node';
import { DataFileError, openFileStore, seedEmailPasswordUser, summarizeApp, type EmbeddedCore } from 'ssr-session-flow-embedded-core';
import { startTestCore, TEST_PASSWORD_HASHING } from './support/coreFixture';
import { initSdk } from './support/sdk';

let folder: string;
let dataFile: string;
const running: EmbeddedCore[] = [];

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-core-'));
  dataFile = path.join(folder, 'nested', 'core.json');
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((core) => core.close()));
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('persistence to a data file', () => {
  it('keeps users, sessions and signing keys across a restart, so tokens stay valid and refreshable', async () => {
    const before = await start();
    initSdk({ connectionURI: before.url });
    await EmailPassword.signUp('public', 'persist@example.com', 'correct-horse-1');
    const session = await Session.createNewSessionWithoutRequestResponse('public', SuperTokens.convertToRecipeUserId('u-p'));
    const { accessToken, refreshToken } = session.getAllSessionTokensDangerously();
    await before.close();
    running.splice(0);

    const after = await start();
    initSdk({ connectionURI: after.url });
    const verified = await Session.getSessionWithoutRequestResponse(accessToken);
    const refreshed = await Session.refreshSessionWithoutRequestResponse(refreshToken ?? '', true);
    const signIn = await EmailPassword.signIn('public', 'persist@example.com', 'correct-horse-1');

    expect(verified.getHandle()).toBe(session.getHandle());
    expect(refreshed.getHandle()).toBe(session.getHandle());
    expect(signIn.status).toBe('OK');
  });

  it('writes the file atomically: complete JSON, no temporary file left behind', async () => {
    const core = await start();
    initSdk({ connectionURI: core.url });

    await EmailPassword.signUp('public', 'atomic@example.com', 'correct-horse-1');

    const content = JSON.parse(fs.readFileSync(dataFile, 'utf8')) as { version: number };
    expect(content.version).toBe(1);
    expect(fs.readdirSync(path.dirname(dataFile))).toEqual(['core.json']);
  });

  it('refuses to start on a data file that is not its format, naming the file', () => {
    fs.mkdirSync(path.dirname(dataFile), { recursive: true });
    fs.writeFileSync(dataFile, '{"truncated": ');

    expect(() => openFileStore(dataFile)).toThrow(DataFileError);
    expect(() => openFileStore(dataFile)).toThrow(dataFile);
  });

  it('refuses a data file whose password hash asks for more work than the core allows, naming app and user', () => {
    fs.mkdirSync(path.dirname(dataFile), { recursive: true });
    const user = { id: 'u-1', email: 'a@example.com', timeJoined: 1, tenantIds: ['public'] };
    const hash = 'scrypt$1073741824$8$1$c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=';
    fs.writeFileSync(dataFile, JSON.stringify(dataFileWithUser({ ...user, passwordHash: hash })));

    expect(() => openFileStore(dataFile)).toThrow(DataFileError);
    expect(() => openFileStore(dataFile)).toThrow(
      /app 'public' user 'u-1': password hash refused: N must be a power of two from 1024 to 1048576/,
    );
  });

  it('refuses a data file that keeps an app under a reserved id', () => {
    fs.mkdirSync(path.dirname(dataFile), { recursive: true });
    const file = dataFileWithUser(undefined);
    fs.writeFileSync(dataFile, JSON.stringify({ ...file, apps: { constructor: file.apps.public } }));

    expect(() => openFileStore(dataFile)).toThrow(/app id 'constructor' is reserved/);
  });

  it('persists seeded state only when flushed, and reads it back', async () => {
    const store = openFileStore(dataFile);
    await seedEmailPasswordUser(store, { email: 'Seed@Example.com', password: 'pw-123456', passwordHashing: TEST_PASSWORD_HASHING });

    store.flush();

    expect(summarizeApp(openFileStore(dataFile))).toMatchObject({ users: 1 });
  });
});

function dataFileWithUser(user: Record<string, unknown> | undefined) {
  const app = {
    appId: 'public',
    coreConfig: {},
    refreshTokenKey: 'a2V5',
    dynamicKeys: [],
    staticKey: null,
    users: user ? { [user.id as string]: user } : {},
    sessions: {},
    passwordResetTokens: [],
  };
  return { version: 1, apps: { public: app } };
}

async function start(): Promise<EmbeddedCore> {
  const core = await startTestCore({ dataFile });
  running.push(core);
  return core;
}
