// The document's text for the workers (simulation/documentText.ts) is JSON.stringify's, to the
// character, after any edit; the parts an edit shares are not written again.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDocument, type MizanDoc } from '../../src/engine/format';
import { documentMessage, documentOf, documentText } from '../../src/renderer/src/simulation/documentText';
import { arbitraryDocument } from '../support/documents';
import { pathIn, withAt } from '../support/sharedEdits';

const loaded = loadDocument(readFileSync('tests/fixtures/v2/rich.mizan', 'utf8'));
if (!loaded.ok) throw new Error('rich.mizan does not load');
const rich = loaded.document;

describe('documentText', () => {
  it('is JSON.stringify(doc) after each of a series of edits', () => {
    fc.assert(
      fc.property(
        fc.oneof(arbitraryDocument, fc.constant(rich)),
        fc.array(fc.tuple(fc.array(fc.nat(), { maxLength: 6 }), fc.jsonValue()), { minLength: 1, maxLength: 5 }),
        (doc, edits) => {
          let next: unknown = doc;
          expect(documentText(doc)).toBe(JSON.stringify(doc));
          for (const [picks, value] of edits) {
            next = withAt(next, pathIn(next, picks), value);
            expect(documentText(next as MizanDoc)).toBe(JSON.stringify(next));
          }
        }
      ),
      { numRuns: 500 }
    );
  });

  it('writes what JSON.stringify leaves out or writes as null as it does', () => {
    const odd = {
      ...rich,
      author: undefined,
      view: {
        list: [1, undefined, () => 1, Symbol('s')],
        nothing: undefined,
        when: new Date(0),
        deep: { a: [{ b: 1 }] }
      },
      evidence: [...rich.evidence, undefined],
      // eslint-disable-next-line no-sparse-arrays
      observations: [, rich.observations?.[0]]
    } as unknown as MizanDoc;
    expect(documentText(odd)).toBe(JSON.stringify(odd));
  });

  it('reuses the text of a part the document shares with one written before', () => {
    const doc = structuredClone(rich);
    documentText(doc);
    const edited: MizanDoc = { ...doc, title: 'Edited' };
    // Documents are never mutated: a change made behind the store's back shows that the shared scenario's text is the one kept.
    (doc.scenarios[0] as { color: string }).color = '#000000';
    expect(documentText(edited)).toBe(JSON.stringify({ ...rich, title: 'Edited' }));
  });
});

describe('documentMessage', () => {
  it('makes, on the worker’s side, each document of a series of edits as its whole text would', () => {
    fc.assert(
      fc.property(
        fc.oneof(arbitraryDocument, fc.constant(rich)),
        fc.array(fc.tuple(fc.array(fc.nat(), { maxLength: 6 }), fc.jsonValue()), { minLength: 1, maxLength: 5 }),
        (doc, edits) => {
          let sent: MizanDoc = doc;
          let received = documentOf(documentMessage(doc, null), null);
          expect(received).toEqual(JSON.parse(JSON.stringify(doc)));
          let next: unknown = doc;
          for (const [picks, value] of edits) {
            next = withAt(next, pathIn(next, picks), value);
            if (next === null || typeof next !== 'object' || Array.isArray(next)) return; // no document at all
            received = documentOf(documentMessage(next as MizanDoc, sent), received);
            sent = next as MizanDoc;
            expect(received).toEqual(JSON.parse(JSON.stringify(next)));
          }
        }
      ),
      { numRuns: 300 }
    );
  });

  it('sends only the fields that changed, and the ones gone', () => {
    const withAuthor: MizanDoc = { ...rich, author: 'Someone' };
    const weighed: MizanDoc = {
      ...withAuthor,
      author: undefined,
      factors: rich.factors.map((f) => ({ ...f, weight: 1 }))
    };
    const message = documentMessage(weighed, withAuthor);
    expect(message).toEqual({ changed: JSON.stringify({ factors: weighed.factors }), removed: ['author'] });
    expect(documentOf(message, JSON.parse(JSON.stringify(withAuthor)) as MizanDoc)).toEqual(
      JSON.parse(JSON.stringify(weighed))
    );
    expect(documentMessage(rich, null)).toEqual({ whole: JSON.stringify(rich) });
    expect(() => documentOf(message, null)).toThrow(/never sent/);
  });
});
