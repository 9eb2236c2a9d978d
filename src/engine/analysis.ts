// Chart-ready results of a whole document: plain arrays of numbers, the shape
// that `mizan run --json` prints and that the charts read.
import type { LocalizedLabel, MizanDoc } from './format/schema';
import { compileScenario, type CompiledScenario } from './model/compile';
import { MonteCarlo, type ImportanceEntry, type TensionSummary } from './model/montecarlo';
import { tornado, type TornadoBar, type TornadoMetric } from './model/sensitivity';
import { ModelProblem, ZeroWeightsProblem } from './model/problems';
import { centralPath } from './model/simulate';
import { QUANTILE_LEVELS } from './model/stats';
import { monthLabels } from './months';

export interface CentralSeries {
  tension: number[];
  contributions: Record<string, number[]>;
  /** Factor levels in points 0..100. */
  factors: Record<string, number[]>;
}

export interface MonteCarloSeries {
  quantiles: Record<'5' | '25' | '50' | '75' | '95', number[]>;
  pCrisisByMonth: number[];
  pCrisisEver: number;
  histogram: { edges: number[]; counts: number[] };
}

export interface ScenarioAnalysis {
  id: string;
  name: LocalizedLabel;
  central: CentralSeries;
  monteCarlo: MonteCarloSeries | null;
  tornado: TornadoBar[];
  importance: ImportanceEntry[];
}

export interface DocumentAnalysis {
  runs: number;
  seed: number;
  months: string[];
  scenarios: ScenarioAnalysis[];
}

export interface AnalysisOptions {
  /** Defaults to the document's simulation.runs; 0 skips Monte Carlo. */
  runs?: number;
  seed?: number;
  tornadoMetric?: TornadoMetric;
  /** Rank the sampled inputs by Spearman correlation (default true; it costs about as much as the runs). */
  importance?: boolean;
}

/** Column i of a [t·n + i] matrix, scaled. */
function seriesOf(matrix: Float64Array, n: number, i: number, scale = 1): number[] {
  const out: number[] = [];
  for (let k = i; k < matrix.length; k += n) out.push(matrix[k] * scale);
  return out;
}

const byFactor = (m: CompiledScenario, matrix: Float64Array, scale = 1): Record<string, number[]> =>
  Object.fromEntries(m.factorIds.map((id, i) => [id, seriesOf(matrix, m.n, i, scale)]));

export function centralSeries(m: CompiledScenario): CentralSeries {
  const path = centralPath(m);
  return {
    tension: Array.from(path.tension),
    contributions: byFactor(m, path.contributions),
    factors: byFactor(m, path.levels, 100)
  };
}

export function monteCarloSeries(summary: TensionSummary): MonteCarloSeries {
  const quantiles = Object.fromEntries(QUANTILE_LEVELS.map((q) => [String(q), Array.from(summary.quantiles[q])]));
  return {
    quantiles: quantiles as MonteCarloSeries['quantiles'],
    pCrisisByMonth: Array.from(summary.pCrisisByMonth),
    pCrisisEver: summary.pCrisisEver,
    histogram: summary.histogram
  };
}

export function analyseScenario(doc: MizanDoc, index: number, options: AnalysisOptions = {}): ScenarioAnalysis {
  const runs = options.runs ?? doc.simulation.runs;
  const seed = options.seed ?? doc.simulation.seed;
  const m = compileScenario(doc, index);
  let summary: TensionSummary | null = null;
  let importance: ImportanceEntry[] = [];
  if (runs > 0) {
    const mc = new MonteCarlo(m, { runs, seed });
    mc.advance();
    summary = mc.summary();
    if (options.importance ?? true) importance = mc.importance();
  }
  const scenario = doc.scenarios[index];
  return {
    id: scenario.id,
    name: scenario.name,
    central: centralSeries(m),
    monteCarlo: summary && monteCarloSeries(summary),
    tornado: tornado(m, options.tornadoMetric),
    importance
  };
}

/** Analyses every scenario. Throws ModelProblem for a document the model cannot compute. */
export function analyseDocument(doc: MizanDoc, options: AnalysisOptions = {}): DocumentAnalysis {
  return {
    runs: options.runs ?? doc.simulation.runs,
    seed: options.seed ?? doc.simulation.seed,
    months: monthLabels(doc.startMonth, doc.horizonMonths),
    scenarios: doc.scenarios.map((_, i) => analyseScenario(doc, i, options))
  };
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
      problems.push({ id: s.id, name: s.name, path: error.path, problem: error.problem, zeroWeights: error instanceof ZeroWeightsProblem });
    }
  });
  return { scenarios, problems };
}
