// Sobol indices (src/engine/model/sobol.ts) against closed forms: Ishigami, a linear model, a
// grouped Ishigami; the design and the estimators against a plain second computation.
import { describe, expect, it } from 'vitest';
import { sobolIndices } from '../../src/engine';
import { StreamBank } from '../../src/engine/random/streams';

const A = 7;
const B = 0.1;
const toAngle = (u: number) => -Math.PI + 2 * Math.PI * u;
/** Ishigami & Homma's function on x_i uniform on [−π, π]. */
const ishigami = (u: Float64Array) => {
  const x1 = toAngle(u[0]);
  const x3 = toAngle(u[2]);
  return Math.sin(x1) + A * Math.sin(toAngle(u[1])) ** 2 + B * x3 ** 4 * Math.sin(x1);
};

/** Its partial variances, worked by hand (Saltelli et al. 2008, §2.7.1). */
const ishigamiExact = () => {
  const v1 = 0.5 * (1 + (B * Math.PI ** 4) / 5) ** 2;
  const v2 = A ** 2 / 8;
  const v13 = B ** 2 * Math.PI ** 8 * (1 / 18 - 1 / 50);
  const v = v1 + v2 + v13;
  return { v, first: [v1 / v, v2 / v, 0], total: [(v1 + v13) / v, v2 / v, v13 / v] };
};

const within = (actual: number[], expected: number[], tolerance: number) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) =>
    expect(Math.abs(value - expected[i]), `index ${i}: ${value} against ${expected[i]}`).toBeLessThan(tolerance)
  );
};

describe('sobolIndices on closed forms', () => {
  it('the closed form of Ishigami is the one issue 12 quotes', () => {
    const exact = ishigamiExact();
    within(exact.first, [0.3139, 0.4424, 0], 5e-5);
    within(exact.total, [0.5576, 0.4424, 0.2437], 5e-5);
  });

  it('Ishigami (a = 7, b = 0.1): every index within 0.02 at 16 384 samples, every 95 % interval holding the true value', () => {
    const exact = ishigamiExact();
    const result = sobolIndices(ishigami, 3, { samples: 16_384, seed: 1 });
    within(result.first, exact.first, 0.02);
    within(result.total, exact.total, 0.02);
    // V over A and B: the sample variance of f, close to the closed form's.
    expect(result.variance / exact.v).toBeGreaterThan(0.97);
    expect(result.variance / exact.v).toBeLessThan(1.03);
    result.firstInterval.forEach(([lo, hi], i) => {
      expect(lo).toBeLessThanOrEqual(exact.first[i]);
      expect(hi).toBeGreaterThanOrEqual(exact.first[i]);
    });
    result.totalInterval.forEach(([lo, hi], i) => {
      expect(lo).toBeLessThanOrEqual(exact.total[i]);
      expect(hi).toBeGreaterThanOrEqual(exact.total[i]);
    });
  });

  it('the intervals shrink about as 1/√N: four times the samples, about half the width', () => {
    const small = sobolIndices(ishigami, 3, { samples: 2048, seed: 3, bootstrap: 200 });
    const large = sobolIndices(ishigami, 3, { samples: 8192, seed: 3, bootstrap: 200 });
    const widths = (r: typeof small) => [...r.firstInterval, ...r.totalInterval].map(([lo, hi]) => hi - lo);
    const before = widths(small);
    widths(large).forEach((w, i) => {
      expect(w).toBeGreaterThan(0);
      expect(w / before[i]).toBeGreaterThan(0.3);
      expect(w / before[i]).toBeLessThan(0.7);
    });
  });

  it('a model linear in its inputs: S_i = ST_i = w_i² Var(g_i) / Σ w_j² Var(g_j), and 0 for a weight of 0', () => {
    // g = u, u², √u on uniform u: variances 1/12, 1/5 − 1/9 = 4/45, 1/2 − 4/9 = 1/18.
    const weights = [3, -2, 5, 0];
    const variances = [1 / 12, 4 / 45, 1 / 18, 1 / 12];
    const f = (u: Float64Array) =>
      weights[0] * u[0] + weights[1] * u[1] ** 2 + weights[2] * Math.sqrt(u[2]) + weights[3] * u[3];
    const parts = weights.map((w, i) => w * w * variances[i]);
    const sum = parts.reduce((a, b) => a + b);
    const expected = parts.map((p) => p / sum);
    const result = sobolIndices(f, 4, { samples: 8192, seed: 2, bootstrap: 50 });
    within(result.first, expected, 0.02);
    within(result.total, expected, 0.02);
    // The input that f ignores: f(A_B^(3)) = f(A) row for row, so both estimates are exactly 0.
    expect(result.first[3]).toBe(0);
    expect(result.total[3]).toBe(0);
    expect(result.firstInterval[3]).toEqual([0, 0]);
    expect(result.variance / sum).toBeGreaterThan(0.97);
    expect(result.variance / sum).toBeLessThan(1.03);
  });

  it('groups: Ishigami with x1 and x3 together has S = ST = 1 − S2 (V1 + V13 over V) and x2 alone S2', () => {
    // Var E[f | x1, x3] = V1 + V3 + V13 = V − V2 (V3 = 0), and no interaction crosses the groups,
    // so each group's total equals its first order.
    const exact = ishigamiExact();
    const grouped = [1 - exact.first[1], exact.first[1]];
    const result = sobolIndices(ishigami, 3, { samples: 16_384, seed: 4, bootstrap: 100, groups: [[0, 2], [1]] });
    within(result.first, grouped, 0.02);
    within(result.total, grouped, 0.02);
    // Named in another order, the same groups give the same indices, in that order.
    const swapped = sobolIndices(ishigami, 3, { samples: 16_384, seed: 4, bootstrap: 100, groups: [[1], [2, 0]] });
    expect(swapped.first).toEqual([result.first[1], result.first[0]]);
    expect(swapped.total).toEqual([result.total[1], result.total[0]]);
  });
});

