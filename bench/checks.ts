import { round } from './stats';

/** One line of the verdict: a measured value against its target, or reported without one. */
export interface Check {
  name: string;
  value: number;
  /** e.g. `<= 0.50`; `null` for a figure that is reported, not judged. */
  target: string | null;
  /** `false` also when the figure could not be measured: a target is never met by default. */
  met: boolean | null;
  /** What the value is made of, e.g. `53.1 ms ÷ 120.4 ms`, and what kept runs from measuring. */
  from: string;
}

export type Comparison = '<=' | '>=';

export function judged(name: string, value: number, comparison: Comparison, limit: number, from: string, digits = 2): Check {
  const met = comparison === '<=' ? value <= limit : value >= limit;
  return { name, value: round(value, digits), target: `${comparison} ${limit.toFixed(digits)}`, met, from };
}

export function reported(name: string, value: number, from: string, digits = 2): Check {
  return { name, value: round(value, digits), target: null, met: null, from };
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
