import { act, renderHook } from '@testing-library/react';
import { DEFAULT_LOADING_TIMINGS, useDelayedVisibility } from '../../lib/core/useDelayedVisibility';

const TIMINGS = { showDelayMs: 200, minVisibleMs: 500 };

describe('useDelayedVisibility', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const render = (timings = TIMINGS) => renderHook(({ wanted }) => useDelayedVisibility(wanted, timings), { initialProps: { wanted: true } });

  it('shows after the delay and hides no sooner than the minimum time after showing', () => {
    const hook = render();
    act(() => jest.advanceTimersByTime(199));
    expect(hook.result.current).toBe(false);
    act(() => jest.advanceTimersByTime(1));
    expect(hook.result.current).toBe(true);

    hook.rerender({ wanted: false });
    act(() => jest.advanceTimersByTime(499));
    expect(hook.result.current).toBe(true);
    act(() => jest.advanceTimersByTime(1));
    expect(hook.result.current).toBe(false);
  });

  // The 4G deep link of the bench (decision 020): the screen appeared 200 ms into recovery and the
  // page was ready 344 ms later; a 500 ms minimum held that page another 156 ms.
  it('by default, hides the moment the page is ready once the screen has been seen long enough not to flash', () => {
    const hook = render(DEFAULT_LOADING_TIMINGS);
    act(() => jest.advanceTimersByTime(200));
    expect(hook.result.current).toBe(true);
    act(() => jest.advanceTimersByTime(344));

    hook.rerender({ wanted: false });
    act(() => jest.advanceTimersByTime(0));
    expect(hook.result.current).toBe(false);
  });

  it('by default, keeps a screen that has only just appeared for 150 ms, so it never flashes', () => {
    const hook = render(DEFAULT_LOADING_TIMINGS);
    act(() => jest.advanceTimersByTime(200 + 20));
    hook.rerender({ wanted: false });
    act(() => jest.advanceTimersByTime(129));
    expect(hook.result.current).toBe(true);
    act(() => jest.advanceTimersByTime(1));
    expect(hook.result.current).toBe(false);
  });

  it('never shows for a wish shorter than the delay', () => {
    const hook = render();
    act(() => jest.advanceTimersByTime(150));
    hook.rerender({ wanted: false });
    act(() => jest.advanceTimersByTime(1_000));
    expect(hook.result.current).toBe(false);
  });

  // Found by the fault soak (seed 5127): the clock moved back 288 s while the loading UI showed,
  // and it stayed over an accepted page for those 288 s. The wall clock is not a stopwatch.
  it('hides on time when the wall clock moves back while it shows', () => {
    const hook = render();
    act(() => jest.advanceTimersByTime(200));
    expect(hook.result.current).toBe(true);

    jest.setSystemTime(Date.now() - 288_000);
    hook.rerender({ wanted: false });
    act(() => jest.advanceTimersByTime(500));
    expect(hook.result.current).toBe(false);
  });
});
