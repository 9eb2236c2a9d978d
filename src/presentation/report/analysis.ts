// The analysis a report shows: every scenario's central path, Monte Carlo (the document's
// runs and seed) and tornado, as analyseDocument computes them, but without the importance
// (Spearman) ranking, which the report does not show and which costs about as much as the
// runs themselves. A scenario the model cannot compute is set aside as a problem, so that
// the report of a document with one broken scenario still shows the others. With observations,
// the scenarios weighed against them (the tracking), as `mizan run` gives it.
import {
  analyseScenario,
  computableScenarios,
  type DocumentAnalysis,
  type ScenarioProblem
} from '../../engine/analysis';
import type { MizanDoc } from '../../engine/format/schema';
import { monthLabels } from '../../engine/months';
import { trackingOf } from '../../engine/tracking';

/** A scenario the report names as not computed. */
export type ReportProblem = ScenarioProblem;

export interface ReportAnalysis extends Pick<DocumentAnalysis, 'runs' | 'seed' | 'months' | 'scenarios' | 'tracking'> {
  /** The scenarios left out of `scenarios` because the model cannot compute them. */
  problems?: ReportProblem[];
}

export function analyseForReport(doc: MizanDoc): ReportAnalysis {
  const { scenarios, problems } = computableScenarios(doc, (index) =>
    analyseScenario(doc, index, { importance: false })
  );
  const tracking = trackingOf(doc, scenarios);
  return {
    runs: doc.simulation.runs,
    seed: doc.simulation.seed,
    months: monthLabels(doc.startMonth, doc.horizonMonths),
    scenarios,
    problems,
    ...(tracking ? { tracking } : {})
  };
}
