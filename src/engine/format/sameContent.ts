// Whether two documents would be written as the same .mizan text, without writing them.
// Edits share every part they leave alone, so the walk stops at the first shared object and
// usually looks at a handful of values: microseconds, where serializing both takes
// milliseconds. The rules follow serialize.ts: keys of schema objects and id-keyed records
// are written in a fixed order (the schema's, the factor order — compared through the
// factors array), so their order does not matter here; undefined values are left out; and
// `view`, written as it is, is compared as its JSON text, order included.
import type { MizanDoc } from './schema';

function definedKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    // Stryker disable next-line EqualityOperator: a[n] and b[n] are both undefined, the same
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = definedKeys(x);
  if (keys.length !== definedKeys(y).length) return false;
  for (const key of keys) if (!Object.hasOwn(y, key) || !sameValue(x[key], y[key])) return false;
  return true;
}

/**
 * True when the two objects of a document (a factor, a scenario, the document itself) hold the
 * same values under every key but `ignored`, compared as sameContent compares (undefined values
 * left out, shared parts not walked).
 */
export function sameExcept<T extends object>(a: T, b: T, ignored: readonly (keyof T & string)[]): boolean {
  if (a === b) return true;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = definedKeys(x).filter((key) => !ignored.includes(key as keyof T & string));
  if (keys.length !== definedKeys(y).filter((key) => !ignored.includes(key as keyof T & string)).length) return false;
  for (const key of keys) if (!Object.hasOwn(y, key) || !sameValue(x[key], y[key])) return false;
  return true;
}

/** True when serializeDocument(a) === serializeDocument(b). */
export function sameContent(a: MizanDoc, b: MizanDoc): boolean {
  // Stryker disable next-line ConditionalExpression: the same document compares equal the long way too (only slower)
  if (a === b) return true;
  const { view: viewA, ...restA } = a;
  const { view: viewB, ...restB } = b;
  // Stryker disable next-line ConditionalExpression: a view that is the same object has the same JSON text (only slower)
  if (viewA !== viewB && JSON.stringify(viewA) !== JSON.stringify(viewB)) return false;
  return sameValue(restA, restB);
}
