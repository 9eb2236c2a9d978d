// The edits of interactions, events, evidence and the analysis's settings (src/engine/edits.ts):
// what each changes and what it leaves, the same document back when nothing changes, and every
// refusal with the reason the editor shows, at and just past each bound, with the document
// given left as it was.
import { describe, expect, it } from 'vitest';
import * as E from '../../src/engine/edits';
import { BOUNDS, LIMITS, type EvidenceDef, type MizanDoc, type ScenarioEventDef } from '../../src/engine/format';
import { makeDocument } from '../support/documents';
import { changes, factorOf, keeps, past, refuses, rich, scenarioOf, thawed, valid } from './edits-helpers';

const event = (id: string, patch: Partial<ScenarioEventDef> = {}): ScenarioEventDef => ({
  id,
  label: { en: id, ar: '' },
  month: 3,
  factor: 'sanctions',
  shift: 10,
  probability: 0.5,
  ...patch
});

describe('setInteraction', () => {
  // rich: sanctions → partnership 0.04, partnership → israel-iran 0.02, diplomacy → israel-iran -0.05.
  it('adds a push at the end, changes one in place, and removes one (null or 0)', () => {
    const doc = rich();
    const added = changes(doc, (d) => E.setInteraction(d, 'israel-iran', 'sanctions', -0.3));
    expect(added.interactions).toEqual([...doc.interactions, { from: 'israel-iran', to: 'sanctions', strength: -0.3 }]);
    const changed = changes(doc, (d) => E.setInteraction(d, 'partnership', 'israel-iran', 0.5));
    expect(changed.interactions).toEqual([
      doc.interactions[0],
      { from: 'partnership', to: 'israel-iran', strength: 0.5 },
      doc.interactions[2]
    ]);
    // The evidence linked to a push stays when its strength changes.
    const linked = changes(doc, (d) => E.setInteraction(d, 'sanctions', 'partnership', 0.1));
    expect(linked.interactions[0]).toEqual({ from: 'sanctions', to: 'partnership', strength: 0.1, evidence: ['e2'] });
    for (const none of [null, 0]) {
      const removed = changes(doc, (d) => E.setInteraction(d, 'partnership', 'israel-iran', none));
      expect(removed.interactions).toEqual([doc.interactions[0], doc.interactions[2]]);
    }
  });

  it('finds a push by both its ends: another push from the same factor or to the same one is left alone', () => {
    const d0 = thawed(rich());
    d0.interactions.splice(1, 0, { from: 'partnership', to: 'sanctions', strength: 0.1 });
    const doc = valid(d0); // sanctions → partnership, partnership → sanctions, partnership → israel-iran, diplomacy → israel-iran
    const strengths = (d: MizanDoc) => d.interactions.map((i) => i.strength);
    expect(strengths(changes(doc, (d) => E.setInteraction(d, 'diplomacy', 'israel-iran', 0.5)))).toEqual([
      0.04, 0.1, 0.02, 0.5
    ]);
    expect(strengths(changes(doc, (d) => E.setInteraction(d, 'partnership', 'israel-iran', 0.5)))).toEqual([
      0.04, 0.1, 0.5, -0.05
    ]);
    const links = (d: MizanDoc) => d.interactions.map((i) => i.evidence ?? []);
    expect(links(changes(doc, (d) => E.linkEvidence(d, 'e1', { from: 'diplomacy', to: 'israel-iran' })))).toEqual([
      ['e2'],
      [],
      [],
      ['e1']
    ]);
    expect(links(changes(doc, (d) => E.linkEvidence(d, 'e1', { from: 'partnership', to: 'israel-iran' })))).toEqual([
      ['e2'],
      [],
      ['e1'],
      []
    ]);
  });

  it('gives the same document for the strength it has, and for removing a push that is not there', () => {
    const doc = rich();
    keeps(doc, (d) => E.setInteraction(d, 'sanctions', 'partnership', 0.04));
    keeps(doc, (d) => E.setInteraction(d, 'partnership', 'sanctions', null));
    keeps(doc, (d) => E.setInteraction(d, 'partnership', 'sanctions', 0));
  });

  it('accepts -1 and 1, refuses just past them, a factor acting on itself, and an unknown factor', () => {
    const doc = rich();
    for (const v of [-1, 1])
      expect(changes(doc, (d) => E.setInteraction(d, 'sanctions', 'diplomacy', v)).interactions[3].strength).toBe(v);
    for (const v of [past(-1, -1), past(1, 1)]) {
      refuses(doc, (d) => E.setInteraction(d, 'sanctions', 'diplomacy', v), 'out-of-range');
      refuses(doc, (d) => E.setInteraction(d, 'sanctions', 'partnership', v), 'out-of-range');
    }
    refuses(doc, (d) => E.setInteraction(d, 'sanctions', 'diplomacy', Number.NaN), 'not-number');
    refuses(doc, (d) => E.setInteraction(d, 'sanctions', 'sanctions', 0.5), 'self-interaction');
    refuses(doc, (d) => E.setInteraction(d, 'nope', 'sanctions', 0.5), 'not-found');
    refuses(doc, (d) => E.setInteraction(d, 'sanctions', 'nope', 0.5), 'not-found');
  });
});

