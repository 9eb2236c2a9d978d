// Records keyed by id (a scenario's `factors` and `weights`, an analysis's series by factor) are
// plain objects, as their JSON is. Indexing one with an id such as "constructor" or "toString"
// finds the member of Object.prototype where the record has no entry of its own, so lookups by
// id go through ownValue (the lint rule in eslint.config.js keeps it so).

/** The record's own entry for `key`, or undefined: never something inherited from Object.prototype. */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
