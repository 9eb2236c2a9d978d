// The loading pipeline stage by stage: size, encoding, JSON, envelope, and the promise
// that loadDocument never throws and never pollutes prototypes.
import { describe, expect, it } from 'vitest';
import { loadDocument, validateDocument } from '../../src/engine/format/load';
import { LIMITS } from '../../src/engine/format/limits';
import { FORMAT_VERSION, MizanDocument } from '../../src/engine/format/schema';
import { formatProblem, MAX_PROBLEMS } from '../../src/engine/format/problems';
import { expectOneProblem, fixtureFiles, fixtureJson, fixtureText, loadOk, problemsOf } from './helpers';

describe('fixtures of every format version', () => {
  it('has at least one fixture for every version up to the current one', () => {
    const versions = new Set(fixtureFiles().map(([name]) => Number(name.slice(1, name.indexOf('/')))));
    for (let v = 1; v <= FORMAT_VERSION; v++) expect(versions.has(v), `tests/fixtures/v${v}/`).toBe(true);
  });

  it.each(fixtureFiles())('%s loads', (name, text) => {
    const doc = loadOk(text);
    expect(doc.version).toBe(FORMAT_VERSION);
    expect(MizanDocument.safeParse(doc).success).toBe(true);
  });

  it('keeps every field of the rich fixture, including gist, interaction evidence and view', () => {
    const doc = loadOk(fixtureText('v2/rich.mizan'));
    expect(doc).toEqual(fixtureJson('v2/rich.mizan'));
    expect(doc.evidence[0].gist).toMatch(/Israel/);
    expect(doc.interactions[0].evidence).toEqual(['e2']);
    expect(doc.view).toEqual({ selectedScenario: 'baseline', panels: { tornado: true, order: [1, 2, 3] }, zoom: null });
  });

  it('keeps the fields of version 2: a PERT range, a lasting event, a condition', () => {
    const doc = loadOk(fixtureText('v2/rich.mizan'));
    expect(doc.factors[2].weight).toEqual({ low: 3, mode: 5, high: 7, shape: 'pert' });
    expect(doc.scenarios[0].events[1]).toMatchObject({ kind: 'target', condition: { event: 's400', occurred: false } });
  });

  it('reads a version 1 file as version 2 with the same content, and says it was converted', () => {
    for (const name of ['minimal', 'rich']) {
      const result = loadDocument(fixtureText(`v1/${name}.mizan`));
      expect(result.ok && result.migratedFrom, name).toBe(1);
      expect(result.ok && result.document, name).toEqual({
        ...fixtureJson(`v1/${name}.mizan`),
        version: FORMAT_VERSION
      });
    }
  });

  it('reads the fields version 2 added as version 1 did when a version 1 file carries them: not at all', () => {
    const doc = fixtureJson('v1/rich.mizan');
    doc.factors[0].weight.shape = 'pert';
    doc.scenarios[0].factors.sanctions.target = { low: 70, mode: 75, high: 80, shape: 'pert' };
    doc.scenarios[1].weights['israel-iran'].shape = 'pert';
    Object.assign(doc.scenarios[0].events[0], { kind: 'target', condition: { event: 'nowhere', occurred: true } });
    const loaded = loadOk(JSON.stringify(doc));
    expect(loaded.factors[0].weight).toEqual({ low: 7, mode: 9, high: 10 });
    expect(loaded.scenarios[0].factors.sanctions.target).toEqual({ low: 70, mode: 75, high: 80 });
    expect(loaded.scenarios[1].weights?.['israel-iran']).toEqual({ low: 5, mode: 7, high: 9 });
    expect(loaded.scenarios[0].events[0]).not.toHaveProperty('kind');
    expect(loaded.scenarios[0].events[0]).not.toHaveProperty('condition');
  });

  it('drops observations and scenario probabilities from a version 1 file, as version 1 did', () => {
    const doc = fixtureJson('v1/rich.mizan');
    doc.scenarios[0].probability = 0.9;
    doc.observations = [{ id: 'o', kind: 'index', month: '2025-01', value: 60 }];
    const loaded = loadOk(JSON.stringify(doc));
    expect(loaded).not.toHaveProperty('observations');
    expect(loaded.scenarios[0]).not.toHaveProperty('probability');
  });

  it('loads from bytes as well as from text, and reports no migration for the current version', () => {
    const result = loadDocument(new TextEncoder().encode(fixtureText('v2/minimal.mizan')));
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.migratedFrom).toBeUndefined();
  });

  it('strips a byte-order mark, in bytes and in text', () => {
    const text = fixtureText('v2/minimal.mizan');
    loadOk(`\uFEFF${text}`);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    loadOk(bytes);
  });

  it('drops fields it does not know', () => {
    const doc = fixtureJson('v2/minimal.mizan');
    doc.futureField = { a: 1 };
    doc.factors[0].colour = 'red';
    const loaded = loadOk(JSON.stringify(doc));
    expect(loaded).not.toHaveProperty('futureField');
    expect(loaded.factors[0]).not.toHaveProperty('colour');
  });
});