describe('addEvent', () => {
  it('adds the event at the end of its scenario, copied', () => {
    const doc = rich();
    const input = event('strike', { month: 24, factor: 'israel-iran', shift: -100, probability: 1 });
    const next = changes(doc, (d) => E.addEvent(d, 'baseline', input));
    expect(scenarioOf(next, 'baseline').events).toEqual([
      ...scenarioOf(doc, 'baseline').events,
      event('strike', { month: 24, factor: 'israel-iran', shift: -100, probability: 1 })
    ]);
    expect(next.scenarios[1]).toBe(doc.scenarios[1]);
    input.label.en = 'changed';
    expect(scenarioOf(next, 'baseline').events.at(-1)!.label.en).toBe('strike');
  });

  it('accepts each field at its bounds (the month: 1 to the horizon) and refuses just past them', () => {
    const doc = rich(); // horizon 24
    for (const patch of [
      { month: 1 },
      { month: 24 },
      { shift: -100 },
      { shift: 100 },
      { probability: 0 },
      { probability: 1 }
    ]) {
      changes(doc, (d) => E.addEvent(d, 'baseline', event('x', patch)));
    }
    for (const patch of [
      { month: 0 },
      { month: 25 },
      { shift: past(-100, -1) },
      { shift: past(100, 1) },
      { probability: past(0, -1) },
      { probability: past(1, 1) }
    ]) {
      refuses(doc, (d) => E.addEvent(d, 'baseline', event('x', patch)), 'out-of-range');
    }
    refuses(doc, (d) => E.addEvent(d, 'baseline', event('x', { month: 2.5 })), 'not-whole');
    refuses(doc, (d) => E.addEvent(d, 'baseline', event('x', { shift: Number.NaN })), 'not-number');
    refuses(doc, (d) => E.addEvent(d, 'baseline', event('x', { label: { en: '', ar: ' ' } })), 'empty-label');
    refuses(doc, (d) => E.addEvent(d, 'baseline', event('x', { factor: 'nope' })), 'not-found');
  });

  it('refuses an event without a label, a month, a shift, a probability or a factor', () => {
    for (const key of ['label', 'month', 'shift', 'probability'] as const) {
      refuses(rich(), (d) => E.addEvent(d, 'baseline', event('x', { [key]: undefined })), 'not-number');
    }
    refuses(rich(), (d) => E.addEvent(d, 'baseline', event('x', { factor: undefined })), 'not-found');
  });

  it('refuses an id taken in any scenario, a malformed id, and an unknown scenario', () => {
    const doc = rich();
    refuses(doc, (d) => E.addEvent(d, 'baseline', event('talks')), 'duplicate-id'); // talks is de-escalation's
    refuses(doc, (d) => E.addEvent(d, 'baseline', event('s400')), 'duplicate-id');
    refuses(doc, (d) => E.addEvent(d, 'baseline', event('9x')), 'bad-id');
    refuses(doc, (d) => E.addEvent(d, 'nope', event('x')), 'not-found');
  });

  it(`accepts the ${LIMITS.eventsPerScenario}th event of a scenario and refuses one more`, () => {
    const d0 = makeDocument([{ id: 'sanctions' }]);
    d0.scenarios[0].events = Array.from({ length: LIMITS.eventsPerScenario - 1 }, (_, i) => event(`e${i}`));
    const doc = valid(d0);
    const full = changes(doc, (d) => E.addEvent(d, 'base', event('last')));
    expect(full.scenarios[0].events).toHaveLength(LIMITS.eventsPerScenario);
    refuses(full, (d) => E.addEvent(d, 'base', event('more')), 'too-many');
  });
});

describe('updateEvent and moveEvent', () => {
  const s400 = (doc: MizanDoc) => scenarioOf(doc, 'baseline').events[0];

  it('changes each field on its own, leaving the others', () => {
    const doc = rich(); // s400: month 6, partnership, shift 15, probability 0.3
    const before = s400(doc);
    const patches: E.EventPatch[] = [
      { month: 9 },
      { factor: 'sanctions' },
      { shift: -5 },
      { probability: 0.9 },
      { label: { en: 'S-400', ar: 'إس-400' } }
    ];
    for (const patch of patches) {
      expect(s400(changes(doc, (d) => E.updateEvent(d, 'baseline', 's400', patch)))).toEqual({ ...before, ...patch });
    }
    expect(s400(changes(doc, (d) => E.moveEvent(d, 'baseline', 's400', 24)))).toEqual({ ...before, month: 24 });
    expect(s400(changes(doc, (d) => E.updateEvent(d, 'baseline', 's400', { month: 1, shift: 0 })))).toEqual({
      ...before,
      month: 1,
      shift: 0
    });
  });

  it('gives the same document when the patch holds what the event has, or nothing', () => {
    const doc = rich();
    const { id: _id, ...same } = s400(doc);
    keeps(doc, (d) => E.updateEvent(d, 'baseline', 's400', structuredClone(same)));
    keeps(doc, (d) => E.updateEvent(d, 'baseline', 's400', {}));
    keeps(doc, (d) => E.moveEvent(d, 'baseline', 's400', 6));
  });

  it('refuses what addEvent refuses, at the same bounds, and an unknown event or scenario', () => {
    const doc = rich();
    refuses(doc, (d) => E.moveEvent(d, 'baseline', 's400', 25), 'out-of-range');
    refuses(doc, (d) => E.moveEvent(d, 'baseline', 's400', 0), 'out-of-range');
    refuses(doc, (d) => E.updateEvent(d, 'baseline', 's400', { shift: past(100, 1) }), 'out-of-range');
    refuses(doc, (d) => E.updateEvent(d, 'baseline', 's400', { probability: past(1, 1) }), 'out-of-range');
    refuses(doc, (d) => E.updateEvent(d, 'baseline', 's400', { factor: 'nope' }), 'not-found');
    refuses(doc, (d) => E.updateEvent(d, 'baseline', 's400', { label: { en: '', ar: '' } }), 'empty-label');
    refuses(doc, (d) => E.updateEvent(d, 'baseline', 'talks', { month: 2 }), 'not-found'); // talks is de-escalation's
    refuses(doc, (d) => E.updateEvent(d, 'nope', 's400', { month: 2 }), 'not-found');
  });
});

