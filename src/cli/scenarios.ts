// Finding a scenario the command line names, by its id or its name in either language.
import type { MizanDoc, ScenarioDef } from '../engine/format';
import { terminalText } from './report';

/** A scenario's English name, else its Arabic one. */
export const scenarioName = (s: ScenarioDef) => s.name.en.trim() || s.name.ar.trim();
const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase('en') === b.trim().toLocaleLowerCase('en');

/**
 * The id of the scenario `given` names: its id, or else its English or Arabic name (case and
 * surrounding spaces aside). A problem when no scenario, or more than one, has that name.
 */
export function findScenario(doc: MizanDoc, given: string): string | { problem: string } {
  const byId = doc.scenarios.find((s) => s.id === given);
  if (byId) return byId.id;
  const named = doc.scenarios.filter((s) => sameName(s.name.en, given) || sameName(s.name.ar, given));
  if (named.length === 1) return named[0].id;
  const listed = (scenarios: ScenarioDef[]) =>
    scenarios.map((s) => `${s.id} (${terminalText(scenarioName(s))})`).join(', ');
  return {
    problem:
      named.length === 0
        ? `no scenario "${terminalText(given)}" (the file has ${listed(doc.scenarios)})`
        : `"${terminalText(given)}" names ${named.length} scenarios, ${listed(named)}: give the id`
  };
}