describe('size cap', () => {
  const over = LIMITS.fileBytes + 1;

  it('refuses more than 10 MB of bytes before decoding them', () => {
    const bytes = new Uint8Array(over).fill(0x20);
    expectOneProblem(problemsOf(bytes), '', 'is too large (10,485,761 bytes; Mizan opens files of at most 10 MB)');
  });

  it('counts a string in UTF-8 bytes, not characters', () => {
    // 3.5 M Arabic letters are 7 MB of UTF-8 in a 3.5 M-character string.
    const arabic = `"${'م'.repeat(3_500_000)}"`;
    expect(arabic.length).toBeLessThan(LIMITS.fileBytes);
    const [first] = problemsOf(`{"format":"mizan-scenario","version":1,"title":${arabic}}`);
    expect(first).toEqual({ path: 'title', message: 'must be at most 500 characters long (found 3500000)' });
    const tooBig = `"${'م'.repeat(5_300_000)}"`;
    expectOneProblem(problemsOf(tooBig), '', /^is too large \(10\.1 MB; Mizan opens files of at most 10 MB\)$/);
  });

  it('refuses a 10 MB + 1 string', () => {
    expectOneProblem(problemsOf(' '.repeat(over)), '', /^is too large/);
  });

  it('accepts exactly 10 MB (then finds the content empty)', () => {
    expectOneProblem(problemsOf(' '.repeat(LIMITS.fileBytes)), '', 'is empty');
  });
});

