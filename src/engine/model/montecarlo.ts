// Monte Carlo over one compiled scenario. Runs can be added in steps (a quick
// estimate first, then the rest) and summarised at any point: run r depends only
// on (seed, r), so the first runs of a large set are the runs of a small one.
import type { CompiledScenario } from './compile';
import { addEvent, clearEvents, createBatch, setCentralRates, setUncertainInput, simulateBatch } from './simulate';
import { averageRanks, histogram100, QUANTILE_LEVELS, quantilesOf, spearman } from './stats';
import { statsKernel } from './statsKernel';

import { rangeValue, StreamBank } from '../random/streams';
import { needsDesign, runDesign } from './design';
import { WasmKernel } from './kernel';
import { runToEnd } from '../steps';

const LEVELS = QUANTILE_LEVELS.map((q) => q / 100);

/** Lanes simulated together; large enough to amortise per-step work, small enough for cache. */
const BATCH = 256;

export interface MonteCarloOptions {
  runs: number;
  seed: number;
  /**
   * The number of the first run (default 0): runs firstRun … firstRun + runs − 1 are
   * simulated. Run r is the same whichever MonteCarlo simulates it, so the runs of one
   * scenario can be shared out over workers and their T values put together again
   * (summariseTension).
   */
  firstRun?: number;
  /**
   * How many runs the whole set has (default firstRun + runs): with Latin hypercube sampling or
   * correlations, a run's ranges come from a design of all of them (design.ts), so a piece of the
   * set must know its size.
   */
  totalRuns?: number;
  /**
   * Factor levels to keep for every run (tracking, docs/MODEL.md): factor `factor`'s level in
   * month `month`, model units, read back with observedLevel(k) in this list's order.
   */
  observedLevels?: readonly { factor: number; month: number }[];
  /**
   * Simulate with the JavaScript kernel (simulateBatch) even where the WebAssembly one is to be
   * had: the two give the same numbers; the tests compare them.
   */
  javascriptKernel?: boolean;
  /**
   * How many runs are kept at once (default: all of them): advance() stops at the end of the
   * window, and nextWindow() lets the kept runs go to make room for the next ones. The streamed
   * analysis (streamed.ts) reads each window's runs and keeps memory bounded; the contribution
   * sums go on over all the runs.
   */
  window?: number;
  /** The design of the whole set already drawn (runDesign), so that several passes over it share one. */
  design?: RunDesign | null;
}

/** The ranges of every run of a set, drawn together (design.ts): input k of run `run` at values[k·runs + run]. */
export interface RunDesign {
  values: Float64Array;
  runs: number;
}

/** The design of a set of `runs` runs under `seed`, or null when the scenario's ranges are drawn run by run. */
export const designOf = (m: CompiledScenario, seed: number, runs: number): RunDesign | null =>
  needsDesign(m) ? { values: runDesign(m, seed, runs), runs } : null;

/**
 * Draws one run's sampled inputs from stream b, in the order the Monte Carlo draws
 * them: each uncertain input (file units: weights 0..10, levels in points), then 1 or
 * 0 per event (fired or not). out[k] for k < uncertain.length + eventIds.length. With a
 * design, the ranges are run `run`'s of it; their uniforms are drawn all the same, so that
 * the events see the same stream.
 */
export function drawRunInputs(
  m: CompiledScenario,
  streams: StreamBank,
  b: number,
  out: Float64Array,
  design: RunDesign | null = null,
  run = 0
): void {
  const { uncertain } = m;
  for (let k = 0; k < uncertain.length; k++) {
    const u = streams.uniform(b);
    out[k] = design === null ? rangeValue(u, uncertain[k]) : design.values[k * design.runs + run];
  }
  for (let e = 0; e < m.eventIds.length; e++)
    out[uncertain.length + e] = eventHappens(m, e, streams.uniform(b), out, uncertain.length) ? 1 : 0;
}

