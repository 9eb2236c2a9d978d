// Tracking a document's scenarios against what happened (docs/MODEL.md, "Tracking what
// happens"): each scenario's observation terms from its Monte Carlo runs, then the odds between
// the scenarios, month by month, and the mixture. The arithmetic is in model/tracking.ts.
import { DEFAULT_UNCERTAINTY } from './format/defaults';
import type { MizanDoc, ObservationDef } from './format/schema';
import type { CompiledScenario } from './model/compile';
import { eventProbabilities } from './model/eventProbabilities';
import type { MonteCarlo } from './model/montecarlo';
import type { MonteCarloSeries } from './analysis';
import {
  brierScore,
  outcomeTerm,
  posteriorOdds,
  readingTerm,
  scenarioEvidence,
  type ObservationTerm,
  type ScenarioEvidence
} from './model/tracking';
import { monthLabels, monthsFrom } from './months';
import { observationPriors } from './priors';

/** Fewer effective runs than this and a conditioned forecast rests on too few runs to trust. */
export const FEW_EFFECTIVE_RUNS = 200;

/** The factor levels a scenario's Monte Carlo must keep for the document's factor readings, in order. */
export function observedLevelsOf(doc: MizanDoc, m: CompiledScenario): { factor: number; month: number }[] {
  // Stryker disable next-line ArrayDeclaration: called only for a document with observations (scenarioSteps, the workers)
  return (doc.observations ?? []).flatMap((o) =>
    o.kind === 'factor' ? [{ factor: m.factorIds.indexOf(o.factor), month: monthsFrom(doc.startMonth, o.month) }] : []
  );
}

/**
 * Each observation's term for the runs `mc` simulated of scenario `index` (kept as
 * observedLevelsOf asked): what a worker that simulated a piece of the runs sends back.
 */
export function observationTerms(doc: MizanDoc, m: CompiledScenario, mc: MonteCarlo): ObservationTerm[] {
  const terms: ObservationTerm[] = [];
  let kept = 0;
  // Stryker disable next-line ArrayDeclaration: called only for a document with observations
  for (const o of doc.observations ?? []) {
    const month = monthsFrom(doc.startMonth, o.month);
    if (o.kind === 'index')
      terms.push(readingTerm(o.id, month, o.value, o.uncertainty ?? DEFAULT_UNCERTAINTY, mc.tensionInMonth(month)));
    else if (o.kind === 'factor') {
      const points = mc.observedLevel(kept++).map((x) => 100 * x);
      terms.push(readingTerm(o.id, month, o.value, o.uncertainty ?? DEFAULT_UNCERTAINTY, points));
    } else {
      // An outcome of an event this scenario does not have neither helps nor hurts it.
      const e = m.eventIds.indexOf(o.event);
      if (e >= 0) terms.push(outcomeTerm(o.id, month, o.occurred, mc.eventFired(e)));
    }
  }
  return terms;
}

/** The terms of pieces of one scenario's runs (in run order), as the terms of all of them. */
export function joinTerms(pieces: readonly (readonly ObservationTerm[])[]): ObservationTerm[] {
  if (pieces.length === 0) return [];
  return pieces[0].map((first, k) => {
    const parts = pieces.map((piece) => piece[k].logDensity);
    const logDensity = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      logDensity.set(part, at);
      at += part.length;
    }
    return { id: first.id, month: first.month, logDensity };
  });
}

/** What the document's observations say of scenario `index`, from its runs (kept as observedLevelsOf asked). */
export function scenarioTracking(
  doc: MizanDoc,
  index: number,
  m: CompiledScenario,
  mc: MonteCarlo,
  forecast: MonteCarloSeries
): ScenarioEvidence {
  return scenarioEvidence(
    observationTerms(doc, m, mc),
    {
      runs: mc.runsDone,
      horizon: m.horizon,
      tension: (t) => mc.tensionInMonth(t),
      crisisEver: mc.crisisEver(),
      forecast: { quantiles: forecast.quantiles, pCrisisEver: forecast.pCrisisEver }
    },
    // Stryker disable next-line ArrayDeclaration,LogicalOperator: called only for a document with observations
    scoreEvents(doc.scenarios[index].events, doc.observations ?? [], doc.startMonth)
  );
}

/** An event of a scenario with a recorded outcome: its overall probability and what happened. */
export interface ScoredEvent {
  /** Its index among the scenario's events. */
  index: number;
  probability: number;
  occurred: boolean;
}

/**
 * A scenario's events that have a recorded outcome, in their order, each with its latest outcome
 * (by month, then by order in the file) and its overall probability (a conditional event's P).
 */
