import type { BrowserContext, Page } from '@playwright/test';
import { REFRESH_PATH } from '../support/requestLog';
import { jwtPart } from '../support/jwtPart';

/** What the soak holds the app to throughout a schedule (issue 18), each with its budget. */
export const BUDGETS = {
  /** Protected content may stay on screen this long after a sign-out anywhere. */
  contentAfterSignOutMs: 3_000,
  /** Document loads a tab may make by itself (redirects, the reload fallback) per schedule, beyond those the schedule asked for. */
  ownDocumentLoads: 4,
  /** Refresh calls of all tabs together within one access-token lifetime. */
  refreshesPerLifetime: 4,
} as const;

export interface Violation {
  invariant: 'content-after-sign-out' | 'another-users-content' | 'document-reload-loop' | 'refresh-storm' | 'uncaught-error' | 'sign-out-by-fault' | 'ending';
  detail: string;
}

export interface SoakWatch {
  /** The schedule is about to load documents itself (a reload, Back, a typed URL, a sign-in page). */
  allowDocuments(count: number): void;
  /** The schedule signs out on purpose (another tab's button, "Sign in again"). */
  allowSignOut(): void;
  /** The user the tabs may show from now on (after a sign-in as them). */
  expectUser(userId: string): void;
  /** Whether the session was ended by a sign-out response and not started again since. */
  signedOut(): boolean;
  /** New violations since the last call: checked after every command and while waiting. */
  check(): Violation[];
  counts(): { documents: number; refreshes: number; signOuts: number; contentSightings: number };
  /** The last requests of every tab with their answers, for a failure's report. */
  recentRequests(): string[];
}

interface Sighting {
  page: Page;
  userId: string | null;
  at: number;
}

/**
 * Watches every tab of a schedule's context: what protected content each shows and when (a
 * MutationObserver reports every change of `[data-testid=user-id]`'s visibility to Node, which
 * stamps it with its own clock, so a moved browser clock cannot hide anything), the documents,
 * refresh calls and sign-outs on the wire, and every uncaught error.
 */
