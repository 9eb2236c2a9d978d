// Checks shared by the tests of the string tables (src/presentation/charts/strings.ts and
// report/strings.ts): every text a reader sees is there, in its language, and every template
// keeps the values it is given.
import { expect } from 'vitest';

const ARABIC_LETTER = /[\u0621-\u064A]/;
const LATIN_LETTER = /[A-Za-z]/;

/** Every leaf of a string table, texts and templates, with its path ("titles.tension"). */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[path, value]];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

/**
 * Each text is written (not blank) and in its language: an English one holds Latin letters and
 * no Arabic one, an Arabic one holds Arabic letters. Each template, given one distinct value per
 * parameter, returns a text holding every value and something besides (its words or
 * punctuation). `lists` names the templates that take a list, checked by the caller.
 */
export function expectWrittenTable(table: object, language: 'en' | 'ar', lists: string[]): void {
  for (const [path, leaf] of leaves(table)) {
    if (typeof leaf === 'string') {
      expect(leaf.trim(), path).not.toBe('');
      if (language === 'ar') expect(leaf, path).toMatch(ARABIC_LETTER);
      else {
        expect(leaf, path).toMatch(LATIN_LETTER);
        expect(leaf, path).not.toMatch(ARABIC_LETTER);
      }
    } else if (typeof leaf === 'function' && !lists.includes(path)) {
      const values = Array.from({ length: leaf.length }, (_, i) => `⟦${i + 1}⟧`);
      const text = (leaf as (...args: string[]) => string)(...values);
      expect(typeof text, path).toBe('string');
      for (const value of values) expect(text, path).toContain(value);
      expect(text.length, path).toBeGreaterThan(values.join('').length);
    } else {
      expect(typeof leaf, path).toBe('function');
    }
  }
}

/** The English and the Arabic table hold the same texts and templates, at the same places. */
export function expectSameTexts(en: object, ar: object): void {
  const paths = (table: object) =>
    leaves(table)
      .map(([path]) => path)
      .sort();
  expect(paths(ar)).toEqual(paths(en));
  expect(paths(en).length).toBeGreaterThan(0);
}
