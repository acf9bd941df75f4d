import { Suspense, type ReactNode } from 'react';
import { SessionBoundary, type SessionBoundaryProps } from 'ssr-session-flow/app-router/client';
import type { SessionFlowMessageOverrides } from 'ssr-session-flow/machine';
import type { SessionCheckOptions } from 'ssr-session-flow/supertokens/server';
import { getSessionVerdict } from './checkSession';
import { mayUseCacheComponents } from './cacheComponentsFlag';

/** What a server layout can hand the boundary: plain data and elements, no functions. */
export interface SessionLayoutProps
  extends Omit<SessionBoundaryProps, 'verdict' | 'ports' | 'session' | 'renderLoading' | 'runtime' | 'messages'>,
    SessionCheckOptions {
  /** The words, or a promise of them (read per request, e.g. from `Accept-Language`, beside the check). */
  messages?: SessionFlowMessageOverrides | Promise<SessionFlowMessageOverrides>;
  /**
   * What shows while the verdict is being decided, when the route streams or is prerendered. Given,
   * the check always runs inside a `<Suspense>` with it; without one, only where `cacheComponents`
   * may be on (see below).
   */
  fallback?: ReactNode;
}

/**
 * A protected layout in one line: `export default function Layout({ children }) { return
 * <SessionLayout>{children}</SessionLayout>; }`. It checks the session (once per request, the
 * pages under it reuse the check) and runs the `SessionBoundary` with the verdict. Loading UI,
 * words and the inspector pass as props (`loading={<MyLoading />}`, `messages`, `inspect`): no
 * client wrapper to write.
 *
 * The check runs inside a `<Suspense>` only where it must: the request's cookies are runtime data,
 * which `cacheComponents` (Next 16) allows only there, or the app gave a `fallback` to stream. A
 * `<Suspense>` that is new on a client navigation shows its fallback when the check's answer comes
 * a moment after the rest of the response, and React then holds the content back until 300 ms
 * after that fallback appeared (it throttles reveals): about every other navigation into the
 * layout took 300 ms longer on loopback. Without the boundary the navigation waits for the check,
 * as it waits for any async layout.
 */
export function SessionLayout({ children, fallback, checkDatabase, ...options }: SessionLayoutProps) {
  const boundary = (
    <CheckedBoundary {...options} checkDatabase={checkDatabase}>
      {children}
    </CheckedBoundary>
  );
  if (fallback === undefined && !mayUseCacheComponents()) return boundary;
  return <Suspense fallback={fallback ?? null}>{boundary}</Suspense>;
}

async function CheckedBoundary({ children, checkDatabase, messages, ...options }: Omit<SessionLayoutProps, 'fallback'>) {
  const [verdict, words] = await Promise.all([getSessionVerdict({ checkDatabase }), messages]);
  return (
    <SessionBoundary {...options} verdict={verdict} messages={words}>
      {children}
    </SessionBoundary>
  );
}
