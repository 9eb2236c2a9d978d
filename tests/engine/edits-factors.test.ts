// The factor edits (src/engine/edits.ts), one by one: what each changes and what it leaves, the
// same document back when nothing changes, and every refusal with the reason the editor shows,
// at and just past each bound, with the document given left as it was.
import { describe, expect, it } from 'vitest';
import * as E from '../../src/engine/edits';
import { BOUNDS, LIMITS, type MizanDoc } from '../../src/engine/format';
import { makeDocument } from '../support/documents';
import { changes, factorOf, keeps, past, refuses, rich, scenarioOf, thawed, valid } from './edits-helpers';

const label = (en: string, ar = '') => ({ en, ar });

describe('addFactor', () => {
  it('adds the factor at the end, direction +1, weight 5, level 50 in every scenario by default', () => {
    const doc = rich();
    const next = changes(doc, (d) => E.addFactor(d, { id: 'oil', label: label('Oil', 'النفط') }));
    expect(next.factors.map((f) => f.id)).toEqual(['israel-iran', 'sanctions', 'partnership', 'diplomacy', 'oil']);
    expect(next.factors[4]).toEqual({ id: 'oil', label: { en: 'Oil', ar: 'النفط' }, direction: 1, weight: 5 });
    for (const s of next.scenarios) {
      // A new factor holds its level (start = target) with a little noise: pace 0.1, volatility 3.
      expect(s.factors.oil).toEqual({ start: 50, target: 50, pace: 0.1, volatility: 3 });
      // The other factors' entries are as they were.
      expect(s.factors.sanctions).toEqual(scenarioOf(doc, s.id).factors.sanctions);
    }
  });

  it('takes the direction, weight (a number or a range) and level given', () => {
    const doc = rich();
    const next = changes(doc, (d) =>
      E.addFactor(d, { id: 'oil', label: label('Oil'), direction: -1, weight: { low: 1, mode: 2, high: 3 }, level: 80 })
    );
    expect(factorOf(next, 'oil')).toMatchObject({ direction: -1, weight: { low: 1, mode: 2, high: 3 } });
    for (const s of next.scenarios) expect(s.factors.oil).toEqual({ start: 80, target: 80, pace: 0.1, volatility: 3 });
  });

  it('keeps no link to the objects it was given', () => {
    const weight = { low: 1, mode: 2, high: 3 };
    const name = label('Oil');
    const next = changes(rich(), (d) => E.addFactor(d, { id: 'oil', label: name, weight }));
    weight.mode = 3;
    name.en = 'Gas';
    expect(factorOf(next, 'oil')).toMatchObject({ label: { en: 'Oil' }, weight: { low: 1, mode: 2, high: 3 } });
  });

  it('accepts a weight and a level at each end of their bounds, and refuses just past them', () => {
    const doc = rich();
    for (const weight of [BOUNDS.weight.min, BOUNDS.weight.max])
      changes(doc, (d) => E.addFactor(d, { id: 'oil', label: label('Oil'), weight }));
    for (const level of [BOUNDS.level.min, BOUNDS.level.max, 50.5])
      changes(doc, (d) => E.addFactor(d, { id: 'oil', label: label('Oil'), level }));
    for (const weight of [past(BOUNDS.weight.min, -1), past(BOUNDS.weight.max, 1)]) {
      refuses(doc, (d) => E.addFactor(d, { id: 'oil', label: label('Oil'), weight }), 'out-of-range');
    }
    refuses(
      doc,
      (d) => E.addFactor(d, { id: 'oil', label: label('Oil'), weight: { low: 1, mode: 3, high: 2 } }),
      'range-order'
    );
    refuses(doc, (d) => E.addFactor(d, { id: 'oil', label: label('Oil'), weight: Number.NaN }), 'not-number');
    for (const level of [past(BOUNDS.level.min, -1), past(BOUNDS.level.max, 1)]) {
      refuses(doc, (d) => E.addFactor(d, { id: 'oil', label: label('Oil'), level }), 'out-of-range');
    }
  });

  it('refuses a direction other than +1 or -1', () => {
    for (const direction of [0, 2, -2] as unknown as (1 | -1)[]) {
      refuses(rich(), (d) => E.addFactor(d, { id: 'oil', label: label('Oil'), direction }), 'out-of-range');
    }
  });

  it('refuses an id that is taken, malformed or missing, and an empty or too long label', () => {
    const doc = rich();
    refuses(doc, (d) => E.addFactor(d, { id: 'sanctions', label: label('Oil') }), 'duplicate-id');
    for (const id of ['1oil', '', 'a'.repeat(65), 'oil price', undefined as unknown as string]) {
      refuses(doc, (d) => E.addFactor(d, { id, label: label('Oil') }), 'bad-id');
    }
    changes(doc, (d) => E.addFactor(d, { id: 'a'.repeat(64), label: label('Oil') }));
    refuses(doc, (d) => E.addFactor(d, { id: 'oil', label: label(' ', '  ') }), 'empty-label');
    refuses(doc, (d) => E.addFactor(d, { id: 'oil', label: label('x'.repeat(LIMITS.labelChars + 1)) }), 'too-long');
  });

  it(`accepts the ${LIMITS.factors}th factor and refuses one more`, () => {
    const ids = Array.from({ length: LIMITS.factors - 1 }, (_, i) => ({ id: `f${i}` }));
    const doc = valid(makeDocument(ids));
    const full = changes(doc, (d) => E.addFactor(d, { id: 'last', label: label('Last') }));
    expect(full.factors).toHaveLength(LIMITS.factors);
    refuses(full, (d) => E.addFactor(d, { id: 'more', label: label('More') }), 'too-many');
  });
});

