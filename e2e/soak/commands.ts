import fc from 'fast-check';
import type { BrowserContext, Page } from '@playwright/test';
import { waitForAccessTokenExpiry } from '../support/accessToken';
import { setTabVisibility } from '../support/visibility';
import { signInThroughUI, type SignedUpUser } from '../support/auth';
import { APP_ORIGIN } from '../e2eEnv';
import type { SoakWatch, Violation } from './invariants';
import type { NetworkFaults, RefreshFaultKind } from './networkFaults';
import type { RestartableCore } from './soakServer';

export type Router = 'pages' | 'app';

/** What the schedule believes; commands read it to stay sensible (no sign-in while signed in). */
export interface SoakModel {
  router: Router;
  /** Typed URLs may lead to the other router's pages. */
  crossesRouters: boolean;
  clockInstalled: boolean;
}

/** The real system: one schedule's browser context and the servers behind it. */
export interface SoakSystem {
  context: BrowserContext;
  /** The tab the schedule follows; other tabs come and go. */
  page: Page;
  user: SignedUpUser;
  faults: NetworkFaults;
  core: RestartableCore;
  watch: SoakWatch;
  /** Background work a command started (a core coming back): awaited before the ending is judged. */
  pending: Array<Promise<unknown>>;
  /** Each command as run, for the report. */
  drawn: Record<string, number>;
  /** What the schedule is doing now, for a report when it hangs. */
  doing: string;
}

export class InvariantBroken extends Error {
  constructor(readonly violations: Violation[]) {
    super(violations.map((v) => `${v.invariant}: ${v.detail}`).join('\n'));
  }
}

type SoakCommand = fc.AsyncCommand<SoakModel, SoakSystem>;

/** The protected and public pages of each router, with the header link that leads there. */
export const PAGES: Record<Router, ReadonlyArray<{ path: string; link: string; protected: boolean }>> = {
  pages: [
    { path: '/', link: 'Home', protected: true },
    { path: '/account', link: 'Account', protected: true },
    { path: '/activity', link: 'Activity', protected: true },
    { path: '/about', link: 'About', protected: false },
  ],
  app: [
    { path: '/app-router', link: 'Home', protected: true },
    { path: '/app-router/account', link: 'Account', protected: true },
    { path: '/app-router/streamed', link: 'Streamed', protected: true },
    { path: '/app-router/about', link: 'About', protected: false },
  ],
};

const STALE_COOKIE_PATHS = ['/_next/data', '/api', '/account', '/app-router', '/app-router/account', 'parent-domain'] as const;

/** A command: what it does to the real system, described the way the report prints it. */
abstract class Step implements SoakCommand {
  abstract readonly name: string;
  check(_model: Readonly<SoakModel>): boolean {
    return true;
  }
  protected abstract act(model: SoakModel, system: SoakSystem): Promise<void>;
  constructor(readonly thenWaitMs: number) {}

  async run(model: SoakModel, system: SoakSystem): Promise<void> {
    system.drawn[this.name] = (system.drawn[this.name] ?? 0) + 1;
    system.doing = this.toString();
    // A user's action fails the way the browser fails it (an aborted navigation, a vanished
    // button): that is the schedule's business, not an invariant. Invariants are judged below.
    await this.act(model, system).catch(() => undefined);
    await waitWatching(system, this.thenWaitMs);
  }

  abstract describe(): string;
  toString(): string {
    return `${this.describe()}${this.thenWaitMs ? ` +${this.thenWaitMs}ms` : ''}`;
  }
}

/** Waits, checking the invariants every 200 ms, so a breach is caught while it happens. */
export async function waitWatching(system: SoakSystem, ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    const violations = system.watch.check();
    if (violations.length > 0) throw new InvariantBroken(violations);
    const left = end - Date.now();
    if (left <= 0) return;
    await sleep(Math.min(200, left));
  }
}

class ExpireAccessToken extends Step {
  readonly name = 'access-token-expiry';
  describe() {
    return 'the access token expires';
  }
  async act(_model: SoakModel, { context }: SoakSystem) {
    await waitForAccessTokenExpiry(context, APP_ORIGIN);
  }
}

