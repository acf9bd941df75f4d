import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium';
import { VERIFIED_TOKEN_CACHE_SIZE } from '../lib/supertokens/server/verifiedTokenCache';
import { BARE_APP_DIR } from '../scripts/checkClientBundle';
import { mintAccessTokens } from './accessTokens';
import { measureActiveTabs } from './activeTabs';
import { recoveryPlan } from './benchPlan';
import { buildForBench, startBenchApp, startBenchCore, type BenchProcess } from './benchServer';
import { cookieHeader, signInCookies, signUpBenchUser, toRunSession } from './browserSessions';
import { measureCoreLoad } from './coreLoad';
import { BARE_APP_ROUTER_APP_DIR, measureAppRouterFirstLoad, measureFirstLoad } from './firstLoadJs';
import { measureRecoveryMatrix } from './recoveryMatrix';
import { describeMachine, writeReport } from './results';
import { printRecovery, renderChecks } from './resultsMarkdown';
import { measureRuntimeMemory } from './runtimeMemory';
import { measureSsrThroughput } from './ssrThroughput';
import { CACHE_HIT, CACHE_MISS, CHECK_DATABASE, evaluate, UNPROTECTED } from './targets';

/**
 * `npm run bench`: every figure is a ratio against a baseline measured in the same run, on the
 * same machine, so the targets hold whatever the machine's speed. Exits 1 if a target is missed.
 * `npm run bench:smoke` runs everything briefly and judges nothing (CI: so the bench cannot rot).
 *
 * Ports (BENCH_PORT and the next three, BENCH_CORE_PORT and the next two): the app (recovery), the
 * app built with SuperTokens' default lock, the app again for throughput, the app built with the
 * lean refresh; a core whose access tokens live two seconds (real expiry), a core with the default
 * lifetime, a core for the load test.
 */
const SMOKE = process.argv.includes('--smoke');
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const CORE_PORT = Number(process.env.BENCH_CORE_PORT ?? 3867);
const ORIGIN = `http://localhost:${PORT}`;
const SDK_LOCK_ORIGIN = `http://localhost:${PORT + 1}`;
const APP_DIST = '.next-bench';
const SDK_LOCK_DIST = '.next-bench-sdk-lock';
const LEAN_ORIGIN = `http://localhost:${PORT + 3}`;
const LEAN_DIST = '.next-bench-lean';
const BARE_DIST = '.next-bench';
/** Long enough for a sign-in, short enough that waiting for expiry costs little. */
const SHORT_ACCESS_TOKEN_VALIDITY_S = 2;

const SETTINGS = SMOKE
  ? { rounds: 1, seconds: 1, coreSeconds: 1, memoryCycles: 1_000, activeTabs: { rounds: 1, lifetimes: 2 } }
  : { rounds: 8, seconds: 1.5, coreSeconds: 5, memoryCycles: 10_000, activeTabs: { rounds: 5, lifetimes: 3 } };

