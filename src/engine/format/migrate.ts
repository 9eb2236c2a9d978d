// Migrations of older .mizan files to the current format version: a numbered list of pure
// functions, each taking a document of version n to version n + 1. A file of version v is
// brought forward by running steps v, v + 1, …, FORMAT_VERSION − 1 in order.
//
// When the meaning of a field changes, or fields are added that an older Mizan would not
// keep, FORMAT_VERSION goes up by one and a step for the previous version is added here,
// together with fixture files of the old version in tests/fixtures/v<n>/.
import { FORMAT_VERSION } from './schema';
import type { Located } from './problems';

/** A plain JSON object as read from a file (before validation). */
export type RawDocument = Record<string, unknown>;

/**
 * One step: takes a document of version n (its key in the table) to version n + 1. Must be
 * pure: build and return a new object, never change its argument. The machinery sets
 * `version` afterwards, so a step need not.
 */
export type Migration = (doc: Readonly<RawDocument>) => RawDocument;

/** Step n takes version n to version n + 1. */
export type MigrationTable = Readonly<Record<number, Migration>>;

/** `value` without the keys named, when it is an object (a copy); anything else as it is. */
function without(value: unknown, keys: readonly string[]): unknown {
  if (!isPlainObject(value)) return value;
  const copy: RawDocument = {};
  for (const [key, v] of Object.entries(value))
    if (!keys.includes(key))
      Object.defineProperty(copy, key, { value: v, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** A copy of a list with `fn` applied to each item; anything that is not a list as it is. */
const mapList = (value: unknown, fn: (item: unknown) => unknown): unknown =>
  Array.isArray(value) ? value.map(fn) : value;

/** A copy of a record with `fn` applied to each value; anything that is not an object as it is. */
function mapRecord(value: unknown, fn: (item: unknown) => unknown): unknown {
  if (!isPlainObject(value)) return value;
  const copy: RawDocument = {};
  for (const [key, v] of Object.entries(value))
    Object.defineProperty(copy, key, { value: fn(v), enumerable: true, writable: true, configurable: true });
  return copy;
}

/**
 * Version 1 → 2. Version 2 adds optional fields whose absence means what version 1 meant: a
 * range's `shape` (triangular), an event's `kind` (a one-month pulse) and `condition` (none), a
 * scenario's `correlations` (none) and `probability` (equal odds), the simulation's `sampling`
 * (random) and the document's `observations` (none).
 * Version 1 ignored unknown fields, so a version 1 file that happens to carry one of these
 * names is read as version 1 read it: they are dropped, and the numbers stay the same.
 */
export const v1ToV2: Migration = (doc) => {
  const range = (value: unknown) => without(value, ['shape']);
  const scenarioFactor = (value: unknown) =>
    isPlainObject(value) ? { ...value, start: range(value.start), target: range(value.target) } : value;
  const scenario = (value: unknown) =>
    isPlainObject(value)
      ? {
          ...value,
          ...(value.weights === undefined ? {} : { weights: mapRecord(value.weights, range) }),
          factors: mapRecord(value.factors, scenarioFactor),
          events: mapList(value.events, (e) => without(e, ['kind', 'condition']))
        }
      : value;
  const scenarioWithout = (value: unknown) => without(scenario(value), ['correlations', 'probability']);
  const { observations: _observations, ...rest } = doc;
  return {
    ...rest,
    ...(doc.simulation === undefined ? {} : { simulation: without(doc.simulation, ['sampling']) }),
    factors: mapList(doc.factors, (f) => (isPlainObject(f) ? { ...f, weight: range(f.weight) } : f)),
    scenarios: mapList(doc.scenarios, scenarioWithout)
  };
};

/** The migrations of the real format. */
export const MIGRATIONS: MigrationTable = Object.freeze({ 1: v1ToV2 });

export type MigrationResult = { ok: true; document: RawDocument } | { ok: false; problems: Located[] };

export type MigrateOptions = {
  /** The table to use; MIGRATIONS unless a test supplies its own. */
  migrations?: MigrationTable;
  /** The version to reach; FORMAT_VERSION unless a test supplies its own. */
  target?: number;
};

function isPlainObject(value: unknown): value is RawDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The oldest version from which every step up to `target` exists. */
export function oldestReadableVersion(migrations: MigrationTable, target: number): number {
  let v = target;
  while (v > 1 && Object.hasOwn(migrations, v - 1) && typeof migrations[v - 1] === 'function') v--;
  return v;
}

/**
 * Brings `doc`, written in format version `from`, up to `target`. A version that is newer
 * than `target` or older than any known step is refused with a problem; so is a step that
 * fails or does not return an object.
 */
export function migrateDocument(doc: RawDocument, from: number, options: MigrateOptions = {}): MigrationResult {
  const migrations = options.migrations ?? MIGRATIONS;
  const target = options.target ?? FORMAT_VERSION;
  if (!Number.isInteger(from) || from < 1) {
    return {
      ok: false,
      problems: [{ at: ['version'], message: `must be a whole number of 1 or more (found ${from})` }]
    };
  }
  if (from > target) {
    return {
      ok: false,
      problems: [
        {
          at: [],
          message: `was written by a newer Mizan (file format version ${from}; this Mizan reads up to version ${target}). Update Mizan to open it.`
        }
      ]
    };
  }
  const oldest = oldestReadableVersion(migrations, target);
  if (from < oldest) {
    return {
      ok: false,
      problems: [
        {
          at: [],
          message: `was written in file format version ${from}, which this Mizan cannot convert (it reads versions ${oldest} to ${target}).`
        }
      ]
    };
  }
  let current: RawDocument = doc;
  for (let v = from; v < target; v++) {
    let next: unknown;
    try {
      next = migrations[v](current);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        problems: [{ at: [], message: `could not be converted from file format version ${v} to ${v + 1}: ${why}` }]
      };
    }
    if (!isPlainObject(next)) {
      return {
        ok: false,
        problems: [
          {
            at: [],
            message: `could not be converted from file format version ${v} to ${v + 1}: the conversion gave no document`
          }
        ]
      };
    }
    // Object spread defines own properties, so a "__proto__" key stays a plain key.
    current = { ...next, version: v + 1 };
  }
  return { ok: true, document: current };
}
