// Variance-based sensitivity: Sobol indices of any function f of a point u ∈ [0,1)^d.
//
// Design (Saltelli et al. 2010, §3): two independent N × d matrices A and B and, for each group i
// of inputs, A_B^(i) = A with group i's columns taken from B; f runs N·(k + 2) times for k groups.
// Estimators, with V the variance of f over the 2N rows of A and B (as SALib):
// - first order S_i = mean(f(B)·(f(A_B^(i)) − f(A))) / V — Saltelli 2010, Table 2 (b): the
//   estimator that paper recommends, better than Sobol's original when S_i is small;
// - total ST_i = ½·mean((f(A) − f(A_B^(i)))²) / V — Jansen 1999 (Table 2 (f)), which that paper
//   found the most efficient for the total effect.
// f(B) enters the first-order estimator centred on the mean of f: the mean of a constant times
// (f(A_B^(i)) − f(A)) is 0 in expectation, but not in a sample, and for an output such as T ≈ 50
// with a small spread the uncentred product would drown S_i in that noise.
//
// The points are pseudo-random, row j from the engine's stream (seed, j): reproducible, a
// smaller N is the prefix of a larger one, and the rows are independent, which the bootstrap
// intervals (rows resampled with replacement, 95 % percentile interval) assume. A quasi-random
// Sobol' sequence would converge faster in a few dimensions, but the model's inputs number in the
// hundreds (every monthly shock is one), where it needs a large table of direction numbers and
// its rows are no longer independent for the bootstrap.
import { StreamBank } from '../random/streams';
import { runToEnd } from '../steps';

export interface SobolOptions {
  /** N, the rows of A and B (a whole number ≥ 2): f runs N·(groups + 2) times. */
  samples: number;
  seed: number;
  /** Bootstrap resamples for the intervals (a whole number ≥ 1; default 500). */
  bootstrap?: number;
  /**
   * Inputs varied together, each a list of dimensions; every dimension in exactly one group.
   * The indices are then per group. Default: one group per dimension.
   */
  groups?: readonly (readonly number[])[];
}

export interface SobolResult {
  /** First-order index of each group: the share of Var f it explains alone. */
  first: number[];
  /** Total index of each group: its share with all its interactions. */
  total: number[];
  /** 95 % bootstrap intervals [lo, hi]. */
  firstInterval: [number, number][];
  totalInterval: [number, number][];
  /** Var f over the rows of A and B. Where it is 0 (f does not vary) every index is NaN. */
  variance: number;
}

/**
 * f on many points at once: point r is points[r·d … (r + 1)·d), its value goes to out[r]. A model
 * evaluates its runs in batches (scenarioSobol: many lanes of the kernel in one call).
 */
export type BatchedFunction = (points: Float64Array, count: number, d: number, out: Float64Array) => void;

/** f of one point at a time, as a BatchedFunction. */
const batched =
  (f: (u: Float64Array) => number): BatchedFunction =>
  (points, count, d, out) => {
    for (let r = 0; r < count; r++) out[r] = f(points.subarray(r * d, (r + 1) * d));
  };

const DEFAULT_BOOTSTRAP = 500;
/** The stream of the bootstrap's resampling: run −1 of the seed, apart from every row's stream. */
const BOOTSTRAP_RUN = -1;

/**
 * Sobol indices of f over [0,1)^dimensions. f gets one Float64Array that is reused for every
 * point: it must read it, not keep it.
 */
export function sobolIndices(f: (u: Float64Array) => number, dimensions: number, options: SobolOptions): SobolResult {
  return runToEnd(sobolSteps(f, dimensions, options));
}

/** Rows of the design evaluated between two steps of sobolSteps. */
const ROWS_PER_STEP = 16;
/** Bootstrap resamples between two steps. */
const RESAMPLES_PER_STEP = 25;

/**
 * sobolIndices in steps: yields [evaluations of f done, of N·(k + 2)] after every few rows of the
 * design (and the total again during the bootstrap), so that a caller can show progress or stop.
 * The same numbers as sobolIndices, bit for bit.
 */
