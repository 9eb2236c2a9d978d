// Format version 2's events and ranges in the model (docs/MODEL.md sections 3 and 4): target
// events that last, conditional events, and PERT ranges, each against a closed form, a hand
// count, or a second plain implementation.
import betaincinv from '@stdlib/math-base-special-betaincinv';
import { describe, expect, it } from 'vitest';
import type { ScenarioEventDef } from '../../src/engine/format/schema';
import { compileScenario } from '../../src/engine/model/compile';
import { MonteCarlo, runInputs } from '../../src/engine/model/montecarlo';
import { scenarioSobol } from '../../src/engine/model/scenarioSobol';
import { tornado } from '../../src/engine/model/sensitivity';
import { eventProbabilities } from '../../src/engine/model/eventProbabilities';
import { centralPath, scenarioMarginals } from '../../src/engine/model/simulate';
import { betaInverse, regularizedBeta } from '../../src/engine/random/beta';
import { pert, rangeValue, triangular } from '../../src/engine/random/streams';
import { makeDocument } from '../support/documents';

const event = (
  id: string,
  month: number,
  shift: number,
  probability: number,
  more: Partial<ScenarioEventDef> = {}
) => ({
  id,
  label: { en: id, ar: '' },
  month,
  factor: 'a',
  shift,
  probability,
  ...more
});

/** One factor (so T = 100·x), start 20, target 40, pace k, no noise and no links. */
const oneFactor = (events: ScenarioEventDef[], k = 0.2, horizon = 12) =>
  compileScenario(makeDocument([{ id: 'a', start: 20, target: 40, pace: k }], { horizonMonths: horizon, events }), 0);

/** The closed form of a target event at month m moving g to g′ (points): x(t) = g′ + (x(m−1) − g′)(1−k)^(t−m+1). */
function lasting(t: number, m: number, g2: number, k = 0.2, x0 = 20, g = 40): number {
  const before = (s: number) => g + (x0 - g) * (1 - k) ** s;
  return t < m ? before(t) : g2 + (before(m - 1) - g2) * (1 - k) ** (t - m + 1);
}

describe('a target event', () => {
  it('moves the target from its month on, so the level stays moved (closed form)', () => {
    const path = centralPath(oneFactor([event('deal', 4, 25, 1, { kind: 'target' })]));
    for (let t = 0; t <= 12; t++) expect(path.tension[t]).toBeCloseTo(lasting(t, 4, 65), 10);
    // A pulse of the same size has faded by the horizon; the target event has not.
    const pulse = centralPath(oneFactor([event('deal', 4, 25, 1)]));
    expect(path.tension[12] - pulse.tension[12]).toBeGreaterThan(15);
  });

  it('gives the figures of the worked example in docs/MODEL.md (pulse against target event)', () => {
    const round = (v: number) => Math.round(v * 100) / 100;
    const months = [0, 3, 4, 5, 9, 12];
    const pulse = centralPath(oneFactor([event('deal', 4, 25, 1)]));
    const target = centralPath(oneFactor([event('deal', 4, 25, 1, { kind: 'target' })]));
    expect(months.map((t) => round(pulse.tension[t]))).toEqual([20, 29.76, 56.81, 53.45, 45.51, 42.82]);
    expect(months.map((t) => round(target.tension[t]))).toEqual([20, 29.76, 36.81, 42.45, 55.76, 60.27]);
  });

  it('keeps the moved target within 0..100, and adds up with another on the same factor', () => {
    const clamped = centralPath(oneFactor([event('war', 2, 90, 1, { kind: 'target' })]));
    for (let t = 0; t <= 12; t++) expect(clamped.tension[t]).toBeCloseTo(lasting(t, 2, 100), 10);
    const twice = centralPath(
      oneFactor([event('one', 3, 10, 1, { kind: 'target' }), event('two', 3, 15, 1, { kind: 'target' })])
    );
    for (let t = 0; t <= 12; t++) expect(twice.tension[t]).toBeCloseTo(lasting(t, 3, 65), 10);
    // Two at different months: the second starts from the path of the first.
    const later = centralPath(
      oneFactor([event('one', 3, 10, 1, { kind: 'target' }), event('two', 6, -30, 1, { kind: 'target' })])
    );
    const x5 = lasting(5, 3, 50);
    expect(later.tension[9]).toBeCloseTo(20 + (x5 - 20) * 0.8 ** 4, 10);
  });

  it('moves the central path by its expected shift p·δ', () => {
    const path = centralPath(oneFactor([event('deal', 4, 25, 0.4, { kind: 'target' })]));
    for (let t = 0; t <= 12; t++) expect(path.tension[t]).toBeCloseTo(lasting(t, 4, 50), 10);
  });

  it('in each Monte Carlo run, lasts when it fires and leaves the path alone when it does not', () => {
    const m = oneFactor([event('deal', 4, 25, 0.5, { kind: 'target' })]);
    const mc = new MonteCarlo(m, { runs: 400, seed: 11 });
    mc.advance();
    const tension = mc.tensionOfRuns();
    let fired = 0;
    for (let r = 0; r < 400; r++) {
      const happened = runInputs(m, 11, r)[0] === 1;
      fired += happened ? 1 : 0;
      expect(tension[12 * 400 + r]).toBeCloseTo(lasting(12, 4, happened ? 65 : 40), 10);
    }
    expect(fired).toBeGreaterThan(150);
    expect(fired).toBeLessThan(250);
  });

  it('two events without conditions fire independently: both in about a quarter of the runs', () => {
    // Neither names the other: the second fires as often after the first as without it.
    const m = oneFactor([event('one', 2, 5, 0.5), event('two', 3, 5, 0.5)]);
    let both = 0;
    for (let r = 0; r < 4000; r++) {
      const [one, two] = runInputs(m, 21, r);
      if (one === 1 && two === 1) both++;
    }
    // 1000 expected; 4 standard errors (√(4000 · 0.25 · 0.75) ≈ 27) either side.
    expect(both).toBeGreaterThan(890);
    expect(both).toBeLessThan(1110);
  });
});

