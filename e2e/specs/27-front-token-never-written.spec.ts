import { signUpAndLetAccessTokenExpire } from '../support/expiredSession';
import { expect, test } from '../support/fixtures';
import { statesSince } from '../support/sessionTrace';

/**
 * The soak's seed 1162: a sign-in whose answer came back as the page that asked for it went away
 * (Back while the form was sending). The browser kept the answer's session cookies, which
 * JavaScript cannot read, but the page's script that writes SuperTokens' front token never ran.
 * The SDK then says there is no session and refuses to refresh, though the server saw one. The
 * user signed in a moment ago: recovery must bring the content, not the sign-in form again.
 */
for (const path of ['/account', '/app-router/account']) {
  test(`${path}: a session the server sees but whose front token was never written recovers, with one refresh`, async ({ page, context, requests }) => {
    const { user, traceMark: mark, requestMark } = await signUpAndLetAccessTokenExpire(page, context, requests);
    await context.clearCookies({ name: 'sFrontToken' });

    await page.goto(path, { waitUntil: 'load' });

    await expect(page.getByTestId('user-id')).toHaveText(user.userId);
    expect(await statesSince(page, mark)).not.toContain('redirecting.soft');
    expect(requests.ofKindSince('refresh', requestMark).map((r) => r.status)).toEqual([200]);
    expect((await context.cookies()).map((cookie) => cookie.name), 'the refresh wrote the front token').toContain('sFrontToken');
  });
}
