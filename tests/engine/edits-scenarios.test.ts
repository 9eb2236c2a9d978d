// The scenario edits (src/engine/edits.ts): new scenarios and their copies, names, colours and
// notes, each factor's dynamics in a scenario and the weight overrides; new ids and colours.
// Each edit's change, the same document back when nothing changes, and every refusal with the
// reason the editor shows, at and just past each bound, with the document given left as it was.
import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../../src/engine/analysis';
import * as E from '../../src/engine/edits';
import { BOUNDS, COLOR_PATTERN, LIMITS, type MizanDoc, type ScenarioEventDef } from '../../src/engine/format';
import { makeDocument } from '../support/documents';
import { changes, keeps, past, refuses, rich, scenarioOf, thawed, valid } from './edits-helpers';

const name = (en: string, ar = '') => ({ en, ar });
const newScenario = (id: string, color = '#123456') => ({ id, name: name(id), color });

describe('addScenario', () => {
  it('starts every factor where it starts in the first scenario, holding there, with no events or overrides', () => {
    const doc = rich();
    const next = changes(doc, (d) => E.addScenario(d, { id: 'war', name: name('War', 'حرب'), color: '#ABCDEF' }));
    expect(next.scenarios.map((s) => s.id)).toEqual(['baseline', 'deescalation', 'war']);
    expect(next.scenarios[2]).toEqual({
      id: 'war',
      name: { en: 'War', ar: 'حرب' },
      color: '#abcdef',
      factors: {
        // baseline's start is a range: the new scenario's start is that range, its target the range's mode.
        'israel-iran': { start: { low: 55, mode: 65, high: 75 }, target: 65, pace: 0.1, volatility: 3 },
        sanctions: { start: 70, target: 70, pace: 0.1, volatility: 3 },
        partnership: { start: 60, target: 60, pace: 0.1, volatility: 3 },
        diplomacy: { start: 30, target: 30, pace: 0.1, volatility: 3 }
      },
      events: []
    });
  });

  it('keeps no link to the first scenario’s ranges or to the name given', () => {
    const d0 = thawed(rich());
    const input = { id: 'war', name: name('War'), color: '#abcdef' };
    const next = E.addScenario(d0, input) as MizanDoc;
    d0.scenarios[0].factors['israel-iran'].start = { low: 0, mode: 1, high: 2 };
    input.name.en = 'Peace';
    expect(scenarioOf(next, 'war').factors['israel-iran'].start).toEqual({ low: 55, mode: 65, high: 75 });
    expect(scenarioOf(next, 'war').name.en).toBe('War');
  });

  it('refuses a taken or malformed id, an empty name and a colour that is not #rrggbb', () => {
    const doc = rich();
    refuses(doc, (d) => E.addScenario(d, newScenario('baseline')), 'duplicate-id');
    refuses(doc, (d) => E.addScenario(d, newScenario('2war')), 'bad-id');
    refuses(doc, (d) => E.addScenario(d, { id: 'war', name: name(' '), color: '#123456' }), 'empty-label');
    for (const color of ['#12345', '123456', '#12345g', '#1234567', 'red'])
      refuses(doc, (d) => E.addScenario(d, newScenario('war', color)), 'bad-color');
  });

  it(`accepts the ${LIMITS.scenarios}th scenario and refuses one more`, () => {
    let doc = valid(makeDocument([{ id: 'a' }]));
    for (let i = 2; i <= LIMITS.scenarios; i++) doc = changes(doc, (d) => E.addScenario(d, newScenario(`s${i}`)));
    expect(doc.scenarios).toHaveLength(LIMITS.scenarios);
    refuses(doc, (d) => E.addScenario(d, newScenario('more')), 'too-many');
  });
});