/**
 * Whether event e happens in a run where its uniform draw is u: u below its probability, and its
 * condition (if any) met by the earlier events' outcomes, out[first + e′] being 1 when e′ happened.
 * Every event draws its uniform whether or not its condition holds, so that the draws of a run
 * do not depend on its outcomes.
 */
export function eventHappens(
  m: CompiledScenario,
  e: number,
  u: number,
  out: ArrayLike<number>,
  first: number
): boolean {
  const parent = m.eventCondition[e];
  const met = (out[first + parent] === 1) === (m.eventConditionOccurred[e] === 1);
  if (
    !met &&
    // Stryker disable next-line ConditionalExpression: without a condition (parent −1), `met` read the input before the events, a range's value or nothing, never exactly 1: it holds
    parent >= 0
  )
    return false;
  // Stryker disable next-line EqualityOperator: u equal to the probability exactly, a chance of about 2⁻⁵³ a draw, is the only difference
  return u < m.eventProbability[e];
}

/**
 * The sampled inputs of run `run` under `seed` (see drawRunInputs), of a set of `totalRuns` runs
 * (which matters only with a design, design.ts): what that run of any MonteCarlo uses.
 */
export function runInputs(m: CompiledScenario, seed: number, run: number, totalRuns = run + 1): Float64Array {
  const streams = new StreamBank(1);
  streams.seed(0, seed, run);
  const out = new Float64Array(m.uncertain.length + m.eventIds.length);
  drawRunInputs(m, streams, 0, out, designOf(m, seed, totalRuns), run);
  return out;
}

export interface ImportanceEntry {
  input: string;
  spearman: number;
}

/** What the T values of a set of runs say: their quantiles, P(crisis) and histogram. */
export interface TensionSummary {
  /** Quantiles of T(t) by level in percent: quantiles[5][t]. */
  quantiles: Record<(typeof QUANTILE_LEVELS)[number], Float64Array>;
  pCrisisByMonth: Float64Array;
  pCrisisEver: number;
  histogram: { edges: number[]; counts: number[] };
  /** Monte Carlo standard errors of the figures above (see standardErrorOfQuantile). */
  standardErrors: {
    quantiles: Record<(typeof QUANTILE_LEVELS)[number], Float64Array>;
    pCrisisByMonth: Float64Array;
    pCrisisEver: number;
  };
}

/** z of a two-sided 95 % interval. */
const Z95 = 1.959963984540054;

/** The standard error of a proportion p estimated from n runs: √(p(1−p)/n). */
export const standardErrorOfProportion = (p: number, n: number): number => Math.sqrt((p * (1 - p)) / n);

/**
 * The levels at which the q-quantile's distribution-free 95 % interval ends: the number of runs
 * below the q-quantile is Binomial(n, q), so the interval runs between the quantiles at
 * q ∓ z·√(q(1−q)/n) (clamped to [0, 1]). Its half-width over z is the quantile's standard error:
 * for a smooth density f, √(q(1−q)/n) / f(x_q), without having to estimate f.
 */
export function quantileIntervalLevels(q: number, n: number): [number, number] {
  const d = Z95 * Math.sqrt((q * (1 - q)) / n);
  return [Math.max(0, q - d), Math.min(1, q + d)];
}

/** Each reported level, then the two ends of its interval: the levels a summary of `count` runs reads in every month. */
export const summaryLevels = (count: number): number[] =>
  LEVELS.flatMap((q) => [q, ...quantileIntervalLevels(q, count)]);

export interface MonteCarloSummary extends TensionSummary {
  runs: number;
  /** Mean C_i(t) across runs at [t·n + i]. */
  meanContributions: Float64Array;
}

/** How many values are at or above `crisis`; raises peak[r] to values[r] where higher (StatsKernel.crisisAndPeaks). */
export function crisisAndPeaks(values: Float64Array, crisis: number, peak: Float64Array): number {
  let inCrisis = 0;
  // Stryker disable next-line EqualityOperator: values[values.length] and peak[values.length] are past the end (undefined): no comparison with them holds
  for (let r = 0; r < values.length; r++) {
    const value = values[r];
    if (value >= crisis) inCrisis++;
    // Stryker disable next-line EqualityOperator: a value equal to the peak leaves the same peak
    if (value > peak[r]) peak[r] = value;
  }
  return inCrisis;
}

