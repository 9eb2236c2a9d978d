// Chart-ready results of a whole document: plain arrays of numbers, the shape
// that `mizan run --json` prints and that the charts read.
import type { LocalizedLabel, MizanDoc, Uncertain } from './format/schema';
import { compileScenario, type CompiledScenario } from './model/compile';
import { MonteCarlo, type ImportanceEntry, type MonteCarloSummary, type TensionSummary } from './model/montecarlo';
import { keptRunBytes, streamedMonteCarlo } from './model/streamed';
import { tornado, type TornadoBar, type TornadoMetric } from './model/sensitivity';
import { ModelProblem, ZeroWeightsProblem } from './model/problems';
import { centralPath } from './model/simulate';
import { QUANTILE_LEVELS } from './model/stats';
import { monthLabels } from './months';
import { ownValue } from './records';
import { runToEnd } from './steps';
import type { ScenarioEvidence } from './model/tracking';
import { observedLevelsOf, scenarioTracking, trackingOf, type DocumentTracking } from './tracking';

export interface CentralSeries {
  tension: number[];
  contributions: Record<string, number[]>;
  /** Factor levels in points 0..100. */
  factors: Record<string, number[]>;
}

/**
 * The `count` largest contributions to T in `month` of a central path, largest first: the
 * "why" that the headline, the report's summary and `mizan run` name. (Contributions are never
 * negative: weights are, and pressures lie in 0..1.)
 */
export function largestContributions(
  central: CentralSeries,
  month: number,
  count = 3
): { factorId: string; value: number }[] {
  return Object.entries(central.contributions)
    .map(([factorId, series]) => ({ factorId, value: series[month] }))
    .sort((a, b) => b.value - a.value)
    .slice(0, count);
}

export interface MonteCarloSeries {
  quantiles: Record<'5' | '25' | '50' | '75' | '95', number[]>;
  pCrisisByMonth: number[];
  pCrisisEver: number;
  histogram: { edges: number[]; counts: number[] };
  /**
   * The mean of each factor's contribution C_i(t) over the runs, by factor id (they add up to the
   * mean of T(t)). Every analysis gives it (the command line's, the app's workers'); a series made
   * by monteCarloSeries from T values alone has none.
   */
  meanContributions?: Record<string, number[]>;
  /** The Monte Carlo standard error of each figure above (of its estimate from this many runs). */
  standardErrors: {
    quantiles: Record<'5' | '25' | '50' | '75' | '95', number[]>;
    pCrisisByMonth: number[];
    pCrisisEver: number;
  };
}

export interface ScenarioAnalysis {
  id: string;
  name: LocalizedLabel;
  central: CentralSeries;
  monteCarlo: MonteCarloSeries | null;
  tornado: TornadoBar[];
  importance: ImportanceEntry[];
  /** What the document's observations say of this scenario's runs (only when it has observations and runs). */
  evidence?: ScenarioEvidence;
}

export interface DocumentAnalysis {
  runs: number;
  seed: number;
  months: string[];
  scenarios: ScenarioAnalysis[];
  /** The scenarios weighed against the observations (only when the document has some, and runs). */
  tracking?: DocumentTracking;
}

export interface AnalysisOptions {
  /** Defaults to the document's simulation.runs; 0 skips Monte Carlo. */
  runs?: number;
  seed?: number;
  tornadoMetric?: TornadoMetric;
  /** Rank the sampled inputs by Spearman correlation (default true; it costs about as much as the runs). */
  importance?: boolean;
  /**
   * Above how many bytes of kept runs (keptRunBytes) a scenario's Monte Carlo is streamed: its
   * runs go by in windows and are summarised as they go, in bounded memory, with the same results
   * (streamed.ts).
   * Default STREAM_ABOVE_BYTES; 0 streams every one. A document with observations keeps its runs.
   */
  streamAbove?: number;
}

/** The memory of kept runs above which an analysis streams them (about 55 000 runs of the largest shape without links, 46 000 with). */
export const STREAM_ABOVE_BYTES = 128 * 2 ** 20;

/** Column i of a [t·n + i] matrix, each value as `value` gives it. */
function seriesOf(matrix: Float64Array, n: number, i: number, value: (v: number) => number): number[] {
  const out: number[] = [];
  for (let k = i; k < matrix.length; k += n) out.push(value(matrix[k]));
  return out;
}

const same = (v: number) => v;

/** The series of each factor of a [t·n + i] matrix, by factor id (each value as `value` gives it). */
export const seriesByFactor = (
  factorIds: readonly string[],
  matrix: Float64Array,
  value: (v: number) => number = same
): Record<string, number[]> =>
  Object.fromEntries(factorIds.map((id, i) => [id, seriesOf(matrix, factorIds.length, i, value)]));

