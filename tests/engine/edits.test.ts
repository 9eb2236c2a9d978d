// The document edits as pure functions (src/engine/edits.ts), without the app's store: a
// document in, never changed; the next document out, valid by the file format's own rules
// (schema and references), or a refusal. The store's behaviour (undo, coalescing, messages)
// is tested in tests/renderer/editor-actions.test.ts.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as E from '../../src/engine/edits';
import { BOUNDS, Refused } from '../../src/engine/edits';
import { validateDocument, type MizanDoc } from '../../src/engine/format';

const RICH: MizanDoc = JSON.parse(readFileSync('tests/fixtures/v2/rich.mizan', 'utf8'));

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Numbers around a bound: inside, at the ends, just outside, fractions and not numbers. */
const around = (key: keyof typeof BOUNDS) => {
  const { min, max } = BOUNDS[key];
  const span = max - min;
  return fc.oneof(
    fc.double({ min: min - span / 4, max: max + span / 4, noNaN: true }),
    fc.constantFrom(min, max, min - 1, max + 1, Number.NaN, Number.POSITIVE_INFINITY),
    fc.integer({ min: Math.floor(min) - 2, max: Math.ceil(max) + 2 })
  );
};

const factorId = fc.constantFrom(...RICH.factors.map((f) => f.id), 'nope');
const scenarioId = fc.constantFrom(...RICH.scenarios.map((s) => s.id), 'nope');
const label = fc.record({ en: fc.string({ maxLength: 8 }), ar: fc.constantFrom('', 'عامل', ' ') });

type Edit = (doc: MizanDoc) => E.Edited;
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(factorId, around('weight')).map(
    ([id, v]): Edit =>
      (d) =>
        E.setFactorWeight(d, id, v)
  ),
  fc
    .tuple(
      scenarioId,
      factorId,
      fc.constantFrom('start', 'target', 'pace', 'volatility') as fc.Arbitrary<E.ScenarioFactorField>,
      around('level')
    )
    .map(
      ([s, f, field, v]): Edit =>
        (d) =>
          E.setScenarioFactor(d, s, f, field, v)
    ),
  fc.tuple(scenarioId, factorId, fc.option(around('weight'))).map(
    ([s, f, v]): Edit =>
      (d) =>
        E.setWeightOverride(d, s, f, v)
  ),
  fc.tuple(factorId, factorId, fc.option(around('strength'))).map(
    ([a, b, v]): Edit =>
      (d) =>
        E.setInteraction(d, a, b, v)
  ),
  fc.tuple(factorId, label).map(
    ([id, l]): Edit =>
      (d) =>
        E.renameFactor(d, id, l)
  ),
  fc.tuple(fc.constantFrom('new1', 'israel-iran', '1bad', 'x'.repeat(65)), label).map(
    ([id, l]): Edit =>
      (d) =>
        E.addFactor(d, { id, label: l })
  ),
  factorId.map(
    (id): Edit =>
      (d) =>
        E.deleteFactor(d, id)
  ),
  scenarioId.map(
    (id): Edit =>
      (d) =>
        E.deleteScenario(d, id)
  ),
  around('horizon').map(
    (v): Edit =>
      (d) =>
        E.setHorizon(d, v)
  ),
  around('runs').map(
    (v): Edit =>
      (d) =>
        E.setRuns(d, v)
  ),
  around('seed').map(
    (v): Edit =>
      (d) =>
        E.setSeed(d, v)
  ),
  fc.tuple(around('threshold'), around('threshold'), around('threshold')).map(
    ([elevated, high, crisis]): Edit =>
      (d) =>
        E.setThresholds(d, { elevated, high, crisis })
  ),
  fc.constantFrom('2024-10', '2024-13', '24-10', '').map(
    (m): Edit =>
      (d) =>
        E.setStartMonth(d, m)
  )
);

describe('the edits, as pure functions', () => {
  it('never change the document given, and give a valid document, the same one, or a refusal', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        let doc = deepFreeze(structuredClone(RICH));
        for (const apply of edits) {
          const next = apply(doc); // a frozen document: any write throws
          if (next instanceof Refused) continue;
          if (next !== doc) {
            const checked = validateDocument(next);
            expect(checked.ok, JSON.stringify(!checked.ok && checked.problems)).toBe(true);
          }
          doc = deepFreeze(next);
        }
      }),
      { numRuns: 150 }
    );
  });

  it('a value out of its bounds is refused, never clamped', () => {
    const doc = deepFreeze(structuredClone(RICH));
    expect(E.setFactorWeight(doc, 'sanctions', BOUNDS.weight.max + 1)).toEqual(new Refused('out-of-range'));
    expect(E.setRuns(doc, BOUNDS.runs.max + 1)).toEqual(new Refused('out-of-range'));
    expect(E.setRuns(doc, 1.5)).toEqual(new Refused('not-whole'));
    expect(E.setSeed(doc, Number.NaN)).toEqual(new Refused('not-number'));
  });

  it('an edit that changes nothing gives back the same document', () => {
    const doc = deepFreeze(structuredClone(RICH));
    expect(E.setRuns(doc, doc.simulation.runs)).toBe(doc);
    expect(E.setFactorWeight(doc, 'sanctions', 6)).toBe(doc);
  });
});