export function* sobolSteps(
  f: ((u: Float64Array) => number) | { batch: BatchedFunction },
  dimensions: number,
  { samples, seed, bootstrap = DEFAULT_BOOTSTRAP, groups = singletons(dimensions) }: SobolOptions
): Generator<[number, number], SobolResult> {
  checkCount('dimensions', dimensions, 1);
  checkCount('samples', samples, 2);
  checkCount('bootstrap', bootstrap, 1);
  const members = groupMembers(groups, dimensions);
  const k = groups.length;
  const { fA, fB, fAB } = yield* evaluate(
    typeof f === 'function' ? batched(f) : f.batch,
    dimensions,
    members,
    samples,
    seed
  );

  let centre = 0;
  for (let j = 0; j < samples; j++) centre += fA[j] + fB[j];
  centre /= 2 * samples;

  const first = new Float64Array(k);
  const total = new Float64Array(k);
  const rows = Int32Array.from({ length: samples }, (_, j) => j);
  const variance = estimate(fA, fB, fAB, k, rows, centre, first, total);

  // Resample the rows R times; each resample's indices go to lane r of these.
  const firstDraws = new Float64Array(k * bootstrap);
  const totalDraws = new Float64Array(k * bootstrap);
  const bank = new StreamBank(1);
  bank.seed(0, seed, BOOTSTRAP_RUN);
  const firstOfDraw = new Float64Array(k);
  const totalOfDraw = new Float64Array(k);
  const evaluations = samples * (k + 2);
  for (let r = 0; r < bootstrap; r++) {
    if (r % RESAMPLES_PER_STEP === RESAMPLES_PER_STEP - 1) yield [evaluations, evaluations];
    for (let j = 0; j < samples; j++) rows[j] = Math.floor(bank.uniform(0) * samples);
    estimate(fA, fB, fAB, k, rows, centre, firstOfDraw, totalOfDraw);
    // Stryker disable next-line EqualityOperator: i = k writes past the end of the typed array: the write is dropped
    for (let i = 0; i < k; i++) {
      firstDraws[i * bootstrap + r] = firstOfDraw[i];
      totalDraws[i * bootstrap + r] = totalOfDraw[i];
    }
  }
  const interval = (draws: Float64Array, i: number): [number, number] => {
    const sorted = draws.subarray(i * bootstrap, (i + 1) * bootstrap).sort();
    return [quantileSorted(sorted, 0.025), quantileSorted(sorted, 0.975)];
  };
  return {
    first: Array.from(first),
    total: Array.from(total),
    firstInterval: Array.from(first, (_, i) => interval(firstDraws, i)),
    totalInterval: Array.from(total, (_, i) => interval(totalDraws, i)),
    variance
  };
}

/** Group g's dimensions are members[start[g] … start[g + 1]). */
interface GroupMembers {
  start: Int32Array;
  dims: Int32Array;
}

/**
 * f on the rows of A, B and every A_B^(i): f(A_B^(i)) of row j at j·k + i (yields progress). The
 * points of ROWS_PER_STEP rows go to f together: row j's A, B, then each A_B^(i).
 */
