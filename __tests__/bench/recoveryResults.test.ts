/**
 * @jest-environment node
 */
import { rotation } from '../../bench/recoveryMatrix';
import { medianOf, rawFloor, summarizeFloor, summarizeRuns } from '../../bench/recoveryResults';
import type { PageTimings } from '../../bench/recoveryTimings';

const timings = (userFeltMs: number, refreshMs = 5, reloadMs = 6): PageTimings => ({
  userFeltMs,
  recoveryMs: userFeltMs / 2,
  toRecoveryStartMs: userFeltMs / 2,
  firstAnswerMs: 10,
  refreshMs,
  reloadMs,
  reloadToContentMs: 4,
  loadingUiMs: NaN,
});

describe('recovery figures', () => {
  it('takes the median of the runs that have a part, and NaN when none has it', () => {
    expect(medianOf([3, NaN, 1, 2])).toBe(2);
    expect(medianOf([NaN, NaN])).toBeNaN();
  });

  it('summarises a scenario’s runs part by part, counting those that recovered and those that failed', () => {
    const failure = { precondition: 'the page showed its content', detail: 'no content within 30 s' };
    const summary = summarizeRuns(
      [
        { timings: timings(100), recoveryStarted: true },
        { timings: timings(300, NaN), recoveryStarted: false },
        { timings: timings(200), recoveryStarted: true },
      ],
      [failure],
    );
    expect(summary).toMatchObject({ measured: 3, recovered: 2, failures: [failure] });
    expect(summary.medians).toEqual({
      userFeltMs: 200,
      recoveryMs: 100,
      toRecoveryStartMs: 100,
      firstAnswerMs: 10,
      refreshMs: 5,
      reloadMs: 6,
      reloadToContentMs: 4,
      loadingUiMs: NaN,
    });
  });

  it('makes the limit from each run’s own refresh and valid navigation', () => {
    const floor = summarizeFloor(
      [
        { refreshMs: 10, navigationMs: 40 },
        { refreshMs: 30, navigationMs: 10 },
        { refreshMs: 20, navigationMs: 60 },
      ],
      [],
    );
    expect(floor).toEqual({ refreshMs: 20, validNavigationMs: 40, limitMs: 50, measured: 3, failures: [] });
  });

  it('keeps the raw network floor of decision 014: refresh + reload request of our deep links', () => {
    const deepLink = summarizeRuns([{ timings: timings(100, 5, 6), recoveryStarted: true }, { timings: timings(100, 7, 8), recoveryStarted: true }], []);
    expect(rawFloor(deepLink)).toBe(13);
    expect(rawFloor(undefined)).toBeNaN();
  });

  it('rotates the variants’ order every round and reverses it every other', () => {
    expect([0, 1, 2, 3].map((round) => rotation(['a', 'b', 'c'], round).join(''))).toEqual(['abc', 'acb', 'cab', 'cba']);
  });
});