/** A Monte Carlo summary as the analysis gives it, with the mean contributions by factor id. */
export function monteCarloOfSummary(m: CompiledScenario, summary: MonteCarloSummary): MonteCarloSeries {
  return { ...monteCarloSeries(summary), meanContributions: seriesByFactor(m.factorIds, summary.meanContributions) };
}

export function centralSeries(m: CompiledScenario): CentralSeries {
  const path = centralPath(m);
  return {
    tension: Array.from(path.tension),
    contributions: seriesByFactor(m.factorIds, path.contributions),
    factors: seriesByFactor(m.factorIds, path.levels, (v) => v * 100)
  };
}

export function monteCarloSeries(summary: TensionSummary): MonteCarloSeries {
  const byLevel = (of: TensionSummary['quantiles']) =>
    Object.fromEntries(QUANTILE_LEVELS.map((q) => [String(q), Array.from(of[q])])) as MonteCarloSeries['quantiles'];
  const errors = summary.standardErrors;
  return {
    quantiles: byLevel(summary.quantiles),
    pCrisisByMonth: Array.from(summary.pCrisisByMonth),
    pCrisisEver: summary.pCrisisEver,
    histogram: summary.histogram,
    standardErrors: {
      quantiles: byLevel(errors.quantiles),
      pCrisisByMonth: Array.from(errors.pCrisisByMonth),
      pCrisisEver: errors.pCrisisEver
    }
  };
}

/** Where a stepwise analysis is: yielded between its steps. */
export interface AnalysisStep {
  /** Index of the scenario being analysed, and its id. */
  scenario: number;
  scenarioId: string;
  /** Monte Carlo runs of this scenario done so far, out of `runs`. */
  runsDone: number;
  runs: number;
  /** Once the runs are done: sampled inputs ranked so far for the importance, out of `inputs`. */
  ranked?: number;
  inputs?: number;
  /** When the runs are streamed: the pass over them (1-based), out of `passes`. */
  pass?: number;
  passes?: number;
}

/**
 * Analyses one scenario, pausing (yielding) after every `chunkRuns` Monte Carlo runs and after
 * every input of the importance ranking, so that a caller can show progress or stop between
 * steps. The result is the same bit for bit however the runs are chunked: run r depends only on
 * (seed, r), and its contributions always land in the same lane (see MonteCarlo).
 */
export function* scenarioSteps(
  doc: MizanDoc,
  index: number,
  options: AnalysisOptions = {},
  chunkRuns = Infinity
): Generator<AnalysisStep, ScenarioAnalysis> {
  const runs = options.runs ?? doc.simulation.runs;
  const seed = options.seed ?? doc.simulation.seed;
  const m = compileScenario(doc, index);
  const scenario = doc.scenarios[index];
  let summary: MonteCarloSummary | null = null;
  let importance: ImportanceEntry[] = [];
  let evidence: ScenarioEvidence | undefined;
  const tracked = (doc.observations?.length ?? 0) > 0;
  const streamAbove = options.streamAbove ?? STREAM_ABOVE_BYTES;
  if (runs > 0 && !tracked && keptRunBytes(m, runs) > streamAbove) {
    const streamed = streamedMonteCarlo(m, {
      runs,
      seed,
      importance: options.importance ?? true,
      ...(Number.isFinite(chunkRuns) ? { chunkRuns } : {})
    });
    for (let next = streamed.next(); ; next = streamed.next()) {
      if (next.done) {
        ({ summary, importance } = next.value);
        break;
      }
      const { pass, passes, runsDone, ranked, inputs } = next.value;
      yield {
        scenario: index,
        scenarioId: scenario.id,
        runsDone,
        runs,
        pass,
        passes,
        ...(ranked === undefined ? {} : { ranked, inputs })
      };
    }
  } else if (runs > 0) {
    const mc = new MonteCarlo(m, { runs, seed, ...(tracked ? { observedLevels: observedLevelsOf(doc, m) } : {}) });
    const step = Math.max(1, Math.floor(chunkRuns));
    while (mc.runsDone < runs) {
      mc.advance(Math.min(runs, mc.runsDone + step));
      yield { scenario: index, scenarioId: scenario.id, runsDone: mc.runsDone, runs };
    }
    summary = mc.summary();
    if (tracked) evidence = scenarioTracking(doc, index, m, mc, monteCarloSeries(summary));
    if (options.importance ?? true) {
      const ranking = mc.importanceSteps();
      for (let next = ranking.next(); ; next = ranking.next()) {
        if (next.done) {
          importance = next.value;
          break;
        }
        const [ranked, inputs] = next.value;
        if (Number.isFinite(chunkRuns))
          yield { scenario: index, scenarioId: scenario.id, runsDone: runs, runs, ranked, inputs };
      }
    }
  }
  return {
    id: scenario.id,
    name: scenario.name,
    central: centralSeries(m),
    monteCarlo: summary && monteCarloOfSummary(m, summary),
    tornado: tornado(m, options.tornadoMetric),
    importance,
    ...(evidence ? { evidence } : {})
  };
}

