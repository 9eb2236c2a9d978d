// Scans of JSON text that run before (and instead of) JSON.parse's own error messages:
// a nesting-depth check that keeps the recursive validators safe from stack overflow, and
// a syntax-error locator that names the line and column of the first error. Both are
// iterative (no recursion), so no input can exhaust the stack.
// Past the end of a text charCodeAt gives NaN, which is no digit, white space, quote or
// bracket: the scans below read one character ahead without checking the length first.

/** Line and column (both from 1) of a position in a text. */
export function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(index, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * The index of the first `[` or `{` (outside strings) that opens level `max + 1`,
 * or -1 when the text never nests deeper than `max`.
 */
export function findExcessNesting(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  const n = text.length;
  // Stryker disable next-line EqualityOperator: at i = n charCodeAt is NaN, which is no bracket or quote
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      depth++;
      if (depth > max) return i;
    } else if ((c === 93 /* ] */ || c === 125) /* } */ && depth > 0) {
      depth--;
    }
  }
  return -1;
}

export type SyntaxFault = { index: number; what: string };

const isWs = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

function shown(text: string, i: number): string {
  const cp = text.codePointAt(i) ?? 0;
  if (cp < 0x20 || cp === 0x7f) return `character U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return `character ${JSON.stringify(String.fromCodePoint(cp))}`;
}

const END = 'unexpected end of the text (the file may be cut off)';

/**
 * Finds the first syntax error of a JSON text (RFC 8259, as JSON.parse reads it), or
 * returns null when the text is valid JSON. Only called after JSON.parse has failed.
 */
export function locateSyntaxError(text: string): SyntaxFault | null {
  const n = text.length;
  const stack: number[] = []; // 0 = array, 1 = object
  let state: 'value' | 'after' | 'key' | 'colon' | 'end' = 'value';
  let i = 0;

  const fault = (index: number, what: string): SyntaxFault => ({ index, what });
  const unexpected = (index: number, expected?: string): SyntaxFault =>
    index >= n
      ? fault(n, END)
      : fault(index, `unexpected ${shown(text, index)}${expected ? ` (expected ${expected})` : ''}`);

  // Returns the index after the closing quote, or a fault.
  const scanString = (start: number): number | SyntaxFault => {
    let j = start + 1;
    for (;;) {
      // Stryker disable next-line EqualityOperator: at j = n charCodeAt is NaN (no quote, control or backslash), so j moves past n and the same fault follows
      if (j >= n) return fault(n, 'unexpected end of the text inside a quoted text (a closing " is missing)');
      const c = text.charCodeAt(j);
      if (c === 34) return j + 1;
      if (c < 0x20) return fault(j, `${c === 10 || c === 13 ? 'line break' : shown(text, j)} inside a quoted text`);
      if (c === 92) {
        const e = j + 1 < n ? text.charCodeAt(j + 1) : -1;
        if (e === -1) return fault(n, END);
        if (e === 117 /* u */) {
          for (let k = 2; k <= 5; k++) {
            if (j + k >= n) return fault(n, END);
            if (!isHex(text.charCodeAt(j + k))) return fault(j, 'invalid \\u escape in a quoted text');
          }
          j += 6;
          continue;
        }
        // " \ / b f n r t
        if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) {
          j += 2;
          continue;
        }
        return fault(j, `invalid escape "\\${String.fromCharCode(e)}" in a quoted text`);
      }
      j++;
    }
  };

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  // A number cut short meets NaN where it needs a digit: `unexpected` then reports the end of
  // the text (as it does for a word cut short in scanWord).
  const scanNumber = (start: number): number | SyntaxFault => {
    let j = start;
    if (text.charCodeAt(j) === 45) j++;
    if (text.charCodeAt(j) === 48) j++;
    else if (isDigit(text.charCodeAt(j))) while (isDigit(text.charCodeAt(j))) j++;
    else return unexpected(j, 'a digit');
    if (text.charCodeAt(j) === 46) {
      j++;
      if (!isDigit(text.charCodeAt(j))) return unexpected(j, 'a digit');
      while (isDigit(text.charCodeAt(j))) j++;
    }
    if (text.charCodeAt(j) === 101 || text.charCodeAt(j) === 69) {
      j++;
      if (text.charCodeAt(j) === 43 || text.charCodeAt(j) === 45) j++;
      if (!isDigit(text.charCodeAt(j))) return unexpected(j, 'a digit');
      while (isDigit(text.charCodeAt(j))) j++;
    }
    return j;
  };

  const scanWord = (start: number, word: string): number | SyntaxFault => {
    for (let k = 0; k < word.length; k++) {
      if (text.charCodeAt(start + k) !== word.charCodeAt(k)) return unexpected(start + k);
    }
    return start + word.length;
  };

  const closeOrNext = () => (stack.length === 0 ? 'end' : 'after');

  for (;;) {
    while (isWs(text.charCodeAt(i))) i++;
    if (i >= n) return state === 'end' ? null : fault(n, END);
    const c = text.charCodeAt(i);
    let r: number | SyntaxFault;
    switch (state) {
      case 'value':
        if (c === 123 || c === 91) {
          stack.push(c === 123 ? 1 : 0);
          i++;
          while (isWs(text.charCodeAt(i))) i++;
          const close = c === 123 ? 125 : 93;
          if (text.charCodeAt(i) === close) {
            stack.pop();
            i++;
            state = closeOrNext();
          } else {
            state = c === 123 ? 'key' : 'value';
          }
          continue;
        }
        if (c === 34) r = scanString(i);
        else if (c === 45 || isDigit(c)) r = scanNumber(i);
        else if (c === 116) r = scanWord(i, 'true');
        else if (c === 102) r = scanWord(i, 'false');
        else if (c === 110) r = scanWord(i, 'null');
        else return unexpected(i, 'a value');
        if (typeof r !== 'number') return r;
        i = r;
        state = closeOrNext();
        continue;
      case 'after': {
        const top = stack[stack.length - 1];
        if (c === 44) {
          i++;
          state = top === 1 ? 'key' : 'value';
        } else if ((top === 0 && c === 93) || (top === 1 && c === 125)) {
          stack.pop();
          i++;
          state = closeOrNext();
        } else {
          return unexpected(i, top === 1 ? '"," or "}"' : '"," or "]"');
        }
        continue;
      }
      case 'key':
        if (c !== 34) return unexpected(i, 'a name in double quotes');
        r = scanString(i);
        if (typeof r !== 'number') return r;
        i = r;
        state = 'colon';
        continue;
      case 'colon':
        if (c !== 58) return unexpected(i, '":"');
        i++;
        state = 'value';
        continue;
      case 'end':
        return fault(i, `unexpected ${shown(text, i)} after the end of the data`);
    }
  }
}
