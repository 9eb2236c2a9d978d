// Edits as the app makes them: a new value at one place, every other part of the document shared
// (the same objects), for tests of what is kept by object between documents.

/** `value` with the value at `path` replaced by `next`, every other part shared. */
export function withAt(value: unknown, path: readonly (string | number)[], next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? withAt(v, rest, next) : v));
  const record = value as Record<string, unknown>;
  return { ...record, [head]: withAt(record[head], rest, next) };
}

/** A path into `value` chosen by `picks` (each one a key or an index, modulo how many there are). */
export function pathIn(value: unknown, picks: readonly number[]): (string | number)[] {
  const path: (string | number)[] = [];
  let at = value;
  for (const pick of picks) {
    if (at === null || typeof at !== 'object') break;
    const keys = Array.isArray(at) ? at.map((_, i) => i) : Object.keys(at);
    if (keys.length === 0) break;
    const key = keys[pick % keys.length];
    path.push(key);
    at = (at as Record<string | number, unknown>)[key];
  }
  return path;
}