class FailRefreshes extends Step {
  readonly name = 'refresh-fault';
  constructor(
    readonly kind: RefreshFaultKind,
    readonly forMs: number,
    thenWaitMs: number,
  ) {
    super(thenWaitMs);
  }
  describe() {
    return `refresh calls fail (${this.kind}) for ${this.forMs}ms`;
  }
  async act(_model: SoakModel, { faults }: SoakSystem) {
    faults.failRefreshes(this.kind, this.forMs);
  }
}

class RestartCore extends Step {
  readonly name = 'core-restart';
  constructor(
    readonly downMs: number,
    thenWaitMs: number,
  ) {
    super(thenWaitMs);
  }
  describe() {
    return `the core stops, and starts again after ${this.downMs}ms`;
  }
  async act(_model: SoakModel, { core, pending }: SoakSystem) {
    await core.stop();
    pending.push(sleep(this.downMs).then(() => core.start()));
  }
}

class FollowLink extends Step {
  readonly name = 'client-navigation';
  constructor(
    readonly index: number,
    thenWaitMs: number,
  ) {
    super(thenWaitMs);
  }
  describe() {
    return `a click on header link #${this.index}`;
  }
  async act(model: SoakModel, system: SoakSystem) {
    await clickHeaderLink(model, system, this.index);
  }
}

class FollowTwoLinks extends Step {
  readonly name = 'link-during-soft-reload';
  constructor(
    readonly first: number,
    readonly second: number,
    readonly gapMs: number,
    thenWaitMs: number,
  ) {
    super(thenWaitMs);
  }
  describe() {
    return `a click on header link #${this.first}, then #${this.second} after ${this.gapMs}ms`;
  }
  async act(model: SoakModel, system: SoakSystem) {
    await clickHeaderLink(model, system, this.first);
    await sleep(this.gapMs);
    await clickHeaderLink(model, system, this.second);
  }
}

class TypeUrl extends Step {
  readonly name = 'typed-url';
  constructor(
    readonly index: number,
    readonly otherRouter: boolean,
    thenWaitMs: number,
  ) {
    super(thenWaitMs);
  }
  describe() {
    return `a typed URL: page #${this.index}${this.otherRouter ? ' of the other router' : ''}`;
  }
  async act(model: SoakModel, { page, watch }: SoakSystem) {
    const router = this.otherRouter && model.crossesRouters ? otherRouter(model.router) : model.router;
    const target = PAGES[router][this.index % PAGES[router].length]!;
    watch.allowDocuments(1);
    await page.goto(target.path, { waitUntil: 'commit' });
  }
}

class History extends Step {
  constructor(
    readonly direction: 'back' | 'forward' | 'reload',
    thenWaitMs: number,
  ) {
    super(thenWaitMs);
  }
  get name() {
    return this.direction;
  }
  describe() {
    return this.direction === 'reload' ? 'a reload' : `${this.direction === 'back' ? 'Back' : 'Forward'}`;
  }
  async act(_model: SoakModel, { page, watch }: SoakSystem) {
    watch.allowDocuments(1);
    if (this.direction === 'reload') await page.reload({ waitUntil: 'commit' });
    else if (this.direction === 'back') {
      // The schedules are about a user on the site: no Back from its first page, to the tab's
      // about:blank (seed 9100: Back twice; the check after the Back below read the URL before
      // that traversal had committed). The Navigation API lists this origin's entries only.
      if (!(await isFirstEntryOfTheSite(page))) await page.goBack({ waitUntil: 'commit' });
    } else await page.goForward({ waitUntil: 'commit' });
    // A Back that left the site anyway is taken back, as a user who pressed it once too often
    // would (seed 1128).
    if (!page.url().startsWith(APP_ORIGIN)) {
      watch.allowDocuments(1);
      await page.goForward({ waitUntil: 'commit' });
    }
  }
}

