/** Whole seconds since `start` (a `Date.now()`), as the runners' progress lines print them: "12 s". */
export function secondsSince(start: number): string {
  return `${Math.round((Date.now() - start) / 1000)} s`;
}