describe('renameFactor', () => {
  it('sets either language, and gives the same document for the same label', () => {
    const doc = rich();
    const old = factorOf(doc, 'sanctions').label;
    expect(
      factorOf(
        changes(doc, (d) => E.renameFactor(d, 'sanctions', { ...old, ar: 'عقوبات' })),
        'sanctions'
      ).label
    ).toEqual({
      en: old.en,
      ar: 'عقوبات'
    });
    expect(
      factorOf(
        changes(doc, (d) => E.renameFactor(d, 'sanctions', { ...old, en: 'Sanctions' })),
        'sanctions'
      ).label
    ).toEqual({
      en: 'Sanctions',
      ar: old.ar
    });
    keeps(doc, (d) => E.renameFactor(d, 'sanctions', { ...old }));
  });

  it('a label needs a text in one language; blanks do not count', () => {
    const doc = rich();
    changes(doc, (d) => E.renameFactor(d, 'sanctions', label('  ', 'عقوبات')));
    changes(doc, (d) => E.renameFactor(d, 'sanctions', label('Sanctions', ' ')));
    refuses(doc, (d) => E.renameFactor(d, 'sanctions', label(' \t', ' ')), 'empty-label');
    refuses(doc, (d) => E.renameFactor(d, 'sanctions', label('', '')), 'empty-label');
    for (const broken of [undefined, { en: 'Sanctions' }, { ar: 'عقوبات' }, { en: 1, ar: '' }]) {
      refuses(doc, (d) => E.renameFactor(d, 'sanctions', broken as never), 'empty-label');
    }
  });

  it(`a label of ${LIMITS.labelChars} characters in each language is accepted, one more is too long`, () => {
    const doc = rich();
    const full = 'x'.repeat(LIMITS.labelChars);
    changes(doc, (d) => E.renameFactor(d, 'sanctions', label(full, full)));
    refuses(doc, (d) => E.renameFactor(d, 'sanctions', label(`${full}x`, 'a')), 'too-long');
    refuses(doc, (d) => E.renameFactor(d, 'sanctions', label('a', `${full}x`)), 'too-long');
  });

  it('refuses an unknown factor', () => {
    refuses(rich(), (d) => E.renameFactor(d, 'nope', label('x')), 'not-found');
  });
});

