// What one reading reports when parts of a file are refused and others are whole: the
// reference checks read only what has the shape they need, and a problem the schema already
// names is not named again on the same path, but a reference problem elsewhere still is.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/engine/format/limits';
import { expectOneProblem, fixtureJson, loadOk, problemsAfter, problemsOf } from './helpers';

/** The rich fixture with `count` scenarios: copies of its second one, without events (event ids are unique file-wide). */
function withScenarios(count: number): any {
  const doc = fixtureJson();
  while (doc.scenarios.length < count) {
    doc.scenarios.push({ ...doc.scenarios[1], id: `extra-${doc.scenarios.length}`, events: [] });
  }
  return doc;
}

describe('the reference checks on a file the schema refused', () => {
  it('names only the missing settings of a scenario without "factors", and checks nothing inside it', () => {
    const problems = problemsAfter((d) => delete d.scenarios[0].factors);
    expect(problems).toEqual([{ path: 'scenarios[0].factors', message: 'is required' }]);
  });

  it('names only the id of a factor whose id is not text, and checks no reference to the factors', () => {
    const problems = problemsAfter((d) => {
      d.factors[3].id = 42;
      d.interactions[2].from = 'dipl0macy';
    });
    expect(problems).toEqual([{ path: 'factors[3].id', message: 'must be text (found 42)' }]);
  });

  it('still checks the other references when the links are not a list', () => {
    const problems = problemsAfter((d) => {
      d.interactions = { from: 'sanctions' };
      d.scenarios[0].events[0].factor = 'partnershp';
    });
    expect(problems).toEqual([
      { path: 'interactions', message: 'must be a list [ … ] (found an object)' },
      { path: 'scenarios[0].events[0].factor', message: 'unknown factor "partnershp" (did you mean "partnership"?)' }
    ]);
  });

  it('checks the ids of a list that holds exactly as many items as the limit allows (20 scenarios)', () => {
    const doc = withScenarios(20);
    doc.scenarios[19].id = 'baseline';
    expectOneProblem(problemsOf(doc), 'scenarios[19].id', 'duplicate id "baseline" (also scenarios[0].id)');
  });

  it('leaves the zero-weights check out when a weight range has no numeric mode', () => {
    // Every other weight is 0, so a mode read as null (0 when added) would make the sum 0.
    const problems = problemsAfter((d) => {
      d.factors[0].weight = { low: 0, mode: null, high: 0 };
      for (const f of d.factors.slice(1)) f.weight = 0;
    });
    expect(problems).toEqual([{ path: 'factors[0].weight.mode', message: 'must be a number (found null)' }]);
  });

  it('still adds up the weights when only a range’s order is wrong (its mode is the central value)', () => {
    const problems = problemsAfter((d) => {
      d.factors[0].weight = { low: 1, mode: 0, high: 0 };
      for (const f of d.factors.slice(1)) f.weight = 0;
      d.scenarios[1].weights = {};
    });
    expect(problems).toEqual([
      { path: 'factors[0].weight.low', message: 'low (1) must not exceed mode (0)' },
      { path: 'scenarios[0].weights', message: 'all factor weights are zero, so the tension index is not defined' },
      { path: 'scenarios[1].weights', message: 'all factor weights are zero, so the tension index is not defined' }
    ]);
  });
});

describe('a problem the schema names is not named again on its path', () => {
  it('drops a reference problem at a refused place even when another place is refused too', () => {
    const problems = problemsAfter((d) => {
      d.factors[1].weight = 12;
      d.interactions[0].from = 'Not an id!';
    });
    expect(problems.map((p) => p.path)).toEqual(['factors[1].weight', 'interactions[0].from']);
    expect(problems[1].message).toMatch(/^must start with a letter/);
  });

  it('drops a problem of a place around a refused one (the weights of a scenario whose one weight is refused)', () => {
    // All weights 0, one of them a range out of order: its mode (0) is read, the sum is 0, but the
    // problem would be on the path of the one the schema names.
    const problems = problemsAfter((d) => {
      for (const f of d.factors) d.scenarios[1].weights[f.id] = 0;
      d.scenarios[1].weights.diplomacy = { low: 1, mode: 0, high: 0 };
    });
    expect(problems).toEqual([
      { path: 'scenarios[1].weights.diplomacy.low', message: 'low (1) must not exceed mode (0)' }
    ]);
  });

  it('keeps a problem of a sibling place', () => {
    const problems = problemsAfter((d) => {
      d.interactions[0].from = 'Not an id!';
      d.interactions[0].to = 'partnershp';
    });
    expect(problems).toEqual([
      { path: 'interactions[0].from', message: expect.stringMatching(/^must start with a letter/) },
      { path: 'interactions[0].to', message: 'unknown factor "partnershp" (did you mean "partnership"?)' }
    ]);
  });
});

