import { assign, createActor, setup } from 'xstate';
import { sessionFlowMachine } from '../../machines/sessionFlowMachine';
import { createSessionFlowInspect } from '../../lib/inspect/sessionFlowInspect';
import {
  afterInspectorFrames,
  createFakeInspectorWindow,
  createMemoryStorage,
  withEnv,
} from './support/fakeInspectorWindow';

/**
 * Whatever the actors hold, nothing secret reaches the inspector window (posted with target origin
 * `'*'`) or the tab's `sessionStorage` log. Asserted on the serialised payloads themselves.
 */
const USER_ID = 'fa7b3c2e-91d4-4c55-8e0a-3b2f6d1c9e47';
const PLAIN_USER_ID = 'user-Zq81';
const ACCESS_TOKEN =
  'eyJraWQiOiJkLTE3MDAiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJmYTdiM2MyZSIsImV4cCI6MTcwMDAwMDAwMH0.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU';
const REFRESH_TOKEN = 'Rt8hQ2mLx9Vb4Nc7Kd1Fz6Wp3Ys5Jg0Ua2Ie8Ho4Tq7Xr9';
const FRONT_TOKEN = 'eyJ1aWQiOiJmYTdiM2MyZSIsImF0ZSI6MTcwMDAwMDAwMH0=';
const ANTI_CSRF = 'csrf-5d1e';
const COOKIE_VALUE = 'cookie-value-8841';
const EMAIL = 'ada@example.com';
const PASSWORD = 'correct horse battery';
const SECRETS = [USER_ID, PLAIN_USER_ID, ACCESS_TOKEN, REFRESH_TOKEN, FRONT_TOKEN, ANTI_CSRF, COOKIE_VALUE, EMAIL, PASSWORD];

describe('what the inspector and the transition log receive', () => {
  let restoreEnv: () => void;
  beforeEach(() => {
    restoreEnv = withEnv({ NODE_ENV: 'development', NEXT_PUBLIC_XSTATE_INSPECT: '1' });
  });
  afterEach(() => restoreEnv());

  it('carries no user id, in the actor input, the context or the events of the session flow', async () => {
    const { inspectorWindow, storage, inspection } = startInspection('p1');
    const actor = createActor(sessionFlowMachine, {
      input: { verdict: { status: 'ok', userId: USER_ID } },
      inspect: inspection.inspect,
    }).start();
    actor.send({ type: 'server.verdictReceived', verdict: { status: 'ok', userId: PLAIN_USER_ID } });
    await connectAndSettle(inspectorWindow, inspection.ready);

    const posted = JSON.stringify(inspectorWindow.posted);
    expect(inspectorWindow.posted.length).toBeGreaterThanOrEqual(5);
    expect(posted).toContain('"userId":"[redacted]"');
    expectNoSecrets(posted);
    expectNoSecrets(storage.dump());
  });

  it('carries no token, cookie value, e-mail or password held in context, events or the machine config', async () => {
    const { inspectorWindow, storage, inspection } = startInspection('p1');
    const actor = createActor(tokenHoldingMachine, { inspect: inspection.inspect }).start();
    actor.send({
      type: 'tokens.received',
      accessToken: ACCESS_TOKEN,
      detail: `Bearer ${ACCESS_TOKEN}; set-cookie sRefreshToken=${REFRESH_TOKEN}; sFrontToken=${FRONT_TOKEN}`,
      headers: { 'anti-csrf': ANTI_CSRF, cookie: `sAccessToken=${COOKIE_VALUE}` },
    });
    await connectAndSettle(inspectorWindow, inspection.ready);

    const posted = JSON.stringify(inspectorWindow.posted);
    expectNoSecrets(posted);
    expect(posted).toContain('"accessToken":"[redacted]"');
    // Names from code stay readable even when they mention tokens: states, and events in the definition.
    expect(posted).toContain('"value":{"withToken":"fresh"}');
    expect(inspectorWindow.posted[0]?.definition).toContain('"tokens.received":{');
    expectNoSecrets(storage.dump());
  });

  it('replays a previous page without any of its secrets', async () => {
    const tab = createMemoryStorage();
    const first = startInspection('p1', tab);
    createActor(tokenHoldingMachine, { inspect: first.inspection.inspect })
      .start()
      .send({ type: 'tokens.received', accessToken: ACCESS_TOKEN, detail: REFRESH_TOKEN, headers: { cookie: COOKIE_VALUE } });

    const second = startInspection('p2', tab);
    createActor(tokenHoldingMachine, { inspect: second.inspection.inspect }).start();
    await connectAndSettle(second.inspectorWindow, second.inspection.ready);

    const replayed = JSON.stringify(second.inspectorWindow.posted);
    expect(replayed).toContain('@p1');
    expectNoSecrets(replayed);
  });
});

function expectNoSecrets(serialised: string) {
  for (const secret of SECRETS) expect(serialised).not.toContain(secret);
}

function startInspection(pageId: string, storage = createMemoryStorage()) {
  const inspectorWindow = createFakeInspectorWindow();
  const inspection = createSessionFlowInspect({ window: inspectorWindow.window, storage, pageId });
  if (!inspection) throw new Error('the inspector should be on in development with the flag');
  return { inspectorWindow, storage, inspection };
}

async function connectAndSettle(inspectorWindow: ReturnType<typeof createFakeInspectorWindow>, ready: Promise<void>) {
  await ready;
  inspectorWindow.connect();
  await afterInspectorFrames();
}

/** A machine that holds everything a careless app might put in context. */
const tokenHoldingMachine = setup({
  types: {
    context: {} as { session: unknown; profile: { email: string; password: string }; note: string },
    events: {} as { type: 'tokens.received'; accessToken: string; detail: string; headers: Record<string, string> },
  },
}).createMachine({
  id: 'tokenHolder',
  context: {
    session: null,
    profile: { email: EMAIL, password: PASSWORD },
    note: `signed in as ${EMAIL} with ${FRONT_TOKEN}`,
  },
  initial: 'signedOut',
  states: {
    signedOut: {
      on: {
        'tokens.received': {
          target: 'withToken',
          actions: assign({
            session: ({ event }) => ({ accessToken: event.accessToken, refreshToken: REFRESH_TOKEN, antiCsrf: ANTI_CSRF }),
            note: ({ event }) => event.detail,
          }),
        },
      },
    },
    withToken: { initial: 'fresh', states: { fresh: {} } },
  },
});
