// The model of docs/MODEL.md section 3 against values worked out by hand
// (the worked example of docs/MODEL.md).
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/model/compile';
import { MonteCarlo } from '../../src/engine/model/montecarlo';
import { ZeroWeightsProblem } from '../../src/engine/model/problems';
import { tornado } from '../../src/engine/model/sensitivity';
import { centralPath } from '../../src/engine/model/simulate';
import { makeDocument } from '../support/documents';

const worked = (over: { weightA?: number | { low: number; mode: number; high: number } } = {}) =>
  makeDocument(
    [
      { id: 'a', direction: 1, weight: over.weightA ?? 6, start: 40, target: 70, pace: 0.2 },
      { id: 'b', direction: -1, weight: 4, start: 60, target: 50, pace: 0.1 }
    ],
    {
      horizonMonths: 1,
      interactions: [
        { from: 'b', to: 'a', strength: -0.1 },
        { from: 'a', to: 'b', strength: 0.05 }
      ],
      events: [{ id: 'strike', label: { en: 'Strike', ar: '' }, month: 1, factor: 'a', shift: 10, probability: 0.6 }]
    }
  );

describe('central path (worked example)', () => {
  // Computed in each test rather than when the file loads, so that a mutation run knows which
  // tests reach the model (code run at load counts as reached by every test).
  const path = () => centralPath(compileScenario(worked(), 0));

  it('starts at T(0) = 100 · (6·0.4 + 4·(1 − 0.6)) / 10 = 40', () => {
    expect(path().tension[0]).toBeCloseTo(40, 12);
  });

  it('moves A by pull, a damped negative push and the expected event shift', () => {
    // 0.4 + 0.2·(0.7 − 0.4) + (−0.1·0.6)·0.4 + 0.6·0.10 = 0.496
    expect(path().levels[1 * 2 + 0]).toBeCloseTo(0.496, 12);
    // 0.6 + 0.1·(0.5 − 0.6) + (0.05·0.4)·(1 − 0.6) = 0.598
    expect(path().levels[1 * 2 + 1]).toBeCloseTo(0.598, 12);
  });

  it('gives T(1) = 45.84 with contributions 29.76 + 16.08', () => {
    expect(path().tension[1]).toBeCloseTo(45.84, 10);
    expect(path().contributions[2]).toBeCloseTo(29.76, 10);
    expect(path().contributions[3]).toBeCloseTo(16.08, 10);
  });

  it('clamps a level pushed past 100 to 100 and past 0 to 0', () => {
    const doc = makeDocument(
      [
        { id: 'up', start: 95, target: 100, pace: 0 },
        { id: 'down', start: 5, target: 0, pace: 0 }
      ],
      {
        horizonMonths: 1,
        events: [
          { id: 'jump', label: { en: 'J', ar: '' }, month: 1, factor: 'up', shift: 50, probability: 1 },
          { id: 'drop', label: { en: 'D', ar: '' }, month: 1, factor: 'down', shift: -50, probability: 1 }
        ]
      }
    );
    const p = centralPath(compileScenario(doc, 0));
    expect([p.levels[2], p.levels[3]]).toEqual([1, 0]);
  });

  it('uses scenario weight overrides instead of the factor weight', () => {
    const doc = makeDocument(
      [
        { id: 'a', weight: 1, start: 100 },
        { id: 'b', weight: 1, start: 0 }
      ],
      { weights: { a: 3 } }
    );
    expect(centralPath(compileScenario(doc, 0)).tension[0]).toBeCloseTo(75, 12);
  });

  it('refuses a scenario whose weights sum to zero, naming the place', () => {
    const doc = makeDocument([{ id: 'a', weight: 0 }]);
    expect(() => compileScenario(doc, 0)).toThrow(ZeroWeightsProblem);
    expect(() => compileScenario(doc, 0)).toThrow('scenarios[0].weights: all factor weights are zero');
  });
});

describe('Monte Carlo (worked example)', () => {
  it('gives T(1) = 48.24 when the event fires and 42.24 when it does not, about 60 % of the time', () => {
    const mc = new MonteCarlo(compileScenario(worked(), 0), { runs: 4000, seed: 11 });
    mc.advance();
    const s = mc.summary();
    // Two outcomes only: the quantiles fall on them.
    expect(s.quantiles[5][1]).toBeCloseTo(42.24, 10);
    expect(s.quantiles[95][1]).toBeCloseTo(48.24, 10);
    const fired = s.histogram.counts[9] / s.runs; // 48.24 lies in [45, 50)
    expect(s.histogram.counts[8] + s.histogram.counts[9]).toBe(4000); // 42.24 in [40, 45)
    expect(fired).toBeGreaterThan(0.6 - 4 * Math.sqrt(0.24 / 4000));
    expect(fired).toBeLessThan(0.6 + 4 * Math.sqrt(0.24 / 4000));
  });
});

describe('tornado (worked example)', () => {
  it('moves the event probability to 0 and 1 and each range to its ends', () => {
    const bars = tornado(compileScenario(worked({ weightA: { low: 4, mode: 6, high: 8 } }), 0));
    const byInput = Object.fromEntries(bars.map((b) => [b.input, b]));
    expect(byInput['event:strike'].low).toBeCloseTo(42.24, 10);
    expect(byInput['event:strike'].high).toBeCloseTo(48.24, 10);
    expect(byInput['event:strike'].swing).toBeCloseTo(6, 10);
    // weight of a at 4: 100 · (4·0.496 + 4·0.402) / 8; at 8: 100 · (8·0.496 + 4·0.402) / 12
    expect(byInput['weight:a'].low).toBeCloseTo(44.9, 10);
    expect(byInput['weight:a'].high).toBeCloseTo(557.6 / 12, 10);
    expect(bars.map((b) => b.input)).toEqual(['event:strike', 'weight:a']);
  });

  it('measures peak T when asked', () => {
    const doc = makeDocument([{ id: 'a', start: { low: 60, mode: 80, high: 90 }, target: 0, pace: 0.5 }], {
      horizonMonths: 6
    });
    const [bar] = tornado(compileScenario(doc, 0), 'peak');
    expect(bar.input).toBe('start:base:a');
    expect([bar.low, bar.high]).toEqual([60, 90].map((v) => expect.closeTo(v, 10)));
  });
});