describe('deleteEvent', () => {
  it('removes only that event; refuses an event of another scenario or none', () => {
    const d0 = thawed(rich());
    d0.scenarios[0].events.push(event('a'), event('b'));
    const doc = valid(d0);
    expect(
      scenarioOf(
        changes(doc, (d) => E.deleteEvent(d, 'baseline', 'a')),
        'baseline'
      ).events.map((e) => e.id)
    ).toEqual(['s400', 'kazan', 'b']);
    refuses(doc, (d) => E.deleteEvent(d, 'baseline', 'talks'), 'not-found');
    refuses(doc, (d) => E.deleteEvent(d, 'nope', 'a'), 'not-found');
  });
});

describe('evidence cards', () => {
  const card = (id: string, patch: Partial<EvidenceDef> = {}): EvidenceDef => ({
    id,
    quote: 'q',
    source: 's',
    ...patch
  });

  it('adds a card at the end; empty optional texts are left out, missing ones are empty', () => {
    const doc = rich();
    const full = changes(doc, (d) => E.addEvidence(d, card('e3', { gist: 'g', note: 'n' })));
    expect(full.evidence).toEqual([...doc.evidence, { id: 'e3', quote: 'q', source: 's', gist: 'g', note: 'n' }]);
    const bare = changes(doc, (d) => E.addEvidence(d, { id: 'e3', gist: '', note: '' } as EvidenceDef));
    expect(bare.evidence[2]).toEqual({ id: 'e3', quote: '', source: '' });
  });

  it('holds each text to its limit: quote, gist and note, and the source as a label', () => {
    const doc = rich();
    const text = 'x'.repeat(LIMITS.textChars);
    const label = 'x'.repeat(LIMITS.labelChars);
    changes(doc, (d) => E.addEvidence(d, card('e3', { quote: text, gist: text, note: text, source: label })));
    for (const patch of [{ quote: `${text}x` }, { gist: `${text}x` }, { note: `${text}x` }, { source: `${label}x` }]) {
      refuses(doc, (d) => E.addEvidence(d, card('e3', patch)), 'too-long');
      refuses(doc, (d) => E.updateEvidence(d, 'e1', patch), 'too-long');
    }
    refuses(doc, (d) => E.updateEvidence(d, 'e1', { quote: 5 as never }), 'not-found');
    refuses(doc, (d) => E.addEvidence(d, card('e1')), 'duplicate-id');
    refuses(doc, (d) => E.addEvidence(d, card('1e')), 'bad-id');
  });

  it(`accepts the ${LIMITS.evidence}th card and refuses one more`, () => {
    const d0 = makeDocument([{ id: 'a' }]);
    d0.evidence = Array.from({ length: LIMITS.evidence - 1 }, (_, i) => card(`c${i}`));
    const doc = valid(d0);
    const full = changes(doc, (d) => E.addEvidence(d, card('last')));
    expect(full.evidence).toHaveLength(LIMITS.evidence);
    refuses(full, (d) => E.addEvidence(d, card('more')), 'too-many');
  });

  it('updates each text; an empty gist or note is removed; the same texts change nothing', () => {
    const doc = rich(); // e1 has a gist and no note; e2 a note and no gist
    const e = (d: MizanDoc, id: string) => d.evidence.find((c) => c.id === id)!;
    expect(
      e(
        changes(doc, (d) => E.updateEvidence(d, 'e1', { quote: 'new' })),
        'e1'
      )
    ).toEqual({ ...e(doc, 'e1'), quote: 'new' });
    expect(
      e(
        changes(doc, (d) => E.updateEvidence(d, 'e1', { source: 'new' })),
        'e1'
      )
    ).toEqual({ ...e(doc, 'e1'), source: 'new' });
    expect(
      e(
        changes(doc, (d) => E.updateEvidence(d, 'e1', { note: 'new' })),
        'e1'
      )
    ).toEqual({ ...e(doc, 'e1'), note: 'new' });
    expect(
      e(
        changes(doc, (d) => E.updateEvidence(d, 'e2', { gist: 'new' })),
        'e2'
      )
    ).toEqual({ ...e(doc, 'e2'), gist: 'new' });
    expect(
      'gist' in
        e(
          changes(doc, (d) => E.updateEvidence(d, 'e1', { gist: '' })),
          'e1'
        )
    ).toBe(false);
    expect(
      'note' in
        e(
          changes(doc, (d) => E.updateEvidence(d, 'e2', { note: '' })),
          'e2'
        )
    ).toBe(false);
    const both = changes(doc, (d) => E.updateEvidence(d, 'e1', { quote: 'q2', source: 's2' }));
    expect(e(both, 'e1')).toMatchObject({ quote: 'q2', source: 's2' });
    keeps(doc, (d) => E.updateEvidence(d, 'e1', { ...e(doc, 'e1') }));
    keeps(doc, (d) => E.updateEvidence(d, 'e1', { note: '' }));
    keeps(doc, (d) => E.updateEvidence(d, 'e2', { gist: '', note: e(doc, 'e2').note }));
    refuses(doc, (d) => E.updateEvidence(d, 'nope', { quote: 'x' }), 'not-found');
  });

  it('deleting a card removes every link to it, and the list of links with its last one', () => {
    const d0 = thawed(rich());
    d0.factors[0].evidence = ['e1', 'e2'];
    const doc = valid(d0); // e2: israel-iran (with e1), sanctions (alone), sanctions → partnership (alone)
    const next = changes(doc, (d) => E.deleteEvidence(d, 'e2'));
    expect(next.evidence.map((c) => c.id)).toEqual(['e1']);
    expect(factorOf(next, 'israel-iran').evidence).toEqual(['e1']);
    expect('evidence' in factorOf(next, 'sanctions')).toBe(false);
    expect('evidence' in next.interactions[0]).toBe(false);
    expect(next.interactions.slice(1)).toEqual(doc.interactions.slice(1));
    expect(factorOf(next, 'partnership')).toEqual(factorOf(doc, 'partnership'));
    refuses(doc, (d) => E.deleteEvidence(d, 'nope'), 'not-found');
  });
});