describe('Sobol indices with the events of version 2', () => {
  it('give a lasting event that is the only uncertainty all of the variance, and share it along a condition', () => {
    const alone = scenarioSobol(oneFactor([event('deal', 4, 25, 0.5, { kind: 'target' })]), { samples: 2048, seed: 1 });
    expect(alone.groups.map((g) => g.id)).toEqual(['deal']);
    // One group carries all of it: both its indices are 1, within the design's error.
    expect(alone.groups[0].total).toBeCloseTo(1, 1);
    expect(alone.groups[0].first).toBeGreaterThan(0.9);
    // Both pulses land at the horizon: T(H) is base + 0, + 10 (a1 alone) or + 30 (a1 and b1), with
    // probabilities 1/2, 1/4, 1/4: Var T = 150. E[T | a1] is base or base + 20: S_a1 = 100/150 = 2/3.
    // E[T | b1's own draw] is base + 15 or + 5: S_b1 = 25/150 = 1/6.
    const chain = scenarioSobol(
      oneFactor([event('a1', 12, 10, 0.5), event('b1', 12, 20, 0.5, { condition: { event: 'a1', occurred: true } })]),
      { samples: 16384, seed: 2 }
    );
    const [a, b] = chain.groups;
    expect(a.first).toBeCloseTo(2 / 3, 1);
    expect(b.first).toBeCloseTo(1 / 6, 1);
  });
});