describe('text and JSON', () => {
  it.each([
    ['an empty text', ''],
    ['whitespace only', ' \n\t\r\n '],
    ['a byte-order mark only', '\uFEFF']
  ])('calls %s empty', (_, input) => {
    expectOneProblem(problemsOf(input), '', 'is empty');
  });

  it('calls empty bytes empty', () => {
    expectOneProblem(problemsOf(new Uint8Array()), '', 'is empty');
  });

  it('refuses binary bytes', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff]);
    expectOneProblem(problemsOf(png), '', /^is not UTF-8 text/);
  });

  it.each([
    ['a lone continuation byte', [0x7b, 0x80, 0x7d]],
    ['an overlong encoding', [0x22, 0xc0, 0xaf, 0x22]],
    ['a truncated sequence', [0x22, 0xe2, 0x82, 0x22]],
    ['an encoded surrogate', [0x22, 0xed, 0xa0, 0x80, 0x22]],
    ['Latin-1 text', [0x22, 0x63, 0x61, 0x66, 0xe9, 0x22]]
  ])('refuses invalid UTF-8: %s', (_, bytes) => {
    expectOneProblem(problemsOf(new Uint8Array(bytes)), '', /^is not UTF-8 text/);
  });

  it('names the line and column of a syntax error', () => {
    expectOneProblem(
      problemsOf('{\n  "a": 1,\n  "b": }'),
      '',
      'is not valid JSON: unexpected character "}" (expected a value) at line 3, column 8'
    );
    expectOneProblem(
      problemsOf('{\n  "a": 1\n  "b": 2\n}'),
      '',
      'is not valid JSON: unexpected character "\\"" (expected "," or "}") at line 3, column 3'
    );
    expectOneProblem(
      problemsOf("{'a': 1}"),
      '',
      /unexpected character "'" \(expected a name in double quotes\) at line 1, column 2$/
    );
    expectOneProblem(problemsOf('[1, 2,]'), '', /unexpected character "]" \(expected a value\) at line 1, column 7$/);
    expectOneProblem(
      problemsOf('{"a": NaN}'),
      '',
      /unexpected character "N" \(expected a value\) at line 1, column 7$/
    );
    expectOneProblem(
      problemsOf('{} {}'),
      '',
      /unexpected character "\{" after the end of the data at line 1, column 4$/
    );
    expectOneProblem(problemsOf('{"a": "x\ny"}'), '', /line break inside a quoted text at line 1, column 9$/);
    expectOneProblem(problemsOf('{"a": "\\q"}'), '', /invalid escape "\\q" in a quoted text at line 1, column 8$/);
  });

  it('says a truncated file may be cut off', () => {
    const text = fixtureText('v2/rich.mizan');
    for (const cut of [1, 40, 400, 2000, text.length - 3]) {
      const [problem] = problemsOf(text.slice(0, cut));
      expect(problem.path).toBe('');
      expect(problem.message).toMatch(/^is not valid JSON: unexpected end of the text.* at line \d+, column \d+$/);
    }
  });

  it('refuses deep nesting before parsing it (100 000 nested lists)', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expectOneProblem(
      problemsOf(deep),
      '',
      `nests lists and objects more than ${LIMITS.nesting} levels deep (at line 1, column ${LIMITS.nesting + 1}); a Mizan file needs about 8`
    );
    expectOneProblem(problemsOf('{"a":'.repeat(100_000)), '', /more than 64 levels deep/);
  });

  it('refuses deep nesting inside view, and accepts nesting up to the limit', () => {
    const doc = fixtureJson('v2/minimal.mizan');
    const nest = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
    // The document is level 1 and view level 2: view content may add LIMITS.nesting − 2 levels.
    const ok = JSON.stringify({ ...doc, view: { deep: 'X' } }).replace('"X"', nest(LIMITS.nesting - 2));
    expect(loadOk(ok).view).toBeDefined();
    const tooDeep = JSON.stringify({ ...doc, view: { deep: 'X' } }).replace('"X"', nest(LIMITS.nesting - 1));
    expectOneProblem(problemsOf(tooDeep), '', /more than 64 levels deep/);
  });

  it('does not count brackets inside strings as nesting', () => {
    const doc = fixtureJson('v2/minimal.mizan');
    doc.description = '[{'.repeat(5000) + '\\"[[[';
    expect(loadOk(JSON.stringify(doc)).description).toBe(doc.description);
  });
});