describe('linkEvidence and unlinkEvidence', () => {
  it('links a card to a factor or a push once, at the end of its list', () => {
    const doc = rich();
    expect(
      factorOf(
        changes(doc, (d) => E.linkEvidence(d, 'e2', { factor: 'israel-iran' })),
        'israel-iran'
      ).evidence
    ).toEqual(['e1', 'e2']);
    expect(
      factorOf(
        changes(doc, (d) => E.linkEvidence(d, 'e1', { factor: 'partnership' })),
        'partnership'
      ).evidence
    ).toEqual(['e1']);
    const push = changes(doc, (d) => E.linkEvidence(d, 'e1', { from: 'partnership', to: 'israel-iran' }));
    expect(push.interactions[1]).toEqual({ ...doc.interactions[1], evidence: ['e1'] });
    expect(
      changes(doc, (d) => E.linkEvidence(d, 'e1', { from: 'sanctions', to: 'partnership' })).interactions[0].evidence
    ).toEqual(['e2', 'e1']);
    keeps(doc, (d) => E.linkEvidence(d, 'e1', { factor: 'israel-iran' }));
    keeps(doc, (d) => E.linkEvidence(d, 'e2', { from: 'sanctions', to: 'partnership' }));
  });

  it('unlinks, removing the list with its last link; unlinking what is not linked changes nothing', () => {
    const d0 = thawed(rich());
    d0.factors[0].evidence = ['e1', 'e2'];
    const doc = valid(d0);
    expect(
      factorOf(
        changes(doc, (d) => E.unlinkEvidence(d, 'e2', { factor: 'israel-iran' })),
        'israel-iran'
      ).evidence
    ).toEqual(['e1']);
    expect(
      'evidence' in
        factorOf(
          changes(doc, (d) => E.unlinkEvidence(d, 'e2', { factor: 'sanctions' })),
          'sanctions'
        )
    ).toBe(false);
    expect(
      'evidence' in
        changes(doc, (d) => E.unlinkEvidence(d, 'e2', { from: 'sanctions', to: 'partnership' })).interactions[0]
    ).toBe(false);
    keeps(doc, (d) => E.unlinkEvidence(d, 'e1', { factor: 'sanctions' }));
    keeps(doc, (d) => E.unlinkEvidence(d, 'e1', { factor: 'partnership' }));
    keeps(doc, (d) => E.unlinkEvidence(d, 'e1', { from: 'partnership', to: 'israel-iran' }));
  });

  it('refuses an unknown card, factor or push', () => {
    const doc = rich();
    refuses(doc, (d) => E.linkEvidence(d, 'nope', { factor: 'sanctions' }), 'not-found');
    refuses(doc, (d) => E.linkEvidence(d, 'e1', { factor: 'nope' }), 'not-found');
    refuses(doc, (d) => E.linkEvidence(d, 'e1', { from: 'israel-iran', to: 'sanctions' }), 'not-found');
    refuses(doc, (d) => E.unlinkEvidence(d, 'nope', { factor: 'sanctions' }), 'not-found');
    refuses(doc, (d) => E.unlinkEvidence(d, 'e1', { from: 'israel-iran', to: 'sanctions' }), 'not-found');
  });

  it(`refuses a link past ${LIMITS.evidence} on one list`, () => {
    // A list may name a card more than once (the file format allows it), so it can be full while a card is not on it.
    const d0 = thawed(rich());
    d0.factors[2].evidence = Array.from({ length: LIMITS.evidence - 1 }, () => 'e1');
    const doc = valid(d0);
    const full = changes(doc, (d) => E.linkEvidence(d, 'e2', { factor: 'partnership' }));
    expect(factorOf(full, 'partnership').evidence).toHaveLength(LIMITS.evidence);
    const d1 = thawed(full);
    d1.evidence.push({ id: 'e3', quote: 'q', source: 's' });
    refuses(valid(d1), (d) => E.linkEvidence(d, 'e3', { factor: 'partnership' }), 'too-many');
  });
});

