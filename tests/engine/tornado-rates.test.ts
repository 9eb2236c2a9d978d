// The tornado over the ranges format version 2 added (a pace, a volatility, a link's strength):
// each bar's ends are the central path's T at the horizon with that one input at its low and at
// its high, as a document with those numbers written in gives it.
import { describe, expect, it } from 'vitest';
import type { MizanDoc } from '../../src/engine/format';
import { compileScenario } from '../../src/engine/model/compile';
import { tornado } from '../../src/engine/model/sensitivity';
import { centralPath } from '../../src/engine/model/simulate';
import { makeDocument } from '../support/documents';

const horizonT = (doc: MizanDoc) => {
  const m = compileScenario(doc, 0);
  return centralPath(m).tension[m.horizon];
};

describe('the tornado over rates and link strengths', () => {
  it('moves a pace, a volatility and a strength to their ends, one at a time', () => {
    const doc = makeDocument(
      [
        { id: 'a', weight: 2, start: 20, target: 70, pace: 0.1, volatility: 3 },
        { id: 'b', weight: 1, start: 60, target: 30, pace: 0.2, volatility: 3 }
      ],
      { horizonMonths: 8, interactions: [{ from: 'a', to: 'b', strength: { low: -0.2, mode: 0.1, high: 0.3 } }] }
    );
    doc.scenarios[0].factors.a.pace = { low: 0.05, mode: 0.1, high: 0.4 };
    doc.scenarios[0].factors.b.volatility = { low: 1, mode: 3, high: 9 };
    const bars = tornado(compileScenario(doc, 0));
    const withValue = (change: (d: MizanDoc) => void) => {
      const d = structuredClone(doc);
      change(d);
      return horizonT(d);
    };
    const pace = bars.find((b) => b.input === 'pace:base:a')!;
    expect(pace.low).toBeCloseTo(
      withValue((d) => (d.scenarios[0].factors.a.pace = 0.05)),
      12
    );
    expect(pace.high).toBeCloseTo(
      withValue((d) => (d.scenarios[0].factors.a.pace = 0.4)),
      12
    );
    const strength = bars.find((b) => b.input === 'strength:a>b')!;
    expect(strength.low).toBeCloseTo(
      withValue((d) => (d.interactions[0].strength = -0.2)),
      12
    );
    expect(strength.high).toBeCloseTo(
      withValue((d) => (d.interactions[0].strength = 0.3)),
      12
    );
    // The central path has no noise: a volatility's ends move nothing.
    const volatility = bars.find((b) => b.input === 'volatility:base:b')!;
    expect(volatility.swing).toBe(0);
    expect(pace.swing).toBeGreaterThan(1);
  });
});
