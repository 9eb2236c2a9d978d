// Statistics over Monte Carlo samples.

/** The quantile levels Mizan reports, in percent. */
export const QUANTILE_LEVELS = [5, 25, 50, 75, 95] as const;

const BUCKETS = 1024;

/**
 * Quantiles by linear interpolation between order statistics (numpy's default,
 * "type 7"; the tests check it against d3-array's quantileSorted), in linear time: values are counted into buckets, and only the buckets that hold
 * the order statistics a quantile interpolates between are sorted.
 */
export function quantilesOf(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return ps.map(() => Number.NaN);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(max > min)) return ps.map(() => min);
  const scale = BUCKETS / (max - min);
  if (!Number.isFinite(scale)) {
    // A spread so small (subnormal) that buckets cannot split it: sort instead.
    const sorted = values.slice().sort();
    return ps.map((p) => interpolate(sorted, p, (j) => sorted[j]));
  }
  const bucketOf = (v: number) => Math.min(BUCKETS - 1, Math.floor((v - min) * scale));
  const counts = new Int32Array(BUCKETS + 1);
  for (let i = 0; i < n; i++) counts[bucketOf(values[i]) + 1]++;
  for (let k = 1; k <= BUCKETS; k++) counts[k] += counts[k - 1]; // counts[k]: values before bucket k
  const sortedBuckets = new Map<number, Float64Array>();
  const orderStatistic = (j: number): number => {
    let lo = 0;
    let hi = BUCKETS - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (counts[mid] <= j) lo = mid;
      else hi = mid - 1;
    }
    let members = sortedBuckets.get(lo);
    if (!members) {
      members = new Float64Array(counts[lo + 1] - counts[lo]);
      let k = 0;
      for (let i = 0; i < n; i++) if (bucketOf(values[i]) === lo) members[k++] = values[i];
      members.sort();
      sortedBuckets.set(lo, members);
    }
    return members[j - counts[lo]];
  };
  return ps.map((p) => interpolate(values, p, orderStatistic));
}

/** Interpolates at h = (n − 1)·p between the order statistics around it. */
function interpolate(values: ArrayLike<number>, p: number, orderStatistic: (j: number) => number): number {
  const n = values.length;
  const h = (n - 1) * p;
  const j = Math.floor(h);
  const low = orderStatistic(j);
  return j + 1 < n ? low + (orderStatistic(j + 1) - low) * (h - j) : low;
}

/** 1-based ranks, ties sharing the average of the ranks they span (scipy's rankdata). */
export function averageRanks(values: Float64Array): Float64Array {
  const sorted = values.slice().sort();
  // The average rank of each distinct value, then a look-up per value: one sort and two
  // linear passes (a binary search per value was 8× slower).
  const rankOf = new Map<number, number>();
  for (let first = 0; first < sorted.length; ) {
    let last = first;
    while (last + 1 < sorted.length && sorted[last + 1] === sorted[first]) last++;
    rankOf.set(sorted[first], (first + last) / 2 + 1);
    first = last + 1;
  }
  const ranks = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) ranks[i] = rankOf.get(values[i]) as number;
  return ranks;
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

/** Spearman rank correlation: Pearson on average ranks (pass ranks of `b` if you have them). */
export function spearman(a: Float64Array, b: Float64Array, ranksOfB: Float64Array = averageRanks(b)): number {
  return pearson(averageRanks(a), ranksOfB);
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
