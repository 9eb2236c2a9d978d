// A central path under new weights (engine/reweigh.ts) is the path the model computes with them,
// to the last bit; and sameLevels says "the same levels" only where the model agrees.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestDocument } from '../../bench/largest';
import { centralSeries } from '../../src/engine/analysis';
import { loadDocument, type MizanDoc, type Uncertain } from '../../src/engine/format';
import { compileScenario } from '../../src/engine/model/compile';
import { centralRun, centralWeights, reweighed, sameLevels } from '../../src/engine/reweigh';
import { arbitraryDocument } from '../support/documents';
import { readFileSync } from 'node:fs';

const rich = (() => {
  const loaded = loadDocument(readFileSync('tests/fixtures/v2/rich.mizan', 'utf8'));
  if (!loaded.ok) throw new Error('rich.mizan does not load');
  return loaded.document;
})();

/** Every number of `a` and `b` the same value (Object.is: 0 and −0 differ, NaN equals NaN). */
function expectIdentical(a: unknown, b: unknown): void {
  expect(
    JSON.stringify(a, (_, v: unknown) => (typeof v === 'number' ? String(v) + (Object.is(v, -0) ? '-' : '') : v))
  ).toBe(JSON.stringify(b, (_, v: unknown) => (typeof v === 'number' ? String(v) + (Object.is(v, -0) ? '-' : '') : v)));
}

/** `doc` with factor i's weight (central value) set to w, a range kept a range around it. */
function withWeight(doc: MizanDoc, i: number, w: number): MizanDoc {
  const set = (old: Uncertain): Uncertain =>
    typeof old === 'number' ? w : { ...old, low: Math.min(old.low, w), mode: w, high: Math.max(old.high, w) };
  return { ...doc, factors: doc.factors.map((f, k) => (k === i ? { ...f, weight: set(f.weight) } : f)) };
}

describe('reweighed central paths', () => {
  it('centralRun gives centralSeries', () => {
    const m = compileScenario(rich, 0);
    expectIdentical(centralRun(m).series, centralSeries(m));
  });

  it('equals the central path simulated with the new weights, bit for bit', () => {
    fc.assert(
      fc.property(
        arbitraryDocument,
        fc.array(fc.tuple(fc.nat(), fc.double({ min: 0, max: 10, noNaN: true })), { minLength: 1, maxLength: 4 }),
        (doc, changes) => {
          let next = doc;
          for (const [at, w] of changes) next = withWeight(next, at % doc.factors.length, w);
          const weight = centralWeights(next, 0);
          if (!weight) return; // all weights 0: the model refuses it
          expect(sameLevels(doc, next, 0)).toBe(true);
          const run = reweighed(centralRun(compileScenario(doc, 0)), weight);
          expectIdentical(run.series, centralSeries(compileScenario(next, 0)));
          expectIdentical(run.weight, compileScenario(next, 0).weight);
        }
      ),
      { numRuns: 200 }
    );
  });

  it('reads a scenario’s own weights over the factors’, and keeps the same run for the same weights', () => {
    // Scenario 0 sets none of its own; scenario 1 its own for factors 0 (a range, as the factor's) and 1.
    const weights = { [rich.factors[0].id]: { low: 2, mode: 2.5, high: 3 }, [rich.factors[1].id]: 0.5 };
    const next: MizanDoc = {
      ...rich,
      factors: rich.factors.map((f, i) => (i === 1 ? { ...f, weight: 3 } : f)),
      scenarios: rich.scenarios.map((s, k) => (k === 1 ? { ...s, weights } : s))
    };
    rich.scenarios.forEach((_, k) => {
      expectIdentical(centralWeights(next, k), compileScenario(next, k).weight);
      expect(sameLevels(rich, next, k)).toBe(true);
      const run = reweighed(centralRun(compileScenario(rich, k)), centralWeights(next, k)!);
      expectIdentical(run.series, centralSeries(compileScenario(next, k)));
    });
    const run = centralRun(compileScenario(rich, 0));
    expect(reweighed(run, centralWeights(rich, 0)!)).toBe(run);
  });

  it('on the largest shape (60 factors, every link, events), a weight step gives the simulated path', () => {
    const doc = largestDocument({ scenarios: 2, runs: 100 });
    const next = withWeight(doc, 7, 0.25);
    for (const k of [0, 1]) {
      expect(sameLevels(doc, next, k)).toBe(true);
      const run = reweighed(centralRun(compileScenario(doc, k)), centralWeights(next, k)!);
      expectIdentical(run.series, centralSeries(compileScenario(next, k)));
    }
  });

  it('has no weights when they add up to nothing (the model refuses those)', () => {
    const zero = { ...rich, factors: rich.factors.map((f) => ({ ...f, weight: 0 })) };
    expect(centralWeights(zero, 0)).toBeNull();
    expect(() => compileScenario(zero, 0)).toThrow();
  });
});

