// Monte Carlo for the scenarios of a document, in two stages: a quick estimate
// from the first runs, then the refined result from all of them. Work is done in
// chunks; between chunks the runner awaits `pause()` (the worker yields to its
// message queue there) and stops as soon as `cancelled()` says so. Run r depends
// only on (seed, r), so the quick estimate is exactly the prefix of the refined one.
import { monteCarloSeries, type MonteCarloSeries } from '../../../engine/analysis';
import type { MizanDoc } from '../../../engine/format';
import { compileScenario } from '../../../engine/model/compile';
import { MonteCarlo, type ImportanceEntry } from '../../../engine/model/montecarlo';
import { ModelProblem } from '../../../engine/model/problems';

export interface ScenarioUncertainty {
  id: string;
  monteCarlo: MonteCarloSeries;
  importance: ImportanceEntry[];
}

export type UncertaintyStage = 'quick' | 'refined';

export interface UncertaintyUpdate {
  stage: UncertaintyStage;
  runs: number;
  seed: number;
  scenarios: ScenarioUncertainty[];
}

export interface ProgressiveOptions {
  /** Runs of the quick estimate (capped at the document's run count). */
  quickRuns: number;
  /** Runs simulated between two checks for cancellation. */
  chunk: number;
  /** Indices of the scenarios to simulate (default: all of them, in order). */
  scenarios?: readonly number[];
  /**
   * Compute the importance (Spearman) with the refined result (default true). It costs about
   * as much as the runs themselves, so the app's worker skips it while nothing shows it.
   */
  importance?: boolean;
  /**
   * Awaited between the quick estimate and the refined stage (the worker waits a moment there
   * while edits come in quick succession, so that a slider drag does not keep the cores busy
   * with refined runs that the next step cancels). Cancellation is checked after it.
   */
  beforeRefined?: () => Promise<void>;
}

export const DEFAULT_PROGRESSIVE: ProgressiveOptions = { quickRuns: 400, chunk: 1000 };

/**
 * Runs the stages and publishes each. A scenario the model cannot compute (all weights zero)
 * is left out of the updates; when none of the requested scenarios can be computed, the
 * first one's ModelProblem is thrown.
 */
export async function runProgressive(
  doc: MizanDoc,
  options: ProgressiveOptions,
  publish: (update: UncertaintyUpdate) => void,
  pause: () => Promise<void>,
  cancelled: () => boolean
): Promise<'done' | 'cancelled'> {
  const { runs, seed } = doc.simulation;
  if (runs === 0) return 'done';
  const indices = options.scenarios ?? doc.scenarios.map((_, i) => i);
  if (indices.length === 0) return 'done';
  const engines: { id: string; mc: MonteCarlo }[] = [];
  let problem: ModelProblem | null = null;
  for (const i of indices) {
    try {
      engines.push({ id: doc.scenarios[i].id, mc: new MonteCarlo(compileScenario(doc, i), { runs, seed }) });
    } catch (error) {
      if (!(error instanceof ModelProblem)) throw error;
      problem ??= error;
    }
  }
  if (engines.length === 0 && problem) throw problem;
  const stages: { stage: UncertaintyStage; until: number }[] = [{ stage: 'refined', until: runs }];
  if (options.quickRuns < runs) stages.unshift({ stage: 'quick', until: options.quickRuns });
  const withImportance = options.importance ?? true;

  for (const { stage, until } of stages) {
    if (stage === 'refined' && stages.length > 1 && options.beforeRefined) {
      await options.beforeRefined();
      if (cancelled()) return 'cancelled';
    }
    for (const { mc } of engines) {
      while (mc.runsDone < until) {
        mc.advance(Math.min(until, mc.runsDone + options.chunk));
        await pause();
        if (cancelled()) return 'cancelled';
      }
    }
    publish({
      stage,
      runs: until,
      seed,
      scenarios: engines.map(({ id, mc }) => ({
        id,
        monteCarlo: monteCarloSeries(mc.summary()),
        importance: stage === 'refined' && withImportance ? mc.importance() : []
      }))
    });
  }
  return 'done';
}
