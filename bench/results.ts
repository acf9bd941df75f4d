import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import type { Check, Measurements } from './targets';
import { renderRecoveryChart } from './recoveryChart';
import { machineLine, renderChecks, renderMarkdown } from './resultsMarkdown';

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
  writeFileSync(path.join(dir, 'recovery.svg'), renderRecoveryChart(report.recovery));
  if (report.mode === 'full' && path.resolve(dir) === path.resolve(__dirname, 'results')) updateReadme(report);
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
