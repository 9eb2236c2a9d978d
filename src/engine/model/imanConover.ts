// Correlated inputs by Iman & Conover (1982): independent samples of each input are re-ordered
// across the runs so that their rank correlations approach a target matrix, while every input
// keeps exactly the values it was given (its marginal distribution is untouched).
//
// 1. Scores: van der Waerden scores Φ⁻¹(r / (n + 1)) laid out in each input's own rank order
//    (independent samples are in an independent random order, so no new randomness is needed and
//    the result is a function of the samples alone).
// 2. The refinement of Iman & Conover §3: the scores' own correlation E is not exactly the
//    identity, so they are first decorrelated by the inverse of E's Cholesky factor F, then
//    given the target's correlation by the target's factor C: each run's scores m become C·F⁻¹·m,
//    whose correlation is exactly the target.
//    The target is of rank (Spearman) correlations; for normal scores, Spearman's ρ_S and
//    Pearson's ρ are tied by ρ = 2·sin(π·ρ_S / 6) (Pearson 1907), so the scores are given that ρ
//    (without it a target of 0.5 comes out near 0.48).
// 3. Each input's values are re-ordered to follow the ranks of its column of those scores.
import { cholesky, type CholeskyResult } from './cholesky';
import { normalQuantile } from './normalQuantile';
import { sortOrder } from './stats';

export type ImanConoverResult =
  | {
      ok: true;
      /** The same values per input, re-ordered across the runs (column-major n × k). */ samples: Float64Array;
    }
  | {
      ok: false;
      /** The target is not positive definite: [i, j] is the pair of inputs whose correlation breaks it (see cholesky). */
      pair: [number, number];
    };

/**
 * Imposes the rank correlation `target` (k × k, symmetric, 1 on the diagonal) on `samples`, k
 * inputs of n runs each, column-major: input c's run r at c·n + r. Returns a new array.
 */
export function imanConover(
  samples: Float64Array,
  n: number,
  target: readonly (readonly number[])[]
): ImanConoverResult {
  const k = target.length;
  checkShape(samples, n, target);
  const targetFactor = targetCholesky(target);
  if (!targetFactor.ok) return { ok: false, pair: targetFactor.pair };

  const scores = Float64Array.from({ length: n }, (_, r) => normalQuantile((r + 1) / (n + 1)));
  const scored = new Float64Array(n * k);
  // Stryker disable next-line EqualityOperator: c = k reads and writes past the end of the typed arrays: the writes are dropped
  for (let c = 0; c < k; c++) {
    const order = rankOrder(samples, c * n, n);
    // Stryker disable next-line EqualityOperator: order[n] is undefined: a write at NaN is dropped
    for (let rank = 0; rank < n; rank++) scored[c * n + order[rank]] = scores[rank];
  }
  const correlated = correlate(scored, n, k, targetFactor.lower);

  const out = new Float64Array(n * k);
  // Stryker disable next-line EqualityOperator: c = k reads and writes past the end of the typed arrays: the writes are dropped
  for (let c = 0; c < k; c++) {
    const sorted = samples.slice(c * n, (c + 1) * n).sort();
    const order = rankOrder(correlated, c * n, n);
    // Stryker disable next-line EqualityOperator: order[n] is undefined: a write at NaN is dropped
    for (let rank = 0; rank < n; rank++) out[c * n + order[rank]] = sorted[rank];
  }
  return { ok: true, samples: out };
}

/** The target of `size` inputs: 1 on the diagonal, each pair's rank at (a, b) and (b, a), 0 elsewhere. */
export function rankTarget(size: number, pairs: Iterable<{ a: number; b: number; rank: number }>): number[][] {
  const target: number[][] = Array.from({ length: size }, (_, a) =>
    Array.from({ length: size }, (_, b) => (a === b ? 1 : 0))
  );
  for (const { a, b, rank } of pairs) target[a][b] = target[b][a] = rank;
  return target;
}

/**
 * The Cholesky factor of the normal scores' correlation that gives the rank correlations
 * `target` (see the top of this file), or the pair that keeps it from existing: what a file's
 * correlations are checked with before any run.
 */
