// The edits check numbers against BOUNDS; the file format's schema is built from the same
// table. These tests hold the two together: for every bound, a value the edits accept is one
// validateDocument accepts, at the bound, just past it and anywhere around it.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOUNDS, checkNumber, checkUncertain, monthBounds, type Bounds } from '../../src/engine/edits';
import { validateDocument, type MizanDoc, type Range } from '../../src/engine/format';

const RICH: MizanDoc = JSON.parse(readFileSync('tests/fixtures/v2/rich.mizan', 'utf8'));
const copy = (): MizanDoc => structuredClone(RICH);

type Key = keyof typeof BOUNDS;

/** Where each bounded number lives in a document: a copy of the rich fixture with `v` put there. */
const PLACES: Record<Key, (v: number) => MizanDoc> = {
  weight: (v) => with_((d) => (d.factors[1].weight = v)),
  level: (v) => with_((d) => (d.scenarios[0].factors.sanctions.start = v)),
  pace: (v) => with_((d) => (d.scenarios[0].factors.sanctions.pace = v)),
  volatility: (v) => with_((d) => (d.scenarios[0].factors.sanctions.volatility = v)),
  strength: (v) => with_((d) => (d.interactions[0].strength = v)),
  shift: (v) => with_((d) => (d.scenarios[0].events[0].shift = v)),
  probability: (v) => with_((d) => (d.scenarios[0].events[0].probability = v)),
  correlation: (v) =>
    with_((d) => (d.scenarios[0].correlations = [{ between: ['israel-iran.start', 'partnership.target'], rank: v }])),
  // The longest horizon, so that only the schema's bound on a month is in play.
  month: (v) =>
    with_((d) => {
      d.horizonMonths = BOUNDS.horizon.max;
      d.scenarios[0].events[0].month = v;
    }),
  runs: (v) => with_((d) => (d.simulation.runs = v)),
  seed: (v) => with_((d) => (d.simulation.seed = v)),
  // Events move into a shorter horizon, as the horizon edit moves them.
  horizon: (v) =>
    with_((d) => {
      d.horizonMonths = v;
      for (const s of d.scenarios) for (const e of s.events) e.month = Math.min(e.month, v);
    }),
  // The threshold put where it keeps elevated < high < crisis.
  threshold: (v) =>
    with_(
      (d) => (d.thresholds = v < 50 ? { elevated: v, high: 50, crisis: 75 } : { elevated: 25, high: 40, crisis: v })
    )
};

function with_(change: (doc: MizanDoc) => void): MizanDoc {
  const doc = copy();
  change(doc);
  return doc;
}

/** The nearest double beyond `x` in direction `dir`. */
const past = (x: number, dir: 1 | -1): number => x + dir * Math.max(Math.abs(x) * Number.EPSILON, Number.MIN_VALUE);

const schemaAccepts = (doc: MizanDoc): boolean => validateDocument(doc).ok;
const editsAccept = (v: number, bounds: Bounds): boolean => checkNumber(v, bounds) === null;

describe('BOUNDS are the schema’s bounds', () => {
  it('the fixture is valid as it is, so that every refusal below is the bound’s', () => {
    expect(schemaAccepts(copy())).toBe(true);
  });

  it('every bound has a place in a document (a new bound needs a row here)', () => {
    expect(Object.keys(PLACES).sort()).toEqual(Object.keys(BOUNDS).sort());
  });

  describe.each(Object.keys(BOUNDS) as Key[])('%s', (key) => {
    const bounds: Bounds = BOUNDS[key];
    const place = PLACES[key];
    const step = bounds.whole ? 1 : null;

    it('a value at each bound is accepted, by the edits and by the schema', () => {
      for (const v of [bounds.min, bounds.max]) {
        expect(editsAccept(v, bounds), `edits, ${v}`).toBe(true);
        expect(schemaAccepts(place(v)), `schema, ${v}`).toBe(true);
      }
    });

    it('a value just past each bound is refused, by the edits and by the schema', () => {
      const outside = step ? [bounds.min - step, bounds.max + step] : [past(bounds.min, -1), past(bounds.max, 1)];
      for (const v of outside) {
        expect(editsAccept(v, bounds), `edits, ${v}`).toBe(false);
        expect(schemaAccepts(place(v)), `schema, ${v}`).toBe(false);
      }
    });

    if (bounds.whole) {
      it('a fraction inside the bounds is refused by both (whole numbers only)', () => {
        const v = bounds.min + 0.5;
        expect(checkNumber(v, bounds)).toBe('not-whole');
        expect(schemaAccepts(place(v))).toBe(false);
      });
    }

    it('anywhere around the bounds, the edits accept exactly what the schema accepts', () => {
      const span = bounds.max - bounds.min;
      const values = fc.oneof(
        fc.double({ min: bounds.min - span, max: bounds.max + span, noNaN: true }),
        fc.integer({ min: Math.floor(bounds.min - span), max: Math.ceil(bounds.max + span) })
      );
      fc.assert(
        fc.property(values, (v) => editsAccept(v, bounds) === schemaAccepts(place(v))),
        { numRuns: 60 }
      );
    });
  });

  it('a range {low, mode, high} of a weight or a level: its ends are held to the same bounds', () => {
    const places = {
      weight: (r: Range) => with_((d) => (d.factors[1].weight = r)),
      level: (r: Range) => with_((d) => (d.scenarios[0].factors.sanctions.start = r))
    };
    for (const key of ['weight', 'level'] as const) {
      const { min, max } = BOUNDS[key];
      const range = (low: number, high: number): Range => ({ low, mode: (min + max) / 2, high });
      for (const [r, valid] of [
        [range(min, max), true],
        [range(past(min, -1), max), false],
        [range(min, past(max, 1)), false]
      ] as const) {
        expect(checkUncertain(r, BOUNDS[key]) === null, `edits, ${key} ${JSON.stringify(r)}`).toBe(valid);
        expect(schemaAccepts(places[key](r)), `schema, ${key} ${JSON.stringify(r)}`).toBe(valid);
      }
    }
  });

  it('an event’s month: the document’s horizon is its last', () => {
    const doc = copy();
    const bounds = monthBounds(doc);
    expect(bounds).toEqual({ min: 1, max: doc.horizonMonths, whole: true });
    for (const v of [0, 1, doc.horizonMonths, doc.horizonMonths + 1]) {
      const placed = with_((d) => (d.scenarios[0].events[0].month = v));
      expect(editsAccept(v, bounds), `${v}`).toBe(schemaAccepts(placed));
    }
  });
});
