// The analysis a report shows: every scenario's central path, Monte Carlo (the document's
// runs and seed) and tornado, as analyseDocument computes them, but without the importance
// (Spearman) ranking, which the report does not show and which costs about as much as the
// runs themselves. A scenario the model cannot compute is set aside as a problem, so that
// the report of a document with one broken scenario still shows the others.
import {
  centralSeries,
  computableScenarios,
  monteCarloSeries,
  type DocumentAnalysis,
  type ScenarioAnalysis,
  type ScenarioProblem
} from '../../engine/analysis';
import type { MizanDoc } from '../../engine/format/schema';
import { compileScenario } from '../../engine/model/compile';
import { MonteCarlo } from '../../engine/model/montecarlo';
import { tornado } from '../../engine/model/sensitivity';
import { monthLabels } from '../../engine/months';

/** A scenario the report names as not computed. */
export type ReportProblem = ScenarioProblem;

export interface ReportAnalysis extends Pick<DocumentAnalysis, 'runs' | 'seed' | 'months' | 'scenarios'> {
  /** The scenarios left out of `scenarios` because the model cannot compute them. */
  problems?: ReportProblem[];
}

function analyseOne(doc: MizanDoc, index: number): ScenarioAnalysis {
  const { runs, seed } = doc.simulation;
  const m = compileScenario(doc, index);
  let monteCarlo = null;
  if (runs > 0) {
    const mc = new MonteCarlo(m, { runs, seed });
    mc.advance();
    monteCarlo = monteCarloSeries(mc.summary());
  }
  const scenario = doc.scenarios[index];
  return {
    id: scenario.id,
    name: scenario.name,
    central: centralSeries(m),
    monteCarlo,
    tornado: tornado(m),
    importance: []
  };
}

export function analyseForReport(doc: MizanDoc): ReportAnalysis {
  const { scenarios, problems } = computableScenarios(doc, (index) => analyseOne(doc, index));
  return {
    runs: doc.simulation.runs,
    seed: doc.simulation.seed,
    months: monthLabels(doc.startMonth, doc.horizonMonths),
    scenarios,
    problems
  };
}
