import { Suspense, type ReactNode } from 'react';
import { SessionBoundary, type SessionBoundaryProps } from 'ssr-session-flow/app-router/client';
import type { SessionFlowMessageOverrides } from 'ssr-session-flow/machine';
import type { SessionCheckOptions } from 'ssr-session-flow/supertokens/server';
import { getSessionVerdict } from './checkSession';

/** What a server layout can hand the boundary: plain data and elements, no functions. */
export interface SessionLayoutProps
  extends Omit<SessionBoundaryProps, 'verdict' | 'ports' | 'session' | 'renderLoading' | 'runtime' | 'messages'>,
    SessionCheckOptions {
  /** The words, or a promise of them (read per request, e.g. from `Accept-Language`, inside the `<Suspense>`). */
  messages?: SessionFlowMessageOverrides | Promise<SessionFlowMessageOverrides>;
  /** What shows while the verdict is being decided, when the route streams or is prerendered. */
  fallback?: ReactNode;
}

/**
 * A protected layout in one line: `export default function Layout({ children }) { return
 * <SessionLayout>{children}</SessionLayout>; }`. It checks the session (once per request, the
 * pages under it reuse the check) and runs the `SessionBoundary` with the verdict, inside a
 * `<Suspense>`: the request's cookies are runtime data, which `cacheComponents` (Next 16) allows
 * only there. Loading UI, words and the inspector pass as props (`loading={<MyLoading />}`,
 * `messages`, `inspect`): no client wrapper to write.
 */
export function SessionLayout({ children, fallback = null, checkDatabase, ...options }: SessionLayoutProps) {
  return (
    <Suspense fallback={fallback}>
      <CheckedBoundary {...options} checkDatabase={checkDatabase}>
        {children}
      </CheckedBoundary>
    </Suspense>
  );
}

async function CheckedBoundary({ children, checkDatabase, messages, ...options }: Omit<SessionLayoutProps, 'fallback'>) {
  const [verdict, words] = await Promise.all([getSessionVerdict({ checkDatabase }), messages]);
  return (
    <SessionBoundary {...options} verdict={verdict} messages={words}>
      {children}
    </SessionBoundary>
  );
}
