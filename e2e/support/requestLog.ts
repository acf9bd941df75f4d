import type { BrowserContext, Page, Request } from '@playwright/test';

export const REFRESH_PATH = '/api/auth/session/refresh';
/** Where getInitialProps pages ask for the verdict when they run in the browser. */
export const SESSION_VERDICT_PATH = '/api/session-verdict';

/**
 * What the session flow cares about: page loads, server-props re-runs (`_next/data` for
 * getServerSideProps, the verdict API for getInitialProps, server-component payloads for the App
 * Router) and refresh calls.
 */
export type RequestKind = 'document' | 'data' | 'rsc' | 'session-verdict' | 'refresh' | 'other';

export interface LoggedRequest {
  kind: RequestKind;
  page: Page | null;
  method: string;
  /** The path with its query, e.g. `/_next/data/<build>/account.json`. */
  path: string;
  /** Wall-clock time the browser sent it (ms since epoch). */
  sentAt: number;
  /** HTTP status once answered; `null` while pending or when the request failed. */
  status: number | null;
  failure: string | null;
}

export interface RequestLog {
  all(): LoggedRequest[];
  ofKind(kind: RequestKind, page?: Page): LoggedRequest[];
  /** Requests sent after `since` (see `mark`). */
  ofKindSince(kind: RequestKind, since: number, page?: Page): LoggedRequest[];
  /** A position in the log: pass it to `ofKindSince` to count only what happens afterwards. */
  mark(): number;
}

/** Classifies every request of every tab of `context`, with its answer or failure. */
export function recordRequests(context: BrowserContext): RequestLog {
  const entries: LoggedRequest[] = [];
  const byRequest = new Map<Request, LoggedRequest>();

  context.on('request', (request) => {
    const entry: LoggedRequest = {
      kind: classify(request),
      page: pageOf(request),
      method: request.method(),
      path: pathOf(request.url()),
      sentAt: Date.now(),
      status: null,
      failure: null,
    };
    entries.push(entry);
    byRequest.set(request, entry);
  });
  context.on('response', (response) => {
    const entry = byRequest.get(response.request());
    if (entry) entry.status = response.status();
  });
  context.on('requestfailed', (request) => {
    const entry = byRequest.get(request);
    if (entry) entry.failure = request.failure()?.errorText ?? 'failed';
  });

  const ofKindSince = (kind: RequestKind, since: number, page?: Page) =>
    entries.slice(since).filter((entry) => entry.kind === kind && (page === undefined || entry.page === page));
  return {
    all: () => [...entries],
    ofKind: (kind, page) => ofKindSince(kind, 0, page),
    ofKindSince,
    mark: () => entries.length,
  };
}

function classify(request: Request): RequestKind {
  const { pathname } = new URL(request.url());
  if (request.isNavigationRequest() && request.resourceType() === 'document' && isMainFrame(request)) return 'document';
  if (pathname.startsWith('/_next/data/')) return 'data';
  // The App Router's server-component payloads (navigations, prefetches, router.refresh()).
  if (request.headers().rsc === '1') return 'rsc';
  if (pathname === SESSION_VERDICT_PATH) return 'session-verdict';
  if (request.method() === 'POST' && pathname === REFRESH_PATH) return 'refresh';
  return 'other';
}

function isMainFrame(request: Request): boolean {
  try {
    return request.frame().parentFrame() === null;
  } catch {
    // Service-worker requests have no frame.
    return false;
  }
}

function pageOf(request: Request): Page | null {
  try {
    return request.frame().page();
  } catch {
    return null;
  }
}

function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}
