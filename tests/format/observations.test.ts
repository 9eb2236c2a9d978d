// Observations and scenario probabilities (format version 2, issue 13): what a file may say of
// what happened, and the problems of one that says it wrongly, each at its place.
import { describe, expect, it } from 'vitest';
import { observationPriors } from '../../src/engine/priors';
import { expectOneProblem, fixtureJson, loadOk, placedProblemsOf, problemsAfter } from './helpers';

const TRACKED = 'v2/tracked.mizan';
const after = (change: (d: any) => void) => problemsAfter(change, TRACKED);

describe('observations in a file', () => {
  it('loads the tracked fixture: each kind of observation, probabilities, one event id in two scenarios', () => {
    const doc = loadOk(JSON.stringify(fixtureJson(TRACKED)));
    expect(doc.observations?.map((o) => o.kind)).toEqual(['event', 'index', 'factor', 'event']);
    expect(doc.scenarios.map((s) => s.probability)).toEqual([0.6, 0.4]);
    expect(doc.scenarios.map((s) => s.events.some((e) => e.id === 's400'))).toEqual([true, true]);
  });

  it.each([
    [
      'observations[1].month',
      (d: any) => (d.observations[1].month = '2024-09'),
      'must be within the timeline, 2024-10 to 2026-10 (found 2024-09)'
    ],
    [
      'observations[1].month',
      (d: any) => (d.observations[1].month = '2026-11'),
      'must be within the timeline, 2024-10 to 2026-10 (found 2026-11)'
    ],
    [
      'observations[2].factor',
      (d: any) => (d.observations[2].factor = 'sanktions'),
      'unknown factor "sanktions" (did you mean "sanctions"?)'
    ],
    [
      'observations[3].event',
      (d: any) => (d.observations[3].event = 's401'),
      'unknown event of any scenario "s401" (did you mean "s400"?)'
    ],
    [
      'observations[0].evidence[0]',
      (d: any) => (d.observations[0].evidence = ['e9']),
      'unknown evidence "e9" (did you mean "e1"?)'
    ],
    [
      'observations[3].id',
      (d: any) => (d.observations[3].id = 't-2025-03'),
      'duplicate id "t-2025-03" (also observations[1].id)'
    ]
  ])('%s: %s', (path, change, message) => {
    expectOneProblem(after(change), path, message);
  });

  it('refuses a reading out of range or with no uncertainty, an unknown kind, and an event without its outcome', () => {
    const problems = after((d) => {
      d.observations[1].value = 101;
      d.observations[1].uncertainty = 0;
      d.observations[2].kind = 'rumour';
      delete d.observations[3].occurred;
    });
    const at = problems.map((p) => p.path);
    expect(at).toEqual(
      expect.arrayContaining([
        'observations[1].value',
        'observations[1].uncertainty',
        'observations[2].kind',
        'observations[3].occurred'
      ])
    );
  });

  it('a scenario probability is 0 to 1; all of them 0 leaves the odds undefined', () => {
    expectOneProblem(
      after((d) => (d.scenarios[0].probability = 1.5)),
      'scenarios[0].probability',
      'must be at most 1 (found 1.5)'
    );
    expectOneProblem(
      after((d) => d.scenarios.forEach((s: any) => (s.probability = 0))),
      'scenarios',
      'every scenario has a probability of 0, so their odds are not defined: give one a probability above 0'
    );
    const one = fixtureJson(TRACKED);
    one.scenarios[0].probability = 0;
    expect(loadOk(JSON.stringify(one)).scenarios[0].probability).toBe(0);
  });
});

describe('the place of an observation’s problem', () => {
  it('is named by its id, in both languages', () => {
    const doc = fixtureJson(TRACKED);
    doc.observations[1].month = '2030-01';
    const [problem] = placedProblemsOf(doc);
    expect(problem.place).toEqual({ en: 'observation [t-2025-03] › month', ar: 'الملاحظة [t-2025-03] › month' });
  });
});

describe('observationPriors', () => {
  it('normalises the probabilities given; a scenario without one gets the mean of the others; none: equal', () => {
    expect(observationPriors([0.6, 0.4])).toEqual([0.6, 0.4]);
    expect(observationPriors([3, 1])).toEqual([0.75, 0.25]);
    expect(observationPriors([null, null, null, null])).toEqual([0.25, 0.25, 0.25, 0.25]);
    // 0.5 and 0.3 given: the third gets their mean, 0.4; then 0.5/1.2, 0.3/1.2, 0.4/1.2.
    const mixed = observationPriors([0.5, 0.3, null]);
    [0.5 / 1.2, 0.3 / 1.2, 0.4 / 1.2].forEach((p, i) => expect(mixed[i]).toBeCloseTo(p, 15));
    expect(observationPriors([0, 0])).toEqual([0, 0]);
    expect(observationPriors([0, null])).toEqual([0, 0]);
  });
});
