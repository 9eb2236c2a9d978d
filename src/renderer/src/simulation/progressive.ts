// Monte Carlo for the scenarios of a document, in two stages: a quick estimate
// from the first runs, then the refined result from all of them. Work is done in
// chunks; between chunks the runner awaits `pause()` (the worker yields to its
// message queue there) and stops as soon as `cancelled()` says so. Run r depends
// only on (seed, r), so the quick estimate is exactly the prefix of the refined one,
// and the runs of one scenario can be shared out over workers (pieces) and joined.
import { monteCarloOfSummary, type MonteCarloSeries } from '../../../engine/analysis';
import type { MizanDoc } from '../../../engine/format';
import { compileScenario, type CompiledScenario } from '../../../engine/model/compile';
import { MonteCarlo, type ImportanceEntry } from '../../../engine/model/montecarlo';
import { ModelProblem } from '../../../engine/model/problems';
import type { ObservationTerm, ScenarioEvidence } from '../../../engine/model/tracking';
import {
  observationTerms,
  observedLevelsOf,
  scenarioTracking,
  scoreEvents,
  type DocumentTracking
} from '../../../engine/tracking';

export interface ScenarioUncertainty {
  id: string;
  monteCarlo: MonteCarloSeries;
  importance: ImportanceEntry[];
  /** What the document's observations say of these runs (only when it has observations). */
  evidence?: ScenarioEvidence;
}

export type UncertaintyStage = 'quick' | 'refined';

export interface UncertaintyUpdate {
  stage: UncertaintyStage;
  runs: number;
  seed: number;
  scenarios: ScenarioUncertainty[];
  /** The scenarios weighed against the observations, when the document has some and every scenario was computed. */
  tracking?: DocumentTracking;
}

/** Runs first … first + count − 1 of the scenario at index `scenario` of the document. */
export interface RunPiece {
  scenario: number;
  first: number;
  count: number;
}

/**
 * The T values of a piece that is not a whole scenario: T(t) of its run r at tension[t·count + r];
 * and Σ C_i(t) over its runs at contributionTotals[t·n + i], for the mean contributions.
 */
export interface TensionPiece {
  id: string;
  first: number;
  count: number;
  tension: Float64Array;
  contributionTotals: Float64Array;
  /** When the document has observations: each one's term for these runs, which runs reached the crisis line, and the scenario's Brier score. */
  tracking?: PieceTracking;
}

export interface PieceTracking {
  terms: ObservationTerm[];
  crisisEver: Uint8Array;
  brier: number | null;
}

/**
 * What one worker publishes: summaries of the scenarios it ran whole (and, at the quick
 * stage, of the first runs of a scenario it shares with others), and the raw T values of
 * the pieces it ran of shared scenarios at the refined stage, for the client to join.
 */
export interface PartUpdate extends UncertaintyUpdate {
  pieces: TensionPiece[];
}

export interface ProgressiveOptions {
  /** Runs of the quick estimate (capped at the document's run count). */
  quickRuns: number;
  /** Runs simulated between two checks for cancellation. */
  chunk: number;
  /** What to simulate (default: every scenario, all its runs, in order). */
  pieces?: readonly RunPiece[];
  /**
   * Compute the importance (Spearman) of whole scenarios with the refined result (default
   * true). It costs about as much as the runs themselves, so the app's worker skips it while
   * nothing shows it.
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

interface Engine {
  id: string;
  whole: boolean;
  piece: RunPiece;
  model: CompiledScenario;
  /** Made when the piece is first run (null: not yet, or it could not be made). */
  mc: MonteCarlo | null;
  failed: boolean;
}

/** An engine whose runs were made. */
type Running = Engine & { mc: MonteCarlo };

/**
 * Runs the stages and publishes each. A scenario the model cannot compute (all weights zero)
 * is left out of the updates; when none of the requested scenarios can be computed, the
 * first one's ModelProblem is thrown.
 */