export function analyseScenario(doc: MizanDoc, index: number, options: AnalysisOptions = {}): ScenarioAnalysis {
  return runToEnd(scenarioSteps(doc, index, options));
}

/** Every scenario's analysis in steps (see scenarioSteps); the same result as analyseDocument. */
export function* documentSteps(
  doc: MizanDoc,
  options: AnalysisOptions = {},
  chunkRuns = Infinity
): Generator<AnalysisStep, DocumentAnalysis> {
  const scenarios: ScenarioAnalysis[] = [];
  for (let i = 0; i < doc.scenarios.length; i++) scenarios.push(yield* scenarioSteps(doc, i, options, chunkRuns));
  const tracking = trackingOf(doc, scenarios);
  return {
    runs: options.runs ?? doc.simulation.runs,
    seed: options.seed ?? doc.simulation.seed,
    months: monthLabels(doc.startMonth, doc.horizonMonths),
    scenarios,
    ...(tracking ? { tracking } : {})
  };
}

/** Analyses every scenario. Throws ModelProblem for a document the model cannot compute. */
export function analyseDocument(doc: MizanDoc, options: AnalysisOptions = {}): DocumentAnalysis {
  return runToEnd(documentSteps(doc, options));
}

/**
 * Work of one Monte Carlo run of a scenario and of its share of the importance ranking, in steps
 * of one factor over one month (about 20 ns each on one core of the test machine). Measured
 * (docs/BENCHMARKS.md): an interaction costs about a ninth of a factor per month, an event's draw
 * about one step, and ranking a sampled input (a range or an event) about 20 steps per run.
 */
export function runWork(doc: MizanDoc, scenarioIndex: number): number {
  const scenario = doc.scenarios[scenarioIndex];
  if (!scenario) return 0;
  const ranged = (u: Uncertain | undefined) =>
    // Stryker disable next-line ConditionalExpression: runWork is given loaded documents, where every factor has its settings in every scenario
    u !== undefined &&
    // a range, not a plain number, is sampled
    typeof u !== 'number'
      ? 1
      : 0;
  let sampled = scenario.events.length;
  for (const f of doc.factors) {
    const settings = ownValue(scenario.factors, f.id);
    sampled += ranged(ownValue(scenario.weights, f.id) ?? f.weight);
    // Stryker disable next-line OptionalChaining: runWork is given loaded documents, where every factor has its settings in every scenario
    sampled += ranged(settings?.start) + ranged(settings?.target);
  }
  return doc.horizonMonths * (doc.factors.length + doc.interactions.length / 9) + scenario.events.length + 20 * sampled;
}

/** The work of a document's Monte Carlo with `runs` runs per scenario, in the units of runWork. */
export function analysisWork(doc: MizanDoc, runs: number = doc.simulation.runs): number {
  let total = 0;
  // Stryker disable next-line EqualityOperator: runWork of a scenario past the end is 0
  for (let i = 0; i < doc.scenarios.length; i++) total += runs * runWork(doc, i);
  return total;
}

/** A scenario the model cannot compute, and why. */
export interface ScenarioProblem {
  id: string;
  name: LocalizedLabel;
  /** Where in the document (`scenarios[0].weights`). */
  path: string;
  /** The engine's text (English). */
  problem: string;
  zeroWeights: boolean;
}

/**
 * `analyse` of every scenario that the model can compute, in the document's order; the others
 * (all weights zero, …) set aside as problems, so that one broken scenario does not hide the rest.
 */
export function computableScenarios<T>(
  doc: MizanDoc,
  analyse: (index: number) => T
): { scenarios: T[]; problems: ScenarioProblem[] } {
  const scenarios: T[] = [];
  const problems: ScenarioProblem[] = [];
  doc.scenarios.forEach((s, index) => {
    try {
      scenarios.push(analyse(index));
    } catch (error) {
      if (!(error instanceof ModelProblem)) throw error;
      problems.push({
        id: s.id,
        name: s.name,
        path: error.path,
        problem: error.problem,
        zeroWeights: error instanceof ZeroWeightsProblem
      });
    }
  });
  return { scenarios, problems };
}
