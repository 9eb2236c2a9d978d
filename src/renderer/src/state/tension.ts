// The Regional Tension Index readout: for each scenario, the central T at month 0 and at
// the horizon. The central path is deterministic and takes microseconds, so it runs on the
// main thread on every edit (Monte Carlo goes to a worker in a later issue).
import type { LocalizedLabel, MizanDoc } from '../../../engine/format';
import { compileScenario } from '../../../engine/model/compile';
import { ModelProblem } from '../../../engine/model/problems';
import { centralPath } from '../../../engine/model/simulate';
import { bandOf, type Band } from '../../../engine/model/bands';

export type ScenarioTension =
  | { id: string; name: LocalizedLabel; color: string; ok: true; start: number; end: number; band: Band }
  | { id: string; name: LocalizedLabel; color: string; ok: false; problem: string };

export function scenarioTensions(doc: MizanDoc): ScenarioTension[] {
  return doc.scenarios.map((scenario, index) => {
    const base = { id: scenario.id, name: scenario.name, color: scenario.color };
    try {
      const path = centralPath(compileScenario(doc, index));
      const start = path.tension[0];
      const end = path.tension[path.tension.length - 1];
      return { ...base, ok: true, start, end, band: bandOf(end, doc.thresholds) };
    } catch (error) {
      if (error instanceof ModelProblem) return { ...base, ok: false, problem: error.problem };
      throw error;
    }
  });
}