describe('duplicateScenario', () => {
  it('puts the copy right after its source, with a new id, its named events keeping theirs', () => {
    const d0 = thawed(rich());
    d0.scenarios.push({ ...structuredClone(d0.scenarios[1]), id: 'third', events: [] });
    const doc = valid(d0);
    const next = changes(doc, (d) =>
      E.duplicateScenario(d, 'deescalation', { id: 'copy', name: name('Copy'), color: '#ABCDEF' })
    );
    expect(next.scenarios.map((s) => s.id)).toEqual(['baseline', 'deescalation', 'copy', 'third']);
    const source = scenarioOf(doc, 'deescalation');
    const copy = scenarioOf(next, 'copy');
    expect(copy).toEqual({
      ...source,
      id: 'copy',
      name: { en: 'Copy', ar: '' },
      color: '#abcdef',
      events: [{ ...source.events[0], id: 'talks' }]
    });
    const first = changes(doc, (d) =>
      E.duplicateScenario(d, 'baseline', { id: 'copy', name: name('Copy'), color: '#abcdef' })
    );
    expect(first.scenarios.map((s) => s.id)).toEqual(['baseline', 'copy', 'deescalation', 'third']);
    expect(scenarioOf(first, 'copy').notes).toBe('Trends continue.');
    // The copy's conditional event depends on its own copy of the condition (the same id, in the copy).
    expect(scenarioOf(first, 'copy').events.map((e) => [e.id, e.condition?.event])).toEqual([
      ['s400', undefined],
      ['kazan', 's400']
    ]);
    expect(scenarioOf(first, 'copy').events[1]).toMatchObject({ kind: 'target', condition: { occurred: false } });
    expect(scenarioOf(first, 'baseline').events[1].condition).toEqual({ event: 's400', occurred: false });
  });

  it('numbers a copied event’s id past those taken where the target has it, within 64 characters', () => {
    const d0 = thawed(rich());
    const event = (id: string): ScenarioEventDef => ({
      id,
      label: { en: 'x', ar: '' },
      month: 2,
      factor: 'sanctions',
      shift: 1,
      probability: 1
    });
    const long = 'L'.repeat(60);
    d0.scenarios[0].events = [event('s400'), event(`${long}ab`)];
    d0.scenarios[1].events = [event('s400'), event('s400-1'), event(`${long}ab`)];
    const doc = valid(d0);
    const one = changes(doc, (d) => E.copyEvent(d, 'baseline', 's400', ['deescalation']));
    const two = changes(one, (d) => E.copyEvent(d, 'baseline', `${long}ab`, ['deescalation']));
    // 's400' and 's400-1' are taken; a long id is cut to 56 characters before its number.
    expect(
      scenarioOf(two, 'deescalation')
        .events.map((e) => e.id)
        .slice(3)
    ).toEqual(['s400-2', `${'L'.repeat(56)}-1`]);
  });

  it('lets an outcome recorded of an event weigh the copy as it weighs the source', () => {
    const doc = valid({
      ...thawed(rich()),
      observations: [{ id: 'o1', kind: 'event', month: '2025-01', event: 's400', occurred: true }]
    } as MizanDoc);
    const next = changes(doc, (d) => E.duplicateScenario(d, 'baseline', newScenario('copy')));
    const analysis = analyseDocument({ ...next, simulation: { ...next.simulation, runs: 400 } }, { importance: false });
    const [source, copy] = [analysis.scenarios[0].evidence, analysis.scenarios[1].evidence];
    expect(copy).toEqual(source);
    expect(source?.logLikelihood).toBeLessThan(0);
  });

  it('keeps no link to the source’s objects', () => {
    const d0 = thawed(rich());
    const next = E.duplicateScenario(d0, 'baseline', newScenario('copy')) as MizanDoc;
    d0.scenarios[0].factors['israel-iran'].start = 1;
    d0.scenarios[0].events[0].label.en = 'changed';
    expect(scenarioOf(next, 'copy').factors['israel-iran'].start).toEqual({ low: 55, mode: 65, high: 75 });
    expect(scenarioOf(next, 'copy').events[0].label.en).toBe('S-400 delivery');
  });

  it('refuses an unknown source, and a new scenario addScenario would refuse', () => {
    const doc = rich();
    refuses(doc, (d) => E.duplicateScenario(d, 'nope', newScenario('copy')), 'not-found');
    refuses(doc, (d) => E.duplicateScenario(d, 'baseline', newScenario('deescalation')), 'duplicate-id');
    refuses(doc, (d) => E.duplicateScenario(d, 'baseline', newScenario('copy', '#abc')), 'bad-color');
    refuses(
      doc,
      (d) => E.duplicateScenario(d, 'baseline', { id: 'copy', name: name(''), color: '#abcdef' }),
      'empty-label'
    );
  });
});

