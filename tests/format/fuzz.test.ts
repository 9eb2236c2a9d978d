// Property tests: whatever the input — a mutated valid document, any JSON value, any
// bytes — loadDocument returns either a document that passes the schema and the reference
// checks, or a non-empty list of well-formed problems. It never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/engine/format/load';
import { MAX_PROBLEMS, type LoadResult } from '../../src/engine/format/problems';
import { checkReferences } from '../../src/engine/format/references';
import { MizanDocument } from '../../src/engine/format/schema';
import { serializeDocument } from '../../src/engine/format/serialize';
import { fixtureText } from './helpers';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const BASES = ['v1/minimal.mizan', 'v1/rich.mizan', 'v2/minimal.mizan', 'v2/rich.mizan'].map((name) =>
  fixtureText(name)
);

function check(input: string | Uint8Array): LoadResult {
  let result: LoadResult | undefined;
  expect(() => (result = loadDocument(input))).not.toThrow();
  const r = result as LoadResult;
  if (r.ok) {
    expect(MizanDocument.safeParse(r.document).success).toBe(true);
    expect(checkReferences(r.document)).toEqual([]);
    const text = serializeDocument(r.document);
    const again = loadDocument(text);
    expect(again.ok).toBe(true);
    if (again.ok) expect(serializeDocument(again.document)).toBe(text);
  } else {
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS);
    for (const p of r.problems) {
      expect(typeof p.path).toBe('string');
      expect(typeof p.message).toBe('string');
      expect(p.message.trim()).not.toBe('');
    }
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  return r;
}

/** Every place in a JSON tree, as [container, key] pairs (the root excluded). */
function places(root: Json): [Json[] | Record<string, Json>, string | number][] {
  const out: [Json[] | Record<string, Json>, string | number][] = [];
  const stack: Json[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Json;
    if (Array.isArray(node)) node.forEach((v, i) => (out.push([node, i]), stack.push(v)));
    else if (node && typeof node === 'object')
      Object.keys(node).forEach((k) => (out.push([node, k]), stack.push(node[k])));
  }
  return out;
}

/** Values worth trying in a Mizan file: near the limits, ids, ranges, wrong types. */
const interesting: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(
    'NaN',
    'Infinity',
    '',
    ' ',
    '1',
    '__proto__',
    'constructor',
    'baseline',
    'sanctions',
    'partnership',
    'pressure',
    'e1',
    's400',
    -1,
    0,
    0.5,
    1,
    1.5,
    7,
    10,
    11,
    24,
    25,
    50,
    100,
    101,
    120,
    121,
    2 ** 32,
    -0,
    1e308,
    true,
    false,
    null,
    [],
    {},
    { low: 1, mode: 2, high: 3 },
    { low: 3, mode: 2, high: 1 },
    { low: 0, mode: 0, high: 0 },
    { en: '', ar: '' },
    { en: 'x', ar: 'س' },
    '2024-10-11T09:30:00Z',
    '#c0392b',
    '2024-10'
  )
);

type Mutation =
  | { kind: 'delete'; pick: number }
  | { kind: 'replace'; pick: number; value: Json }
  | { kind: 'duplicate'; pick: number }
  | { kind: 'proto'; pick: number; value: Json };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: interesting }),
  fc.record({ kind: fc.constant('duplicate' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('proto' as const), pick: fc.nat(), value: interesting })
);

function apply(doc: Json, m: Mutation): void {
  const all = places(doc);
  if (all.length === 0) return;
  const [container, key] = all[m.pick % all.length];
  if (m.kind === 'delete') {
    if (Array.isArray(container)) container.splice(key as number, 1);
    else delete container[key as string];
  } else if (m.kind === 'replace') {
    (container as Record<string | number, Json>)[key] = structuredClone(m.value);
  } else if (m.kind === 'duplicate') {
    const arrays = all.map(([c]) => c).filter((c): c is Json[] => Array.isArray(c) && c.length > 0);
    if (arrays.length === 0) return;
    const list = arrays[m.pick % arrays.length];
    list.splice(m.pick % list.length, 0, structuredClone(list[m.pick % list.length]));
  } else {
    const objects = all.map(([c]) => c).filter((c): c is Record<string, Json> => !Array.isArray(c));
    if (objects.length === 0) return;
    Object.defineProperty(objects[m.pick % objects.length], '__proto__', {
      value: m.value,
      enumerable: true,
      writable: true,
      configurable: true
    });
  }
}

const RUNS = 400;

describe('fuzz: mutated valid documents', () => {
  it('structural mutations (delete a key, replace a value, duplicate an element, add __proto__)', () => {
    let ok = 0;
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fc.array(mutation, { minLength: 1, maxLength: 3 }), (base, mutations) => {
        const doc = JSON.parse(base) as Json;
        for (const m of mutations) apply(doc, m);
        if (check(JSON.stringify(doc)).ok) ok++;
      }),
      { numRuns: RUNS }
    );
    // Some mutations leave a valid document (e.g. deleting an optional field).
    expect(ok).toBeGreaterThan(0);
  });

  it('truncating the text at any point', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fc.nat(), (base, at) => {
        // Any strict prefix of the object (up to its closing brace) is invalid.
        const body = base.trimEnd();
        const r = check(body.slice(0, at % body.length));
        expect(r.ok).toBe(false);
      }),
      { numRuns: RUNS }
    );
  });

  it('flipping random bits of the bytes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BASES.map((b) => new TextEncoder().encode(b))),
        fc.array(fc.record({ at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }), { minLength: 1, maxLength: 4 }),
        (bytes, flips) => {
          const copy = bytes.slice();
          for (const { at, bit } of flips) copy[at % copy.length] ^= 1 << bit;
          check(copy);
        }
      ),
      { numRuns: RUNS }
    );
  });
});

describe('fuzz: arbitrary input', () => {
  it('any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(check(JSON.stringify(value) ?? 'null').ok).toBe(false);
      }),
      { numRuns: RUNS }
    );
  });

  it('any JSON object inside a valid envelope', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 })), (value) => {
        check(JSON.stringify({ ...value, format: 'mizan-scenario', version: 1 }));
      }),
      { numRuns: RUNS }
    );
  });

  it('any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(check(bytes).ok).toBe(false);
      }),
      { numRuns: RUNS }
    );
  });

  it('any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(check(text).ok).toBe(false);
      }),
      { numRuns: RUNS }
    );
  });
});
