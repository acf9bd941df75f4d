import { connectSessionCore, type SessionCoreClient } from 'ssr-session-flow/testing/playwright';
import { CORE_URL } from '../e2eEnv';

let client: Promise<SessionCoreClient> | undefined;

/** The e2e server's core, through the client any app's tests get (`sessionCore`). */
function core(): Promise<SessionCoreClient> {
  // A connection that failed (the core restarting under a soak) is tried again next time, not kept.
  client ??= connectSessionCore(CORE_URL).catch((error: unknown) => {
    client = undefined;
    throw error;
  });
  return client;
}

/** Revokes every session of `userId` on the backend, as an admin or another device's sign-out would. */
export async function revokeAllSessions(userId: string): Promise<string[]> {
  return (await core()).revokeAllSessions(userId);
}

/** The user's live sessions: token theft detection would have revoked them. */
export async function sessionHandlesOf(userId: string): Promise<string[]> {
  return (await core()).sessionHandlesOf(userId);
}