/** crisisAndPeaks in the stats kernel, else in JavaScript. */
export const countCrisis = (values: Float64Array, crisis: number, peak: Float64Array): number =>
  // Stryker disable next-line OptionalChaining,LogicalOperator: the engine's tests run where the kernel is (no-webassembly.test.ts runs without); the JavaScript counts the same
  statsKernel()?.crisisAndPeaks(values, crisis, peak) ?? crisisAndPeaks(values, crisis, peak);

/**
 * Summarises runs from their T values: T(t) of run r at tension[t·stride + r], for
 * r < count and t ≤ horizon. The order of the runs does not matter.
 */
export function summariseTension(
  tension: Float64Array,
  stride: number,
  count: number,
  horizon: number,
  crisis: number
): TensionSummary {
  if (count === 0) throw new RangeError('a summary needs at least one simulated run');
  const points = horizon + 1;
  const month = (t: number) => tension.subarray(t * stride, t * stride + count);
  const inCrisis = new Float64Array(points);
  const peak = new Float64Array(count);
  // Stryker disable next-line EqualityOperator: month(points) is an empty slice, and writes to every result array past its end are dropped
  for (let t = 0; t < points; t++) inCrisis[t] = countCrisis(month(t), crisis, peak);
  const levels = summaryLevels(count);
  return summaryOfTallies({
    count,
    inCrisis,
    ever: runsInCrisis(peak, crisis),
    histogram: histogram100(month(horizon), 20),
    quantiles: (t) => quantilesOf(month(t), levels)
  });
}

/** How many runs reached the crisis line, from their peaks. */
export function runsInCrisis(peak: Float64Array, crisis: number): number {
  let ever = 0;
  // Stryker disable next-line EqualityOperator: peak[peak.length] is past the end: undefined >= crisis is false
  for (let r = 0; r < peak.length; r++) {
    if (peak[r] >= crisis) ever++;
  }
  return ever;
}

/** What a summary of `count` runs is made from, however the runs were gone through. */
export interface TensionTallies {
  count: number;
  /** Runs at or above the crisis line, by month. */
  inCrisis: ArrayLike<number>;
  /** Runs that reached it in some month. */
  ever: number;
  histogram: TensionSummary['histogram'];
  /** Month t's values at summaryLevels(count). */
  quantiles: (t: number) => number[];
}

/** A TensionSummary from its tallies (summariseTension's in memory, streamed.ts's window by window). */
export function summaryOfTallies({ count, inCrisis, ever, histogram, quantiles: at }: TensionTallies): TensionSummary {
  const points = inCrisis.length;
  const perLevel = () =>
    Object.fromEntries(QUANTILE_LEVELS.map((q) => [q, new Float64Array(points)])) as TensionSummary['quantiles'];
  const quantiles = perLevel();
  const quantileErrors = perLevel();
  const pCrisisByMonth = new Float64Array(points);
  const pCrisisErrors = new Float64Array(points);
  // Stryker disable next-line EqualityOperator: month `points` has no tallies, and writes past the end of every result array are dropped
  for (let t = 0; t < points; t++) {
    pCrisisByMonth[t] = inCrisis[t] / count;
    pCrisisErrors[t] = standardErrorOfProportion(pCrisisByMonth[t], count);
    const found = at(t);
    QUANTILE_LEVELS.forEach((q, k) => {
      quantiles[q][t] = found[3 * k];
      quantileErrors[q][t] = (found[3 * k + 2] - found[3 * k + 1]) / (2 * Z95);
    });
  }
  const pCrisisEver = ever / count;
  return {
    quantiles,
    pCrisisByMonth,
    pCrisisEver,
    histogram,
    standardErrors: {
      quantiles: quantileErrors,
      pCrisisByMonth: pCrisisErrors,
      pCrisisEver: standardErrorOfProportion(pCrisisEver, count)
    }
  };
}

