// The Monte Carlo of one scenario in memory that does not grow with its runs (but for 8 bytes of
// T(H) per run, and a design's values when it has one): its runs go by in windows, and what the
// summary and the importance need is tallied as they go. Each month's quantiles come from cells
// (quantileCells.ts) that keep only the values near them; run r depends only on (seed, r), so when
// a cell was let go too soon the runs are simulated again to keep it, and the importance's inputs,
// too many to keep for every run at once, are drawn again (without simulating) in as many passes
// as their memory needs. The results are those of the in-memory MonteCarlo, bit for bit
// (tests/engine/streamed.test.ts).
import type { CompiledScenario } from './compile';
import {
  byImportance,
  countCrisis,
  designOf,
  importanceOf,
  MonteCarlo,
  runsInCrisis,
  sampledInputNames,
  summaryLevels,
  summaryOfTallies,
  type ImportanceEntry,
  type MonteCarloSummary
} from './montecarlo';
import { QuantileCells } from './quantileCells';
import { averageRanks, histogram100 } from './stats';

/** Runs kept at once: at the largest shape (121 months, 180 ranges, 500 events) about 24 MB. */
export const STREAM_WINDOW = 8192;

/** Memory for the importance's inputs in one pass: at 200 000 runs, 41 ranges (8 bytes a run) or 335 events (1 byte). */
// Stryker disable next-line ArithmeticOperator: less memory a pass means more passes, with the same results
export const STREAM_INPUT_BYTES = 64 * 2 ** 20;

export interface StreamedOptions {
  runs: number;
  seed: number;
  /** Rank the sampled inputs (default true). */
  importance?: boolean;
  /** Pause after so many runs at most (default: after each window). */
  chunkRuns?: number;
  /** Runs kept at once (default STREAM_WINDOW). */
  window?: number;
  /** Memory for the importance's inputs in one pass (default STREAM_INPUT_BYTES). */
  inputBytes?: number;
  /** How near each level the quantile cells keep values (default CELL_MARGIN; 0 makes a second simulation likely). */
  cellMargin?: number;
}

/** Where a streamed Monte Carlo is: in pass `pass` (1-based) of `passes`, or ranking inputs. */
export interface StreamedStep {
  pass: number;
  /** How many passes there are, as far as known: a second simulation shows after the first. */
  passes: number;
  runsDone: number;
  /** Inputs ranked so far for the importance, out of `inputs`. */
  ranked?: number;
  inputs?: number;
}

export interface StreamedResult {
  summary: MonteCarloSummary;
  importance: ImportanceEntry[];
}

/**
 * The sampled inputs (in drawing order, sampledInputNames) that each pass keeps for the importance:
 * as many as `bytes` holds for `runs` runs (a range's values 8 bytes a run, an event's 1), at
 * least one a pass.
 */
export function inputGroups(m: CompiledScenario, runs: number, bytes: number): number[][] {
  const groups: number[][] = [];
  let used = 0;
  const inputs = m.uncertain.length + m.eventIds.length;
  for (let k = 0; k < inputs; k++) {
    const cost = runs * (k < m.uncertain.length ? 8 : 1);
    if (groups.length === 0 || used + cost > bytes) {
      groups.push([]);
      used = 0;
    }
    groups[groups.length - 1].push(k);
    used += cost;
  }
  return groups;
}

/** The memory a MonteCarlo that keeps every run holds for them: T of every month, the ranges' values, the events' outcomes. */
export const keptRunBytes = (m: CompiledScenario, runs: number): number =>
  runs * (8 * (m.horizon + 1) + 8 * m.uncertain.length + m.eventIds.length);

