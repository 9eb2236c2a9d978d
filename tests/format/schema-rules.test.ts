// The schema's rules at their edges: what a file may hold exactly at a limit, and the near
// misses an analyst could write (a colour with an alpha channel, equal thresholds, a label
// of spaces in Arabic), each refused with the words a person reads.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/engine/format/limits';
import { expectOneProblem, fixtureJson, loadOk, problemsAfter } from './helpers';

/** Loads the rich fixture after `change` (fails the test when it does not load). */
const loadsAfter = (change: (doc: any) => void) => {
  const doc = fixtureJson();
  change(doc);
  return loadOk(JSON.stringify(doc));
};

describe('labels', () => {
  it('needs some text in one of the two languages: spaces alone are no text, in Arabic either', () => {
    expectOneProblem(
      problemsAfter((d) => (d.factors[0].label = { en: '', ar: '   ' })),
      'factors[0].label',
      'needs a text in English or in Arabic'
    );
    expect(loadsAfter((d) => (d.factors[0].label = { en: '', ar: 'عقوبات' })).factors[0].label.ar).toBe('عقوبات');
    expect(loadsAfter((d) => (d.factors[0].label = { en: 'Sanctions', ar: '' })).factors[0].label.en).toBe('Sanctions');
  });
});

describe('ranges', () => {
  it('accepts a range whose low, mode and high are one value', () => {
    const doc = loadsAfter((d) => (d.factors[0].weight = { low: 4, mode: 4, high: 4 }));
    expect(doc.factors[0].weight).toEqual({ low: 4, mode: 4, high: 4 });
  });
});

describe('thresholds', () => {
  it('must rise strictly: a threshold equal to the one below is refused', () => {
    expectOneProblem(
      problemsAfter((d) => (d.thresholds = { elevated: 40, high: 40, crisis: 75 })),
      'thresholds.high',
      'must be above elevated (40)'
    );
    expectOneProblem(
      problemsAfter((d) => (d.thresholds = { elevated: 25, high: 60, crisis: 60 })),
      'thresholds.crisis',
      'must be above high (60)'
    );
  });
});

describe('colours', () => {
  it.each(['#C0392B', '#00ff7f'])('accepts %s', (color) => {
    expect(loadsAfter((d) => (d.scenarios[0].color = color)).scenarios[0].color).toBe(color);
  });

  it.each(['#c0392bff', 'x#c0392b', '#c0392', 'c0392b'])('refuses %s', (color) => {
    expectOneProblem(
      problemsAfter((d) => (d.scenarios[0].color = color)),
      'scenarios[0].color',
      `must be a colour like #c0392b (found text "${color}")`
    );
  });
});

describe('the first month', () => {
  it.each(['2024-01', '2024-09', '2024-11', '2024-12', '1999-10'])('accepts %s', (month) => {
    expect(loadsAfter((d) => (d.startMonth = month)).startMonth).toBe(month);
  });

  it.each(['2024-100', 'x2024-10', '12024-10', '2024-00', '2024-1', '24-10', '2024/10'])('refuses %s', (month) => {
    expectOneProblem(
      problemsAfter((d) => (d.startMonth = month)),
      'startMonth',
      `must be a month like 2024-10 (found text "${month}")`
    );
  });
});

describe('ids', () => {
  it('may be 64 characters long, letters, digits, "_" and "-", starting with a letter', () => {
    const id = `Z${'a_9-'.repeat(15)}xyz`;
    expect(id).toHaveLength(64);
    const doc = loadsAfter((d) => {
      d.evidence[0].id = id;
      d.factors[0].evidence = [id];
    });
    expect(doc.evidence[0].id).toBe(id);
  });

  it.each(['_a', '-a', 'a b', 'a.b', 'é'])('refuses %s', (id) => {
    expectOneProblem(
      problemsAfter((d) => (d.scenarios[0].id = id)),
      'scenarios[0].id',
      `must start with a letter and use only letters, digits, "_" and "-" (at most 64) (found text "${id}")`
    );
  });
});

describe('the largest document', () => {
  it(`holds ${LIMITS.factors} factors, each set in a scenario and weighed again in it`, () => {
    const doc = fixtureJson('v2/minimal.mizan');
    const [factor] = doc.factors;
    const [setting] = Object.values(doc.scenarios[0].factors);
    const ids = Array.from({ length: LIMITS.factors }, (_, i) => `f${i}`);
    doc.factors = ids.map((id) => ({ ...factor, id }));
    doc.scenarios[0].factors = Object.fromEntries(ids.map((id) => [id, setting]));
    doc.scenarios[0].weights = Object.fromEntries(ids.map((id) => [id, 2]));
    const loaded = loadOk(JSON.stringify(doc));
    expect(Object.keys(loaded.scenarios[0].factors)).toHaveLength(LIMITS.factors);
    expect(Object.keys(loaded.scenarios[0].weights ?? {})).toHaveLength(LIMITS.factors);
  });
});
