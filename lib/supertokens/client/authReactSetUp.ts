/**
 * Whether this document set supertokens-auth-react up through `authReactConfig`, so its own
 * redirect to sign in can be used. Its own module: every page reads it, few load auth-react. Kept
 * on `globalThis`, so two copies of the kit in one page agree.
 */
const SET_UP = Symbol.for('ssr-session-flow.authReactConfigured');

export function markAuthReactConfigured(): void {
  (globalThis as { [SET_UP]?: boolean })[SET_UP] = true;
}

export function isAuthReactConfigured(): boolean {
  return (globalThis as { [SET_UP]?: boolean })[SET_UP] === true;
}
