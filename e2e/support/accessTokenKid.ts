import type { BrowserContext } from '@playwright/test';
import { APP_ORIGIN } from '../e2eEnv';
import { jwtPart } from './jwtPart';

/** The `kid` of the access token in the browser's cookie jar: which core key signed it. */
export async function accessTokenKid(context: BrowserContext, origin = APP_ORIGIN): Promise<string> {
  const cookie = (await context.cookies(origin)).find((c) => c.name === 'sAccessToken');
  if (!cookie) throw new Error('No sAccessToken cookie: is the user signed in?');
  const { kid } = jwtPart(cookie.value, 'header');
  if (typeof kid !== 'string') throw new Error('The access token has no kid');
  return kid;
}
