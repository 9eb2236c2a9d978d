// The gap between two scenarios (src/engine/gap.ts): the difference of their contributions,
// factor by factor, adds up to the difference of their T in every month.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centralSeries, type CentralSeries } from '../../src/engine/analysis';
import type { MizanDoc, ScenarioDef, ScenarioFactorDef } from '../../src/engine/format/schema';
import { scenarioGap } from '../../src/engine/gap';
import { compileScenario } from '../../src/engine/model/compile';
import { arbitraryDocument, makeDocument } from '../support/documents';
import { referenceCentralTension } from '../support/referenceModel';

const central = (doc: MizanDoc, index: number): CentralSeries => centralSeries(compileScenario(doc, index));

/** A second scenario with its own settings for every factor and, sometimes, its own weights. */
const withSecondScenario = (doc: MizanDoc): fc.Arbitrary<MizanDoc> => {
  const ids = doc.factors.map((f) => f.id);
  const settings = fc.record({
    start: fc.double({ min: 0, max: 100, noNaN: true }),
    target: fc.double({ min: 0, max: 100, noNaN: true }),
    pace: fc.double({ min: 0, max: 1, noNaN: true }),
    volatility: fc.constant(0)
  });
  return fc
    .record({
      factors: fc.tuple(...ids.map(() => settings)),
      weights: fc.option(fc.tuple(...ids.map(() => fc.option(fc.double({ min: 0.1, max: 10, noNaN: true })))))
    })
    .map(({ factors, weights }) => {
      const overrides =
        weights && Object.fromEntries(ids.flatMap((id, i) => (weights[i] === null ? [] : [[id, weights[i]]])));
      const second: ScenarioDef = {
        id: 'other',
        name: { en: 'Other', ar: 'الآخر' },
        color: '#e69f00',
        ...(overrides ? { weights: overrides } : {}),
        factors: Object.fromEntries(ids.map((id, i): [string, ScenarioFactorDef] => [id, factors[i]])),
        events: []
      };
      return { ...doc, scenarios: [...doc.scenarios, second] };
    });
};

describe('scenarioGap', () => {
  it('adds up, factor by factor, to the difference of T in every month (weight overrides too)', () => {
    fc.assert(
      fc.property(arbitraryDocument.chain(withSecondScenario), fc.boolean(), (doc, swap) => {
        const [a, b] = swap ? [1, 0] : [0, 1];
        const gap = scenarioGap(central(doc, a), central(doc, b));
        // T of each scenario from the plain implementation of the spec, not from the engine.
        const ta = referenceCentralTension(doc, a).tension;
        const tb = referenceCentralTension(doc, b).tension;
        expect(gap.tension).toHaveLength(doc.horizonMonths + 1);
        expect(Object.keys(gap.contributions)).toEqual(doc.factors.map((f) => f.id));
        gap.tension.forEach((difference, t) => {
          expect(difference).toBeCloseTo(ta[t] - tb[t], 9);
          let sum = 0;
          for (const series of Object.values(gap.contributions)) sum += series[t];
          expect(Math.abs(sum - difference)).toBeLessThan(1e-9);
        });
      }),
      { numRuns: 200 }
    );
  });

  // Two factors whose levels are held (pace 0) except A's in "hot", which closes half its gap
  // to 90 each month; "hot" gives A the weight 2 instead of 6, so Σw is 6 there and 10 in "base".
  //   base:  C_A = 100·6·0.40/10 = 24,  C_B = 100·4·(1 − 0.60)/10 = 16,  T = 40 every month
  //   hot:   x_A = 0.70, 0.80, 0.85;  C_A = 100·2·x_A/6 = 23.33, 26.67, 28.33
  //          C_B = 100·4·(1 − 0.30)/6 = 46.67;  T = 70, 73.33, 75
  //   hot − base:  A −0.67, 2.67, 4.33;  B 30.67;  T 30, 33.33, 35
  // A rose from 40 to 70 points, yet at month 0 it narrows the gap: its share fell from 60 % to 33 %.
  it('gives the hand-worked gap of two factors, with a weight override', () => {
    const doc = makeDocument(
      [
        { id: 'A', direction: 1, weight: 6, start: 40, target: 40 },
        { id: 'B', direction: -1, weight: 4, start: 60, target: 60 }
      ],
      { horizonMonths: 2 }
    );
    doc.scenarios.push({
      id: 'hot',
      name: { en: 'Hot', ar: 'ساخن' },
      color: '#e69f00',
      weights: { A: 2 },
      factors: {
        A: { start: 70, target: 90, pace: 0.5, volatility: 0 },
        B: { start: 30, target: 30, pace: 0, volatility: 0 }
      },
      events: []
    });
    const gap = scenarioGap(central(doc, 1), central(doc, 0));
    const expectClose = (actual: number[], expected: number[]) =>
      expected.forEach((value, t) => expect(actual[t]).toBeCloseTo(value, 9));
    expectClose(gap.contributions.A, [-2 / 3, 8 / 3, 13 / 3]);
    expectClose(gap.contributions.B, [92 / 3, 92 / 3, 92 / 3]);
    expectClose(gap.tension, [30, 100 / 3, 35]);
    // And the other way round, every sign turned.
    const back = scenarioGap(central(doc, 0), central(doc, 1));
    expectClose(back.contributions.A, [2 / 3, -8 / 3, -13 / 3]);
    expectClose(back.tension, [-30, -100 / 3, -35]);
  });

  it('counts a factor one scenario lacks as 0 there, and takes an id such as "__proto__" as any other', () => {
    const contributions = Object.fromEntries([
      ['__proto__', [2, 2]],
      ['x', [3, 4]]
    ]);
    const a: CentralSeries = { tension: [5, 6], contributions, factors: {} };
    const b: CentralSeries = { tension: [4, 4], contributions: { x: [1, 1], y: [3, 3] }, factors: {} };
    const gap = scenarioGap(a, b);
    expect(Object.keys(gap.contributions).sort()).toEqual(['__proto__', 'x', 'y']);
    expect(Object.getOwnPropertyDescriptor(gap.contributions, '__proto__')?.value).toEqual([2, 2]);
    expect(gap.contributions.x).toEqual([2, 3]);
    expect(gap.contributions.y).toEqual([-3, -3]);
    expect(gap.tension).toEqual([1, 2]);
  });

  it('covers the months both paths have when their horizons differ (no NaN past the shorter one)', () => {
    const a: CentralSeries = { tension: [5, 6, 7], contributions: { x: [5, 6, 7] }, factors: {} };
    const b: CentralSeries = { tension: [4, 4], contributions: { x: [4, 4] }, factors: {} };
    expect(scenarioGap(a, b)).toEqual({ tension: [1, 2], contributions: { x: [1, 2] } });
    expect(scenarioGap(b, a)).toEqual({ tension: [-1, -2], contributions: { x: [-1, -2] } });
  });
});
