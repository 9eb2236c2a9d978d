// Cross-reference rules: checked after the schema, each problem with its exact place.
import { describe, expect, it } from 'vitest';
import { checkReferences } from '../../src/engine/format/references';
import { expectOneProblem, fixtureJson, loadOk, problemsAfter } from './helpers';

describe('unique ids', () => {
  it.each([
    ['scenarios[1].id', (d: any) => (d.scenarios[1].id = 'baseline'), 'duplicate id "baseline" (also scenarios[0].id)'],
    [
      'evidence[1].id',
      (d: any) => ((d.evidence[1].id = 'e1'), (d.factors[1].evidence = ['e1']), (d.interactions[0].evidence = ['e1'])),
      'duplicate id "e1" (also evidence[0].id)'
    ],
    [
      'scenarios[0].events[2].id',
      (d: any) => d.scenarios[0].events.push({ ...d.scenarios[0].events[0] }),
      'duplicate id "s400" (also scenarios[0].events[0].id)'
    ]
  ])('%s', (path, change, message) => {
    expectOneProblem(problemsAfter(change), path, message);
  });

  it('factors[2].id', () => {
    const problems = problemsAfter((d) => (d.factors[2].id = 'sanctions'));
    expect(problems[0]).toEqual({ path: 'factors[2].id', message: 'duplicate id "sanctions" (also factors[1].id)' });
    // the old id is now unknown where it is used
    expect(problems).toContainEqual({ path: 'interactions[0].to', message: 'unknown factor "partnership"' });
    expect(problems).toContainEqual({
      path: 'scenarios[0].factors.partnership',
      message: 'unknown factor "partnership"'
    });
  });

  it('an event id is unique within its scenario: another scenario may have an event of the same id (format 2)', () => {
    const doc = fixtureJson();
    doc.scenarios[1].events[0].id = doc.scenarios[0].events[0].id;
    expect(checkReferences(doc)).toEqual([]);
  });

  it('keeps kinds apart: a scenario may share an id with a factor', () => {
    const doc = fixtureJson();
    doc.scenarios[0].id = 'sanctions';
    doc.scenarios[0].events[0].id = 'diplomacy';
    doc.scenarios[0].events[1].condition.event = 'diplomacy';
    loadOk(JSON.stringify(doc));
  });
});

describe('interactions', () => {
  it.each([
    ['interactions[1].from', (d: any) => (d.interactions[1].from = 'russia'), 'unknown factor "russia"'],
    [
      'interactions[1].to',
      (d: any) => (d.interactions[1].to = 'israel_iran'),
      'unknown factor "israel_iran" (did you mean "israel-iran"?)'
    ],
    [
      'interactions[2].to',
      (d: any) => (d.interactions[2].to = 'diplomacy'),
      'a factor cannot act on itself ("diplomacy" is also "from")'
    ],
    [
      'interactions[3]',
      (d: any) => d.interactions.push({ from: 'sanctions', to: 'partnership', strength: -0.1 }),
      'duplicate interaction from "sanctions" to "partnership" (also interactions[0])'
    ],
    [
      'interactions[0].evidence[0]',
      (d: any) => (d.interactions[0].evidence = ['e9']),
      'unknown evidence "e9" (did you mean "e1"?)'
    ]
  ])('%s', (path, change, message) => {
    expectOneProblem(problemsAfter(change), path, message);
  });

  it('allows a pair in both directions', () => {
    const doc = fixtureJson();
    doc.interactions.push({ from: 'partnership', to: 'sanctions', strength: 0.01 });
    loadOk(JSON.stringify(doc));
  });
});