describe('run settings, horizon, start month and thresholds', () => {
  it('runs: 0 to the limit, whole numbers; the same number changes nothing', () => {
    const doc = rich();
    for (const runs of [BOUNDS.runs.min, BOUNDS.runs.max])
      expect(changes(doc, (d) => E.setRuns(d, runs)).simulation).toEqual({
        runs,
        seed: 20241011,
        sampling: 'latin-hypercube'
      });
    refuses(doc, (d) => E.setRuns(d, -1), 'out-of-range');
    refuses(doc, (d) => E.setRuns(d, BOUNDS.runs.max + 1), 'out-of-range');
    refuses(doc, (d) => E.setRuns(d, 10.5), 'not-whole');
    keeps(doc, (d) => E.setRuns(d, 5000));
  });

  it('seed: 0 to 2³²−1, whole numbers; the same seed changes nothing', () => {
    const doc = rich();
    for (const seed of [0, 2 ** 32 - 1])
      expect(changes(doc, (d) => E.setSeed(d, seed)).simulation).toEqual({
        runs: 5000,
        seed,
        sampling: 'latin-hypercube'
      });
    refuses(doc, (d) => E.setSeed(d, -1), 'out-of-range');
    refuses(doc, (d) => E.setSeed(d, 2 ** 32), 'out-of-range');
    refuses(doc, (d) => E.setSeed(d, 1.5), 'not-whole');
    keeps(doc, (d) => E.setSeed(d, 20241011));
  });

  it('horizon: events after a shorter one move to its last month; those on it stay', () => {
    const doc = rich(); // s400 at month 6 and kazan at 8 (baseline), talks at 24 (de-escalation)
    const months = (d: MizanDoc) => d.scenarios.map((s) => s.events.map((e) => e.month));
    expect(months(changes(doc, (d) => E.setHorizon(d, 6)))).toEqual([[6, 6], [6]]);
    expect(months(changes(doc, (d) => E.setHorizon(d, 5)))).toEqual([[5, 5], [5]]);
    const longer = changes(doc, (d) => E.setHorizon(d, 36));
    expect(longer.horizonMonths).toBe(36);
    expect(longer.scenarios).toEqual(doc.scenarios);
    const shorter = changes(doc, (d) => E.setHorizon(d, 6));
    expect(shorter.horizonMonths).toBe(6);
    expect(scenarioOf(shorter, 'baseline').events[0]).toBe(scenarioOf(doc, 'baseline').events[0]);
    expect(scenarioOf(shorter, 'baseline').events[1]).toEqual({ ...scenarioOf(doc, 'baseline').events[1], month: 6 });
    expect(scenarioOf(shorter, 'deescalation').events[0]).toEqual({
      ...scenarioOf(doc, 'deescalation').events[0],
      month: 6
    });
    keeps(doc, (d) => E.setHorizon(d, 24));
  });

  it('horizon: in one scenario, only the events after it move; the others keep their months', () => {
    const d0 = thawed(rich());
    d0.scenarios[0].events = [event('a', { month: 2 }), event('b', { month: 20 }), event('c', { month: 10 })];
    const doc = valid(d0);
    expect(changes(doc, (d) => E.setHorizon(d, 10)).scenarios[0].events.map((e) => [e.id, e.month])).toEqual([
      ['a', 2],
      ['b', 10],
      ['c', 10]
    ]);
  });

  it('horizon: 1 to 120 months, whole numbers', () => {
    const doc = rich();
    changes(doc, (d) => E.setHorizon(d, 1));
    changes(doc, (d) => E.setHorizon(d, 120));
    refuses(doc, (d) => E.setHorizon(d, 0), 'out-of-range');
    refuses(doc, (d) => E.setHorizon(d, 121), 'out-of-range');
    refuses(doc, (d) => E.setHorizon(d, 12.5), 'not-whole');
  });

  it('eventsBeyond counts the events a horizon would move back (those after it, not on it)', () => {
    const doc = rich();
    expect(E.eventsBeyond(doc, 24)).toBe(0);
    expect(E.eventsBeyond(doc, 23)).toBe(1);
    expect(E.eventsBeyond(doc, 8)).toBe(1);
    expect(E.eventsBeyond(doc, 7)).toBe(2);
    expect(E.eventsBeyond(doc, 5)).toBe(3);
  });

  it('start month: YYYY-MM with a month 01 to 12', () => {
    const doc = rich();
    expect(changes(doc, (d) => E.setStartMonth(d, '2025-01')).startMonth).toBe('2025-01');
    changes(doc, (d) => E.setStartMonth(d, '2024-12'));
    keeps(doc, (d) => E.setStartMonth(d, '2024-10'));
    for (const month of ['2024-13', '2024-00', '24-10', '2024-1', '', ['2024-11'], 202411]) {
      refuses(doc, (d) => E.setStartMonth(d, month as never), 'bad-month');
    }
  });

  it('thresholds: each 0 to 100, elevated < high < crisis; the same three change nothing', () => {
    const doc = rich(); // 25, 50, 75
    expect(changes(doc, (d) => E.setThresholds(d, { elevated: 0, high: 50, crisis: 100 })).thresholds).toEqual({
      elevated: 0,
      high: 50,
      crisis: 100
    });
    for (const t of [
      { elevated: 20, high: 50, crisis: 75 },
      { elevated: 25, high: 60, crisis: 75 },
      { elevated: 25, high: 50, crisis: 80 }
    ]) {
      expect(changes(doc, (d) => E.setThresholds(d, t)).thresholds).toEqual(t);
    }
    keeps(doc, (d) => E.setThresholds(d, { elevated: 25, high: 50, crisis: 75 }));
    for (const t of [
      { elevated: past(0, -1), high: 50, crisis: 75 },
      { elevated: 25, high: 50, crisis: past(100, 1) },
      { elevated: 25, high: 101, crisis: 75 }
    ]) {
      refuses(doc, (d) => E.setThresholds(d, t), 'out-of-range');
    }
    refuses(doc, (d) => E.setThresholds(d, { elevated: 25, high: Number.NaN, crisis: 75 }), 'not-number');
    for (const t of [
      { elevated: 50, high: 50, crisis: 75 },
      { elevated: 25, high: 75, crisis: 75 },
      { elevated: 60, high: 50, crisis: 75 },
      { elevated: 25, high: 80, crisis: 75 }
    ]) {
      refuses(doc, (d) => E.setThresholds(d, t), 'threshold-order');
    }
  });
});