describe('setFactorDirection', () => {
  it('flips a direction, gives the same document for the same one, refuses anything else', () => {
    const doc = rich();
    expect(
      factorOf(
        changes(doc, (d) => E.setFactorDirection(d, 'diplomacy', 1)),
        'diplomacy'
      ).direction
    ).toBe(1);
    expect(
      factorOf(
        changes(doc, (d) => E.setFactorDirection(d, 'sanctions', -1)),
        'sanctions'
      ).direction
    ).toBe(-1);
    keeps(doc, (d) => E.setFactorDirection(d, 'diplomacy', -1));
    refuses(doc, (d) => E.setFactorDirection(d, 'diplomacy', 0 as never), 'out-of-range');
    refuses(doc, (d) => E.setFactorDirection(d, 'nope', 1), 'not-found');
  });
});

describe('setFactorDescription', () => {
  it('sets, replaces and (with both texts empty) removes a description', () => {
    const doc = rich();
    const added = changes(doc, (d) => E.setFactorDescription(d, 'partnership', label('', 'شراكة')));
    expect(factorOf(added, 'partnership').description).toEqual({ en: '', ar: 'شراكة' });
    const replaced = changes(doc, (d) => E.setFactorDescription(d, 'israel-iran', label('Risk', '')));
    expect(factorOf(replaced, 'israel-iran').description).toEqual({ en: 'Risk', ar: '' });
    const removed = changes(doc, (d) => E.setFactorDescription(d, 'israel-iran', label('', '')));
    expect('description' in factorOf(removed, 'israel-iran')).toBe(false);
    expect(factorOf(removed, 'israel-iran').label).toEqual(factorOf(doc, 'israel-iran').label);
  });

  it('gives the same document when nothing changes', () => {
    const doc = rich();
    keeps(doc, (d) => E.setFactorDescription(d, 'israel-iran', { ...factorOf(doc, 'israel-iran').description! }));
    keeps(doc, (d) => E.setFactorDescription(d, 'partnership', label('', '')));
  });

  it(`refuses a text over ${LIMITS.textChars} characters, a missing text and an unknown factor`, () => {
    const doc = rich();
    const full = 'x'.repeat(LIMITS.textChars);
    changes(doc, (d) => E.setFactorDescription(d, 'partnership', label(full, full)));
    refuses(doc, (d) => E.setFactorDescription(d, 'partnership', label(`${full}x`, '')), 'too-long');
    refuses(doc, (d) => E.setFactorDescription(d, 'partnership', label('', `${full}x`)), 'too-long');
    for (const broken of [undefined, { en: 'x' }, { ar: 'x' }]) {
      refuses(doc, (d) => E.setFactorDescription(d, 'partnership', broken as never), 'not-found');
    }
    refuses(doc, (d) => E.setFactorDescription(d, 'nope', label('x')), 'not-found');
  });
});

describe('setFactorWeight', () => {
  it('sets a plain weight, and the mode of a range, widening the range to keep it ordered', () => {
    const doc = rich();
    expect(
      factorOf(
        changes(doc, (d) => E.setFactorWeight(d, 'sanctions', 2.5)),
        'sanctions'
      ).weight
    ).toBe(2.5);
    // israel-iran is { low: 7, mode: 9, high: 10 }.
    const w = (v: number) =>
      factorOf(
        changes(doc, (d) => E.setFactorWeight(d, 'israel-iran', v)),
        'israel-iran'
      ).weight;
    expect(w(8)).toEqual({ low: 7, mode: 8, high: 10 });
    expect(w(3)).toEqual({ low: 3, mode: 3, high: 10 });
    keeps(doc, (d) => E.setFactorWeight(d, 'israel-iran', 9));
    keeps(doc, (d) => E.setFactorWeight(d, 'sanctions', 6));
  });

  it('accepts 0 and 10, refuses just past them, and refuses what is not a number', () => {
    const doc = rich();
    changes(doc, (d) => E.setFactorWeight(d, 'sanctions', 0));
    changes(doc, (d) => E.setFactorWeight(d, 'sanctions', 10));
    refuses(doc, (d) => E.setFactorWeight(d, 'sanctions', past(0, -1)), 'out-of-range');
    refuses(doc, (d) => E.setFactorWeight(d, 'sanctions', past(10, 1)), 'out-of-range');
    for (const v of [Number.NaN, Infinity, '5' as never])
      refuses(doc, (d) => E.setFactorWeight(d, 'sanctions', v), 'not-number');
    refuses(doc, (d) => E.setFactorWeight(d, 'nope', 1), 'not-found');
  });

  it('refuses to leave a scenario with no weight above zero', () => {
    // One scenario, two factors: a weight of 0 is fine while the other weighs something.
    const doc = valid(
      makeDocument([
        { id: 'a', weight: 1 },
        { id: 'b', weight: 2 }
      ])
    );
    const one = changes(doc, (d) => E.setFactorWeight(d, 'a', 0));
    refuses(one, (d) => E.setFactorWeight(d, 'b', 0), 'zero-weights');
    // An override above zero keeps the scenario defined, whatever the base weights.
    const overridden = valid(
      makeDocument(
        [
          { id: 'a', weight: 1 },
          { id: 'b', weight: 0 }
        ],
        { weights: { b: 3 } }
      )
    );
    expect(
      factorOf(
        changes(overridden, (d) => E.setFactorWeight(d, 'a', 0)),
        'a'
      ).weight
    ).toBe(0);
  });
});

