// Edits of a document with observations (format version 2): an observation goes with what it was
// about, follows an event's new id, and a timeline change that would leave one outside is refused.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as E from '../../src/engine/edits';
import type { MizanDoc, ObservationDef } from '../../src/engine/format';
import { changes, deepFreeze, keeps, refuses, thawed, valid } from './edits-helpers';

const tracked = (): MizanDoc =>
  deepFreeze(JSON.parse(readFileSync('tests/fixtures/v2/tracked.mizan', 'utf8')) as MizanDoc);
const ids = (doc: MizanDoc) => doc.observations?.map((o) => o.id);

describe('edits keep the observations consistent', () => {
  it('deleting a factor drops the readings of it, and nothing else', () => {
    const next = changes(tracked(), (d) => E.deleteFactor(d, 'sanctions'));
    expect(ids(next)).toEqual(['talks-held', 't-2025-03', 's400-none']);
    // A factor no observation is about, nor any observed event: every observation stays.
    const other = changes(tracked(), (d) => E.deleteFactor(d, 'israel-iran'));
    expect(other.observations).toEqual(tracked().observations);
    // The factor of an observed event: the event goes, and its outcome with it.
    expect(ids(changes(tracked(), (d) => E.deleteFactor(d, 'diplomacy')))).toEqual([
      't-2025-03',
      'sanctions-2025-06',
      's400-none'
    ]);
  });

  it('an event outcome stays while some scenario has the event, and goes with the last one', () => {
    const one = changes(tracked(), (d) => E.deleteEvent(d, 'baseline', 's400'));
    expect(ids(one)).toContain('s400-none');
    const both = changes(one, (d) => E.deleteEvent(d, 'deescalation', 's400'));
    expect(ids(both)).toEqual(['talks-held', 't-2025-03', 'sanctions-2025-06']);
    // Deleting the scenario that alone had "talks" takes its outcome too.
    const noTalks = changes(tracked(), (d) => E.deleteScenario(d, 'deescalation'));
    expect(ids(noTalks)).toEqual(['t-2025-03', 'sanctions-2025-06', 's400-none']);
  });

  it('deleting an evidence card takes it off the observations that cite it', () => {
    const next = changes(tracked(), (d) => E.deleteEvidence(d, 'e1'));
    expect(next.observations![0]).not.toHaveProperty('evidence');
    expect(next.observations![0].id).toBe('talks-held');
  });

  it('deleting one of two cards an observation cites keeps the other; a card no observation cites leaves them all', () => {
    const d0 = thawed(tracked());
    d0.evidence.push({ ...d0.evidence[0], id: 'e8' });
    d0.observations![0] = { ...d0.observations![0], evidence: ['e1', 'e8'] };
    const doc = valid(d0);
    const next = changes(doc, (d) => E.deleteEvidence(d, 'e1'));
    expect(next.observations![0].evidence).toEqual(['e8']);
    const d1 = thawed(tracked());
    d1.evidence.push({ ...d1.evidence[0], id: 'e3' });
    const untouched = valid(d1);
    expect(changes(untouched, (d) => E.deleteEvidence(d, 'e3')).observations).toBe(untouched.observations);
  });

  it('an event’s settled id is followed by its outcomes, unless another scenario keeps the old id', () => {
    const d0 = thawed(tracked());
    const added = {
      id: 'event1',
      label: { en: 'Port strike', ar: '' },
      month: 3,
      factor: 'sanctions',
      shift: 5,
      probability: 0.5
    };
    d0.scenarios[0].events.push(added);
    const outcome: ObservationDef = { id: 'port', kind: 'event', month: '2025-02', event: 'event1', occurred: true };
    d0.observations!.push(outcome);
    const doc = valid(d0);
    const settled = changes(doc, (d) => E.settleEventId(d, 'baseline', 'event1'));
    expect(settled.observations!.at(-1)).toEqual({ ...outcome, event: 'port-strike' });
    // Every other observation, outcomes of other events and readings alike, is the same object.
    settled.observations!.slice(0, -1).forEach((o, k) => expect(o).toBe(doc.observations![k]));
    // The same automatic id in the other scenario too: the outcome stays with it.
    const d1 = thawed(doc);
    d1.scenarios[1].events.push({ ...added });
    const shared = valid(d1);
    const one = changes(shared, (d) => E.settleEventId(d, 'baseline', 'event1'));
    expect(one.observations!.at(-1)).toEqual(outcome);
  });

  it('a horizon or a start month that would leave an observation outside the timeline is refused', () => {
    // The latest observation is in 2026-10, month 24; the earliest in 2025-03.
    refuses(tracked(), (d) => E.setHorizon(d, 23), 'observations-outside');
    refuses(tracked(), (d) => E.setStartMonth(d, '2025-04'), 'observations-outside');
    refuses(tracked(), (d) => E.setStartMonth(d, '2024-09'), 'observations-outside');
    expect(changes(tracked(), (d) => E.setHorizon(d, 30)).horizonMonths).toBe(30);
    expect(changes(tracked(), (d) => E.setStartMonth(d, '2025-03')).startMonth).toBe('2025-03');
  });
});

