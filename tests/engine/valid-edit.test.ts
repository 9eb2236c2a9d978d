// isValidEdit (the edit guard's check of what an edit changed) says what validateDocument says,
// for edits that share the rest of the document, as the app's edits do, valid or not.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestDocument } from '../../bench/largest';
import { isValidEdit, loadDocument, validateDocument, type MizanDoc } from '../../src/engine/format';
import { arbitraryDocument } from '../support/documents';

const loaded = (path: string): MizanDoc => {
  const result = loadDocument(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(`${path} does not load`);
  return result.document;
};
const fixtures = [
  loaded('tests/fixtures/v2/rich.mizan'),
  loaded('tests/fixtures/v2/tracked.mizan'),
  loaded('resources/scenarios/ashgabat-2024.mizan')
];

type Json = unknown;

/** The path of a random place in `value`, chosen by `picks` (each step a key or an index). */
function placeIn(value: Json, picks: number[]): (string | number)[] {
  const path: (string | number)[] = [];
  let at = value;
  for (const pick of picks) {
    if (Array.isArray(at)) {
      if (at.length === 0) break;
      path.push(pick % at.length);
      at = at[pick % at.length];
    } else if (at !== null && typeof at === 'object') {
      const keys = Object.keys(at);
      if (keys.length === 0) break;
      const key = keys[pick % keys.length];
      path.push(key);
      at = (at as Record<string, Json>)[key];
    } else break;
  }
  return path;
}

const get = (value: Json, path: (string | number)[]): Json =>
  path.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k], value);

/** `value` with what is at `path` replaced by `change(old)` (undefined: removed), sharing everything else. */
function replaced(value: Json, path: (string | number)[], change: (old: Json) => Json | undefined): Json {
  if (path.length === 0) return change(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    const next = replaced(value[head as number], rest, change);
    if (next === undefined && rest.length === 0) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  const copy = { ...(value as Record<string, Json>) };
  const next = replaced(copy[head as string], rest, change);
  if (next === undefined && rest.length === 0) delete copy[head as string];
  else copy[head as string] = next;
  return copy;
}

/** What an edit may put in a place: nothing, other values of any type, a copy of a sibling, a bigger or smaller list. */
const changes: fc.Arbitrary<(old: Json, doc: Json, parent: Json) => Json | undefined> = fc.oneof(
  fc.constant(() => undefined),
  fc
    .constantFrom<Json>(-1, 0, 0.5, 3, 10, 11, 100, 101, 1e9, NaN, '', 'x', 'f1', '2024-13', null, true, {}, [], [1])
    .map((v) => () => v),
  fc.nat().map((k) => (_: Json, __: Json, parent: Json) => {
    // a sibling (the same object: a duplicate id, a repeated item)
    if (Array.isArray(parent) && parent.length > 0) return parent[k % parent.length];
    return _;
  }),
  fc.constant((old: Json) => (Array.isArray(old) ? [...old, ...old] : old)),
  fc.constant((old: Json) => (Array.isArray(old) ? old.slice(1) : old)),
  fc.constant((old: Json) => (Array.isArray(old) ? [...old, undefined] : old)),
  fc.constant((old: Json) =>
    old !== null && typeof old === 'object' && !Array.isArray(old) ? { ...old, extra: 1 } : old
  ),
  fc.constant((old: Json) =>
    old !== null && typeof old === 'object' && !Array.isArray(old) ? { ...old, ['__proto__']: 1 } : old
  ),
  fc.constant((old: Json) => (typeof old === 'number' ? old + 1 : old)),
  fc.constant((old: Json) => (typeof old === 'number' ? -old : old))
);

const anEdit = fc.record({
  picks: fc.array(fc.nat(), { minLength: 0, maxLength: 7 }),
  change: changes
});

function edited(doc: MizanDoc, edits: { picks: number[]; change: (old: Json, doc: Json, parent: Json) => Json }[]) {
  let next: Json = doc;
  for (const { picks, change } of edits) {
    const path = placeIn(next, picks);
    const parent = path.length > 0 ? get(next, path.slice(0, -1)) : undefined;
    next = replaced(next, path, (old) => change(old, next, parent));
  }
  return next;
}

describe('isValidEdit', () => {
  it('says what validateDocument says of edits of valid documents', () => {
    fc.assert(
      fc.property(
        fc.oneof(arbitraryDocument, fc.constantFrom(...fixtures)),
        fc.array(anEdit, { minLength: 1, maxLength: 3 }),
        (doc, edits) => {
          const next = edited(doc, edits);
          expect(isValidEdit(doc, next)).toBe(validateDocument(next).ok);
        }
      ),
      { numRuns: 3000 }
    );
  });

  it('catches a bad value in a new item among shared ones, and a list past its limit of shared items', () => {
    const doc = fixtures[0];
    const bad = { ...doc.factors[0], weight: 11 };
    expect(isValidEdit(doc, { ...doc, factors: [bad, ...doc.factors.slice(1)] })).toBe(false);
    const many = { ...doc, factors: Array.from({ length: 61 }, (_, i) => ({ ...doc.factors[0], id: `f${i}` })) };
    expect(isValidEdit(doc, many)).toBe(false);
    expect(validateDocument(many).ok).toBe(false);
    expect(isValidEdit(doc, { ...doc, scenarios: [] })).toBe(false);
    // A repeated factor (the same object twice): its schema holds, its id does not.
    expect(isValidEdit(doc, { ...doc, factors: [...doc.factors, doc.factors[0]] })).toBe(false);
    expect(isValidEdit(doc, { ...doc, factors: [...doc.factors] })).toBe(true);
    expect(isValidEdit(doc, null)).toBe(false);
  });

  it('accepts a weight step on the largest document, and refuses one out of bounds', () => {
    const doc = largestDocument({ scenarios: 2, runs: 100 });
    const step = (w: number): MizanDoc => ({
      ...doc,
      factors: doc.factors.map((f, i) =>
        i === 0 ? { ...f, weight: typeof f.weight === 'number' ? w : { ...f.weight, mode: w } } : f
      )
    });
    expect(isValidEdit(doc, step(4))).toBe(true);
    expect(isValidEdit(doc, step(-1))).toBe(false);
  });
});
