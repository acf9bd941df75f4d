import type { ReactNode } from 'react';
import { SessionVerdictReport } from 'ssr-session-flow/app-router/client';
import type { SessionCheckOptions, VerifiedSession } from 'ssr-session-flow/supertokens/server';
import { checkSession } from './checkSession';

/** A protected page of the App Router, given its props and the session the server accepted. */
export type SessionPage<Props> = (props: Props, session: VerifiedSession) => ReactNode | Promise<ReactNode>;

/**
 * `export default withSession(async ({ params }, session) => <Account userId={session.userId} />)`
 *
 * The page runs only for an accepted session. Otherwise it renders the verdict for the
 * `SessionBoundary` above it, which recovers: a client-side navigation re-renders the page on the
 * server but not the layout above it, so a page that forgot to report its verdict would never
 * recover. The check is the layout's, reused (one per request).
 */
export function withSession<Props>(page: SessionPage<Props>, options: SessionCheckOptions = {}) {
  return async function PageWithSession(props: Props): Promise<ReactNode> {
    const check = await checkSession(options);
    if (!check.session) return <SessionVerdictReport verdict={check.verdict} />;
    return page(props, check.session);
  };
}