/** Whether Back would leave the site: the first of this origin's history entries in the tab. */
async function isFirstEntryOfTheSite(page: Page): Promise<boolean> {
  return page
    .evaluate(() => (window as { navigation?: { currentEntry?: { index: number } | null } }).navigation?.currentEntry?.index === 0)
    .catch(() => false); // a document on its way: Back, and the check after it
}

class HideAndShowTab extends Step {
  readonly name = 'tab-hidden-and-shown';
  constructor(
    readonly hiddenMs: number,
    thenWaitMs: number,
  ) {
    super(thenWaitMs);
  }
  describe() {
    return `the tab is hidden for ${this.hiddenMs}ms`;
  }
  async act(_model: SoakModel, system: SoakSystem) {
    // Headless Chromium never hides a tab: the document is told, as a browser would tell it.
    await setTabVisibility(system.page, 'hidden');
    try {
      await waitWatching(system, this.hiddenMs);
    } finally {
      await setTabVisibility(system.page, 'visible');
    }
  }
}

class SignOutElsewhere extends Step {
  readonly name = 'sign-out-in-another-tab';
  describe() {
    return 'sign-out in another tab';
  }
  async act(_model: SoakModel, system: SoakSystem) {
    const { context, watch } = system;
    if (watch.signedOut()) return;
    const other = await context.newPage();
    try {
      watch.allowDocuments(2);
      await other.goto('/app-router/about', { waitUntil: 'load' });
      watch.allowSignOut();
      await clickWhenReady(other.getByRole('button', { name: 'Sign out' }));
      await other.waitForURL((url) => url.pathname === '/auth', { timeout: 10_000 });
    } finally {
      await other.close();
    }
  }
}

class SignInElsewhere extends Step {
  readonly name = 'sign-in-in-another-tab';
  describe() {
    return 'sign-in in another tab';
  }
  async act(_model: SoakModel, system: SoakSystem) {
    const { context, watch, user } = system;
    if (!watch.signedOut()) return;
    const other = await context.newPage();
    try {
      watch.allowDocuments(2);
      await other.goto('/auth', { waitUntil: 'load' });
      await signInThroughUI(other, user);
      await other.getByTestId('user-id').waitFor({ timeout: 15_000 });
    } finally {
      await other.close();
    }
  }
}

class SignInHere extends Step {
  readonly name = 'sign-in-on-the-sign-in-page';
  describe() {
    return 'sign-in, if the tab shows the sign-in form';
  }
  async act(_model: SoakModel, { page, watch, user }: SoakSystem) {
    if (!watch.signedOut() || new URL(page.url()).pathname !== '/auth') return;
    watch.allowDocuments(1);
    await page.locator('input[name=email]').waitFor({ timeout: 5_000 });
    await signInThroughUI(page, user);
  }
}

class PlantStaleCookie extends Step {
  readonly name = 'stale-cookie';
  constructor(
    readonly where: (typeof STALE_COOKIE_PATHS)[number],
    thenWaitMs: number,
  ) {
    super(thenWaitMs);
  }
  describe() {
    return this.where === 'parent-domain' ? 'a stale access token on a parent domain' : `a stale access token on ${this.where}`;
  }
  async act(_model: SoakModel, { context, faults }: SoakSystem) {
    // An expired token of this core, for another user: what an old deployment or a shared
    // computer leaves behind (a conflict by design if it ever sat beside a valid one).
    const stale = staleToken();
    if (this.where === 'parent-domain') faults.addParentDomainCookie(stale);
    else await context.addCookies([{ name: 'sAccessToken', value: stale, domain: new URL(APP_ORIGIN).hostname, path: this.where, httpOnly: true, sameSite: 'Lax' }]);
  }
}

class MoveClock extends Step {
  readonly name = 'clock-moved';
  constructor(
    readonly byMs: number,
    thenWaitMs: number,
  ) {
    super(thenWaitMs);
  }
  override check(model: Readonly<SoakModel>) {
    return model.clockInstalled;
  }
  describe() {
    return `the browser clock moves ${this.byMs > 0 ? '+' : ''}${Math.round(this.byMs / 1000)}s`;
  }
  async act(_model: SoakModel, { context }: SoakSystem) {
    await context.clock.setSystemTime(Date.now() + this.byMs);
  }
}

