// Several workers share one simulation: the runs of all scenarios are shared out evenly,
// so a scenario may be split between two workers. The client publishes a stage once every
// worker has reached it, with the scenarios in document order; a split scenario's refined
// result is summarised from the T values of its pieces, joined.
import { monteCarloSeries, seriesByFactor, type MonteCarloSeries } from '../../../engine/analysis';
import { summariseTension } from '../../../engine/model/montecarlo';
import { scenarioEvidence, type ScenarioEvidence } from '../../../engine/model/tracking';
import type { MizanDoc } from '../../../engine/format';
import { joinTerms, trackingOf } from '../../../engine/tracking';
import type { PartUpdate, RunPiece, ScenarioUncertainty, TensionPiece, UncertaintyUpdate } from './progressive';

/**
 * The pieces each of at most `workers` workers runs: the scenarios' runs laid end to end and
 * cut into equal shares. A cut never falls within the first `quickRuns` runs of a scenario,
 * so that the quick estimate of each scenario comes from one worker.
 */
export function partitionRuns(scenarios: number, runs: number, workers: number, quickRuns: number): RunPiece[][] {
  const total = scenarios * runs;
  if (total === 0) return [];
  const shares = Math.max(1, Math.min(workers, scenarios * Math.max(1, Math.floor(runs / Math.max(1, quickRuns)))));
  const cuts: number[] = [];
  for (let k = 1; k < shares; k++) {
    let cut = Math.round((k * total) / shares);
    const within = cut % runs;
    if (within > 0 && within < Math.min(quickRuns, runs)) cut += Math.min(quickRuns, runs) - within;
    if (cut > (cuts.at(-1) ?? 0) && cut < total) cuts.push(cut);
  }
  const bounds = [0, ...cuts, total];
  const parts: RunPiece[][] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const pieces: RunPiece[] = [];
    for (let at = bounds[k]; at < bounds[k + 1];) {
      const scenario = Math.floor(at / runs);
      const first = at - scenario * runs;
      const count = Math.min(runs - first, bounds[k + 1] - at);
      pieces.push({ scenario, first, count });
      at += count;
    }
    parts.push(pieces);
  }
  return parts;
}

/** What a worker has published for one request: its latest update of each stage. */
export interface PartProgress {
  quick?: PartUpdate;
  refined?: PartUpdate;
}

const inRunOrder = (pieces: readonly TensionPiece[]) => [...pieces].sort((a, b) => a.first - b.first);

/** The T values of pieces of one scenario, joined in run order: T(t) of run r at [t·runs + r]. */
function joinPieces(pieces: TensionPiece[], points: number): { tension: Float64Array; runs: number } {
  const sorted = inRunOrder(pieces);
  const runs = sorted.reduce((sum, p) => sum + p.count, 0);
  const tension = new Float64Array(points * runs);
  for (let t = 0; t < points; t++) {
    let at = t * runs;
    for (const p of sorted) {
      tension.set(p.tension.subarray(t * p.count, (t + 1) * p.count), at);
      at += p.count;
    }
  }
  return { tension, runs };
}

/**
 * What the observations say of a scenario whose runs were shared out: its pieces' observation
 * terms joined in run order, weighed as the command line weighs all the runs of one process
 * (the same bits: tests/renderer/tracking-pieces.test.ts). Null when the pieces carry none.
 */
function joinedEvidence(
  pieces: readonly TensionPiece[],
  joined: { tension: Float64Array; runs: number },
  horizon: number,
  forecast: MonteCarloSeries
): ScenarioEvidence | null {
  const sorted = inRunOrder(pieces);
  const tracked = sorted.flatMap((p) => (p.tracking ? [p.tracking] : []));
  if (tracked.length === 0 || tracked.length < sorted.length) return null;
  const crisisEver = new Uint8Array(joined.runs);
  let at = 0;
  for (const t of tracked) {
    crisisEver.set(t.crisisEver, at);
    at += t.crisisEver.length;
  }
  const { runs, tension } = joined;
  return scenarioEvidence(
    joinTerms(tracked.map((t) => t.terms)),
    {
      runs,
      horizon,
      tension: (t) => tension.subarray(t * runs, (t + 1) * runs),
      crisisEver,
      forecast: { quantiles: forecast.quantiles, pCrisisEver: forecast.pCrisisEver }
    },
    tracked[0].brier
  );
}

/**
 * The combined update once every part has published a stage: refined when all have, else
 * quick (a part already refined contributes its refined numbers to a quick update); null
 * while some part has published nothing yet. `model` gives what a summary of joined pieces
 * needs: the horizon and the crisis threshold.
 */
export function mergeUpdates(
  parts: readonly PartProgress[],
  order: readonly string[],
  model: { horizon: number; crisis: number; factorIds: readonly string[] }
): UncertaintyUpdate | null {
  if (parts.length === 0 || parts.some((p) => !p.quick && !p.refined)) return null;
  const refined = parts.every((p) => p.refined);
  const latest = parts.map((p) => (p.refined ?? p.quick) as PartUpdate);
  const byId = new Map<string, ScenarioUncertainty>();
  // Quick estimates first, so that a refined summary of the same scenario replaces them.
  for (const p of parts) for (const s of p.quick?.scenarios ?? []) byId.set(s.id, s);
  for (const p of parts) for (const s of p.refined?.scenarios ?? []) byId.set(s.id, s);
  if (refined) {
    const pieces = new Map<string, TensionPiece[]>();
    for (const u of latest)
      for (const piece of u.pieces) pieces.set(piece.id, [...(pieces.get(piece.id) ?? []), piece]);
    for (const [id, list] of pieces) {
      const joined = joinPieces(list, model.horizon + 1);
      const summary = summariseTension(joined.tension, joined.runs, joined.runs, model.horizon, model.crisis);
      // The mean contributions: the pieces' totals added up, over all their runs.
      const totals = new Float64Array(list[0].contributionTotals.length);
      for (const piece of list) piece.contributionTotals.forEach((v, k) => (totals[k] += v));
      const meanContributions = seriesByFactor(model.factorIds, totals, (total) => total / joined.runs);
      const monteCarlo = { ...monteCarloSeries(summary), meanContributions };
      const evidence = joinedEvidence(list, joined, model.horizon, monteCarlo);
      byId.set(id, { id, monteCarlo, importance: [], ...(evidence ? { evidence } : {}) });
    }
  }
  const first = latest.find((u) => u.stage === (refined ? 'refined' : 'quick')) ?? latest[0];
  return {
    stage: refined ? 'refined' : 'quick',
    runs: first.runs,
    seed: first.seed,
    scenarios: order.flatMap((id) => byId.get(id) ?? [])
  };
}

/**
 * The update with the odds between the scenarios (engine/tracking.ts, as the command line computes
 * them), when the document has observations and every one of its scenarios brought its evidence;
 * otherwise as it was (a scenario the model cannot compute leaves the odds undefined).
 */
export function withTracking(update: UncertaintyUpdate, doc: MizanDoc): UncertaintyUpdate {
  const tracking = trackingOf(doc, update.scenarios);
  return tracking ? { ...update, tracking } : update;
}
