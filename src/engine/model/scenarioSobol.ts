// Sobol indices of one scenario's model: which groups of inputs drive the spread of T at the
// horizon (or of peak T, or of whether T reaches the crisis line in some month).
//
// A point u ∈ [0,1)^d sets one run: each range of the scenario (a weight, start, target, pace,
// volatility or link strength) is drawn from its own coordinate by its inverse CDF (triangular or
// PERT), as the Monte Carlo draws it; each event fires when its coordinate is below its
// probability and its condition holds; and one more coordinate seeds the run's monthly noise, so
// that all the shocks move together as the group `noise`. Inputs are grouped: one group per
// factor (its ranges in this scenario), one per uncertain link, one per event, and the noise.
// The groups are independent: a scenario's correlations are not imposed here.
import { type BatchedFunction, sobolSteps } from './sobol';
import { runToEnd } from '../steps';
import { addEvent, clearEvents, createBatch, setCentralLane, setUncertainInput, simulateBatch } from './simulate';
import { eventHappens } from './montecarlo';
import type { CompiledScenario } from './compile';
import { rangeValue, StreamBank } from '../random/streams';
import { WasmKernel } from './kernel';

export type SobolMetric = 'final' | 'peak' | 'crisis';
export type SobolGroupKind = 'factor' | 'event' | 'link' | 'noise';

export interface SobolGroupResult {
  /** The factor's or the event's id, or "noise". */
  id: string;
  kind: SobolGroupKind;
  first: number;
  total: number;
  firstInterval: [number, number];
  totalInterval: [number, number];
}

export interface ScenarioSobol {
  id: string;
  metric: SobolMetric;
  samples: number;
  /** Var of the metric over the runs of the design; every index is NaN where it is 0. */
  variance: number;
  groups: SobolGroupResult[];
}

export interface ScenarioSobolOptions {
  metric?: SobolMetric;
  samples: number;
  seed: number;
  bootstrap?: number;
}

/** The groups of a scenario's inputs and the dimensions of each (in the order of the point u). */
export function sobolGroups(m: CompiledScenario): { id: string; kind: SobolGroupKind; dimensions: number[] }[] {
  const groups: { id: string; kind: SobolGroupKind; dimensions: number[] }[] = [];
  m.factorIds.forEach((id, factor) => {
    const dimensions = m.uncertain.flatMap((u, k) => (u.factor === factor && u.high > u.low ? [k] : []));
    if (dimensions.length > 0) groups.push({ id, kind: 'factor', dimensions });
  });
  // One group per uncertain link: "FROM>TO".
  m.uncertain.forEach((u, k) => {
    if (u.kind === 'strength' && u.high > u.low)
      groups.push({ id: u.key.slice('strength:'.length), kind: 'link', dimensions: [k] });
  });
  const firstEvent = m.uncertain.length;
  m.eventIds.forEach((id, e) => {
    const p = m.eventProbability[e];
    // An event that always or never fires does not vary.
    if (p > 0 && p < 1) groups.push({ id, kind: 'event', dimensions: [firstEvent + e] });
  });
  if (m.noisy.some((v) => v === 1))
    groups.push({ id: 'noise', kind: 'noise', dimensions: [firstEvent + m.eventIds.length] });
  return groups;
}

/** Runs simulated together: one batch of the Monte Carlo's kernel. */
const LANES = 256;

/**
 * The metric's value of the runs that the points set (see the top of this file), LANES at a time
 * in the WebAssembly kernel (or simulateBatch where it is not to be had): each lane's arithmetic
 * is a lone run's, so the values are the same as one run at a time.
 */
function runsOf(m: CompiledScenario, metric: SobolMetric): BatchedFunction {
  // Stryker disable next-line BooleanLiteral: kept levels only cost memory: none is read here
  const kernel = WasmKernel.create(m, LANES, false);
  const batch = kernel?.batch ?? createBatch(m, LANES);
  const streams = kernel?.streams ?? new StreamBank(LANES);
  // The JavaScript's buffers, where there is no kernel (tests/engine/no-webassembly.test.ts, which
  // loads the engine afresh: Stryker's coverage per test does not see it run these lines).
  // Stryker disable next-line ArithmeticOperator
  const points = m.horizon + 1;
  /** T(t) of lane b at [t·LANES + b]. */
  // Stryker disable next-line ArithmeticOperator
  const tension = kernel?.outputs.tension ?? new Float64Array(points * LANES);
  // Stryker disable next-line ArithmeticOperator,ConditionalExpression,EqualityOperator: the contributions are never read; in a smaller buffer their writes are dropped
  const contributions = new Float64Array(kernel === null ? points * m.n * LANES : 0);
  const firstEvent = m.uncertain.length;
  const noiseAt = firstEvent + m.eventIds.length;
  const fired = new Uint8Array(m.eventIds.length);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: without a noisy factor a stream draws no shock (the volatilities are 0): the same run
  const noisy = m.noisy.some((v) => v === 1);
  return (all, count, d, out) => {
    // Stryker disable next-line EqualityOperator: a last chunk of no lanes simulates nothing
    for (let from = 0; from < count; from += LANES) {
      // Stryker disable next-line MethodExpression,ArithmeticOperator: more lanes than points read past the points (NaN runs) and write past `out`: dropped
      const lanes = Math.min(LANES, count - from);
      // The central inputs, no event yet (each point decides which fire).
      clearEvents(batch);
      // Stryker disable next-line EqualityOperator: one lane more is set but not simulated, or past the batch: dropped
      for (let b = 0; b < lanes; b++) {
        const u = all.subarray((from + b) * d, (from + b + 1) * d);
        setCentralLane(m, batch, b, () => 0);
        m.uncertain.forEach((input, k) => setUncertainInput(batch, input, b, rangeValue(u[k], input)));
        // Stryker disable next-line EqualityOperator: the event past the end has no probability (undefined), which no coordinate is below
        for (let e = 0; e < m.eventIds.length; e++) {
          fired[e] = eventHappens(m, e, u[firstEvent + e], fired, 0) ? 1 : 0;
          if (fired[e] === 1) addEvent(m, batch, b, e, m.eventShift[e]);
        }
        // The noise of the run: a stream of its own, seeded by the noise coordinate.
        // Stryker disable next-line ConditionalExpression: a stream seeded for a run without noise is never read (no noise is drawn below)
        if (noisy) streams.seed(b, Math.floor(u[noiseAt] * 0x100000000), 0);
      }
      // Stryker disable next-line ConditionalExpression: simulateBatch on the kernel's own batch gives its numbers (the contributions, unread, are dropped)
      if (kernel !== null) kernel.simulate(0, lanes, noisy);
      else
        simulateBatch(m, batch, 0, lanes, noisy ? streams : null, { tension, stride: LANES, offset: 0, contributions });
      // Stryker disable next-line EqualityOperator: one value more lands past this call's points, where no one reads it
      for (let b = 0; b < lanes; b++) out[from + b] = metricOf(tension, b, m.horizon, metric, m.crisis);
    }
  };
}

