// The stable serializer: schema key order, factor order in scenario records, 2-space
// indent, final newline, and a round trip that gives the same document and the same bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadDocument } from '../../src/engine/format/load';
import { serializeDocument } from '../../src/engine/format/serialize';
import { Factor, MizanDocument, Scenario, type MizanDoc } from '../../src/engine/format/schema';
import { fixtureFiles, fixtureJson, loadOk } from './helpers';
import { arbitraryDocument } from '../support/documents';
import { pathIn, withAt } from '../support/sharedEdits';

describe('round trip', () => {
  it.each(fixtureFiles())(
    '%s: load(serialize(doc)) equals doc, and serializing again gives the same bytes',
    (_, text) => {
      const doc = loadOk(text);
      const once = serializeDocument(doc);
      const again = loadOk(once);
      expect(again).toEqual(doc);
      expect(serializeDocument(again)).toBe(once);
    }
  );

  it('does not depend on the key order of the document in memory (outside view)', () => {
    const doc = loadOk(JSON.stringify(fixtureJson()));
    const reverse = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reverse);
      if (value && typeof value === 'object')
        return Object.fromEntries(
          Object.entries(value)
            .reverse()
            .map(([k, v]) => [k, reverse(v)])
        );
      return value;
    };
    // view is app state written as it is; everything else has a fixed order
    const reversed = { ...(reverse(doc) as MizanDoc), view: doc.view };
    expect(serializeDocument(reversed)).toBe(serializeDocument(doc));
  });
});

// The rich fixture and its text, made on first use rather than while the file is collected
// (mutation runs count collection-time work as static).
let richCache: { doc: MizanDoc; text: string } | undefined;
function rich(): { doc: MizanDoc; text: string } {
  if (!richCache) {
    const doc = loadOk(JSON.stringify(fixtureJson()));
    richCache = { doc, text: serializeDocument(doc) };
  }
  return richCache;
}

