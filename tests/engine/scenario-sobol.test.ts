// Sobol indices of a scenario (src/engine/model/scenarioSobol.ts), against closed forms: without
// links the model is linear in each target, so T(H) is a weighted sum of independent inputs and
// S_i = c_i²·Var(g_i) / Σ c_j²·Var(g_j); an event adds a Bernoulli term; noise alone is all.
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/model/compile';
import {
  scenarioSobol,
  scenarioSobolSteps,
  sobolGroups,
  sobolRuns,
  spreadShares
} from '../../src/engine/model/scenarioSobol';
import { makeDocument } from '../support/documents';

/** Var of a triangular (a, c, b) in model units (points / 100). */
const triangularVariance = (a: number, c: number, b: number) =>
  (a * a + b * b + c * c - a * b - a * c - b * c) / 18 / 10_000;

describe('scenario Sobol indices', () => {
  it('split the variance of T(H) between two uncertain targets as their closed form says', () => {
    // x_i(H) = g_i·(1 − (1 − k_i)^H) + x_i(0)·(1 − k_i)^H; T = 100·Σ w_i x_i / Σ w.
    const H = 6;
    const doc = makeDocument(
      [
        { id: 'a', weight: 2, start: 40, target: { low: 20, mode: 50, high: 80 }, pace: 0.3 },
        { id: 'b', weight: 1, start: 60, target: { low: 30, mode: 40, high: 90 }, pace: 0.1 }
      ],
      { horizonMonths: H }
    );
    const c = (w: number, k: number) => ((100 * w) / 3) * (1 - (1 - k) ** H);
    const va = c(2, 0.3) ** 2 * triangularVariance(20, 50, 80);
    const vb = c(1, 0.1) ** 2 * triangularVariance(30, 40, 90);
    const result = scenarioSobol(compileScenario(doc, 0), { samples: 8192, seed: 3 });
    expect(result.groups.map((g) => [g.id, g.kind])).toEqual([
      ['a', 'factor'],
      ['b', 'factor']
    ]);
    expect(result.variance).toBeCloseTo(va + vb, 0);
    const [a, b] = result.groups;
    expect(Math.abs(a.first - va / (va + vb))).toBeLessThan(0.03);
    expect(Math.abs(b.first - vb / (va + vb))).toBeLessThan(0.03);
    // Additive: no interactions, so each total equals its first-order index.
    expect(Math.abs(a.total - a.first)).toBeLessThan(0.03);
    for (const g of result.groups) {
      expect(g.firstInterval[0]).toBeLessThanOrEqual(g.first);
      expect(g.firstInterval[1]).toBeGreaterThanOrEqual(g.first);
    }
  });

  it('give an event its Bernoulli share, p(1 − p)·(its effect)²', () => {
    // Pace 0: a level stays where it is put, so the strike's +20 points on a last to the horizon.
    const doc = makeDocument(
      [
        { id: 'a', weight: 1, start: 30, target: 30, pace: 0 },
        { id: 'b', weight: 1, start: { low: 20, mode: 40, high: 60 }, target: 40, pace: 0 }
      ],
      {
        horizonMonths: 4,
        events: [{ id: 'strike', label: { en: 'Strike', ar: '' }, month: 2, factor: 'a', shift: 20, probability: 0.3 }]
      }
    );
    // T(H) = 50·(x_a + x_b): the event adds 10 points, b's start moves T by half its own spread.
    const ve = 0.3 * 0.7 * 10 ** 2;
    const vb = 50 ** 2 * triangularVariance(20, 40, 60);
    const result = scenarioSobol(compileScenario(doc, 0), { samples: 8192, seed: 5 });
    const strike = result.groups.find((g) => g.id === 'strike')!;
    expect(strike.kind).toBe('event');
    expect(Math.abs(strike.first - ve / (ve + vb))).toBeLessThan(0.03);
    expect(result.variance).toBeCloseTo(ve + vb, 0);
  });

  it('put all of a noise-only scenario’s spread on the noise, and the crisis metric on the event that crosses the line', () => {
    const noisy = makeDocument([{ id: 'a', weight: 1, start: 50, target: 50, pace: 0.2, volatility: 5 }], {
      horizonMonths: 12
    });
    const noise = scenarioSobol(compileScenario(noisy, 0), { samples: 2048, seed: 1 });
    expect(noise.groups.map((g) => g.id)).toEqual(['noise']);
    expect(noise.groups[0].first).toBeGreaterThan(0.95);
    expect(noise.groups[0].total).toBeGreaterThan(0.95);

    // T is 60 without the event and 90 with it; the crisis line is 75: crisis exactly when it fires.
    const crossing = makeDocument(
      [
        { id: 'a', weight: 1, start: 60, target: 60, pace: 0 },
        { id: 'b', weight: 1, start: { low: 55, mode: 60, high: 65 }, target: 60, pace: 0 }
      ],
      {
        horizonMonths: 3,
        events: [{ id: 'war', label: { en: 'War', ar: '' }, month: 1, factor: 'a', shift: 40, probability: 0.5 }]
      }
    );
    const crisis = scenarioSobol(compileScenario(crossing, 0), { metric: 'crisis', samples: 2048, seed: 2 });
    expect(crisis.metric).toBe('crisis');
    const war = crisis.groups.find((g) => g.id === 'war')!;
    const b = crisis.groups.find((g) => g.id === 'b')!;
    expect(war.first).toBeGreaterThan(0.93);
    expect(war.total).toBeGreaterThan(0.93);
    expect(Math.abs(b.total)).toBeLessThan(0.03);
    expect(crisis.variance).toBeCloseTo(0.25, 1);
  });

  it('measures peak tension when asked: a spike that fades counts at the peak, not at the end', () => {
    // The event lifts a by 40 points in month 1; pace 0.9 pulls it back by the horizon.
    const doc = makeDocument(
      [
        { id: 'a', weight: 1, start: 20, target: 20, pace: 0.9 },
        { id: 'b', weight: 1, start: 50, target: { low: 40, mode: 50, high: 60 }, pace: 0.9 }
      ],
      {
        horizonMonths: 8,
        events: [{ id: 'spike', label: { en: 'Spike', ar: '' }, month: 1, factor: 'a', shift: 40, probability: 0.5 }]
      }
    );
    const m = compileScenario(doc, 0);
    const spike = (metric: 'final' | 'peak') =>
      scenarioSobol(m, { metric, samples: 2048, seed: 4 }).groups.find((g) => g.id === 'spike')!.first;
    expect(spike('peak')).toBeGreaterThan(0.8);
    expect(spike('final')).toBeLessThan(0.05);
  });

  it('leaves out what does not vary: a range of one value, a certain event, the noise of a calm scenario', () => {
    const doc = makeDocument(
      [
        {
          id: 'a',
          weight: { low: 2, mode: 2, high: 2 },
          start: 50,
          target: { low: 30, mode: 40, high: 50 },
          pace: 0.5
        },
        { id: 'b', weight: 1, start: { low: 60, mode: 60, high: 60 }, target: 50, pace: 0.5 }
      ],
      {
        horizonMonths: 4,
        events: [
          { id: 'sure', label: { en: 'Sure', ar: '' }, month: 1, factor: 'a', shift: 10, probability: 1 },
          { id: 'never', label: { en: 'Never', ar: '' }, month: 1, factor: 'b', shift: 10, probability: 0 }
        ]
      }
    );
    const m = compileScenario(doc, 0);
    expect(sobolGroups(m).map((g) => g.id)).toEqual(['a']);
    const result = scenarioSobol(m, { samples: 512, seed: 1 });
    expect(result.groups.map((g) => g.id)).toEqual(['a']);
    expect(result.groups[0].first).toBeGreaterThan(0.95);
    const calm = makeDocument([{ id: 'a', weight: 1, start: 50, target: 50, pace: 0.5 }], { horizonMonths: 3 });
    expect(scenarioSobol(compileScenario(calm, 0), { samples: 64, seed: 1 })).toEqual({
      id: 'base',
      metric: 'final',
      samples: 64,
      variance: 0,
      groups: []
    });
  });

  it('is reproducible from the seed, and another seed gives other estimates', () => {
    const doc = makeDocument(
      [{ id: 'a', weight: 1, start: 50, target: { low: 20, mode: 50, high: 80 }, pace: 0.3, volatility: 3 }],
      { horizonMonths: 6 }
    );
    const m = compileScenario(doc, 0);
    const run = (seed: number) => scenarioSobol(m, { samples: 256, seed, bootstrap: 50 });
    expect(run(7)).toEqual(run(7));
    expect(run(8).groups[0].first).not.toBe(run(7).groups[0].first);
  });

  it('split ranges, two events and the noise of one factor among four groups, as the closed forms say', () => {
    // T = 50·(x_a + x_b). a: target 50, pace 0.3, noise 3 points a month: Var x_a(H) =
    // 0.03²·(1 − 0.7^2H) / (1 − 0.7²). b: pace 0, so its start and the two strikes on it stay.
    const H = 6;
    const strike = (id: string, shift: number, probability: number) => ({
      id,
      label: { en: id, ar: '' },
      month: 1,
      factor: 'b',
      shift,
      probability
    });
    const doc = makeDocument(
      [
        { id: 'a', weight: 1, start: 50, target: 50, pace: 0.3, volatility: 3 },
        { id: 'b', weight: 1, start: { low: 20, mode: 40, high: 60 }, target: 40, pace: 0 }
      ],
      { horizonMonths: H, events: [strike('small', 10, 0.5), strike('large', 20, 0.2)] }
    );
    const parts = {
      b: 2500 * triangularVariance(20, 40, 60),
      small: 2500 * 0.1 ** 2 * 0.5 * 0.5,
      large: 2500 * 0.2 ** 2 * 0.2 * 0.8,
      noise: (2500 * 0.03 ** 2 * (1 - 0.7 ** (2 * H))) / (1 - 0.7 ** 2)
    };
    const total = Object.values(parts).reduce((a, b) => a + b, 0);
    const result = scenarioSobol(compileScenario(doc, 0), { samples: 8192, seed: 11 });
    expect(result.groups.map((g) => [g.id, g.kind])).toEqual([
      ['b', 'factor'],
      ['small', 'event'],
      ['large', 'event'],
      ['noise', 'noise']
    ]);
    expect(result.variance / total).toBeGreaterThan(0.95);
    expect(result.variance / total).toBeLessThan(1.05);
    for (const g of result.groups)
      expect(Math.abs(g.first - parts[g.id as keyof typeof parts] / total), g.id).toBeLessThan(0.03);
  });

  it('draws an uncertain weight as a weight: the variance of T is that of 100·(w·x_a + x_b)/(w + 1) over the range', () => {
    // Levels held at 80 and 20 (pace 0); only a's weight varies, triangular (1, 2, 6).
    const doc = makeDocument(
      [
        { id: 'a', weight: { low: 1, mode: 2, high: 6 }, start: 80, target: 80, pace: 0 },
        { id: 'b', weight: 1, start: 20, target: 20, pace: 0 }
      ],
      { horizonMonths: 2 }
    );
    // The same variance by a midpoint sum over the inverse CDF, independently of the engine.
    const inverse = (u: number) => (u < 0.2 ? 1 + Math.sqrt(u * 5 * 1) : 6 - Math.sqrt((1 - u) * 5 * 4));
    const n = 100_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const w = inverse((i + 0.5) / n);
      const t = (100 * (w * 0.8 + 0.2)) / (w + 1);
      sum += t;
      squares += t * t;
    }
    const variance = squares / n - (sum / n) ** 2;
    const result = scenarioSobol(compileScenario(doc, 0), { samples: 8192, seed: 2 });
    expect(result.groups.map((g) => g.id)).toEqual(['a']);
    expect(result.variance / variance).toBeGreaterThan(0.95);
    expect(result.variance / variance).toBeLessThan(1.05);
  });

  it('takes the peak over every month, the last too: on a rising path it is T(H)', () => {
    const doc = makeDocument(
      [
        { id: 'a', weight: 1, start: 10, target: { low: 60, mode: 70, high: 90 }, pace: 0.3 },
        { id: 'b', weight: 1, start: 10, target: { low: 40, mode: 50, high: 80 }, pace: 0.2 }
      ],
      { horizonMonths: 5 }
    );
    const m = compileScenario(doc, 0);
    const peak = scenarioSobol(m, { metric: 'peak', samples: 512, seed: 3 });
    const final = scenarioSobol(m, { metric: 'final', samples: 512, seed: 3 });
    expect({ ...peak, metric: 'final' }).toEqual(final);
  });

  it('counts a run whose T lands exactly on the crisis line as in crisis', () => {
    // One factor at 50; the event adds exactly 25 points: T = 75 = the crisis line.
    const doc = makeDocument([{ id: 'a', weight: 1, start: 50, target: 50, pace: 0 }], {
      horizonMonths: 2,
      events: [{ id: 'hit', label: { en: 'Hit', ar: '' }, month: 1, factor: 'a', shift: 25, probability: 0.5 }]
    });
    const result = scenarioSobol(compileScenario(doc, 0), { metric: 'crisis', samples: 1024, seed: 1 });
    expect(result.variance).toBeCloseTo(0.25, 1);
    expect(result.groups[0].first).toBeGreaterThan(0.9);
  });
});