export function* streamedMonteCarlo(
  m: CompiledScenario,
  options: StreamedOptions
): Generator<StreamedStep, StreamedResult> {
  const { runs, seed } = options;
  if (runs < 1) throw new RangeError('a streamed Monte Carlo needs at least one run');
  const window = Math.min(runs, options.window ?? STREAM_WINDOW);
  const chunk = Math.max(1, Math.min(window, Math.floor(options.chunkRuns ?? window)));
  const design = designOf(m, seed, runs);
  const groups = (options.importance ?? true) ? inputGroups(m, runs, options.inputBytes ?? STREAM_INPUT_BYTES) : [];
  let passes = Math.max(1, groups.length);
  const names = sampledInputNames(m);
  const uncertain = m.uncertain.length;
  const points = m.horizon + 1;

  /**
   * One pass over every run, a window at a time, simulated or only their inputs drawn: `each`
   * reads a window's runs, the first of them being run `start`.
   */
  function* pass(
    pass: number,
    simulate: boolean,
    each: (mc: MonteCarlo, start: number) => void
  ): Generator<StreamedStep, MonteCarlo> {
    const mc = new MonteCarlo(m, { runs, seed, window, design });
    while (mc.runsDone < runs) {
      const start = mc.runsDone;
      const end = Math.min(runs, start + window);
      while (mc.runsDone < end) {
        const until = Math.min(end, mc.runsDone + chunk);
        // Stryker disable next-line ConditionalExpression: simulating where drawing is enough gives the same inputs, slower
        if (simulate) mc.advance(until);
        else mc.drawInputsOnly(until);
        yield { pass, passes, runsDone: mc.runsDone };
      }
      each(mc, start);
      mc.nextWindow();
    }
    return mc;
  }

  // The importance's inputs of group `g`, of every run, filled window by window in pass g + 1.
  let kept = new Map<number, Float64Array | Uint8Array>();
  const keepInputs = (g: number, mc: MonteCarlo, start: number) => {
    // Stryker disable next-line ArrayDeclaration: a made-up input of a group that does not exist is never ranked (rankGroup reads the groups)
    for (const k of groups[g] ?? []) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: an event's outcomes kept as numbers rank the same
      if (!kept.has(k)) kept.set(k, k < uncertain ? new Float64Array(runs) : new Uint8Array(runs));
      kept.get(k)!.set(k < uncertain ? mc.sampledInput(k) : mc.eventFired(k - uncertain), start);
    }
  };
  const final = new Float64Array(runs);
  let finalRanks: Float64Array | null = null;
  const entries: ImportanceEntry[] = [];
  let ranked = 0;
  function* rankGroup(g: number): Generator<StreamedStep, void> {
    finalRanks ??= averageRanks(final);
    for (const k of groups[g] ?? []) {
      const values = kept.get(k)!;
      const entry = importanceOf(
        names[k],
        values instanceof Float64Array ? values : Float64Array.from(values),
        final,
        finalRanks
      );
      ranked++;
      if (entry === null) continue;
      entries.push(entry);
      yield { pass: g + 1, passes, runsDone: runs, ranked, inputs: names.length };
    }
    kept = new Map();
  }

  // Pass 1: T(H) of every run, the crisis counts, and each month's values counted into cells cut
  // at the first window's values.
  const levels = summaryLevels(runs);
  // Stryker disable next-line ArrayDeclaration: replaced by the first window's cells before any is read
  let cells: QuantileCells[] = [];
  const inCrisis = new Float64Array(points);
  let ever = 0;
  const first = yield* pass(1, true, (mc, start) => {
    if (start === 0)
      cells = Array.from(
        { length: points },
        (_, t) => new QuantileCells(mc.tensionInMonth(t), levels, runs, options.cellMargin)
      );
    const peak = new Float64Array(mc.keptRuns);
    for (let t = 0; t < points; t++) {
      const values = mc.tensionInMonth(t);
      cells[t].count(values);
      inCrisis[t] += countCrisis(values, m.crisis, peak);
    }
    ever += runsInCrisis(peak, m.crisis);
    final.set(mc.tensionInMonth(m.horizon), start);
    keepInputs(0, mc, start);
  });
  const meanContributions = first.meanContributions();
  yield* rankGroup(0);

  // A second simulation when some month's cells let go of values its quantiles need.
  const again = cells.map((month) => month.plan()).includes(true);
  if (again) {
    passes = Math.max(2, passes);
    yield* pass(2, true, (mc, start) => {
      for (let t = 0; t < points; t++) cells[t].keep(mc.tensionInMonth(t));
      keepInputs(1, mc, start);
    });
    yield* rankGroup(1);
  }
  const summary: MonteCarloSummary = {
    runs,
    ...summaryOfTallies({
      count: runs,
      inCrisis,
      ever,
      histogram: histogram100(final, 20),
      quantiles: (t) => cells[t].quantiles()
    }),
    meanContributions
  };
  // Stryker disable next-line ArrayDeclaration: lets the cells' memory go before the further passes
  cells = [];

  // Further passes: the inputs drawn again, a group at a time.
  for (let g = again ? 2 : 1; g < groups.length; g++) {
    // Stryker disable next-line BooleanLiteral: simulating where drawing is enough gives the same inputs, slower
    yield* pass(g + 1, false, (mc, start) => keepInputs(g, mc, start));
    yield* rankGroup(g);
  }
  return { summary, importance: byImportance(entries) };
}
