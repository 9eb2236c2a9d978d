// The random streams and distributions behind the Monte Carlo.
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { fillNormals, standardNormal } from '../../src/engine/random/normal';
import { StreamBank, streamState, triangular } from '../../src/engine/random/streams';

const moments = (xs: Float64Array) => {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (const x of xs) {
    const d = x - mean;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
  }
  m2 /= n;
  return { mean, variance: m2, skewness: m3 / n / m2 ** 1.5, kurtosis: m4 / n / (m2 * m2) };
};

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 via erf; |error| < 1.5e-7). */
const normalCdf = (x: number) => {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
};

const draw = (count: number, seed = 1) => {
  const bank = new StreamBank(1);
  bank.seed(0, seed, 0);
  return Float64Array.from({ length: count }, () => standardNormal(bank, 0));
};

describe('streams', () => {
  it('are pure-rand xoroshiro128+ draw for draw', () => {
    const bank = new StreamBank(3);
    bank.seed(2, 20241011, 41);
    const reference = xoroshiro128plusFromState(streamState(20241011, 41));
    for (let k = 0; k < 1000; k++) expect(bank.nextInt(2)).toBe(reference.next());
  });

  it('give different runs and different seeds different streams', () => {
    const first = (seed: number, run: number) => {
      const bank = new StreamBank(1);
      bank.seed(0, seed, run);
      return Array.from({ length: 4 }, () => bank.nextInt(0));
    };
    const seen = new Set<string>();
    for (let seed = 0; seed < 20; seed++) for (let run = 0; run < 50; run++) seen.add(first(seed, run).join());
    expect(seen.size).toBe(1000);
  });

  it('give uniforms strictly inside (0, 1) with mean 1/2 and variance 1/12', () => {
    const bank = new StreamBank(1);
    bank.seed(0, 5, 0);
    const xs = Float64Array.from({ length: 200_000 }, () => bank.uniform(0));
    expect(xs.reduce((a, b) => Math.min(a, b))).toBeGreaterThan(0);
    expect(xs.reduce((a, b) => Math.max(a, b))).toBeLessThan(1);
    const m = moments(xs);
    expect(m.mean).toBeCloseTo(0.5, 2);
    expect(m.variance).toBeCloseTo(1 / 12, 3);
  });
});

describe('normal variates (ziggurat)', () => {
  // Drawn on first use rather than when the file loads (see chunks.test.ts).
  let drawn: Float64Array | undefined;
  const normals = () => (drawn ??= draw(400_000));

  it('have mean 0, variance 1, skewness 0 and kurtosis 3', () => {
    const m = moments(normals());
    // Standard errors at n = 400 000: mean 0.0016, variance 0.0022, skewness 0.0039, kurtosis 0.0077.
    expect(Math.abs(m.mean)).toBeLessThan(0.007);
    expect(Math.abs(m.variance - 1)).toBeLessThan(0.01);
    expect(Math.abs(m.skewness)).toBeLessThan(0.02);
    expect(Math.abs(m.kurtosis - 3)).toBeLessThan(0.04);
  });

  it('pass a Kolmogorov–Smirnov test against N(0, 1), tails included', () => {
    const sorted = normals().slice().sort();
    let d = 0;
    sorted.forEach((x, i) => {
      const f = normalCdf(x);
      d = Math.max(d, Math.abs(f - i / sorted.length), Math.abs(f - (i + 1) / sorted.length));
    });
    expect(d).toBeLessThan(1.63 / Math.sqrt(sorted.length)); // 1 % level
    const beyond = (c: number) => sorted.filter((x) => Math.abs(x) > c).length / sorted.length;
    expect(beyond(3.442619855899)).toBeCloseTo(2 * (1 - normalCdf(3.442619855899)), 3); // the tail path
    expect(beyond(2)).toBeCloseTo(0.0455, 2);
  });

  it('fillNormals gives exactly the numbers of standardNormal', () => {
    const out = new Float64Array(3 * 5000);
    const bank = new StreamBank(2);
    bank.seed(1, 1, 0);
    fillNormals(bank, 1, out, 2, 3, 5000);
    const expected = draw(5000);
    for (let k = 0; k < 5000; k++) expect(out[2 + 3 * k]).toBe(expected[k]);
    expect(bank.nextInt(1)).toBe(
      (() => {
        const b = new StreamBank(1);
        b.seed(0, 1, 0);
        for (let k = 0; k < 5000; k++) standardNormal(b, 0);
        return b.nextInt(0);
      })()
    );
  });
});

describe('triangular distribution', () => {
  it('has mean (a+b+c)/3 and variance (a²+b²+c²−ab−ac−bc)/18', () => {
    const bank = new StreamBank(1);
    bank.seed(0, 9, 0);
    const [a, c, b] = [2, 7, 8];
    const xs = Float64Array.from({ length: 200_000 }, () => triangular(bank.uniform(0), a, c, b));
    const m = moments(xs);
    expect(m.mean).toBeCloseTo((a + b + c) / 3, 2);
    expect(m.variance).toBeCloseTo((a * a + b * b + c * c - a * b - a * c - b * c) / 18, 2);
    expect(xs.reduce((a, b) => Math.min(a, b))).toBeGreaterThanOrEqual(a);
    expect(xs.reduce((a, b) => Math.max(a, b))).toBeLessThanOrEqual(b);
  });

  it('inverts the CDF at its ends and mode, and collapses a zero-width range to its mode', () => {
    expect(triangular(0, 2, 7, 8)).toBe(2);
    expect(triangular(1, 2, 7, 8)).toBe(8);
    expect(triangular(5 / 6, 2, 7, 8)).toBeCloseTo(7, 12); // F(mode) = (c−a)/(b−a)
    expect(triangular(0.3, 5, 5, 5)).toBe(5);
  });
});