describe('sameLevels', () => {
  const scenario = (
    doc: MizanDoc,
    k: number,
    change: (s: MizanDoc['scenarios'][number]) => MizanDoc['scenarios'][number]
  ) => ({
    ...doc,
    scenarios: doc.scenarios.map((s, i) => (i === k ? change(s) : s))
  });

  it('holds across what the model never reads', () => {
    const words: MizanDoc = {
      ...rich,
      title: 'Another title',
      description: 'Another description',
      modifiedAt: '2030-01-01T00:00:00.000Z',
      simulation: { ...rich.simulation, runs: 7, seed: 3 },
      factors: rich.factors.map((f) => ({ ...f, label: { en: 'renamed', ar: '' } })),
      scenarios: rich.scenarios.map((s) => ({ ...s, name: { en: 'renamed', ar: '' }, color: '#123456', notes: 'n' })),
      view: { anything: true }
    };
    rich.scenarios.forEach((_, k) => expect(sameLevels(rich, words, k)).toBe(true));
  });

  it('does not hold where the factors move otherwise, and only for the scenario changed', () => {
    const s0 = rich.scenarios[0];
    const f0 = rich.factors[0].id;
    const started = scenario(rich, 0, (s) => ({
      ...s,
      factors: { ...s.factors, [f0]: { ...s.factors[f0], start: central(s.factors[f0].start) + 1 } }
    }));
    expect(sameLevels(rich, started, 0)).toBe(false);
    expect(sameLevels(rich, started, 1)).toBe(true);
    expect(
      sameLevels(
        rich,
        scenario(rich, 0, (s) => ({ ...s, events: s.events.slice(1) })),
        0
      )
    ).toBe(s0.events.length === 0);
    expect(sameLevels(rich, { ...rich, horizonMonths: rich.horizonMonths + 1 }, 0)).toBe(false);
    expect(sameLevels(rich, { ...rich, interactions: rich.interactions.slice(1) }, 0)).toBe(
      rich.interactions.length === 0
    );
    expect(
      sameLevels(
        rich,
        { ...rich, factors: rich.factors.map((f, i) => (i === 0 ? { ...f, direction: -f.direction as 1 | -1 } : f)) },
        0
      )
    ).toBe(false);
    expect(sameLevels(rich, { ...rich, factors: rich.factors.slice(1) }, 0)).toBe(false);
    expect(sameLevels(rich, { ...rich, scenarios: [...rich.scenarios].reverse() }, 0)).toBe(
      rich.scenarios.length === 1
    );
  });

  it('does not hold when a weight becomes a range or a number (a correlation may name it)', () => {
    const ranged = {
      ...rich,
      factors: rich.factors.map((f, i) => (i === 0 ? { ...f, weight: { low: 0, mode: 1, high: 2 } } : f))
    };
    const plain = { ...rich, factors: rich.factors.map((f, i) => (i === 0 ? { ...f, weight: 1 } : f)) };
    expect(sameLevels(plain, ranged, 0)).toBe(false);
    expect(sameLevels(ranged, plain, 0)).toBe(false);
  });
});

const central = (v: Uncertain): number => (typeof v === 'number' ? v : v.mode);