describe('envelope', () => {
  it.each([
    ['a list', '[1, 2]', 'is not a Mizan scenario file (it holds a list, not an object)'],
    ['a number', '42', 'is not a Mizan scenario file (it holds a single number, not an object)'],
    ['a string', '"mizan-scenario"', 'is not a Mizan scenario file (it holds a text, not an object)'],
    ['null', 'null', 'is not a Mizan scenario file (it holds null, not an object)'],
    ['true', 'true', 'is not a Mizan scenario file (it holds a single boolean, not an object)'],
    [
      'an object without format',
      '{"version": 1}',
      'is not a Mizan scenario file (it has no "format": "mizan-scenario")'
    ],
    [
      'another format',
      '{"format": "tldraw", "version": 1}',
      'is not a Mizan scenario file ("format" is text "tldraw", not "mizan-scenario")'
    ],
    [
      'a package.json',
      '{"name": "mizan", "version": "0.1.0"}',
      'is not a Mizan scenario file (it has no "format": "mizan-scenario")'
    ]
  ])('refuses %s', (_, text, message) => {
    expectOneProblem(problemsOf(text), '', message);
  });

  it('needs a version', () => {
    expectOneProblem(
      problemsOf({ format: 'mizan-scenario' }),
      'version',
      'is required (the file format version, a whole number such as 1)'
    );
  });

  it.each([
    ['"1"', 'text "1"'],
    ['0', '0'],
    ['-1', '-1'],
    ['1.5', '1.5'],
    ['null', 'null'],
    ['[1]', 'a list of 1 item'],
    ['{"major": 1}', 'an object']
  ])('refuses version %s', (version, shown) => {
    expectOneProblem(
      problemsOf(`{"format": "mizan-scenario", "version": ${version}}`),
      'version',
      `must be a whole number of 1 or more (found ${shown})`
    );
  });

  it('refuses a newer version with a clear message, whatever else the file holds', () => {
    expectOneProblem(
      problemsOf({ format: 'mizan-scenario', version: 3, factors: 'changed meaning' }),
      '',
      'was written by a newer Mizan (file format version 3; this Mizan reads up to version 2). Update Mizan to open it.'
    );
    const doc = fixtureJson();
    doc.version = FORMAT_VERSION + 1;
    expectOneProblem(problemsOf(doc), '', /^was written by a newer Mizan \(file format version 3;/);
  });

  it('adds a hint when a file of another kind was opened', () => {
    const result = loadDocument(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0xff]), { fileName: 'report.pdf' });
    expect(result).toEqual({
      ok: false,
      problems: [{ path: '', message: 'is not UTF-8 text (Mizan opens .mizan scenario files, not .pdf files)' }]
    });
    const json = loadDocument('[1]', { fileName: 'notes.txt' });
    expect(!json.ok && json.problems[0].message).toBe(
      'is not a Mizan scenario file (Mizan opens .mizan scenario files, not .txt files) (it holds a list, not an object)'
    );
    const same = loadDocument('[1]', { fileName: 'copy.mizan' });
    expect(!same.ok && same.problems[0].message).toBe('is not a Mizan scenario file (it holds a list, not an object)');
  });
});

describe('never throws, never pollutes', () => {
  it('turns unexpected input kinds into a problem', () => {
    for (const input of [undefined, null, 42, {}, [1, 2], new ArrayBuffer(4)]) {
      const result = loadDocument(input as unknown as string);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.problems[0].message).toMatch(/^could not be read/);
    }
  });

  it('turns an exception of a step into "could not be read"', () => {
    const hostile = {
      get format(): string {
        throw new Error('boom');
      }
    };
    const result = validateDocument(hostile);
    expect(result).toEqual({ ok: false, problems: [{ path: '', message: 'could not be read: boom' }] });
  });

  it('keeps __proto__ and constructor keys harmless everywhere', () => {
    const doc = fixtureJson('v2/minimal.mizan');
    const text = JSON.stringify(doc)
      .replace('{', '{"__proto__": {"polluted": 1, "format": "x"}, "constructor": {"prototype": {"polluted": 2}},')
      .replace('"pressure": {', '"pressure": {"__proto__": {"pace": 5}, ')
      .replace('"weight": 5', '"weight": 5, "__proto__": {"weight": 99}');
    // In schema objects "__proto__" is an unknown key, dropped as every unknown key is; in the view
    // and the id-keyed records it would be data, so it is refused there (tests/engine/prototype-ids).
    const withView = text.replace(/}\s*$/, ', "view": {"constructor": {"prototype": {"polluted": 4}}, "x": {}}}');
    const loaded = loadOk(withView);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf(loaded)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(loaded.factors[0])).toBe(Object.prototype);
    expect(Object.getPrototypeOf(loaded.scenarios[0].factors)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(loaded.view)).toBe(Object.prototype);
    expect(loaded.factors[0].weight).toBe(5);
    expect(loaded.scenarios[0].factors.pressure.pace).toBe(0.1);
    expect(loaded.view).toEqual({ constructor: { prototype: { polluted: 4 } }, x: {} });
    expect(Object.hasOwn(loaded.view ?? {}, '__proto__')).toBe(false);
  });

  it('treats an id named "constructor" or "toString" as an ordinary id', () => {
    const doc = fixtureJson('v2/minimal.mizan');
    doc.factors[0].id = 'constructor';
    doc.factors.push({ id: 'toString', label: { en: 'x', ar: '' }, direction: -1, weight: 1 });
    doc.scenarios[0].factors = {
      constructor: doc.scenarios[0].factors.pressure,
      toString: { start: 1, target: 2, pace: 0, volatility: 0 }
    };
    const loaded = loadOk(JSON.stringify(doc));
    const key: string = 'constructor';
    expect(loaded.scenarios[0].factors[key].start).toBe(40);
    // and a scenario that omits it is still told so
    delete doc.scenarios[0].factors.constructor;
    expectOneProblem(problemsOf(doc), 'scenarios[0].factors', 'missing factor "constructor"');
  });

  it('a "__proto__" factor key is refused by name, and cannot stand in for a factor', () => {
    const reserved = 'uses the name "__proto__", which is reserved: rename or remove this entry';
    const text = fixtureText('v2/minimal.mizan').replace(
      '"pressure": {',
      '"__proto__": {"start": 1, "target": 1, "pace": 0, "volatility": 0}, "pressure": {'
    );
    expectOneProblem(problemsOf(text), 'scenarios[0].factors.__proto__', reserved);
    const missing = fixtureText('v2/minimal.mizan').replace('"pressure": {', '"__proto__": {');
    expectOneProblem(problemsOf(missing), 'scenarios[0].factors.__proto__', reserved);
  });
});