async function main(): Promise<number> {
  const memory = await measureRuntimeMemory(SETTINGS.memoryCycles);
  buildForBench({ distDir: APP_DIST, origin: ORIGIN });
  // The baseline with SuperTokens' own lock only tells the lock's gain: a full run's figure.
  if (!SMOKE) buildForBench({ distDir: SDK_LOCK_DIST, origin: SDK_LOCK_ORIGIN, env: { NEXT_PUBLIC_SESSION_REFRESH_LOCK: 'supertokens' } });
  // The kit refreshes with SuperTokens' public call; the lean one, on its private files, beside it.
  if (!SMOKE) buildForBench({ distDir: LEAN_DIST, origin: LEAN_ORIGIN, env: { NEXT_PUBLIC_SESSION_REFRESH: 'lean' } });
  buildForBench({ projectDir: BARE_APP_DIR, distDir: BARE_DIST, origin: ORIGIN });
  buildForBench({ projectDir: BARE_APP_ROUTER_APP_DIR, distDir: BARE_DIST, origin: ORIGIN });
  const firstLoad = measureFirstLoad(APP_DIST, BARE_DIST);
  const appRouterFirstLoad = measureAppRouterFirstLoad(APP_DIST, BARE_DIST);

  const stops: BenchProcess[] = [];
  const start = async (server: Promise<BenchProcess>) => {
    const started = await server;
    stops.unshift(started);
    return started;
  };
  try {
    const shortLivedCore = await start(startBenchCore(CORE_PORT, { ACCESS_TOKEN_VALIDITY: String(SHORT_ACCESS_TOKEN_VALIDITY_S) }));
    const app = await start(startBenchApp({ port: PORT, distDir: APP_DIST, builtFor: ORIGIN, coreUrl: shortLivedCore.url }));
    if (!SMOKE) {
      await start(startBenchApp({ port: PORT + 1, distDir: SDK_LOCK_DIST, builtFor: SDK_LOCK_ORIGIN, coreUrl: shortLivedCore.url }));
      await start(startBenchApp({ port: PORT + 3, distDir: LEAN_DIST, builtFor: LEAN_ORIGIN, coreUrl: shortLivedCore.url }));
    }
    const user = await signUpBenchUser(app.url);
    const origins = SMOKE ? { app: ORIGIN } : { app: ORIGIN, sdkLock: SDK_LOCK_ORIGIN, lean: LEAN_ORIGIN };
    const recovery = await measureRecoveryMatrix(recoveryPlan(origins, SMOKE ? 'smoke' : 'full'), {
      newSession: async () => toRunSession(await signInCookies(app.url, user)),
    });
    printRecovery(recovery);
    const activeTabs = await measureActiveTabs({
      origin: ORIGIN,
      lifetimeMs: SHORT_ACCESS_TOKEN_VALIDITY_S * 1000,
      ...SETTINGS.activeTabs,
      newSession: async () => toRunSession(await signInCookies(app.url, user)),
    });
    console.log('\nActive tabs');
    console.table(activeTabs);
    const core = await start(startBenchCore(CORE_PORT + 1));
    const throughputApp = await start(startBenchApp({ port: PORT + 2, distDir: APP_DIST, builtFor: ORIGIN, coreUrl: core.url }));
    const reader = await signUpBenchUser(throughputApp.url);
    const [oneToken = ''] = await mintAccessTokens(core.url, reader.userId, 1);
    // More distinct valid tokens than the SSR check remembers, sent in turn: every request a miss.
    const manyTokens = await mintAccessTokens(core.url, reader.userId, Math.ceil(VERIFIED_TOKEN_CACHE_SIZE * 1.2));
    const asCookie = (token: string) => cookieHeader([{ name: 'sAccessToken', value: token }], ['sAccessToken']);
    const throughput = await measureSsrThroughput(
      throughputApp.url,
      [
        { name: UNPROTECTED, path: '/bench/unprotected', cookies: [asCookie(oneToken)] },
        { name: CACHE_HIT, path: '/bench/protected', cookies: [asCookie(oneToken)] },
        { name: CACHE_MISS, path: '/bench/protected', cookies: manyTokens.map(asCookie) },
        { name: CHECK_DATABASE, path: '/bench/protected-core', cookies: [asCookie(oneToken)] },
      ],
      SETTINGS,
    );
    console.log('\nSSR throughput (median of alternating rounds)');
    console.table(throughput);

    const loadCore = await start(startBenchCore(CORE_PORT + 2));
    const coreLoad = await measureCoreLoad(loadCore.url, { seconds: SETTINGS.coreSeconds });
    console.log('Embedded core under bounded load');
    console.table(coreLoad);

    const checks = evaluate({ recovery, throughput, firstLoad, appRouterFirstLoad, coreLoad, memory, activeTabs });
    const report = {
      date: new Date().toISOString(),
      mode: SMOKE ? ('smoke' as const) : ('full' as const),
      machine: describeMachine(await chromiumVersion()),
      recovery,
      activeTabs,
      throughput,
      firstLoad,
      appRouterFirstLoad,
      coreLoad,
      memory,
      checks,
    };
    const dir = SMOKE ? path.resolve('test-results', 'bench-smoke') : path.resolve(__dirname, 'results');
    writeReport(report, dir);
    console.log(`\n${renderChecks(checks)}\n\nWritten to ${path.relative(process.cwd(), dir)}/latest.{json,md}`);
    if (SMOKE) return 0;
    return checks.every((check) => check.met !== false) ? 0 : 1;
  } finally {
    for (const server of stops) await server.stop();
  }
}

async function chromiumVersion(): Promise<string> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const version = browser.version();
  await browser.close();
  return version;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
