// Statistics over Monte Carlo samples.
import { statsKernel } from './statsKernel';

/** The quantile levels Mizan reports, in percent. */
export const QUANTILE_LEVELS = [5, 25, 50, 75, 95] as const;

const BUCKETS = 1024;

/**
 * Quantiles by linear interpolation between order statistics (numpy's default,
 * "type 7"; the tests check it against d3-array's quantileSorted), in linear time: the order
 * statistics from the kernel's radix order, else from buckets (quantilesInBuckets).
 */
export function quantilesOf(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  const kernel = statsKernel();
  // No values: the buckets' answer, NaN at every level.
  if (kernel !== null && n > 0) {
    // The radix order (kernel/stats.ts) gives the same order statistics, in linear time too. NaN
    // sorts to an end (by its sign bit); the buckets below leave it out: a list with one goes there.
    // Stryker disable next-line LogicalOperator: the JavaScript's order is the kernel's
    const order = kernel.sortOrder(values) ?? sortOrderInJavaScript(values);
    const min = values[order[0]];
    const max = values[order[n - 1]];
    // Stryker disable next-line ConditionalExpression,BooleanLiteral,BlockStatement: the buckets give the same quantiles, slower
    if (!Number.isNaN(min) && !Number.isNaN(max)) {
      // All equal: the first of them, as the buckets' scan keeps it (of 0 and −0, whichever came first).
      if (!(max > min)) return ps.map(() => values[0]);
      return ps.map((p) => interpolate(n, p, (j) => values[order[j]]));
    }
  }
  return quantilesInBuckets(values, ps);
}

/**
 * quantilesOf by buckets, in JavaScript (where there is no WebAssembly, or NaN among the values):
 * values are counted into buckets, and only the buckets that hold the order statistics a quantile
 * interpolates between are sorted.
 */