describe('renameScenario, setScenarioColor, setScenarioNotes', () => {
  it('rename: either language, the same document for the same name, refusals as for a label', () => {
    const doc = rich();
    expect(
      scenarioOf(
        changes(doc, (d) => E.renameScenario(d, 'baseline', { en: 'Baseline', ar: 'أساس' })),
        'baseline'
      ).name
    ).toEqual({
      en: 'Baseline',
      ar: 'أساس'
    });
    expect(
      scenarioOf(
        changes(doc, (d) => E.renameScenario(d, 'baseline', { en: 'Base', ar: 'المسار الأساسي' })),
        'baseline'
      ).name.en
    ).toBe('Base');
    keeps(doc, (d) => E.renameScenario(d, 'baseline', { en: 'Baseline', ar: 'المسار الأساسي' }));
    refuses(doc, (d) => E.renameScenario(d, 'baseline', name('', ' ')), 'empty-label');
    refuses(doc, (d) => E.renameScenario(d, 'baseline', name('x'.repeat(LIMITS.labelChars + 1))), 'too-long');
    refuses(doc, (d) => E.renameScenario(d, 'nope', name('x')), 'not-found');
  });

  it('colour: stored in lower case; the same colour in either case changes nothing', () => {
    const doc = rich();
    expect(
      scenarioOf(
        changes(doc, (d) => E.setScenarioColor(d, 'baseline', '#00AAFF')),
        'baseline'
      ).color
    ).toBe('#00aaff');
    keeps(doc, (d) => E.setScenarioColor(d, 'baseline', '#C0392B'));
    for (const color of ['#c0392', 'c0392b', '#c0392bb', '#xyzxyz', ['#c0392b'], undefined]) {
      refuses(doc, (d) => E.setScenarioColor(d, 'baseline', color as never), 'bad-color');
    }
    refuses(doc, (d) => E.setScenarioColor(d, 'nope', '#000000'), 'not-found');
  });

  it(`notes: set, replaced, removed when empty; up to ${LIMITS.textChars} characters`, () => {
    const doc = rich();
    expect(
      scenarioOf(
        changes(doc, (d) => E.setScenarioNotes(d, 'deescalation', 'Talks')),
        'deescalation'
      ).notes
    ).toBe('Talks');
    expect(
      scenarioOf(
        changes(doc, (d) => E.setScenarioNotes(d, 'baseline', 'Other')),
        'baseline'
      ).notes
    ).toBe('Other');
    expect(
      'notes' in
        scenarioOf(
          changes(doc, (d) => E.setScenarioNotes(d, 'baseline', '')),
          'baseline'
        )
    ).toBe(false);
    keeps(doc, (d) => E.setScenarioNotes(d, 'baseline', 'Trends continue.'));
    keeps(doc, (d) => E.setScenarioNotes(d, 'deescalation', ''));
    changes(doc, (d) => E.setScenarioNotes(d, 'baseline', 'x'.repeat(LIMITS.textChars)));
    refuses(doc, (d) => E.setScenarioNotes(d, 'baseline', 'x'.repeat(LIMITS.textChars + 1)), 'too-long');
    refuses(doc, (d) => E.setScenarioNotes(d, 'baseline', 5 as never), 'not-found');
    refuses(doc, (d) => E.setScenarioNotes(d, 'nope', 'x'), 'not-found');
  });
});

describe('deleteScenario', () => {
  it('removes the scenario; refuses the last one and an unknown one', () => {
    const doc = rich();
    expect(changes(doc, (d) => E.deleteScenario(d, 'baseline')).scenarios).toEqual([doc.scenarios[1]]);
    const one = changes(doc, (d) => E.deleteScenario(d, 'deescalation'));
    expect(one.scenarios).toEqual([doc.scenarios[0]]);
    refuses(one, (d) => E.deleteScenario(d, 'baseline'), 'last-scenario');
    refuses(doc, (d) => E.deleteScenario(d, 'nope'), 'not-found');
  });
});