describe('setFactorWeightRange', () => {
  it('sets a range or a plain number, and gives the same document for an equal one', () => {
    const doc = rich();
    const range = { low: 2, mode: 4, high: 8 };
    const ranged = changes(doc, (d) => E.setFactorWeightRange(d, 'sanctions', range));
    expect(factorOf(ranged, 'sanctions').weight).toEqual(range);
    range.low = 0; // the document keeps its own copy
    expect(factorOf(ranged, 'sanctions').weight).toEqual({ low: 2, mode: 4, high: 8 });
    expect(
      factorOf(
        changes(doc, (d) => E.setFactorWeightRange(d, 'israel-iran', 9)),
        'israel-iran'
      ).weight
    ).toBe(9);
    keeps(doc, (d) => E.setFactorWeightRange(d, 'israel-iran', { low: 7, mode: 9, high: 10 }));
    keeps(doc, (d) => E.setFactorWeightRange(d, 'sanctions', 6));
    // A number and a range with that number everywhere are different inputs.
    expect(
      factorOf(
        changes(doc, (d) => E.setFactorWeightRange(d, 'sanctions', { low: 6, mode: 6, high: 6 })),
        'sanctions'
      ).weight
    ).toEqual({
      low: 6,
      mode: 6,
      high: 6
    });
  });

  it('a range that differs in one end only is a change', () => {
    const doc = rich();
    for (const weight of [
      { low: 6, mode: 9, high: 10 },
      { low: 7, mode: 8, high: 10 },
      { low: 7, mode: 9, high: 9.5 }
    ]) {
      expect(
        factorOf(
          changes(doc, (d) => E.setFactorWeightRange(d, 'israel-iran', weight)),
          'israel-iran'
        ).weight
      ).toEqual(weight);
    }
  });

  it('holds each end of a range to the bounds, and low ≤ mode ≤ high', () => {
    const doc = rich();
    changes(doc, (d) => E.setFactorWeightRange(d, 'sanctions', { low: 0, mode: 0, high: 10 }));
    changes(doc, (d) => E.setFactorWeightRange(d, 'sanctions', { low: 3, mode: 3, high: 3 }));
    refuses(
      doc,
      (d) => E.setFactorWeightRange(d, 'sanctions', { low: past(0, -1), mode: 5, high: 10 }),
      'out-of-range'
    );
    refuses(doc, (d) => E.setFactorWeightRange(d, 'sanctions', { low: 0, mode: 5, high: past(10, 1) }), 'out-of-range');
    for (const weight of [
      { low: Number.NaN, mode: 5, high: 6 },
      { low: 1, mode: Number.NaN, high: 6 },
      { low: 1, mode: 5, high: Number.NaN }
    ]) {
      refuses(doc, (d) => E.setFactorWeightRange(d, 'sanctions', weight), 'not-number');
    }
    refuses(doc, (d) => E.setFactorWeightRange(d, 'sanctions', { low: 5, mode: 4, high: 6 }), 'range-order');
    refuses(doc, (d) => E.setFactorWeightRange(d, 'sanctions', { low: 3, mode: 7, high: 6 }), 'range-order');
    for (const weight of [null, undefined, 'x'])
      refuses(doc, (d) => E.setFactorWeightRange(d, 'sanctions', weight as never), 'not-number');
    refuses(doc, (d) => E.setFactorWeightRange(d, 'nope', 1), 'not-found');
  });

  it('refuses to leave a scenario with no weight above zero', () => {
    const doc = valid(
      makeDocument([
        { id: 'a', weight: 1 },
        { id: 'b', weight: 0 }
      ])
    );
    refuses(doc, (d) => E.setFactorWeightRange(d, 'a', { low: 0, mode: 0, high: 5 }), 'zero-weights');
  });
});

