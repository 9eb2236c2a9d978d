// What the model takes from a document: its central values in model units, the ranges it
// samples (in the draw order of docs/MODEL.md section 5, under the names the tornado and the
// importance show), its events, and the places it refuses, named as the user sees them.
import { describe, expect, it } from 'vitest';
import type { MizanDoc } from '../../src/engine/format/schema';
import { compileScenario } from '../../src/engine/model/compile';
import { ModelProblem, ZeroWeightsProblem } from '../../src/engine/model/problems';
import { centralPath } from '../../src/engine/model/simulate';
import { makeDocument } from '../support/documents';

const event = (id: string, month: number, factor: string, shift = 10, probability = 0.5) => ({
  id,
  label: { en: id, ar: '' },
  month,
  factor,
  shift,
  probability
});

/** Two factors: a ranged weight on b, a ranged start on b, ranged targets on both. */
const ranged = () =>
  makeDocument(
    [
      { id: 'a', weight: 2, start: 30, target: { low: 10, mode: 20, high: 60 }, pace: 0.25, volatility: 3 },
      {
        id: 'b',
        direction: -1,
        weight: { low: 1, mode: 4, high: 9 },
        start: { low: 5, mode: 15, high: 25 },
        target: { low: 40, mode: 70, high: 90 },
        pace: 0.5
      }
    ],
    {
      horizonMonths: 6,
      thresholds: { elevated: 20, high: 40, crisis: 65 },
      interactions: [{ from: 'a', to: 'b', strength: -0.3 }],
      events: [event('e1', 6, 'b', -20, 0.25), event('e2', 1, 'a', 10, 1)]
    }
  );

/** The ModelProblem compileScenario throws for `doc`, as [path, problem]. */
const refusal = (doc: MizanDoc, index = 0): [string, string] => {
  try {
    compileScenario(doc, index);
  } catch (error) {
    if (error instanceof ModelProblem) return [error.path, error.problem];
    throw error;
  }
  throw new Error('compileScenario accepted the document');
};

describe('compileScenario', () => {
  it('takes the central values in model units: modes, levels and volatility / 100, weights as they are', () => {
    const m = compileScenario(ranged(), 0);
    expect([m.id, m.index, m.n, m.horizon, m.crisis]).toEqual(['base', 0, 2, 6, 65]);
    expect(m.factorIds).toEqual(['a', 'b']);
    expect(Array.from(m.direction)).toEqual([1, -1]);
    expect(Array.from(m.weight)).toEqual([2, 4]);
    expect(Array.from(m.start)).toEqual([0.3, 0.15]);
    expect(Array.from(m.target)).toEqual([0.2, 0.7]);
    expect(Array.from(m.pace)).toEqual([0.25, 0.5]);
    expect(Array.from(m.volatility)).toEqual([0.03, 0]);
    expect([Array.from(m.interactionFrom), Array.from(m.interactionTo), Array.from(m.interactionStrength)]).toEqual([
      [0],
      [1],
      [-0.3]
    ]);
  });

  it('samples the ranges in draw order — weights, starts, targets, each in factor order — under the names users see', () => {
    const m = compileScenario(ranged(), 0);
    expect(m.uncertain).toEqual([
      { key: 'weight:b', kind: 'weight', factor: 1, link: -1, low: 1, mode: 4, high: 9 },
      { key: 'start:base:b', kind: 'start', factor: 1, link: -1, low: 5, mode: 15, high: 25 },
      { key: 'target:base:a', kind: 'target', factor: 0, link: -1, low: 10, mode: 20, high: 60 },
      { key: 'target:base:b', kind: 'target', factor: 1, link: -1, low: 40, mode: 70, high: 90 }
    ]);
    expect([m.lanePace, m.laneVolatility, m.laneStrength]).toEqual([false, false, false]);
    expect([...m.noisy]).toEqual([1, 0]);
  });

  it('samples the ranges of format version 2 after those: paces, volatilities, then link strengths', () => {
    const doc = ranged();
    doc.scenarios[0].factors.b.pace = { low: 0.2, mode: 0.5, high: 0.6, shape: 'pert' };
    doc.scenarios[0].factors.a.volatility = { low: 0, mode: 0, high: 4 };
    doc.scenarios[0].factors.b.volatility = { low: 1, mode: 2, high: 3 };
    doc.interactions[0].strength = { low: -0.5, mode: -0.3, high: -0.1 };
    const m = compileScenario(doc, 0);
    expect(m.uncertain.slice(4)).toEqual([
      { key: 'pace:base:b', kind: 'pace', factor: 1, link: -1, low: 0.2, mode: 0.5, high: 0.6, shape: 'pert' },
      { key: 'volatility:base:a', kind: 'volatility', factor: 0, link: -1, low: 0, mode: 0, high: 4 },
      { key: 'volatility:base:b', kind: 'volatility', factor: 1, link: -1, low: 1, mode: 2, high: 3 },
      { key: 'strength:a>b', kind: 'strength', factor: -1, link: 0, low: -0.5, mode: -0.3, high: -0.1 }
    ]);
    // The central path takes the modes; a volatility of mode 0 with a high end above 0 still draws noise.
    expect([m.pace[1], m.volatility[0], m.volatility[1], m.interactionStrength[0]]).toEqual([0.5, 0, 0.02, -0.3]);
    expect([...m.noisy]).toEqual([1, 1]);
    expect([m.lanePace, m.laneVolatility, m.laneStrength]).toEqual([true, true, true]);
  });

  it('uses a scenario’s weight override, a range included, instead of the factor’s weight', () => {
    const doc = ranged();
    doc.scenarios[0].weights = { a: { low: 0, mode: 1, high: 3 }, b: 5 };
    const m = compileScenario(doc, 0);
    expect(Array.from(m.weight)).toEqual([1, 5]);
    expect(m.uncertain.filter((u) => u.kind === 'weight')).toEqual([
      { key: 'weight:a', kind: 'weight', factor: 0, link: -1, low: 0, mode: 1, high: 3 }
    ]);
  });

  it('keeps events in the scenario’s order with shifts in model units, and one slot per month and factor', () => {
    const doc = ranged();
    doc.scenarios[0].events.push(event('e3', 6, 'b', 5, 0.5), event('e4', 6, 'a'), event('e5', 1, 'a'));
    const m = compileScenario(doc, 0);
    expect(m.eventIds).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(Array.from(m.eventMonth)).toEqual([6, 1, 6, 6, 1]);
    expect(Array.from(m.eventFactor)).toEqual([1, 0, 1, 0, 0]);
    expect(Array.from(m.eventShift)).toEqual([-0.2, 0.1, 0.05, 0.1, 0.1]);
    expect(Array.from(m.eventProbability)).toEqual([0.25, 1, 0.5, 0.5, 0.5]);
    // (6, b) is slot 0, (1, a) slot 1, (6, a) slot 2; e3 shares e1's slot and e5 shares e2's.
    expect(Array.from(m.eventSlot)).toEqual([0, 1, 0, 2, 1]);
    expect(m.slots).toBe(3);
    // slotAt[(month − 1)·n + factor]: the step into month t + 1 finds its slot at [t·n + i].
    const slotAt = new Array(6 * 2).fill(-1);
    slotAt[5 * 2 + 1] = 0;
    slotAt[0 * 2 + 0] = 1;
    slotAt[5 * 2 + 0] = 2;
    expect(Array.from(m.slotAt)).toEqual(slotAt);
  });

  it('compiles the scenario asked for, not the first', () => {
    const doc = ranged();
    doc.scenarios.push({ ...structuredClone(doc.scenarios[0]), id: 'other', weights: { b: 1 }, events: [] });
    const m = compileScenario(doc, 1);
    expect([m.id, m.index, Array.from(m.weight), m.eventIds]).toEqual(['other', 1, [2, 1], []]);
    expect(m.uncertain.map((u) => u.key)).toEqual(['start:other:b', 'target:other:a', 'target:other:b']);
  });

  it('accepts events in the first and the last month', () => {
    const doc = makeDocument([{ id: 'a', start: 50, target: 50 }], {
      horizonMonths: 3,
      events: [event('first', 1, 'a', 10, 1), event('last', 3, 'a', 20, 1)]
    });
    // 50 → 60 in month 1, then 80 in month 3: T follows the one factor.
    expect(Array.from(centralPath(compileScenario(doc, 0)).tension).map((t) => +t.toFixed(10))).toEqual([
      50, 60, 60, 80
    ]);
  });
});

