import type { BrowserContext, Page } from '@playwright/test';
import { waitForAccessTokenExpiry } from './accessToken';
import { signUpThroughUI, type SignedUpUser } from './auth';
import type { RequestLog } from './requestLog';
import { traceMark } from './sessionTrace';

export interface ExpiredSession {
  user: SignedUpUser;
  /** Where the machine's trace and the request log stood once the token had expired. */
  traceMark: number;
  requestMark: number;
}

/** The arrange step of most specs: a new user, on the protected page, whose access token just expired. */
export async function signUpAndLetAccessTokenExpire(page: Page, context: BrowserContext, requests: RequestLog): Promise<ExpiredSession> {
  const user = await signUpThroughUI(page);
  await waitForAccessTokenExpiry(context);
  return { user, traceMark: await traceMark(page), requestMark: requests.mark() };
}