const reading = (fields: Partial<ObservationDef> = {}): ObservationDef =>
  ({ id: 'obs1', kind: 'index', month: '2025-01', value: 40, ...fields }) as ObservationDef;
const observation = (doc: MizanDoc, id: string) => doc.observations?.find((o) => o.id === id);

describe('adding an observation', () => {
  it('records it at the end, in file order, with only the fields of its kind', () => {
    const next = changes(tracked(), (d) =>
      E.addObservation(d, {
        value: 62,
        month: '2025-02',
        kind: 'factor',
        factor: 'sanctions',
        uncertainty: 3,
        id: 'obs1',
        note: { en: 'Read off the news', ar: '' },
        evidence: ['e2', 'e2']
      })
    );
    expect(ids(next)).toEqual([...ids(tracked())!, 'obs1']);
    const added = next.observations!.at(-1)!;
    expect(Object.keys(added)).toEqual(['id', 'kind', 'month', 'factor', 'value', 'uncertainty', 'note', 'evidence']);
    expect(added).toMatchObject({ note: { en: 'Read off the news', ar: '' }, evidence: ['e2'] });
    // An event outcome keeps no value, even when given one.
    const outcome = changes(tracked(), (d) =>
      E.addObservation(d, { ...reading(), kind: 'event', event: 'kazan', occurred: false } as ObservationDef)
    );
    expect(outcome.observations!.at(-1)).toEqual({
      id: 'obs1',
      kind: 'event',
      month: '2025-01',
      event: 'kazan',
      occurred: false
    });
  });

  it('starts the list in a document that has none; an empty note, no evidence and no σ stay out', () => {
    const d0 = thawed(tracked());
    delete d0.observations;
    const next = changes(valid(d0), (d) =>
      E.addObservation(d, reading({ note: { en: '', ar: '' }, evidence: [], uncertainty: undefined }))
    );
    expect(next.observations).toEqual([reading()]);
  });

  it('the first free id is obs1, then obs2', () => {
    expect(E.newObservationId(tracked())).toBe('obs1');
    const next = changes(tracked(), (d) => E.addObservation(d, reading()));
    expect(E.newObservationId(next)).toBe('obs2');
  });

  it('refuses a month off the timeline, a value or σ out of range, and what names nothing', () => {
    const doc = tracked();
    // The timeline runs from 2024-10 to 2026-10.
    refuses(doc, (d) => E.addObservation(d, reading({ month: '2024-09' })), 'month-outside');
    refuses(doc, (d) => E.addObservation(d, reading({ month: '2026-11' })), 'month-outside');
    refuses(doc, (d) => E.addObservation(d, reading({ month: '2025-13' })), 'bad-month');
    refuses(doc, (d) => E.addObservation(d, reading({ value: 100.5 })), 'out-of-range');
    refuses(doc, (d) => E.addObservation(d, reading({ value: -1 })), 'out-of-range');
    refuses(doc, (d) => E.addObservation(d, reading({ value: NaN })), 'not-number');
    refuses(doc, (d) => E.addObservation(d, reading({ uncertainty: 0 })), 'out-of-range');
    refuses(doc, (d) => E.addObservation(d, reading({ uncertainty: 101 })), 'out-of-range');
    refuses(doc, (d) => E.addObservation(d, reading({ kind: 'factor', factor: 'nope' } as never)), 'not-found');
    refuses(doc, (d) => E.addObservation(d, reading({ kind: 'factor' })), 'not-found');
    refuses(
      doc,
      (d) => E.addObservation(d, { id: 'x', kind: 'event', month: '2025-01', event: 'nope', occurred: true }),
      'not-found'
    );
    refuses(doc, (d) => E.addObservation(d, reading({ evidence: ['e1', 'e9'] })), 'not-found');
    refuses(doc, (d) => E.addObservation(d, reading({ note: { en: 'x'.repeat(20_001), ar: '' } })), 'too-long');
    refuses(doc, (d) => E.addObservation(d, reading({ id: 't-2025-03' })), 'duplicate-id');
    refuses(doc, (d) => E.addObservation(d, reading({ id: 'Not an id' })), 'bad-id');
    refuses(doc, (d) => E.addObservation(d, reading({ kind: 'guess' } as never)), 'not-found');
    // Just inside the bounds: the timeline's ends, 0 and 100, a small σ.
    for (const fields of [{ month: '2024-10' }, { month: '2026-10' }, { value: 0 }, { value: 100, uncertainty: 0.1 }])
      changes(doc, (d) => E.addObservation(d, reading(fields)));
  });

  it('refuses the observation after the last the file may hold', () => {
    const d0 = thawed(tracked());
    d0.observations = Array.from({ length: 1000 }, (_, k) => reading({ id: `r${k}` }));
    refuses(valid(d0), (d) => E.addObservation(d, reading()), 'too-many');
  });
});