export function targetCholesky(target: readonly (readonly number[])[]): CholeskyResult {
  return cholesky(
    Float64Array.from(target.flat(), (rank) => 2 * Math.sin((Math.PI * rank) / 6)),
    target.length
  );
}

/** Each run's scores m → C·F⁻¹·m (F the Cholesky factor of the scores' correlation, C the target's). */
function correlate(scored: Float64Array, n: number, k: number, targetLower: Float64Array): Float64Array {
  const own = cholesky(scoreProducts(scored, n, k), k);
  // With fewer runs than inputs (or two runs), the scores' orders can coincide and E is singular:
  // then the plain method, without the refinement.
  const scoresLower = own.ok ? own.lower : identity(k);
  const out = new Float64Array(n * k);
  const m = new Float64Array(k);
  for (let r = 0; r < n; r++) {
    // Forward substitution: m ← F⁻¹·m.
    // Stryker disable next-line EqualityOperator: a = k writes past the end (m[k], out[k·n + r], out[k·k + b]): the writes are dropped
    for (let a = 0; a < k; a++) {
      let s = scored[a * n + r];
      for (let b = 0; b < a; b++) s -= scoresLower[a * k + b] * m[b];
      m[a] = s / scoresLower[a * k + a];
    }
    // Stryker disable next-line EqualityOperator: a = k writes past the end (m[k], out[k·n + r], out[k·k + b]): the writes are dropped
    for (let a = 0; a < k; a++) {
      let s = 0;
      for (let b = 0; b <= a; b++) s += targetLower[a * k + b] * m[b];
      out[a * n + r] = s;
    }
  }
  return out;
}

/**
 * The lower triangle of Σ_r x_a·x_b over the columns of scores (row-major k × k), all that
 * cholesky reads. Every column is a permutation of the same scores, whose mean is 0 (they are
 * symmetric, Φ⁻¹(1 − p) = −Φ⁻¹(p)) and whose sums of squares are equal, so this is the scores'
 * correlation matrix times one positive constant, and that constant scales every run's F⁻¹·m
 * alike: it changes no rank.
 */
function scoreProducts(scored: Float64Array, n: number, k: number): Float64Array {
  const out = new Float64Array(k * k);
  // Stryker disable next-line EqualityOperator: a = k writes past the end (m[k], out[k·n + r], out[k·k + b]): the writes are dropped
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      let s = 0;
      for (let r = 0; r < n; r++) s += scored[a * n + r] * scored[b * n + r];
      out[a * k + b] = s;
    }
  }
  return out;
}

function identity(k: number): Float64Array {
  const out = new Float64Array(k * k);
  // Stryker disable next-line EqualityOperator: a = k writes past the end: the write is dropped
  for (let a = 0; a < k; a++) out[a * k + a] = 1;
  return out;
}

/**
 * The runs of one column in increasing order of value, ties in run order: the order a stable
 * sort by `a − b` gives (where −0 and 0 are equal: both are counted as 0), from the radix sort.
 */
export function rankOrder(values: Float64Array, at: number, n: number): Uint32Array {
  const column = new Float64Array(n);
  for (let r = 0; r < n; r++) column[r] = values[at + r] + 0;
  return sortOrder(column);
}

/** A wrong shape is the caller's bug (the format layer builds these), not an analyst's input. */
function checkShape(samples: Float64Array, n: number, target: readonly (readonly number[])[]): void {
  const k = target.length;
  if (!Number.isInteger(n) || n < 0 || samples.length !== n * k)
    throw new RangeError(`imanConover: ${samples.length} samples are not ${n} runs of ${k} inputs`);
  target.forEach((row, a) => {
    if (row.length !== k)
      throw new RangeError(`imanConover: row ${a} of the target has ${row.length} entries, not ${k}`);
    if (row[a] !== 1) throw new RangeError(`imanConover: the target's diagonal entry ${a} is ${row[a]}, not 1`);
    row.forEach((value, b) => {
      if (value !== target[b][a]) throw new RangeError(`imanConover: the target is not symmetric at (${a}, ${b})`);
    });
  });
}