describe('copyEvent', () => {
  it('copies the event to the end of each target scenario under its own id: the same real-world event', () => {
    const doc = rich();
    const source = scenarioOf(doc, 'baseline').events[0];
    const next = changes(doc, (d) => E.copyEvent(d, 'baseline', 's400', ['deescalation']));
    const target = scenarioOf(next, 'deescalation').events;
    expect(target.map((e) => e.id)).toEqual(['talks', 's400']);
    expect(target[1]).toEqual(source);
    // The source scenario is as it was.
    expect(scenarioOf(next, 'baseline')).toBe(scenarioOf(doc, 'baseline'));
    // No label object is shared between the event and its copy.
    expect(target[1].label).not.toBe(source.label);
  });

  it('gives a copy a new id only where the target already has an event of that id; the same id in several targets', () => {
    const d0 = thawed(rich());
    // The de-escalation has an "s400" of its own, and an "s400-1": the copy skips both.
    d0.scenarios[1].events.push(event('s400', { factor: 'diplomacy' }), event('s400-1', { factor: 'diplomacy' }));
    d0.scenarios.push({ ...structuredClone(d0.scenarios[1]), id: 'third', events: [] });
    const next = changes(valid(d0), (d) => E.copyEvent(d, 'baseline', 's400', ['deescalation', 'third']));
    expect(scenarioOf(next, 'deescalation').events.map((e) => e.id)).toEqual(['talks', 's400', 's400-1', 's400-2']);
    expect(scenarioOf(next, 'third').events.map((e) => e.id)).toEqual(['s400']);
  });

  it('copies an event with the longest id a file holds under an id the file still takes', () => {
    const d0 = thawed(rich());
    const longest = 'e' + 'x'.repeat(63); // 64 characters, as many as ID_PATTERN takes
    d0.scenarios[0].events[0].id = longest;
    d0.scenarios[0].events[1].condition!.event = longest;
    d0.scenarios[1].events.push(event(longest, { factor: 'diplomacy' }));
    const next = changes(valid(d0), (d) => E.copyEvent(d, 'baseline', longest, ['deescalation']));
    // Its first 56 characters, then "-1": 58 characters.
    expect(scenarioOf(next, 'deescalation').events.at(-1)!.id).toBe('e' + 'x'.repeat(55) + '-1');
  });

  it('refuses no target, the source itself, an unknown scenario or event, and a full scenario', () => {
    const doc = rich();
    refuses(doc, (d) => E.copyEvent(d, 'baseline', 's400', []), 'not-found');
    refuses(doc, (d) => E.copyEvent(d, 'baseline', 's400', ['baseline']), 'not-found');
    refuses(doc, (d) => E.copyEvent(d, 'baseline', 's400', ['nope']), 'not-found');
    refuses(doc, (d) => E.copyEvent(d, 'baseline', 'talks', ['deescalation']), 'not-found');
    refuses(doc, (d) => E.copyEvent(d, 'nope', 's400', ['deescalation']), 'not-found');
    const full = thawed(doc);
    full.scenarios[1].events = Array.from({ length: LIMITS.eventsPerScenario }, (_, i) => event(`x${i}`));
    refuses(valid(full), (d) => E.copyEvent(d, 'baseline', 's400', ['deescalation']), 'too-many');
  });
});

