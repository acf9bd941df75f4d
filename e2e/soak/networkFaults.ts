import type { BrowserContext, Route } from '@playwright/test';
import { replayWithCookieInFront } from '../support/faults';
import { REFRESH_PATH } from '../support/requestLog';

export type RefreshFaultKind = '5xx' | 'timeout' | 'abort';

/**
 * The network between one schedule's browser and the app: refresh calls that fail for a while,
 * and an access token on a parent domain carried by every request. One route for the whole
 * context, so the two combine (a replayed request would otherwise skip the refresh fault).
 */
export interface NetworkFaults {
  failRefreshes(kind: RefreshFaultKind, forMs: number): void;
  /** The other app's cookie on a parent domain, sent first, as Chromium sends the longer-lived match. */
  addParentDomainCookie(value: string): void;
  /**
   * The refresh calls answer again (the end of a schedule); requests still held are let go. The
   * parent-domain cookie stays: no response of the app can remove it, and the user must still end
   * on content.
   */
  heal(): void;
  /** Faults applied so far, by kind, for the results. */
  applied(): Record<string, number>;
}

/** What a timed-out request looks like to the page: no answer for this long, then a dropped connection. */
const TIMEOUT_HOLD_MS = 10_000;

export async function installNetworkFaults(context: BrowserContext, accessTokenCookie: string): Promise<NetworkFaults> {
  let refreshFault: { kind: RefreshFaultKind; until: number } | undefined;
  let parentDomainCookie: string | undefined;
  const held = new Set<() => void>();
  const counts: Record<string, number> = {};
  const count = (name: string) => {
    counts[name] = (counts[name] ?? 0) + 1;
  };

  const handle = async (route: Route) => {
    const request = route.request();
    const { pathname } = new URL(request.url());
    if (pathname === REFRESH_PATH && refreshFault && Date.now() < refreshFault.until) {
      count(`refresh-${refreshFault.kind}`);
      if (refreshFault.kind === '5xx') return route.fulfill({ status: 503, body: 'Service Unavailable' });
      if (refreshFault.kind === 'abort') return route.abort('connectionreset');
      await new Promise<void>((resolve) => {
        const release = () => {
          held.delete(release);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(release, TIMEOUT_HOLD_MS);
        held.add(release);
      });
      return route.abort('timedout').catch(() => undefined);
    }
    if (parentDomainCookie === undefined || pathname.startsWith('/_next/static/')) return route.fallback();
    count('parent-domain-cookie');
    return replayWithCookieInFront(route, context, `${accessTokenCookie}=${parentDomainCookie}`);
  };
  await context.route(() => true, handle);

  return {
    failRefreshes: (kind, forMs) => {
      refreshFault = { kind, until: Date.now() + forMs };
    },
    addParentDomainCookie: (value) => {
      parentDomainCookie = value;
    },
    heal: () => {
      refreshFault = undefined;
      for (const release of [...held]) release();
    },
    applied: () => ({ ...counts }),
  };
}