/** One sampled input's Spearman correlation with T(H), or null when the input did not vary. */
export function importanceOf(
  input: string,
  values: Float64Array,
  final: Float64Array,
  finalRanks: Float64Array
): ImportanceEntry | null {
  if (values.every((v) => v === values[0])) return null;
  const r = spearman(values, final, finalRanks);
  return { input, spearman: Number.isNaN(r) ? 0 : r };
}

/** Importance entries in the order they are shown: largest |r| first, then by input. */
export const byImportance = (entries: ImportanceEntry[]): ImportanceEntry[] =>
  entries.sort((a, b) => Math.abs(b.spearman) - Math.abs(a.spearman) || a.input.localeCompare(b.input));

/** The names of a scenario's sampled inputs in the order they are drawn: its ranges, then `event:` and each event's id. */
export const sampledInputNames = (m: CompiledScenario): string[] => [
  ...m.uncertain.map((u) => u.key),
  ...m.eventIds.map((id) => `event:${id}`)
];

export class MonteCarlo {
  readonly runs: number;
  /** The number of this object's run 0 (see MonteCarloOptions.firstRun). */
  readonly firstRun: number;
  private done = 0;
  /**
   * How many runs are kept at once (MonteCarloOptions.window), and the first of them, counted
   * from firstRun: run firstRun + windowStart + r is kept at r.
   */
  private readonly capacity: number;
  private windowStart = 0;
  private readonly points: number;
  /** T(t) of kept run r at [t·capacity + r]. */
  private readonly tension: Float64Array;
  /**
   * Σ C_i(t) over the runs r ≡ b (mod BATCH), at [(t·n + i)·BATCH + b]: every run
   * always lands in the same lane, so the sums do not depend on how runs were split
   * into advance() calls (quick estimate, chunks in the worker, or all at once).
   */
  private readonly contributionSums: Float64Array;
  /** The WebAssembly kernel that simulates the batches, or null: simulateBatch does. */
  private readonly kernel: WasmKernel | null;
  /** Sampled value of uncertain input k in kept run r at [k·capacity + r]. */
  private readonly samples: Float64Array;
  /**
   * Whether event e fired in kept run r, at [e·capacity + r]: one byte, not eight, as events
   * (up to 500 per scenario) would otherwise hold most of the memory of a large run.
   */
  private readonly fired: Uint8Array;
  /** One run's inputs as drawRunInputs gives them. */
  private readonly drawn: Float64Array;
  private readonly batch;
  private readonly streams: StreamBank;
  /** The ranges of every run of the whole set, when they are drawn together (design.ts). */
  private readonly design: RunDesign | null;
  /** Every level of a batch's lanes, [(t·n + i)·BATCH + b], when levels are kept (else null). */
  private readonly levelBuffer: Float64Array | null;
  /** Kept level k of kept run r at [k·capacity + r]. */
  private readonly observed: Float64Array;

  constructor(
    private readonly m: CompiledScenario,
    private readonly options: MonteCarloOptions
  ) {
    this.runs = options.runs;
    this.firstRun = options.firstRun ?? 0;
    this.points = m.horizon + 1;
    this.capacity = Math.min(this.runs, options.window ?? this.runs);
    this.tension = new Float64Array(this.capacity * this.points);
    this.samples = new Float64Array(m.uncertain.length * this.capacity);
    this.fired = new Uint8Array(m.eventIds.length * this.capacity);
    this.drawn = new Float64Array(m.uncertain.length + m.eventIds.length);
    const totalRuns = options.totalRuns ?? this.firstRun + this.runs;
    this.design =
      // Stryker disable next-line ConditionalExpression: a design drawn again is the same design, slower
      options.design !== undefined ? options.design : designOf(m, options.seed, totalRuns);
    // Stryker disable next-line ArrayDeclaration: a list with an item but no levels asked for keeps nothing all the same (keepLevels reads the option)
    const kept = options.observedLevels ?? [];
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a buffer for no kept level only costs memory
    const keepLevels = kept.length > 0;
    this.kernel = options.javascriptKernel ? null : WasmKernel.create(m, BATCH, keepLevels);
    if (this.kernel === null) {
      this.batch = createBatch(m, BATCH);
      this.streams = new StreamBank(BATCH);
      this.contributionSums = new Float64Array(this.points * m.n * BATCH);
      this.levelBuffer = keepLevels ? new Float64Array(this.points * m.n * BATCH) : null;
    } else {
      this.batch = this.kernel.batch;
      this.streams = this.kernel.streams;
      this.contributionSums = this.kernel.outputs.contributions;
      this.levelBuffer = this.kernel.outputs.levels;
    }
    this.setCentralInputs();
    this.observed = new Float64Array(kept.length * this.capacity);
  }