describe('the events of format version 2: kind and condition', () => {
  // rich: baseline has s400 (month 6), then kazan (a target event, when s400 did not happen).
  it('sets and clears a kind and a condition, and refuses a condition on a later event, itself, or none', () => {
    const doc = rich();
    const pulse = changes(doc, (d) => E.updateEvent(d, 'baseline', 'kazan', { kind: 'pulse' }));
    expect(scenarioOf(pulse, 'baseline').events[1]).toEqual({
      ...scenarioOf(doc, 'baseline').events[1],
      kind: 'pulse'
    });
    const lasting = changes(doc, (d) => E.updateEvent(d, 'baseline', 's400', { kind: 'target' }));
    expect(scenarioOf(lasting, 'baseline').events[0].kind).toBe('target');
    const cleared = changes(doc, (d) => E.updateEvent(d, 'baseline', 'kazan', { condition: null }));
    expect(scenarioOf(cleared, 'baseline').events[1]).not.toHaveProperty('condition');
    const flipped = changes(doc, (d) =>
      E.updateEvent(d, 'baseline', 'kazan', { condition: { event: 's400', occurred: true } })
    );
    expect(scenarioOf(flipped, 'baseline').events[1].condition).toEqual({ event: 's400', occurred: true });
    keeps(doc, (d) => E.updateEvent(d, 'baseline', 'kazan', { condition: { event: 's400', occurred: false } }));
    keeps(doc, (d) => E.updateEvent(d, 'baseline', 's400', { condition: null }));
    refuses(
      doc,
      (d) => E.updateEvent(d, 'baseline', 's400', { condition: { event: 'kazan', occurred: true } }),
      'not-found'
    );
    refuses(
      doc,
      (d) => E.updateEvent(d, 'baseline', 'kazan', { condition: { event: 'kazan', occurred: true } }),
      'not-found'
    );
    refuses(
      doc,
      (d) => E.updateEvent(d, 'baseline', 'kazan', { condition: { event: 'talks', occurred: true } }),
      'not-found'
    );
    refuses(doc, (d) => E.updateEvent(d, 'baseline', 'kazan', { kind: 'forever' as never }), 'not-found');
  });

  it('keeps kind and condition through every other edit of the event', () => {
    const doc = rich();
    const moved = changes(doc, (d) => E.moveEvent(d, 'baseline', 'kazan', 9));
    expect(scenarioOf(moved, 'baseline').events[1]).toEqual({ ...scenarioOf(doc, 'baseline').events[1], month: 9 });
    const relabelled = changes(doc, (d) =>
      E.updateEvent(d, 'baseline', 'kazan', { label: { en: 'Treaty', ar: '' }, shift: 5 })
    );
    expect(scenarioOf(relabelled, 'baseline').events[1]).toMatchObject({
      kind: 'target',
      condition: { event: 's400', occurred: false }
    });
  });

  it('adds an event with a kind and a condition on an earlier event, and refuses one on an event it lacks', () => {
    const doc = rich();
    const input = event('strike', { kind: 'target', condition: { event: 's400', occurred: true } });
    const next = changes(doc, (d) => E.addEvent(d, 'baseline', input));
    expect(scenarioOf(next, 'baseline').events.at(-1)).toEqual(input);
    input.condition!.occurred = false;
    expect(scenarioOf(next, 'baseline').events.at(-1)!.condition!.occurred).toBe(true);
    refuses(
      doc,
      (d) => E.addEvent(d, 'deescalation', event('strike', { condition: { event: 's400', occurred: true } })),
      'not-found'
    );
  });

  it('deleting an event drops the conditions that named it; renaming one follows it', () => {
    const doc = rich();
    const deleted = changes(doc, (d) => E.deleteEvent(d, 'baseline', 's400'));
    expect(scenarioOf(deleted, 'baseline').events).toEqual([
      (({ condition: _c, ...rest }) => rest)(scenarioOf(doc, 'baseline').events[1])
    ]);
    const d0 = thawed(rich());
    d0.scenarios[0].events[0].id = 'event7';
    d0.scenarios[0].events[1].condition!.event = 'event7';
    const settled = changes(valid(d0), (d) => E.settleEventId(d, 'baseline', 'event7'));
    expect(scenarioOf(settled, 'baseline').events.map((e) => [e.id, e.condition?.event])).toEqual([
      ['s-400-delivery', undefined],
      ['kazan', 's-400-delivery']
    ]);
  });

  it('copying a conditional event to another scenario leaves its condition behind', () => {
    const next = changes(rich(), (d) => E.copyEvent(d, 'baseline', 'kazan', ['deescalation']));
    const copy = scenarioOf(next, 'deescalation').events.at(-1)!;
    expect(copy).toMatchObject({ id: 'kazan', kind: 'target' });
    expect(copy).not.toHaveProperty('condition');
  });
});

