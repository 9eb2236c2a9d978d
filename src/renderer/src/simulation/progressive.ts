// Monte Carlo for every scenario of a document, in two stages: a quick estimate
// from the first runs, then the refined result from all of them. Work is done in
// chunks; between chunks the runner awaits `pause()` (the worker yields to its
// message queue there) and stops as soon as `cancelled()` says so. Run r depends
// only on (seed, r), so the quick estimate is exactly the prefix of the refined one.
import { monteCarloSeries, type MonteCarloSeries } from '../../../engine/analysis';
import type { MizanDoc } from '../../../engine/format';
import { compileScenario } from '../../../engine/model/compile';
import { MonteCarlo, type ImportanceEntry } from '../../../engine/model/montecarlo';

export interface ScenarioUncertainty {
  id: string;
  monteCarlo: MonteCarloSeries;
  importance: ImportanceEntry[];
}

export interface UncertaintyUpdate {
  stage: 'quick' | 'refined';
  runs: number;
  seed: number;
  scenarios: ScenarioUncertainty[];
}

export interface ProgressiveOptions {
  /** Runs of the quick estimate (capped at the document's run count). */
  quickRuns: number;
  /** Runs simulated between two checks for cancellation. */
  chunk: number;
}

export const DEFAULT_PROGRESSIVE: ProgressiveOptions = { quickRuns: 400, chunk: 1000 };

export async function runProgressive(
  doc: MizanDoc,
  options: ProgressiveOptions,
  publish: (update: UncertaintyUpdate) => void,
  pause: () => Promise<void>,
  cancelled: () => boolean
): Promise<'done' | 'cancelled'> {
  const { runs, seed } = doc.simulation;
  if (runs === 0) return 'done';
  const engines = doc.scenarios.map((s, i) => ({ id: s.id, mc: new MonteCarlo(compileScenario(doc, i), { runs, seed }) }));
  const stages: { stage: UncertaintyUpdate['stage']; until: number }[] = [{ stage: 'refined', until: runs }];
  if (options.quickRuns < runs) stages.unshift({ stage: 'quick', until: options.quickRuns });

  for (const { stage, until } of stages) {
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
        importance: stage === 'refined' ? mc.importance() : []
      }))
    });
  }
  return 'done';
}
