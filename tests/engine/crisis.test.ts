// P(crisis) by month and ever, as the Monte Carlo panel shows them: a run is in crisis in
// month t when T(t) ≥ the crisis threshold, and has ever been when its peak is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/model/compile';
import { MonteCarlo, summariseTension } from '../../src/engine/model/montecarlo';
import { QUANTILE_LEVELS, quantilesOf } from '../../src/engine/model/stats';
import { arbitraryDocument, makeDocument } from '../support/documents';

const run = (doc: ReturnType<typeof makeDocument>, runs: number) => {
  const mc = new MonteCarlo(compileScenario(doc, 0), { runs, seed: doc.simulation.seed });
  mc.advance();
  return mc;
};

describe('P(crisis)', () => {
  it('counts a path that rises into crisis and falls back out as ever in crisis', () => {
    // No noise: every run is T = 50, 90, 70, 60, 55, 52.5 (the event lifts the level to 90,
    // pace 0.5 pulls it back to 50), so P(crisis) is 1 in month 1 only, and P(ever) is 1.
    const doc = makeDocument([{ id: 'a', start: 50, target: 50, pace: 0.5 }], {
      horizonMonths: 5,
      events: [{ id: 'flare', label: { en: 'Flare', ar: '' }, month: 1, factor: 'a', shift: 40, probability: 1 }]
    });
    const s = run(doc, 20).summary();
    expect(Array.from(s.pCrisisByMonth)).toEqual([0, 1, 0, 0, 0, 0]);
    expect(s.pCrisisEver).toBe(1);
    expect(s.quantiles[50][1]).toBeCloseTo(90, 12);
    expect(s.quantiles[50][5]).toBeCloseTo(52.5, 12);
  });

  it('counts a value exactly on the threshold as crisis, by month and ever', () => {
    // T = 100 · 1 · 0.75 / 1 = 75 exactly, every month.
    const doc = makeDocument([{ id: 'a', start: 75, target: 75, pace: 0.3 }], { horizonMonths: 3 });
    const s = run(doc, 10).summary();
    expect(s.quantiles[50][3]).toBe(75);
    expect(Array.from(s.pCrisisByMonth)).toEqual([1, 1, 1, 1]);
    expect(s.pCrisisEver).toBe(1);
    // Just below it, never.
    const below = run(makeDocument([{ id: 'a', start: 74.5, target: 74.5 }], { horizonMonths: 3 }), 10).summary();
    expect(Array.from(below.pCrisisByMonth)).toEqual([0, 0, 0, 0]);
    expect(below.pCrisisEver).toBe(0);
  });

  it('counts runs by their own peak: P(ever) is the share of runs whose highest T reaches the threshold', () => {
    // T(t) of run r at [t·4 + r]: run 0 peaks on the threshold in month 1 and falls, run 1
    // reaches crisis at the horizon, run 2 never does, run 3 starts in crisis and leaves it.
    const tension = Float64Array.from(
      [
        [10, 20, 30, 75],
        [75, 40, 74.9, 74],
        [30, 80, 60, 20]
      ].flat()
    );
    const s = summariseTension(tension, 4, 4, 2, 75);
    expect(Array.from(s.pCrisisByMonth)).toEqual([0.25, 0.25, 0.25]);
    expect(s.pCrisisEver).toBe(0.75);
  });

  it('for random documents: P(ever) is the share of runs whose peak is in crisis, at least each month’s P(crisis)', () => {
    fc.assert(
      fc.property(arbitraryDocument, (doc) => {
        const mc = run(doc, 64);
        const s = mc.summary();
        const tension = mc.tensionOfRuns();
        const crisis = doc.thresholds.crisis;
        const months = doc.horizonMonths + 1;
        let ever = 0;
        for (let r = 0; r < 64; r++) {
          let peak = -Infinity;
          for (let t = 0; t < months; t++) peak = Math.max(peak, tension[t * 64 + r]);
          if (peak >= crisis) ever++;
        }
        expect(s.pCrisisEver).toBe(ever / 64);
        for (let t = 0; t < months; t++) {
          const inCrisis = tension.subarray(t * 64, (t + 1) * 64).filter((v) => v >= crisis).length;
          expect(s.pCrisisByMonth[t]).toBe(inCrisis / 64);
          expect(s.pCrisisEver).toBeGreaterThanOrEqual(s.pCrisisByMonth[t]);
        }
      }),
      { numRuns: 150 }
    );
  });
});

describe('no runs', () => {
  it('has no quantiles: NaN at every level, not ±Infinity', () => {
    expect(quantilesOf(new Float64Array(0), [0, 0.5, 1])).toEqual([NaN, NaN, NaN]);
  });

  it('has no summary: a clear error instead of a P(crisis) of 0/0', () => {
    expect(() => summariseTension(new Float64Array(4), 0, 0, 3, 75)).toThrow(
      new RangeError('a summary needs at least one simulated run')
    );
    const mc = new MonteCarlo(compileScenario(makeDocument([{ id: 'a' }]), 0), { runs: 10, seed: 1 });
    expect(() => mc.summary()).toThrow(new RangeError('summary() needs at least one simulated run'));
    mc.advance(1);
    expect(mc.summary().runs).toBe(1);
    expect(QUANTILE_LEVELS.map((q) => mc.summary().quantiles[q][0])).toEqual([50, 50, 50, 50, 50]);
  });
});
