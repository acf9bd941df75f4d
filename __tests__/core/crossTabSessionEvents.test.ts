/** @jest-environment node */
import { BroadcastChannel } from 'node:worker_threads';
import { createCrossTabSessionEvents, type ChannelLike, type CrossTabSessionEvent } from '../../lib/core/crossTabSessionEvents';
import { createRefreshAheadClaims, type LockManagerLike } from '../../lib/core/refreshAheadClaims';
import { publishSessionEventsToOtherTabs } from '../../lib/supertokens/client/sessionEventPublisher';

/** Node's BroadcastChannel behaves as the browser's: every other channel of the name hears a message. */
const opened: BroadcastChannel[] = [];
const openChannel = (name: string) => {
  const channel = new BroadcastChannel(name);
  opened.push(channel);
  return channel as unknown as ChannelLike;
};
afterEach(() => opened.splice(0).forEach((channel) => channel.close()));

describe('cross-tab session events', () => {
  it('reach the other tabs, and never the tab that published them', async () => {
    const tabA = createCrossTabSessionEvents(openChannel, 'tab-a');
    const tabB = createCrossTabSessionEvents(openChannel, 'tab-b');
    const heardByA: CrossTabSessionEvent[] = [];
    const heardByB: CrossTabSessionEvent[] = [];
    tabA.subscribe((event) => heardByA.push(event));
    tabB.subscribe((event) => heardByB.push(event));

    tabA.publish('signed-out');
    await until(() => heardByB.length > 0);

    expect(heardByB).toEqual(['signed-out']);
    expect(heardByA).toEqual([]);
  });

  it('ignores what it does not recognise on its channel (another version, an extension)', async () => {
    const tab = createCrossTabSessionEvents(openChannel, 'tab-a');
    const heard: CrossTabSessionEvent[] = [];
    tab.subscribe((event) => heard.push(event));
    const stranger = openChannel('ssr-session-flow:session-events');

    for (const message of [null, 'signed-out', { event: 'signed-out' }, { tabId: 'x', event: 'deleted-account' }, { tabId: 1, event: 'signed-in' }]) {
      stranger.postMessage(message);
    }
    stranger.postMessage({ tabId: 'x', event: 'signed-in' });
    // One sender's messages arrive in order: once the last is heard, the others were read.
    await until(() => heard.length > 0);

    expect(heard).toEqual(['signed-in']);
  });

  it('stops telling a listener once it unsubscribed', async () => {
    const tabA = createCrossTabSessionEvents(openChannel, 'tab-a');
    const tabB = createCrossTabSessionEvents(openChannel, 'tab-b');
    const witness = createCrossTabSessionEvents(openChannel, 'tab-c');
    const heard: CrossTabSessionEvent[] = [];
    const heardByWitness: CrossTabSessionEvent[] = [];
    const stop = tabB.subscribe((event) => heard.push(event));
    witness.subscribe((event) => heardByWitness.push(event));
    stop();
    tabA.publish('refreshed');
    await until(() => heardByWitness.length > 0);
    expect(heard).toEqual([]);
  });

  it('does nothing, and fails nothing, where there is no BroadcastChannel or it cannot open', () => {
    const none = createCrossTabSessionEvents(null, 'tab');
    expect(() => none.publish('signed-in')).not.toThrow();
    expect(() => none.subscribe(() => {})()).not.toThrow();
    const refused = createCrossTabSessionEvents(() => {
      throw new DOMException('blocked', 'SecurityError');
    }, 'tab');
    expect(() => refused.publish('signed-in')).not.toThrow();
  });
});

describe('claimRefreshAhead: one tab refreshes each token ahead', () => {
  it('goes to the first tab that asks, and to it again, never to another while it holds it', async () => {
    const locks = webLocks();
    const [first, second] = [createRefreshAheadClaims(locks), createRefreshAheadClaims(locks)];
    expect(await first!(1_000)).toBe(true);
    expect(await second!(1_000)).toBe(false);
    expect(await first!(1_000)).toBe(true);
    // The next token is anyone's: the second tab may claim it, and the first then cannot.
    expect(await second!(2_000)).toBe(true);
    expect(await first!(2_000)).toBe(false);
  });

  it('lets a tab go of its last token when it claims the next one', async () => {
    const locks = webLocks();
    const [first, second] = [createRefreshAheadClaims(locks), createRefreshAheadClaims(locks)];
    await first!(1_000);
    await first!(2_000);
    await until(() => locks.held().length === 1);
    expect(locks.held()).toEqual([expect.stringMatching(/:2000$/)]);
    expect(await second!(1_000)).toBe(true);
  });

  it('is every tab’s where the browser has no Web Locks or refuses them', async () => {
    expect(await createRefreshAheadClaims(null)(1_000)).toBe(true);
    const refusing: LockManagerLike = { request: () => Promise.reject(new DOMException('opaque origin', 'SecurityError')) };
    expect(await createRefreshAheadClaims(refusing)(1_000)).toBe(true);
    // And the tab's own claims, as the session flow asks for them (Node has no Web Locks).
    expect(await createCrossTabSessionEvents(null, 'a').claimRefreshAhead(1_000)).toBe(true);
  });
});

/** The Web Locks API's exclusive `ifAvailable` requests: granted at once, or the callback gets `null`. */
function webLocks(): LockManagerLike & { held(): string[] } {
  const held = new Set<string>();
  return {
    held: () => [...held],
    async request(name, _options, callback) {
      if (held.has(name)) return callback(null);
      held.add(name);
      try {
        return await callback({ name });
      } finally {
        held.delete(name);
      }
    },
  };
}

describe('crossTabSessionEvents(): one per tab', () => {
  it('is shared by every copy of the module in the page, so a tab never hears its own events', async () => {
    const first = jest.requireActual<typeof import('../../lib/core/crossTabSessionEvents')>('../../lib/core/crossTabSessionEvents');
    let second: typeof first | undefined;
    jest.isolateModules(() => {
      second = jest.requireActual<typeof import('../../lib/core/crossTabSessionEvents')>('../../lib/core/crossTabSessionEvents');
    });
    expect(second).not.toBe(first);
    expect(second?.crossTabSessionEvents()).toBe(first.crossTabSessionEvents());
  });
});

describe('publishSessionEventsToOtherTabs (Session.init onHandleEvent)', () => {
  it.each([
    [{ action: 'SESSION_CREATED' }, ['signed-in']],
    [{ action: 'SIGN_OUT' }, ['signed-out']],
    [{ action: 'UNAUTHORISED', sessionExpiredOrRevoked: true }, ['signed-out']],
    [{ action: 'REFRESH_SESSION' }, ['refreshed']],
    // A visitor who never had a session: the other tabs learn nothing from it.
    [{ action: 'UNAUTHORISED', sessionExpiredOrRevoked: false }, []],
    [{ action: 'ACCESS_TOKEN_PAYLOAD_UPDATED' }, []],
  ])('turns %j into %j', (event, expected) => {
    const published: CrossTabSessionEvent[] = [];
    publishSessionEventsToOtherTabs({ publish: (e) => published.push(e) })(event);
    expect(published).toEqual(expected);
  });
});

/** Resolves once `done()` holds, looking every few milliseconds: messages take as long as the machine lets them. */
async function until(done: () => boolean, deadlineMs = 5_000): Promise<void> {
  const giveUpAt = Date.now() + deadlineMs;
  while (!done()) {
    if (Date.now() > giveUpAt) throw new Error(`not within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
