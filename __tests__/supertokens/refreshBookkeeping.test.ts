import { createRefreshBookkeeping } from '../../lib/supertokens/client/refreshBookkeeping';
import { createFakeClock } from '../../lib/testing/fakeClock';

describe('when the SDK’s record of a refresh is written', () => {
  const setup = () => {
    const clock = createFakeClock();
    const written: string[] = [];
    const bookkeeping = createRefreshBookkeeping(clock.setTimer);
    const record = (name: string) => async () => {
      written.push(name);
    };
    return { clock, written, bookkeeping, record };
  };

  it('in the next task when no soft reload follows (a woken tab)', () => {
    const { clock, written, bookkeeping, record } = setup();
    bookkeeping.later(record('refresh'));
    expect(written).toEqual([]);
    clock.advance(0);
    expect(written).toEqual(['refresh']);
  });

  it('once the soft reload that followed settled, not in the next task', async () => {
    const { clock, written, bookkeeping, record } = setup();
    bookkeeping.later(record('refresh'));
    let finishReload!: (reloaded: boolean) => void;
    const reload = bookkeeping.holdWhile(new Promise<boolean>((resolve) => (finishReload = resolve)));
    clock.advance(0);
    expect(written).toEqual([]);
    finishReload(true);
    await expect(reload).resolves.toBe(true);
    expect(written).toEqual(['refresh']);
  });

  it('also after a reload that failed, and only once', async () => {
    const { clock, written, bookkeeping, record } = setup();
    bookkeeping.later(record('refresh'));
    const reload = bookkeeping.holdWhile(Promise.reject(new Error('data request failed')));
    await expect(reload).rejects.toThrow('data request failed');
    clock.advance(5_000);
    expect(written).toEqual(['refresh']);
  });

  it('at the latest a second after, for a reload that never settles (the document went away)', () => {
    const { clock, written, bookkeeping, record } = setup();
    bookkeeping.later(record('refresh'));
    void bookkeeping.holdWhile(new Promise<boolean>(() => {}));
    clock.advance(999);
    expect(written).toEqual([]);
    clock.advance(1);
    expect(written).toEqual(['refresh']);
  });

  it('at once, and waited for, when the next refresh of this tab starts before the reload settled', async () => {
    const { clock, written, bookkeeping, record } = setup();
    bookkeeping.later(record('first refresh'));
    void bookkeeping.holdWhile(new Promise<boolean>(() => {}));
    await bookkeeping.flush();
    expect(written).toEqual(['first refresh']);
    clock.advance(5_000);
    expect(written).toEqual(['first refresh']);
  });

  it('leaves reloads alone when no record is waiting', async () => {
    const { clock, written, bookkeeping } = setup();
    await expect(bookkeeping.holdWhile(Promise.resolve(true))).resolves.toBe(true);
    clock.advance(5_000);
    expect(written).toEqual([]);
  });
});
