import SuperTokens from 'supertokens-node';
import Session from 'supertokens-node/recipe/session';
import { backendConfig } from '../config/backendConfig';

let initialisedFor: string | null = null;

/**
 * `count` distinct valid access tokens of `userId`, made as a sign-in makes them (supertokens-node
 * creating a session on the core, the same payload and signing keys), without a password hash
 * each. For the cache-miss throughput run, which needs more tokens than the SSR check remembers.
 */
export async function mintAccessTokens(coreUrl: string, userId: string, count: number): Promise<string[]> {
  if (initialisedFor !== coreUrl) {
    if (initialisedFor !== null) throw new Error('supertokens-node talks to one core per process');
    SuperTokens.init(backendConfig({ ...process.env, SUPERTOKENS_CONNECTION_URI: coreUrl, SUPERTOKENS_EMAIL_DELIVERY: 'log' }));
    initialisedFor = coreUrl;
  }
  const recipeUserId = SuperTokens.convertToRecipeUserId(userId);
  const tokens: string[] = [];
  while (tokens.length < count) {
    const batch = Array.from({ length: Math.min(16, count - tokens.length) }, () =>
      Session.createNewSessionWithoutRequestResponse('public', recipeUserId).then((session) => session.getAccessToken()),
    );
    tokens.push(...(await Promise.all(batch)));
  }
  return tokens;
}