describe('scenarios', () => {
  it('must set every factor', () => {
    const problems = problemsAfter((d) => {
      delete d.scenarios[1].factors.diplomacy;
      delete d.scenarios[1].factors.sanctions;
    });
    expect(problems).toEqual([
      { path: 'scenarios[1].factors', message: 'missing factor "sanctions"' },
      { path: 'scenarios[1].factors', message: 'missing factor "diplomacy"' }
    ]);
  });

  it('must not set unknown factors', () => {
    const problems = problemsAfter((d) => {
      d.scenarios[0].factors.sanktions = d.scenarios[0].factors.sanctions;
      delete d.scenarios[0].factors.sanctions;
    });
    expect(problems).toEqual([
      { path: 'scenarios[0].factors', message: 'missing factor "sanctions"' },
      { path: 'scenarios[0].factors.sanktions', message: 'unknown factor "sanktions" (did you mean "sanctions"?)' }
    ]);
  });

  it('must not weigh unknown factors', () => {
    expectOneProblem(
      problemsAfter((d) => (d.scenarios[1].weights.hezbollah = 3)),
      'scenarios[1].weights.hezbollah',
      'unknown factor "hezbollah"'
    );
  });

  it.each([
    [
      'scenarios[0].events[0].factor',
      (d: any) => (d.scenarios[0].events[0].factor = 'partnershp'),
      'unknown factor "partnershp" (did you mean "partnership"?)'
    ],
    [
      'scenarios[1].events[0].month',
      (d: any) => (d.horizonMonths = 12),
      'must be within the horizon of 12 months (found 24)'
    ],
    ['factors[1].evidence[0]', (d: any) => (d.factors[1].evidence = ['quote-7']), 'unknown evidence "quote-7"']
  ])('%s', (path, change, message) => {
    expectOneProblem(problemsAfter(change), path, message);
  });

  it('accepts an event in the last month of the horizon', () => {
    const doc = fixtureJson();
    expect(doc.scenarios[1].events[0].month).toBe(doc.horizonMonths);
    loadOk(JSON.stringify(doc));
  });
});

describe('weights', () => {
  const zeroAll = (d: any) => d.factors.forEach((f: any) => (f.weight = 0));

  it('refuses a scenario whose central weights are all zero', () => {
    const problems = problemsAfter((d) => {
      zeroAll(d);
      delete d.scenarios[1].weights;
    });
    expect(problems).toEqual([
      { path: 'scenarios[0].weights', message: 'all factor weights are zero, so the tension index is not defined' },
      { path: 'scenarios[1].weights', message: 'all factor weights are zero, so the tension index is not defined' }
    ]);
  });

  it('applies scenario overrides: an override above zero makes the index defined', () => {
    const problems = problemsAfter(zeroAll);
    // scenario 1 overrides israel-iran (mode 7) and diplomacy (6)
    expectOneProblem(
      problems,
      'scenarios[0].weights',
      'all factor weights are zero, so the tension index is not defined'
    );
  });

  it('applies scenario overrides: overrides of zero make it undefined', () => {
    const problems = problemsAfter((d) => {
      d.scenarios[0].weights = {
        'israel-iran': 0,
        sanctions: 0,
        partnership: { low: 0, mode: 0, high: 4 },
        diplomacy: 0
      };
    });
    expectOneProblem(
      problems,
      'scenarios[0].weights',
      'all factor weights are zero, so the tension index is not defined'
    );
  });

  it('uses the mode of a range, not its high', () => {
    const problems = problemsAfter((d) => {
      zeroAll(d);
      d.factors[0].weight = { low: 0, mode: 0, high: 10 };
      d.scenarios[1].weights = {};
    });
    expect(problems.map((p) => p.path)).toEqual(['scenarios[0].weights', 'scenarios[1].weights']);
  });
});

describe('checkReferences', () => {
  it('finds nothing in the fixtures', () => {
    expect(checkReferences(loadOk(JSON.stringify(fixtureJson())))).toEqual([]);
  });
});

