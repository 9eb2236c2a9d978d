// Iman–Conover (src/engine/model/imanConover.ts) and its parts: the normal quantile behind the
// van der Waerden scores and the Cholesky factor that finds the pair breaking a target.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imanConover } from '../../src/engine';
import { cholesky } from '../../src/engine/model/cholesky';
import { rankOrder } from '../../src/engine/model/imanConover';
import { normalQuantile } from '../../src/engine/model/normalQuantile';
import { spearman } from '../../src/engine/model/stats';
import { StreamBank, triangular } from '../../src/engine/random/streams';

describe('normalQuantile', () => {
  // Python's statistics.NormalDist().inv_cdf (Wichura's AS 241, to double precision).
  it.each([
    [0.5, 0],
    [0.3, -0.5244005127080407],
    [0.1, -1.2815515655446008],
    [0.025, -1.9599639845400538],
    [0.024, -1.9773684281819468],
    [0.02, -2.0537489106318225],
    [0.001, -3.090232306167813],
    [0.975, 1.9599639845400536],
    [0.999, 3.090232306167813],
    [0.9999, 3.7190164854557084]
  ])('Φ⁻¹(%f) = %f to 1e-8', (p, x) => {
    expect(Math.abs(normalQuantile(p) - x)).toBeLessThan(1e-8);
  });

  it('is odd about ½ and increasing', () => {
    for (let p = 0.001; p < 0.5; p += 0.007) expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 9);
    for (let p = 0.001; p < 0.999; p += 0.001) expect(normalQuantile(p + 0.001)).toBeGreaterThan(normalQuantile(p));
  });
});

describe('cholesky', () => {
  it('factors a 6 × 6 positive definite matrix: L·Lᵀ gives it back, L lower triangular', () => {
    // A = B·Bᵀ + I with B filled from a fixed stream: positive definite, every entry non-zero.
    const k = 6;
    const bank = new StreamBank(1);
    bank.seed(0, 42, 0);
    const b = Float64Array.from({ length: k * k }, () => bank.uniform(0) - 0.5);
    const a = new Float64Array(k * k);
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) {
        let s = i === j ? 1 : 0;
        for (let p = 0; p < k; p++) s += b[i * k + p] * b[j * k + p];
        a[i * k + j] = s;
      }
    const result = cholesky(a, k);
    if (!result.ok) throw new Error('not factored');
    const lower = result.lower;
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) {
        if (j > i) expect(lower[i * k + j]).toBe(0);
        let s = 0;
        for (let p = 0; p < k; p++) s += lower[i * k + p] * lower[j * k + p];
        expect(s).toBeCloseTo(a[i * k + j], 12);
      }
  });

  it('factors a positive definite matrix worked by hand', () => {
    const a = Float64Array.of(4, 2, -2, 2, 10, 2, -2, 2, 6);
    expect(cholesky(a, 3)).toEqual({ ok: true, lower: Float64Array.of(2, 0, 0, 1, 3, 0, -1, 1, 2) });
  });

  it('names the entry that breaks a matrix, given the entries before it', () => {
    // Rows 0 and 1 hold; with 0.9 to both, inputs 1 and 2 cannot be at −0.9: pivot 0.19 after
    // entry (0, 2), then 0.19 − (−1.71 / √0.19)² < 0 after (1, 2).
    expect(cholesky(Float64Array.of(1, 0.9, 0.9, 0.9, 1, -0.9, 0.9, -0.9, 1), 3)).toEqual({ ok: false, pair: [1, 2] });
    // Entry (0, 2) alone is impossible, before (1, 2) is read.
    expect(cholesky(Float64Array.of(1, 0, 1.5, 0, 1, 0, 1.5, 0, 1), 3)).toEqual({ ok: false, pair: [0, 2] });
    // A correlation of exactly 1: the pivot is 0, singular.
    expect(cholesky(Float64Array.of(1, 1, 1, 1), 2)).toEqual({ ok: false, pair: [0, 1] });
    // Nearly singular, to rounding: 1 − (1 − 1e-12)² ≈ 2e-12.
    expect(cholesky(Float64Array.of(1, 1 - 1e-12, 1 - 1e-12, 1), 2)).toEqual({ ok: false, pair: [0, 1] });
    // Just not: 1 − 0.99999² ≈ 2e-5.
    expect(cholesky(Float64Array.of(1, 0.99999, 0.99999, 1), 2).ok).toBe(true);
    // The threshold itself, 1e-10, counts as singular: on the diagonal, and as the pivot left
    // after entry (0, 1) (2⁻²⁰ squared is exact, so 1e-10 + 2⁻⁴⁰ − 2⁻⁴⁰ is exactly 1e-10).
    expect(cholesky(Float64Array.of(1e-10), 1)).toEqual({ ok: false, pair: [0, 0] });
    expect(cholesky(Float64Array.of(1, 2 ** -20, 2 ** -20, 1e-10 + 2 ** -40), 2)).toEqual({ ok: false, pair: [0, 1] });
    expect(cholesky(Float64Array.of(1, 2 ** -20, 2 ** -20, 2e-10 + 2 ** -40), 2).ok).toBe(true);
    // A diagonal entry that is not positive (or not a number).
    expect(cholesky(Float64Array.of(1, 0, 0, 0), 2)).toEqual({ ok: false, pair: [1, 1] });
    expect(cholesky(Float64Array.of(NaN), 1)).toEqual({ ok: false, pair: [0, 0] });
  });
});

