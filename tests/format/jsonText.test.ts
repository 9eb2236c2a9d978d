// The JSON text scans: the syntax-error locator agrees with JSON.parse on what is valid,
// and the nesting scan ignores brackets in strings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findExcessNesting, lineColumn, locateSyntaxError } from '../../src/engine/format/jsonText';
import { fixtureText } from './helpers';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('locateSyntaxError', () => {
  it('finds nothing in valid JSON', () => {
    for (const text of [
      '0',
      '-0.5e+3',
      '"a\\u00e9\\n"',
      'true',
      ' null ',
      '[]',
      '{}',
      '[1,[2,{"a":[]}]]',
      fixtureText('v2/rich.mizan')
    ]) {
      expect(locateSyntaxError(text), text).toBeNull();
    }
  });

  it.each([
    ['', 0, /end of the text/],
    ['{', 1, /end of the text/],
    ['[1 2]', 3, /"2" \(expected "," or "]"\)/],
    ['01', 1, /"1" after the end/],
    ['1.', 2, /end of the text/],
    ['1.e3', 2, /"e" \(expected a digit\)/],
    ['-', 1, /end of the text/],
    ['+1', 0, /"\+" \(expected a value\)/],
    ['tru', 3, /end of the text/],
    ['trUe', 2, /"U"/],
    ['"\\u12G4"', 1, /invalid \\u escape/],
    ['"\t"', 1, /U\+0009 inside a quoted text/],
    ['{"a" 1}', 5, /"1" \(expected ":"\)/],
    ['[1]\u00a0', 3, /after the end/]
  ])('%j fails at %i', (text, index, what) => {
    const fault = locateSyntaxError(text);
    expect(fault?.index).toBe(index);
    expect(fault?.what).toMatch(what);
  });

  it('agrees with JSON.parse on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'{}[]",:0123456789-+.eE \\/untrlsfa\n\tx'.split('')), maxLength: 30 }),
        (text) => {
          expect(locateSyntaxError(text) === null).toBe(parses(text));
        }
      ),
      { numRuns: 1000 }
    );
  });

  it('agrees with JSON.parse on mangled JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), fc.string({ maxLength: 3 }), (value, at, junk) => {
        const text = JSON.stringify(value);
        const i = at % (text.length + 1);
        for (const variant of [text, text.slice(0, i), text.slice(0, i) + junk + text.slice(i)]) {
          expect(locateSyntaxError(variant) === null, variant).toBe(parses(variant));
        }
      }),
      { numRuns: 500 }
    );
  });
});

describe('findExcessNesting', () => {
  it('finds the first bracket that goes too deep, ignoring strings', () => {
    expect(findExcessNesting('[[[]]]', 3)).toBe(-1);
    expect(findExcessNesting('[[[[]]]]', 3)).toBe(3);
    expect(findExcessNesting('{"a":{"b":[]}}', 3)).toBe(-1);
    expect(findExcessNesting('["[[[[[", "\\"[[[["]', 1)).toBe(-1);
    expect(findExcessNesting('[] [] [[]]', 1)).toBe(7);
  });
});

describe('lineColumn', () => {
  it('counts from 1', () => {
    expect(lineColumn('abc', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('a\nbc', 3)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('a\r\nb', 3)).toEqual({ line: 2, column: 1 });
  });
});
