// A file with schema problems and reference problems gets both in one reading, in document
// order; the references are checked only on what the schema accepted, so a broken list or id
// neither crashes the check nor sets off problems that are not there.
import { describe, expect, it } from 'vitest';
import { problemsAfter } from './helpers';

describe('schema and reference problems together', () => {
  it('names all three problems of the file in the issue: a weight of 12, a pace of 1.5 and a link to an unknown factor', () => {
    const problems = problemsAfter((d) => {
      d.factors[1].weight = 12;
      d.scenarios[0].factors.partnership.pace = 1.5;
      d.interactions.push({ from: 'sanctions', to: 'unknown-factor', strength: 0.1 });
    });
    expect(problems).toEqual([
      { path: 'factors[1].weight', message: 'must be at most 10 (found 12)' },
      { path: 'interactions[3].to', message: 'unknown factor "unknown-factor"' },
      { path: 'scenarios[0].factors.partnership.pace', message: 'must be at most 1 (found 1.5)' }
    ]);
  });

  it('still checks the references of the parts that are whole when another part is not even of the right kind', () => {
    const broken: [string, (d: any) => void][] = [
      ['the scenarios a text', (d) => (d.scenarios = 'none')],
      ['a scenario null', (d) => (d.scenarios[1] = null)],
      ['its events a number', (d) => (d.scenarios[0].events = 3)],
      ['an event a list', (d) => (d.scenarios[0].events[0] = [])],
      ['its weights a list', (d) => (d.scenarios[1].weights = [1, 2])],
      ['its settings a text', (d) => (d.scenarios[1].factors = 'x')],
      ['a link null', (d) => (d.interactions[0] = null)],
      ['the evidence an object', (d) => (d.evidence = { e1: {} })],
      ['a factor’s evidence a text', (d) => (d.factors[0].evidence = 'e1')]
    ];
    for (const [what, change] of broken) {
      const problems = problemsAfter((d) => {
        change(d);
        d.interactions[2].from = 'dipl0macy';
      });
      expect(problems, what).toContainEqual({
        path: 'interactions[2].from',
        message: 'unknown factor "dipl0macy" (did you mean "diplomacy"?)'
      });
      expect(problems.length, what).toBeGreaterThan(1);
    }
  });

  it('reports no unknown factor when the factors themselves are not all readable', () => {
    for (const change of [
      (d: any) => (d.factors = 'many'),
      (d: any) => (d.factors[3] = null),
      (d: any) => (d.factors[3].id = 42),
      (d: any) => (d.factors[3].id = 'has space')
    ]) {
      const problems = problemsAfter((d) => {
        change(d);
        d.interactions[2].from = 'dipl0macy';
      });
      expect(problems.filter((p) => /unknown factor|missing factor/.test(p.message))).toEqual([]);
      expect(problems.length).toBeGreaterThan(0);
    }
  });

  it('names a place once: a reference the schema already refuses is not also called unknown', () => {
    const problems = problemsAfter((d) => (d.interactions[0].from = 'Not an id!'));
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('interactions[0].from');
    expect(problems[0].message).toMatch(/^must start with a letter/);
  });

  it('checks the weights only when each one it adds up is readable', () => {
    // All weights zero in the second scenario, and a title too long elsewhere: both named.
    const zero = problemsAfter((d) => {
      d.title = 'x'.repeat(600);
      for (const f of d.factors) d.scenarios[1].weights = { ...d.scenarios[1].weights, [f.id]: 0 };
    });
    expect(zero.map((p) => p.path)).toEqual(['title', 'scenarios[1].weights']);
    // A weight the schema refuses leaves the sum unknown: no zero-weights problem is guessed.
    const unreadable = problemsAfter((d) => {
      for (const f of d.factors) d.scenarios[1].weights = { ...d.scenarios[1].weights, [f.id]: 0 };
      d.scenarios[1].weights.diplomacy = -1;
    });
    expect(unreadable.map((p) => p.path)).toEqual(['scenarios[1].weights.diplomacy']);
  });

  it('checks events against the horizon only when the horizon and the month are readable', () => {
    const problems = problemsAfter((d) => {
      d.horizonMonths = 'long';
      d.scenarios[0].events[0].month = 30;
    });
    expect(problems.map((p) => p.path)).toEqual(['horizonMonths']);
    const month = problemsAfter((d) => {
      d.description = 7;
      d.scenarios[0].events[0].month = 30;
    });
    expect(month).toContainEqual({
      path: 'scenarios[0].events[0].month',
      message: 'must be within the horizon of 24 months (found 30)'
    });
  });
});
