// Schema problems: the exact path and a plain-English message for each kind of mistake.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/engine/format/limits';
import { MizanDocument } from '../../src/engine/format/schema';
import { expectOneProblem, fixtureJson, problemsAfter, problemsOf } from './helpers';

/** The rich fixture's text with one value replaced by raw JSON text (e.g. 1e400, which JSON.stringify cannot write). */
function problemsWithRaw(change: (d: any, marker: string) => void, raw: string) {
  const doc = fixtureJson();
  change(doc, '@@RAW@@');
  return problemsOf(JSON.stringify(doc).replace('"@@RAW@@"', raw));
}

describe('numbers', () => {
  it.each([
    [
      'scenarios[1].factors.sanctions.pace',
      (d: any) => (d.scenarios[1].factors.sanctions.pace = 1.5),
      'must be at most 1 (found 1.5)'
    ],
    [
      'scenarios[0].factors.diplomacy.volatility',
      (d: any) => (d.scenarios[0].factors.diplomacy.volatility = -2),
      'must be at least 0 (found -2)'
    ],
    [
      'scenarios[0].factors.diplomacy.volatility',
      (d: any) => (d.scenarios[0].factors.diplomacy.volatility = 51),
      'must be at most 50 (found 51)'
    ],
    ['interactions[0].strength', (d: any) => (d.interactions[0].strength = -1.01), 'must be at least -1 (found -1.01)'],
    [
      'scenarios[0].events[0].shift',
      (d: any) => (d.scenarios[0].events[0].shift = 101),
      'must be at most 100 (found 101)'
    ],
    [
      'scenarios[0].events[0].probability',
      (d: any) => (d.scenarios[0].events[0].probability = 2),
      'must be at most 1 (found 2)'
    ],
    ['scenarios[0].events[0].month', (d: any) => (d.scenarios[0].events[0].month = 0), 'must be at least 1 (found 0)'],
    [
      'scenarios[0].events[0].month',
      (d: any) => (d.scenarios[0].events[0].month = 2.5),
      'must be a whole number (found 2.5)'
    ],
    ['horizonMonths', (d: any) => (d.horizonMonths = 121), 'must be at most 120 (found 121)'],
    ['horizonMonths', (d: any) => (d.horizonMonths = 0), 'must be at least 1 (found 0)'],
    ['simulation.runs', (d: any) => (d.simulation.runs = 200_001), 'must be at most 200000 (found 200001)'],
    ['simulation.seed', (d: any) => (d.simulation.seed = 2 ** 32), 'must be at most 4294967295 (found 4294967296)'],
    ['simulation.seed', (d: any) => (d.simulation.seed = -1), 'must be at least 0 (found -1)'],
    ['thresholds.crisis', (d: any) => (d.thresholds.crisis = 101), 'must be at most 100 (found 101)']
  ])('%s', (path, change, message) => {
    expectOneProblem(problemsAfter(change), path, message);
  });

  it.each([
    ['"abc"', 'text "abc"'],
    ['"NaN"', 'text "NaN"'],
    ['"Infinity"', 'text "Infinity"'],
    ['"0.15"', 'text "0.15"'],
    ['""', 'empty text'],
    ['null', 'null'],
    ['true', 'true'],
    ['[0.15]', 'a list of 1 item']
  ])('pace %s is neither a number nor a range', (value, shown) => {
    const problems = problemsAfter((d) => (d.scenarios[0].factors.sanctions.pace = JSON.parse(value)));
    expectOneProblem(
      problems,
      'scenarios[0].factors.sanctions.pace',
      `must be a number from 0 to 1 or a range {low, mode, high} (found ${shown})`
    );
  });

  it('a pace that is an object is read as a range, and its missing ends are named', () => {
    const problems = problemsAfter((d) => (d.scenarios[0].factors.sanctions.pace = {}));
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual(
      ['low', 'mode', 'high'].map((end) => `scenarios[0].factors.sanctions.pace.${end}: is required`)
    );
  });

  it('a number too large for a double is not finite', () => {
    const problems = problemsWithRaw((d, raw) => (d.horizonMonths = raw), '1e400');
    expectOneProblem(problems, 'horizonMonths', 'must be a finite number (found a number too large to represent)');
    expectOneProblem(
      problemsWithRaw((d, raw) => (d.factors[1].weight = raw), '-1e999'),
      'factors[1].weight',
      'must be a number from 0 to 10 or a range {low, mode, high} (found a number too large to represent)'
    );
  });

  it('thresholds must rise', () => {
    expectOneProblem(
      problemsAfter((d) => (d.thresholds.high = 20)),
      'thresholds.high',
      'must be above elevated (25)'
    );
    expectOneProblem(
      problemsAfter((d) => (d.thresholds.crisis = 50)),
      'thresholds.crisis',
      'must be above high (50)'
    );
  });
});

