import { createRecoveryAttemptStore } from '../../lib/core/recoveryAttemptStore';

describe('recovery attempt store', () => {
  let now = 1_000;
  const clock = { now: () => now, forgetAfterMs: 60_000 };
  beforeEach(() => {
    now = 1_000;
    sessionStorage.clear();
  });

  it('keeps the spent attempts across store instances of the same tab (a document reload)', () => {
    createRecoveryAttemptStore(sessionStorage, clock).write(2);
    expect(createRecoveryAttemptStore(sessionStorage, clock).read()).toBe(2);
  });

  it('forgets attempts older than the window, so an old failure does not block a new visit', () => {
    createRecoveryAttemptStore(sessionStorage, clock).write(2);
    now += 60_001;
    expect(createRecoveryAttemptStore(sessionStorage, clock).read()).toBe(0);
  });

  it('reads zero after clear', () => {
    const store = createRecoveryAttemptStore(sessionStorage, clock);
    store.write(1);
    store.clear();
    expect(store.read()).toBe(0);
  });

  it.each(['not json', '{"attempts":-1,"savedAt":1000}', '{"attempts":1.5,"savedAt":1000}', '{"attempts":"2"}', 'null', '[]'])(
    'treats a corrupt entry %j as no attempts',
    (raw) => {
      sessionStorage.setItem('ssr-session-flow:recovery-attempts', raw);
      expect(createRecoveryAttemptStore(sessionStorage, clock).read()).toBe(0);
    },
  );

  it('falls back to memory when storage throws (disabled, quota exceeded)', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const store = createRecoveryAttemptStore(broken, clock);
    store.write(2);
    expect(store.read()).toBe(2);
    store.clear();
    expect(store.read()).toBe(0);
  });

  it('works without any storage at all (server render)', () => {
    const store = createRecoveryAttemptStore(undefined, clock);
    expect(store.read()).toBe(0);
    store.write(1);
    expect(store.read()).toBe(1);
  });
});
