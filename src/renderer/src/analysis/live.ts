// The live analysis behind the charts, as pure functions:
//   - centralAnalysis(doc, earlier): the central paths of every scenario, synchronously on every
//     edit (microseconds each for the default analysis; about 10 ms each for the largest shape,
//     so a weight edit reuses the levels of the analysis before), with the scenarios the model
//     cannot compute set aside as problems;
//   - withUncertainty(central, uncertainty): the latest Monte Carlo from the worker joined in.
//     Until a newer one arrives, the bands of the previous document stay (if they still fit
//     its months), so the central lines move at once and the bands settle a moment later.
import type { DocumentAnalysis, MonteCarloSeries, ScenarioAnalysis } from '../../../engine/analysis';
import { computableScenarios, type ScenarioProblem } from '../../../engine/analysis';
import type { LocalizedLabel, MizanDoc } from '../../../engine/format';
import { compileScenario, type CompiledScenario } from '../../../engine/model/compile';
import { tornado, type TornadoBar, type TornadoMetric } from '../../../engine/model/sensitivity';
import { monthLabels } from '../../../engine/months';
import { centralRun, centralWeights, reweighed, sameLevels, type CentralRun } from '../../../engine/reweigh';
import type { ScenarioEvidence } from '../../../engine/model/tracking';
import type { DocumentTracking } from '../../../engine/tracking';
import type { UncertaintyStage, UncertaintyUpdate } from '../simulation/progressive';

export type { ScenarioProblem };

export type ChartAnalysis = Pick<DocumentAnalysis, 'months' | 'scenarios' | 'tracking'>;

export interface CentralAnalysis extends ChartAnalysis {
  /** The scenarios that could be computed, in the document's order, without Monte Carlo. */
  scenarios: ScenarioAnalysis[];
  problems: ScenarioProblem[];
}

/** The compiled model behind each scenario result of centralAnalysis (compiled when first asked), for its tornado. */
const compiledOf = new WeakMap<ScenarioAnalysis, () => CompiledScenario>();
/** The central path behind each such result, whose levels serve the next document's if only weights changed. */
const runOf = new WeakMap<ScenarioAnalysis, CentralRun>();
/** The peak-T tornado of each such result, once computed. */
const peakBarsOf = new WeakMap<ScenarioAnalysis, TornadoBar[]>();

/** A scenario's results whose tornado is computed when first read (only the Sensitivity chart reads it). */
function scenarioResult(
  id: string,
  name: LocalizedLabel,
  run: CentralRun,
  compiled: () => CompiledScenario
): ScenarioAnalysis {
  let bars: TornadoBar[] | undefined;
  const result: ScenarioAnalysis = {
    id,
    name,
    central: run.series,
    monteCarlo: null,
    get tornado() {
      bars ??= tornado(compiled());
      return bars;
    },
    importance: []
  };
  compiledOf.set(result, compiled);
  runOf.set(result, run);
  return result;
}

/** A document and its central analysis, the one before. */
export interface EarlierAnalysis {
  document: MizanDoc;
  central: CentralAnalysis;
}

/**
 * The central paths of every scenario of `doc`. Given the analysis of the document before, a
 * scenario whose factors move as they did there (a weight edit, an edit of another scenario)
 * keeps their levels and only its index is computed again (engine/reweigh.ts): a weight step
 * on the largest document costs a few milliseconds instead of 20 simulations.
 */
export function centralAnalysis(doc: MizanDoc, earlier?: EarlierAnalysis | null): CentralAnalysis {
  const runs = new Map(earlier?.central.scenarios.map((s) => [s.id, runOf.get(s)]));
  const { scenarios, problems } = computableScenarios(doc, (index) => {
    const s = doc.scenarios[index];
    const run = runs.get(s.id);
    if (run && earlier && sameLevels(earlier.document, doc, index)) {
      const weight = centralWeights(doc, index);
      // Weights that add up to nothing: compiling says so (a problem, not a result).
      if (weight) {
        let m: CompiledScenario | undefined;
        return scenarioResult(s.id, s.name, reweighed(run, weight), () => (m ??= compileScenario(doc, index)));
      }
    }
    const m = compileScenario(doc, index);
    return scenarioResult(s.id, s.name, centralRun(m), () => m);
  });
  return { months: monthLabels(doc.startMonth, doc.horizonMonths), scenarios, problems };
}

/** The Monte Carlo the charts show: the latest update, by scenario id. */
export interface Uncertainty {
  stage: UncertaintyStage;
  runs: number;
  byId: ReadonlyMap<string, MonteCarloSeries>;
  /** What the observations say of each scenario's runs, by scenario id (documents with observations). */
  evidenceById: ReadonlyMap<string, ScenarioEvidence>;
  tracking?: DocumentTracking;
}

