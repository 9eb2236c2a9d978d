// Where and what: every kind of syntax fault the locator reports, at a hand-counted index with
// the exact words a user reads, and the nesting scan and line/column count on hand-counted
// texts. (jsonText.test.ts checks that the locator and JSON.parse agree on what is valid.)
import { describe, expect, it } from 'vitest';
import { findExcessNesting, lineColumn, locateSyntaxError } from '../../src/engine/format/jsonText';
import { expectOneProblem, problemsOf } from './helpers';

const END = 'unexpected end of the text (the file may be cut off)';
const AFTER_END = (shown: string) => `unexpected character ${shown} after the end of the data`;

describe('locateSyntaxError: quoted texts', () => {
  it.each([
    // text, index, what (indices counted by hand from 0)
    ['"\\', 2, END],
    ['"\\u12', 5, END],
    ['"abc', 4, 'unexpected end of the text inside a quoted text (a closing " is missing)'],
    ['"\\u123G"', 1, 'invalid \\u escape in a quoted text'],
    ['"\\x"', 1, 'invalid escape "\\x" in a quoted text'],
    // a fault inside a name: 0 { · 1 " · 2 a · 3 line break
    ['{"a\nb": 1}', 3, 'line break inside a quoted text'],
    ['{"a', 3, 'unexpected end of the text inside a quoted text (a closing " is missing)'],
    ['"a\rb"', 2, 'line break inside a quoted text'],
    ['"a\nb"', 2, 'line break inside a quoted text'],
    ['"a\u001fb"', 2, 'character U+001F inside a quoted text'],
    // 0 " · 1–2 \" · 3–4 \\ · 5–6 \/ · 7–8 \b · 9–10 \f · 11–12 \n · 13–14 \r · 15–16 \t · 17 " · 18 x
    ['"\\"\\\\\\/\\b\\f\\n\\r\\t"x', 18, AFTER_END('"x"')],
    // 0 " · 1 \ · 2 u · 3–6 AFaf · 7 \ · 8 u · 9–12 0900 · 13 " · 14 space · 15 "1"
    ['"\\uAFaf\\u0900" 1', 15, AFTER_END('"1"')]
  ])('%j fails at %i', (text, index, what) => {
    expect(locateSyntaxError(text)).toEqual({ index, what });
  });

  it.each(['/', ':', '@', 'G', '`', 'g'])('"\\u00%s0" is not a \\u escape (not a hex digit)', (c) => {
    expect(locateSyntaxError(`"\\u00${c}0"`)).toEqual({ index: 1, what: 'invalid \\u escape in a quoted text' });
  });
});

describe('locateSyntaxError: numbers and words', () => {
  it.each([
    ['-a', 1, 'unexpected character "a" (expected a digit)'],
    ['[- 1]', 2, 'unexpected character " " (expected a digit)'],
    ['1.x', 2, 'unexpected character "x" (expected a digit)'],
    ['1e', 2, END],
    ['1e+', 3, END],
    ['1e-', 3, END],
    ['1E+x', 3, 'unexpected character "x" (expected a digit)'],
    ['[0x]', 2, 'unexpected character "x" (expected "," or "]")'],
    // 0 [ · 1–3 1E5 · 4 , · 6–9 2e-3 · 10 , · 12–15 3e+0 · 16 , · 18–21 -0.5 · 22 , · 24–25 90 · 26 , · 28 0 · 29 ] · 30 x
    ['[1E5, 2e-3, 3e+0, -0.5, 90, 0]x', 30, AFTER_END('"x"')],
    ['f', 1, END],
    ['fals', 4, END],
    ['nul', 3, END],
    ['nulL', 3, 'unexpected character "L"'],
    // 0 [ · 1–4 true · 5 , · 6–10 false · 11 , · 12–15 null · 16 ] · 17 x
    ['[true,false,null]x', 17, AFTER_END('"x"')]
  ])('%j fails at %i', (text, index, what) => {
    expect(locateSyntaxError(text)).toEqual({ index, what });
  });
});

