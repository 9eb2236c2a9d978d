// Structural diagnostics (issue 12, item 3): steady states against closed forms worked out by
// hand, the feedback loops against hand-listed graphs and a plain search of every path, and T
// with the links off against the central path of a document whose links were removed by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feedbackLoops, scenarioDiagnostics, steadyState, withoutLinks } from '../../src/engine';
import type { MizanDoc } from '../../src/engine/format/schema';
import { central } from '../../src/engine/format/central';
import { compileScenario } from '../../src/engine/model/compile';
import { COUNTED_LOOPS, SHOWN_LOOPS } from '../../src/engine/model/loops';
import { MAX_MONTHS } from '../../src/engine/model/diagnostics';
import { centralPath } from '../../src/engine/model/simulate';
import { arbitraryDocument, makeDocument, type FactorSpec } from '../support/documents';

type Link = [from: string, to: string, strength: number];
const withLinks = (factors: FactorSpec[], links: Link[] = [], horizonMonths = 12) =>
  makeDocument(factors, { horizonMonths, interactions: links.map(([from, to, strength]) => ({ from, to, strength })) });
const steadyOf = (doc: MizanDoc) => steadyState(compileScenario(doc, 0));

describe('steady state', () => {
  // Stopped when a month moves less than 1e-12, a level is still up to about 1e-12·(1 − k)/k from
  // where it tends (model units): within 1e-9 points for the paces used here.
  it('is the target when no link pushes, whatever the pace and the start', () => {
    const doc = withLinks([
      { id: 'a', start: 10, target: 70, pace: 0.2 },
      { id: 'b', start: 90, target: 35, pace: 0.25 },
      { id: 'c', start: 0, target: 100, pace: 0.7 }
    ]);
    const { settled, factors } = scenarioDiagnostics(doc, 0).steadyState;
    expect(settled).toBe(true);
    expect(factors.map((f) => f.id)).toEqual(['a', 'b', 'c']);
    expect(factors.map((f) => f.target)).toEqual([70, 35, 100]);
    for (const f of factors) {
      expect(Math.abs(f.steady - f.target)).toBeLessThan(1e-9);
      expect(f.gap).toBe(f.steady - f.target);
    }
  });

  it('takes two months at pace 1 (one to reach the target, one that does not move) and one at pace 0', () => {
    const reached = steadyOf(withLinks([{ id: 'a', start: 10, target: 70, pace: 1 }]));
    expect(reached).toMatchObject({ settled: true, months: 2 });
    expect(reached.levels[0]).toBe(0.7);
    // Pace 0 and no links: the update never moves the level, so the steady state is the start.
    const still = steadyOf(withLinks([{ id: 'a', start: { low: 10, mode: 20, high: 40 }, target: 70, pace: 0 }]));
    expect(still).toMatchObject({ settled: true, months: 1 });
    expect(still.levels[0]).toBe(0.2);
  });

  it('waits for the slowest factor: one still factor does not make the others settled', () => {
    const s = steadyOf(
      withLinks([
        { id: 'still', start: 30, target: 90, pace: 0 },
        { id: 'moving', start: 0, target: 50, pace: 0.5 }
      ])
    );
    // x(t) = 0.5 − 0.5^(t+1): the change in month t is 0.5^(t+1), below 1e-12 from t = 39 (2^−40 ≈ 9.1e-13).
    expect(s.settled).toBe(true);
    expect(s.months).toBe(39);
    expect(s.levels[0]).toBe(0.3);
    expect(Math.abs(s.levels[1] - 0.5)).toBeLessThan(1e-11);
  });

  it('solves k(g − x) + c·x_j*·(1 − x) = 0 under a positive link', () => {
    // j settles at its target 0.6. i: k = 0.2, g = 0.3, c = 0.5:
    // x = (k g + c x_j) / (k + c x_j) = (0.06 + 0.3) / (0.2 + 0.3) = 0.72.
    const doc = withLinks(
      [
        { id: 'j', start: 20, target: 60, pace: 0.3 },
        { id: 'i', start: 50, target: 30, pace: 0.2 }
      ],
      [['j', 'i', 0.5]]
    );
    const [j, i] = scenarioDiagnostics(doc, 0).steadyState.factors;
    expect(Math.abs(j.steady - 60)).toBeLessThan(1e-9);
    expect(Math.abs(i.steady - 72)).toBeLessThan(1e-9);
    expect(Math.abs(i.gap - 42)).toBeLessThan(1e-9);
    expect(i.target).toBe(30);
  });

  it('solves k(g − x) + c·x_j*·x = 0 under a negative link', () => {
    // c = −0.5: x = k g / (k − c x_j) = 0.06 / (0.2 + 0.3) = 0.12.
    const doc = withLinks(
      [
        { id: 'j', start: 20, target: 60, pace: 0.3 },
        { id: 'i', start: 50, target: 30, pace: 0.2 }
      ],
      [['j', 'i', -0.5]]
    );
    const [, i] = scenarioDiagnostics(doc, 0).steadyState.factors;
    expect(Math.abs(i.steady - 12)).toBeLessThan(1e-9);
    expect(Math.abs(i.gap + 18)).toBeLessThan(1e-9);
  });

  it('clamps a push past 100 or 0 as the monthly update does', () => {
    // up: 0.5 + 1·(1 − 0.5) + 1·1·(1 − 0.5) = 1.5 → 1, then 1 stays. down: 0.5 − 0.5 − 1·0.5 = −0.5 → 0.
    const doc = withLinks(
      [
        { id: 'source', start: 100, target: 100, pace: 0 },
        { id: 'up', start: 50, target: 100, pace: 1 },
        { id: 'down', start: 50, target: 0, pace: 1 }
      ],
      [
        ['source', 'up', 1],
        ['source', 'down', -1]
      ]
    );
    const s = steadyOf(doc);
    expect(s).toMatchObject({ settled: true, months: 2 });
    expect(Array.from(s.levels)).toEqual([1, 1, 0]);
  });

  it('says when the levels cycle instead of settling, and gives the last ones', () => {
    // j reaches 1 in a month; i (pace 1, target 0, pushed by j at strength 1) then goes x → 1 − x:
    // 0.5 → 0.25 (j was still 0.5) → 0.75 → 0.25 → …
    const doc = withLinks(
      [
        { id: 'j', start: 50, target: 100, pace: 1 },
        { id: 'i', start: 50, target: 0, pace: 1 }
      ],
      [['j', 'i', 1]]
    );
    const m = compileScenario(doc, 0);
    expect(steadyState(m, 1000)).toMatchObject({ settled: false, months: 1000, levels: new Float64Array([1, 0.75]) });
    expect(steadyState(m, 999)).toMatchObject({ settled: false, months: 999, levels: new Float64Array([1, 0.25]) });
    expect(MAX_MONTHS).toBe(100_000);
    const d = scenarioDiagnostics(doc, 0).steadyState;
    expect(d).toMatchObject({ settled: false, months: 100_000 });
    expect(d.factors[1]).toEqual({ id: 'i', target: 0, steady: 75, gap: 75 });
  });

  it('follows the central path month by month when there are no events (the same update)', () => {
    fc.assert(
      fc.property(arbitraryDocument, (doc) => {
        doc.scenarios[0].events = [];
        const m = compileScenario(doc, 0);
        const s = steadyState(m, m.horizon);
        const path = centralPath(m);
        // Stopped at the horizon, or earlier where it settled: the levels of that month, bit for bit.
        expect(s.months).toBeLessThanOrEqual(m.horizon);
        if (!s.settled) expect(s.months).toBe(m.horizon);
        expect(Array.from(s.levels)).toEqual(Array.from(path.levels.subarray(s.months * m.n, (s.months + 1) * m.n)));
      }),
      { numRuns: 150 }
    );
  });

  it('reports the target as the file gives it, for the scenario asked', () => {
    const doc = withLinks([{ id: 'a', start: 3, target: { low: 1, mode: 7, high: 9 }, pace: 0.3 }]);
    doc.scenarios.push({
      ...structuredClone(doc.scenarios[0]),
      id: 'other',
      factors: { a: { start: 3, target: 29, pace: 0.3, volatility: 0 } }
    });
    expect(scenarioDiagnostics(doc, 0).steadyState.factors[0].target).toBe(7);
    const other = scenarioDiagnostics(doc, 1).steadyState.factors[0];
    expect(other.target).toBe(29);
    expect(Math.abs(other.steady - 29)).toBeLessThan(1e-9);
  });
});