describe('sampling and correlations (format version 2)', () => {
  // rich: Latin hypercube sampling; baseline correlates israel-iran.start and partnership.target at 0.5.
  it('sets the sampling; random, the default, leaves the file', () => {
    const doc = rich();
    const random = changes(doc, (d) => E.setSampling(d, 'random'));
    expect(random.simulation).toEqual({ runs: 5000, seed: 20241011 });
    expect(changes(random, (d) => E.setSampling(d, 'latin-hypercube')).simulation.sampling).toBe('latin-hypercube');
    keeps(doc, (d) => E.setSampling(d, 'latin-hypercube'));
    refuses(doc, (d) => E.setSampling(d, 'sobol' as never), 'not-found');
  });

  it('adds, changes and removes a correlation, whichever way round its pair is named', () => {
    const doc = rich();
    const added = changes(doc, (d) =>
      E.setCorrelation(d, 'baseline', 'israel-iran.weight', 'partnership.weight', -0.4)
    );
    expect(scenarioOf(added, 'baseline').correlations).toEqual([
      { between: ['israel-iran.start', 'partnership.target'], rank: 0.5 },
      { between: ['israel-iran.weight', 'partnership.weight'], rank: -0.4 }
    ]);
    const changed = changes(doc, (d) =>
      E.setCorrelation(d, 'baseline', 'partnership.target', 'israel-iran.start', 0.8)
    );
    expect(scenarioOf(changed, 'baseline').correlations).toEqual([
      { between: ['israel-iran.start', 'partnership.target'], rank: 0.8 }
    ]);
    keeps(doc, (d) => E.setCorrelation(d, 'baseline', 'israel-iran.start', 'partnership.target', 0.5));
    const removed = changes(doc, (d) =>
      E.setCorrelation(d, 'baseline', 'israel-iran.start', 'partnership.target', null)
    );
    expect(scenarioOf(removed, 'baseline')).not.toHaveProperty('correlations');
    // 0 keeps the pair (a rank typed key by key passes through it).
    const zero = changes(doc, (d) => E.setCorrelation(d, 'baseline', 'israel-iran.start', 'partnership.target', 0));
    expect(scenarioOf(zero, 'baseline').correlations).toEqual([
      { between: ['israel-iran.start', 'partnership.target'], rank: 0 }
    ]);
    keeps(doc, (d) => E.setCorrelation(d, 'deescalation', 'israel-iran.weight', 'diplomacy.weight', null));
  });

  it('refuses a plain number, the same input twice, a rank past ±0.99, and correlations that cannot hold together', () => {
    const doc = rich();
    refuses(doc, (d) => E.setCorrelation(d, 'baseline', 'sanctions.target', 'partnership.target', 0.5), 'not-found');
    refuses(doc, (d) => E.setCorrelation(d, 'baseline', 'partnership.target', 'partnership.target', 0.5), 'invalid');
    refuses(doc, (d) => E.setCorrelation(d, 'baseline', 'israel-iran.weight', 'partnership.weight', 1), 'out-of-range');
    const two = changes(doc, (d) => E.setCorrelation(d, 'baseline', 'israel-iran.start', 'israel-iran.weight', 0.6));
    const three = changes(two, (d) => E.setCorrelation(d, 'baseline', 'israel-iran.start', 'partnership.target', 0.6));
    refuses(
      three,
      (d) => E.setCorrelation(d, 'baseline', 'partnership.target', 'israel-iran.weight', -0.9),
      'correlation-conflict'
    );
  });

  it('a range made a plain number, or a factor deleted, takes its correlations with it; a factor renamed keeps them', () => {
    const doc = rich();
    const plain = changes(doc, (d) => E.setScenarioFactorRange(d, 'baseline', 'partnership', 'target', 70));
    expect(scenarioOf(plain, 'baseline')).not.toHaveProperty('correlations');
    const deleted = changes(doc, (d) => E.deleteFactor(d, 'israel-iran'));
    expect(scenarioOf(deleted, 'baseline')).not.toHaveProperty('correlations');
    const d0 = thawed(rich());
    d0.factors[2].id = 'factor3';
    for (const s of d0.scenarios) {
      s.factors.factor3 = s.factors.partnership;
      delete (s.factors as Record<string, unknown>).partnership;
    }
    d0.interactions = d0.interactions.map((i) => ({
      ...i,
      from: i.from === 'partnership' ? 'factor3' : i.from,
      to: i.to === 'partnership' ? 'factor3' : i.to
    }));
    d0.scenarios[0].events = d0.scenarios[0].events.map((e) => ({
      ...e,
      factor: e.factor === 'partnership' ? 'factor3' : e.factor
    }));
    d0.scenarios[0].correlations = [{ between: ['israel-iran.start', 'factor3.target'], rank: 0.5 }];
    const named = changes(valid(d0), (d) => E.renameFactor(d, 'factor3', { en: 'Partnership', ar: '' }));
    expect(scenarioOf(named, 'baseline').correlations).toEqual([
      { between: ['israel-iran.start', 'partnership.target'], rank: 0.5 }
    ]);
  });
});

describe('setInteractionRange (format version 2)', () => {
  it('makes a link’s strength a range and back; a typed strength keeps the range; 0 and unknown links are refused', () => {
    const doc = rich();
    const ranged = changes(doc, (d) =>
      E.setInteractionRange(d, 'sanctions', 'partnership', { low: 0.02, mode: 0.04, high: 0.1 })
    );
    expect(ranged.interactions[0]).toEqual({ ...doc.interactions[0], strength: { low: 0.02, mode: 0.04, high: 0.1 } });
    keeps(ranged, (d) => E.setInteractionRange(d, 'sanctions', 'partnership', { low: 0.02, mode: 0.04, high: 0.1 }));
    const typed = changes(ranged, (d) => E.setInteraction(d, 'sanctions', 'partnership', 0.2));
    expect(typed.interactions[0].strength).toEqual({ low: 0.02, mode: 0.2, high: 0.2 });
    expect(
      changes(ranged, (d) => E.setInteractionRange(d, 'sanctions', 'partnership', 0.04)).interactions[0].strength
    ).toBe(0.04);
    refuses(
      doc,
      (d) => E.setInteractionRange(d, 'sanctions', 'partnership', { low: -0.1, mode: 0, high: 0.1 }),
      'out-of-range'
    );
    refuses(doc, (d) => E.setInteractionRange(d, 'partnership', 'sanctions', 0.1), 'not-found');
    refuses(
      doc,
      (d) => E.setInteractionRange(d, 'sanctions', 'partnership', { low: 0.1, mode: 0.04, high: 0.2 }),
      'range-order'
    );
  });
});
