// Tracking (docs/MODEL.md, "Tracking what happens"; issue 13): how the observations recorded
// since the analysis weigh each Monte Carlo run, each scenario and the odds between scenarios.
// Everything here works on plain per-run arrays, so that a hand-worked example can be checked
// to the last digit and the same numbers come out wherever the runs were simulated.
import { QUANTILE_LEVELS } from './stats';

/** log √(2π). */
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** log φ((y − z)/σ) − log σ: the log density of reading y when the run's value is z. */
export const logReadingDensity = (y: number, z: number, sigma: number): number => {
  const u = (y - z) / sigma;
  return -0.5 * u * u - Math.log(sigma) - LOG_SQRT_2PI;
};

/** One observation's term of each run's log-likelihood, and the month it is dated. */
export interface ObservationTerm {
  month: number;
  /** The observation's id: terms are added in (month, id) order, so that the file's order cannot change a bit. */
  id: string;
  /** Per run: log density of a reading, or 0 / −∞ for an event outcome matched / contradicted. */
  logDensity: Float64Array;
}

/** The terms of a reading y ± σ of values z (one per run). */
export function readingTerm(
  id: string,
  month: number,
  y: number,
  sigma: number,
  z: ArrayLike<number>
): ObservationTerm {
  const logDensity = new Float64Array(z.length);
  // Stryker disable next-line EqualityOperator: logDensity[z.length] is past the end of a typed array: the write is dropped
  for (let r = 0; r < z.length; r++) logDensity[r] = logReadingDensity(y, z[r], sigma);
  return { id, month, logDensity };
}

/** The terms of an event outcome: 0 where the run's event fired as observed, −∞ where not. */
export function outcomeTerm(id: string, month: number, occurred: boolean, fired: ArrayLike<number>): ObservationTerm {
  const logDensity = new Float64Array(fired.length);
  // Stryker disable next-line EqualityOperator: logDensity[fired.length] is past the end of a typed array: the write is dropped
  for (let r = 0; r < fired.length; r++) logDensity[r] = (fired[r] === 1) === occurred ? 0 : -Infinity;
  return { id, month, logDensity };
}

/** log mean exp(values), computed stably; −∞ when every value is −∞ (or there are none). */
export function logMeanExp(values: ArrayLike<number>): number {
  let max = -Infinity;
  // Stryker disable next-line EqualityOperator: values[length] is undefined (never above max), and a value equal to max leaves max
  for (let r = 0; r < values.length; r++) if (values[r] > max) max = values[r];
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let r = 0; r < values.length; r++) sum += Math.exp(values[r] - max);
  return max + Math.log(sum / values.length);
}

/** Each run's log-likelihood from every term, and log L (the scenario's evidence) after each month 0..horizon. */
export function runLikelihoods(
  terms: readonly ObservationTerm[],
  runs: number,
  horizon: number
): { logLikelihood: Float64Array; evidenceByMonth: Float64Array } {
  const logLikelihood = new Float64Array(runs);
  const evidenceByMonth = new Float64Array(horizon + 1);
  const byMonth = [...terms].sort(
    (a, b) =>
      a.month - b.month ||
      // Stryker disable next-line EqualityOperator: observation ids are unique, so no two terms are equal by id
      (a.id < b.id ? -1 : 1)
  );
  let next = 0;
  // log mean exp(0) = 0: before any observation, every run weighs the same.
  let evidence = 0;
  for (let t = 0; t <= horizon; t++) {
    // Stryker disable next-line BooleanLiteral: a month without a new term gives the evidence it already had, only computed again
    let added = false;
    for (; next < byMonth.length && byMonth[next].month <= t; next++) {
      const term = byMonth[next].logDensity;
      // Stryker disable next-line EqualityOperator: logLikelihood[runs] is past the end of a typed array: the write is dropped
      for (let r = 0; r < runs; r++) logLikelihood[r] += term[r];
      added = true;
    }
    // Stryker disable next-line ConditionalExpression: as above, the same evidence computed again
    if (added) evidence = logMeanExp(logLikelihood);
    evidenceByMonth[t] = evidence;
  }
  return { logLikelihood, evidenceByMonth };
}

/** The weights of the runs, exp(ℓ_r − max ℓ): the largest is 1; all 0 when no run is consistent. */
export function runWeights(logLikelihood: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  // Stryker disable next-line EqualityOperator: logLikelihood[length] is undefined (never above max), and a value equal to max leaves max
  for (let r = 0; r < logLikelihood.length; r++) if (logLikelihood[r] > max) max = logLikelihood[r];
  const w = new Float64Array(logLikelihood.length);
  if (max === -Infinity) return w;
  // Stryker disable next-line EqualityOperator: w[w.length] is past the end of a typed array: the write is dropped
  for (let r = 0; r < w.length; r++) w[r] = Math.exp(logLikelihood[r] - max);
  return w;
}

/** (Σw)² / Σw²: how many equally weighted runs the weighted ones are worth. */
export function effectiveRuns(weights: ArrayLike<number>): number {
  let sum = 0;
  let squares = 0;
  for (let r = 0; r < weights.length; r++) {
    // Stryker disable next-line AssignmentOperator: the sum enters only squared, so its sign does not count
    sum += weights[r];
    squares += weights[r] * weights[r];
  }
  return squares > 0 ? (sum * sum) / squares : 0;
}

