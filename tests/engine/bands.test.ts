// The band classifier: each band begins at its threshold (inclusive), and "crisis" is what
// Monte Carlo counts in P(crisis), so the readout and the summary never disagree on a run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BANDS, bandOf, bandRanges, type Thresholds } from '../../src/engine/model/bands';
import { summariseTension } from '../../src/engine/model/montecarlo';

const TH: Thresholds = { elevated: 25, high: 50, crisis: 75 };

/** Ordered thresholds elevated < high < crisis within 0–100, as the schema requires. */
const thresholds = fc
  .uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 })
  .map((t) => t.sort((a, b) => a - b))
  .map(([elevated, high, crisis]) => ({ elevated, high, crisis }));

describe('bandOf', () => {
  it('a band begins exactly at its threshold; just below it is the band before', () => {
    const below = (x: number) => x - x * Number.EPSILON;
    expect([0, below(25), 25, below(50), 50, below(75), 75, 100].map((v) => bandOf(v, TH))).toEqual([
      'calm',
      'calm',
      'elevated',
      'elevated',
      'high',
      'high',
      'crisis',
      'crisis'
    ]);
  });

  it('calls crisis exactly the runs Monte Carlo counts in P(crisis), at the threshold too', () => {
    fc.assert(
      fc.property(
        thresholds,
        fc.array(fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom(0, 25, 50, 75, 100)), {
          minLength: 1,
          maxLength: 40
        }),
        (th, values) => {
          // Put the thresholds themselves among the values: the boundary is where they could differ.
          const runs = [...values, th.elevated, th.high, th.crisis];
          const summary = summariseTension(Float64Array.from(runs), runs.length, runs.length, 0, th.crisis);
          const inCrisis = runs.filter((v) => bandOf(v, th) === 'crisis').length;
          expect(summary.pCrisisByMonth[0]).toBe(inCrisis / runs.length);
          expect(summary.pCrisisEver).toBe(inCrisis / runs.length);
        }
      )
    );
  });

  it('every value of T lies in the range of the band it is given', () => {
    fc.assert(
      fc.property(thresholds, fc.double({ min: 0, max: 100, noNaN: true }), (th, v) => {
        const band = bandOf(v, th);
        const range = bandRanges(th).find((r) => r.band === band)!;
        expect(v >= range.from && (v < range.to || (band === 'crisis' && v <= range.to))).toBe(true);
      })
    );
  });
});

describe('bandRanges', () => {
  it('covers 0–100 in the order of BANDS, each range ending where the next begins', () => {
    const ranges = bandRanges(TH);
    expect(ranges.map((r) => r.band)).toEqual([...BANDS]);
    expect(ranges.map((r) => [r.from, r.to])).toEqual([
      [0, 25],
      [25, 50],
      [50, 75],
      [75, 100]
    ]);
  });
});
