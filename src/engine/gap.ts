// The gap between two scenarios' central paths, split by factor: why T differs between them.
import type { CentralSeries } from './analysis';
import { ownValue } from './records';

export interface ScenarioGap {
  /** T_a(t) − T_b(t), t = 0..H. */
  tension: number[];
  /**
   * C_i^a(t) − C_i^b(t) for every factor of either scenario (a factor one of them lacks counts
   * as 0 there). Each scenario's contributions add up to its own T, each divided by its own Σw,
   * so these terms add up to `tension` in every month, weight overrides or not (docs/MODEL.md).
   */
  contributions: Record<string, number[]>;
}

/** The difference of two central paths (a minus b), month by month and factor by factor. */
export function scenarioGap(a: CentralSeries, b: CentralSeries): ScenarioGap {
  const months = Math.min(a.tension.length, b.tension.length);
  const ids = [...new Set([...Object.keys(a.contributions), ...Object.keys(b.contributions)])];
  const at = (series: number[] | undefined, t: number) => series?.[t] ?? 0;
  const difference = (id: string): number[] => {
    const ca = ownValue(a.contributions, id);
    const cb = ownValue(b.contributions, id);
    return Array.from({ length: months }, (_, t) => at(ca, t) - at(cb, t));
  };
  return {
    tension: Array.from({ length: months }, (_, t) => a.tension[t] - b.tension[t]),
    // fromEntries defines own properties: an id such as "__proto__" is a key like any other.
    contributions: Object.fromEntries(ids.map((id) => [id, difference(id)]))
  };
}
