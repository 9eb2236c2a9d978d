// The tornado: each bar's ends are the central path with that one input moved to its low
// and to its high (an event's probability to 0 and to 1), measured as T(H) or as peak T.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MizanDoc } from '../../src/engine/format/schema';
import { compileScenario } from '../../src/engine/model/compile';
import { tornado, type TornadoMetric } from '../../src/engine/model/sensitivity';
import { centralPath } from '../../src/engine/model/simulate';
import { arbitraryDocument, makeDocument } from '../support/documents';
import { withInput } from '../support/inputs';

const measure = (doc: MizanDoc, metric: TornadoMetric) => {
  const tension = Array.from(centralPath(compileScenario(doc, 0)).tension);
  return metric === 'final' ? tension[tension.length - 1] : Math.max(...tension);
};

/** The bar of each input as the central path gives it, input by input. */
const expectedBars = (doc: MizanDoc, metric: TornadoMetric) => {
  const m = compileScenario(doc, 0);
  return [
    ...m.uncertain.map((u) => ({
      input: u.key,
      low: measure(withInput(doc, u.key, u.low), metric),
      high: measure(withInput(doc, u.key, u.high), metric)
    })),
    ...m.eventIds.map((id) => ({
      input: `event:${id}`,
      low: measure(withInput(doc, `event:${id}`, 0), metric),
      high: measure(withInput(doc, `event:${id}`, 1), metric)
    }))
  ];
};

const expectBarsOf = (doc: MizanDoc, metric: TornadoMetric) => {
  const bars = tornado(compileScenario(doc, 0), metric);
  const expected = expectedBars(doc, metric);
  expect(bars.map((b) => b.input).sort()).toEqual(expected.map((b) => b.input).sort());
  for (const want of expected) {
    const bar = bars.find((b) => b.input === want.input)!;
    expect(bar.low).toBeCloseTo(want.low, 9);
    expect(bar.high).toBeCloseTo(want.high, 9);
    expect(bar.swing).toBeCloseTo(Math.abs(want.high - want.low), 9);
  }
  // Longest bar first.
  for (let k = 1; k < bars.length; k++) expect(bars[k - 1].swing).toBeGreaterThanOrEqual(bars[k].swing);
  return bars;
};

// A start range and a target range on the same factor, a weight range, a lowering factor and
// two events; factor a rises then falls (event at month 2, pulled back to its target).
const doc = makeDocument(
  [
    {
      id: 'a',
      weight: { low: 1, mode: 3, high: 8 },
      start: { low: 20, mode: 30, high: 60 },
      target: { low: 10, mode: 30, high: 90 },
      pace: 0.4
    },
    { id: 'b', direction: -1, weight: 2, start: 40, target: { low: 5, mode: 40, high: 95 }, pace: 0.15 }
  ],
  {
    horizonMonths: 6,
    interactions: [{ from: 'b', to: 'a', strength: 0.1 }],
    events: [
      { id: 'flare', label: { en: 'Flare', ar: '' }, month: 2, factor: 'a', shift: 50, probability: 0.3 },
      { id: 'deal', label: { en: 'Deal', ar: '' }, month: 6, factor: 'b', shift: 20, probability: 0.5 }
    ]
  }
);

describe('tornado bars', () => {
  it('are the central path with one input at its low or high, measured at the horizon', () => {
    const bars = expectBarsOf(doc, 'final');
    expect(bars).toHaveLength(6);
    // The start and the target of factor a are two bars, and they differ.
    const [start, target] = ['start:base:a', 'target:base:a'].map((key) => bars.find((b) => b.input === key)!);
    expect(start.low).not.toBeCloseTo(target.low, 3);
  });

  it('are the central path with one input at its low or high, measured at the peak', () => {
    const bars = expectBarsOf(doc, 'peak');
    // The flare lifts a to its peak at month 2, after which it falls: the peak is not T(H).
    const flare = bars.find((b) => b.input === 'event:flare')!;
    expect(flare.high).toBeGreaterThan(measure(withInput(doc, 'event:flare', 1), 'final') + 1);
  });

  it('take a peak reached in the last month', () => {
    // T rises every month towards the target: the peak is T(H), which the high end moves.
    const rising = makeDocument([{ id: 'a', start: 10, target: { low: 30, mode: 60, high: 90 }, pace: 0.3 }], {
      horizonMonths: 4
    });
    const [bar] = expectBarsOf(rising, 'peak');
    expect(bar.high).toBeCloseTo(10 + 80 * (1 - 0.7 ** 4), 10);
    expect(bar.low).toBeCloseTo(10 + 20 * (1 - 0.7 ** 4), 10);
  });

  it('hold for random documents, both metrics', () => {
    fc.assert(
      fc.property(arbitraryDocument, fc.constantFrom<TornadoMetric>('final', 'peak'), (random, metric) => {
        expectBarsOf(random, metric);
      }),
      { numRuns: 150 }
    );
  });
});