describe('changing an observation', () => {
  it('changes the fields patched, and gives the same document when nothing changes', () => {
    const next = changes(tracked(), (d) => E.updateObservation(d, 't-2025-03', { value: 61, month: '2025-04' }));
    expect(observation(next, 't-2025-03')).toEqual({
      ...observation(tracked(), 't-2025-03'),
      value: 61,
      month: '2025-04'
    });
    keeps(tracked(), (d) => E.updateObservation(d, 't-2025-03', { value: 55, uncertainty: undefined }));
    // The same fields in another order are the same observation.
    const d0 = thawed(tracked());
    d0.observations![1] = {
      value: 55,
      note: d0.observations![1].note,
      uncertainty: 6,
      month: '2025-03',
      kind: 'index',
      id: 't-2025-03'
    } as ObservationDef;
    keeps(valid(d0), (d) => E.updateObservation(d, 't-2025-03', { value: 55 }));
  });

  it('sees a change of any one field, of a reading and of an outcome', () => {
    const doc = tracked();
    const changed: [string, E.ObservationPatch][] = [
      ['t-2025-03', { month: '2025-05' }],
      ['t-2025-03', { value: 56 }],
      ['t-2025-03', { uncertainty: 7 }],
      ['t-2025-03', { note: { en: 'Another judgement.', ar: 'تقدير لا قياس.' } }],
      ['t-2025-03', { note: { en: 'A judgement, not a measurement.', ar: 'تقدير آخر.' } }],
      ['t-2025-03', { evidence: ['e1'] }],
      ['sanctions-2025-06', { factor: 'diplomacy' }],
      ['talks-held', { event: 's400' }],
      ['talks-held', { occurred: false }]
    ];
    for (const [id, patch] of changed) {
      const next = changes(doc, (d) => E.updateObservation(d, id, patch));
      expect(observation(next, id)).toMatchObject(patch);
    }
  });

  it('refuses a note that is not text in both languages or is too long in either, and evidence that is not a list', () => {
    const doc = tracked();
    const limit = 20_000;
    refuses(doc, (d) => E.updateObservation(d, 't-2025-03', { note: { en: 'x' } as never }), 'not-found');
    refuses(doc, (d) => E.updateObservation(d, 't-2025-03', { note: { ar: 'x' } as never }), 'not-found');
    refuses(
      doc,
      (d) => E.updateObservation(d, 't-2025-03', { note: { en: '', ar: 'x'.repeat(limit + 1) } }),
      'too-long'
    );
    changes(doc, (d) =>
      E.updateObservation(d, 't-2025-03', { note: { en: 'x'.repeat(limit), ar: 'x'.repeat(limit) } })
    );
    refuses(doc, (d) => E.updateObservation(d, 't-2025-03', { evidence: 'e1' as never }), 'not-found');
    // A card named twice is linked once.
    const twice = changes(doc, (d) => E.updateObservation(d, 't-2025-03', { evidence: ['e1', 'e1'] }));
    expect(observation(twice, 't-2025-03')).toMatchObject({ evidence: ['e1'] });
  });

  it('refuses to change or delete an observation that is not there, even with every field given', () => {
    const full = { kind: 'index' as const, month: '2025-01', value: 50 };
    refuses(tracked(), (d) => E.updateObservation(d, 'nope', full), 'not-found');
    const bare = { ...thawed(tracked()), observations: undefined };
    refuses(valid(bare), (d) => E.updateObservation(d, 't-2025-03', full), 'not-found');
    refuses(valid(bare), (d) => E.deleteObservation(d, 't-2025-03'), 'not-found');
  });

  it('refuses a note that is no object, and keeps a note written in one language only', () => {
    refuses(tracked(), (d) => E.updateObservation(d, 't-2025-03', { note: null as never }), 'not-found');
    for (const note of [
      { en: 'Only English.', ar: '' },
      { en: '', ar: 'بالعربية فقط.' }
    ]) {
      const next = changes(tracked(), (d) => E.updateObservation(d, 't-2025-03', { note }));
      expect(observation(next, 't-2025-03')).toMatchObject({ note });
    }
  });

  it('refuses another kind on a reading of a factor, though it names one', () => {
    refuses(tracked(), (d) => E.updateObservation(d, 'sanctions-2025-06', { kind: 'guess' as never }), 'not-found');
  });

  it('refuses a kind that is none of the three, and an outcome without whether it happened', () => {
    refuses(tracked(), (d) => E.updateObservation(d, 't-2025-03', { kind: 'guess' as never }), 'not-found');
    refuses(tracked(), (d) => E.updateObservation(d, 't-2025-03', { kind: 'event', event: 's400' }), 'invalid');
    refuses(tracked(), (d) => E.updateObservation(d, 'talks-held', { kind: 'index' }), 'not-number');
  });

  it('σ null goes back to the default; an empty note and no evidence leave the file', () => {
    const next = changes(tracked(), (d) =>
      E.updateObservation(d, 'talks-held', { note: { en: '', ar: '' }, evidence: [] })
    );
    expect(observation(next, 'talks-held')).toEqual({
      id: 'talks-held',
      kind: 'event',
      month: '2026-10',
      event: 'talks',
      occurred: true
    });
    const noSigma = changes(tracked(), (d) => E.updateObservation(d, 't-2025-03', { uncertainty: null }));
    expect(observation(noSigma, 't-2025-03')).not.toHaveProperty('uncertainty');
    const linked = changes(tracked(), (d) => E.updateObservation(d, 't-2025-03', { evidence: ['e2', 'e1'] }));
    expect(observation(linked, 't-2025-03')!.evidence).toEqual(['e2', 'e1']);
  });

  it('a new kind keeps what the kinds share and takes the rest from the patch', () => {
    const asFactor = changes(tracked(), (d) =>
      E.updateObservation(d, 't-2025-03', { kind: 'factor', factor: 'diplomacy' })
    );
    expect(observation(asFactor, 't-2025-03')).toEqual({
      id: 't-2025-03',
      kind: 'factor',
      month: '2025-03',
      factor: 'diplomacy',
      value: 55,
      uncertainty: 6,
      note: { en: 'A judgement, not a measurement.', ar: 'تقدير لا قياس.' }
    });
    const asIndex = changes(tracked(), (d) => E.updateObservation(d, 'sanctions-2025-06', { kind: 'index' }));
    expect(observation(asIndex, 'sanctions-2025-06')).toEqual({
      id: 'sanctions-2025-06',
      kind: 'index',
      month: '2025-06',
      value: 70
    });
    const asEvent = changes(tracked(), (d) =>
      E.updateObservation(d, 't-2025-03', { kind: 'event', event: 's400', occurred: true })
    );
    expect(observation(asEvent, 't-2025-03')).toEqual({
      id: 't-2025-03',
      kind: 'event',
      month: '2025-03',
      event: 's400',
      occurred: true,
      note: { en: 'A judgement, not a measurement.', ar: 'تقدير لا قياس.' }
    });
    const reading2 = changes(tracked(), (d) => E.updateObservation(d, 's400-none', { kind: 'index', value: 30 }));
    expect(observation(reading2, 's400-none')).toEqual({ id: 's400-none', kind: 'index', month: '2025-12', value: 30 });
    // What the new kind needs and the patch does not give.
    refuses(tracked(), (d) => E.updateObservation(d, 't-2025-03', { kind: 'factor' }), 'not-found');
    refuses(tracked(), (d) => E.updateObservation(d, 't-2025-03', { kind: 'event', event: 's400' }), 'invalid');
    refuses(tracked(), (d) => E.updateObservation(d, 's400-none', { kind: 'index' }), 'not-number');
  });

  it('refuses what adding would refuse, and an observation that is not there', () => {
    refuses(tracked(), (d) => E.updateObservation(d, 't-2025-03', { month: '2026-11' }), 'month-outside');
    refuses(tracked(), (d) => E.updateObservation(d, 't-2025-03', { value: 101 }), 'out-of-range');
    refuses(tracked(), (d) => E.updateObservation(d, 't-2025-03', { uncertainty: -2 }), 'out-of-range');
    refuses(tracked(), (d) => E.updateObservation(d, 'sanctions-2025-06', { factor: 'nope' }), 'not-found');
    refuses(tracked(), (d) => E.updateObservation(d, 'talks-held', { event: 'nope' }), 'not-found');
    refuses(tracked(), (d) => E.updateObservation(d, 'talks-held', { evidence: ['e3'] }), 'not-found');
    refuses(tracked(), (d) => E.updateObservation(d, 'nope', { value: 1 }), 'not-found');
  });
});