describe('locateSyntaxError: lists, objects, white space and other characters', () => {
  it.each([
    ['[}', 1, 'unexpected character "}" (expected a value)'],
    ['{]', 1, 'unexpected character "]" (expected a name in double quotes)'],
    ['[1}', 2, 'unexpected character "}" (expected "," or "]")'],
    ['{"a":1]', 6, 'unexpected character "]" (expected "," or "}")'],
    ['{"a":1,}', 7, 'unexpected character "}" (expected a name in double quotes)'],
    ['[1,', 3, END],
    ['{"a"', 4, END],
    ['{"a":', 5, END],
    // 0 { · 1–3 "a" · 4 : · 6 [ · 7 space · 8 ] · 9 , · 11–13 "b" · 14 : · 16 { · 17 space · 18 } · 19 } · 20 x
    ['{"a": [ ], "b": { }}x', 20, AFTER_END('"x"')],
    // 0 [ · 1 { · 2–4 "a" · 5 : · 6 [ · 7 1 · 8 ] · 9 } · 10 , · 11 [ · 12 2 · 13 ] · 14 ] · 15 ]
    ['[{"a":[1]},[2]]]', 15, AFTER_END('"]"')],
    // 0 tab · 1 CR · 2 LF · 3 space · 4 [ · 5 1 · 6 , · 7 CR · 8 LF · 9 tab · 10 2 · 11 ] · 12 space · 13 tab · 14 x
    ['\t\r\n [1,\r\n\t2] \tx', 14, AFTER_END('"x"')],
    ['[\t\r\n ]]', 6, AFTER_END('"]"')],
    ['\u007f', 0, 'unexpected character U+007F (expected a value)'],
    ['😀', 0, 'unexpected character "😀" (expected a value)']
  ])('%j fails at %i', (text, index, what) => {
    expect(locateSyntaxError(text)).toEqual({ index, what });
  });
});

describe('findExcessNesting', () => {
  it('does not let a closing bracket with nothing open lower the depth', () => {
    // 0 ] · 1 } · 2 [ · 3 [ · 4 [: the third level opens at 4
    expect(findExcessNesting(']}[[[', 2)).toBe(4);
  });

  it('counts braces as well as brackets, and leaves a quoted text at its closing quote', () => {
    // 0 { · 1–3 "a" · 4 : · 5 { · 6–8 "b" · 9 : · 10 {
    expect(findExcessNesting('{"a":{"b":{}}}', 2)).toBe(10);
    // 0 { · 1 } · 2 { · 3 } · 4 { · 5 {
    expect(findExcessNesting('{}{}{{}}', 1)).toBe(5);
    // 0 [ · 1–3 "a" · 4 , · 5 space · 6 [ · 7 [
    expect(findExcessNesting('["a", [[]]]', 2)).toBe(7);
  });
});

describe('lineColumn', () => {
  it('puts a line break at the end of its own line', () => {
    expect(lineColumn('ab\ncd', 2)).toEqual({ line: 1, column: 3 });
    expect(lineColumn('ab\ncd', 3)).toEqual({ line: 2, column: 1 });
    expect(lineColumn('a\n\nb', 3)).toEqual({ line: 3, column: 1 });
  });

  it('stops at the end of the text', () => {
    expect(lineColumn('ab', 5)).toEqual({ line: 1, column: 3 });
  });
});

describe('the place loadDocument names', () => {
  // Line 3 is '  "factors": [1, 2,, 3]': two spaces, "factors" in columns 3–11, ":" 12,
  // "[" 14, "1" 15, "," 16, "2" 18, "," 19, and the second "," in column 20.
  const lines = ['{', '  "title": "x",', '  "factors": [1, 2,, 3]', '}'];
  const message = 'is not valid JSON: unexpected character "," (expected a value) at line 3, column 20';

  it('counts lines and columns by hand, with LF and with CRLF line ends', () => {
    expectOneProblem(problemsOf(lines.join('\n')), '', message);
    expectOneProblem(problemsOf(lines.join('\r\n')), '', message);
  });

  it('names a control character by its code', () => {
    expectOneProblem(
      problemsOf('{\n  "a": \u007f\n}'),
      '',
      'is not valid JSON: unexpected character U+007F (expected a value) at line 2, column 8'
    );
  });

  it('places excess nesting on its line', () => {
    // The document's "{" is level 1; on line 2 '  "view": ' takes columns 1–10 and the
    // lists open levels 2, 3, … from column 11, so level 65 opens in column 11 + 63 = 74.
    const text = `{\n  "view": ${'['.repeat(70)}${']'.repeat(70)}\n}`;
    expectOneProblem(
      problemsOf(text),
      '',
      'nests lists and objects more than 64 levels deep (at line 2, column 74); a Mizan file needs about 8'
    );
  });
});
