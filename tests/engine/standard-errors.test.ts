// Monte Carlo standard errors: of P(crisis), √(p(1−p)/n); of each quantile, the half-width of
// its distribution-free 95 % interval over z. Checked against the closed forms for known
// distributions, and against the spread of the estimates over independent seeds.
import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../../src/engine/analysis';
import { compileScenario } from '../../src/engine/model/compile';
import {
  MonteCarlo,
  quantileIntervalLevels,
  standardErrorOfProportion,
  summariseTension
} from '../../src/engine/model/montecarlo';
import { normalQuantile } from '../../src/engine/model/normalQuantile';
import { QUANTILE_LEVELS } from '../../src/engine/model/stats';
import { makeDocument } from '../support/documents';

/** One month (horizon 0) of n values: value(i) for i = 0 … n − 1. */
const oneMonth = (n: number, value: (i: number) => number) => {
  const tension = Float64Array.from({ length: n }, (_, i) => value(i));
  return summariseTension(tension, n, n, 0, 75);
};

const density = (z: number) => Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);

describe('standard errors of the quantiles', () => {
  it('of a uniform spread over 0–100: 100·√(q(1−q)/n)', () => {
    const n = 40_000;
    const s = oneMonth(n, (i) => (100 * (i + 0.5)) / n);
    for (const q of QUANTILE_LEVELS) {
      const p = q / 100;
      expect(s.standardErrors.quantiles[q][0]).toBeCloseTo(100 * Math.sqrt((p * (1 - p)) / n), 3);
      // The quantile itself, beside its interval's ends: v at h = (n − 1)·p.
      expect(s.quantiles[q][0]).toBeCloseTo((100 * ((n - 1) * p + 0.5)) / n, 9);
    }
  });

  it('of a normal spread (mean 50, sd 10): 10·√(q(1−q)/n) / φ(z_q), within 1 %', () => {
    const n = 40_000;
    const s = oneMonth(n, (i) => 50 + 10 * normalQuantile((i + 0.5) / n));
    for (const q of QUANTILE_LEVELS) {
      const p = q / 100;
      const expected = (10 * Math.sqrt((p * (1 - p)) / n)) / density(normalQuantile(p));
      expect(s.standardErrors.quantiles[q][0] / expected).toBeGreaterThan(0.99);
      expect(s.standardErrors.quantiles[q][0] / expected).toBeLessThan(1.01);
    }
  });

  it('is 0 where every run gives the same value, and the interval stays within [0, 1]', () => {
    const s = oneMonth(10, () => 42);
    for (const q of QUANTILE_LEVELS) expect(s.standardErrors.quantiles[q][0]).toBe(0);
    expect(quantileIntervalLevels(0.05, 1)).toEqual([
      0,
      expect.closeTo(0.05 + 1.959963984540054 * Math.sqrt(0.0475), 12)
    ]);
    expect(quantileIntervalLevels(0.95, 1)[1]).toBe(1);
    const [lo, hi] = quantileIntervalLevels(0.5, 400);
    expect(lo).toBeCloseTo(0.5 - 1.959963984540054 * 0.025, 12);
    expect(hi).toBeCloseTo(0.5 + 1.959963984540054 * 0.025, 12);
  });
});

describe('standard errors of P(crisis)', () => {
  it('by month and in any month: √(p(1−p)/n)', () => {
    // Four runs in a cycle over two months: month 0 has 1 in 4 at or above 75, month 1 has 2 in 4;
    // in any month 3 in 4 (the run at 75 in month 0 falls back in month 1).
    const n = 400;
    const tension = new Float64Array(2 * n);
    for (let r = 0; r < n; r++) {
      tension[r] = [75, 10, 10, 10][r % 4];
      tension[n + r] = [10, 80, 90, 10][r % 4];
    }
    const s = summariseTension(tension, n, n, 1, 75);
    expect(Array.from(s.pCrisisByMonth)).toEqual([0.25, 0.5]);
    expect(s.pCrisisEver).toBe(0.75);
    expect(Array.from(s.standardErrors.pCrisisByMonth)).toEqual([
      Math.sqrt((0.25 * 0.75) / n),
      Math.sqrt((0.5 * 0.5) / n)
    ]);
    expect(s.standardErrors.pCrisisEver).toBe(Math.sqrt((0.75 * 0.25) / n));
    expect(standardErrorOfProportion(0, 100)).toBe(0);
    expect(standardErrorOfProportion(1, 100)).toBe(0);
  });
});

