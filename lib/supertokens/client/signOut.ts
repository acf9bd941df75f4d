import { doesSessionExist, signOut as signOutWithSdk } from 'supertokens-website';
import { frontTokenFromCookies } from './frontToken';
import { readSdkCookies } from './sdkCookies';

/** The server could not be asked to end the session (its refresh endpoint failed): the session lives on. */
export class SignOutNotConfirmedError extends Error {}

/**
 * Ends the session on the server, or rejects. supertokens-website's `signOut()` first asks whether
 * a session exists; with an expired access token that means a refresh, and when the refresh fails
 * for a network error or a 5xx it answers "no session", returns without calling the server and
 * tells every tab the user signed out, while the session and its cookies live on. This asks the
 * same question first and rejects in that case, before any tab is told anything, so the button
 * can say the sign-out did not happen (and a shared computer is not left signed in).
 */
export async function signOut(): Promise<void> {
  // After a refused refresh (401) the SDK drops its front token: the session is gone, and the
  // SDK's sign-out below just tells the tabs so. A front token left means the refresh failed.
  if (!(await doesSessionExist()) && frontTokenFromCookies(await readSdkCookies())) {
    throw new SignOutNotConfirmedError('Not signed out: the server did not answer.');
  }
  await signOutWithSdk();
}
