import type { Check } from './checks';
import type { LoadFigures } from './coreLoad';
import type { FirstLoadResult } from './firstLoadJs';
import type { RecoveryCell, ScenarioName, ScenarioResult } from './recoveryResults';
import { medianOf } from './recoveryResults';
import type { BenchReport, Machine } from './results';

export function machineLine({ date, machine }: { date: string; machine: Machine }): string {
  return `${date.slice(0, 10)}, ${machine.cores} × ${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node}, Chromium ${machine.chromium}`;
}

export function renderChecks(checks: Check[]): string {
  const rows = checks.map(({ name, value, target, met, from }) => {
    const verdict = met === null ? 'reported' : met ? 'met' : '**missed**';
    return `| ${name} | ${value} | ${target ?? '—'} | ${verdict} | ${from} |`;
  });
  return ['| ratio | value | target | verdict | from |', '| --- | ---: | --- | --- | --- |', ...rows].join('\n');
}

const cellName = (cell: RecoveryCell) => `${cell.router}, ${cell.profile}`;
// A part no run had is NaN in memory and null in latest.json.
const show = (value: number | null | undefined) => (value === undefined || value === null || Number.isNaN(value) ? '—' : String(value));

function eachVariant(cells: RecoveryCell[]): { cell: RecoveryCell; label: string; deepLink?: ScenarioResult; clientNavigation?: ScenarioResult }[] {
  return cells.flatMap((cell) => Object.values(cell.variants).map((variant) => ({ cell, ...variant })));
}

function counted(result: ScenarioResult | undefined): string {
  if (!result) return '—';
  return result.failures.length ? `${result.measured} (${result.failures.length} not)` : String(result.measured);
}

const BREAKDOWN_COLUMNS = (start: string) =>
  `first answer | ${start} → recovery start | refresh | reload | the rest | of it, after the reload's answer | loading UI on screen | ${start} → content`;

/** Where a recovery's time goes, medians per part; "the rest" is the recovery less its two requests, per run. */
function breakdownRows(cells: RecoveryCell[], scenario: ScenarioName): string[] {
  return eachVariant(cells).flatMap(({ cell, label, ...scenarios }) => {
    const result = scenarios[scenario];
    if (!result) return [];
    const m = result.medians;
    const rest = medianOf(result.runs.map((run) => run.recoveryMs - run.refreshMs - run.reloadMs));
    const shown = result.runs.filter((run) => Number.isFinite(run.loadingUiMs)).length;
    const loading = shown ? `${show(m.loadingUiMs)} (${shown} of ${result.runs.length})` : '—';
    const parts = [m.firstAnswerMs, m.toRecoveryStartMs, m.refreshMs, m.reloadMs, rest, m.reloadToContentMs].map(show);
    return [`| ${cellName(cell)} | ${label} | ${[...parts, loading, show(m.userFeltMs)].join(' | ')} |`];
  });
}

function failureRows(cells: RecoveryCell[]): string[] {
  const rows = eachVariant(cells).flatMap(({ cell, label, deepLink, clientNavigation }) =>
    ([['deep link', deepLink], ['client navigation', clientNavigation]] as const).flatMap(([scenario, result]) =>
      (result?.failures ?? []).map((f) => `| ${cellName(cell)} | ${label}, ${scenario} | ${f.precondition} | ${f.detail} |`),
    ),
  );
  const floors = cells.flatMap((cell) => cell.floor.failures.map((f) => `| ${cellName(cell)} | floor: valid navigation | ${f.precondition} | ${f.detail} |`));
  return [...rows, ...floors];
}

function firstLoadSection(title: string, result: FirstLoadResult, bare: string): string[] {
  const signIn = result.signInKb === undefined ? '' : `, sign-in page ${result.signInKb}`;
  return [
    `## ${title} (gzip, kB)`,
    '',
    `This app ${result.protectedKb}, bare ${bare} app ${result.bareKb}${signIn}.`,
    '',
    '| package | this app | bare app |',
    '| --- | ---: | ---: |',
    ...result.packages.map((p) => `| ${p.owner} | ${p.protectedKb} | ${p.bareKb} |`),
    '',
  ];
}

