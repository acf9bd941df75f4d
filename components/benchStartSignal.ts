/** Logged by the bench's start pages once they can navigate; `npm run bench` waits for it (bench/recoveryRuns.ts). */
export const START_READY_SIGNAL = 'bench:start-ready';
