import { createTransitionLog, TRANSITION_LOG_KEY, type TransitionToLog } from '../../lib/inspect/transitionLog';
import { createMemoryStorage } from './support/fakeInspectorWindow';

describe('the per-tab transition log', () => {
  it('keeps only the most recent entries, oldest first', () => {
    const log = createTransitionLog(createMemoryStorage(), { limit: 50, now: () => 1_000 });

    for (let index = 0; index < 60; index += 1) log.append(transition({ at: 1_000, event: { type: `step.${index}` } }));

    const kept = log.read();
    expect(kept).toHaveLength(50);
    expect(kept[0]?.event.type).toBe('step.10');
    expect(kept[49]?.event.type).toBe('step.59');
  });

  it('is shared by the pages of one tab through sessionStorage', () => {
    const tab = createMemoryStorage();
    createTransitionLog(tab).append(transition({ page: 'p1' }));

    expect(createTransitionLog(tab).read().map((entry) => entry.page)).toEqual(['p1']);
  });

  it('redacts entries before storing them, and keeps state names readable', () => {
    const storage = createMemoryStorage();
    const log = createTransitionLog(storage);

    log.append(
      transition({
        event: { type: 'server.verdictReceived', verdict: { status: 'ok', userId: 'user-1' } } as TransitionToLog['event'],
        snapshot: {
          status: 'active',
          value: { refreshingToken: 'pending' },
          context: { accessToken: 'eyJhbGciOiJIUzI1NiJ9.e30.sig' },
        },
      }),
    );

    expect(storage.dump()).not.toContain('user-1');
    expect(storage.dump()).not.toContain('eyJhbGciOiJIUzI1NiJ9');
    expect(log.read()[0]?.snapshot.value).toEqual({ refreshingToken: 'pending' });
  });

  it('leaves out entries older than the maximum age', () => {
    let now = 0;
    const log = createTransitionLog(createMemoryStorage(), { maxAgeMs: 1_000, now: () => now });
    log.append(transition({ at: 0, event: { type: 'old' } }));
    now = 5_000;
    log.append(transition({ at: 5_000, event: { type: 'recent' } }));

    expect(log.read().map((entry) => entry.event.type)).toEqual(['recent']);
  });

  it.each([
    ['not JSON', '{nope'],
    ['not a list', '{"page":"p1"}'],
    ['entries of another shape', '[{"page":"p1"},42,null,{"page":"p1","actor":"x:0","at":"soon"}]'],
  ])('reads stored content that is %s as an empty log, and replaces it on append', (_what, stored) => {
    const storage = createMemoryStorage();
    storage.setItem(TRANSITION_LOG_KEY, stored);
    const log = createTransitionLog(storage);

    expect(log.read()).toEqual([]);
    log.append(transition());
    expect(log.read()).toHaveLength(1);
  });

  it('keeps the valid entries next to corrupt ones', () => {
    const storage = createMemoryStorage();
    storage.setItem(TRANSITION_LOG_KEY, JSON.stringify([{ junk: true }, createStoredEntry()]));

    expect(createTransitionLog(storage).read()).toHaveLength(1);
  });

  it.each([
    ['absent', undefined],
    ['throwing', throwingStorage()],
  ])('works from memory for this page when storage is %s', (_what, storage) => {
    const log = createTransitionLog(storage);

    log.append(transition());
    log.append(transition());

    expect(log.read()).toHaveLength(2);
    log.clear();
    expect(log.read()).toEqual([]);
  });
});

function transition(overrides: Partial<TransitionToLog> = {}): TransitionToLog {
  return {
    page: 'p1',
    actor: 'x:0',
    at: Date.now(),
    event: { type: 'refresh.succeeded' },
    snapshot: { status: 'active', value: { reloading: 'soft' }, context: { recoveryAttempts: 1 } },
    ...overrides,
  };
}

function createStoredEntry() {
  return { ...transition(), event: { type: 'refresh.succeeded' } };
}

function throwingStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const fail = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  return { getItem: fail, setItem: fail, removeItem: fail };
}