export function uncertaintyOf(update: UncertaintyUpdate): Uncertainty {
  return {
    stage: update.stage,
    runs: update.runs,
    byId: new Map(update.scenarios.map((s) => [s.id, s.monteCarlo])),
    evidenceById: new Map(update.scenarios.flatMap((s) => (s.evidence ? [[s.id, s.evidence] as const] : []))),
    ...(update.tracking ? { tracking: update.tracking } : {})
  };
}

/** Monte Carlo series that fit `points` months (a changed horizon leaves older bands out). */
function fits(mc: MonteCarloSeries | undefined, points: number): mc is MonteCarloSeries {
  return mc !== undefined && mc.quantiles['50'].length === points && mc.pCrisisByMonth.length === points;
}

/**
 * `s` with its central series or Monte Carlo replaced, and its tornado read from `bars` when first
 * asked. Not a spread: that would read (and so compute) the tornado it was given.
 */
function scenarioWith(
  s: ScenarioAnalysis,
  changes: { central?: ScenarioAnalysis['central']; monteCarlo?: MonteCarloSeries; evidence?: ScenarioEvidence },
  bars: () => TornadoBar[] = () => s.tornado
): ScenarioAnalysis {
  const evidence = changes.evidence ?? s.evidence;
  return {
    id: s.id,
    name: s.name,
    central: changes.central ?? s.central,
    monteCarlo: changes.monteCarlo ?? s.monteCarlo,
    get tornado() {
      return bars();
    },
    importance: s.importance,
    ...(evidence ? { evidence } : {})
  };
}

/** Whether the odds by month cover `points` months. */
function trackingFits(tracking: DocumentTracking, points: number): boolean {
  return (
    !('posteriorByMonth' in tracking) || Object.values(tracking.posteriorByMonth).every((p) => p.length === points)
  );
}

export function withUncertainty(central: CentralAnalysis, uncertainty: Uncertainty | null): ChartAnalysis {
  if (!uncertainty) return central;
  const points = central.months.length;
  const tracking = uncertainty.tracking;
  return {
    months: central.months,
    scenarios: central.scenarios.map((s) => {
      const mc = uncertainty.byId.get(s.id);
      return fits(mc, points) ? scenarioWith(s, { monteCarlo: mc, evidence: uncertainty.evidenceById.get(s.id) }) : s;
    }),
    // The odds of an earlier timeline do not fit this one's months.
    ...(tracking && trackingFits(tracking, points) ? { tracking } : {})
  };
}

/**
 * The central analysis with each scenario's tornado measured on `metric`: T at the horizon (the
 * analysis itself) or peak T over the months (computed when first read, once per scenario result).
 */
export function withTornadoMetric(central: CentralAnalysis, metric: TornadoMetric): CentralAnalysis {
  if (metric === 'final') return central;
  return {
    ...central,
    scenarios: central.scenarios.map((s) => {
      const compiled = compiledOf.get(s);
      if (!compiled) throw new Error(`withTornadoMetric: scenario ${s.id} is not from centralAnalysis`);
      return scenarioWith(s, {}, () => {
        let bars = peakBarsOf.get(s);
        if (!bars) peakBarsOf.set(s, (bars = tornado(compiled(), metric)));
        return bars;
      });
    })
  };
}

/**
 * The analysis with each scenario's contributions taken as their mean over the Monte Carlo runs
 * (and T as their sum, the runs' mean T), for the contribution charts; null while a scenario has
 * no mean contributions (no Monte Carlo yet, or none to run).
 */
export function withMeanContributions(analysis: ChartAnalysis): ChartAnalysis | null {
  const scenarios: ScenarioAnalysis[] = [];
  for (const s of analysis.scenarios) {
    const means = s.monteCarlo?.meanContributions;
    if (!means) return null;
    const series = Object.values(means);
    const tension = analysis.months.map((_, t) => series.reduce((sum, c) => sum + c[t], 0));
    scenarios.push(scenarioWith(s, { central: { tension, contributions: means, factors: s.central.factors } }));
  }
  return { months: analysis.months, scenarios };
}

/** The scenario the charts detail: the chosen one if it can be computed, else the first that can. */
export function selectedScenarioOf(chosen: string | null, central: CentralAnalysis): string {
  if (chosen !== null && central.scenarios.some((s) => s.id === chosen)) return chosen;
  return central.scenarios[0]?.id ?? '';
}

/** The scenarios to compare, in the view's order (null: all, in the document's), leaving out those not computed. */
export function comparedOf(compared: readonly string[] | null, central: CentralAnalysis): string[] {
  const ids = central.scenarios.map((s) => s.id);
  if (compared === null) return ids;
  const computed = new Set(ids);
  return [...new Set(compared)].filter((id) => computed.has(id));
}