describe('moveFactor', () => {
  const ids = (doc: MizanDoc) => doc.factors.map((f) => f.id);

  it('moves a factor by whole places, stopping at either end', () => {
    const doc = rich(); // israel-iran, sanctions, partnership, diplomacy
    expect(ids(changes(doc, (d) => E.moveFactor(d, 'sanctions', 1)))).toEqual([
      'israel-iran',
      'partnership',
      'sanctions',
      'diplomacy'
    ]);
    expect(ids(changes(doc, (d) => E.moveFactor(d, 'partnership', -2)))).toEqual([
      'partnership',
      'israel-iran',
      'sanctions',
      'diplomacy'
    ]);
    expect(ids(changes(doc, (d) => E.moveFactor(d, 'sanctions', 10)))).toEqual([
      'israel-iran',
      'partnership',
      'diplomacy',
      'sanctions'
    ]);
    expect(ids(changes(doc, (d) => E.moveFactor(d, 'partnership', -10)))).toEqual([
      'partnership',
      'israel-iran',
      'sanctions',
      'diplomacy'
    ]);
  });

  it('gives the same document for no move, or a move past the end it is at', () => {
    const doc = rich();
    keeps(doc, (d) => E.moveFactor(d, 'sanctions', 0));
    keeps(doc, (d) => E.moveFactor(d, 'israel-iran', -1));
    keeps(doc, (d) => E.moveFactor(d, 'diplomacy', 1));
  });

  it('refuses a fraction of a place and an unknown factor', () => {
    refuses(rich(), (d) => E.moveFactor(d, 'sanctions', 0.5), 'not-whole');
    refuses(rich(), (d) => E.moveFactor(d, 'nope', 1), 'not-found');
  });
});

