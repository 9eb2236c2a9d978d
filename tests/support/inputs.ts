// A document with some of its uncertain inputs fixed: what the central path computes
// for one Monte Carlo run, or for one end of a tornado bar.
import type { MizanDoc } from '../../src/engine/format/schema';
import type { CompiledScenario } from '../../src/engine/model/compile';

/**
 * A copy of `doc` with the input named `key` — as the engine names it ("weight:<factor>",
 * "start:<scenario>:<factor>", "target:<scenario>:<factor>", "event:<id>") — set to `value`:
 * a plain number for a range, the probability for an event.
 */
export function withInput(doc: MizanDoc, key: string, value: number, scenarioIndex = 0): MizanDoc {
  const copy = structuredClone(doc);
  const scenario = copy.scenarios[scenarioIndex];
  const [kind, ...rest] = key.split(':');
  const factor = rest[rest.length - 1];
  if (kind === 'weight') scenario.weights = { ...scenario.weights, [factor]: value };
  else if (kind === 'start') scenario.factors[factor].start = value;
  else if (kind === 'target') scenario.factors[factor].target = value;
  else if (kind === 'event') scenario.events.find((e) => e.id === rest.join(':'))!.probability = value;
  else throw new Error(`unknown input ${key}`);
  return copy;
}

/** `doc` with every sampled input at its value in `values` (runInputs' order: ranges, then 1/0 per event). */
export function withRunInputs(doc: MizanDoc, m: CompiledScenario, values: Float64Array): MizanDoc {
  const keys = [...m.uncertain.map((u) => u.key), ...m.eventIds.map((id) => `event:${id}`)];
  return keys.reduce((fixed, key, k) => withInput(fixed, key, values[k], m.index), doc);
}

/** `doc` without noise, so that a Monte Carlo run is a deterministic path. */
export function withoutNoise(doc: MizanDoc): MizanDoc {
  const copy = structuredClone(doc);
  for (const scenario of copy.scenarios)
    for (const settings of Object.values(scenario.factors)) settings.volatility = 0;
  return copy;
}
