// The tornado as the app calls it: with no metric given (the analysis and the live view pass
// none unless the user picks "peak"), and the order of bars when one end has no tension.
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/model/compile';
import { tornado } from '../../src/engine/model/sensitivity';
import { MonteCarlo } from '../../src/engine/model/montecarlo';
import { makeDocument } from '../support/documents';

describe('tornado defaults and order', () => {
  it('measures T(H), not the peak, when no metric is given', () => {
    // One factor falling from 80 towards a target of 10, 20 or 30 at pace ½ for 3 months:
    // T(3) = target + (80 − target)·½³, while the peak is T(0) = 80 at every end.
    const falling = makeDocument([{ id: 'a', start: 80, target: { low: 10, mode: 20, high: 30 }, pace: 0.5 }], {
      horizonMonths: 3
    });
    const [bar] = tornado(compileScenario(falling, 0));
    expect(bar.input).toBe('target:base:a');
    expect(bar.low).toBeCloseTo(10 + 70 / 8, 10);
    expect(bar.high).toBeCloseTo(30 + 50 / 8, 10);
    expect(bar.swing).toBeCloseTo(20 - 20 / 8, 10);
  });

  it('puts a bar whose low weight leaves no weight at all after every other bar, however short', () => {
    // The weight at its low (0) makes Σ w = 0: T is undefined there and that bar has no length.
    // The target moved by ±½ point, reached halfway in one month, moves T(1) by ±¼ point: a bar
    // of length ½, still first.
    const doc = makeDocument(
      [
        {
          id: 'a',
          weight: { low: 0, mode: 1, high: 2 },
          start: 50,
          target: { low: 49.5, mode: 50, high: 50.5 },
          pace: 0.5
        }
      ],
      { horizonMonths: 1 }
    );
    const bars = tornado(compileScenario(doc, 0));
    expect(bars.map((b) => b.input)).toEqual(['target:base:a', 'weight:a']);
    expect(bars[0].swing).toBeCloseTo(0.5, 10);
    expect(bars[1].low).toBeNaN();
    expect(bars[1].high).toBeCloseTo(50, 10);
  });

  it('leaves out a degenerate range (low = mode = high) as the importance ranking does, and keeps the others’ bars', () => {
    // a's weight and b's start are ranges of one value; a's target and an event vary.
    const event = { id: 'strike', label: { en: 'Strike', ar: '' }, month: 2, factor: 'a', shift: 10, probability: 0.5 };
    const fixedValues = makeDocument(
      [
        { id: 'a', weight: 2, start: 40, target: { low: 30, mode: 50, high: 70 }, pace: 0.3 },
        { id: 'b', weight: 1, start: 60, target: 20, pace: 0.2, volatility: 3 }
      ],
      { horizonMonths: 4, events: [event] }
    );
    const degenerate = structuredClone(fixedValues);
    degenerate.factors[0].weight = { low: 2, mode: 2, high: 2 };
    degenerate.scenarios[0].factors.b.start = { low: 60, mode: 60, high: 60 };
    const bars = tornado(compileScenario(degenerate, 0));
    expect(bars.map((b) => b.input)).toEqual(['target:base:a', 'event:strike']);
    // The same bars as the file that gives those inputs as plain numbers.
    expect(bars).toEqual(tornado(compileScenario(fixedValues, 0)));
    const mc = new MonteCarlo(compileScenario(degenerate, 0), { runs: 200, seed: 3 });
    mc.advance();
    expect(
      mc
        .importance()
        .map((e) => e.input)
        .sort()
    ).toEqual(['event:strike', 'target:base:a']);
  });
});