const thenWait = fc.oneof(fc.constant(0), fc.integer({ min: 50, max: 1_500 }), fc.integer({ min: 1_500, max: 4_000 }));

/** Every command the soak draws from, with the ranges its parameters come from. */
export function soakCommands(maxCommands: number) {
  return fc.commands(
    [
      thenWait.map((w) => new ExpireAccessToken(w)),
      fc.tuple(fc.constantFrom<RefreshFaultKind>('5xx', 'timeout', 'abort'), fc.integer({ min: 500, max: 8_000 }), thenWait).map(([k, ms, w]) => new FailRefreshes(k, ms, w)),
      fc.tuple(fc.integer({ min: 0, max: 5_000 }), thenWait).map(([ms, w]) => new RestartCore(ms, w)),
      fc.tuple(fc.nat(), thenWait).map(([i, w]) => new FollowLink(i, w)),
      fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 400 }), thenWait).map(([a, b, gap, w]) => new FollowTwoLinks(a, b, gap, w)),
      fc.tuple(fc.nat(), fc.boolean(), thenWait).map(([i, other, w]) => new TypeUrl(i, other, w)),
      fc.tuple(fc.constantFrom('back', 'forward', 'reload') as fc.Arbitrary<'back' | 'forward' | 'reload'>, thenWait).map(([d, w]) => new History(d, w)),
      fc.tuple(fc.integer({ min: 200, max: 5_000 }), thenWait).map(([ms, w]) => new HideAndShowTab(ms, w)),
      thenWait.map((w) => new SignOutElsewhere(w)),
      thenWait.map((w) => new SignInElsewhere(w)),
      thenWait.map((w) => new SignInHere(w)),
      fc.tuple(fc.constantFrom(...STALE_COOKIE_PATHS), thenWait).map(([where, w]) => new PlantStaleCookie(where, w)),
      fc.tuple(fc.oneof(fc.integer({ min: -600_000, max: -5_000 }), fc.integer({ min: 5_000, max: 600_000 })), thenWait).map(([ms, w]) => new MoveClock(ms, w)),
    ],
    { maxCommands },
  );
}

async function clickHeaderLink(model: SoakModel, { page, watch }: SoakSystem, index: number): Promise<void> {
  const onPath = new URL(page.url()).pathname;
  const router: Router = onPath.startsWith('/app-router') ? 'app' : 'pages';
  const links = PAGES[router];
  const target = links[index % links.length]!;
  const link = page.getByRole('navigation').getByRole('link', { name: target.link, exact: true });
  if ((await link.count()) === 0) {
    // No header on this page (the sign-in page): the user types the address instead.
    watch.allowDocuments(1);
    await page.goto(PAGES[model.router][index % links.length]!.path, { waitUntil: 'commit' });
    return;
  }
  await clickWhenReady(link);
}

/** Clicks once React has hydrated the element (a click before that does nothing). */
async function clickWhenReady(locator: ReturnType<Page['locator']>): Promise<void> {
  await locator.waitFor({ timeout: 10_000 });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const hydrated = await locator.evaluate((element) => Object.keys(element).some((key) => key.startsWith('__reactProps$')));
    if (hydrated) break;
    await sleep(100);
  }
  await locator.click({ timeout: 5_000 });
}

function otherRouter(router: Router): Router {
  return router === 'pages' ? 'app' : 'pages';
}

/** A well-formed access token that expired long ago and that this core never signed. */
function staleToken(): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = encode({ alg: 'RS256', typ: 'JWT', kid: 'd-1600000000000', version: '5' });
  const payload = encode({ sub: 'someone-who-used-this-computer-before', exp: 1_600_000_000, iat: 1_599_990_000, sessionHandle: 'old' });
  return `${header}.${payload}.c2lnbmF0dXJl`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