describe('setScenarioFactor', () => {
  const entry = (doc: MizanDoc, s: string, f: string) => scenarioOf(doc, s).factors[f];

  it('sets pace and volatility; start and target as numbers, or as the mode of a range, widened to stay ordered', () => {
    const doc = rich();
    const set = (f: string, field: E.ScenarioFactorField, v: number) =>
      entry(
        changes(doc, (d) => E.setScenarioFactor(d, 'baseline', f, field, v)),
        'baseline',
        f
      );
    expect(set('sanctions', 'pace', 0.5)).toEqual({ start: 70, target: 75, pace: 0.5, volatility: 1.5 });
    expect(set('sanctions', 'volatility', 7)).toEqual({ start: 70, target: 75, pace: 0.05, volatility: 7 });
    expect(set('sanctions', 'start', 40)).toEqual({ start: 40, target: 75, pace: 0.05, volatility: 1.5 });
    expect(set('sanctions', 'target', 90)).toEqual({ start: 70, target: 90, pace: 0.05, volatility: 1.5 });
    // israel-iran's start is { low: 55, mode: 65, high: 75 }; partnership's target a PERT { low: 60, mode: 70, high: 85 }, and stays one.
    expect(set('israel-iran', 'start', 80).start).toEqual({ low: 55, mode: 80, high: 80 });
    expect(set('partnership', 'target', 65).target).toEqual({ low: 60, mode: 65, high: 85, shape: 'pert' });
    // The other scenario is as it was.
    expect(changes(doc, (d) => E.setScenarioFactor(d, 'baseline', 'sanctions', 'pace', 1)).scenarios[1]).toBe(
      doc.scenarios[1]
    );
  });

  it('gives the same document for the value it has (the mode, for a range)', () => {
    const doc = rich();
    keeps(doc, (d) => E.setScenarioFactor(d, 'baseline', 'sanctions', 'pace', 0.05));
    keeps(doc, (d) => E.setScenarioFactor(d, 'baseline', 'sanctions', 'volatility', 1.5));
    keeps(doc, (d) => E.setScenarioFactor(d, 'baseline', 'israel-iran', 'start', 65));
    keeps(doc, (d) => E.setScenarioFactor(d, 'baseline', 'partnership', 'target', 70));
  });

  it('holds each field to its own bounds: accepted at each end, refused just past it', () => {
    const doc = rich();
    const fields: [E.ScenarioFactorField, keyof typeof BOUNDS][] = [
      ['start', 'level'],
      ['target', 'level'],
      ['pace', 'pace'],
      ['volatility', 'volatility']
    ];
    for (const [field, key] of fields) {
      const { min, max } = BOUNDS[key];
      for (const v of [min, max]) {
        const next = changes(doc, (d) => E.setScenarioFactor(d, 'deescalation', 'sanctions', field, v));
        expect(entry(next, 'deescalation', 'sanctions')[field]).toBe(v);
      }
      for (const v of [past(min, -1), past(max, 1)])
        refuses(doc, (d) => E.setScenarioFactor(d, 'deescalation', 'sanctions', field, v), 'out-of-range');
      refuses(doc, (d) => E.setScenarioFactor(d, 'deescalation', 'sanctions', field, Number.NaN), 'not-number');
    }
  });

  it('refuses an unknown field, factor or scenario, and a scenario without an entry for the factor', () => {
    const doc = rich();
    refuses(doc, (d) => E.setScenarioFactor(d, 'baseline', 'sanctions', 'weight' as never, 1), 'not-found');
    refuses(doc, (d) => E.setScenarioFactor(d, 'baseline', 'nope', 'pace', 0.5), 'not-found');
    refuses(doc, (d) => E.setScenarioFactor(d, 'nope', 'sanctions', 'pace', 0.5), 'not-found');
    // Not a valid document (every scenario has an entry for every factor), but the edit must not write one.
    const d0 = thawed(rich());
    delete (d0.scenarios[0].factors as Record<string, unknown>).sanctions;
    refuses(d0, (d) => E.setScenarioFactor(d, 'baseline', 'sanctions', 'pace', 0.5), 'not-found');
  });
});