describe('a conditional event', () => {
  const events = [
    event('a1', 2, 10, 0.4),
    event('b1', 3, 10, 0.5, { condition: { event: 'a1', occurred: true } }),
    event('c1', 3, -10, 0.5, { condition: { event: 'a1', occurred: false } }),
    event('d1', 5, 10, 0.25, { condition: { event: 'b1', occurred: true } })
  ];

  it('has the probability P(condition) · p, along a chain of conditions', () => {
    const m = oneFactor(events);
    expect([...scenarioMarginals(m)]).toEqual([0.4, 0.4 * 0.5, 0.6 * 0.5, 0.4 * 0.5 * 0.25]);
    // The same from the file's events, as the editor shows them.
    expect([...eventProbabilities(events)]).toEqual([0.4, 0.4 * 0.5, 0.6 * 0.5, 0.4 * 0.5 * 0.25]);
  });

  it('moves the central path as an unconditional event of that probability would', () => {
    const conditional = centralPath(oneFactor(events));
    const plain = centralPath(
      oneFactor([
        event('a1', 2, 10, 0.4),
        event('b1', 3, 10, 0.4 * 0.5),
        event('c1', 3, -10, 0.6 * 0.5),
        event('d1', 5, 10, 0.4 * 0.5 * 0.25)
      ])
    );
    expect([...conditional.tension]).toEqual([...plain.tension]);
  });

  it('fires only in the runs where its condition holds, with its own probability there', () => {
    const m = oneFactor(events);
    const count = { a: 0, b: 0, c: 0, d: 0, bWithoutA: 0, cWithA: 0, dWithoutB: 0 };
    const runs = 8000;
    for (let r = 0; r < runs; r++) {
      const [a, b, c, d] = runInputs(m, 5, r);
      count.a += a;
      count.b += b;
      count.c += c;
      count.d += d;
      if (b && !a) count.bWithoutA++;
      if (c && a) count.cWithA++;
      if (d && !b) count.dWithoutB++;
    }
    expect([count.bWithoutA, count.cWithA, count.dWithoutB]).toEqual([0, 0, 0]);
    // Within 4 standard errors of P(b | a) = 0.5, P(c | not a) = 0.5, P(d | b) = 0.25.
    const near = (hits: number, n: number, p: number) =>
      expect(Math.abs(hits / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    near(count.b, count.a, 0.5);
    near(count.c, runs - count.a, 0.5);
    near(count.d, count.b, 0.25);
  });

  it('draws one uniform per event whatever the outcomes, so the other inputs of a run stay as they were', () => {
    const withRange = (evs: ScenarioEventDef[]) =>
      compileScenario(
        makeDocument([{ id: 'a', start: 20, target: { low: 30, mode: 40, high: 60 }, pace: 0.2 }], { events: evs }),
        0
      );
    const conditional = withRange(events);
    const plain = withRange(events.map(({ condition: _c, ...e }) => e));
    for (let r = 0; r < 50; r++) expect(runInputs(conditional, 3, r)[0]).toBe(runInputs(plain, 3, r)[0]);
  });

  it('in the tornado, swings with the event it depends on', () => {
    const m = oneFactor([
      event('a1', 2, 10, 0.4),
      event('b1', 3, 30, 1, { condition: { event: 'a1', occurred: true } })
    ]);
    const bar = tornado(m).find((b) => b.input === 'event:a1')!;
    // a1 at 0: neither fires; a1 at 1: both fire (b1 is certain given a1).
    const none = centralPath(oneFactor([]));
    const both = centralPath(oneFactor([event('a1', 2, 10, 1), event('b1', 3, 30, 1)]));
    expect(bar.low).toBeCloseTo(none.tension[12], 12);
    expect(bar.high).toBeCloseTo(both.tension[12], 12);
  });
});

describe('a PERT range', () => {
  it('is the Beta(α, β) of the issue on the range, checked against @stdlib', () => {
    const [low, mode, high] = [10, 25, 70];
    const alpha = 1 + (4 * (mode - low)) / (high - low);
    const beta = 1 + (4 * (high - mode)) / (high - low);
    for (const u of [1e-9, 0.01, 0.2, 0.5, 0.77, 0.999])
      expect(pert(u, low, mode, high)).toBeCloseTo(low + (high - low) * betaincinv(u, alpha, beta), 10);
  });

  it('has the mean (low + 4·mode + high) / 6 and leaves a range of one value at it', () => {
    const n = 20000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += pert((i + 0.5) / n, 0, 30, 100);
    expect(sum / n).toBeCloseTo((0 + 4 * 30 + 100) / 6, 2);
    expect(pert(0.3, 5, 5, 5)).toBe(5);
  });

  it('is drawn where a range says so, and triangular otherwise, from the same uniform', () => {
    expect(rangeValue(0.3, { low: 0, mode: 30, high: 100, shape: 'pert' })).toBe(pert(0.3, 0, 30, 100));
    expect(rangeValue(0.3, { low: 0, mode: 30, high: 100 })).toBe(triangular(0.3, 0, 30, 100));
    const doc = (shape?: 'pert') =>
      makeDocument([
        { id: 'a', start: 20, target: { low: 0, mode: 30, high: 100, ...(shape ? { shape } : {}) }, pace: 0.2 }
      ]);
    const [tri, per] = [compileScenario(doc(), 0), compileScenario(doc('pert'), 0)];
    for (let r = 0; r < 20; r++) {
      const u = (runInputs(tri, 9, r)[0] * 1) as number;
      // The same uniform, through the other inverse CDF: find it back from the triangular draw.
      const uniform = u < 30 ? (u * u) / (100 * 30) : 1 - ((100 - u) * (100 - u)) / (100 * 70);
      expect(runInputs(per, 9, r)[0]).toBeCloseTo(pert(uniform, 0, 30, 100), 9);
    }
  });
});

describe('the inverse incomplete beta', () => {
  it('agrees with @stdlib to 1e-12 over the shapes a PERT range can have, and inverts I_x', () => {
    for (const a of [1, 1.25, 2, 3.5, 5])
      for (const b of [1, 1.6, 3, 5])
        for (let i = 1; i < 200; i++) {
          const u = i / 200;
          const x = betaInverse(u, a, b);
          expect(Math.abs(x - betaincinv(u, a, b))).toBeLessThan(1e-12);
          expect(Math.abs(regularizedBeta(x, a, b) - u)).toBeLessThan(1e-12);
        }
  });

  it('gives the ends for u at 0 and 1, and I_x at the ends', () => {
    expect([betaInverse(0, 2, 3), betaInverse(1, 2, 3)]).toEqual([0, 1]);
    expect([regularizedBeta(0, 2, 3), regularizedBeta(1, 2, 3)]).toEqual([0, 1]);
    // Beta(1, 1) is uniform; Beta(2, 1) has CDF x².
    expect(betaInverse(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(betaInverse(0.49, 2, 1)).toBeCloseTo(0.7, 14);
  });
});