describe('compileScenario refuses what it cannot compute, naming the place', () => {
  it('a scenario that does not exist', () => {
    expect(refusal(ranged(), 1)).toEqual(['scenarios[1]', 'no such scenario']);
  });

  it('a factor without settings in the scenario', () => {
    const doc = ranged();
    delete (doc.scenarios[0].factors as Record<string, unknown>).b;
    expect(refusal(doc)).toEqual(['scenarios[0].factors', 'missing factor "b"']);
  });

  it('an interaction or an event on a factor that does not exist', () => {
    const from = ranged();
    from.interactions.push({ from: 'c', to: 'a', strength: 0.1 });
    expect(refusal(from)).toEqual(['interactions[1].from', 'unknown factor "c"']);
    const to = ranged();
    to.interactions[0].to = 'd';
    expect(refusal(to)).toEqual(['interactions[0].to', 'unknown factor "d"']);
    const onEvent = ranged();
    onEvent.scenarios[0].events[1].factor = 'z';
    expect(refusal(onEvent)).toEqual(['scenarios[0].events[1].factor', 'unknown factor "z"']);
  });

  it('an event outside months 1 to the horizon, or between months', () => {
    for (const month of [0, 7, 2.5, Number.NaN]) {
      const doc = ranged();
      doc.scenarios[0].events[1].month = month;
      expect(refusal(doc)).toEqual(['scenarios[0].events[1].month', 'must be a month from 1 to 6']);
    }
  });

  it('weights that add up to zero, as a ZeroWeightsProblem of that scenario', () => {
    const doc = ranged();
    doc.scenarios.push({ ...structuredClone(doc.scenarios[0]), id: 'zero', weights: { a: 0, b: 0 } });
    expect(() => compileScenario(doc, 1)).toThrow(ZeroWeightsProblem);
    expect(refusal(doc, 1)).toEqual([
      'scenarios[1].weights',
      'all factor weights are zero, so the tension index is not defined'
    ]);
  });

  it('names its errors by kind, with the place before the reason in the message', () => {
    const zero = new ZeroWeightsProblem(2);
    expect([zero.name, zero.message]).toEqual([
      'ZeroWeightsProblem',
      'scenarios[2].weights: all factor weights are zero, so the tension index is not defined'
    ]);
    const problem = new ModelProblem('interactions[0].to', 'unknown factor "d"');
    expect([problem.name, problem.message]).toEqual(['ModelProblem', 'interactions[0].to: unknown factor "d"']);
  });
});