describe('setScenarioFactorRange', () => {
  it('sets a start or target to a range or a number; the same one changes nothing', () => {
    const doc = rich();
    const range = { low: 10, mode: 20, high: 30 };
    const next = changes(doc, (d) => E.setScenarioFactorRange(d, 'baseline', 'sanctions', 'start', range));
    expect(scenarioOf(next, 'baseline').factors.sanctions).toEqual({
      start: range,
      target: 75,
      pace: 0.05,
      volatility: 1.5
    });
    range.mode = 25;
    expect(scenarioOf(next, 'baseline').factors.sanctions.start).toEqual({ low: 10, mode: 20, high: 30 });
    const target = changes(doc, (d) => E.setScenarioFactorRange(d, 'baseline', 'partnership', 'target', 70));
    expect(scenarioOf(target, 'baseline').factors.partnership.target).toBe(70);
    keeps(doc, (d) =>
      E.setScenarioFactorRange(d, 'baseline', 'partnership', 'target', { low: 60, mode: 70, high: 85, shape: 'pert' })
    );
    // The same numbers in another shape are another range: triangular (no shape), then PERT again.
    const triangular = changes(doc, (d) =>
      E.setScenarioFactorRange(d, 'baseline', 'partnership', 'target', { low: 60, mode: 70, high: 85 })
    );
    expect(scenarioOf(triangular, 'baseline').factors.partnership.target).toEqual({ low: 60, mode: 70, high: 85 });
    keeps(triangular, (d) =>
      E.setScenarioFactorRange(d, 'baseline', 'partnership', 'target', {
        low: 60,
        mode: 70,
        high: 85,
        shape: 'triangular'
      })
    );
    refuses(
      doc,
      (d) =>
        E.setScenarioFactorRange(d, 'baseline', 'partnership', 'target', {
          low: 60,
          mode: 70,
          high: 85,
          shape: 'beta' as never
        }),
      'not-found'
    );
  });

  it('takes pace and volatility ranges within their own bounds; refuses ranges out of bounds or out of order', () => {
    const doc = rich();
    const pace = changes(doc, (d) =>
      E.setScenarioFactorRange(d, 'baseline', 'sanctions', 'pace', { low: 0.02, mode: 0.05, high: 0.1 })
    );
    expect(scenarioOf(pace, 'baseline').factors.sanctions.pace).toEqual({ low: 0.02, mode: 0.05, high: 0.1 });
    // Its central value typed later keeps the range.
    const typed = changes(pace, (d) => E.setScenarioFactor(d, 'baseline', 'sanctions', 'pace', 0.2));
    expect(scenarioOf(typed, 'baseline').factors.sanctions.pace).toEqual({ low: 0.02, mode: 0.2, high: 0.2 });
    refuses(
      doc,
      (d) => E.setScenarioFactorRange(d, 'baseline', 'sanctions', 'pace', { low: 0, mode: 0.5, high: past(1, 1) }),
      'out-of-range'
    );
    changes(doc, (d) =>
      E.setScenarioFactorRange(d, 'baseline', 'sanctions', 'volatility', { low: 0, mode: 2, high: 50 })
    );
    refuses(doc, (d) => E.setScenarioFactorRange(d, 'baseline', 'sanctions', 'weight' as never, 5), 'not-found');
    changes(doc, (d) => E.setScenarioFactorRange(d, 'baseline', 'sanctions', 'start', { low: 0, mode: 50, high: 100 }));
    refuses(
      doc,
      (d) => E.setScenarioFactorRange(d, 'baseline', 'sanctions', 'start', { low: 0, mode: 50, high: past(100, 1) }),
      'out-of-range'
    );
    refuses(
      doc,
      (d) => E.setScenarioFactorRange(d, 'baseline', 'sanctions', 'target', { low: 60, mode: 50, high: 70 }),
      'range-order'
    );
    refuses(doc, (d) => E.setScenarioFactorRange(d, 'baseline', 'nope', 'start', 50), 'not-found');
  });
});