/** n independent draws of each marginal, column-major. */
const independent = (n: number, marginals: ((u: number) => number)[], seed = 1) => {
  const bank = new StreamBank(1);
  bank.seed(0, seed, 0);
  const out = new Float64Array(n * marginals.length);
  marginals.forEach((inverse, c) => {
    for (let r = 0; r < n; r++) out[c * n + r] = inverse(bank.uniform(0));
  });
  return out;
};
const uniform = (u: number) => 10 + 20 * u;
const skewed = (u: number) => triangular(u, 0, 10, 100);
const exponential = (u: number) => -Math.log(1 - u);
const column = (samples: Float64Array, n: number, c: number) => samples.subarray(c * n, (c + 1) * n);
const sorted = (xs: Float64Array) => Array.from(xs).sort((a, b) => a - b);

const correlated = (samples: Float64Array, n: number, target: number[][]) => {
  const result = imanConover(samples, n, target);
  if (!result.ok) throw new Error(`not positive definite at ${result.pair}`);
  return result.samples;
};

describe('imanConover', () => {
  const n = 1000;

  it.each([
    [
      'two inputs, positive',
      [
        [1, 0.7],
        [0.7, 1]
      ],
      [uniform, skewed]
    ],
    [
      'two inputs, negative',
      [
        [1, -0.6],
        [-0.6, 1]
      ],
      [skewed, exponential]
    ],
    [
      'three inputs, mixed signs',
      [
        [1, 0.5, -0.3],
        [0.5, 1, 0.2],
        [-0.3, 0.2, 1]
      ],
      [uniform, skewed, exponential]
    ]
  ])(
    '%s: each input keeps exactly its values, and every Spearman correlation is within 0.05 of the target',
    (_name, target, marginals) => {
      const k = target.length;
      for (const seed of [1, 2, 3]) {
        const samples = independent(n, marginals, seed);
        const out = correlated(samples, n, target);
        for (let c = 0; c < k; c++) expect(sorted(column(out, n, c))).toEqual(sorted(column(samples, n, c)));
        for (let a = 0; a < k; a++) {
          for (let b = 0; b < a; b++) {
            expect(
              Math.abs(spearman(column(out, n, a), column(out, n, b)) - target[a][b]),
              `seed ${seed}, (${a}, ${b})`
            ).toBeLessThan(0.05);
          }
        }
      }
    }
  );

  it('the identity leaves the inputs uncorrelated, closer than the samples were (the refinement)', () => {
    const target = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1]
    ];
    let before = 0;
    let after = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const samples = independent(n, [uniform, skewed, exponential], seed);
      const out = correlated(samples, n, target);
      for (const [a, b] of [
        [0, 1],
        [0, 2],
        [1, 2]
      ]) {
        const r = spearman(column(out, n, a), column(out, n, b));
        expect(Math.abs(r)).toBeLessThan(0.05);
        after += r * r;
        before += spearman(column(samples, n, a), column(samples, n, b)) ** 2;
      }
    }
    // Independent samples of 1000 runs correlate by ±0.03 or so; decorrelated scores by far less.
    expect(after).toBeLessThan(before / 4);
  });

  it('rank correlations, not Pearson correlations of normal scores: over many seeds the mean lands on the target', () => {
    // Scores given Pearson 0.8 would give Spearman (6/π)·asin(0.4) ≈ 0.786.
    let sum = 0;
    const seeds = 12;
    for (let seed = 1; seed <= seeds; seed++) {
      const out = correlated(independent(n, [uniform, uniform], seed), n, [
        [1, 0.8],
        [0.8, 1]
      ]);
      sum += spearman(column(out, n, 0), column(out, n, 1));
    }
    expect(Math.abs(sum / seeds - 0.8)).toBeLessThan(0.006);
  });

  it('re-orders exactly as a plain matrix computation of the method does', () => {
    // Iman & Conover with plain arrays: scores in each input's rank order, their correlation E,
    // scores·(F⁻¹)ᵀ·Cᵀ with F, C the Cholesky factors of E and of 2·sin(π·r/6), then each input
    // in the ranks of its column.
    const n = 9;
    const target = [
      [1, 0.6, -0.4],
      [0.6, 1, 0.1],
      [-0.4, 0.1, 1]
    ];
    const k = target.length;
    const samples = independent(n, [uniform, skewed, exponential], 7);
    const ranksOf = (xs: number[]) => {
      const order = xs.map((_, r) => r).sort((x, y) => xs[x] - xs[y]);
      const ranks = new Array<number>(xs.length);
      order.forEach((r, rank) => (ranks[r] = rank));
      return ranks;
    };
    const columns = Array.from({ length: k }, (_, c) => Array.from(column(samples, n, c)));
    const vdw = (rank: number) => normalQuantile((rank + 1) / (n + 1));
    const scores = columns.map((xs) => ranksOf(xs).map(vdw));
    const corr = (x: number[], y: number[]) => {
      const mean = (v: number[]) => v.reduce((a, b) => a + b) / v.length;
      const mx = mean(x);
      const my = mean(y);
      const sxy = x.reduce((a, v, i) => a + (v - mx) * (y[i] - my), 0);
      const sxx = x.reduce((a, v) => a + (v - mx) ** 2, 0);
      const syy = y.reduce((a, v) => a + (v - my) ** 2, 0);
      return sxy / Math.sqrt(sxx * syy);
    };
    const chol = (m: number[][]) => {
      const l = m.map(() => new Array<number>(k).fill(0));
      for (let i = 0; i < k; i++) {
        for (let j = 0; j <= i; j++) {
          let s = m[i][j];
          for (let p = 0; p < j; p++) s -= l[i][p] * l[j][p];
          l[i][j] = i === j ? Math.sqrt(s) : s / l[j][j];
        }
      }
      return l;
    };
    const f = chol(scores.map((x) => scores.map((y) => corr(x, y))));
    const c = chol(target.map((row) => row.map((r) => 2 * Math.sin((Math.PI * r) / 6))));
    const z = scores.map(() => new Array<number>(n));
    for (let r = 0; r < n; r++) {
      const y: number[] = [];
      for (let i = 0; i < k; i++) y.push((scores[i][r] - y.reduce((a, v, p) => a + f[i][p] * v, 0)) / f[i][i]);
      for (let i = 0; i < k; i++) z[i][r] = y.reduce((a, v, p) => a + (p <= i ? c[i][p] * v : 0), 0);
    }
    const expected = columns.flatMap((xs, i) => {
      const values = [...xs].sort((a, b) => a - b);
      return ranksOf(z[i]).map((rank) => values[rank]);
    });
    const out = correlated(samples, n, target);
    expect(Array.from(out)).toEqual(expected);
    // Not the input order: the method did move runs.
    expect(out).not.toEqual(samples);
  });

  it('a target that is not positive definite is a problem naming the pair, not a throw', () => {
    const samples = independent(50, [uniform, uniform, uniform]);
    const target = [
      [1, 0.9, 0.9],
      [0.9, 1, -0.9],
      [0.9, -0.9, 1]
    ];
    expect(imanConover(samples, 50, target)).toEqual({ ok: false, pair: [1, 2] });
    expect(
      imanConover(samples.subarray(0, 100), 50, [
        [1, 1],
        [1, 1]
      ])
    ).toEqual({ ok: false, pair: [0, 1] });
    expect(
      imanConover(samples.subarray(0, 100), 50, [
        [1, -1],
        [-1, 1]
      ])
    ).toEqual({ ok: false, pair: [0, 1] });
  });

  it('is a function of the samples: the same samples give the same order, and the input is left as it was', () => {
    const samples = independent(200, [uniform, skewed]);
    const copy = samples.slice();
    const target = [
      [1, 0.4],
      [0.4, 1]
    ];
    expect(correlated(samples, 200, target)).toEqual(correlated(copy, 200, target));
    expect(samples).toEqual(copy);
  });

  it('one input: its values as they were', () => {
    const samples = independent(20, [skewed]);
    expect(correlated(samples, 20, [[1]])).toEqual(samples);
  });

  it('ties and a constant input keep their values', () => {
    const n = 100;
    const samples = new Float64Array(2 * n);
    for (let r = 0; r < n; r++) {
      samples[r] = r % 4;
      samples[n + r] = 7;
    }
    const out = correlated(samples, n, [
      [1, 0.5],
      [0.5, 1]
    ]);
    expect(sorted(column(out, n, 0))).toEqual(sorted(column(samples, n, 0)));
    expect(Array.from(column(out, n, 1))).toEqual(Array(n).fill(7));
  });

  it('two runs: the scores of two inputs are equal or opposite (singular), so the plain method, still the same values', () => {
    // Inputs in the same order (run 0 the higher in both): scores correlate 1, the refinement
    // cannot invert them.
    const samples = Float64Array.of(2, 1, 6, 5);
    const out = correlated(samples, 2, [
      [1, -0.5],
      [-0.5, 1]
    ]);
    expect(sorted(column(out, 2, 0))).toEqual([1, 2]);
    expect(sorted(column(out, 2, 1))).toEqual([5, 6]);
    // The plain method: run r's scores (s, s) become (s, s·(ρ + √(1 − ρ²))) with ρ = 2·sin(−π/12)
    // ≈ −0.52; ρ + √(1 − ρ²) > 0 keeps the second input's order, so the output is the input.
    expect(out).toEqual(samples);
  });

  it('two runs in opposite orders and a strong positive target: the plain method puts them in the same order', () => {
    // Scores (s, −s) and (−s, s); ρ = 2·sin(0.9·π/6) ≈ 0.908, so the second input's new scores
    // ρ·(s, −s) + √(1 − ρ²)·(−s, s) ≈ (0.49·s, −0.49·s): run 0 now holds its higher value.
    const samples = Float64Array.of(2, 1, 5, 6);
    const out = correlated(samples, 2, [
      [1, 0.9],
      [0.9, 1]
    ]);
    expect(Array.from(out)).toEqual([2, 1, 6, 5]);
  });

  it('no runs: nothing to re-order', () => {
    expect(
      correlated(new Float64Array(0), 0, [
        [1, 0.5],
        [0.5, 1]
      ])
    ).toEqual(new Float64Array(0));
  });

  it('refuses a wrong shape as a programming error', () => {
    expect(() => imanConover(new Float64Array(0), -1, [])).toThrow(
      new RangeError('imanConover: 0 samples are not -1 runs of 0 inputs')
    );
    const samples = new Float64Array(6);
    expect(() =>
      imanConover(samples, 4, [
        [1, 0],
        [0, 1]
      ])
    ).toThrow(new RangeError('imanConover: 6 samples are not 4 runs of 2 inputs'));
    // 1.5 runs of 2 inputs would be 3 samples: a count that is not whole is refused on its own.
    expect(() =>
      imanConover(new Float64Array(3), 1.5, [
        [1, 0],
        [0, 1]
      ])
    ).toThrow(new RangeError('imanConover: 3 samples are not 1.5 runs of 2 inputs'));
    expect(() => imanConover(samples, 3, [[1, 0], [0]])).toThrow(
      new RangeError('imanConover: row 1 of the target has 1 entries, not 2')
    );
    expect(() =>
      imanConover(samples, 3, [
        [1, 0],
        [0, 0.5]
      ])
    ).toThrow(new RangeError("imanConover: the target's diagonal entry 1 is 0.5, not 1"));
    expect(() =>
      imanConover(samples, 3, [
        [1, 0.2],
        [0.3, 1]
      ])
    ).toThrow(new RangeError('imanConover: the target is not symmetric at (0, 1)'));
  });
});

describe('rankOrder', () => {
  it('gives the order of a stable sort by a − b: ties, −0 beside 0 and all, in run order', () => {
    const column = fc
      .array(
        fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, -0, 1, -1, 0.5), fc.integer({ min: -2, max: 2 })),
        {
          maxLength: 200
        }
      )
      .map((list) => Float64Array.from(list));
    fc.assert(
      fc.property(column, fc.nat({ max: 5 }), (values, at) => {
        const padded = new Float64Array(at + values.length);
        padded.set(values, at);
        const expected = Array.from(values, (_, r) => r).sort((x, y) => values[x] - values[y]);
        expect(Array.from(rankOrder(padded, at, values.length))).toEqual(expected);
      })
    );
  });
});