  get runsDone(): number {
    return this.done;
  }

  /** The runs kept now: runs firstRun + windowStart … firstRun + runsDone − 1. */
  get keptRuns(): number {
    return this.done - this.windowStart;
  }

  /** Simulates this object's runs up to (not including) `until`, capped at the configured count and the window's end. */
  advance(until: number = this.runs): void {
    this.go(until, true);
  }

  /** advance() without the simulation: draws the runs' sampled inputs only (sampledInput, eventFired). */
  drawInputsOnly(until: number = this.runs): void {
    this.go(until, false);
  }

  /** Lets the kept runs go: the window moves on to the next runs. */
  nextWindow(): void {
    this.windowStart = this.done;
  }

  private go(until: number, simulate: boolean): void {
    const end = Math.min(until, this.runs, this.windowStart + this.capacity);
    // Run g (counting from run 0 of the whole set) is simulated in lane g mod BATCH.
    for (let done = this.done; done < end;) {
      const run = this.firstRun + done;
      const from = run % BATCH;
      const to = Math.min(BATCH, from + (end - done));
      // Lane b holds kept run offset + b.
      const offset = done - this.windowStart - from;
      this.drawInputs(run - from, from, to);
      if (simulate) this.simulateLanes(offset, from, to);
      done += to - from;
    }
    this.done = Math.max(this.done, end);
  }

  /** Simulates lanes from..to−1 (kept run offset + b), their inputs drawn, and keeps their T (and levels, when kept). */
  private simulateLanes(offset: number, from: number, to: number): void {
    // Stryker disable next-line ConditionalExpression: simulateBatch on the kernel's own batch and streams gives the kernel's numbers
    if (this.kernel === null)
      simulateBatch(this.m, this.batch, from, to, this.streams, {
        tension: this.tension,
        stride: this.capacity,
        offset,
        contributions: this.contributionSums,
        ...(this.levelBuffer === null ? {} : { levels: this.levelBuffer })
      });
    else this.simulateInKernel(this.kernel, offset, from, to);
    // Stryker disable next-line ConditionalExpression: with no kept levels keepLevels has nothing to copy
    if (this.levelBuffer !== null) this.keepLevels(this.levelBuffer, offset, from, to);
  }

  /** Simulates lanes from..to−1 (run offset + b) in the WebAssembly kernel and copies out their T values. */
  private simulateInKernel(kernel: WasmKernel, offset: number, from: number, to: number): void {
    kernel.simulate(from, to, true);
    const { tension } = kernel.outputs;
    for (let t = 0; t < this.points; t++)
      this.tension.set(tension.subarray(t * BATCH + from, t * BATCH + to), t * this.capacity + offset + from);
  }

  /** Copies the kept levels of lanes from..to−1 (run offset + b) out of a batch's levels. */
  private keepLevels(levels: Float64Array, offset: number, from: number, to: number): void {
    const { n } = this.m;
    // Stryker disable next-line ArrayDeclaration,LogicalOperator: called only when levels are kept, that is when the list has items
    (this.options.observedLevels ?? []).forEach(({ factor, month }, k) => {
      const at = (month * n + factor) * BATCH;
      for (let b = from; b < to; b++) this.observed[k * this.capacity + offset + b] = levels[at + b];
    });
  }