export async function runProgressive(
  doc: MizanDoc,
  options: ProgressiveOptions,
  publish: (update: PartUpdate) => void,
  pause: () => Promise<void>,
  cancelled: () => boolean
): Promise<'done' | 'cancelled'> {
  const { runs, seed } = doc.simulation;
  if (runs === 0) return 'done';
  const pieces = options.pieces ?? doc.scenarios.map((_, scenario) => ({ scenario, first: 0, count: runs }));
  if (pieces.length === 0) return 'done';
  const engines: Engine[] = [];
  let problem: ModelProblem | null = null;
  const tracked = (doc.observations?.length ?? 0) > 0;
  for (const piece of pieces) {
    try {
      const model = compileScenario(doc, piece.scenario);
      const whole = piece.first === 0 && piece.count === runs;
      engines.push({ id: doc.scenarios[piece.scenario].id, whole, piece, model, mc: null, failed: false });
    } catch (error) {
      if (!(error instanceof ModelProblem)) throw error;
      problem ??= error;
    }
  }
  if (engines.length === 0 && problem) throw problem;
  /**
   * The engine's runs, made when the piece is first run: a MonteCarlo holds the runs' inputs and
   * T values (about 20 MB for a scenario of the largest shape at 5 000 runs, and a WebAssembly
   * memory), and a request is often cancelled by the next one before its first scenario is done.
   * Made all at once, the cancelled requests of a few slider steps ran the worker out of memory.
   */
  const started = (e: Engine): e is Running => {
    if (e.mc === null && !e.failed) {
      try {
        e.mc = new MonteCarlo(e.model, {
          runs: e.piece.count,
          seed,
          firstRun: e.piece.first,
          totalRuns: runs,
          ...(tracked ? { observedLevels: observedLevelsOf(doc, e.model) } : {})
        });
      } catch (error) {
        if (!(error instanceof ModelProblem)) throw error;
        problem ??= error;
        e.failed = true;
      }
    }
    return e.mc !== null;
  };
  const stages: { stage: UncertaintyStage; until: number }[] = [{ stage: 'refined', until: runs }];
  if (options.quickRuns < runs) stages.unshift({ stage: 'quick', until: options.quickRuns });
  const withImportance = options.importance ?? true;

  for (const { stage, until } of stages) {
    if (stage === 'refined' && stages.length > 1 && options.beforeRefined) {
      await options.beforeRefined();
      if (cancelled()) return 'cancelled';
    }
    // The quick estimate is the first runs of each scenario: only the pieces that start at run 0 have them.
    const active: Running[] = [];
    for (const e of stage === 'quick' ? engines.filter((e) => e.piece.first === 0) : engines) {
      if (!started(e)) continue;
      active.push(e);
      const { mc } = e;
      const end = Math.min(until, mc.runs);
      while (mc.runsDone < end) {
        mc.advance(Math.min(end, mc.runsDone + options.chunk));
        await pause();
        if (cancelled()) return 'cancelled';
      }
    }
    // No piece could be run (only where the file's checks were passed by): as when none compiles.
    if (problem && engines.every((e) => e.failed)) throw problem;
    const summarised = stage === 'quick' ? active : active.filter((e) => e.whole);
    publish({
      stage,
      runs: until,
      seed,
      scenarios: summarised.map(({ id, model, mc, whole, piece }) => {
        const monteCarlo = monteCarloOfSummary(model, mc.summary());
        return {
          id,
          monteCarlo,
          importance: stage === 'refined' && whole && withImportance ? mc.importance() : [],
          ...(tracked ? { evidence: scenarioTracking(doc, piece.scenario, model, mc, monteCarlo) } : {})
        };
      }),
      pieces:
        stage === 'refined'
          ? active
              .filter((e) => !e.whole)
              .map(({ id, piece, model, mc }) => ({
                id,
                first: piece.first,
                count: piece.count,
                tension: mc.tensionOfRuns(),
                contributionTotals: mc.contributionTotals(),
                ...(tracked
                  ? {
                      tracking: {
                        terms: observationTerms(doc, model, mc),
                        crisisEver: mc.crisisEver(),
                        brier: scoreEvents(doc.scenarios[piece.scenario].events, doc.observations ?? [], doc.startMonth)
                      }
                    }
                  : {})
              }))
          : []
    });
  }
  return 'done';
}