/** The metric of lane b's path, its T(t) at tension[t·LANES + b]. */
function metricOf(tension: Float64Array, b: number, horizon: number, metric: SobolMetric, crisis: number): number {
  if (metric === 'final') return tension[horizon * LANES + b];
  let peak = -Infinity;
  for (let t = 0; t <= horizon; t++) peak = Math.max(peak, tension[t * LANES + b]);
  // Stryker disable next-line EqualityOperator: "<" gives the complement, whose variance splits the same; ">" fails the test with T exactly on the line
  return metric === 'peak' ? peak : peak >= crisis ? 1 : 0;
}

/** Sobol indices (first order and total, with bootstrap intervals) of the scenario's input groups. */
export function scenarioSobol(m: CompiledScenario, options: ScenarioSobolOptions): ScenarioSobol {
  return runToEnd(scenarioSobolSteps(m, options));
}

/**
 * The groups of the design: the scenario's (sobolGroups), and every dimension in exactly one of
 * `all` — those that do not vary (a range of one value, a certain event, the noise of a scenario
 * without any) go together in one more group, whose indices are dropped.
 */
function designGroups(m: CompiledScenario) {
  const groups = sobolGroups(m);
  const dimensions = m.uncertain.length + m.eventIds.length + 1;
  const used = new Set(groups.flatMap((g) => g.dimensions));
  const unused = Array.from({ length: dimensions }, (_, d) => d).filter((d) => !used.has(d));
  const all = unused.length > 0 ? [...groups.map((g) => g.dimensions), unused] : groups.map((g) => g.dimensions);
  return { groups, dimensions, all };
}

/** The model runs of scenarioSobol's design at `samples`: N·(groups of the design + 2), 0 when nothing varies. */
export function sobolRuns(m: CompiledScenario, samples: number): number {
  const { groups, all } = designGroups(m);
  return groups.length === 0 ? 0 : samples * (all.length + 2);
}

/** scenarioSobol in steps: yields [model runs done, of all] (sobolSteps), for progress and cancel. */
export function* scenarioSobolSteps(
  m: CompiledScenario,
  options: ScenarioSobolOptions
): Generator<[number, number], ScenarioSobol> {
  const metric = options.metric ?? 'final';
  const { groups, dimensions, all } = designGroups(m);
  const empty = { id: m.id, metric, samples: options.samples, variance: 0, groups: [] };
  // Stryker disable next-line ConditionalExpression: with no group the design runs a constant: variance 0 and no group, the same answer, slower
  if (groups.length === 0) return empty;
  const result = yield* sobolSteps({ batch: runsOf(m, metric) }, dimensions, {
    samples: options.samples,
    seed: options.seed,
    bootstrap: options.bootstrap,
    groups: all
  });
  return {
    id: m.id,
    metric,
    samples: options.samples,
    variance: result.variance,
    groups: groups.map((g, i) => ({
      id: g.id,
      kind: g.kind,
      first: result.first[i],
      total: result.total[i],
      firstInterval: result.firstInterval[i],
      totalInterval: result.totalInterval[i]
    }))
  };
}

/**
 * What share of the spread the monthly shocks explain alone (the noise group's first-order
 * index), what the judgements explain alone (the first-order indices of every other group), and
 * the rest, which only their combination explains (never below 0: the estimates carry sampling
 * error). NaN shares when nothing varies.
 */
export function spreadShares(result: ScenarioSobol): { noise: number; judgement: number; rest: number } {
  const noise = result.groups.find((g) => g.kind === 'noise')?.first ?? 0;
  const judgement = result.groups.filter((g) => g.kind !== 'noise').reduce((sum, g) => sum + g.first, 0);
  if (!(result.variance > 0)) return { noise: NaN, judgement: NaN, rest: NaN };
  return { noise, judgement, rest: Math.max(0, 1 - noise - judgement) };
}
