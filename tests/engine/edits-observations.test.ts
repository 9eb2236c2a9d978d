// Edits of a document with observations (format version 2): an observation goes with what it was
// about, follows an event's new id, and a timeline change that would leave one outside is refused.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as E from '../../src/engine/edits';
import type { MizanDoc, ObservationDef } from '../../src/engine/format';
import { changes, deepFreeze, refuses, thawed, valid } from './edits-helpers';

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
