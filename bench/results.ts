import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import type { Check, Measurements } from './targets';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  chromium: string;
}

export interface BenchReport extends Measurements {
  date: string;
  mode: 'full' | 'smoke';
  machine: Machine;
  checks: Check[];
}

export function describeMachine(chromium: string): Machine {
  const cores = cpus();
  return {
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium,
  };
}

const README = path.resolve(__dirname, '..', 'README.md');
const README_START = '<!-- bench-summary:start -->';
const README_END = '<!-- bench-summary:end -->';

/**
 * `latest.json` (everything measured), `latest.md` (the tables) and `recovery.svg` (a chart of the
 * recovery times) in `dir`. A full run into bench/results also refreshes the summary in the
 * README's Benchmarks section.
 */
export function writeReport(report: BenchReport, dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(dir, 'latest.md'), renderMarkdown(report));
  writeFileSync(path.join(dir, 'recovery.svg'), renderRecoveryChart(report));
  if (report.mode === 'full' && path.resolve(dir) === path.resolve(__dirname, 'results')) updateReadme(report);
}

function machineLine({ date, machine }: BenchReport): string {
  return `${date.slice(0, 10)}, ${machine.cores} × ${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node}, Chromium ${machine.chromium}`;
}

export function renderChecks(checks: Check[]): string {
  const rows = checks.map(({ name, value, target, met, from }) => {
    const verdict = met === null ? 'reported' : met ? 'met' : '**missed**';
    return `| ${name} | ${value} | ${target ?? '—'} | ${verdict} | ${from} |`;
  });
  return ['| ratio | value | target | verdict | from |', '| --- | ---: | --- | --- | --- |', ...rows].join('\n');
}

function renderMarkdown(report: BenchReport): string {
  const { recovery, appRouterRecovery, throughput, firstLoad, coreLoad } = report;
  const names = Object.keys(recovery.recoveryMs);
  const lines = [
    `# npm run bench: ${report.mode === 'smoke' ? 'smoke run (fewer iterations, targets not judged)' : 'results'}`,
    '',
    `${machineLine(report)}. Every ratio compares figures measured side by side in this run.`,
    '',
    renderChecks(report.checks),
    '',
    `## Recovery of an expired session (Chromium, medians of ${recovery.iterations} runs)`,
    '',
    '![recovery times](recovery.svg)',
    '',
    '| variant | recovery start → content (ms) | navigation start → content (ms) |',
    '| --- | ---: | ---: |',
    ...names.map((name) => `| ${name} | ${recovery.recoveryMs[name]} | ${recovery.userFeltMs[name]} |`),
    `| floor: one refresh + one server-props fetch | ${recovery.floorMs} | |`,
    '',
    `## App Router recovery (\`router.refresh()\`, medians of ${appRouterRecovery.iterations} runs)`,
    '',
    '| variant | recovery start → content (ms) | navigation start → content (ms) |',
    '| --- | ---: | ---: |',
    ...Object.keys(appRouterRecovery.recoveryMs).map(
      (name) => `| ${name} | ${appRouterRecovery.recoveryMs[name]} | ${appRouterRecovery.userFeltMs[name]} |`,
    ),
    `| floor: one refresh + one server-components fetch | ${appRouterRecovery.floorMs} | |`,
    '',
    '## SSR throughput (requests per second, median of alternating rounds)',
    '',
    '| page | req/s | p50 (ms) | p99 (ms) |',
    '| --- | ---: | ---: | ---: |',
    ...Object.entries(throughput).map(([name, f]) => `| ${name} | ${f.requestsPerSecond} | ${f.p50Ms} | ${f.p99Ms} |`),
    '',
    `## First-load JavaScript of ${firstLoad.page} (gzip, kB)`,
    '',
    `This app ${firstLoad.protectedKb}, bare pages-router app ${firstLoad.bareKb}, sign-in page ${firstLoad.signInKb}.`,
    '',
    '| package | this app | bare app |',
    '| --- | ---: | ---: |',
    ...firstLoad.packages.map((p) => `| ${p.owner} | ${p.protectedKb} | ${p.bareKb} |`),
    '',
    '## Embedded core under bounded load (autocannon, loopback)',
    '',
    '| call | per second | p50 (ms) | p99 (ms) | failed |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| session refresh | ${coreLoad.refresh.requestsPerSecond} | ${coreLoad.refresh.p50Ms} | ${coreLoad.refresh.p99Ms} | ${coreLoad.refresh.failures} |`,
    `| email-password sign-in | ${coreLoad.signIn.requestsPerSecond} | ${coreLoad.signIn.p50Ms} | ${coreLoad.signIn.p99Ms} | ${coreLoad.signIn.failures} |`,
    '',
  ];
  return `${lines.join('\n')}\n`;
}

/** Horizontal bars, one pair per variant: recovery start → content, and navigation start → content. */
function renderRecoveryChart({ recovery }: BenchReport): string {
  const rows = [
    ...Object.keys(recovery.recoveryMs).map((name) => ({ name, recovery: recovery.recoveryMs[name] ?? 0, felt: recovery.userFeltMs[name] ?? 0 })),
    { name: 'floor: refresh + server props', recovery: recovery.floorMs, felt: 0 },
  ];
  const max = Math.max(...rows.flatMap((row) => [row.recovery, row.felt]), 1);
  const scale = 420 / max;
  const bars = rows.map((row, i) => {
    const y = 30 + i * 44;
    const bar = (value: number, dy: number, color: string) =>
      value > 0
        ? `<rect x="250" y="${y + dy}" width="${(value * scale).toFixed(1)}" height="16" fill="${color}"/>` +
          `<text x="${(256 + value * scale).toFixed(1)}" y="${y + dy + 12}">${value.toFixed(0)} ms</text>`
        : '';
    return `<text x="0" y="${y + 16}">${escapeXml(row.name)}</text>${bar(row.recovery, 0, '#2f6fb0')}${bar(row.felt, 18, '#b0b0b0')}`;
  });
  const height = 40 + rows.length * 44;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="760" height="${height}" font-family="sans-serif" font-size="12">`,
    '<text x="250" y="14" fill="#2f6fb0">recovery start → content</text><text x="450" y="14" fill="#808080">navigation start → content</text>',
    ...bars,
    '</svg>',
    '',
  ].join('\n');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function updateReadme(report: BenchReport): void {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) return;
  const summary = [
    README_START,
    `Latest full run: ${machineLine(report)} ([all figures](bench/results/latest.md), [JSON](bench/results/latest.json)).`,
    '',
    renderChecks(report.checks),
    '',
  ].join('\n');
  writeFileSync(README, readme.slice(0, start) + summary + readme.slice(end));
}
