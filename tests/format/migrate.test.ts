// The migration machinery, exercised with a fake table, and the real table's steps.
import { describe, expect, it } from 'vitest';
import {
  MIGRATIONS,
  migrateDocument,
  oldestReadableVersion,
  type MigrationTable
} from '../../src/engine/format/migrate';
import { FORMAT_VERSION } from '../../src/engine/format/schema';
import { fixtureJson } from './helpers';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

// v1 → v2: "pace" became "speed"; v2 → v3: a new required field "unit".
const FAKE: MigrationTable = {
  1: (doc) => ({ ...doc, speed: doc.pace, pace: undefined }),
  2: (doc) => ({ ...doc, unit: 'points' })
};

describe('the real table', () => {
  it('reads every version from 1 to the current one', () => {
    expect(FORMAT_VERSION).toBe(2);
    expect(Object.keys(MIGRATIONS)).toEqual(['1']);
    expect(oldestReadableVersion(MIGRATIONS, FORMAT_VERSION)).toBe(1);
  });

  it('takes version 1 to 2 without changing its argument, and keeps what is not an object as it is', () => {
    const doc = deepFreeze(fixtureJson('v1/rich.mizan'));
    expect(MIGRATIONS[1](doc)).toEqual(doc);
    expect(MIGRATIONS[1](doc)).not.toBe(doc);
    const odd = deepFreeze({ factors: 'none', scenarios: [7, { factors: [1], events: 'x', weights: 3 }] });
    expect(MIGRATIONS[1](odd)).toEqual(odd);
    // A scenario without weights stays without them (an added `weights: undefined` would be harmless but untidy).
    expect(MIGRATIONS[1]({ scenarios: [{ factors: {}, events: [] }] })).toEqual({
      scenarios: [{ factors: {}, events: [] }]
    });
    expect(Object.keys((MIGRATIONS[1]({ scenarios: [{ factors: {}, events: [] }] }).scenarios as object[])[0])).toEqual(
      ['factors', 'events']
    );
  });

  it('keeps a key named __proto__ as data when it drops a field', () => {
    const event = JSON.parse('{"id":"a","__proto__":{"x":1},"kind":"target"}');
    const out = MIGRATIONS[1]({ scenarios: [{ factors: {}, events: [event] }] }) as {
      scenarios: { events: object[] }[];
    };
    const copy = out.scenarios[0].events[0];
    expect(Object.keys(copy)).toEqual(['id', '__proto__']);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  });

  it('has a step for every version below the current one', () => {
    for (let v = 1; v < FORMAT_VERSION; v++) expect(typeof MIGRATIONS[v], `step ${v}`).toBe('function');
  });

  it('leaves a current document as it is', () => {
    const doc = fixtureJson();
    expect(migrateDocument(doc, FORMAT_VERSION)).toEqual({ ok: true, document: doc });
  });
});

