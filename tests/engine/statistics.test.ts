// Monte Carlo statistics against known distributions, and the statistics helpers
// against values computed by numpy and scipy.
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/model/compile';
import { MonteCarlo } from '../../src/engine/model/montecarlo';
import fc from 'fast-check';
import { quantileSorted } from 'd3-array';
import { averageRanks, histogram100, quantilesOf, sortOrder, spearman } from '../../src/engine/model/stats';

/** numpy's default quantile ("linear", type 7), as d3-array implements it. */
const quantileOfSorted = (sorted: ArrayLike<number>, p: number) => quantileSorted(sorted as number[], p) as number;
import { triangular } from '../../src/engine/random/streams';
import { makeDocument, type FactorSpec } from '../support/documents';

const simulate = (factors: FactorSpec[], horizon: number, runs: number, seed = 1) => {
  const mc = new MonteCarlo(compileScenario(makeDocument(factors, { horizonMonths: horizon }), 0), { runs, seed });
  mc.advance();
  return mc;
};

/** Φ⁻¹ at the reported levels. */
const Z = { 5: -1.6448536269514729, 25: -0.6744897501960817, 50: 0, 75: 0.6744897501960817, 95: 1.6448536269514729 };

describe('Monte Carlo against known distributions', () => {
  it('noise alone gives T(H) ~ N(50, v²·H): quantiles and P(T ≥ crisis) match', () => {
    const runs = 20_000;
    const s = simulate([{ id: 'a', start: 50, target: 50, pace: 0, volatility: 2 }], 9, runs).summary();
    const sd = 2 * Math.sqrt(9);
    for (const q of [5, 25, 50, 75, 95] as const) {
      // Standard error of a sample quantile: sqrt(p(1−p)/n) / φ(z) · sd, about 0.07 here.
      expect(Math.abs(s.quantiles[q][9] - (50 + Z[q] * sd))).toBeLessThan(0.3);
    }
    // P(N(50, 36) ≥ 75) is 1.5e-5: almost never.
    expect(s.pCrisisEver).toBeLessThan(0.002);
    expect(s.histogram.counts.reduce((a, b) => a + b, 0)).toBe(runs);
  });

  it('pace and noise give the AR(1) variance σ²(1 − (1−k)^2H) / (1 − (1−k)²) around the target', () => {
    const k = 0.3;
    const sigma = 3;
    const H = 24;
    const s = simulate([{ id: 'a', start: 40, target: 60, pace: k, volatility: sigma }], H, 20_000).summary();
    const sd = sigma * Math.sqrt((1 - (1 - k) ** (2 * H)) / (1 - (1 - k) ** 2));
    const mean = 60 + (40 - 60) * (1 - k) ** H;
    expect(Math.abs(s.quantiles[50][H] - mean)).toBeLessThan(0.15);
    expect(Math.abs(s.quantiles[75][H] - s.quantiles[25][H] - 2 * Z[75] * sd)).toBeLessThan(0.25);
  });

  it('a triangular start with no noise reproduces the triangular quantiles, with Spearman 1', () => {
    const mc = simulate([{ id: 'a', start: { low: 20, mode: 50, high: 60 }, pace: 0 }], 3, 20_000);
    const s = mc.summary();
    for (const q of [5, 50, 95] as const) expect(s.quantiles[q][3]).toBeCloseTo(triangular(q / 100, 20, 50, 60), 0);
    expect(mc.importance()).toEqual([{ input: 'start:base:a', spearman: expect.closeTo(1, 12) }]);
  });

  it('ranks the input that drives T(H) far above one that does not, and leaves out inputs that never vary', () => {
    const mc = simulate(
      [
        { id: 'driver', weight: 5, start: { low: 0, mode: 50, high: 100 }, pace: 0 },
        { id: 'idle', weight: 5, target: { low: 10, mode: 20, high: 90 }, pace: 0 },
        { id: 'fixed', weight: 1, start: { low: 30, mode: 30, high: 30 } }
      ],
      6,
      5000
    );
    const [first, second, ...rest] = mc.importance();
    expect(first.input).toBe('start:base:driver');
    expect(first.spearman).toBeGreaterThan(0.95);
    expect(second.input).toBe('target:base:idle');
    expect(Math.abs(second.spearman)).toBeLessThan(0.06);
    expect(rest).toEqual([]);
  });

  it('counts P(T ≥ crisis) by month and ever consistently', () => {
    const s = simulate([{ id: 'a', start: 70, target: 70, pace: 0, volatility: 4 }], 12, 3000).summary();
    const byMonth = Array.from(s.pCrisisByMonth);
    expect(byMonth[0]).toBe(0);
    expect(s.pCrisisEver).toBeGreaterThanOrEqual(Math.max(...byMonth));
    expect(s.pCrisisEver).toBeLessThanOrEqual(byMonth.reduce((a, b) => a + b, 0));
    // Month 12: T ~ N(70, 4²·12), P(T ≥ 75) = 1 − Φ(5 / 13.86) = 0.359.
    expect(byMonth[12]).toBeCloseTo(0.359, 1);
  });
});