export function renderRecovery(cells: RecoveryCell[]): string[] {
  const rounds = [...new Set(cells.map((cell) => `${cell.profile} ${cell.iterations}`))].join(', ');
  const failures = failureRows(cells);
  return [
    `## Recovery of an expired session (Chromium, medians; rounds per profile: ${rounds})`,
    '',
    'Deep link: the protected page opened from a blank page with an expired access token (a new document; the',
    "HTTP cache holds the app's static files from a warm-up round). Client navigation: a click on a link of a",
    'page opened while the session was valid, once its access token has expired. Network profiles are',
    "Chromium's emulation (`Network.emulateNetworkConditions`); every variant of a cell ran side by side.",
    '',
    '![recovery times, pages router, loopback](recovery.svg)',
    '',
    '| router, profile | variant | deep link: navigation → content | deep link: recovery start → content | client navigation: click → content | client navigation: recovery start → content | runs measured |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- |',
    ...eachVariant(cells).map(
      ({ cell, label, deepLink: d, clientNavigation: c }) =>
        `| ${cellName(cell)} | ${label} | ${show(d?.medians.userFeltMs)} | ${show(d?.medians.recoveryMs)} | ${show(c?.medians.userFeltMs)} | ${show(c?.medians.recoveryMs)} | ${counted(d)} / ${counted(c)} |`,
    ),
    '',
    '### The limit of a recovery: one refresh + a client navigation to the page with a valid session',
    '',
    '| router, profile | refresh + valid navigation | refresh | valid navigation (click → content) | raw network floor (refresh + server props or components) |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...cells.map((cell) => `| ${cellName(cell)} | ${show(cell.floor.limitMs)} | ${show(cell.floor.refreshMs)} | ${show(cell.floor.validNavigationMs)} | ${show(cell.rawFloorMs)} |`),
    '',
    '### Where the time goes: deep links (ms, medians)',
    '',
    'First answer: the document. Refresh and reload: network time of the refresh request and of what brought',
    'the content after it (server props, server components, or the recipe’s new document). The rest: the',
    'recovery less those two requests (lock, SDK, router, React, timers), and the part of it after the',
    "reload's answer (negative when the content showed before a streamed answer ended). Loading UI: how long",
    "the session flow's loading screen was on screen, in the runs where it showed (it shows after 200 ms and",
    'goes when the page is ready, after 150 ms on screen at least, `DEFAULT_LOADING_TIMINGS`); the recipes show none.',
    '',
    `| router, profile | variant | ${BREAKDOWN_COLUMNS('navigation')} |`,
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...breakdownRows(cells, 'deepLink'),
    '',
    '### Where the time goes: client navigations (ms, medians)',
    '',
    `| router, profile | variant | ${BREAKDOWN_COLUMNS('click')} |`,
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...breakdownRows(cells, 'clientNavigation'),
    '',
    `### Runs that did not measure (${failures.length})`,
    '',
    ...(failures.length ? ['| router, profile | run | precondition | detail |', '| --- | --- | --- | --- |', ...failures] : ['None.']),
    '',
  ];
}

export function renderMarkdown(report: BenchReport): string {
  const { throughput, coreLoad } = report;
  const lines = [
    `# npm run bench: ${report.mode === 'smoke' ? 'smoke run (fewer rounds, targets not judged)' : 'results'}`,
    '',
    `${machineLine(report)}. Every ratio compares figures measured side by side in this run.`,
    '',
    renderChecks(report.checks),
    '',
    ...renderRecovery(report.recovery.cells),
    '## SSR throughput (requests per second, median of alternating rounds)',
    '',
    '| page | req/s | p50 (ms) | p99 (ms) |',
    '| --- | ---: | ---: | ---: |',
    ...Object.entries(throughput).map(([name, f]) => `| ${name} | ${f.requestsPerSecond} | ${f.p50Ms} | ${f.p99Ms} |`),
    '',
    ...firstLoadSection(`First-load JavaScript of ${report.firstLoad.page}`, report.firstLoad, 'pages-router'),
    ...firstLoadSection(`First-load JavaScript of ${report.appRouterFirstLoad.page} (App Router)`, report.appRouterFirstLoad, 'App Router'),
    '## Embedded core under bounded load (autocannon, loopback)',
    '',
    '| call | per second | p50 (ms) | p99 (ms) | failed |',
    '| --- | ---: | ---: | ---: | ---: |',
    loadRow('session refresh', coreLoad.refresh),
    loadRow('email-password sign-in', coreLoad.signIn),
    '',
  ];
  return `${lines.join('\n')}\n`;
}

/** The recovery figures on the console as each cell's table. */
export function printRecovery({ cells }: { cells: RecoveryCell[] }): void {
  for (const cell of cells) {
    console.log(`\nRecovery of an expired session, ${cellName(cell)} (ms, medians)`);
    console.table(
      Object.fromEntries([
        ...Object.values(cell.variants).map((v) => [
          v.label,
          {
            'deep link: navigation → content': v.deepLink?.medians.userFeltMs,
            'deep link: recovery → content': v.deepLink?.medians.recoveryMs,
            'client navigation: click → content': v.clientNavigation?.medians.userFeltMs,
          },
        ]),
        ['limit: refresh + valid client navigation', { 'deep link: recovery → content': cell.floor.limitMs }],
        ['raw floor: refresh + server props', { 'deep link: recovery → content': cell.rawFloorMs }],
      ]),
    );
  }
}

/** Nothing answered within the run: dashes, not a rate of 0 at 0 ms. */
function loadRow(call: string, figures: LoadFigures): string {
  if (figures.answered === 0) return `| ${call} | — | — | — | ${figures.failures} (none answered) |`;
  return `| ${call} | ${figures.requestsPerSecond} | ${figures.p50Ms} | ${figures.p99Ms} | ${figures.failures} |`;
}
