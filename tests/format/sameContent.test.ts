// sameContent(a, b) must say exactly what comparing the two serialized texts says: the store's
// dirty flag relies on it instead of serializing the document on every edit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDocument, sameContent, serializeDocument, type MizanDoc } from '../../src/engine/format';
import { fixtureText } from './helpers';

function load(name: string): MizanDoc {
  const result = loadDocument(fixtureText(name));
  if (!result.ok) throw new Error(`fixture ${name} does not load`);
  return result.document;
}

const sameText = (a: MizanDoc, b: MizanDoc) => serializeDocument(a) === serializeDocument(b);

/** Every path to a number or string in a JSON value. */
function leafPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...at, i]));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...at, k]));
  return typeof value === 'number' || typeof value === 'string' ? [at] : [];
}

/** A copy with the value at `path` replaced, sharing everything off the path (as edits do). */
function withValue(value: unknown, path: (string | number)[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? withValue(v, rest, leaf) : v));
  const object = value as Record<string, unknown>;
  return { ...object, [head]: withValue(object[head], rest, leaf) };
}

/** A deep copy with every object's keys in reverse order and an undefined key added (the view aside: its order is written). */
function shuffled(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shuffled);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).reverse()) out[key] = shuffled((value as Record<string, unknown>)[key]);
  out.notWritten = undefined;
  return out;
}

const at = (value: unknown, path: (string | number)[]) =>
  path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);

// Loaded on first use, not while the file is collected (mutation runs count collection-time work as static).
let loaded: { rich: MizanDoc; paths: (string | number)[][] } | undefined;
function richDocument(): { rich: MizanDoc; paths: (string | number)[][] } {
  if (!loaded) {
    const rich = load('v2/rich.mizan');
    loaded = { rich, paths: leafPaths(rich).filter((p) => p[0] !== 'view') };
  }
  return loaded;
}

describe('sameContent', () => {
  it('agrees with the serialized texts after any one value is changed, or set to what it was', () => {
    const { rich, paths } = richDocument();
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.boolean(),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (path, keep, x) => {
          const old = at(rich, path);
          const leaf = keep ? old : typeof old === 'number' ? old + x : `${String(old)}·`;
          const edited = withValue(rich, path, leaf) as MizanDoc;
          expect(sameContent(rich, edited)).toBe(sameText(rich, edited));
          expect(sameContent(edited, rich)).toBe(sameText(edited, rich));
        }
      ),
      { numRuns: 300 }
    );
  });

  it('ignores key order and undefined values where the text does, but not the order of arrays', () => {
    const { rich } = richDocument();
    const copy = { ...(shuffled(rich) as MizanDoc), view: rich.view };
    expect(sameText(rich, copy)).toBe(true);
    expect(sameContent(rich, copy)).toBe(true);
    const reordered = { ...rich, factors: [...rich.factors].reverse() };
    expect(sameText(rich, reordered)).toBe(false);
    expect(sameContent(rich, reordered)).toBe(false);
    expect(sameContent(rich, { ...rich, factors: rich.factors.slice(1) })).toBe(false);
  });

  it('compares the view as written: its key order counts', () => {
    const { rich } = richDocument();
    const a = { ...rich, view: { language: 'ar', theme: 'dark' } };
    const b = { ...rich, view: { theme: 'dark', language: 'ar' } };
    expect(sameText(a, b)).toBe(false);
    expect(sameContent(a, b)).toBe(false);
    expect(sameContent(a, { ...rich, view: { language: 'ar', theme: 'dark' } })).toBe(true);
    expect(sameContent(a, { ...rich, view: undefined })).toBe(sameText(a, { ...rich, view: undefined }));
  });

  it('-0 and 0 are written alike', () => {
    const { rich, paths } = richDocument();
    const path = paths.find((p) => at(rich, p) === 0);
    expect(path).toBeDefined();
    const edited = withValue(rich, path!, -0) as MizanDoc;
    expect(sameText(rich, edited)).toBe(true);
    expect(sameContent(rich, edited)).toBe(true);
  });
});

describe('sameContent, where the two documents differ in shape', () => {
  it('tells a list from the same list with one more item, both ways round', () => {
    const { rich } = richDocument();
    const shorter = { ...rich, evidence: rich.evidence.slice(0, -1) };
    expect(sameText(rich, shorter)).toBe(false);
    expect(sameContent(rich, shorter)).toBe(false);
    expect(sameContent(shorter, rich)).toBe(false);
  });

  it('tells an object from the same object with one more field, both ways round', () => {
    const { rich } = richDocument();
    const [first, ...others] = rich.evidence;
    expect(first.gist).toBeDefined();
    const { gist: _gist, ...withoutGist } = first;
    const fewer = { ...rich, evidence: [withoutGist, ...others] };
    expect(sameText(rich, fewer)).toBe(false);
    expect(sameContent(rich, fewer)).toBe(false);
    expect(sameContent(fewer, rich)).toBe(false);
  });

  it('tells an empty list from an empty object (a document that is not yet valid)', () => {
    const { rich } = richDocument();
    const list = { ...rich, evidence: [] };
    const object = { ...rich, evidence: {} } as unknown as MizanDoc;
    expect(sameText(list, object)).toBe(false);
    expect(sameContent(list, object)).toBe(false);
    expect(sameContent(object, list)).toBe(false);
    // An object whose "length" matches the list's is still not a list.
    const lengthy = { ...rich, evidence: { length: 0 } } as unknown as MizanDoc;
    expect(sameText(list, lengthy)).toBe(false);
    expect(sameContent(list, lengthy)).toBe(false);
  });
});

describe('sameContent, with values of different kinds at one place', () => {
  it('is true for a document and itself', () => {
    const { rich } = richDocument();
    expect(sameContent(rich, rich)).toBe(true);
  });

  it('tells an object from a number or null, both ways round', () => {
    const { rich } = richDocument();
    for (const [x, y] of [
      [{}, 0],
      [0, {}],
      [null, {}],
      [{}, null]
    ]) {
      const a = { ...rich, thresholds: x } as unknown as MizanDoc;
      const b = { ...rich, thresholds: y } as unknown as MizanDoc;
      expect(sameText(a, b)).toBe(false);
      expect(sameContent(a, b), JSON.stringify([x, y])).toBe(false);
    }
  });
});