  /**
   * Sets every lane's inputs to their central values (setCentralLane without the events): those
   * that vary by run drawInputs overwrites, lane by lane; the others never change.
   */
  private setCentralInputs(): void {
    const { m, batch } = this;
    for (let b = 0; b < BATCH; b++) {
      // Stryker disable next-line EqualityOperator: index n · BATCH + b is past the end of the weight, start and target slices: the writes are dropped
      for (let i = 0; i < m.n; i++) {
        batch.weight[i * BATCH + b] = m.weight[i];
        batch.start[i * BATCH + b] = m.start[i];
        batch.target[i * BATCH + b] = m.target[i];
      }
      setCentralRates(m, batch, b);
    }
  }

  /** Draws the inputs of lanes from..to−1 (run = base + lane) and sets them in the batch. */
  private drawInputs(base: number, from: number, to: number): void {
    const { m, batch, streams, samples, fired, capacity: runs, drawn, kernel, design } = this;
    const { uncertain } = m;
    const events = m.eventIds.length;
    // Stryker disable next-line ConditionalExpression,LogicalOperator,BlockStatement: the JavaScript below draws the same inputs into the kernel's own batch (tests/engine/kernel.test.ts)
    if (kernel !== null && (design !== null || kernel.drawsInputs)) {
      if (design !== null) {
        const { drawn: given } = kernel.outputs;
        // Stryker disable next-line EqualityOperator: input uncertain.length has no values to give
        for (let k = 0; k < uncertain.length; k++)
          // Stryker disable next-line EqualityOperator: lane `to` is past the lanes drawn, or one a later call sets again before its draw
          for (let b = from; b < to; b++) given[k * BATCH + b] = design.values[k * design.runs + base + b];
      }
      kernel.drawInputs(base, from, to, this.options.seed, design !== null);
      const r = base + from - this.firstRun - this.windowStart;
      const lanes = (k: number) => k * BATCH + from;
      // Stryker disable next-line EqualityOperator: input uncertain.length has no lanes: an empty copy
      for (let k = 0; k < uncertain.length; k++)
        samples.set(kernel.outputs.drawn.subarray(lanes(k), lanes(k) + to - from), k * runs + r);
      // Stryker disable next-line EqualityOperator: event `events` has no lanes: an empty copy
      for (let e = 0; e < events; e++)
        fired.set(kernel.outputs.fired.subarray(lanes(e), lanes(e) + to - from), e * runs + r);
      return;
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: with no events eventAdd and targetAdd are empty, and filling them does nothing
    if (events > 0) clearEvents(batch);
    for (let b = from; b < to; b++) {
      const run = base + b;
      const r = run - this.firstRun - this.windowStart;
      streams.seed(b, this.options.seed, run);
      drawRunInputs(m, streams, b, drawn, design, run);
      // Stryker disable next-line EqualityOperator: samples[uncertain.length · runs + r] is past the end of samples: the write is dropped
      for (let k = 0; k < uncertain.length; k++) samples[k * runs + r] = drawn[k];
      for (let k = 0; k < uncertain.length; k++) setUncertainInput(batch, uncertain[k], b, drawn[k]);
      // Stryker disable next-line EqualityOperator: drawn[uncertain.length + events] is undefined (never 1), and fired[events · runs + r] is past the end
      for (let e = 0; e < events; e++) {
        const happens = drawn[uncertain.length + e] === 1;
        if (happens) addEvent(m, batch, b, e, m.eventShift[e]);
        fired[e * runs + r] = happens ? 1 : 0;
      }
    }
  }

  /** Row k of a [k·capacity + r] array: the kept runs' values (a view). */
  private keptOf<T extends Float64Array | Uint8Array>(values: T, k: number): T {
    return values.subarray(k * this.capacity, k * this.capacity + this.keptRuns) as T;
  }

  /** T(t) of the kept runs (all the simulated ones without a window), for month t (a view, not a copy). */
  tensionInMonth(t: number): Float64Array {
    return this.keptOf(this.tension, t);
  }

  /** Whether event e of the scenario fired, 1 or 0, in each kept run (a view). */
  eventFired(e: number): Uint8Array {
    return this.keptOf(this.fired, e);
  }

  /** The sampled value of uncertain input k (m.uncertain[k], file units) in each kept run (a view). */
  sampledInput(k: number): Float64Array {
    return this.keptOf(this.samples, k);
  }

  /** Kept level k (MonteCarloOptions.observedLevels) of each kept run, model units (a view). */
  observedLevel(k: number): Float64Array {
    return this.keptOf(this.observed, k);
  }

  /** Whether each simulated run reached the crisis line in some month, 1 or 0. */
  crisisEver(): Uint8Array {
    const out = new Uint8Array(this.keptRuns);
    // Stryker disable next-line EqualityOperator: month `points` is an empty slice
    for (let t = 0; t < this.points; t++) {
      const values = this.tensionInMonth(t);
      // Stryker disable next-line EqualityOperator: values[keptRuns] is past the end: undefined >= crisis is false
      for (let r = 0; r < values.length; r++) if (values[r] >= this.m.crisis) out[r] = 1;
    }
    return out;
  }

  /** The summary of the simulated runs (of a Monte Carlo that keeps them all: streamed.ts summarises a windowed one). */
  summary(): MonteCarloSummary {
    const { m, done, capacity } = this;
    if (done === 0) throw new RangeError('summary() needs at least one simulated run');
    if (this.windowStart > 0) throw new Error('summary() needs every run kept: this Monte Carlo has let some go');
    return {
      runs: done,
      ...summariseTension(this.tension, capacity, done, m.horizon, m.crisis),
      meanContributions: this.meanContributions()
    };
  }

  /** T(t) of the simulated runs at [t·runsDone + r]: what summariseTension needs, compact, to send elsewhere. */
  tensionOfRuns(): Float64Array {
    const { keptRuns, points } = this;
    const out = new Float64Array(points * keptRuns);
    // Stryker disable next-line EqualityOperator: month `points` is an empty slice, set at the very end of the output
    for (let t = 0; t < points; t++) out.set(this.tensionInMonth(t), t * keptRuns);
    return out;
  }

  /** Σ C_i(t) over the simulated runs at [t·n + i]: what a share of the runs adds to a mean over all of them. */
  contributionTotals(): Float64Array {
    const totals = new Float64Array(this.points * this.m.n);
    // Stryker disable next-line EqualityOperator: totals[totals.length] is past the end: the write is dropped
    for (let k = 0; k < totals.length; k++) {
      let sum = 0;
      for (let b = 0; b < BATCH; b++) sum += this.contributionSums[k * BATCH + b];
      totals[k] = sum;
    }
    return totals;
  }

  /** Mean C_i(t) over the simulated runs at [t·n + i] (all of them, kept or let go). */
  meanContributions(): Float64Array {
    return this.contributionTotals().map((total) => total / this.done);
  }

  /**
   * Spearman correlation of each sampled input with T(H), largest |r| first.
   * Inputs that did not vary are left out; r is 0 when T(H) itself did not vary.
   */
  importance(): ImportanceEntry[] {
    return runToEnd(this.importanceSteps());
  }

  /** importance(), pausing after each input (each costs a sort of the runs): yields [inputs ranked, inputs]. */
  *importanceSteps(): Generator<[number, number], ImportanceEntry[]> {
    const { m } = this;
    const final = this.tensionInMonth(m.horizon);
    const finalRanks = averageRanks(final);
    const names = sampledInputNames(m);
    const uncertain = m.uncertain.length;
    const entries: ImportanceEntry[] = [];
    // Stryker disable next-line EqualityOperator: input names.length has no name and an empty sample, which does not vary: passed over
    for (let k = 0; k < names.length; k++) {
      const values = k < uncertain ? this.sampledInput(k) : Float64Array.from(this.eventFired(k - uncertain));
      const entry = importanceOf(names[k], values, final, finalRanks);
      if (entry === null) continue;
      entries.push(entry);
      yield [k + 1, names.length];
    }
    return byImportance(entries);
  }
}
