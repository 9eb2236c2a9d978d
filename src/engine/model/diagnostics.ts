// Structural diagnostics of a scenario (issue 12, docs/MODEL.md "Structural diagnostics"):
// where each factor settles under its target and the links, the feedback loops of the links,
// and T at the horizon with the links and without them. They show when the links, not the
// targets, drive the result.
import { central } from '../format/central';
import type { MizanDoc } from '../format/schema';
import { ownValue } from '../records';
import { compileScenario, type CompiledScenario } from './compile';
import { feedbackLoops, type FeedbackLoops } from './loops';
import { centralPath } from './simulate';

/** The update has settled when no level moves by this much in a month (model units). */
export const SETTLED_CHANGE = 1e-12;
/** Months iterated at most before saying that the levels do not settle. */
export const MAX_MONTHS = 100_000;

export interface SteadyState {
  /** Whether the largest monthly change fell below SETTLED_CHANGE within the months allowed. */
  settled: boolean;
  /** Months iterated: the first whose largest change was below SETTLED_CHANGE, or the cap. */
  months: number;
  /** The last levels, model units, per factor. */
  levels: Float64Array;
}

/**
 * Iterates the monthly update of docs/MODEL.md §3 without events and noise (pull toward the
 * target, saturating push of the links, clamp) from the central start until it settles. A factor
 * with pace 0 and no push never moves: its steady state is its start.
 */
export function steadyState(m: CompiledScenario, maxMonths = MAX_MONTHS): SteadyState {
  const { n, pace, target, interactionFrom, interactionTo, interactionStrength } = m;
  let x = Float64Array.from(m.start);
  let next = new Float64Array(n);
  const push = new Float64Array(n);
  for (let month = 1; month <= maxMonths; month++) {
    push.fill(0);
    // The same arithmetic, in the same order, as simulateBatch, so the levels are the central path's.
    // Stryker disable next-line EqualityOperator: one step past the end writes to no factor (index undefined)
    for (let k = 0; k < interactionStrength.length; k++)
      push[interactionTo[k]] += interactionStrength[k] * x[interactionFrom[k]];
    let largest = 0;
    for (let i = 0; i < n; i++) {
      const xi = x[i];
      const p = push[i];
      let y = xi + pace[i] * (target[i] - xi);
      // Stryker disable next-line EqualityOperator: at p = 0 both branches add 0
      y += p >= 0 ? p * (1 - xi) : p * xi;
      // Stryker disable next-line EqualityOperator: at y = 0 and y = 1 both branches give the same level
      next[i] = y < 0 ? 0 : y > 1 ? 1 : y;
      largest = Math.max(largest, Math.abs(next[i] - xi));
    }
    [x, next] = [next, x];
    // Stryker disable next-line EqualityOperator: a change of exactly 1e-12 is as settled as one just below; no update lands on it
    if (largest < SETTLED_CHANGE) return { settled: true, months: month, levels: x };
  }
  return { settled: false, months: maxMonths, levels: x };
}

/** The scenario with every link's strength set to 0 and nothing else changed. */
export function withoutLinks(m: CompiledScenario): CompiledScenario {
  return { ...m, interactionStrength: new Float64Array(m.interactionStrength.length) };
}

export interface FactorSteadyState {
  id: string;
  /** The scenario's central target, points. */
  target: number;
  /** Where the factor settles (or its last level when the scenario does not settle), points. */
  steady: number;
  /** steady − target, points. */
  gap: number;
}

export interface ScenarioDiagnostics {
  steadyState: { settled: boolean; months: number; factors: FactorSteadyState[] };
  loops: FeedbackLoops;
  /** The central path's T at the horizon, the same with every link at 0, and the first minus the second. */
  tensionAtHorizon: { withLinks: number; withoutLinks: number; difference: number };
}

/** The structural diagnostics of scenario `index` of a document. Throws ModelProblem as compileScenario. */
export function scenarioDiagnostics(doc: MizanDoc, index: number): ScenarioDiagnostics {
  const m = compileScenario(doc, index);
  const steady = steadyState(m);
  const settings = doc.scenarios[index].factors;
  const factors = m.factorIds.map((id, i): FactorSteadyState => {
    // The target as the file gives it, so that a target of 7 is 7 and not 7.000000000000001.
    const target = central(ownValue(settings, id)!.target);
    const level = 100 * steady.levels[i];
    return { id, target, steady: level, gap: level - target };
  });
  const withLinks = centralPath(m).tension[m.horizon];
  const without = centralPath(withoutLinks(m)).tension[m.horizon];
  return {
    steadyState: { settled: steady.settled, months: steady.months, factors },
    loops: feedbackLoops(m),
    tensionAtHorizon: { withLinks, withoutLinks: without, difference: withLinks - without }
  };
}
