/**
 * Whether this document set supertokens-auth-react up through `authReactConfig`, so its own
 * redirect to sign in can be used. Its own module: every page reads it, few load auth-react.
 */
let configured = false;

export function markAuthReactConfigured(): void {
  configured = true;
}

export function isAuthReactConfigured(): boolean {
  return configured;
}
