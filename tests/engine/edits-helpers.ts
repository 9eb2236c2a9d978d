// Shared by the tests/engine/edits-*.test.ts files: the rich fixture, frozen (an edit that
// writes into the document it is given throws), and three checks every edit is held to: a
// refusal with the reason the editor shows and the document left as it was; a change that
// gives a new, valid document and leaves the old one as it was; no change, the same document
// back (so that the store makes no undo step and the file is not marked modified).
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { Refused, type EditError, type Edited } from '../../src/engine/edits';
import { validateDocument, type MizanDoc } from '../../src/engine/format';

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

let richText: string | undefined;

/** A fresh, frozen copy of tests/fixtures/v2/rich.mizan (read on first use, not at import). */
export function rich(): MizanDoc {
  richText ??= readFileSync('tests/fixtures/v2/rich.mizan', 'utf8');
  return deepFreeze(JSON.parse(richText) as MizanDoc);
}

/** A thawed copy to build a test document from. */
export const thawed = (doc: MizanDoc): MizanDoc => structuredClone(doc);

export type Edit = (doc: MizanDoc) => Edited;

/** The edit is refused for `reason`, and the document given is as it was. */
export function refuses(doc: MizanDoc, edit: Edit, reason: EditError): void {
  const before = structuredClone(doc);
  expect(edit(doc)).toEqual(new Refused(reason));
  expect(doc).toEqual(before);
}

/** The edit gives a new document that the file format accepts; the one given is as it was. */
export function changes(doc: MizanDoc, edit: Edit): MizanDoc {
  const before = structuredClone(doc);
  const next = edit(doc);
  if (next instanceof Refused) throw new Error(`refused: ${next.reason}`);
  expect(next).not.toBe(doc);
  expect(doc).toEqual(before);
  const checked = validateDocument(next);
  expect(checked.ok, JSON.stringify(!checked.ok && checked.problems)).toBe(true);
  return deepFreeze(next);
}

/** The edit changes nothing: the same document comes back. */
export function keeps(doc: MizanDoc, edit: Edit): void {
  expect(edit(doc)).toBe(doc);
}

/** The document is valid by the file format's rules (a test's own setup, checked). */
export function valid(doc: MizanDoc): MizanDoc {
  const checked = validateDocument(doc);
  expect(checked.ok, JSON.stringify(!checked.ok && checked.problems)).toBe(true);
  return deepFreeze(doc);
}

/** The nearest double beyond `x` in direction `dir`. */
export const past = (x: number, dir: 1 | -1): number =>
  x + dir * Math.max(Math.abs(x) * Number.EPSILON, Number.MIN_VALUE);

export const factorOf = (doc: MizanDoc, id: string) => doc.factors.find((f) => f.id === id)!;
export const scenarioOf = (doc: MizanDoc, id: string) => doc.scenarios.find((s) => s.id === id)!;
