import autocannon from 'autocannon';
import { median, round } from './stats';

/** A page the bench loads under concurrency, with the access-token cookies it sends in turn. */
export interface ThroughputVariant {
  name: string;
  path: string;
  /** Cookie headers, sent round-robin: one for a cache hit, more than the cache holds for a miss. */
  cookies: string[];
}

export interface ThroughputFigures {
  /** Median requests per second over the rounds. */
  requestsPerSecond: number;
  /** Median over the rounds of this variant's requests per second ÷ the baseline's in the same round. */
  ratioToBaseline: number;
  p50Ms: number;
  p99Ms: number;
}

export interface ThroughputOptions {
  rounds: number;
  seconds: number;
  connections?: number;
}

/**
 * Requests per second of each variant (same page, same props, different session checks) against
 * the first, the baseline. Every ratio comes from a pair of short runs back to back, the baseline
 * first in one round and second in the next: drift (JIT warm-up, GC, other load on the machine)
 * then hits both sides of a ratio, and no variant always runs right after the same other one.
 * The median over the rounds is the ratio. Every answer must be the signed-in page: a variant that
 * got redirected or asked for a refresh would measure nothing.
 */
export async function measureSsrThroughput(
  origin: string,
  [baseline, ...others]: [ThroughputVariant, ...ThroughputVariant[]],
  { rounds, seconds, connections = 4 }: ThroughputOptions,
): Promise<Record<string, ThroughputFigures>> {
  const variants = [baseline, ...others];
  for (const variant of variants) await expectSignedInPage(origin, variant);
  // Warm-up until every path is compiled by the JIT and the JWKS is cached.
  for (const variant of variants) await hammer(origin, variant, Math.min(seconds, 1.5), connections);
  const runs = new Map<string, RunFigures[]>(variants.map((variant) => [variant.name, []]));
  const ratios = new Map<string, number[]>(others.map((variant) => [variant.name, []]));
  for (let i = 0; i < rounds; i += 1) {
    for (const [k, variant] of others.entries()) {
      const baselineFirst = (i + k) % 2 === 0;
      const first = await hammer(origin, baselineFirst ? baseline : variant, seconds, connections);
      const second = await hammer(origin, baselineFirst ? variant : baseline, seconds, connections);
      const [base, own] = baselineFirst ? [first, second] : [second, first];
      runs.get(baseline.name)!.push(base);
      runs.get(variant.name)!.push(own);
      ratios.get(variant.name)!.push(own.requestsPerSecond / base.requestsPerSecond);
    }
  }
  return Object.fromEntries(
    [...runs].map(([name, figures]) => [
      name,
      {
        requestsPerSecond: round(median(figures.map((f) => f.requestsPerSecond)), 0),
        ratioToBaseline: name === baseline.name ? 1 : round(median(ratios.get(name)!), 3),
        p50Ms: round(median(figures.map((f) => f.p50Ms)), 2),
        p99Ms: round(median(figures.map((f) => f.p99Ms)), 2),
      },
    ]),
  );
}

type RunFigures = Omit<ThroughputFigures, 'ratioToBaseline'>;

async function hammer(origin: string, variant: ThroughputVariant, seconds: number, connections: number): Promise<RunFigures> {
  let next = 0;
  let wrong = 0;
  const result = await autocannon({
    url: `${origin}${variant.path}`,
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => {
          const cookie = variant.cookies[next % variant.cookies.length] ?? '';
          next += 1;
          return { ...request, headers: { ...request.headers, cookie } };
        },
        onResponse: (status, body) => {
          if (status !== 200 || !body.includes('data-testid="user-id"') || body.includes('needs-refresh')) wrong += 1;
        },
      },
    ],
  });
  if (wrong + result.errors + result.timeouts > 0) {
    throw new Error(`${variant.name}: ${wrong} answers were not the signed-in page, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return { requestsPerSecond: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99 };
}

async function expectSignedInPage(origin: string, variant: ThroughputVariant): Promise<void> {
  const response = await fetch(`${origin}${variant.path}`, { headers: { cookie: variant.cookies[0] ?? '' } });
  const body = await response.text();
  if (response.status !== 200 || !body.includes('data-testid="user-id"') || body.includes('needs-refresh')) {
    throw new Error(`${variant.name}: ${variant.path} should render the signed-in page (${response.status})`);
  }
}