describe('problem lists', () => {
  it('are sorted in document order, whatever stage found them', () => {
    const doc = fixtureJson();
    // keys in the file: evidence after scenarios after factors; within an event: month before factor.
    doc.evidence[1].quote = 5;
    doc.scenarios[0].events[0].factor = 42;
    doc.scenarios[0].events[0].month = 'six';
    doc.factors[2].weight = -1;
    doc.title = null;
    expect(problemsOf(doc).map((p) => p.path)).toEqual([
      'title',
      'factors[2].weight',
      'scenarios[0].events[0].month',
      'scenarios[0].events[0].factor',
      'evidence[1].quote'
    ]);
  });

  it('put a missing field after the fields present in its object', () => {
    const doc = fixtureJson('v2/minimal.mizan');
    delete doc.title;
    doc.evidence = 'none';
    expect(problemsOf(doc).map((p) => p.path)).toEqual(['evidence', 'title']);
  });

  it(`are capped at ${MAX_PROBLEMS} with a summary line`, () => {
    const doc = fixtureJson('v2/minimal.mizan');
    doc.evidence = Array.from({ length: 150 }, (_, i) => ({ id: `e${i}`, quote: i, source: 's' }));
    const problems = problemsOf(doc);
    expect(problems).toHaveLength(MAX_PROBLEMS);
    expect(problems[0]).toEqual({ path: 'evidence[0].quote', message: 'must be text (found 0)' });
    expect(problems[MAX_PROBLEMS - 2].path).toBe('evidence[98].quote');
    expect(problems[MAX_PROBLEMS - 1]).toEqual({ path: '', message: '… and 51 more problems' });
  });

  it('format into one line per problem, naming the file', () => {
    expect(
      formatProblem(
        { path: 'scenarios[2].factors.sanctions.pace', message: 'must be at most 1 (found 1.5)' },
        'ashgabat.mizan'
      )
    ).toBe('ashgabat.mizan: scenarios[2].factors.sanctions.pace: must be at most 1 (found 1.5)');
    expect(formatProblem({ path: '', message: 'is empty' }, 'ashgabat.mizan')).toBe('ashgabat.mizan is empty');
    expect(formatProblem({ path: '', message: 'is empty' })).toBe('The file is empty');
    expect(formatProblem({ path: 'title', message: 'is required' })).toBe('title: is required');
    expect(formatProblem({ path: '', message: '… and 3 more problems' }, 'a.mizan')).toBe('… and 3 more problems');
  });
});
