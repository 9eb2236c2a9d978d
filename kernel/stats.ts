// The ranks behind the importance (src/engine/model/stats.ts) in WebAssembly: the LSD radix
// sort of the numbers' bits (sortOrder), the average ranks of ties, and Pearson's r, each the
// same arithmetic in the same order as the JavaScript, so the same numbers bit for bit
// (tests/engine/stats-kernel.test.ts). The host lays out the arrays (src/engine/model/statsKernel.ts).

const DIGIT_BITS = 11;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;
const COUNTS = DIGIT_MASK + 2;

/**
 * Writes the order that sorts values[0..n) ascending, stable, to `order` or `spare` (both n
 * u32s) and returns which of the two holds it; low, high: n u32s of scratch, count: COUNTS u32s.
 */
export function sortOrder(values: usize, n: i32, order: usize, spare: usize, low: usize, high: usize, count: usize): usize {
  for (let i = 0; i < n; i++) {
    const bits = load<u64>(values + (<usize>i << 3));
    const lo = <u32>bits;
    const hi = <u32>(bits >>> 32);
    const negative = hi >>> 31 == 1;
    store<u32>(low + (<usize>i << 2), negative ? ~lo : lo);
    store<u32>(high + (<usize>i << 2), negative ? ~hi : hi | 0x80000000);
    store<u32>(order + (<usize>i << 2), i);
  }
  for (let digit = 0; digit < 6; digit++) {
    const key = digit < 3 ? low : high;
    const shift = <u32>(11 * (digit % 3));
    memory.fill(count, 0, COUNTS << 2);
    for (let i = 0; i < n; i++) {
      const at = count + ((<usize>(((load<u32>(key + (<usize>i << 2)) >>> shift) & DIGIT_MASK) + 1)) << 2);
      store<u32>(at, load<u32>(at) + 1);
    }
    // Every key has the same digit here: the pass would keep the order as it is.
    let one = false;
    for (let d = 0; d < COUNTS; d++)
      if (load<u32>(count + (<usize>d << 2)) == <u32>n) {
        one = true;
        break;
      }
    if (one) continue;
    for (let d = 1; d < COUNTS; d++) {
      const at = count + (<usize>d << 2);
      store<u32>(at, load<u32>(at) + load<u32>(at - 4));
    }
    for (let k = 0; k < n; k++) {
      const i = load<u32>(order + (<usize>k << 2));
      const at = count + (<usize>((load<u32>(key + (<usize>i << 2)) >>> shift) & DIGIT_MASK) << 2);
      const slot = load<u32>(at);
      store<u32>(at, slot + 1);
      store<u32>(spare + (<usize>slot << 2), i);
    }
    const swap = order;
    order = spare;
    spare = swap;
  }
  return order;
}

/** 1-based ranks of values[0..n) to `ranks` (n f64s), ties sharing the average of the ranks they span, from their order. */
export function averageRanks(values: usize, n: i32, order: usize, ranks: usize): void {
  for (let first = 0; first < n; ) {
    let last = first;
    const value = load<f64>(values + (<usize>load<u32>(order + (<usize>first << 2)) << 3));
    while (last + 1 < n && load<f64>(values + (<usize>load<u32>(order + (<usize>(last + 1) << 2)) << 3)) == value) last++;
    const rank = <f64>(first + last) / 2 + 1;
    for (let k = first; k <= last; k++) store<f64>(ranks + (<usize>load<u32>(order + (<usize>k << 2)) << 3), rank);
    first = last + 1;
  }
}

/** Pearson's r of a[0..n) and b[0..n); NaN when either does not vary. */
export function pearson(a: usize, b: usize, n: i32): f64 {
  let meanA: f64 = 0;
  let meanB: f64 = 0;
  for (let i = 0; i < n; i++) {
    meanA += load<f64>(a + (<usize>i << 3));
    meanB += load<f64>(b + (<usize>i << 3));
  }
  meanA /= n;
  meanB /= n;
  let cov: f64 = 0;
  let varA: f64 = 0;
  let varB: f64 = 0;
  for (let i = 0; i < n; i++) {
    const da = load<f64>(a + (<usize>i << 3)) - meanA;
    const db = load<f64>(b + (<usize>i << 3)) - meanB;
    cov += da * db;
    varA += da * da;
    varB += db * db;
  }
  return varA > 0 && varB > 0 ? cov / Math.sqrt(varA * varB) : NaN;
}

/**
 * The runs of a month at or above the crisis line, and each run's peak so far raised to this
 * month's value where higher: the month loop of summariseTension (montecarlo.ts).
 */
export function crisisAndPeaks(values: usize, n: i32, crisis: f64, peak: usize): i32 {
  let inCrisis = 0;
  for (let r = 0; r < n; r++) {
    const value = load<f64>(values + (<usize>r << 3));
    if (value >= crisis) inCrisis++;
    const at = peak + (<usize>r << 3);
    if (value > load<f64>(at)) store<f64>(at, value);
  }
  return inCrisis;
}