export async function watchInvariants(
  context: BrowserContext,
  accessTokenLifetimeMs: number,
  liveSessionHandles: (userId: string) => Promise<string[]>,
): Promise<SoakWatch> {
  const violations: Violation[] = [];
  let reported = 0;
  const sightings: Sighting[] = [];
  const shownNow = new Map<Page, Sighting>();
  let expectedUserId: string | undefined;
  let signedOutAt: number | undefined;
  let documents = 0;
  let documentAllowance = 0;
  let signOutAllowance = 0;
  let signOuts = 0;
  const refreshTimes: number[] = [];
  let refreshes = 0;

  await context.exposeBinding('__soakContent', ({ page }, userId: string | null) => {
    const sighting = { page, userId, at: Date.now() };
    sightings.push(sighting);
    if (userId === null) shownNow.delete(page);
    else {
      shownNow.set(page, sighting);
      judgeSighting(sighting);
    }
  });
  // A string, not a function: the TypeScript loader would add helpers the page does not have.
  await context.addInitScript(`(() => {
    let last;
    const report = (gone) => {
      const element = gone ? null : document.querySelector('[data-testid="user-id"]');
      const userId = element && element.checkVisibility() ? (element.textContent ?? '') : null;
      if (userId === last) return;
      last = userId;
      void window.__soakContent(userId);
    };
    new MutationObserver(() => report(false)).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    window.addEventListener('pagehide', () => report(true));
  })();`);

  const judgeSighting = (sighting: Sighting) => {
    if (signedOutAt !== undefined && sighting.at > signedOutAt + BUDGETS.contentAfterSignOutMs) {
      violations.push({ invariant: 'content-after-sign-out', detail: `${sighting.page.url()} showed ${sighting.userId} ${sighting.at - signedOutAt} ms after a sign-out` });
    }
    if (sighting.userId !== null && expectedUserId !== undefined && sighting.userId !== expectedUserId) {
      violations.push({ invariant: 'another-users-content', detail: `a tab showed ${sighting.userId} while ${expectedUserId} is signed in (${sighting.page.url()})` });
    }
  };

  const watchPage = (page: Page) => {
    page.on('pageerror', (error) => violations.push({ invariant: 'uncaught-error', detail: `${page.url()}: ${error.message}` }));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      // The browser's own line for an answer the schedule made fail (503, reset, timed out).
      if (/^Failed to load resource|net::ERR_/.test(text)) return;
      violations.push({ invariant: 'uncaught-error', detail: `console.error on ${page.url()}: ${text.slice(0, 300)}` });
    });
    page.on('close', () => shownNow.delete(page));
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);

  context.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (request.isNavigationRequest() && request.resourceType() === 'document') {
      documents += 1;
      if (documents > documentAllowance + BUDGETS.ownDocumentLoads) {
        violations.push({ invariant: 'document-reload-loop', detail: `${documents} document loads, ${documentAllowance} asked for by the schedule (last: ${pathname})` });
        documentAllowance = Number.POSITIVE_INFINITY; // reported once
      }
    }
    if (request.method() === 'POST' && pathname === REFRESH_PATH) {
      const now = Date.now();
      refreshes += 1;
      refreshTimes.push(now);
      const inLifetime = refreshTimes.filter((t) => t > now - accessTokenLifetimeMs).length;
      if (inLifetime > BUDGETS.refreshesPerLifetime) {
        violations.push({ invariant: 'refresh-storm', detail: `${inLifetime} refresh calls within one access-token lifetime (${accessTokenLifetimeMs} ms)` });
        refreshTimes.length = 0;
      }
    }
  });
  const recent: string[] = [];
  const started = Date.now();
  const remember = (line: string) => {
    recent.push(`+${((Date.now() - started) / 1000).toFixed(1)}s ${line}`);
    if (recent.length > 40) recent.shift();
  };
  context.on('requestfailed', (request) => {
    if (!request.url().includes('/_next/static/')) remember(`${request.method()} ${new URL(request.url()).pathname} failed: ${request.failure()?.errorText ?? '?'}`);
    if (request.method() === 'POST' && isSignInPath(new URL(request.url()).pathname)) void noticeSignInTheTabLeft();
  });
  // A sign-in the page left before its answer was read (a link clicked meanwhile) is a failed
  // request to the browser, yet the server may have answered and the browser kept the cookies:
  // the user is signed in, and the flow recovers the session (CI's smoke, seed 6). It counts when
  // the tab's access token (path `/`: a stale one elsewhere is not a session) is of a session the
  // core has.
  const noticeSignInTheTabLeft = async () => {
    const since = signedOutAt;
    const userId = expectedUserId;
    if (since === undefined || userId === undefined) return;
    const token = (await context.cookies().catch(() => [])).find((c) => c.name === 'sAccessToken' && c.path === '/' && c.value);
    const handle = token ? sessionHandleOf(token.value) : undefined;
    const live: string[] = handle ? await liveSessionHandles(userId).catch(() => []) : [];
    if (handle && live.includes(handle) && signedOutAt === since) signedOutAt = undefined;
  };
  context.on('requestfinished', (request) => {
    if (!request.url().includes('/_next/static/')) {
      void request
        .response()
        .catch(() => null)
        .then((response) => remember(`${request.method()} ${new URL(request.url()).pathname} ${response?.status() ?? '?'}`));
    }
  });
  // Sessions begin and end as their answers' headers arrive, before the page reads them: a
  // sign-in is an answer carrying a new front token (its body may be gone by the time it is
  // read, the page having navigated on).
  context.on('response', (response) => {
    const request = response.request();
    const { pathname } = new URL(response.url());
    if (request.method() !== 'POST' || response.status() !== 200) return;
    const frontToken = response.headers()['front-token'];
    if (pathname === '/api/auth/signout') {
      signOuts += 1;
      signedOutAt = Date.now();
      if (signOutAllowance === 0) violations.push({ invariant: 'sign-out-by-fault', detail: `a sign-out nobody asked for, from ${request.headers().referer ?? 'an unknown page'}` });
      else signOutAllowance -= 1;
    }
    if (isSignInPath(pathname) && frontToken && frontToken !== 'remove') signedOutAt = undefined;
  });

  return {
    allowDocuments: (count) => {
      documentAllowance += count;
    },
    allowSignOut: () => {
      signOutAllowance += 1;
    },
    expectUser: (userId) => {
      expectedUserId = userId;
    },
    signedOut: () => signedOutAt !== undefined,
    check: () => {
      if (signedOutAt !== undefined && Date.now() > signedOutAt + BUDGETS.contentAfterSignOutMs) {
        for (const sighting of shownNow.values()) {
          if (sighting.page.isClosed()) continue;
          violations.push({
            invariant: 'content-after-sign-out',
            detail: `${sighting.page.url()} still shows ${sighting.userId} ${Date.now() - signedOutAt} ms after a sign-out`,
          });
          shownNow.delete(sighting.page); // reported once
        }
      }
      const fresh = violations.slice(reported);
      reported = violations.length;
      return fresh;
    },
    recentRequests: () => [...recent],
    counts: () => ({ documents, refreshes, signOuts, contentSightings: sightings.length }),
  };
}

const isSignInPath = (pathname: string) => pathname === '/api/auth/signin' || pathname === '/api/auth/signup';

/** The session an access token (a JWT) belongs to; `undefined` for one that cannot be read. */
function sessionHandleOf(accessToken: string): string | undefined {
  const { sessionHandle } = jwtPart(accessToken, 'payload');
  return typeof sessionHandle === 'string' ? sessionHandle : undefined;
}