describe('sobolIndices: the design and the estimators', () => {
  /** Every point f is called with, copied. */
  const record = (values: (u: Float64Array) => number) => {
    const points: number[][] = [];
    const f = (u: Float64Array) => {
      points.push(Array.from(u));
      return values(u);
    };
    return { f, points };
  };

  it('row j of A and B are the first 2d uniforms of stream (seed, j); A_B^(i) is A with group i from B; f runs N·(k + 2) times', () => {
    const { f, points } = record((u) => u[0]);
    sobolIndices(f, 3, { samples: 3, seed: 9, bootstrap: 1, groups: [[0, 2], [1]] });
    expect(points).toHaveLength(3 * 4);
    const bank = new StreamBank(1);
    for (let j = 0; j < 3; j++) {
      bank.seed(0, 9, j);
      const a = [bank.uniform(0), bank.uniform(0), bank.uniform(0)];
      const b = [bank.uniform(0), bank.uniform(0), bank.uniform(0)];
      expect(points.slice(4 * j, 4 * j + 4)).toEqual([a, b, [b[0], a[1], b[2]], [a[0], b[1], a[2]]]);
    }
  });

  it('one group per dimension by default', () => {
    const { f, points } = record((u) => u[0]);
    const result = sobolIndices(f, 2, { samples: 2, seed: 1, bootstrap: 1 });
    expect(points).toHaveLength(2 * 4);
    const [a, b, ab0, ab1] = points;
    expect(ab0).toEqual([b[0], a[1]]);
    expect(ab1).toEqual([a[0], b[1]]);
    expect(result.first).toHaveLength(2);
  });

  it('the estimates are the formulas of the comment, and the intervals the 2.5 and 97.5 % points of the resampled estimates', () => {
    // Group 0 explains nearly all, group 1 little: a draw of one in the place of the other would show.
    const f = (u: Float64Array) => 40 + 10 * u[0] + 2 * u[1] * u[2] + u[0] * u[2];
    const n = 64;
    const k = 2;
    const groups = [[0], [1, 2]];
    const seed = 5;
    const bootstrap = 40;
    const { f: recorded, points } = record(f);
    const result = sobolIndices(recorded, 3, { samples: n, seed, bootstrap, groups });
    const values = points.map((p) => f(Float64Array.from(p)));
    const fA = (j: number) => values[j * (k + 2)];
    const fB = (j: number) => values[j * (k + 2) + 1];
    const fAB = (j: number, i: number) => values[j * (k + 2) + 2 + i];

    // A plain second computation over a list of rows.
    const centre = values.filter((_, c) => c % (k + 2) < 2).reduce((a, b) => a + b) / (2 * n);
    const plain = (rows: number[]) => {
      const both = rows.flatMap((j) => [fA(j), fB(j)]);
      const mean = both.reduce((a, b) => a + b) / both.length;
      const variance = both.reduce((a, v) => a + (v - mean) ** 2, 0) / both.length;
      const first = groups.map(
        (_, i) => rows.reduce((a, j) => a + (fB(j) - centre) * (fAB(j, i) - fA(j)), 0) / rows.length / variance
      );
      const total = groups.map(
        (_, i) => rows.reduce((a, j) => a + (fA(j) - fAB(j, i)) ** 2, 0) / (2 * rows.length) / variance
      );
      return { variance, first, total };
    };
    const all = plain(Array.from({ length: n }, (_, j) => j));
    expect(result.variance).toBeCloseTo(all.variance, 10);
    result.first.forEach((s, i) => expect(s).toBeCloseTo(all.first[i], 10));
    result.total.forEach((s, i) => expect(s).toBeCloseTo(all.total[i], 10));

    // The resamples: rows drawn with replacement from stream (seed, −1).
    const bank = new StreamBank(1);
    bank.seed(0, seed, -1);
    const draws = Array.from({ length: bootstrap }, () =>
      plain(Array.from({ length: n }, () => Math.floor(bank.uniform(0) * n)))
    );
    const percentile = (xs: number[], p: number) => {
      const s = [...xs].sort((a, b) => a - b);
      const h = (s.length - 1) * p;
      const lo = Math.floor(h);
      return s[lo] + (h - lo) * (s[lo + 1] - s[lo]);
    };
    groups.forEach((_, i) => {
      const firsts = draws.map((d) => d.first[i]);
      const totals = draws.map((d) => d.total[i]);
      expect(result.firstInterval[i][0]).toBeCloseTo(percentile(firsts, 0.025), 10);
      expect(result.firstInterval[i][1]).toBeCloseTo(percentile(firsts, 0.975), 10);
      expect(result.totalInterval[i][0]).toBeCloseTo(percentile(totals, 0.025), 10);
      expect(result.totalInterval[i][1]).toBeCloseTo(percentile(totals, 0.975), 10);
    });
  });

  it('one resample: the interval is that resample estimate at both ends', () => {
    const result = sobolIndices((u) => u[0] + u[1] * u[1], 2, { samples: 50, seed: 2, bootstrap: 1 });
    result.firstInterval.forEach(([lo, hi]) => {
      expect(Number.isFinite(lo)).toBe(true);
      expect(lo).toBe(hi);
    });
    // The resample differs from the sample itself.
    expect(result.firstInterval[0][0]).not.toBe(result.first[0]);
  });

  it('the same seed gives the same result; another seed another; a smaller N is the prefix of a larger design', () => {
    const once = sobolIndices(ishigami, 3, { samples: 256, seed: 11, bootstrap: 20 });
    expect(sobolIndices(ishigami, 3, { samples: 256, seed: 11, bootstrap: 20 })).toEqual(once);
    expect(sobolIndices(ishigami, 3, { samples: 256, seed: 12, bootstrap: 20 }).first).not.toEqual(once.first);
    const small = record(ishigami);
    const large = record(ishigami);
    sobolIndices(small.f, 3, { samples: 5, seed: 11, bootstrap: 1 });
    sobolIndices(large.f, 3, { samples: 9, seed: 11, bootstrap: 1 });
    expect(large.points.slice(0, small.points.length)).toEqual(small.points);
  });

  it('one dimension explains everything: S = ST = 1 up to sampling', () => {
    const result = sobolIndices((u) => Math.exp(u[0]), 1, { samples: 16_384, seed: 8, bootstrap: 20 });
    within(result.first, [1], 0.03);
    within(result.total, [1], 0.03);
  });

  it('f that does not vary: variance 0 and every index NaN, not a number that looks like an answer', () => {
    const result = sobolIndices(() => 42, 2, { samples: 16, seed: 1, bootstrap: 5 });
    expect(result.variance).toBe(0);
    expect(result.first.every(Number.isNaN)).toBe(true);
    expect(result.total.every(Number.isNaN)).toBe(true);
    expect(result.firstInterval.flat().every(Number.isNaN)).toBe(true);
  });

  it('an output near 50 with a small spread: the centred estimator stays accurate', () => {
    // Without centring, mean(f(B)·(f(A_B) − f(A))) carries 50 × the noise of mean(f(A_B) − f(A)).
    const f = (u: Float64Array) => 50 + 0.1 * u[0] + 0.1 * u[1];
    const result = sobolIndices(f, 2, { samples: 4096, seed: 6, bootstrap: 50 });
    within(result.first, [0.5, 0.5], 0.03);
  });
});

