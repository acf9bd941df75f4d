import { readFileSync, writeFileSync } from 'node:fs';

/**
 * `node --import tsx e2e/soak/mergeResults.ts <out.json> <shard.json>...`: one result from soak
 * runs that split a seed range between machines or checkouts (`--seed 1000 --runs 100` and
 * `--seed 1100 --runs 100` are schedules 1000–1199). Refuses shards that overlap, leave a gap or
 * did not finish.
 */
interface Shard {
  date: string;
  commit?: string;
  seed: number;
  schedules: number;
  byRouter: Record<string, number>;
  maxCommands: number;
  commandsDrawn: Record<string, number>;
  faultsApplied: Record<string, number>;
  invariantChecks: number;
  budgets: unknown;
  endings: Record<string, number>;
  failures: unknown[];
  minutes: number;
  complete: boolean;
}

function main(): void {
  const [out, ...inputs] = process.argv.slice(2);
  if (!out || inputs.length === 0) throw new Error('usage: mergeResults.ts <out.json> <shard.json>...');
  const shards = inputs.map((file) => ({ file, shard: JSON.parse(readFileSync(file, 'utf8')) as Shard })).sort((a, b) => a.shard.seed - b.shard.seed);
  for (const [index, { file, shard }] of shards.entries()) {
    if (!shard.complete) throw new Error(`${file} is from a run that did not finish`);
    const next = shards[index + 1];
    if (next && shard.seed + shard.schedules !== next.shard.seed) throw new Error(`${file} ends at seed ${shard.seed + shard.schedules - 1}, ${next.file} starts at ${next.shard.seed}`);
    if (shard.maxCommands !== shards[0]!.shard.maxCommands) throw new Error(`${file} drew up to ${shard.maxCommands} commands, ${shards[0]!.file} ${shards[0]!.shard.maxCommands}`);
  }
  const sum = (pick: (shard: Shard) => Record<string, number>) => {
    const total: Record<string, number> = {};
    for (const { shard } of shards) for (const [key, value] of Object.entries(pick(shard))) total[key] = (total[key] ?? 0) + value;
    return total;
  };
  const first = shards[0]!.shard;
  const merged = {
    date: shards.map(({ shard }) => shard.date).sort().at(-1),
    commit: [...new Set(shards.map(({ shard }) => shard.commit ?? 'unknown'))].join(', '),
    seed: first.seed,
    schedules: shards.reduce((n, { shard }) => n + shard.schedules, 0),
    shards: shards.map(({ shard }) => ({ seed: shard.seed, schedules: shard.schedules, minutes: shard.minutes, commit: shard.commit })),
    byRouter: sum((shard) => shard.byRouter),
    maxCommands: first.maxCommands,
    commandsDrawn: sum((shard) => shard.commandsDrawn),
    faultsApplied: sum((shard) => shard.faultsApplied),
    invariantChecks: shards.reduce((n, { shard }) => n + shard.invariantChecks, 0),
    budgets: first.budgets,
    endings: sum((shard) => shard.endings),
    failures: shards.flatMap(({ shard }) => shard.failures),
    complete: true,
  };
  writeFileSync(out, `${JSON.stringify(merged, null, 2)}\n`);
  console.log(`${out}: ${merged.schedules} schedules from seed ${merged.seed}, ${merged.failures.length} failed`);
}

main();
