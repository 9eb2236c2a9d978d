// Paths into a document as people read them: `scenarios[2].factors.sanctions.pace`. Pure.

/** A step of a path into the document: an object key or an array index. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Writes a path the way an analyst reads it: `scenarios[2].factors.sanctions.pace`;
 * keys that are not identifier-like go in brackets with JSON quotes: `view["a b"]`.
 */
export function formatPath(at: readonly PathSegment[]): string {
  let out = '';
  for (const seg of at) {
    // Stryker disable next-line ConditionalExpression,StringLiteral: a number written as a key gives "[n]" too (it is not identifier-like)
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENTIFIER.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
