import { judged, ms, reported, type Check } from './checks';
import type { NetworkProfileName } from './networkProfiles';
import type { FloorResult, RecoveryCell, RecoveryMatrix, RouterName, ScenarioName, ScenarioResult, VariantKey } from './recoveryResults';
import type { PageTimings } from './recoveryTimings';

/** A figure and the runs it came from, so a ratio can say how many of them did not measure. */
interface Figure {
  ms: number;
  from: readonly (ScenarioResult | FloorResult | undefined)[];
}

function scenario(cell: RecoveryCell, variant: VariantKey, name: ScenarioName): ScenarioResult | undefined {
  return cell.variants[variant]?.[name];
}

function timing(cell: RecoveryCell, variant: VariantKey, name: ScenarioName, part: keyof PageTimings): Figure {
  const result = scenario(cell, variant, name);
  return { ms: result?.medians[part] ?? NaN, from: [result] };
}

const limit = (cell: RecoveryCell): Figure => ({ ms: cell.floor.limitMs, from: [cell.floor] });
const rawFloor = (cell: RecoveryCell): Figure => ({ ms: cell.rawFloorMs, from: [scenario(cell, 'ours', 'deepLink')] });

/** `; 2 runs not measured (first: …)` when some runs of a figure failed; nothing when all measured. */
function unmeasured(figures: Figure[]): string {
  const failures = figures.flatMap((figure) => figure.from.flatMap((result) => result?.failures ?? []));
  if (failures.length === 0) return '';
  const [first] = failures;
  return `; ${failures.length} run${failures.length === 1 ? '' : 's'} not measured (first: ${first!.precondition})`;
}

function ratio(name: string, top: Figure, bottom: Figure, target?: number): Check {
  const from = `${ms(top.ms)} ÷ ${ms(bottom.ms)}${unmeasured([top, bottom])}`;
  return target === undefined ? reported(name, top.ms / bottom.ms, from) : judged(name, top.ms / bottom.ms, '<=', target, from);
}

/**
 * The recovery targets (docs/decisions/014 and 018). Each compares variants measured side by side
 * in one cell (one network profile, one router); a cell the run did not plan (the smoke run
 * measures loopback only) gives no line.
 */
export function recoveryChecks(matrix: RecoveryMatrix): Check[] {
  const cellOf = (profile: NetworkProfileName, router: RouterName) => matrix.cells.find((c) => c.profile === profile && c.router === router);
  const checks: Check[] = [];
  const pages = cellOf('loopback', 'pages router');
  if (pages) {
    const recovery = timing(pages, 'ours', 'deepLink', 'recoveryMs');
    checks.push(
      ratio('recovery ÷ docs recipe with the same lock', recovery, timing(pages, 'recipe', 'deepLink', 'recoveryMs'), 0.5),
      ratio('recovery ÷ (one refresh + a valid client navigation), pages router, loopback', recovery, limit(pages), 1.15),
      ratio('recovery ÷ raw network floor (one refresh + one server-props fetch)', recovery, rawFloor(pages)),
      ratio(
        'deep link with an expired token, navigation → content: ours ÷ docs recipe, same lock',
        timing(pages, 'ours', 'deepLink', 'userFeltMs'),
        timing(pages, 'recipe', 'deepLink', 'userFeltMs'),
        0.75,
      ),
    );
    if (scenario(pages, 'oursLean', 'deepLink')) {
      const lean = timing(pages, 'oursLean', 'deepLink', 'recoveryMs');
      checks.push(
        ratio('the lean refresh: recovery with it ÷ with the public refresh', lean, recovery),
        ratio('the lean refresh: recovery with it ÷ docs recipe with the same lock', lean, timing(pages, 'recipe', 'deepLink', 'recoveryMs')),
      );
    }
    if (scenario(pages, 'recipeSdkLock', 'deepLink')) {
      const lock = (variant: VariantKey) => timing(pages, variant, 'deepLink', 'recoveryMs');
      checks.push(ratio('the lock alone: docs recipe with Web Locks ÷ with the SDK default lock', lock('recipe'), lock('recipeSdkLock')));
    }
  }
  const felt = (cell: RecoveryCell, name: ScenarioName) => [timing(cell, 'ours', name, 'userFeltMs'), timing(cell, 'recipe', name, 'userFeltMs')] as const;
  const deepLinkTargets: Partial<Record<`${RouterName}, ${NetworkProfileName}`, number>> = { 'pages router, 4G': 0.6, 'App Router, 4G': 0.75 };
  for (const router of ['pages router', 'App Router'] as const) {
    for (const profile of ['loopback', '4G', 'slow 3G'] as const) {
      const cell = cellOf(profile, router);
      if (!cell) continue;
      if (router === 'App Router') {
        const [ours, recipe] = (['ours', 'recipe'] as const).map((variant) => timing(cell, variant, 'deepLink', 'recoveryMs'));
        checks.push(ratio(`App Router recovery ÷ its docs recipe (router.refresh()), same lock, ${profile}`, ours!, recipe!, 0.8));
        if (profile === 'loopback') {
          checks.push(
            ratio('App Router recovery ÷ (one refresh + a valid client navigation), loopback', ours!, limit(cell)),
            ratio('App Router recovery ÷ raw network floor (one refresh + one server-components fetch)', ours!, rawFloor(cell)),
          );
        }
      }
      if (!(router === 'pages router' && profile === 'loopback')) {
        checks.push(ratio(`${profile} deep link, navigation → content: ours ÷ docs recipe, same lock (${router})`, ...felt(cell, 'deepLink'), deepLinkTargets[`${router}, ${profile}`]));
      }
      checks.push(ratio(`${profile} client navigation after expiry, navigation → content: ours ÷ docs recipe, same lock (${router})`, ...felt(cell, 'clientNavigation')));
    }
  }
  return checks;
}
