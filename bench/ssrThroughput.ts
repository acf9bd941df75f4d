import http from 'node:http';
import { median, round } from './stats';

export interface ThroughputResult {
  protectedRps: number;
  unprotectedRps: number;
  /** protected ÷ unprotected; the target is >= 0.9. */
  ratio: number;
}

/**
 * Requests per second of the same page with and without the session check, in alternating
 * rounds so drift (JIT warm-up, GC, the other core's load) hits both alike.
 */
export async function measureSsrThroughput(
  origin: string,
  cookie: string,
  { rounds = 5, seconds = 3, concurrency = 4 } = {},
): Promise<ThroughputResult> {
  const protectedUrl = `${origin}/bench/protected`;
  const unprotectedUrl = `${origin}/bench/unprotected`;
  await expectStatus(protectedUrl, cookie, 200);
  // Warm-up until both paths are compiled by the JIT and the JWKS is cached.
  for (let i = 0; i < 3; i += 1) {
    await hammer(protectedUrl, cookie, 1.5, concurrency);
    await hammer(unprotectedUrl, cookie, 1.5, concurrency);
  }
  const protectedRuns: number[] = [];
  const unprotectedRuns: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    // Alternate which goes first, so neither always runs right after a GC-heavy round.
    const first = i % 2 ? unprotectedUrl : protectedUrl;
    const second = i % 2 ? protectedUrl : unprotectedUrl;
    const a = await hammer(first, cookie, seconds, concurrency);
    const b = await hammer(second, cookie, seconds, concurrency);
    protectedRuns.push(first === protectedUrl ? a : b);
    unprotectedRuns.push(first === protectedUrl ? b : a);
  }
  const protectedRps = median(protectedRuns);
  const unprotectedRps = median(unprotectedRuns);
  return { protectedRps: round(protectedRps, 0), unprotectedRps: round(unprotectedRps, 0), ratio: round(protectedRps / unprotectedRps) };
}

/** Keeps `concurrency` keep-alive requests in flight for `seconds`; returns completed 200s per second. */
async function hammer(url: string, cookie: string, seconds: number, concurrency: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const deadline = Date.now() + seconds * 1000;
  let completed = 0;
  const worker = async () => {
    while (Date.now() < deadline) {
      const status = await get(url, cookie, agent);
      if (status !== 200) throw new Error(`${url} answered ${status} under load`);
      completed += 1;
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return completed / ((Date.now() - started) / 1000);
}

function get(url: string, cookie: string, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { cookie } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
  });
}

async function expectStatus(url: string, cookie: string, status: number): Promise<void> {
  const response = await fetch(url, { headers: { cookie } });
  const body = await response.text();
  if (response.status !== status || !body.includes('data-testid="user-id"')) {
    throw new Error(`${url} should render the signed-in page (${response.status})`);
  }
}