describe('deleteFactor', () => {
  it('removes the factor and everything that refers to it, and nothing else', () => {
    const doc = rich();
    const next = changes(doc, (d) => E.deleteFactor(d, 'partnership'));
    expect(next.factors.map((f) => f.id)).toEqual(['israel-iran', 'sanctions', 'diplomacy']);
    // sanctions → partnership and partnership → israel-iran go; diplomacy → israel-iran stays.
    expect(next.interactions).toEqual([doc.interactions[2]]);
    for (const s of next.scenarios) {
      expect(Object.keys(s.factors)).toEqual(['israel-iran', 'sanctions', 'diplomacy']);
      expect(s.factors.sanctions).toEqual(scenarioOf(doc, s.id).factors.sanctions);
    }
    // baseline's only event acts on partnership; de-escalation's on diplomacy.
    expect(scenarioOf(next, 'baseline').events).toEqual([]);
    expect(scenarioOf(next, 'deescalation').events).toEqual(scenarioOf(doc, 'deescalation').events);
  });

  it('removes the factor’s weight overrides, and the record of them when none is left', () => {
    const doc = rich(); // deescalation overrides israel-iran and diplomacy; baseline overrides none
    const one = changes(doc, (d) => E.deleteFactor(d, 'diplomacy'));
    expect(scenarioOf(one, 'deescalation').weights).toEqual({ 'israel-iran': { low: 5, mode: 7, high: 9 } });
    expect('weights' in scenarioOf(one, 'baseline')).toBe(false);
    const both = changes(one, (d) => E.deleteFactor(d, 'israel-iran'));
    expect('weights' in scenarioOf(both, 'deescalation')).toBe(false);
    // A factor without overrides: the others stay.
    const none = changes(doc, (d) => E.deleteFactor(d, 'sanctions'));
    expect(scenarioOf(none, 'deescalation').weights).toEqual(scenarioOf(doc, 'deescalation').weights);
  });

  it('removes only the events on the factor, keeping the others in order', () => {
    const d0 = thawed(rich());
    const event = (id: string, factor: string) => ({
      id,
      label: { en: id, ar: '' },
      month: 3,
      factor,
      shift: 5,
      probability: 0.5
    });
    d0.scenarios[0].events = [event('a', 'sanctions'), event('b', 'partnership'), event('c', 'sanctions')];
    d0.scenarios[1].events = [event('d', 'sanctions')];
    const doc = valid(d0);
    const next = changes(doc, (d) => E.deleteFactor(d, 'sanctions'));
    expect(next.scenarios[0].events.map((e) => e.id)).toEqual(['b']);
    expect(next.scenarios[1].events).toEqual([]);
  });

  it('an event whose condition named one of the factor’s events stays, without the condition', () => {
    const d0 = thawed(rich());
    const event = (id: string, factor: string, condition?: { event: string; occurred: boolean }) => ({
      id,
      label: { en: id, ar: '' },
      month: 3,
      factor,
      shift: 5,
      probability: 0.5,
      ...(condition ? { condition } : {})
    });
    d0.scenarios[0].events = [
      event('signed', 'partnership'),
      event('kept', 'sanctions', { event: 'signed', occurred: true }),
      event('other', 'sanctions', { event: 'kept', occurred: false })
    ];
    const doc = valid(d0);
    const next = changes(doc, (d) => E.deleteFactor(d, 'partnership'));
    expect(next.scenarios[0].events).toEqual([
      event('kept', 'sanctions'),
      event('other', 'sanctions', { event: 'kept', occurred: false })
    ]);
  });

  it('refuses the last factor, an unknown one, and one whose loss leaves no weight above zero', () => {
    refuses(valid(makeDocument([{ id: 'a' }])), (d) => E.deleteFactor(d, 'a'), 'last-factor');
    changes(valid(makeDocument([{ id: 'a' }, { id: 'b' }])), (d) => E.deleteFactor(d, 'a'));
    refuses(rich(), (d) => E.deleteFactor(d, 'nope'), 'not-found');
    refuses(
      valid(
        makeDocument([
          { id: 'a', weight: 2 },
          { id: 'b', weight: 0 }
        ])
      ),
      (d) => E.deleteFactor(d, 'a'),
      'zero-weights'
    );
  });
});

describe('weightsDefined', () => {
  it('asks every scenario for a weight above zero, counting its overrides before the base weights', () => {
    const doc = (weights?: Record<string, number>) =>
      makeDocument(
        [
          { id: 'a', weight: 0 },
          { id: 'b', weight: 0 }
        ],
        weights ? { weights } : {}
      );
    expect(E.weightsDefined(doc())).toBe(false);
    expect(E.weightsDefined(doc({ b: 3 }))).toBe(true);
    // An override of 0 hides a base weight above zero.
    const zeroed = makeDocument(
      [
        { id: 'a', weight: 4 },
        { id: 'b', weight: 0 }
      ],
      { weights: { a: 0 } }
    );
    expect(E.weightsDefined(zeroed)).toBe(false);
    // Two scenarios: one without weight is enough to say no.
    const two = thawed(rich());
    two.scenarios[1].weights = { 'israel-iran': 0, sanctions: 0, partnership: 0, diplomacy: 0 };
    expect(E.weightsDefined(rich())).toBe(true);
    expect(E.weightsDefined(two)).toBe(false);
  });
});
