import type { ReactNode } from 'react';
import { SessionLayout } from 'ssr-session-flow/app-router/server';
import { requestMessages } from '../../../config/requestMessages';

/**
 * Guards every page under it with one check per request (the pages reuse it through React's
 * `cache`). A client-side navigation re-renders the page, not this layout: each page is wrapped in
 * `withSession`, which reports its own verdict. Everything the boundary takes is a server value:
 * the words in the browser's language (a promise, read beside the layout's check); the
 * inspector comes on by itself in development with the flag.
 */
export default function ProtectedLayout({ children }: { children: ReactNode }) {
  return <SessionLayout messages={requestMessages()}>{children}</SessionLayout>;
}
