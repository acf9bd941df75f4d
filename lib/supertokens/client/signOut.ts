/**
 * Ends the session on the server, or rejects. supertokens-website's `signOut()` first asks whether
 * a session exists; with an expired access token that means a refresh, and when the refresh fails
 * for a network error or a 5xx it answers "no session", returns without calling the server and
 * tells every tab the user signed out, while the session and its cookies live on. This asks the
 * same question first and rejects (`SignOutNotConfirmedError`) in that case, before any tab is
 * told anything, so the button can say the sign-out did not happen (and a shared computer is not
 * left signed in). The sign-out itself waits for a refresh another tab has in flight.
 *
 * Its code loads when a sign-out happens: every page carries the button, few sign out.
 */
export async function signOut(): Promise<void> {
  const { signOutOrReject } = await import('./signOutBetweenRefreshes');
  await signOutOrReject();
}
