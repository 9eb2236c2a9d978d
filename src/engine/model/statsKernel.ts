// The ranks of stats.ts in WebAssembly (kernel/stats.ts): one instance per thread, its memory
// grown to the largest set of values asked for so far. The values are copied in and the results
// out, so callers hold ordinary typed arrays. Null where there is no WebAssembly, and a result
// null where its memory could not grow: stats.ts then computes the same numbers in JavaScript
// (tests/engine/stats-kernel.test.ts compares the two).
import { instantiateKernel, type KernelInstance, WASM_PAGE } from './wasmModule';

const COUNTS = 2049; // kernel/stats.ts: one count per 11-bit digit, and one more

/** Each returns null where the memory for its values could not be had. */
export interface StatsKernel {
  sortOrder(values: Float64Array): Uint32Array | null;
  averageRanks(values: Float64Array): Float64Array | null;
  pearson(a: Float64Array, b: Float64Array): number | null;
  /** How many values are at or above `crisis`; raises peak[r] to values[r] where higher. */
  crisisAndPeaks(values: Float64Array, crisis: number, peak: Float64Array): number | null;
  /**
   * The first `inputs` uniforms of every run of `runs` under `seed`, at [k·runs + r] (runDesign's
   * draws), written into `out`; false where the memory could not be had (out then untouched).
   */
  runUniforms(seed: number, runs: number, inputs: number, out: Float64Array): boolean;
}

/** Runs drawn per call of runUniforms: the memory stays a few MB whatever the runs. */
const UNIFORM_CHUNK = 1024;

/** The stats kernel over an instance's exports (exported for the tests, which refuse its memory). */
export function createStatsKernel(exports: KernelInstance): StatsKernel {
  const base = exports.heapBase();
  /** Where the arrays of n values go, the memory grown to hold them; null if it cannot grow. */
  const layout = (n: number) => {
    const values = base;
    const second = values + 8 * n;
    const ranks = second + 8 * n;
    const order = ranks + 8 * n;
    const spare = order + 4 * n;
    const low = spare + 4 * n;
    const high = low + 4 * n;
    const count = high + 4 * n;
    const end = count + 4 * COUNTS;
    const missing = end - exports.memory.buffer.byteLength;
    try {
      if (missing > 0) exports.memory.grow(Math.ceil(missing / WASM_PAGE));
    } catch (error) {
      if (error instanceof RangeError) return null;
      throw error;
    }
    return { values, second, ranks, order, spare, low, high, count };
  };
  const f64 = (at: number, n: number) => new Float64Array(exports.memory.buffer, at, n);
  const sortInto = (values: Float64Array) => {
    const n = values.length;
    const at = layout(n);
    if (at === null) return null;
    f64(at.values, n).set(values);
    return { at, order: exports.sortOrder(at.values, n, at.order, at.spare, at.low, at.high, at.count) };
  };
  return {
    sortOrder(values) {
      const sorted = sortInto(values);
      return sorted && new Uint32Array(exports.memory.buffer, sorted.order, values.length).slice();
    },
    averageRanks(values) {
      const sorted = sortInto(values);
      if (sorted === null) return null;
      exports.averageRanks(sorted.at.values, values.length, sorted.order, sorted.at.ranks);
      return f64(sorted.at.ranks, values.length).slice();
    },
    pearson(a, b) {
      const n = a.length;
      const at = layout(n);
      if (at === null) return null;
      f64(at.values, n).set(a);
      f64(at.second, n).set(b);
      return exports.pearson(at.values, at.second, n);
    },
    crisisAndPeaks(values, crisis, peak) {
      const n = values.length;
      const at = layout(n);
      if (at === null) return null;
      f64(at.values, n).set(values);
      const peaks = f64(at.second, n);
      peaks.set(peak);
      const inCrisis = exports.crisisAndPeaks(at.values, n, crisis, at.second);
      peak.set(peaks);
      return inCrisis;
    },
    runUniforms(seed, runs, inputs, out) {
      const chunk = Math.min(runs, UNIFORM_CHUNK);
      // The layout of `inputs` values per run of a chunk: its first array holds them all.
      const at = layout(chunk * inputs + 2);
      if (at === null) return false;
      for (let first = 0; first < runs; first += chunk) {
        const count = Math.min(chunk, runs - first);
        exports.runUniforms(seed | 0, first, count, inputs, at.second, at.values);
        const drawn = f64(at.values, count * inputs);
        for (let k = 0; k < inputs; k++) out.set(drawn.subarray(k * count, (k + 1) * count), k * runs + first);
      }
      return true;
    }
  };
}

let kernel: StatsKernel | null | undefined;

/** This thread's stats kernel, or null where there is no WebAssembly. */
export function statsKernel(): StatsKernel | null {
  if (kernel !== undefined) return kernel;
  const exports = instantiateKernel();
  // Not kept while null: the module may still be compiling in the background.
  if (exports === null) return null;
  return (kernel = createStatsKernel(exports));
}
