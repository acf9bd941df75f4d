import {
  expect,
  expectNoProtectedContentAfterSignOut,
  expectOnSignIn,
  expectRecoveredWithoutDocumentLoad,
  expireAccessToken,
  failRefresh,
  signOutInAnotherTab,
  test,
} from 'ssr-session-flow/testing/playwright';

test('an expired session recovers in place, without a document load', async ({ page, testUser }) => {
  await page.goto('/');
  await expect(page.getByTestId('user-id')).toHaveText(testUser.userId);

  await expireAccessToken(page);

  await expectRecoveredWithoutDocumentLoad(page, { content: page.getByTestId('user-id') });
});

test('a refresh answered 503 is retried, then the content shows', async ({ page, testUser }) => {
  await page.goto('/');
  await expireAccessToken(page);
  const outage = await failRefresh(page, { status: 503, times: 1 });

  await expectRecoveredWithoutDocumentLoad(page, { content: page.getByTestId('user-id') });

  expect(outage.caught()).toBe(1);
  await expect(page.getByTestId('user-id')).toHaveText(testUser.userId);
});

test('a sign-out in another tab sends this tab to sign-in, with its way back', async ({ page, context, testUser }) => {
  await page.goto('/');
  await expect(page.getByTestId('user-id')).toHaveText(testUser.userId);

  await signOutInAnotherTab(context);

  await expectOnSignIn(page, { returnTo: '/' });
  await expectNoProtectedContentAfterSignOut(page, { content: page.getByTestId('user-id') });
});