/** Every elementary cycle by a plain search: every simple path from s through factors above s back to s. */
function plainCycles(n: number, links: Link[], ids: string[]): Map<string, { gain: number; negative: number }> {
  const out = new Map<string, { gain: number; negative: number }>();
  const index = (id: string) => ids.indexOf(id);
  const strength = new Map(links.filter(([, , c]) => c !== 0).map(([a, b, c]) => [`${index(a)}>${index(b)}`, c]));
  const walk = (s: number, path: number[], gain: number, negative: number) => {
    const v = path[path.length - 1];
    for (let w = 0; w < n; w++) {
      const c = strength.get(`${v}>${w}`);
      if (c === undefined) continue;
      const more = negative + (c < 0 ? 1 : 0);
      if (w === s) out.set(path.map((k) => ids[k]).join(' '), { gain: gain * c, negative: more });
      else if (w > s && !path.includes(w)) walk(s, [...path, w], gain * c, more);
    }
  };
  for (let s = 0; s < n; s++) walk(s, [s], 1, 0);
  return out;
}

const loopsOf = (ids: string[], links: Link[], shown?: number, counted?: number) =>
  feedbackLoops(
    compileScenario(
      withLinks(
        ids.map((id) => ({ id })),
        links
      ),
      0
    ),
    shown,
    counted
  );