describe('layout', () => {
  it('uses 2-space indent and ends with one newline', () => {
    const { text } = rich();
    expect(text.startsWith('{\n  "format": "mizan-scenario",\n  "version": 2,\n  "title": ')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });

  it('writes every object in the schema order', () => {
    const { text } = rich();
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(Object.keys(MizanDocument.shape).filter((k) => k !== 'observations'));
    expect(Object.keys(parsed.factors[0])).toEqual(Object.keys(Factor.shape));
    expect(Object.keys(parsed.scenarios[1])).toEqual(
      Object.keys(Scenario.shape).filter((k) => !['notes', 'probability', 'correlations'].includes(k))
    );
    expect(Object.keys(parsed.factors[0].weight)).toEqual(['low', 'mode', 'high']);
    expect(Object.keys(parsed.evidence[0])).toEqual(['id', 'quote', 'gist', 'source']);
  });

  it('writes each observation in the order of its own kind, and its scenario’s probability after the notes', () => {
    const loaded = loadDocument(readFileSync('tests/fixtures/v2/tracked.mizan', 'utf8'));
    if (!loaded.ok) throw new Error('the tracked fixture does not load');
    const doc = structuredClone(loaded.document);
    // Keys in another order than the schema's: the text puts them back.
    doc.observations = doc.observations!.map((o) => Object.fromEntries(Object.entries(o).reverse()) as typeof o);
    const parsed = JSON.parse(serializeDocument(doc));
    expect(Object.keys(parsed).slice(-3)).toEqual(['evidence', 'observations', 'view']);
    expect(parsed.observations.map((o: object) => Object.keys(o))).toEqual([
      ['id', 'kind', 'month', 'event', 'occurred', 'note', 'evidence'],
      ['id', 'kind', 'month', 'value', 'uncertainty', 'note'],
      ['id', 'kind', 'month', 'factor', 'value'],
      ['id', 'kind', 'month', 'event', 'occurred']
    ]);
    expect(Object.keys(parsed.scenarios[0]).slice(0, 5)).toEqual(['id', 'name', 'color', 'notes', 'probability']);
  });

  it("orders a scenario's factors and weights by the document's factor order", () => {
    const { doc } = rich();
    const shuffled = structuredClone(doc);
    const s = shuffled.scenarios[1];
    s.factors = Object.fromEntries(Object.entries(s.factors).reverse());
    s.weights = { diplomacy: 6, 'israel-iran': { low: 5, mode: 7, high: 9 } };
    const parsed = JSON.parse(serializeDocument(shuffled));
    expect(Object.keys(parsed.scenarios[1].factors)).toEqual(['israel-iran', 'sanctions', 'partnership', 'diplomacy']);
    expect(Object.keys(parsed.scenarios[1].weights)).toEqual(['israel-iran', 'diplomacy']);
  });

  it('leaves out undefined optional fields and fields the schema does not know', () => {
    const { doc } = rich();
    const copy = structuredClone(doc) as MizanDoc & { extra?: number };
    copy.scenarios[0].notes = undefined;
    copy.factors[0].description = undefined;
    copy.view = undefined;
    copy.extra = 1;
    const parsed = JSON.parse(serializeDocument(copy));
    expect(parsed.scenarios[0]).not.toHaveProperty('notes');
    expect(parsed.factors[0]).not.toHaveProperty('description');
    expect(parsed).not.toHaveProperty('view');
    expect(parsed).not.toHaveProperty('extra');
  });

  it('keeps view as it is, including odd keys', () => {
    const { doc } = rich();
    const copy = structuredClone(doc);
    copy.view = JSON.parse('{"b": 1, "a b": [1, {"z": null, "y": "\\u0000"}], "__proto__": {"x": 1}}');
    const out = serializeDocument(copy);
    expect(out).toContain('"__proto__": {');
    expect(JSON.parse(out).view).toEqual(copy.view);
  });

  it('refuses to write a number that is not finite, naming the place', () => {
    const { doc } = rich();
    const copy = structuredClone(doc);
    copy.scenarios[1].factors.sanctions.pace = Number.NaN;
    expect(() => serializeDocument(copy)).toThrow(
      'cannot save: scenarios[1].factors.sanctions.pace is NaN, not a finite number'
    );
    copy.scenarios[1].factors.sanctions.pace = 0.1;
    copy.view = { zoom: Infinity };
    expect(() => serializeDocument(copy)).toThrow('cannot save: view.zoom is Infinity, not a finite number');
  });

  it('writes text that loads (Arabic and escapes intact)', () => {
    const { doc } = rich();
    const copy = structuredClone(doc);
    copy.title = 'ميزان "quoted" \\ \n\t\u2028 😀';
    const result = loadDocument(serializeDocument(copy));
    expect(result.ok && result.document.title).toBe(copy.title);
  });
});

describe('what serializeDocument writes of values it does not validate', () => {
  it('refuses a number that is not finite deep inside the view, naming the place', () => {
    const copy = structuredClone(rich().doc);
    copy.view = { panels: { order: [1, -Infinity] } };
    expect(() => serializeDocument(copy)).toThrow(
      'cannot save: view.panels.order[1] is -Infinity, not a finite number'
    );
    copy.view = { panels: { zoom: { x: Number.NaN } } };
    expect(() => serializeDocument(copy)).toThrow('cannot save: view.panels.zoom.x is NaN, not a finite number');
  });

  it('writes a value of the wrong kind as it is, without throwing', () => {
    const copy = structuredClone(rich().doc) as any;
    copy.thresholds = 'high';
    copy.factors[0].direction = { up: true };
    copy.scenarios[0].events = 'none';
    copy.scenarios[0].weights = [1, 2];
    const parsed = JSON.parse(serializeDocument(copy));
    expect(parsed.thresholds).toBe('high');
    expect(parsed.factors[0].direction).toEqual({ up: true });
    expect(parsed.scenarios[0].events).toBe('none');
    expect(parsed.scenarios[0].weights).toEqual([1, 2]);
  });

  it('writes factors that are not a list as they are', () => {
    const copy = { ...rich().doc, factors: 'none' } as unknown as MizanDoc;
    expect(JSON.parse(serializeDocument(copy)).factors).toBe('none');
  });

  it("keeps a record entry of a factor the document no longer has, after the document's factors", () => {
    const copy = structuredClone(rich().doc);
    copy.scenarios[1].weights = { removed: 4, diplomacy: 6, 'israel-iran': 2 };
    const parsed = JSON.parse(serializeDocument(copy));
    expect(parsed.scenarios[1].weights).toEqual({ removed: 4, diplomacy: 6, 'israel-iran': 2 });
    expect(Object.keys(parsed.scenarios[1].weights)).toEqual(['israel-iran', 'diplomacy', 'removed']);
  });

  it("keeps the view's key order even where its keys are factor ids", () => {
    const copy = structuredClone(rich().doc);
    copy.view = { zeta: 1, diplomacy: 2, 'israel-iran': 3 };
    expect(Object.keys(JSON.parse(serializeDocument(copy)).view)).toEqual(['zeta', 'diplomacy', 'israel-iran']);
  });
});

describe('the texts kept by object', () => {
  it('writes an edited document as it writes a copy of it that shares nothing with documents written before', () => {
    fc.assert(
      fc.property(
        fc.oneof(arbitraryDocument, fc.constant(loadOk(JSON.stringify(fixtureJson())))),
        fc.array(fc.tuple(fc.array(fc.nat(), { maxLength: 6 }), fc.jsonValue()), { minLength: 1, maxLength: 5 }),
        (doc, edits) => {
          let next: unknown = doc;
          serializeDocument(doc);
          for (const [picks, value] of edits) {
            next = withAt(next, pathIn(next, picks), value);
            const fresh = (() => {
              try {
                return serializeDocument(structuredClone(next) as MizanDoc);
              } catch (error) {
                return (error as Error).message;
              }
            })();
            let text: string;
            try {
              text = serializeDocument(next as MizanDoc);
            } catch (error) {
              text = (error as Error).message;
            }
            expect(text).toBe(fresh);
          }
        }
      ),
      { numRuns: 500 }
    );
  });

  it('writes a scenario again when the factors were reordered (its records follow the factor order)', () => {
    const doc = loadOk(JSON.stringify(fixtureJson()));
    serializeDocument(doc);
    const reordered: MizanDoc = { ...doc, factors: [...doc.factors].reverse() };
    expect(serializeDocument(reordered)).toBe(serializeDocument(structuredClone(reordered)));
    expect(serializeDocument(reordered)).not.toBe(serializeDocument(doc));
  });
});