describe('with a fake table', () => {
  it('runs every step in order from the file version to the target', () => {
    const doc = deepFreeze({ format: 'mizan-scenario', version: 1, pace: 0.2 });
    const result = migrateDocument(doc, 1, { migrations: FAKE, target: 3 });
    expect(result).toEqual({
      ok: true,
      document: { format: 'mizan-scenario', version: 3, speed: 0.2, pace: undefined, unit: 'points' }
    });
  });

  it('starts at the file version', () => {
    const result = migrateDocument({ format: 'mizan-scenario', version: 2, speed: 1 }, 2, {
      migrations: FAKE,
      target: 3
    });
    expect(result).toEqual({ ok: true, document: { format: 'mizan-scenario', version: 3, speed: 1, unit: 'points' } });
  });

  it('does not change its input (the steps are pure and the machinery copies)', () => {
    const doc = { format: 'mizan-scenario', version: 1, pace: 0.2 };
    const before = structuredClone(doc);
    migrateDocument(doc, 1, { migrations: FAKE, target: 3 });
    expect(doc).toEqual(before);
  });

  it('refuses an older version it has no step for', () => {
    const partial: MigrationTable = { 2: FAKE[2] };
    expect(oldestReadableVersion(partial, 3)).toBe(2);
    expect(migrateDocument({ version: 1 }, 1, { migrations: partial, target: 3 })).toEqual({
      ok: false,
      problems: [
        {
          at: [],
          message: 'was written in file format version 1, which this Mizan cannot convert (it reads versions 2 to 3).'
        }
      ]
    });
  });

  it('refuses a newer version', () => {
    const result = migrateDocument({ version: 4 }, 4, { migrations: FAKE, target: 3 });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          at: [],
          message:
            'was written by a newer Mizan (file format version 4; this Mizan reads up to version 3). Update Mizan to open it.'
        }
      ]
    });
  });

  it('refuses a version that is not a positive whole number', () => {
    expect(migrateDocument({}, 0, { migrations: FAKE, target: 3 })).toMatchObject({
      ok: false,
      problems: [{ at: ['version'] }]
    });
    expect(migrateDocument({}, 1.5, { migrations: FAKE, target: 3 })).toMatchObject({ ok: false });
  });

  it('turns a failing step into a problem', () => {
    const failing: MigrationTable = {
      1: () => {
        throw new Error('no pace found');
      },
      2: FAKE[2]
    };
    expect(migrateDocument({ version: 1 }, 1, { migrations: failing, target: 3 })).toEqual({
      ok: false,
      problems: [{ at: [], message: 'could not be converted from file format version 1 to 2: no pace found' }]
    });
    const empty: MigrationTable = { 1: () => null as never, 2: FAKE[2] };
    expect(migrateDocument({ version: 1 }, 1, { migrations: empty, target: 3 })).toMatchObject({ ok: false });
  });

  it('keeps a "__proto__" key as plain data', () => {
    const doc = JSON.parse('{"version": 1, "__proto__": {"polluted": true}}');
    const result = migrateDocument(doc, 1, { migrations: FAKE, target: 3 });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(Object.getPrototypeOf(result.document)).toBe(Object.prototype);
      expect(Object.hasOwn(result.document, '__proto__')).toBe(true);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('what the migration problems say', () => {
  it('names a version that is not a positive whole number', () => {
    for (const [from, shown] of [
      [0, '0'],
      [1.5, '1.5'],
      [-2, '-2']
    ] as const) {
      expect(migrateDocument({}, from, { migrations: FAKE, target: 3 })).toEqual({
        ok: false,
        problems: [{ at: ['version'], message: `must be a whole number of 1 or more (found ${shown})` }]
      });
    }
  });

  it('says a step gave no document when it returns null, a list or a text', () => {
    for (const gave of [null, [{ version: 2 }], 'v2']) {
      const table: MigrationTable = { 1: FAKE[1], 2: () => gave as never };
      expect(migrateDocument({ version: 1 }, 1, { migrations: table, target: 3 }), JSON.stringify(gave)).toEqual({
        ok: false,
        problems: [
          { at: [], message: 'could not be converted from file format version 2 to 3: the conversion gave no document' }
        ]
      });
    }
  });

  it('words a step that throws something other than an Error', () => {
    const table: MigrationTable = {
      1: () => {
        throw 'unsupported layout';
      }
    };
    expect(migrateDocument({ version: 1 }, 1, { migrations: table, target: 2 })).toEqual({
      ok: false,
      problems: [{ at: [], message: 'could not be converted from file format version 1 to 2: unsupported layout' }]
    });
  });
});

describe('oldestReadableVersion', () => {
  it('counts only steps that are functions of the table itself', () => {
    // A step 1 that is not a function, or only inherited, is no step: version 2 is the oldest.
    expect(oldestReadableVersion({ 1: 'rename pace' as never, 2: FAKE[2] }, 3)).toBe(2);
    const inherited: MigrationTable = Object.assign(Object.create({ 1: FAKE[1] }), { 2: FAKE[2] });
    expect(oldestReadableVersion(inherited, 3)).toBe(2);
  });

  it('never goes below version 1, even with a step numbered 0', () => {
    expect(oldestReadableVersion({ 0: FAKE[1], 1: FAKE[1], 2: FAKE[2] }, 3)).toBe(1);
  });
});