describe('numbers or ranges', () => {
  it.each([
    [
      'factors[1].weight',
      (d: any) => (d.factors[1].weight = 'abc'),
      'must be a number from 0 to 10 or a range {low, mode, high} (found text "abc")'
    ],
    [
      'factors[1].weight',
      (d: any) => (d.factors[1].weight = 'NaN'),
      'must be a number from 0 to 10 or a range {low, mode, high} (found text "NaN")'
    ],
    [
      'factors[1].weight',
      (d: any) => (d.factors[1].weight = null),
      'must be a number from 0 to 10 or a range {low, mode, high} (found null)'
    ],
    [
      'factors[1].weight',
      (d: any) => (d.factors[1].weight = [5, 7, 8]),
      'must be a number from 0 to 10 or a range {low, mode, high} (found a list of 3 items)'
    ],
    ['factors[1].weight', (d: any) => delete d.factors[1].weight, 'is required'],
    ['factors[1].weight', (d: any) => (d.factors[1].weight = 11), 'must be at most 10 (found 11)'],
    [
      'scenarios[0].factors.sanctions.start',
      (d: any) => (d.scenarios[0].factors.sanctions.start = -5),
      'must be at least 0 (found -5)'
    ],
    [
      'scenarios[0].factors.sanctions.target',
      (d: any) => (d.scenarios[0].factors.sanctions.target = '75'),
      'must be a number from 0 to 100 or a range {low, mode, high} (found text "75")'
    ],
    [
      'scenarios[1].weights.diplomacy',
      (d: any) => (d.scenarios[1].weights.diplomacy = true),
      'must be a number from 0 to 10 or a range {low, mode, high} (found true)'
    ]
  ])('%s', (path, change, message) => {
    expectOneProblem(problemsAfter(change), path, message);
  });

  it.each([
    [
      'factors[0].weight.low',
      (d: any) => (d.factors[0].weight = { low: 8, mode: 7, high: 9 }),
      'low (8) must not exceed mode (7)'
    ],
    [
      'factors[0].weight.high',
      (d: any) => (d.factors[0].weight = { low: 1, mode: 7, high: 6 }),
      'high (6) must not be below mode (7)'
    ],
    ['factors[0].weight.mode', (d: any) => (d.factors[0].weight = { low: 1, high: 6 }), 'is required'],
    [
      'factors[0].weight.high',
      (d: any) => (d.factors[0].weight = { low: 1, mode: 2, high: 12 }),
      'must be at most 10 (found 12)'
    ],
    [
      'factors[0].weight.low',
      (d: any) => (d.factors[0].weight = { low: '1', mode: 2, high: 3 }),
      'must be a number (found text "1")'
    ],
    [
      'scenarios[0].factors["israel-iran"].start.low',
      (d: any) => (d.scenarios[0].factors['israel-iran'].start.low = 70),
      'low (70) must not exceed mode (65)'
    ],
    [
      'scenarios[1].weights["israel-iran"].mode',
      (d: any) => (d.scenarios[1].weights['israel-iran'].mode = 'seven'),
      'must be a number (found text "seven")'
    ]
  ])('%s', (path, change, message) => {
    expectOneProblem(problemsAfter(change), path, message);
  });

  it('reports every part of an empty range', () => {
    const problems = problemsAfter((d) => (d.factors[0].weight = {}));
    expect(problems).toEqual([
      { path: 'factors[0].weight.low', message: 'is required' },
      { path: 'factors[0].weight.mode', message: 'is required' },
      { path: 'factors[0].weight.high', message: 'is required' }
    ]);
  });

  it('a range with low > mode > high reports both', () => {
    expect(problemsAfter((d) => (d.factors[0].weight = { low: 9, mode: 5, high: 1 }))).toEqual([
      { path: 'factors[0].weight.low', message: 'low (9) must not exceed mode (5)' },
      { path: 'factors[0].weight.high', message: 'high (1) must not be below mode (5)' }
    ]);
  });
});

