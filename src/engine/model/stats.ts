// Statistics over Monte Carlo samples.
import { quantileSorted } from 'd3-array';

/** The quantile levels Mizan reports, in percent. */
export const QUANTILE_LEVELS = [5, 25, 50, 75, 95] as const;

/**
 * Quantile of ascending-sorted values by linear interpolation between order
 * statistics (numpy's default, "type 7"); d3-array implements exactly that.
 */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  return quantileSorted(sorted as unknown as number[], p) ?? Number.NaN;
}

/** 1-based ranks, ties sharing the average of the ranks they span. */
export function averageRanks(values: Float64Array): Float64Array {
  const sorted = values.slice().sort();
  const ranks = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const first = lowerBound(sorted, values[i]);
    const last = upperBound(sorted, values[i]) - 1;
    ranks[i] = (first + last) / 2 + 1;
  }
  return ranks;
}

function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Pearson correlation; NaN when either side does not vary. */
export function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < n; i++) {
    meanA += a[i];
    meanB += b[i];
  }
  meanA /= n;
  meanB /= n;
  let cov = 0;
  let varA = 0;
  let varB = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - meanA;
    const db = b[i] - meanB;
    cov += da * db;
    varA += da * da;
    varB += db * db;
  }
  return varA > 0 && varB > 0 ? cov / Math.sqrt(varA * varB) : Number.NaN;
}

/** Spearman rank correlation: Pearson on average ranks. */
export function spearman(a: Float64Array, b: Float64Array): number {
  return pearson(averageRanks(a), averageRanks(b));
}

/** Counts of values in `bins` equal bins over [0, 100]; 100 itself falls in the last bin. */
export function histogram100(values: ArrayLike<number>, bins: number): { edges: number[]; counts: number[] } {
  const width = 100 / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const bin = Math.min(bins - 1, Math.max(0, Math.floor(values[i] / width)));
    counts[bin]++;
  }
  return { edges: Array.from({ length: bins + 1 }, (_, k) => k * width), counts };
}
