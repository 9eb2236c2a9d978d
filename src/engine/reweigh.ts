// A scenario's central path under other weights, without simulating it again.
//
// The monthly update (docs/MODEL.md section 3, model/simulate.ts) never reads a weight: the
// weights only turn the factors' levels into the index, T = 100 · Σ w_i e_i / Σ w_i, and its
// contributions C_i = 100 · w_i e_i / Σ w_i. So when an edit changed nothing but weights (a
// weight slider), the levels of the path before still hold, and the index and contributions
// follow from them in O(months × factors), where simulating a scenario of the largest shape
// (60 factors, every link, 120 months) costs O(months × links), about 10 ms. The arithmetic
// below is simulateBatch's for one lane, in the same order, so the numbers are the same to the
// last bit (tests/engine/reweigh.test.ts holds it to centralSeries).
import { seriesByFactor, type CentralSeries } from './analysis';
import { central, sameExcept, type FactorDef, type MizanDoc, type ScenarioDef } from './format';
import type { CompiledScenario } from './model/compile';
import { centralPath } from './model/simulate';
import { ownValue } from './records';

/** A scenario's central series with what new weights need: its levels and its factors' directions. */
export interface CentralRun {
  series: CentralSeries;
  /** x_i(t) at [t·n + i], model units. */
  levels: Float64Array;
  /** +1 where factor i raises tension, −1 where it lowers it. */
  direction: Float64Array;
  factorIds: readonly string[];
  /** The central weights the series are of. */
  weight: Float64Array;
}

/** The central path of a compiled scenario: centralSeries(m), with its levels kept. */
export function centralRun(m: CompiledScenario): CentralRun {
  const path = centralPath(m);
  return {
    series: {
      tension: Array.from(path.tension),
      contributions: seriesByFactor(m.factorIds, path.contributions),
      factors: seriesByFactor(m.factorIds, path.levels, (v) => v * 100)
    },
    levels: path.levels,
    direction: m.direction,
    factorIds: m.factorIds,
    weight: m.weight
  };
}

/**
 * The central weights of scenario `index` (its own where it sets one, else the factor's), as
 * compileScenario reads them; null when they add up to nothing (the model refuses those).
 */
export function centralWeights(doc: MizanDoc, index: number): Float64Array | null {
  const scenario = doc.scenarios[index];
  const weight = new Float64Array(doc.factors.length);
  doc.factors.forEach((factor, i) => {
    weight[i] = central(ownValue(scenario.weights, factor.id) ?? factor.weight);
  });
  return weight.reduce((a, b) => a + b, 0) > 0 ? weight : null;
}

/**
 * `run` with the weights `weight` (a weight per factor, in factor order): the factors' levels
 * (and their series) are kept, T and the contributions are computed again. `run` itself when
 * the weights are the same.
 */
export function reweighed(run: CentralRun, weight: Float64Array): CentralRun {
  const n = run.factorIds.length;
  if (weight.length !== n) throw new RangeError(`reweighed: ${weight.length} weights for ${n} factors`);
  if (weight.every((w, i) => Object.is(w, run.weight[i]))) return run;
  const { levels, direction, factorIds } = run;
  const points = levels.length / n;
  let weightSum = 0;
  for (let i = 0; i < n; i++) weightSum += weight[i];
  const scale = 100 / weightSum;
  // Factor by factor, each one's contributions straight into its series; the pressure of each
  // month still adds the factors up in factor order, as simulateBatch does.
  const pressure = new Float64Array(points);
  const contributions: Record<string, number[]> = {};
  for (let i = 0; i < n; i++) {
    const w = weight[i];
    const raises = direction[i] > 0;
    const series: number[] = [];
    for (let t = 0; t < points; t++) {
      const x = levels[t * n + i];
      const we = w * (raises ? x : 1 - x);
      pressure[t] += we;
      // 0 + …: simulateBatch adds to a zeroed sum, which makes a −0 a 0.
      series.push(0 + we * scale);
    }
    contributions[factorIds[i]] = series;
  }
  const tension: number[] = [];
  for (let t = 0; t < points; t++) tension.push((100 * pressure[t]) / weightSum);
  return { series: { tension, contributions, factors: run.series.factors }, levels, direction, factorIds, weight };
}

/**
 * What the model never reads: the document's words, dates, evidence, observations (they weigh
 * the Monte Carlo's runs, not the central path), runs and seed, and the app's view; a factor's
 * label, description and evidence; a scenario's name, colour, notes and prior.
 */
const NOT_MODELLED = [
  'title',
  'author',
  'description',
  'createdAt',
  'modifiedAt',
  'evidence',
  'observations',
  'simulation',
  'view'
] as const satisfies readonly (keyof MizanDoc)[];
const FACTOR_NOT_MODELLED = ['label', 'description', 'evidence'] as const satisfies readonly (keyof FactorDef)[];
const SCENARIO_NOT_MODELLED = [
  'name',
  'color',
  'notes',
  'probability'
] as const satisfies readonly (keyof ScenarioDef)[];

/** Whether each of the scenario's weights is a range (its correlations may name only ranges). */
const rangedWeights = (doc: MizanDoc, index: number): boolean[] =>
  doc.factors.map((f) => typeof (ownValue(doc.scenarios[index].weights, f.id) ?? f.weight) !== 'number');

/**
 * Whether scenario `index` of `next` moves its factors as the one of `previous` does, and compiles
 * alike but for its weights: the two documents differ at most in the central values of weights
 * (a weight that is a range in one is a range in the other), in other scenarios and in what the
 * model never reads. Then the levels of `previous`'s central path are those of `next`'s, and
 * reweighed gives its T.
 */
export function sameLevels(previous: MizanDoc, next: MizanDoc, index: number): boolean {
  const a = previous.scenarios[index];
  const b = next.scenarios[index];
  if (!a || !b || previous.factors.length !== next.factors.length) return false;
  if (
    !sameExcept(a, b, ['weights', ...SCENARIO_NOT_MODELLED]) ||
    !previous.factors.every((f, i) => sameExcept(f, next.factors[i], ['weight', ...FACTOR_NOT_MODELLED])) ||
    !sameExcept(previous, next, ['scenarios', 'factors', ...NOT_MODELLED])
  )
    return false;
  const before = rangedWeights(previous, index);
  return rangedWeights(next, index).every((ranged, i) => ranged === before[i]);
}