describe('statistics helpers', () => {
  it('the d3-array reference interpolates quantiles as numpy does by default', () => {
    expect(quantileOfSorted([1, 2, 3, 4], 0.25)).toBe(1.75); // numpy.percentile([1,2,3,4], 25)
    expect(quantileOfSorted([1, 2, 3, 4, 10], 0.95)).toBeCloseTo(8.8, 12);
    expect(quantileOfSorted(new Float64Array([3]), 0.05)).toBe(3);
  });

  it('quantilesOf gives, bit for bit, what sorting and interpolating gives', () => {
    const values = fc.oneof(
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 3000 }),
      fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 500 }), // many ties
      fc.array(fc.constant(42), { minLength: 1, maxLength: 10 }),
      fc.array(fc.double({ min: 0, max: 1e-300, noNaN: true }), { minLength: 1, maxLength: 50 }) // subnormal spreads
    );
    const levels = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(values, levels, (xs, ps) => {
        const data = Float64Array.from(xs);
        const sorted = data.slice().sort();
        expect(quantilesOf(data, ps)).toEqual(ps.map((p) => quantileOfSorted(sorted, p)));
      }),
      { numRuns: 300 }
    );
  });

  it('give ties the average of their ranks, as scipy.stats.rankdata', () => {
    expect(Array.from(averageRanks(new Float64Array([10, 20, 20, 30, 20])))).toEqual([1, 3, 3, 5, 3]);
    expect(Array.from(averageRanks(new Float64Array([1, 0, 1, 1, 0])))).toEqual([4, 1.5, 4, 4, 1.5]);
    // Negative numbers, zeros of both signs (equal), infinities.
    expect(Array.from(averageRanks(new Float64Array([-0, 3, -Infinity, 0, -2.5, Infinity, -1e-300])))).toEqual([
      4.5, 6, 1, 4.5, 2, 7, 3
    ]);
    expect(Array.from(averageRanks(new Float64Array([])))).toEqual([]);
    expect(Array.from(averageRanks(new Float64Array([7])))).toEqual([1]);
  });

  it('rank by a radix sort exactly as a plain sort with comparisons does, on any numbers and on views', () => {
    /** The plain way: indices sorted by value (stable), then each run of equal values its average rank. */
    const plainRanks = (values: Float64Array) => {
      const order = Array.from(values, (_, i) => i).sort((a, b) => values[a] - values[b]);
      const ranks = new Float64Array(values.length);
      for (let first = 0; first < order.length;) {
        let last = first;
        while (last + 1 < order.length && values[order[last + 1]] === values[order[first]]) last++;
        for (let k = first; k <= last; k++) ranks[order[k]] = (first + last) / 2 + 1;
        first = last + 1;
      }
      return ranks;
    };
    const number = fc.oneof(
      fc.double({ noNaN: true }),
      fc.constantFrom(0, -0, 1, -1, 0.5, 1e-310, -1e-310, Infinity, -Infinity),
      fc.integer({ min: -3, max: 3 })
    );
    fc.assert(
      fc.property(fc.array(number, { maxLength: 300 }), fc.nat(4), (xs, skip) => {
        const all = Float64Array.from([...Array.from({ length: skip }, () => 42), ...xs]);
        const view = all.subarray(skip);
        expect(averageRanks(view)).toEqual(plainRanks(view));
        const order = sortOrder(view);
        for (let k = 1; k < order.length; k++) {
          const [a, b] = [view[order[k - 1]], view[order[k]]];
          expect(a < b || (a === b && order[k - 1] < order[k]) || (Object.is(a, -0) && Object.is(b, 0))).toBe(true);
        }
      }),
      { numRuns: 400 }
    );
  });

  it('compute Spearman correlation as scipy.stats.spearmanr', () => {
    const r = spearman(new Float64Array([1, 2, 3, 4, 5]), new Float64Array([5, 6, 7, 8, 7]));
    expect(r).toBeCloseTo(0.8207826816681233, 14);
    expect(spearman(new Float64Array([1, 2, 3]), new Float64Array([9, 4, 1]))).toBeCloseTo(-1, 14);
    expect(spearman(new Float64Array([1, 1, 1]), new Float64Array([9, 4, 1]))).toBeNaN();
  });

  it('bins T into 20 bins of 5 points, 100 in the last', () => {
    const { edges, counts } = histogram100([0, 4.99, 5, 99.9, 100], 20);
    expect(edges).toEqual(Array.from({ length: 21 }, (_, k) => 5 * k));
    expect(counts[0]).toBe(2);
    expect(counts[1]).toBe(1);
    expect(counts[19]).toBe(2);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(5);
  });
});