describe('in steps (for the app’s progress and cancel)', () => {
  it('reports the runs done, rising to all of them, and ends with the same indices, bit for bit', () => {
    const doc = makeDocument(
      [
        { id: 'a', target: { low: 20, mode: 40, high: 80 }, pace: 0.3, volatility: 3 },
        { id: 'b', start: { low: 10, mode: 30, high: 50 }, pace: 0.2 }
      ],
      { horizonMonths: 6 }
    );
    const m = compileScenario(doc, 0);
    const steps = scenarioSobolSteps(m, { samples: 100, seed: 4, bootstrap: 60 });
    const seen: [number, number][] = [];
    let next = steps.next();
    while (!next.done) {
      seen.push(next.value);
      next = steps.next();
    }
    // 3 groups (a, b, noise): 100 · (3 + 2) runs; a step every 16 rows, then during the bootstrap.
    expect(seen[0]).toEqual([16 * 5, 500]);
    expect(seen.every(([done, all], i) => all === 500 && done >= (seen[i - 1]?.[0] ?? 0))).toBe(true);
    expect(seen.at(-1)).toEqual([500, 500]);
    expect(next.value).toEqual(scenarioSobol(m, { samples: 100, seed: 4, bootstrap: 60 }));
  });
});

describe('spreadShares', () => {
  const group = (id: string, kind: 'factor' | 'event' | 'noise', first: number) => ({
    id,
    kind,
    first,
    total: first,
    firstInterval: [first, first] as [number, number],
    totalInterval: [first, first] as [number, number]
  });
  it('splits the spread into the shocks alone, the judgements alone and their combination', () => {
    const result = {
      id: 's',
      metric: 'final' as const,
      samples: 10,
      variance: 4,
      groups: [group('a', 'factor', 0.1), group('e', 'event', 0.05), group('noise', 'noise', 0.7)]
    };
    const shares = spreadShares(result);
    expect(shares.noise).toBe(0.7);
    expect(shares.judgement).toBeCloseTo(0.15, 15);
    expect(shares.rest).toBeCloseTo(0.15, 15);
    // Sampling error can make the estimates add up past 1: the rest is then 0, not negative.
    expect(spreadShares({ ...result, groups: [group('a', 'factor', 0.4), group('noise', 'noise', 0.7)] }).rest).toBe(0);
    expect(spreadShares({ ...result, groups: [group('a', 'factor', 0.4)] })).toEqual({
      noise: 0,
      judgement: 0.4,
      rest: 0.6
    });
    expect(Object.values(spreadShares({ ...result, variance: 0 })).every(Number.isNaN)).toBe(true);
  });
});

describe('sobolRuns', () => {
  it('counts the runs the design makes, the group of inputs that do not vary included', () => {
    // A range of one value and a certain event vary nothing: one more group in the design.
    const doc = makeDocument(
      [
        { id: 'a', target: { low: 20, mode: 40, high: 80 }, pace: 0.3, volatility: 3 },
        { id: 'b', start: { low: 30, mode: 30, high: 30 }, pace: 0.2 }
      ],
      { horizonMonths: 4 }
    );
    doc.scenarios[0].events = [
      { id: 'e', label: { en: 'e', ar: '' }, month: 2, factor: 'a', shift: 5, probability: 1 }
    ];
    const m = compileScenario(doc, 0);
    const steps = scenarioSobolSteps(m, { samples: 32, seed: 1, bootstrap: 30 });
    const first = steps.next();
    expect(first.done).toBe(false);
    // Groups a and noise, and the one of b's range and the event: 32 · (3 + 2).
    expect(sobolRuns(m, 32)).toBe(32 * 5);
    expect((first.value as [number, number])[1]).toBe(sobolRuns(m, 32));
    expect(sobolRuns(compileScenario(makeDocument([{ id: 'a' }]), 0), 32)).toBe(0);
  });
});