describe('deleting an observation', () => {
  it('takes it out; the last one takes the list with it', () => {
    const next = changes(tracked(), (d) => E.deleteObservation(d, 't-2025-03'));
    expect(ids(next)).toEqual(['talks-held', 'sanctions-2025-06', 's400-none']);
    let doc = next;
    for (const id of ids(next)!) doc = changes(doc, (d) => E.deleteObservation(d, id));
    expect(doc).not.toHaveProperty('observations');
    refuses(tracked(), (d) => E.deleteObservation(d, 'nope'), 'not-found');
  });
});

describe('a scenario’s prior probability', () => {
  const prior = (doc: MizanDoc, id: string) => doc.scenarios.find((s) => s.id === id)!.probability;

  it('sets it, removes it with null, and gives the same document when it is already that', () => {
    expect(
      prior(
        changes(tracked(), (d) => E.setScenarioProbability(d, 'baseline', 0.25)),
        'baseline'
      )
    ).toBe(0.25);
    const removed = changes(tracked(), (d) => E.setScenarioProbability(d, 'baseline', null));
    expect(removed.scenarios[0]).not.toHaveProperty('probability');
    keeps(tracked(), (d) => E.setScenarioProbability(d, 'baseline', 0.6));
    keeps(removed, (d) => E.setScenarioProbability(d, 'baseline', null));
    expect(
      prior(
        changes(removed, (d) => E.setScenarioProbability(d, 'baseline', 0)),
        'baseline'
      )
    ).toBe(0);
  });

  it('refuses a probability outside 0..1, a scenario that is not there, and all of them at zero', () => {
    refuses(tracked(), (d) => E.setScenarioProbability(d, 'baseline', 1.01), 'out-of-range');
    refuses(tracked(), (d) => E.setScenarioProbability(d, 'baseline', -0.1), 'out-of-range');
    refuses(tracked(), (d) => E.setScenarioProbability(d, 'baseline', NaN), 'not-number');
    refuses(tracked(), (d) => E.setScenarioProbability(d, 'nope', 0.5), 'not-found');
    const one = changes(tracked(), (d) => E.setScenarioProbability(d, 'baseline', 0));
    refuses(one, (d) => E.setScenarioProbability(d, 'deescalation', 0), 'zero-priors');
    // Deleting the one scenario with odds above zero would leave none.
    refuses(one, (d) => E.deleteScenario(d, 'deescalation'), 'zero-priors');
    expect(changes(one, (d) => E.deleteScenario(d, 'baseline')).scenarios).toHaveLength(1);
  });
});
