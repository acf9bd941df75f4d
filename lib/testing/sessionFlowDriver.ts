import type { SessionFlowEvent } from 'ssr-session-flow/machine';
import { FAKE_SIGN_IN_PATH, type FakeSessionFlowWorld } from './fakePorts';
import { pagePropsFor } from './sessionFlowTestModel';

export interface SessionFlowDriverOptions {
  world: FakeSessionFlowWorld;
  /** Re-render the app with new page props (what a client-side navigation or reload does). */
  showPageProps(pageProps: object): void | Promise<void>;
  /** How a person triggers these through the app's loading UI (e.g. clicking its buttons). */
  user: { retry(): unknown; signInAgain(): unknown };
  /** Lets the UI library flush after each step, e.g. Testing Library's `act`. */
  act?: (step: () => Promise<void>) => Promise<unknown>;
  /** The public page a user may wander to (a page whose props carry no verdict). */
  publicPath?: string;
  target?: Pick<Window, 'dispatchEvent'>;
  document?: Pick<Document, 'dispatchEvent'>;
}

/** xstate/graph types a step's event by its `type` only; the object still carries its payload. */
type EventExecutors = { [Type in SessionFlowEvent['type']]: (step: { event: { type: string } }) => Promise<void> };

/**
 * Turns each machine event of a test path into the real-world fact that causes it, so the app's
 * runtime and UI (not the bare machine) go through the path: `path.test({ events: driver, states })`.
 * Navigations go through the world's faithful fake Next router: a verdict arrives by completing
 * the navigation that waits for it, or by coming back to the protected page.
 */
export function createSessionFlowDriver(options: SessionFlowDriverOptions): EventExecutors {
  const { world, user } = options;
  const router = world.router.next;
  const pagePath = router.asPath;
  const publicPath = options.publicPath ?? '/about';
  const target = options.target ?? window;
  const doc = options.document ?? document;
  const act = options.act ?? (async (step: () => Promise<void>) => step());
  const show = (props: object) => async () => {
    await options.showPageProps(props);
  };
  const run = (effect: () => unknown) => async () => {
    await act(async () => {
      await flushMicrotasks();
      await effect();
      await flushMicrotasks();
    });
  };
  const isSignInPage = (path: string | null) => path !== null && path.startsWith(FAKE_SIGN_IN_PATH);

  const showVerdict = async (props: object) => {
    if (router.hasPendingNavigation() && !isSignInPage(router.pendingTarget())) {
      // The soft reload (or the navigation that cancelled it) gets its props.
      await router.completeNavigation(show(props));
      return;
    }
    // The sign-in page finished loading, then the user came back to the page.
    if (router.hasPendingNavigation()) await router.completeNavigation();
    if (router.asPath !== pagePath) {
      void router.push(pagePath);
      if (router.hasPendingNavigation()) {
        await router.completeNavigation(show(props));
        return;
      }
    }
    await show(props)();
  };

  const showPublicPage = async () => {
    const props = {};
    // A redirect to sign in that is still deciding gets there: the sign-in page is the public page.
    while (world.session.pendingRedirects() > 0) world.session.answerRedirect('started');
    if (router.hasPendingNavigation() && isSignInPage(router.pendingTarget())) {
      await router.completeNavigation(show(props));
    } else if (!router.hasPendingNavigation() && isSignInPage(router.asPath)) {
      await show(props)();
    } else {
      void router.push(publicPath);
      await router.completeNavigation(show(props));
    }
  };

  return {
    'server.verdictReceived': ({ event }) =>
      run(() => showVerdict(pagePropsFor((event as Extract<SessionFlowEvent, { type: 'server.verdictReceived' }>).verdict)))(),
    'page.publicShown': run(showPublicPage),
    'refresh.succeeded': run(() => world.session.answerRefresh('refreshed')),
    'refresh.rejected': run(() => world.session.answerRefresh('session-gone')),
    'refresh.failed': ({ event }) =>
      run(() => world.session.failRefresh((event as Extract<SessionFlowEvent, { type: 'refresh.failed' }>).cause))(),
    // A router that resolves without the app rendering new props: no verdict comes with it.
    'reload.completed': run(() => router.completeNavigation()),
    // The user follows a link to this very page while the reload runs: Next cancels the reload.
    'reload.cancelled': run(() => void router.push(pagePath)),
    'reload.failed': run(() => router.failNavigation()),
    'reload.timedOut': run(() => fireNextTimer(world, 'reload.timedOut')),
    // SuperTokens' redirect could not start (auth-react not set up here, its chunk not loaded).
    'redirect.failed': run(() => world.session.answerRedirect('failed')),
    // Neither the router nor the document load took the page away in time.
    'redirect.timedOut': run(() => fireNextTimer(world, 'redirect.timedOut')),
    'signOut.succeeded': run(() => world.session.answerSignOut('signed-out')),
    'signOut.failed': run(() => world.session.answerSignOut('failed')),
    'retry.due': run(() => fireNextTimer(world, 'retry.due')),
    // Time reaches the refresh ahead of the access token's expiry (the only timer of `authenticated`).
    'refresh.due': run(() => fireNextTimer(world, 'refresh.due')),
    'network.online': run(() => target.dispatchEvent(new Event('online'))),
    'page.restored': run(() => target.dispatchEvent(pageShowEvent())),
    'page.woke': ({ event }) =>
      run(() => {
        world.session.accessTokenExpired = (event as Extract<SessionFlowEvent, { type: 'page.woke' }>).accessTokenExpired;
        doc.dispatchEvent(new Event('visibilitychange'));
      })(),
    'user.retryRequested': run(() => user.retry()),
    'user.signInRequested': run(() => user.signInAgain()),
    'session.signedInElsewhere': run(() => world.otherTabs.announce('signed-in')),
    'session.signedOutElsewhere': run(() => world.otherTabs.announce('signed-out')),
    'session.refreshedElsewhere': run(() => {
      world.otherTabs.announce('refreshed');
      // A refresh of this tab still under way waited for the lock the other tab held, and finds
      // the session refreshed when it gets it.
      while (world.session.pendingRefreshes() > 0) world.session.answerRefresh('refreshed');
    }),
  };
}

function fireNextTimer(world: FakeSessionFlowWorld, event: string): void {
  if (!world.clock.fireNext()) throw new Error(`${event}: no timer is pending`);
}

/** jsdom has no PageTransitionEvent constructor; the runtime only reads `persisted`. */
function pageShowEvent(): Event {
  const event = new Event('pageshow');
  Object.defineProperty(event, 'persisted', { value: true });
  return event;
}

async function flushMicrotasks(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await Promise.resolve();
}
