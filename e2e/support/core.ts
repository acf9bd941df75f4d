import { CORE_URL } from '../e2eEnv';

/** The CDI version supertokens-node 24 speaks, and the only shape the embedded core answers in. */
const CDI_VERSION = '5.4';

async function callCore(method: 'GET' | 'POST', pathAndQuery: string, body?: object): Promise<Record<string, unknown>> {
  const response = await fetch(`${CORE_URL}${pathAndQuery}`, {
    method,
    headers: { 'cdi-version': CDI_VERSION, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Core ${method} ${pathAndQuery} answered ${response.status}: ${text}`);
  const json: unknown = JSON.parse(text);
  if (typeof json !== 'object' || json === null || (json as { status?: unknown }).status !== 'OK') {
    throw new Error(`Core ${method} ${pathAndQuery} answered ${text}`);
  }
  return json as Record<string, unknown>;
}

/** Revokes every session of `userId` on the backend, as an admin or another device's sign-out would. */
export async function revokeAllSessions(userId: string): Promise<string[]> {
  const answer = await callCore('POST', '/recipe/session/remove', { userId });
  return Array.isArray(answer.sessionHandlesRevoked) ? (answer.sessionHandlesRevoked as string[]) : [];
}

/** The user's live sessions: token theft detection would have revoked them. */
export async function sessionHandlesOf(userId: string): Promise<string[]> {
  const answer = await callCore('GET', `/recipe/session/user?userId=${encodeURIComponent(userId)}`);
  return Array.isArray(answer.sessionHandles) ? (answer.sessionHandles as string[]) : [];
}