describe('setWeightOverride', () => {
  const weights = (doc: MizanDoc, s: string) => scenarioOf(doc, s).weights;

  it('adds an override next to the others, replaces one, and removes one (null)', () => {
    const doc = rich(); // deescalation overrides israel-iran { 5, 7, 9 } and diplomacy 6; baseline none
    expect(
      weights(
        changes(doc, (d) => E.setWeightOverride(d, 'deescalation', 'sanctions', 2)),
        'deescalation'
      )
    ).toEqual({
      'israel-iran': { low: 5, mode: 7, high: 9 },
      diplomacy: 6,
      sanctions: 2
    });
    expect(
      weights(
        changes(doc, (d) => E.setWeightOverride(d, 'baseline', 'sanctions', { low: 1, mode: 2, high: 3 })),
        'baseline'
      )
    ).toEqual({
      sanctions: { low: 1, mode: 2, high: 3 }
    });
    expect(
      weights(
        changes(doc, (d) => E.setWeightOverride(d, 'deescalation', 'diplomacy', 1)),
        'deescalation'
      )
    ).toEqual({
      'israel-iran': { low: 5, mode: 7, high: 9 },
      diplomacy: 1
    });
    expect(
      weights(
        changes(doc, (d) => E.setWeightOverride(d, 'deescalation', 'diplomacy', null)),
        'deescalation'
      )
    ).toEqual({
      'israel-iran': { low: 5, mode: 7, high: 9 }
    });
    // An override of 0 is an override (the factor does not count in this scenario).
    expect(
      weights(
        changes(doc, (d) => E.setWeightOverride(d, 'baseline', 'diplomacy', 0)),
        'baseline'
      )
    ).toEqual({ diplomacy: 0 });
  });

  it('removes the record of overrides with its last one', () => {
    const one = changes(rich(), (d) => E.setWeightOverride(d, 'deescalation', 'diplomacy', null));
    const none = changes(one, (d) => E.setWeightOverride(d, 'deescalation', 'israel-iran', null));
    expect('weights' in scenarioOf(none, 'deescalation')).toBe(false);
  });

  it('gives the same document for the override it has, and for removing one it does not have', () => {
    const doc = rich();
    keeps(doc, (d) => E.setWeightOverride(d, 'deescalation', 'diplomacy', 6));
    keeps(doc, (d) => E.setWeightOverride(d, 'deescalation', 'israel-iran', { low: 5, mode: 7, high: 9 }));
    keeps(doc, (d) => E.setWeightOverride(d, 'deescalation', 'sanctions', null));
    keeps(doc, (d) => E.setWeightOverride(d, 'baseline', 'sanctions', null));
  });

  it('holds an override to the weight’s bounds, and refuses one that leaves no weight above zero', () => {
    const doc = rich();
    changes(doc, (d) => E.setWeightOverride(d, 'baseline', 'sanctions', 10));
    refuses(doc, (d) => E.setWeightOverride(d, 'baseline', 'sanctions', past(10, 1)), 'out-of-range');
    refuses(doc, (d) => E.setWeightOverride(d, 'baseline', 'sanctions', past(0, -1)), 'out-of-range');
    refuses(doc, (d) => E.setWeightOverride(d, 'baseline', 'sanctions', { low: 3, mode: 2, high: 4 }), 'range-order');
    refuses(doc, (d) => E.setWeightOverride(d, 'baseline', 'nope', 1), 'not-found');
    refuses(doc, (d) => E.setWeightOverride(d, 'nope', 'sanctions', 1), 'not-found');
    const single = valid(
      makeDocument([
        { id: 'a', weight: 2 },
        { id: 'b', weight: 0 }
      ])
    );
    refuses(single, (d) => E.setWeightOverride(d, 'base', 'a', 0), 'zero-weights');
    // Removing the override that held the scenario up is refused too.
    const held = valid(
      makeDocument(
        [
          { id: 'a', weight: 0 },
          { id: 'b', weight: 0 }
        ],
        { weights: { a: 1 } }
      )
    );
    refuses(held, (d) => E.setWeightOverride(d, 'base', 'a', null), 'zero-weights');
  });
});