/** Every ordered pair of distinct factors, strength 0.5. */
const complete = (ids: string[]): Link[] =>
  ids.flatMap((a) => ids.filter((b) => b !== a).map((b): Link => [a, b, 0.5]));

describe('feedback loops', () => {
  it('finds a 2-cycle with its sign and gain', () => {
    const r = loopsOf(
      ['a', 'b'],
      [
        ['a', 'b', 0.5],
        ['b', 'a', -0.4]
      ]
    );
    expect(r).toMatchObject({ total: 1, reinforcing: 0, complete: true });
    expect(r.listed).toHaveLength(1);
    expect(r.listed[0].factors).toEqual(['a', 'b']);
    expect(r.listed[0].sign).toBe('balancing');
    expect(r.listed[0].gain).toBeCloseTo(-0.2, 15);
  });

  it('calls two negative links a reinforcing loop', () => {
    const r = loopsOf(
      ['a', 'b'],
      [
        ['a', 'b', -0.5],
        ['b', 'a', -0.5]
      ]
    );
    expect(r.listed).toEqual([{ factors: ['a', 'b'], sign: 'reinforcing', gain: 0.25 }]);
    expect(r.reinforcing).toBe(1);
    // A product that underflows to 0 keeps the sign its links give it.
    const tiny = loopsOf(
      ['a', 'b', 'c'],
      [
        ['a', 'b', 1e-200],
        ['b', 'c', -1e-200],
        ['c', 'a', 1e-200]
      ]
    );
    expect(tiny.listed).toEqual([{ factors: ['a', 'b', 'c'], sign: 'balancing', gain: -0 }]);
  });

  it('starts a 3-cycle at its smallest factor, whatever the order of the links', () => {
    const r = loopsOf(
      ['x', 'y', 'z'],
      [
        ['z', 'x', 0.5],
        ['y', 'z', -0.5],
        ['x', 'y', 0.4]
      ]
    );
    expect(r.listed).toEqual([{ factors: ['x', 'y', 'z'], sign: 'balancing', gain: -0.1 }]);
    // The same cycle the other way round starts at x too.
    const back = loopsOf(
      ['x', 'y', 'z'],
      [
        ['z', 'y', 0.5],
        ['y', 'x', 0.5],
        ['x', 'z', 0.5]
      ]
    );
    expect(back.listed.map((l) => l.factors)).toEqual([['x', 'z', 'y']]);
  });

  it('finds none in a graph without a cycle, and ignores links of strength 0', () => {
    expect(
      loopsOf(
        ['a', 'b', 'c', 'd'],
        [
          ['a', 'b', 0.5],
          ['a', 'c', 0.5],
          ['b', 'd', 0.5],
          ['c', 'd', 0.5],
          ['a', 'd', -0.5]
        ]
      )
    ).toEqual({ listed: [], total: 0, reinforcing: 0, complete: true });
    expect(
      loopsOf(
        ['a', 'b'],
        [
          ['a', 'b', 0],
          ['b', 'a', 0.5]
        ]
      ).total
    ).toBe(0);
    expect(loopsOf(['a'], []).total).toBe(0);
  });

  it('finds both cycles through a shared factor, and no figure-eight', () => {
    const r = loopsOf(
      ['a', 'b', 'c'],
      [
        ['a', 'b', 0.5],
        ['b', 'a', 0.5],
        ['b', 'c', -0.5],
        ['c', 'b', 0.5]
      ]
    );
    expect(r.listed.map((l) => [l.factors, l.sign])).toEqual([
      [['a', 'b'], 'reinforcing'],
      [['b', 'c'], 'balancing']
    ]);
    expect(r.total).toBe(2);
    expect(r.reinforcing).toBe(1);
  });

  it('lists a hand-worked example, largest |gain| first and ties in the order found', () => {
    // a→b 0.5, b→a −0.2, b→c 0.4, c→a 0.5, c→d −0.3, d→c −0.1:
    // a b (−0.1, balancing), a b c (0.5·0.4·0.5 = 0.1, reinforcing), c d (0.03, reinforcing).
    const r = loopsOf(
      ['a', 'b', 'c', 'd'],
      [
        ['c', 'd', -0.3],
        ['d', 'c', -0.1],
        ['a', 'b', 0.5],
        ['b', 'a', -0.2],
        ['b', 'c', 0.4],
        ['c', 'a', 0.5]
      ]
    );
    expect(r.listed.map((l) => [l.factors.join(' '), l.sign])).toEqual([
      ['a b', 'balancing'],
      ['a b c', 'reinforcing'],
      ['c d', 'reinforcing']
    ]);
    expect(r.listed[0].gain).toBe(-0.1);
    expect(r.listed[1].gain).toBe(0.1);
    expect(r.listed[2].gain).toBeCloseTo(0.03, 15);
    expect(r).toMatchObject({ total: 3, reinforcing: 2, complete: true });
  });

  it('finds the Σ C(n,k)(k − 1)! cycles of a complete graph, 2-cycles first (larger gain)', () => {
    const three = loopsOf(['a', 'b', 'c'], complete(['a', 'b', 'c']));
    expect(three.listed.map((l) => l.factors.join(' '))).toEqual(['a b', 'a c', 'b c', 'a b c', 'a c b']);
    expect(three.listed.map((l) => l.gain)).toEqual([0.25, 0.25, 0.25, 0.125, 0.125]);
    // n = 4: 6 two-cycles, 4·2 three-cycles, 3! four-cycles.
    expect(loopsOf(['a', 'b', 'c', 'd'], complete(['a', 'b', 'c', 'd'])).total).toBe(6 + 8 + 6);
  });

  it('shows at most `shown` loops and stops counting past `counted`', () => {
    const ids = ['a', 'b', 'c'];
    const r = loopsOf(ids, complete(ids), 2);
    expect(r.listed.map((l) => l.factors.join(' '))).toEqual(['a b', 'a c']);
    expect(r).toMatchObject({ total: 5, reinforcing: 5, complete: true });
    expect(loopsOf(ids, complete(ids), 50, 5)).toMatchObject({ total: 5, complete: true });
    const cut = loopsOf(ids, complete(ids), 50, 4);
    expect(cut).toMatchObject({ total: 4, reinforcing: 4, complete: false });
    expect(cut.listed).toHaveLength(4);
    expect(loopsOf(ids, complete(ids), 50, 0)).toMatchObject({ total: 0, complete: false, listed: [] });
  });

  it('shows 50 and counts up to 10 000 by default', () => {
    expect([SHOWN_LOOPS, COUNTED_LOOPS]).toEqual([50, 10_000]);
    // 7 factors: 21 + 70 + 210 + 504 + 840 + 720 = 2365 loops, all counted.
    const seven = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const r = loopsOf(seven, complete(seven));
    expect(r).toMatchObject({ total: 2365, reinforcing: 2365, complete: true });
    expect(r.listed).toHaveLength(50);
    // The 21 two-cycles (gain 0.25) first, then 29 of the three-cycles (0.125).
    expect(r.listed.map((l) => l.factors.length)).toEqual([...Array(21).fill(2), ...Array(29).fill(3)]);
    // 8 factors have 16 064: the search stops at 10 000.
    const eight = [...seven, 'h'];
    expect(loopsOf(eight, complete(eight))).toMatchObject({ total: 10_000, complete: false });
  });

  it('lists loops of equal gain in the order of their factors, whatever the order of the links in the file', () => {
    // Eleven factors, loops f0 ↔ f10 and f0 ↔ f2 of equal gain, the links to f10 listed first:
    // f2 comes before f10 by index (not as text: "10" < "2").
    const ids = Array.from({ length: 11 }, (_, k) => `f${k}`);
    const links: Link[] = [
      ['f0', 'f10', 0.5],
      ['f10', 'f0', 0.5],
      ['f0', 'f2', 0.5],
      ['f2', 'f0', 0.5]
    ];
    expect(loopsOf(ids, links).listed.map((l) => l.factors)).toEqual([
      ['f0', 'f2'],
      ['f0', 'f10']
    ]);
  });

  it('agrees with a plain search of every path on random graphs', () => {
    fc.assert(
      fc.property(arbitraryDocument, (doc) => {
        const ids = doc.factors.map((f) => f.id);
        const links = doc.interactions.map((c): Link => [c.from, c.to, central(c.strength)]);
        const expected = plainCycles(ids.length, links, ids);
        const r = feedbackLoops(compileScenario(doc, 0), Infinity);
        expect(r.total).toBe(expected.size);
        expect(r.complete).toBe(true);
        expect(new Set(r.listed.map((l) => l.factors.join(' ')))).toEqual(new Set(expected.keys()));
        for (const l of r.listed) {
          const { gain, negative } = expected.get(l.factors.join(' '))!;
          expect(l.gain).toBe(gain);
          // By the count of negative links: a product of tiny strengths can underflow to 0.
          expect(l.sign).toBe(negative % 2 === 0 ? 'reinforcing' : 'balancing');
        }
        expect(r.reinforcing).toBe(r.listed.filter((l) => l.sign === 'reinforcing').length);
        for (let k = 1; k < r.listed.length; k++)
          expect(Math.abs(r.listed[k - 1].gain)).toBeGreaterThanOrEqual(Math.abs(r.listed[k].gain));
      }),
      { numRuns: 300 }
    );
  });
});

