// A list of problems reads from the top of the file to the bottom, whatever order the checks
// found them in: the schema walks its own field order, the cross-references check ids before
// uses, and a file may list its fields in any order.
import { describe, expect, it } from 'vitest';
import { MAX_PROBLEMS } from '../../src/engine/format/problems';
import { fixtureJson, problemsOf } from './helpers';

describe('problems in file order', () => {
  it('follows the file’s order of fields, not the schema’s', () => {
    const { title, ...rest } = fixtureJson();
    expect(title).toBeTypeOf('string');
    // "title" written last in the file; the schema checks it before the factors
    const doc = { ...rest, title: 5 };
    doc.factors[0].direction = 0;
    expect(problemsOf(JSON.stringify(doc))).toEqual([
      { path: 'factors[0].direction', message: 'must be 1 or -1 (found 0)' },
      { path: 'title', message: 'must be text (found 5)' }
    ]);
  });

  it('puts a reference problem where it is in the file, though ids are checked first', () => {
    const doc = fixtureJson();
    // e2 renamed to e1: the second e1 is a duplicate, and the uses of e2 name nothing
    doc.evidence[1].id = 'e1';
    doc.interactions[1].from = 'russia';
    expect(problemsOf(doc)).toEqual([
      { path: 'factors[1].evidence[0]', message: 'unknown evidence "e2" (did you mean "e1"?)' },
      { path: 'interactions[0].evidence[0]', message: 'unknown evidence "e2" (did you mean "e1"?)' },
      { path: 'interactions[1].from', message: 'unknown factor "russia"' },
      { path: 'evidence[1].id', message: 'duplicate id "e1" (also evidence[0].id)' }
    ]);
  });

  it('puts a problem of a whole record before the problems of its entries', () => {
    const doc = fixtureJson();
    for (const factor of doc.factors) factor.weight = 0;
    // the second scenario weighs every factor at zero, and one that does not exist
    doc.scenarios[1].weights = { hezbollah: 0, 'israel-iran': 0, diplomacy: 0 };
    expect(problemsOf(doc)).toEqual([
      // the first scenario has no "weights": the place it would go, after its fields
      { path: 'scenarios[0].weights', message: 'all factor weights are zero, so the tension index is not defined' },
      { path: 'scenarios[1].weights', message: 'all factor weights are zero, so the tension index is not defined' },
      { path: 'scenarios[1].weights.hezbollah', message: 'unknown factor "hezbollah"' }
    ]);
  });

  it('keeps problems at one place in the order they were found', () => {
    const doc = fixtureJson();
    delete doc.scenarios[0].factors.diplomacy;
    delete doc.scenarios[0].factors['israel-iran'];
    delete doc.scenarios[0].factors.partnership;
    // in the order of the factors list, not of the deletions
    expect(problemsOf(doc)).toEqual([
      { path: 'scenarios[0].factors', message: 'missing factor "israel-iran"' },
      { path: 'scenarios[0].factors', message: 'missing factor "partnership"' },
      { path: 'scenarios[0].factors', message: 'missing factor "diplomacy"' }
    ]);
  });

  it(`lists exactly ${MAX_PROBLEMS} problems in full, with no summary line`, () => {
    const doc = fixtureJson('v2/minimal.mizan');
    doc.evidence = Array.from({ length: MAX_PROBLEMS }, (_, i) => ({ id: `e${i}`, quote: i, source: 's' }));
    const problems = problemsOf(doc);
    expect(problems).toHaveLength(MAX_PROBLEMS);
    expect(problems[MAX_PROBLEMS - 1]).toEqual({
      path: `evidence[${MAX_PROBLEMS - 1}].quote`,
      message: `must be text (found ${MAX_PROBLEMS - 1})`
    });
  });
});
