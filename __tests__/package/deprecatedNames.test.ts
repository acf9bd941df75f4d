/** @jest-environment node */
import * as client from 'ssr-session-flow/client';
import * as server from 'ssr-session-flow/server';
import * as appRouterClient from 'ssr-session-flow/app-router/client';
import * as appRouterServer from 'ssr-session-flow/app-router/server';
import * as machine from 'ssr-session-flow/machine';
import * as testing from 'ssr-session-flow/testing';
import type { SessionGateProps, SessionFlow, SessionFlowOptions, LoadingTimings, RouterPorts, RecoveryAttemptStore } from 'ssr-session-flow/client';
import type { RequestContext, SessionCheck, SessionCheckOptions, SessionPageHandler, VerifiedSession } from 'ssr-session-flow/server';
import type { NeedsRefreshOutcome, SessionOutcome } from 'ssr-session-flow/machine';

jest.mock('next/headers', () => ({ headers: async () => new Headers() }));

/**
 * Every value 0.3 exported still answers to its name in 0.4 (deprecated, removed in 0.5); the
 * types above are checked by `npm run typecheck`.
 */
const VALUES_OF_0_3 = {
  client: [
    'SessionGate', 'DefaultLoadingScreen', 'DEFAULT_LOADING_TIMINGS', 'useDelayedVisibility', 'useSessionFlow',
    'createSessionFlowLogic', 'createBrowserPorts', 'pagesRouterPorts', 'REFRESH_START_MARK', 'RETURN_TO_PARAM',
    'classifyRefreshError', 'createPagesRouterReload', 'createCrossTabSessionEvents', 'crossTabSessionEvents',
    'publishSessionEventsToOtherTabs', 'createWebLocksLockFactory', 'toSameOriginPath', 'accessTokenExpiryFromCookies',
    'FRONT_TOKEN_COOKIE', 'createRecoveryAttemptStore', 'createTabStorageSlot', 'safeSessionStorage',
  ],
  server: [
    'ACCESS_TOKEN_COOKIE', 'checkSession', 'getSessionOutcome', 'SESSION_CACHE_CONTROL', 'withSession',
    'DEFAULT_SESSION_OUTCOME_ENDPOINT', 'withSessionInitialProps', 'createSessionOutcomeApi', 'createAuthApiRoute',
  ],
  appRouterClient: ['SessionFlowBoundary', 'SessionVerdict', 'useTrackedRefresh'],
  appRouterServer: ['getAppRouterSession', 'getAppRouterSessionOutcome'],
  machine: ['isSessionOutcome', 'readSessionOutcome'],
  testing: ['SAMPLE_OUTCOMES', 'pagePropsFor', 'createSessionFlowTestModel', 'createFakeSessionFlowWorld'],
} as const;

type _TypesOf03 = [
  SessionGateProps, SessionFlow, SessionFlowOptions, LoadingTimings, RouterPorts, RecoveryAttemptStore,
  RequestContext, SessionCheck, SessionCheckOptions, SessionPageHandler<object>, VerifiedSession,
  SessionOutcome, NeedsRefreshOutcome,
];

describe('the names of 0.3, deprecated in 0.4', () => {
  const entries = { client, server, appRouterClient, appRouterServer, machine, testing } as Record<string, Record<string, unknown>>;

  it.each(Object.entries(VALUES_OF_0_3))('%s still exports every value it had', (entry, names) => {
    const missing = names.filter((name) => entries[entry]?.[name] === undefined);
    expect(missing).toEqual([]);
  });

  it('the old withSession still hands pages their verdict as sessionOutcome too', async () => {
    const page = server.withSession(async () => ({ props: { plan: 'pro' } }));
    const ctx = { req: { headers: {} }, res: { setHeader: () => undefined } } as unknown as Parameters<typeof page>[0];
    const result = await page(ctx);
    const verdict = { status: 'needs-refresh', reason: 'missing' };
    expect(result).toEqual({ props: { sessionVerdict: verdict, sessionOutcome: verdict, fromSupertokens: 'needs-refresh' } });
  });

  it('readSessionVerdict still reads props made by 0.3 (sessionOutcome)', () => {
    expect(machine.readSessionVerdict({ sessionOutcome: { status: 'ok', userId: 'u1' } })).toEqual({ status: 'ok', userId: 'u1' });
  });
});