describe('T with the links off', () => {
  const doc = () =>
    makeDocument(
      [
        { id: 'a', direction: 1, weight: 6, start: 40, target: 70, pace: 0.2 },
        { id: 'b', direction: -1, weight: 4, start: 60, target: 50, pace: 0.1 },
        { id: 'c', direction: 1, weight: 2, start: 20, target: 20, pace: 0.3, volatility: 10 }
      ],
      {
        horizonMonths: 18,
        interactions: [
          { from: 'b', to: 'a', strength: -0.1 },
          { from: 'a', to: 'b', strength: 0.05 },
          { from: 'a', to: 'c', strength: 0.4 }
        ],
        events: [{ id: 'strike', label: { en: 'Strike', ar: '' }, month: 3, factor: 'a', shift: 10, probability: 0.6 }]
      }
    );

  it('is the central path of the same document with its links removed by hand', () => {
    const linked = doc();
    const unlinked = doc();
    unlinked.interactions = [];
    const t = scenarioDiagnostics(linked, 0).tensionAtHorizon;
    expect(t.withLinks).toBe(centralPath(compileScenario(linked, 0)).tension[18]);
    expect(t.withoutLinks).toBe(centralPath(compileScenario(unlinked, 0)).tension[18]);
    expect(t.difference).toBe(t.withLinks - t.withoutLinks);
    // The links move T here (b holds a back; a lifts c): the two paths differ.
    expect(Math.abs(t.difference)).toBeGreaterThan(1);
  });

  it('changes only the strengths, in a copy', () => {
    const m = compileScenario(doc(), 0);
    const off = withoutLinks(m);
    expect(Array.from(off.interactionStrength)).toEqual([0, 0, 0]);
    expect(Array.from(m.interactionStrength)).toEqual([-0.1, 0.05, 0.4]);
    expect({ ...off, interactionStrength: m.interactionStrength }).toEqual(m);
  });

  it('is the same with and without links when there are none', () => {
    const unlinked = doc();
    unlinked.interactions = [];
    const t = scenarioDiagnostics(unlinked, 0).tensionAtHorizon;
    expect(t.withLinks).toBe(t.withoutLinks);
    expect(t.difference).toBe(0);
  });
});