export function quantilesInBuckets(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return ps.map(() => Number.NaN);
  let min = Infinity;
  // Stryker disable next-line UnaryOperator: max stays +Infinity, scale becomes 0 and every value lands in bucket 0, which is sorted whole: the same quantiles, slower
  let max = -Infinity;
  // Stryker disable next-line EqualityOperator: values[n] is undefined: undefined < min and undefined > max are false
  for (let i = 0; i < n; i++) {
    const v = values[i];
    // Stryker disable next-line EqualityOperator: a value equal to the minimum leaves the same minimum
    if (v < min) min = v;
    // Stryker disable next-line EqualityOperator: a value equal to the maximum leaves the same maximum
    if (v > max) max = v;
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: with all values equal, scale is 1024 / 0 = Infinity and the sorting path gives that same value
  if (!(max > min)) return ps.map(() => min);
  // Stryker disable next-line ArithmeticOperator: BUCKETS · (max − min) still maps values to buckets in order; values that share a bucket are sorted
  const scale = BUCKETS / (max - min);
  // Stryker disable next-line ConditionalExpression: always sorting gives the same order statistics, slower
  if (!Number.isFinite(scale)) {
    // A spread so small (subnormal) that buckets cannot split it: sort instead.
    const sorted = values.slice().sort();
    return ps.map((p) => interpolate(n, p, (j) => sorted[j]));
  }
  const bucketOf = (v: number) =>
    Math.min(
      BUCKETS - 1,
      // Stryker disable next-line ArithmeticOperator: (v − min) / scale still maps values to buckets in order; values that share a bucket are sorted
      Math.floor((v - min) * scale)
    );
  const counts = new Int32Array(BUCKETS + 1);
  // Stryker disable next-line EqualityOperator: values[n] is undefined, its bucket NaN: counts[NaN] is not an element, and the write is dropped
  for (let i = 0; i < n; i++) counts[bucketOf(values[i]) + 1]++;
  for (let k = 1; k <= BUCKETS; k++) counts[k] += counts[k - 1]; // counts[k]: values before bucket k
  const bucketOfRank = (j: number): number => {
    let lo = 0;
    // Stryker disable next-line ArithmeticOperator: counts[1024] = n > j, so the search never settles above bucket 1023 (counts[1025] is undefined)
    let hi = BUCKETS - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (counts[mid] <= j) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // The buckets that hold an order statistic some p interpolates between, filled in one pass
  // over the values (a pass per bucket cost as much as the counting, level after level), then sorted.
  const slot = new Int32Array(BUCKETS).fill(-1);
  const lists: Float64Array[] = [];
  for (const p of ps) {
    const j = Math.floor((n - 1) * p);
    // Stryker disable next-line MethodExpression,ArithmeticOperator: Math.max, or n + 1, only adds the last value's bucket (the one that holds rank n − 1 and rank n alike): more work, the same members
    for (const rank of [j, Math.min(j + 1, n - 1)]) {
      const bucket = bucketOfRank(rank);
      // Stryker disable next-line EqualityOperator,ConditionalExpression: a bucket met again (in slot 0, or at all) gets a fresh list and slot, which the pass then fills: the same members
      if (slot[bucket] < 0) {
        slot[bucket] = lists.length;
        lists.push(new Float64Array(counts[bucket + 1] - counts[bucket]));
      }
    }
  }
  const filled = new Int32Array(lists.length);
  // Stryker disable next-line EqualityOperator: values[n] is undefined, its bucket NaN, which is no bucket
  for (let i = 0; i < n; i++) {
    const k = slot[bucketOf(values[i])];
    if (k >= 0) lists[k][filled[k]++] = values[i];
  }
  for (const list of lists) list.sort();
  const orderStatistic = (j: number): number => {
    const bucket = bucketOfRank(j);
    return lists[slot[bucket]][j - counts[bucket]];
  };
  return ps.map((p) => interpolate(n, p, orderStatistic));
}

/** Interpolates at h = (n − 1)·p between the order statistics (of n values) around it. */
export function interpolate(n: number, p: number, orderStatistic: (j: number) => number): number {
  const h = (n - 1) * p;
  const j = Math.floor(h);
  const low = orderStatistic(j);
  return j + 1 < n ? low + (orderStatistic(j + 1) - low) * (h - j) : low;
}

const DIGIT_BITS = 11;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;
/** The digits of a 64-bit key, lowest first: three of each 32-bit half (11 + 11 + 10 bits). */
const DIGITS = [0, 1].flatMap((half) => [0, 11, 22].map((shift) => ({ half, shift })));

/**
 * The order that sorts `values` ascending, stable (equal values keep their order): an LSD radix
 * sort of their IEEE 754 bits, made to compare as unsigned integers (a negative number's bits
 * all flipped, a positive one's sign bit set), in six passes of 11-bit digits, a pass skipped
 * when every value has the same digit there. A few linear passes instead of n log n comparisons:
 * the importance ranking sorts every sampled input over all the runs. NaN sorts last.
 */
export function sortOrder(values: Float64Array): Uint32Array {
  // Stryker disable next-line OptionalChaining,LogicalOperator: the engine's tests run where the kernel is (tests/engine/no-webassembly.test.ts runs without); the JavaScript gives the same order
  return statsKernel()?.sortOrder(values) ?? sortOrderInJavaScript(values);
}

/** sortOrder in JavaScript: where there is no WebAssembly, and the reference its kernel is tested against. */
export function sortOrderInJavaScript(values: Float64Array): Uint32Array {
  const n = values.length;
  // A number's bits through a DataView of stated byte order: the same halves on any machine.
  const bits = new DataView(new ArrayBuffer(8));
  const low = new Uint32Array(n);
  const high = new Uint32Array(n);
  // Stryker disable next-line EqualityOperator: low[n] and high[n] are past the end of typed arrays: the writes are dropped
  for (let i = 0; i < n; i++) {
    bits.setFloat64(0, values[i], true);
    const lo = bits.getUint32(0, true);
    const hi = bits.getUint32(4, true);
    const negative = hi >>> 31 === 1;
    low[i] = negative ? ~lo : lo;
    high[i] = negative ? ~hi : (hi | 0x80000000) >>> 0;
  }
  let order = new Uint32Array(n);
  // Stryker disable next-line EqualityOperator: order[n] is past the end of a typed array: the write is dropped
  for (let i = 0; i < n; i++) order[i] = i;
  let spare = new Uint32Array(n);
  const count = new Uint32Array(DIGIT_MASK + 2);
  for (const { half, shift } of DIGITS) {
    const key = half === 0 ? low : high;
    count.fill(0);
    for (let i = 0; i < n; i++) count[((key[i] >>> shift) & DIGIT_MASK) + 1]++;
    // Every key has the same digit here: the pass would keep the order as it is (skipped for speed).
    // Stryker disable next-line ConditionalExpression: a pass over keys of one digit keeps the order: the same result, slower
    if (count.includes(n)) continue;
    // Stryker disable next-line EqualityOperator: count[count.length] is past the end of a typed array: the write is dropped
    for (let d = 1; d < count.length; d++) count[d] += count[d - 1];
    for (let k = 0; k < n; k++) {
      const i = order[k];
      spare[count[(key[i] >>> shift) & DIGIT_MASK]++] = i;
    }
    [order, spare] = [spare, order];
  }
  return order;
}

/** 1-based ranks, ties sharing the average of the ranks they span (scipy's rankdata). */
export function averageRanks(values: Float64Array): Float64Array {
  // Stryker disable next-line OptionalChaining,LogicalOperator: as in sortOrder
  return statsKernel()?.averageRanks(values) ?? averageRanksInJavaScript(values);
}

/** averageRanks in JavaScript (see sortOrderInJavaScript). */
export function averageRanksInJavaScript(values: Float64Array): Float64Array {
  const order = sortOrderInJavaScript(values);
  const ranks = new Float64Array(values.length);
  for (let first = 0; first < order.length;) {
    let last = first;
    while (
      // Stryker disable next-line EqualityOperator,ConditionalExpression,ArithmeticOperator: order[n] is undefined, values[undefined] is undefined, never equal to a number: the bound check is redundant
      last + 1 < order.length &&
      values[order[last + 1]] === values[order[first]]
    )
      last++;
    const rank = (first + last) / 2 + 1;
    for (let k = first; k <= last; k++) ranks[order[k]] = rank;
    first = last + 1;
  }
  return ranks;
}

/** Pearson correlation; NaN when either side does not vary. */
export function pearson(a: Float64Array, b: Float64Array): number {
  // Stryker disable next-line OptionalChaining,LogicalOperator: as in sortOrder
  return statsKernel()?.pearson(a, b) ?? pearsonInJavaScript(a, b);
}

/** pearson in JavaScript (see sortOrderInJavaScript). */
export function pearsonInJavaScript(a: Float64Array, b: Float64Array): number {
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
  // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: on average ranks (its only use) a side that does not vary has every deviation exactly 0, so cov / √0 = 0 / 0 = NaN too
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
  // Stryker disable next-line EqualityOperator: values[n] gives bin NaN: counts[NaN]++ sets a property that is not an element, which no chart, table or JSON reads
  for (let i = 0; i < values.length; i++) {
    const bin = Math.min(bins - 1, Math.max(0, Math.floor(values[i] / width)));
    counts[bin]++;
  }
  return { edges: Array.from({ length: bins + 1 }, (_, k) => k * width), counts };
}
