// Migrations of older .mizan files to the current format version: a numbered list of pure
// functions, each taking a document of version n to version n + 1. A file of version v is
// brought forward by running steps v, v + 1, …, FORMAT_VERSION − 1 in order.
//
// Version 1 is the first version, so the table is empty today. When the meaning of a field
// changes, FORMAT_VERSION goes up by one and a step for the previous version is added here,
// together with a fixture file of the old version in tests/fixtures/v<n>/.
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

/** The migrations of the real format. Empty: version 1 is the first version. */
export const MIGRATIONS: MigrationTable = Object.freeze({});

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