describe('new ids and colours', () => {
  it('the first free <prefix><n>, counting from 1', () => {
    const doc = rich();
    expect(E.newFactorId(doc)).toBe('factor1');
    expect(E.newScenarioId(doc)).toBe('scenario1');
    expect(E.newEventId(doc)).toBe('event1');
    expect(E.newEvidenceId(doc)).toBe('e3'); // e1 and e2 are taken
    expect(E.uniqueId('x', ['x1', 'x2', 'x4'])).toBe('x3');
    expect(E.uniqueId('x', [])).toBe('x1');
  });

  it('skips ids taken anywhere in the document (events: in any scenario)', () => {
    const d0 = thawed(rich());
    d0.factors[0].id = 'factor1';
    d0.scenarios[0].id = 'scenario1';
    d0.scenarios[1].events[0].id = 'event1';
    expect(E.newFactorId(d0)).toBe('factor2');
    expect(E.newScenarioId(d0)).toBe('scenario2');
    expect(E.newEventId(d0)).toBe('event2');
    expect(E.eventIds(rich())).toEqual(['s400', 'kazan', 'talks']);
  });

  it('the palette: six distinct colours, handed out in order, a used one (in any case) skipped', () => {
    expect(E.SCENARIO_COLORS).toHaveLength(6);
    expect(new Set(E.SCENARIO_COLORS).size).toBe(6);
    for (const c of E.SCENARIO_COLORS) expect(c).toMatch(COLOR_PATTERN);
    let doc = valid(makeDocument([{ id: 'a' }])); // its scenario has the first colour, #0072b2
    const handed: string[] = [];
    for (let i = 0; i < 5; i++) {
      const color = E.nextScenarioColor(doc);
      handed.push(color);
      doc = changes(doc, (d) => E.addScenario(d, { id: `s${i}`, name: { en: 's', ar: '' }, color }));
    }
    expect(handed).toEqual(E.SCENARIO_COLORS.slice(1));
    const upper = thawed(rich());
    upper.scenarios[0].color = E.SCENARIO_COLORS[0].toUpperCase();
    expect(E.nextScenarioColor(upper)).toBe(E.SCENARIO_COLORS[1]);
  });

  it('a colour near a palette colour uses it: the old blank blue #2e6db4 makes a duplicate vermillion, not #0072b2', () => {
    const doc = thawed(makeDocument([{ id: 'a' }]));
    doc.scenarios[0].color = '#2e6db4';
    expect(E.nextScenarioColor(doc)).toBe('#d55e00');
    // Far from every palette colour (a dark grey): the first palette colour is free.
    doc.scenarios[0].color = '#333333';
    expect(E.nextScenarioColor(doc)).toBe('#0072b2');
  });

  it('with every palette colour used, the one fewest scenarios use, first in palette order', () => {
    let doc = valid(makeDocument([{ id: 'a' }]));
    for (let i = 1; i < 6; i++)
      doc = changes(doc, (d) =>
        E.addScenario(d, { id: `s${i}`, name: { en: 's', ar: '' }, color: E.SCENARIO_COLORS[i] })
      );
    expect(E.nextScenarioColor(doc)).toBe(E.SCENARIO_COLORS[0]); // 6 scenarios, one of each
    doc = changes(doc, (d) => E.addScenario(d, { id: 's6', name: { en: 's', ar: '' }, color: '#0a70b0' }));
    expect(E.nextScenarioColor(doc)).toBe(E.SCENARIO_COLORS[1]); // two blues now
    doc = changes(doc, (d) => E.addScenario(d, { id: 's7', name: { en: 's', ar: '' }, color: '#123456' }));
    expect(E.nextScenarioColor(doc)).toBe(E.SCENARIO_COLORS[1]); // a colour of no palette colour counts for none
  });
});
