// The messages of loadDocument's early stages that load.test.ts leaves loose: the file-kind
// hint for each kind of name, the size cap counted in UTF-8 bytes at the very edge, the
// counting of a scenario's records before the schema runs, the "__proto__" check at the
// scenario cap, what a step that throws is reported as, and the JSON.parse fallback.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadBundledDocument, loadDocument, validateDocument } from '../../src/engine/format/load';
import { LIMITS } from '../../src/engine/format/limits';
import { expectOneProblem, fixtureJson, fixtureText, loadOk, problemsOf } from './helpers';

const notAnObject = 'is not a Mizan scenario file';

/** The minimal fixture with `count` scenarios (ids s0, s1, …), each a copy of its only one. */
function withScenarios(count: number): any {
  const doc = fixtureJson('v2/minimal.mizan');
  const [only] = doc.scenarios;
  doc.scenarios = Array.from({ length: count }, (_, i) => ({ ...structuredClone(only), id: `s${i}` }));
  return doc;
}

/** A record of `count` entries keyed f0, f1, … whose values are all null. */
const nullEntries = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${i}`, null]));

describe('the hint for a file of another kind', () => {
  const messageFor = (fileName: string) => {
    const result = loadDocument('[1]', { fileName });
    return !result.ok && result.problems.map((p) => p.message);
  };

  it('names the extension, in lower case, of a file that is not .mizan or .json', () => {
    expect(messageFor('REPORT.PDF')).toEqual([
      `${notAnObject} (Mizan opens .mizan scenario files, not .pdf files) (it holds a list, not an object)`
    ]);
  });

  it('adds no hint to .mizan or .json files, whatever their case', () => {
    for (const name of ['Copy.MIZAN', 'export.json', 'a.b.Json'])
      expect(messageFor(name), name).toEqual([`${notAnObject} (it holds a list, not an object)`]);
  });

  it('says what Mizan opens for a name with no extension, a dot file included', () => {
    // ".mizan" alone is a hidden file with no extension, not a .mizan file.
    for (const name of ['notes', '.bashrc', '.mizan'])
      expect(messageFor(name), name).toEqual([
        `${notAnObject} (Mizan opens .mizan scenario files) (it holds a list, not an object)`
      ]);
  });

  it('suggests binary or another encoding for undecodable bytes of an unnamed file', () => {
    expectOneProblem(
      problemsOf(new Uint8Array([0x7b, 0xff, 0x7d])),
      '',
      'is not UTF-8 text (it may be a binary file or use another text encoding)'
    );
  });

  it('reads a file when the options are null, as a JavaScript caller may pass them', () => {
    const result = loadDocument(fixtureText('v2/minimal.mizan'), null as never);
    expect(result.ok && result.document.title).toBe('Minimal');
  });
});

describe('the size cap at its edge', () => {
  it('accepts exactly 10 MB of bytes (then finds them empty)', () => {
    expectOneProblem(problemsOf(new Uint8Array(LIMITS.fileBytes).fill(0x20)), '', 'is empty');
  });

  it('refuses a text of exactly 10 M characters that is one byte over in UTF-8', () => {
    // "é" is 2 bytes in UTF-8: 1 + (10 485 760 − 1) characters make 10 485 761 bytes.
    const text = `é${' '.repeat(LIMITS.fileBytes - 1)}`;
    expect(text.length).toBe(LIMITS.fileBytes);
    expectOneProblem(problemsOf(text), '', 'is too large (10,485,761 bytes; Mizan opens files of at most 10 MB)');
  });
});

describe("a scenario's records, counted before the schema", () => {
  it('gives one problem for 61 bad entries, not one per entry (weights and factors)', () => {
    for (const key of ['weights', 'factors']) {
      const doc = fixtureJson('v2/minimal.mizan');
      doc.scenarios[0][key] = nullEntries(61);
      expectOneProblem(
        problemsOf(doc),
        `scenarios[0].${key}`,
        'must have at most 60 entries, one per factor (found 61)'
      );
    }
  });

  it('loads a document with 60 factors, one entry for each in every record', () => {
    const doc = fixtureJson('v2/minimal.mizan');
    const [factor] = doc.factors;
    const settings = doc.scenarios[0].factors.pressure;
    doc.factors = Array.from({ length: 60 }, (_, i) => ({ ...factor, id: `f${i}` }));
    doc.scenarios[0].factors = Object.fromEntries(doc.factors.map((f: any) => [f.id, settings]));
    doc.scenarios[0].weights = Object.fromEntries(doc.factors.map((f: any) => [f.id, 2]));
    const loaded = loadOk(JSON.stringify(doc));
    expect(Object.keys(loaded.scenarios[0].weights ?? {})).toHaveLength(60);
  });

  it('counts the records of the 20th scenario too', () => {
    const doc = withScenarios(20);
    doc.scenarios[19].weights = nullEntries(61);
    expectOneProblem(
      problemsOf(doc),
      'scenarios[19].weights',
      'must have at most 60 entries, one per factor (found 61)'
    );
  });

  it('with more than 20 scenarios, reports their number and nothing inside them', () => {
    const doc = withScenarios(21);
    doc.scenarios[3].weights = nullEntries(61);
    expectOneProblem(problemsOf(doc), 'scenarios', 'must have at most 20 items (found 21)');
  });

  it('leaves a scenario or a record that is not an object to the schema', () => {
    const doc = fixtureJson('v2/minimal.mizan');
    doc.scenarios.unshift(null);
    expectOneProblem(problemsOf(doc), 'scenarios[0]', 'must be an object { … } (found null)');
    const weights = fixtureJson('v2/minimal.mizan');
    weights.scenarios[0].weights = null;
    expectOneProblem(problemsOf(weights), 'scenarios[0].weights', 'must be an object { … } (found null)');
  });
});

describe('"__proto__" at the scenario cap', () => {
  const reserved = 'uses the name "__proto__", which is reserved: rename or remove this entry';
  const withProtoWeight = (doc: any, i: number) =>
    JSON.stringify(doc).replace(`"id":"s${i}",`, `"id":"s${i}","weights":{"__proto__":3},`);

  it('is refused in the 20th scenario', () => {
    expectOneProblem(problemsOf(withProtoWeight(withScenarios(20), 19)), 'scenarios[19].weights.__proto__', reserved);
  });

  it('is not looked for past 20 scenarios: their number is the problem', () => {
    expectOneProblem(
      problemsOf(withProtoWeight(withScenarios(21), 0)),
      'scenarios',
      'must have at most 20 items (found 21)'
    );
  });
});

describe('what loadDocument is given', () => {
  it('says so when it is neither text nor bytes (a caller passing the wrong thing)', () => {
    for (const given of [42, null, { text: '{}' }])
      expect(loadDocument(given as never)).toEqual({
        ok: false,
        problems: [{ path: '', message: 'could not be read: it was given as neither text nor bytes' }]
      });
  });

  it('never throws, even when reading the bytes fails inside (a length that cannot be read)', () => {
    class VanishingBytes extends Uint8Array {
      override get byteLength(): number {
        throw new Error('the device was removed');
      }
    }
    expect(loadDocument(new VanishingBytes(4))).toEqual({
      ok: false,
      problems: [{ path: '', message: 'could not be read: the device was removed' }]
    });
  });
});

describe('validateDocument', () => {
  it('names a value that is not an object at all', () => {
    expect(validateDocument(null)).toEqual({
      ok: false,
      problems: [{ path: '', message: 'must be an object { … } (found null)' }]
    });
  });

  it('names the places of the checks made before the schema, as loadDocument does', () => {
    const doc = withScenarios(1);
    doc.scenarios[0].weights = nullEntries(LIMITS.factors + 1);
    expect(validateDocument(doc)).toMatchObject({
      ok: false,
      problems: [
        {
          path: 'scenarios[0].weights',
          message: `must have at most ${LIMITS.factors} entries, one per factor (found ${LIMITS.factors + 1})`
        }
      ]
    });
  });

  it('words an exception without a message, and one that is not an Error', () => {
    const throwing = (thrown: unknown) => ({
      get format(): string {
        throw thrown;
      }
    });
    expect(validateDocument(throwing(new Error('')))).toEqual({
      ok: false,
      problems: [{ path: '', message: 'could not be read: unknown error' }]
    });
    expect(validateDocument(throwing('out of memory'))).toEqual({
      ok: false,
      problems: [{ path: '', message: 'could not be read: out of memory' }]
    });
  });
});

describe('loadBundledDocument', () => {
  it('gives JSON that is not an object (null) to the full loader', () => {
    const result = loadBundledDocument('null', { fileName: 'x.mizan' });
    expect(result).toEqual({
      ok: false,
      problems: [{ path: '', message: `${notAnObject} (it holds null, not an object)` }]
    });
  });
});

describe("JSON.parse's own position, when the locator finds no error", () => {
  // The locator and JSON.parse agree on every text (jsonText.test.ts); should a platform's
  // parser refuse a text the locator accepts, its "at position N" still places the problem.
  afterEach(() => {
    vi.restoreAllMocks();
  });

  // Line 1 is "{" (index 0, newline 1), line 2 '  "abc": 1,' (indices 2–12, newline 13),
  // line 3 starts at index 14: position 16 is its third character.
  const text = '{\n  "abc": 1,\n  "d": 2\n}';

  const refusedWith = (thrown: unknown, fileName?: string) => {
    vi.spyOn(JSON, 'parse').mockImplementationOnce(() => {
      throw thrown;
    });
    const result = loadDocument(text, { fileName });
    return !result.ok && result.problems.map((p) => `${p.path}|${p.message}`);
  };

  it('turns the position into a line and column', () => {
    expect(refusedWith(new SyntaxError('Unexpected token in JSON at position 16'))).toEqual([
      '|is not valid JSON: unexpected text at line 3, column 3'
    ]);
    expect(refusedWith(new SyntaxError('Unexpected token at position 16'), 'notes.txt')).toEqual([
      '|is not valid JSON (Mizan opens .mizan scenario files, not .txt files): unexpected text at line 3, column 3'
    ]);
  });

  it('says only "not valid JSON" without a position', () => {
    expect(refusedWith(new SyntaxError('Unexpected token'))).toEqual(['|is not valid JSON']);
    // Only an Error's message is read: a thrown object that merely looks like one is not.
    expect(refusedWith({ message: 'at position 16' }, 'notes.txt')).toEqual([
      '|is not valid JSON (Mizan opens .mizan scenario files, not .txt files)'
    ]);
  });
});
