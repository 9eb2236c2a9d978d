// Ids made from names in the store: a scenario first named takes a new id and the view (the
// selected and compared scenarios) follows it, through undo and redo too; an event's id settled
// from its name joins the undo step of the typing of that name.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument, validateDocument } from '../../src/engine/format';
import { createDocumentStore } from '../../src/renderer/src/state/document';
import { followedId } from '../../src/renderer/src/state/followScenarios';

const ASHGABAT = readFileSync('resources/scenarios/ashgabat-2024.mizan', 'utf8');
const name = (en: string, ar = '') => ({ en, ar });

function setup() {
  let time = 1_000_000;
  const store = createDocumentStore({ now: () => time });
  store.getState().openDocument(loadDocument(ASHGABAT, { fileName: 'ashgabat-2024.mizan' }));
  return {
    s: () => store.getState(),
    ids: () => store.getState().document!.scenarios.map((sc) => sc.id),
    past: () => store.temporal.getState().pastStates.length,
    advance: (ms: number) => {
      time += ms;
    }
  };
}

describe('followedId', () => {
  it('keeps an id still there, takes the one at its place when only ids changed, else null', () => {
    expect(followedId('b', ['a', 'b'], ['b', 'c'])).toBe('b');
    expect(followedId('b', ['a', 'b', 'c'], ['a', 'x', 'c'])).toBe('x');
    expect(followedId('b', ['a', 'b', 'c'], ['a', 'c'])).toBeNull();
    expect(followedId('z', ['a', 'b'], ['a', 'c'])).toBeNull();
  });
});

describe('a scenario first named: the view follows its new id', () => {
  it('selected and compared follow the rename, its undo and its redo', () => {
    const t = setup();
    expect(t.s().addScenario({ name: name('New scenario 4') })).toMatchObject({ ok: true, id: 'scenario1' });
    t.s().setCompared(['escalation', 'scenario1']);
    expect(t.s().view).toMatchObject({ scenarioId: 'scenario1', compared: ['escalation', 'scenario1'] });

    t.advance(5000);
    expect(t.s().renameScenario('scenario1', name('Escalation', 'تصعيد'))).toMatchObject({ ok: true, changed: true });
    // "escalation" is taken by the sample's second scenario.
    expect(t.ids()).toEqual(['baseline', 'escalation', 'deescalation', 'escalation-2']);
    expect(t.s().view).toMatchObject({ scenarioId: 'escalation-2', compared: ['escalation', 'escalation-2'] });
    expect(validateDocument(t.s().document!).ok).toBe(true);

    t.s().undo();
    expect(t.ids().at(-1)).toBe('scenario1');
    expect(t.s().view).toMatchObject({ scenarioId: 'scenario1', compared: ['escalation', 'scenario1'] });
    t.s().redo();
    expect(t.s().view).toMatchObject({ scenarioId: 'escalation-2', compared: ['escalation', 'escalation-2'] });
  });

  it('another scenario selected stays selected; undoing an added scenario still falls back', () => {
    const t = setup();
    t.s().addScenario({ name: name('', 'سيناريو جديد') });
    t.s().selectScenario('deescalation');
    t.s().renameScenario('scenario1', name('', 'هدنة'));
    expect(t.ids().at(-1)).toBe('hdna');
    expect(t.s().view.scenarioId).toBe('deescalation');
    t.s().undo();
    t.s().undo();
    expect(t.ids()).toEqual(['baseline', 'escalation', 'deescalation']);
    expect(t.s().view.scenarioId).toBe('deescalation');
  });
});

describe("an event's id settled from its name", () => {
  const addEvent = (t: ReturnType<typeof setup>) => {
    const result = t.s().addEvent('escalation', {
      label: name('New event'),
      month: 2,
      factor: 'arms',
      shift: 5,
      probability: 0.5
    });
    expect(result).toMatchObject({ ok: true, id: 'event1' });
  };
  const last = (t: ReturnType<typeof setup>) => t.s().document!.scenarios[1].events.at(-1)!;

  it('joins the typing of the name in one undo step, however late the name is left', () => {
    const t = setup();
    addEvent(t);
    const added = t.s().document;
    t.advance(5000);
    for (const text of ['P', 'Po', 'Port strike']) t.s().updateEvent('escalation', 'event1', { label: name(text) });
    t.advance(60_000);
    expect(t.s().settleEventId('escalation', 'event1')).toMatchObject({ ok: true, changed: true });
    expect(last(t)).toMatchObject({ id: 'port-strike', label: name('Port strike') });
    expect(t.past()).toBe(2);
    t.s().undo();
    expect(t.s().document).toBe(added);
    t.s().redo();
    expect(last(t).id).toBe('port-strike');
  });

  it('is a step of its own after another edit, and changes nothing the second time', () => {
    const t = setup();
    addEvent(t);
    t.s().updateEvent('escalation', 'event1', { label: name('', 'إغلاق المضيق') });
    t.s().updateEvent('escalation', 'event1', { shift: 7 });
    const steps = t.past();
    t.s().settleEventId('escalation', 'event1');
    expect(last(t).id).toBe('aghlaq-al-mdyq');
    expect(t.past()).toBe(steps + 1);
    expect(t.s().settleEventId('escalation', 'aghlaq-al-mdyq')).toEqual({ ok: true, changed: false });
  });
});