function* evaluate(
  f: BatchedFunction,
  d: number,
  { start, dims }: GroupMembers,
  samples: number,
  seed: number
): Generator<[number, number], { fA: Float64Array; fB: Float64Array; fAB: Float64Array }> {
  const k = start.length - 1;
  const fA = new Float64Array(samples);
  const fB = new Float64Array(samples);
  const fAB = new Float64Array(samples * k);
  const bank = new StreamBank(1);
  const a = new Float64Array(d);
  const b = new Float64Array(d);
  const perRow = k + 2;
  const points = new Float64Array(ROWS_PER_STEP * perRow * d);
  const values = new Float64Array(ROWS_PER_STEP * perRow);
  // Stryker disable next-line EqualityOperator: a last step of no rows evaluates nothing
  for (let first = 0; first < samples; first += ROWS_PER_STEP) {
    const rows = Math.min(ROWS_PER_STEP, samples - first);
    for (let row = 0; row < rows; row++) {
      bank.seed(0, seed, first + row);
      for (let c = 0; c < d; c++) a[c] = bank.uniform(0);
      // Stryker disable next-line EqualityOperator: one more draw, the last of sample j's stream (seeded afresh for each sample), lands past the end of b: dropped
      for (let c = 0; c < d; c++) b[c] = bank.uniform(0);
      const at = row * perRow * d;
      points.set(a, at);
      points.set(b, at + d);
      for (let i = 0; i < k; i++) {
        const u = at + (i + 2) * d;
        points.set(a, u);
        for (let m = start[i]; m < start[i + 1]; m++) points[u + dims[m]] = b[dims[m]];
      }
    }
    f(points, rows * perRow, d, values);
    // Stryker disable next-line EqualityOperator: a row more writes the next step's first row, which that step writes again (or past the end: dropped)
    for (let row = 0; row < rows; row++) {
      const j = first + row;
      fA[j] = values[row * perRow];
      fB[j] = values[row * perRow + 1];
      // Stryker disable next-line EqualityOperator: group k is the next row's f(A), at the next row's first place, which that row writes again
      for (let i = 0; i < k; i++) fAB[j * k + i] = values[row * perRow + i + 2];
    }
    // Stryker disable next-line ConditionalExpression: one progress step more at the end changes no number
    if (rows === ROWS_PER_STEP) yield [(first + rows) * perRow, samples * perRow];
  }
  return { fA, fB, fAB };
}

/**
 * The estimators over the given rows (all of them, or a bootstrap resample), written to first
 * and total; returns V.
 */
function estimate(
  fA: Float64Array,
  fB: Float64Array,
  fAB: Float64Array,
  k: number,
  rows: Int32Array,
  centre: number,
  first: Float64Array,
  total: Float64Array
): number {
  const n = rows.length;
  first.fill(0);
  total.fill(0);
  let sum = 0;
  let sumOfSquares = 0;
  for (let j = 0; j < n; j++) {
    const row = rows[j];
    const a = fA[row] - centre;
    const b = fB[row] - centre;
    // Stryker disable next-line AssignmentOperator: the sum enters the variance only squared (mean · mean), so its sign does not matter
    sum += a + b;
    sumOfSquares += a * a + b * b;
    // Stryker disable next-line EqualityOperator: i = k writes past the end of the typed array: the write is dropped
    for (let i = 0; i < k; i++) {
      const ab = fAB[row * k + i] - centre;
      first[i] += b * (ab - a);
      total[i] += (a - ab) * (a - ab);
    }
  }
  const mean = sum / (2 * n);
  const variance = sumOfSquares / (2 * n) - mean * mean;
  // Stryker disable next-line EqualityOperator: i = k writes past the end of the typed array: the write is dropped
  for (let i = 0; i < k; i++) {
    first[i] /= n * variance;
    total[i] /= 2 * n * variance;
  }
  return variance;
}

/** Linear interpolation between order statistics (Hyndman–Fan type 7, numpy's default). */
function quantileSorted(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
}

function singletons(d: number): number[][] {
  return Array.from({ length: d }, (_, c) => [c]);
}

function groupMembers(groups: readonly (readonly number[])[], d: number): GroupMembers {
  const groupOf = new Int32Array(d).fill(-1);
  groups.forEach((group, g) => {
    if (group.length === 0) throw new RangeError(`sobolIndices: group ${g} is empty`);
    for (const c of group) {
      if (!Number.isInteger(c) || c < 0 || c >= d)
        throw new RangeError(`sobolIndices: group ${g} names dimension ${c}, not one of 0 … ${d - 1}`);
      if (groupOf[c] >= 0) throw new RangeError(`sobolIndices: dimension ${c} is in groups ${groupOf[c]} and ${g}`);
      groupOf[c] = g;
    }
  });
  const missing = groupOf.indexOf(-1);
  if (missing >= 0) throw new RangeError(`sobolIndices: dimension ${missing} is in no group`);
  const start = new Int32Array(groups.length + 1);
  groups.forEach((group, g) => (start[g + 1] = start[g] + group.length));
  return { start, dims: Int32Array.from(groups.flat()) };
}

function checkCount(name: string, value: number, least: number): void {
  if (!Number.isInteger(value) || value < least)
    throw new RangeError(`sobolIndices: ${name} must be a whole number ≥ ${least}, not ${value}`);
}