describe('sobolIndices refuses what it cannot do, naming it', () => {
  const f = (u: Float64Array) => u[0];
  it.each([
    [{ dimensions: 0, samples: 10 }, 'dimensions must be a whole number ≥ 1, not 0'],
    [{ dimensions: 1.5, samples: 10 }, 'dimensions must be a whole number ≥ 1, not 1.5'],
    [{ dimensions: 2, samples: 1 }, 'samples must be a whole number ≥ 2, not 1'],
    [{ dimensions: 2, samples: 2.5 }, 'samples must be a whole number ≥ 2, not 2.5'],
    [{ dimensions: 2, samples: 10, bootstrap: 0 }, 'bootstrap must be a whole number ≥ 1, not 0'],
    [{ dimensions: 2, samples: 10, groups: [[0], []] }, 'group 1 is empty'],
    [{ dimensions: 2, samples: 10, groups: [[0, 2]] }, 'group 0 names dimension 2, not one of 0 … 1'],
    [{ dimensions: 2, samples: 10, groups: [[-1, 0, 1]] }, 'group 0 names dimension -1, not one of 0 … 1'],
    [{ dimensions: 2, samples: 10, groups: [[0.5, 0, 1]] }, 'group 0 names dimension 0.5, not one of 0 … 1'],
    [{ dimensions: 2, samples: 10, groups: [[0, 1], [1]] }, 'dimension 1 is in groups 0 and 1'],
    [{ dimensions: 2, samples: 10, groups: [[0], [0, 1]] }, 'dimension 0 is in groups 0 and 1'],
    [{ dimensions: 3, samples: 10, groups: [[0], [2]] }, 'dimension 1 is in no group'],
    [{ dimensions: 2, samples: 10, groups: [[1]] }, 'dimension 0 is in no group']
  ])('%o', ({ dimensions, ...options }, message) => {
    expect(() => sobolIndices(f, dimensions, { seed: 1, ...options })).toThrow(
      new RangeError(`sobolIndices: ${message}`)
    );
  });
});
