// quantilesOf reads the values it is given and leaves them as they were: the Monte Carlo passes
// it a view of one month of its runs, whose order is the runs' order. So does each of its paths:
// the kernel's radix order, and the buckets (where WebAssembly is missing, or NaN is among them).
import { describe, expect, it } from 'vitest';
import { quantilesInBuckets, quantilesOf } from '../../src/engine/model/stats';

describe.each([
  ['quantilesOf', quantilesOf],
  ['quantilesInBuckets', quantilesInBuckets]
])('%s leaves its input alone', (_, quantiles) => {
  it('on the bucketed path', () => {
    const values = Float64Array.from([70, 10, 55, 30, 90, 20]);
    expect(quantiles(values, [0, 0.5, 1])).toEqual([10, 42.5, 90]);
    expect(Array.from(values)).toEqual([70, 10, 55, 30, 90, 20]);
  });

  it('on the sorting path, for a spread too small to bucket (subnormal)', () => {
    const tiny = Number.MIN_VALUE;
    const values = Float64Array.from([3 * tiny, 0, 2 * tiny, tiny]);
    expect(quantiles(values, [0, 1])).toEqual([0, 3 * tiny]);
    expect(Array.from(values)).toEqual([3 * tiny, 0, 2 * tiny, tiny]);
  });
});
