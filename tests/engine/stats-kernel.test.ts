// The ranks in WebAssembly (kernel/stats.ts) against stats.ts's JavaScript: the same order (and so quantiles), the
// same average ranks and the same Pearson r, bit for bit, for values with ties, ±0, infinities,
// NaN and subnormals, and for lengths that make the kernel's memory grow.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  averageRanksInJavaScript,
  pearsonInJavaScript,
  quantilesInBuckets,
  quantilesOf,
  sortOrderInJavaScript
} from '../../src/engine/model/stats';
import { createStatsKernel, statsKernel } from '../../src/engine/model/statsKernel';
import { instantiateKernel } from '../../src/engine/model/wasmModule';
import { StreamBank } from '../../src/engine/random/streams';
import { crisisAndPeaks } from '../../src/engine/model/montecarlo';

const kernel = statsKernel();
const same = (a: ArrayLike<number>, b: ArrayLike<number>): boolean =>
  a.length === b.length && Array.from(a).every((value, k) => Object.is(value, b[k]));

/** Values with many ties, ±0, subnormals and NaN, none so large that max − min overflows (a T is within 0..100 or NaN). */
const finiteOrNaN = fc
  .array(
    fc.oneof(
      fc.double({ min: -1e300, max: 1e300, noNaN: true }),
      fc.constantFrom(0, -0, 1, -1, Number.NaN, 5e-324, -5e-324, 2.5),
      fc.integer({ min: -3, max: 3 })
    ),
    { maxLength: 300 }
  )
  .map((list) => Float64Array.from(list));

/** Values with many ties and every awkward double. */
const values = fc
  .array(
    fc.oneof(
      fc.double(),
      fc.constantFrom(0, -0, 1, -1, Infinity, -Infinity, Number.NaN, 5e-324, -5e-324, 2.5),
      fc.integer({ min: -3, max: 3 })
    ),
    { maxLength: 300 }
  )
  .map((list) => Float64Array.from(list));

describe('the stats kernel', () => {
  it('is compiled here (else the tests below would not run it)', () => {
    expect(kernel).not.toBeNull();
  });

  it('sorts as sortOrder’s JavaScript: the same order, ties in their order', () => {
    fc.assert(
      fc.property(values, (v) => {
        expect(Array.from(kernel!.sortOrder(v)!)).toEqual(Array.from(sortOrderInJavaScript(v)));
      })
    );
  });

  it('gives the JavaScript’s average ranks and Pearson r, bit for bit', () => {
    fc.assert(
      fc.property(values, values, (a, b) => {
        expect(same(kernel!.averageRanks(a)!, averageRanksInJavaScript(a))).toBe(true);
        const n = Math.min(a.length, b.length);
        const [x, y] = [a.subarray(0, n), b.subarray(0, n)];
        expect(Object.is(kernel!.pearson(x, y), pearsonInJavaScript(x, y))).toBe(true);
      })
    );
  });

  it('gives quantilesOf the buckets’ quantiles, bit for bit, for finite values and NaN (what a T can be)', () => {
    const levels = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1, 0.3333];
    fc.assert(
      fc.property(finiteOrNaN, (v) => {
        const found = quantilesOf(v, levels);
        expect(same(found, quantilesInBuckets(v, levels))).toBe(true);
      })
    );
  });

  it('counts the runs in crisis and raises their peaks as the JavaScript does, NaN and all', () => {
    fc.assert(
      // A crisis line that some values sit on exactly, or anywhere.
      fc.property(values, fc.oneof(fc.constantFrom(0, 1, 2, 2.5), fc.double({ min: -10, max: 110 })), (v, crisis) => {
        const peak = v.map((_, r) => (r % 3 === 0 ? 0 : v[(r * 7) % v.length] / 2));
        const kernelPeak = peak.slice();
        expect(kernel!.crisisAndPeaks(v, crisis, kernelPeak)).toBe(crisisAndPeaks(v, crisis, peak));
        expect(same(kernelPeak, peak)).toBe(true);
      })
    );
  });

  it('gives null where its memory cannot grow (the callers then compute in JavaScript)', () => {
    // Injected: the memory refuses to grow, as a 32-bit address space or a full machine would.
    const exports = instantiateKernel()!;
    const refusing = createStatsKernel({
      ...exports,
      memory: {
        get buffer() {
          return exports.memory.buffer;
        },
        grow: () => {
          throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');
        }
      }
    });
    const v = Float64Array.from({ length: 50_000 }, (_, k) => Math.cos(k));
    expect(refusing.sortOrder(v)).toBeNull();
    expect(refusing.averageRanks(v)).toBeNull();
    expect(refusing.pearson(v, v)).toBeNull();
    expect(refusing.crisisAndPeaks(v, 0.5, new Float64Array(v.length))).toBeNull();
    const untouched = new Float64Array(20_000 * 30);
    expect(refusing.runUniforms(1, 20_000, 30, untouched)).toBe(false);
    expect(untouched.every((u) => u === 0)).toBe(true);
  });

  it('draws each run’s first uniforms as its stream does, over chunks of runs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 1, max: 2500 }),
        fc.integer({ min: 0, max: 4 }),
        (seed, runs, inputs) => {
          const expected = new Float64Array(runs * inputs);
          const streams = new StreamBank(1);
          for (let r = 0; r < runs; r++) {
            streams.seed(0, seed, r);
            for (let k = 0; k < inputs; k++) expected[k * runs + r] = streams.uniform(0);
          }
          const drawn = new Float64Array(runs * inputs);
          expect(kernel!.runUniforms(seed, runs, inputs, drawn)).toBe(true);
          expect(same(drawn, expected)).toBe(true);
        }
      ),
      { numRuns: 30 }
    );
  });

  it('gives −0 for values all −0 (the first of them, as the buckets do), not the interpolation’s 0', () => {
    const found = quantilesOf(Float64Array.from([-0, -0, -0]), [0.05, 0.5]);
    expect(found.every((q) => Object.is(q, -0))).toBe(true);
    expect(quantilesInBuckets(Float64Array.from([-0, -0, -0]), [0.05, 0.5]).every((q) => Object.is(q, -0))).toBe(true);
  });

  it('ranks and correlates long lists with many ties as the JavaScript does', () => {
    const ties = Float64Array.from({ length: 120_000 }, (_, k) => (k * 7919) % 13);
    const other = Float64Array.from({ length: 120_000 }, (_, k) => Math.sin(k));
    expect(same(kernel!.averageRanks(ties)!, averageRanksInJavaScript(ties))).toBe(true);
    expect(Object.is(kernel!.pearson(ties, other), pearsonInJavaScript(ties, other))).toBe(true);
  });

  it('keeps giving them after its memory grew for a long list (200 000 values), and for a short one after', () => {
    const long = Float64Array.from({ length: 200_000 }, (_, k) => Math.sin(k) * 1000 + (k % 7));
    expect(Array.from(kernel!.sortOrder(long)!)).toEqual(Array.from(sortOrderInJavaScript(long)));
    expect(same(kernel!.averageRanks(long)!, averageRanksInJavaScript(long))).toBe(true);
    const short = Float64Array.from([3, 1, 2, 1]);
    expect(Array.from(kernel!.averageRanks(short)!)).toEqual([4, 1.5, 3, 1.5]);
  });
});