export function scoredEvents(
  events: MizanDoc['scenarios'][number]['events'],
  observations: readonly ObservationDef[],
  startMonth: string
): ScoredEvent[] {
  const overall = eventProbabilities(events);
  const latest = new Map<string, { month: number; occurred: boolean }>();
  for (const o of observations) {
    // Stryker disable next-line ConditionalExpression: a reading has no event: its entry, keyed undefined, matches no event's id
    if (o.kind !== 'event') continue;
    const month = monthsFrom(startMonth, o.month);
    const before = latest.get(o.event);
    if (before === undefined || month >= before.month) latest.set(o.event, { month, occurred: o.occurred });
  }
  return events.flatMap((e, index) => {
    const outcome = latest.get(e.id);
    return outcome === undefined ? [] : [{ index, probability: overall[index], occurred: outcome.occurred }];
  });
}

/** The mean Brier score of a scenario's events with a recorded outcome (scoredEvents); null when none was observed. */
export function scoreEvents(
  events: MizanDoc['scenarios'][number]['events'],
  observations: readonly ObservationDef[],
  startMonth: string
): number | null {
  return brierScore(scoredEvents(events, observations, startMonth));
}

export interface TrackedScenario {
  id: string;
  prior: number;
  logLikelihood: number;
  posterior: number;
  effectiveRuns: number;
  brier: number | null;
  conditioned: ScenarioEvidence['conditioned'];
}

/** The tracking of a document: `mizan run --json` → `tracking`. */
export type DocumentTracking =
  | {
      observations: number;
      scenarios: TrackedScenario[];
      /** π_s(m) for m = 0..horizon, from the observations dated up to month m. */
      posteriorByMonth: Record<string, number[]>;
      mixture: { pCrisisEver: number };
    }
  | { observations: number; problem: string };

/** The odds and the mixture from every scenario's evidence (in the document's order). */
export function documentTracking(doc: MizanDoc, evidence: readonly ScenarioEvidence[]): DocumentTracking {
  // Stryker disable next-line OptionalChaining: called only for a document with observations
  const observations = doc.observations?.length ?? 0;
  const priors = observationPriors(doc.scenarios.map((s) => s.probability ?? null));
  const posterior = posteriorOdds(
    priors,
    evidence.map((e) => e.logLikelihood)
  );
  if (posterior === null) return { observations, problem: inconsistency(doc, evidence) };
  const byMonth = evidence[0].logLikelihoodByMonth.map(
    (_, t) =>
      // Never null: a month's evidence is at least the final one's, which some scenario has.
      posteriorOdds(
        priors,
        evidence.map((e) => e.logLikelihoodByMonth[t])
      ) as number[]
  );
  const scenarios = doc.scenarios.map((s, k): TrackedScenario => {
    const e = evidence[k];
    return {
      id: s.id,
      prior: priors[k],
      logLikelihood: e.logLikelihood,
      posterior: posterior[k],
      effectiveRuns: e.effectiveRuns,
      brier: e.brier,
      conditioned: e.conditioned
    };
  });
  const pCrisisEver = scenarios.reduce(
    (sum, s) => sum + (s.conditioned ? s.posterior * s.conditioned.pCrisisEver : 0),
    0
  );
  return {
    observations,
    scenarios,
    posteriorByMonth: Object.fromEntries(doc.scenarios.map((s, k) => [s.id, byMonth.map((odds) => odds[k])])),
    mixture: { pCrisisEver }
  };
}

/**
 * The tracking of a document from what the runs of each of its scenarios say (matched by id), when
 * it has observations and every scenario brought its evidence; undefined otherwise (a scenario the
 * model cannot compute, or the runs not in yet, leave the odds undefined). The command line, the
 * report and the app's workers all ask here.
 */
export function trackingOf(
  doc: MizanDoc,
  scenarios: readonly { id: string; evidence?: ScenarioEvidence }[]
): DocumentTracking | undefined {
  if ((doc.observations?.length ?? 0) === 0) return undefined;
  const byId = new Map(scenarios.map((s) => [s.id, s.evidence]));
  const evidence = doc.scenarios.map((s) => byId.get(s.id));
  return evidence.every((e): e is ScenarioEvidence => e !== undefined) ? documentTracking(doc, evidence) : undefined;
}

/** Why no scenario is consistent: each scenario, and the month from which no run of it is. */
function inconsistency(doc: MizanDoc, evidence: readonly ScenarioEvidence[]): string {
  const months = monthLabels(doc.startMonth, doc.horizonMonths);
  const each = doc.scenarios.map((s, k) => {
    const from = evidence[k].logLikelihoodByMonth.findIndex((l) => l === -Infinity);
    return from < 0 ? `${s.id} (a probability of 0)` : `${s.id} from ${months[from]}`;
  });
  return `no scenario is consistent with the observations: in every run, an event outcome contradicts what was recorded (${each.join('; ')})`;
}