/**
 * The weighted q-quantiles (q in 0..1) of `values` by the inverted CDF: the smallest value whose
 * weighted CDF reaches q, as numpy's quantile(values, q, weights=w, method="inverted_cdf").
 */
export function weightedQuantiles(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  levels: readonly number[]
): number[] {
  // Only the runs that weigh: a run of weight 0 never moves the CDF, so it is never the value
  // returned, and observations that contradict most runs leave few to sort. A stable sort: equal
  // values stay in run order (which of them is returned does not change the value).
  const order: number[] = [];
  for (let r = 0; r < values.length; r++) if (weights[r] > 0) order.push(r);
  order.sort((a, b) => values[a] - values[b]);
  let total = 0;
  for (const r of order) total += weights[r];
  return levels.map((q) => {
    const goal = q * total;
    let cumulative = 0;
    for (const r of order) {
      cumulative += weights[r];
      if (cumulative >= goal) return values[r];
    }
    return Number.NaN;
  });
}

/** What the observations say of one scenario's runs. */
export interface ScenarioEvidence {
  /** log L_s = log mean_r exp(ℓ_r): −∞ when no run is consistent with the observations. */
  logLikelihood: number;
  /** log L_s using only the observations dated up to each month 0..horizon. */
  logLikelihoodByMonth: number[];
  effectiveRuns: number;
  /** The mean Brier score of the scenario's events with a recorded outcome, or null when none was observed. */
  brier: number | null;
  /** The forecast given the observations: weighted quantiles of T(t) and P(crisis ever); null when no run is consistent. */
  conditioned: { quantiles: Record<'5' | '25' | '50' | '75' | '95', number[]>; pCrisisEver: number } | null;
}

/** The runs of one scenario as tracking reads them. */
export interface TrackedRuns {
  runs: number;
  horizon: number;
  /** T(t) of every run, for month t. */
  tension: (t: number) => ArrayLike<number>;
  /** 1 where a run reached the crisis line in some month. */
  crisisEver: ArrayLike<number>;
  /** The forecast of the runs all weighing the same: the Monte Carlo's own quantiles and P(crisis ever). */
  forecast: NonNullable<ScenarioEvidence['conditioned']>;
}

/** Whether every weight is the same (then the weighted runs are the runs). */
function allEqual(weights: Float64Array): boolean {
  for (let r = 1; r < weights.length; r++) if (weights[r] !== weights[0]) return false;
  return true;
}

/** The evidence of a scenario from its observation terms and runs; `brier` as scored from its events. */
export function scenarioEvidence(
  terms: readonly ObservationTerm[],
  runs: TrackedRuns,
  brier: number | null
): ScenarioEvidence {
  const { logLikelihood, evidenceByMonth } = runLikelihoods(terms, runs.runs, runs.horizon);
  const weights = runWeights(logLikelihood);
  const logL = evidenceByMonth[runs.horizon];
  let conditioned: ScenarioEvidence['conditioned'] = null;
  // When every run weighs the same (no observation bears on the scenario, or every run agrees
  // with them), the conditioned forecast is the forecast itself, to the last bit.
  if (logL > -Infinity && allEqual(weights)) conditioned = runs.forecast;
  else if (logL > -Infinity) {
    const levels = QUANTILE_LEVELS.map((q) => q / 100);
    const quantiles = Object.fromEntries(QUANTILE_LEVELS.map((q) => [String(q), [] as number[]])) as Record<
      '5' | '25' | '50' | '75' | '95',
      number[]
    >;
    for (let t = 0; t <= runs.horizon; t++) {
      const found = weightedQuantiles(runs.tension(t), weights, levels);
      QUANTILE_LEVELS.forEach((q, k) => quantiles[String(q) as '5'].push(found[k]));
    }
    let total = 0;
    let crisis = 0;
    for (let r = 0; r < runs.runs; r++) {
      total += weights[r];
      if (runs.crisisEver[r] === 1) crisis += weights[r];
    }
    conditioned = { quantiles, pCrisisEver: crisis / total };
  }
  return {
    logLikelihood: logL,
    logLikelihoodByMonth: Array.from(evidenceByMonth),
    effectiveRuns: effectiveRuns(weights),
    brier,
    conditioned
  };
}

/** The Brier score (p − o)² of one forecast p against its outcome o (1 or 0). */
export const brier = (probability: number, occurred: boolean): number => (probability - (occurred ? 1 : 0)) ** 2;

/** The mean Brier score of forecasts against their outcomes; null for none. */
export function brierScore(pairs: readonly { probability: number; occurred: boolean }[]): number | null {
  if (pairs.length === 0) return null;
  return pairs.reduce((sum, { probability, occurred }) => sum + brier(probability, occurred), 0) / pairs.length;
}

/** π_s ∝ prior_s · L_s, normalised; null when no scenario with a prior above 0 is consistent. */
export function posteriorOdds(priors: readonly number[], logLikelihoods: readonly number[]): number[] | null {
  // log 0 = −∞: a prior of 0 keeps a scenario out whatever its likelihood.
  const logs = priors.map((p, s) => Math.log(p) + logLikelihoods[s]);
  const max = Math.max(...logs);
  if (max === -Infinity) return null;
  const weights = logs.map((l) => Math.exp(l - max));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}
