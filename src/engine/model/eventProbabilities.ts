// The probability that each event of a scenario happens, given what the file says: for a
// conditional event, P(event | condition). Conditions name earlier events, so one pass in list
// order: P(e) = P(condition) · p_e, with P(condition) the earlier event's P, or 1 minus it when the
// condition is that it did not happen. The central path moves by P(e)·δ; the editor shows P(e).
import type { ScenarioEventDef } from '../format/schema';

/** P(e) for e = 0..count−1: `parent(e)` the index of the event e's condition names (−1: none). */
export function marginalProbabilities(
  count: number,
  parent: (e: number) => number,
  needsOccurred: (e: number) => boolean,
  probability: (e: number) => number
): Float64Array {
  const out = new Float64Array(count);
  for (let e = 0; e < count; e++) {
    const p = parent(e);
    const holds = p < 0 ? 1 : needsOccurred(e) ? out[p] : 1 - out[p];
    out[e] = holds * probability(e);
  }
  return out;
}

/** P(e) of each event of a scenario as the file gives them, in their order. */
export function eventProbabilities(events: readonly ScenarioEventDef[]): Float64Array {
  const parents = events.map((e) => (e.condition ? events.findIndex((x) => x.id === e.condition?.event) : -1));
  return marginalProbabilities(
    events.length,
    (e) => parents[e],
    (e) => events[e].condition?.occurred === true,
    (e) => events[e].probability
  );
}
