import { expect, type Locator, type Page, type Request, type Response } from '@playwright/test';
import { ACCESS_TOKEN_COOKIE, refreshPathOf, RETURN_TO_PARAM, signInPathOf, type SessionFlowAppPaths } from './appPaths';
import { appOriginOf } from './accessTokenExpiry';

export interface RecoveryExpectation extends SessionFlowAppPaths {
  /**
   * What only a signed-in user sees, and what the page shows only once it has recovered: after a
   * reload any protected content; after a client-side navigation, something of the destination.
   */
  content: Locator;
  /** What makes the page need its session. Default: `page.reload()`, the user coming back to the tab. */
  action?: () => Promise<unknown>;
  /** Whether `action` itself loads a document (a reload or `page.goto` does; a click on a client-side link does not). Default true. */
  actionLoadsDocument?: boolean;
}

/**
 * Runs `action` and expects the page to recover its session in place: a refresh call succeeded
 * before `content` showed, and no document was loaded besides the one `action` loads itself (no
 * hard reload, no trip through the sign-in page). Content that shows with no refresh before it
 * was never in need of one: expire the token first (`expireAccessToken`).
 */
export async function expectRecoveredWithoutDocumentLoad(page: Page, expectation: RecoveryExpectation): Promise<void> {
  const refreshPath = refreshPathOf(expectation);
  const documents: string[] = [];
  const refreshAnswers: Array<number | string> = [];
  const isRefresh = (request: Request) => request.method() === 'POST' && new URL(request.url()).pathname === refreshPath;
  const onRequest = (request: Request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) documents.push(request.url());
  };
  // The answer's status as soon as its headers arrive: before the page can act on it.
  const onResponse = (response: Response) => {
    if (isRefresh(response.request())) refreshAnswers.push(response.status());
  };
  const onFailed = (request: Request) => {
    if (isRefresh(request)) refreshAnswers.push(request.failure()?.errorText ?? 'failed');
  };
  page.on('request', onRequest);
  page.on('response', onResponse);
  page.on('requestfailed', onFailed);
  let answersBeforeContent: Array<number | string>;
  try {
    await (expectation.action ?? (() => page.reload({ waitUntil: 'load' })))();
    await expect(expectation.content, 'the protected content shows again').toBeVisible();
    answersBeforeContent = [...refreshAnswers];
  } finally {
    page.off('request', onRequest);
    page.off('response', onResponse);
    page.off('requestfailed', onFailed);
  }
  expect(
    answersBeforeContent.some((answer) => typeof answer === 'number' && answer >= 200 && answer < 300),
    `a refresh call (POST ${refreshPath}) succeeded before the content showed (answers: ${JSON.stringify(answersBeforeContent)}); ` +
      'content with no refresh before it was never recovered: did the access token expire first (expireAccessToken)?',
  ).toBe(true);
  const expected = expectation.actionLoadsDocument === false ? 0 : 1;
  expect(documents, `documents loaded: only the ${expected === 1 ? 'one the action loads' : 'none'}, no reload to recover`).toHaveLength(expected);
}

export interface SignInExpectation extends SessionFlowAppPaths {
  /** The path (with query and hash) the sign-in page must send the user back to: its `redirectToPath`. */
  returnTo?: string;
}

/** Expects `page` to end on the app's sign-in page, carrying `returnTo` as the way back when given. */
export async function expectOnSignIn(page: Page, expectation: SignInExpectation = {}): Promise<void> {
  const signInPath = signInPathOf(expectation);
  const wanted = expectation.returnTo === undefined ? signInPath : `${signInPath}?${RETURN_TO_PARAM}=${expectation.returnTo}`;
  await expect(page, `ends on ${wanted}`).toHaveURL(
    (url) => url.pathname === signInPath && (expectation.returnTo === undefined || url.searchParams.get(RETURN_TO_PARAM) === expectation.returnTo),
  );
}

export interface SignedOutExpectation extends SessionFlowAppPaths {
  /** What only a signed-in user sees. */
  content: Locator;
  /**
   * Protected pages opened again, by a document load each. Default: the return path of the sign-in
   * page the tab is on (its `redirectToPath`), or the page it shows.
   */
  revisit?: readonly string[];
  /** How long each revisit may take to end on the sign-in page. Default 10 s. */
  timeoutMs?: number;
}

/**
 * After a sign-out (here or elsewhere): `content` is gone, the browser holds no access token for
 * the app, and opening a protected page again ends on the sign-in page without `content` showing
 * at any of the checks made while it loads.
 */
export async function expectNoProtectedContentAfterSignOut(page: Page, expectation: SignedOutExpectation): Promise<void> {
  const signInPath = signInPathOf(expectation);
  const origin = appOriginOf(page);
  await expect(expectation.content, 'the protected content is gone').toHaveCount(0);
  const cookies = await page.context().cookies(origin);
  expect(cookies.filter((c) => c.name === ACCESS_TOKEN_COOKIE && c.value !== '').map((c) => c.path), 'access tokens left in the browser').toEqual([]);
  for (const path of expectation.revisit ?? [defaultRevisit(page, signInPath)]) {
    const seen: string[] = [];
    const deadline = Date.now() + (expectation.timeoutMs ?? 10_000);
    await page.goto(new URL(path, origin).href, { waitUntil: 'commit' });
    for (;;) {
      if ((await expectation.content.count()) > 0) seen.push(page.url());
      const onSignIn = new URL(page.url()).pathname === signInPath;
      // Asked while the sign-in page may still be replacing the document (a client redirect after
      // the load): a destroyed context only means "not yet".
      const readyState = onSignIn ? await page.evaluate('document.readyState').catch(() => 'loading') : 'loading';
      if (readyState === 'complete' || Date.now() > deadline) break;
      await page.waitForTimeout(50);
    }
    expect(seen, `protected content showed while ${path} loaded signed out`).toEqual([]);
    await expectOnSignIn(page, expectation);
    await expect(expectation.content).toHaveCount(0);
  }
}

function defaultRevisit(page: Page, signInPath: string): string {
  const url = new URL(page.url());
  if (url.pathname === signInPath) return url.searchParams.get(RETURN_TO_PARAM) ?? '/';
  return `${url.pathname}${url.search}`;
}