describe('standard errors of a real Monte Carlo', () => {
  // Two uncertain factors with monthly noise, 12 months, a crisis line the runs cross about a third of the time.
  const doc = makeDocument(
    [
      { id: 'a', weight: 2, start: 50, target: { low: 30, mode: 60, high: 90 }, pace: 0.2, volatility: 4 },
      { id: 'b', weight: 1, start: { low: 20, mode: 40, high: 70 }, target: 55, pace: 0.1, volatility: 6 }
    ],
    { horizonMonths: 12, thresholds: { elevated: 25, high: 50, crisis: 62 } }
  );
  const model = compileScenario(doc, 0);
  const H = doc.horizonMonths;
  const runs = 800;
  const summaries = Array.from({ length: 40 }, (_, seed) => {
    const mc = new MonteCarlo(model, { runs, seed: 1000 + seed });
    mc.advance();
    return mc.summary();
  });
  const sd = (xs: number[]) => {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    return Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
  };
  const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

  it('matches the spread of the estimates over 40 seeds (median and quartiles at the horizon, P(crisis) ever)', () => {
    // The standard deviation of 40 estimates is itself uncertain by about 11 %: a band of ±35 %.
    for (const q of [25, 50, 75] as const) {
      const observed = sd(summaries.map((s) => s.quantiles[q][H]));
      const reported = meanOf(summaries.map((s) => s.standardErrors.quantiles[q][H]));
      expect(reported / observed, `quantile ${q}`).toBeGreaterThan(0.65);
      expect(reported / observed, `quantile ${q}`).toBeLessThan(1.35);
    }
    const ever = summaries.map((s) => s.pCrisisEver);
    expect(meanOf(ever)).toBeGreaterThan(0.1);
    expect(meanOf(ever)).toBeLessThan(0.9);
    const reported = meanOf(summaries.map((s) => s.standardErrors.pCrisisEver));
    expect(reported / sd(ever)).toBeGreaterThan(0.65);
    expect(reported / sd(ever)).toBeLessThan(1.35);
  });

  it('shrinks as 1/√n: four times the runs, half the error (averaged over 8 seeds)', () => {
    const medianError = (n: number) =>
      meanOf(
        Array.from({ length: 8 }, (_, seed) => {
          const mc = new MonteCarlo(model, { runs: n, seed: 50 + seed });
          mc.advance();
          return mc.summary().standardErrors.quantiles[50][H];
        })
      );
    const ratio = medianError(2000) / medianError(500);
    expect(ratio).toBeGreaterThan(0.42);
    expect(ratio).toBeLessThan(0.58);
  });

  it('reach the analysis (and so mizan run --json) as plain numbers, the same as the summary’s', () => {
    const analysis = analyseDocument({ ...doc, simulation: { runs: 500, seed: 9 } });
    const mc = analysis.scenarios[0].monteCarlo!;
    const direct = new MonteCarlo(model, { runs: 500, seed: 9 });
    direct.advance();
    const summary = direct.summary();
    expect(mc.standardErrors.pCrisisEver).toBe(summary.standardErrors.pCrisisEver);
    expect(mc.standardErrors.pCrisisByMonth).toEqual(Array.from(summary.standardErrors.pCrisisByMonth));
    for (const q of QUANTILE_LEVELS)
      expect(mc.standardErrors.quantiles[String(q) as '50']).toEqual(Array.from(summary.standardErrors.quantiles[q]));
  });
});