describe('event conditions', () => {
  // rich: baseline's kazan depends on s400, listed before it.
  it.each([
    [(d: any) => (d.scenarios[0].events[1].condition.event = 'kazan'), 'an event cannot depend on itself ("kazan")'],
    [
      (d: any) => {
        d.scenarios[0].events.reverse();
        d.scenarios[0].events[0].condition.event = 's400';
      },
      '"s400" is listed after this event: a condition must name an earlier event of the scenario'
    ],
    [
      (d: any) => (d.scenarios[0].events[1].condition.event = 's40'),
      'unknown event of this scenario "s40" (did you mean "s400"?)'
    ],
    // An event of another scenario is not one of this scenario's.
    [(d: any) => (d.scenarios[0].events[1].condition.event = 'talks'), 'unknown event of this scenario "talks"']
  ])('names the condition that is wrong (%#)', (change, message) => {
    const problems = problemsAfter(change);
    expect(problems).toEqual([
      { path: expect.stringMatching(/^scenarios\[0\]\.events\[[01]\]\.condition\.event$/), message }
    ]);
  });

  it('refuses a condition that is not { event, occurred }', () => {
    const problems = problemsAfter((d) => (d.scenarios[0].events[1].condition = { event: 's400', occurred: 'yes' }));
    expect(problems.map((p) => p.path)).toEqual(['scenarios[0].events[1].condition.occurred']);
  });
});

describe('correlations', () => {
  // rich: baseline samples israel-iran.start, partnership.target and the weights of israel-iran
  // and partnership; sanctions.target is a plain number there.
  const withCorrelations = (list: unknown[]) => (d: any) => (d.scenarios[0].correlations = list);

  it('accepts two ranges of the scenario that move together, the weight after its override', () => {
    loadOk(
      JSON.stringify(
        (() => {
          const d = fixtureJson();
          d.scenarios[0].correlations = [
            { between: ['israel-iran.start', 'partnership.target'], rank: 0.6 },
            { between: ['israel-iran.weight', 'partnership.weight'], rank: -0.3 }
          ];
          // De-escalation overrides israel-iran's weight with a range: it can be correlated there.
          d.scenarios[1].correlations = [{ between: ['israel-iran.weight', 'israel-iran.start'], rank: 0.2 }];
          d.scenarios[1].factors['israel-iran'].start = { low: 60, mode: 65, high: 70 };
          return d;
        })()
      )
    );
  });

  it.each([
    [
      [{ between: ['sanctions.target', 'partnership.target'], rank: 0.5 }],
      'scenarios[0].correlations[0].between[0]',
      '"sanctions.target" is a plain number in this scenario, not a range: it does not vary, so it cannot move with another input'
    ],
    [
      [{ between: ['sanctons.target', 'partnership.target'], rank: 0.5 }],
      'scenarios[0].correlations[0].between[0]',
      'unknown factor "sanctons" (did you mean "sanctions"?)'
    ],
    [
      [{ between: ['partnership.target', 'partnership.target'], rank: 0.5 }],
      'scenarios[0].correlations[0].between',
      'an input cannot be correlated with itself ("partnership.target")'
    ],
    [
      [
        { between: ['israel-iran.start', 'partnership.target'], rank: 0.5 },
        { between: ['partnership.target', 'israel-iran.start'], rank: 0.2 }
      ],
      'scenarios[0].correlations[1]',
      'duplicate correlation of "partnership.target" and "israel-iran.start" (also scenarios[0].correlations[0])'
    ],
    [
      [
        { between: ['israel-iran.start', 'partnership.target'], rank: 0.9 },
        { between: ['israel-iran.start', 'israel-iran.weight'], rank: 0.9 },
        { between: ['partnership.target', 'israel-iran.weight'], rank: -0.9 }
      ],
      'scenarios[0].correlations[2].rank',
      'these correlations cannot all hold: given the ones before it, "partnership.target" and "israel-iran.weight" cannot have a rank correlation of -0.9 (the matrix is not positive definite)'
    ]
  ])('names the correlation that is wrong (%#)', (list, path, message) => {
    expectOneProblem(problemsAfter(withCorrelations(list)), path, message);
  });

  it('refuses a name that is not <factor>.<field>, and a rank of ±1', () => {
    const problems = problemsAfter(
      withCorrelations([
        { between: ['israel-iran', 'partnership.target'], rank: 0.5 },
        { between: ['israel-iran.start', 'partnership.target'], rank: 1 }
      ])
    );
    expect(problems.map((p) => p.path)).toEqual([
      'scenarios[0].correlations[0].between[0]',
      'scenarios[0].correlations[1].rank'
    ]);
  });
});
