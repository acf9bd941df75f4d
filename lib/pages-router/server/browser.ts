/**
 * `ssr-session-flow/pages-router/server` as a browser bundle sees it (the "browser" export condition): only
 * what a page may call on both sides. Nothing here refers to supertokens-node.
 */
import { sessionInitialProps } from './initialPropsSession';

export {
  DEFAULT_SESSION_VERDICT_ENDPOINT,
  type InitialPropsSessionOptions,
} from './initialPropsSession';
export type { RequestContext, SessionCheck, SessionCheckOptions, VerifiedSession } from 'ssr-session-flow/supertokens/server';

/** The browser half of `withSessionInitialProps`: the verdict comes from the verdict API. */
export const withSessionInitialProps = sessionInitialProps(null);
