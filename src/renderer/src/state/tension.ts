// The Regional Tension Index readout: for each scenario, the central T at month 0 and at
// the horizon, each with its band, read from the central results (the analysis session's, computed once per edit).
import type { LocalizedLabel, MizanDoc } from '../../../engine/format';
import { bandOf, type Band } from '../../../engine/model/bands';
import { centralAnalysis, type CentralAnalysis } from '../analysis/live';

export type ScenarioTension =
  | { id: string; name: LocalizedLabel; color: string; ok: true; start: number; end: number; startBand: Band; band: Band }
  | { id: string; name: LocalizedLabel; color: string; ok: false; problem: string };

/** The rows in the document's order: a scenario the model cannot compute is named with its problem. */
export function scenarioTensions(doc: MizanDoc, central: CentralAnalysis = centralAnalysis(doc)): ScenarioTension[] {
  const computed = new Map(central.scenarios.map((s) => [s.id, s.central.tension]));
  const problems = new Map(central.problems.map((p) => [p.id, p.problem]));
  return doc.scenarios.map((scenario) => {
    const base = { id: scenario.id, name: scenario.name, color: scenario.color };
    const tension = computed.get(scenario.id);
    if (!tension) return { ...base, ok: false, problem: problems.get(scenario.id) ?? '' };
    const start = tension[0];
    const end = tension[tension.length - 1];
    return { ...base, ok: true, start, end, startBand: bandOf(start, doc.thresholds), band: bandOf(end, doc.thresholds) };
  });
}