describe('other types and forms', () => {
  it.each([
    ['title', (d: any) => (d.title = 5), 'must be text (found 5)'],
    ['title', (d: any) => delete d.title, 'is required'],
    ['title', (d: any) => (d.title = 'x'.repeat(501)), 'must be at most 500 characters long (found 501)'],
    [
      'description',
      (d: any) => (d.description = 'x'.repeat(20_001)),
      'must be at most 20000 characters long (found 20001)'
    ],
    [
      'createdAt',
      (d: any) => (d.createdAt = 'yesterday'),
      'must be a date and time like "2024-10-11T09:30:00Z" (found text "yesterday")'
    ],
    [
      'modifiedAt',
      (d: any) => (d.modifiedAt = '2024-10-11'),
      'must be a date and time like "2024-10-11T09:30:00Z" (found text "2024-10-11")'
    ],
    ['startMonth', (d: any) => (d.startMonth = '2024-13'), 'must be a month like 2024-10 (found text "2024-13")'],
    ['thresholds', (d: any) => (d.thresholds = [25, 50, 75]), 'must be an object { … } (found a list of 3 items)'],
    ['factors', (d: any) => (d.factors = []), 'must have at least 1 item (found none)'],
    ['factors', (d: any) => (d.factors = {}), 'must be a list [ … ] (found an object)'],
    ['scenarios', (d: any) => (d.scenarios = []), 'must have at least 1 item (found none)'],
    [
      'factors[0].id',
      (d: any) => (d.factors[0].id = '1st'),
      'must start with a letter and use only letters, digits, "_" and "-" (at most 64) (found text "1st")'
    ],
    [
      'factors[0].id',
      (d: any) => (d.factors[0].id = 'a'.repeat(65)),
      /^must start with a letter .* \(found text "a{40}…"\)$/
    ],
    [
      'factors[0].label',
      (d: any) => (d.factors[0].label = { en: ' ', ar: '' }),
      'needs a text in English or in Arabic'
    ],
    ['factors[0].label.ar', (d: any) => delete d.factors[0].label.ar, 'is required'],
    ['factors[0].label', (d: any) => (d.factors[0].label = 'Israel'), 'must be an object { … } (found text "Israel")'],
    ['factors[0].direction', (d: any) => (d.factors[0].direction = 0), 'must be 1 or -1 (found 0)'],
    ['factors[0].direction', (d: any) => (d.factors[0].direction = '+1'), 'must be 1 or -1 (found text "+1")'],
    ['factors[0].evidence[0]', (d: any) => (d.factors[0].evidence = [7]), 'must be text (found 7)'],
    [
      'scenarios[0].color',
      (d: any) => (d.scenarios[0].color = 'red'),
      'must be a colour like #c0392b (found text "red")'
    ],
    ['scenarios[0].color', (d: any) => delete d.scenarios[0].color, 'is required'],
    ['scenarios[0].events', (d: any) => delete d.scenarios[0].events, 'is required'],
    ['scenarios[0].factors', (d: any) => (d.scenarios[0].factors = null), 'must be an object { … } (found null)'],
    [
      'scenarios[0].factors.sanctions',
      (d: any) => (d.scenarios[0].factors.sanctions = 70),
      'must be an object { … } (found 70)'
    ],
    [
      'scenarios[0].weights',
      (d: any) => (d.scenarios[0].weights = [1]),
      'must be an object { … } (found a list of 1 item)'
    ],
    ['evidence[0].source', (d: any) => delete d.evidence[0].source, 'is required'],
    ['view', (d: any) => (d.view = 'compact'), 'must be an object { … } (found text "compact")']
  ])('%s', (path, change, message) => {
    expectOneProblem(problemsAfter(change), path, message);
  });

  it('names a record key that is not an id, in brackets', () => {
    const problems = problemsAfter((d) => (d.scenarios[0].factors['oil price'] = d.scenarios[0].factors.sanctions));
    expectOneProblem(
      problems,
      'scenarios[0].factors["oil price"]',
      'is not a valid id: it must start with a letter and use only letters, digits, "_" and "-" (at most 64)'
    );
  });

  it('accepts any key in view, and writes odd keys in brackets', () => {
    const problems = problemsAfter((d) => {
      d.view = { 'a b': 1, 'x"y': 2 };
      d.title = 1;
    });
    expectOneProblem(problems, 'title', 'must be text (found 1)');
  });

  it('caps list sizes', () => {
    expectOneProblem(
      problemsAfter((d) => (d.factors = Array.from({ length: 61 }, () => d.factors[0]))),
      'factors',
      'must have at most 60 items (found 61)'
    );
  });

  it("caps a scenario's factors and weights at one entry per factor", () => {
    const message = `must have at most ${LIMITS.factors} entries, one per factor (found 61)`;
    expectOneProblem(
      problemsAfter(
        (d) => (d.scenarios[1].weights = Object.fromEntries(Array.from({ length: 61 }, (_, i) => [`f${i}`, 1])))
      ),
      'scenarios[1].weights',
      message
    );
    // the schema says so too (for documents that do not come through loadDocument)
    const doc = fixtureJson();
    doc.scenarios[0].factors = Object.fromEntries(
      Array.from({ length: 61 }, (_, i) => [`f${i}`, doc.scenarios[0].factors.sanctions])
    );
    const parsed = MizanDocument.safeParse(doc);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ['scenarios', 0, 'factors'], message })]);
  });

  // How long this takes is measured by `npm run bench` (validation of a hostile record), not here.
  it('stays exact when a record holds hundreds of thousands of bad entries', () => {
    const doc = fixtureJson();
    doc.scenarios[1].factors = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`f${i}`, i]));
    expectOneProblem(
      problemsOf(doc),
      'scenarios[1].factors',
      `must have at most ${LIMITS.factors} entries, one per factor (found 200000)`
    );
  });

  it('reports every problem of a document at once, in document order', () => {
    const problems = problemsAfter((d) => {
      d.createdAt = 'now';
      d.factors[3].direction = 2;
      d.scenarios[1].factors.sanctions.pace = 1.5;
      d.evidence[0].quote = null;
    });
    expect(problems.map((p) => p.path)).toEqual([
      'createdAt',
      'factors[3].direction',
      'scenarios[1].factors.sanctions.pace',
      'evidence[0].quote'
    ]);
  });
});