describe('"__proto__" in a scenario’s settings', () => {
  const reserved = 'uses the name "__proto__", which is reserved: rename or remove this entry';

  it('is refused as a key of the settings, but inside one factor’s settings it is an unknown field, dropped', () => {
    const doc = fixtureJson();
    doc.scenarios[0].factors.sanctions = JSON.parse(
      '{"__proto__": {"start": 1}, "start": 70, "target": 75, "pace": 0.05, "volatility": 1.5}'
    );
    const loaded = loadOk(JSON.stringify(doc));
    expect(loaded.scenarios[0].factors.sanctions).toEqual({ start: 70, target: 75, pace: 0.05, volatility: 1.5 });
    doc.scenarios[0].factors = JSON.parse(`{"__proto__": {}, ${JSON.stringify(doc.scenarios[0].factors).slice(1)}`);
    expectOneProblem(problemsOf(doc), 'scenarios[0].factors.__proto__', reserved);
  });

  it('settings that are a list are named as such, whatever their items hold', () => {
    const problems = problemsAfter((d) => (d.scenarios[0].factors = JSON.parse('[{"__proto__": {}}]')));
    expect(problems).toEqual([
      { path: 'scenarios[0].factors', message: 'must be an object { … } (found a list of 1 item)' }
    ]);
  });
});

describe('the reference checks on parts that are not objects', () => {
  // Each of these once crashed the reference checks (reading a field of null), which turned the
  // whole reading into "could not be read" instead of naming the one refused place.
  it('names only the settings of a scenario that are null', () => {
    expect(problemsAfter((d) => (d.scenarios[0].factors = null))).toEqual([
      { path: 'scenarios[0].factors', message: 'must be an object { … } (found null)' }
    ]);
  });

  it('names only the factors when they are not a list, and checks no reference to them', () => {
    const problems = problemsAfter((d) => {
      d.factors = 'none';
      d.interactions[0].from = 'dipl0macy';
    });
    expect(problems).toEqual([{ path: 'factors', message: 'must be a list [ … ] (found text "none")' }]);
  });

  it('names only a factor that is null, and still adds up no weights without it', () => {
    expect(problemsAfter((d) => (d.factors[1] = null))).toEqual([
      { path: 'factors[1]', message: 'must be an object { … } (found null)' }
    ]);
  });

  it('names only an event that is null, and still checks the other events', () => {
    const problems = problemsAfter((d) => {
      d.scenarios[0].events.push(null);
      d.scenarios[1].events[0].factor = 'partnershp';
    });
    expect(problems).toEqual([
      { path: 'scenarios[0].events[2]', message: 'must be an object { … } (found null)' },
      { path: 'scenarios[1].events[0].factor', message: 'unknown factor "partnershp" (did you mean "partnership"?)' }
    ]);
  });
});

describe('the reference checks at the limit of factors', () => {
  it('checks the settings of a scenario that has exactly as many as the limit allows (60)', () => {
    const doc = fixtureJson();
    doc.scenarios = [doc.scenarios[0]];
    const template = doc.factors[1];
    for (let k = doc.factors.length; k < LIMITS.factors; k++) {
      const id = `extra-${k}`;
      doc.factors.push({ ...template, id, evidence: undefined });
      doc.scenarios[0].factors[id] = { ...doc.scenarios[0].factors[template.id] };
    }
    expect(doc.factors).toHaveLength(LIMITS.factors);
    const settings = doc.scenarios[0].factors;
    settings['extra-59x'] = settings['extra-59'];
    delete settings['extra-59'];
    expect(Object.keys(settings)).toHaveLength(LIMITS.factors);
    expect(problemsOf(doc)).toEqual([
      { path: 'scenarios[0].factors', message: 'missing factor "extra-59"' },
      { path: 'scenarios[0].factors["extra-59x"]', message: 'unknown factor "extra-59x" (did you mean "extra-59"?)' }
    ]);
  });
});
