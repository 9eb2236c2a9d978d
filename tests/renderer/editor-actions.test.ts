// The editor's actions on the document store: each one's effect, refusals, undo/redo and
// coalescing, and a property test: random sequences of actions always leave a valid document.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadDocument, validateDocument, type MizanDoc, type ScenarioEventDef } from '../../src/engine/format';
import { createDocumentStore, editKeys, isDirty, type EditResult } from '../../src/renderer/src/state/document';
import { SCENARIO_COLORS, weightsDefined } from '../../src/engine/edits';

const ASHGABAT = readFileSync('tests/fixtures/as-first-written/ashgabat-2024.mizan', 'utf8');

function setup(options: { validate?: boolean } = {}) {
  let time = 1_000_000;
  const store = createDocumentStore({ now: () => time, ...options });
  const loaded = loadDocument(ASHGABAT, { fileName: 'ashgabat-2024.mizan' });
  store.getState().openDocument(loaded, { fileName: 'ashgabat-2024.mizan' });
  return {
    store,
    s: () => store.getState(),
    doc: () => store.getState().document!,
    advance: (ms = 5000) => {
      time += ms;
    },
    past: () => store.temporal.getState().pastStates.length
  };
}

type T = ReturnType<typeof setup>;
const factor = (t: T, id: string) => t.doc().factors.find((f) => f.id === id)!;
const scenario = (t: T, id: string) => t.doc().scenarios.find((s) => s.id === id)!;
const valid = (doc: MizanDoc) => {
  const result = validateDocument(doc);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return true;
};
const refused = (result: EditResult, reason: string) => expect(result).toEqual({ ok: false, reason });

/** Runs an action, checks it made one undo step that undo reverts and redo replays. */
function undoable(t: T, action: () => EditResult): EditResult {
  const before = t.doc();
  const steps = t.past();
  const result = action();
  expect(result.ok).toBe(true);
  const after = t.doc();
  expect(after).not.toBe(before);
  expect(valid(after)).toBe(true);
  expect(t.past()).toBe(steps + 1);
  t.s().undo();
  expect(t.doc()).toBe(before);
  t.s().redo();
  expect(t.doc()).toBe(after);
  t.advance();
  return result;
}

describe('factor actions', () => {
  let t: T;
  beforeEach(() => {
    t = setup();
  });

  it('addFactor: a unique id, both labels, direction, weight and an entry in every scenario', () => {
    const result = undoable(t, () =>
      t.s().addFactor({ label: { en: 'Oil price', ar: 'سعر النفط' }, direction: -1, weight: 3 })
    );
    expect(result).toMatchObject({ ok: true, id: 'factor1' });
    const f = factor(t, 'factor1');
    expect(f).toEqual({ id: 'factor1', label: { en: 'Oil price', ar: 'سعر النفط' }, direction: -1, weight: 3 });
    for (const s of t.doc().scenarios)
      expect(s.factors.factor1).toEqual({ start: 50, target: 50, pace: 0.1, volatility: 3 });
    expect(t.s().addFactor({ label: { en: 'Two', ar: '' } })).toMatchObject({ ok: true, id: 'factor2' });
    expect(factor(t, 'factor2')).toMatchObject({ direction: 1, weight: 5 });
    refused(t.s().addFactor({ label: { en: ' ', ar: '' } }), 'empty-label');
    refused(t.s().addFactor({ label: { en: 'x', ar: '' }, weight: 11 }), 'out-of-range');
  });

  it('addFactor stops at the limit of 60 factors', () => {
    for (let i = t.doc().factors.length; i < 60; i++)
      expect(t.s().addFactor({ label: { en: `F${i}`, ar: '' } }).ok).toBe(true);
    refused(t.s().addFactor({ label: { en: 'one too many', ar: '' } }), 'too-many');
  });

  it('renameFactor sets both languages; typing merges into one step; an empty name is refused', () => {
    undoable(t, () => t.s().renameFactor('arms', { en: 'Arms', ar: 'السلاح' }));
    expect(factor(t, 'arms').label).toEqual({ en: 'Arms', ar: 'السلاح' });
    const steps = t.past();
    t.s().renameFactor('arms', { en: 'Arms t', ar: 'السلاح' });
    t.s().renameFactor('arms', { en: 'Arms tr', ar: 'السلاح' });
    expect(t.past()).toBe(steps + 1);
    refused(t.s().renameFactor('arms', { en: '', ar: '  ' }), 'empty-label');
    refused(t.s().renameFactor('arms', { en: 'x'.repeat(501), ar: '' }), 'too-long');
    refused(t.s().renameFactor('nope', { en: 'x', ar: '' }), 'not-found');
  });

  it('setFactorDescription sets both languages; typing merges into one step; both empty leave it out of the file', () => {
    const original = factor(t, 'arms').description;
    expect(original?.en).not.toBe('');
    undoable(t, () => t.s().setFactorDescription('arms', { en: 'Deliveries of S-400 and Su-35', ar: 'تسليم' }));
    expect(factor(t, 'arms').description).toEqual({ en: 'Deliveries of S-400 and Su-35', ar: 'تسليم' });
    expect(t.s().setFactorDescription('arms', { en: 'Deliveries of S-400 and Su-35', ar: 'تسليم' })).toEqual({
      ok: true,
      changed: false
    });

    // Typing, key after key: one undo step back to the description before the run.
    const before = t.doc();
    const steps = t.past();
    t.s().setFactorDescription('arms', { en: 'D', ar: 'تسليم' });
    t.s().setFactorDescription('arms', { en: '', ar: 'تسليم' });
    t.s().setFactorDescription('arms', { en: '', ar: '' });
    expect(t.past()).toBe(steps + 1);
    expect(factor(t, 'arms')).not.toHaveProperty('description');
    expect(valid(t.doc())).toBe(true);
    t.s().undo();
    expect(t.doc()).toBe(before);

    // A factor without a description gets one; an empty one stays absent.
    t.advance();
    undoable(t, () => t.s().setFactorDescription('arms', { en: '', ar: '' }));
    expect(t.s().setFactorDescription('arms', { en: '', ar: '' })).toEqual({ ok: true, changed: false });
    undoable(t, () => t.s().setFactorDescription('arms', { en: '', ar: 'صفقات السلاح' }));
    expect(factor(t, 'arms').description).toEqual({ en: '', ar: 'صفقات السلاح' });

    refused(t.s().setFactorDescription('arms', { en: 'x'.repeat(20_001), ar: '' }), 'too-long');
    refused(t.s().setFactorDescription('nope', { en: 'x', ar: '' }), 'not-found');
  });

  it('setFactorDirection flips a factor; the same direction is no step', () => {
    undoable(t, () => t.s().setFactorDirection('energy', 1));
    expect(factor(t, 'energy').direction).toBe(1);
    expect(t.s().setFactorDirection('energy', 1)).toEqual({ ok: true, changed: false });
  });

  it('setFactorWeight refuses to make every weight zero (the index would be undefined)', () => {
    t.s().newDocument();
    refused(t.s().setFactorWeight('factor1', 0), 'zero-weights');
    expect(t.doc().factors[0].weight).toBe(5);
  });

  it('setFactorWeightRange turns a number into a range and back, keeping low ≤ mode ≤ high', () => {
    undoable(t, () => t.s().setFactorWeightRange('partnership', { low: 4, mode: 5, high: 7 }));
    expect(factor(t, 'partnership').weight).toEqual({ low: 4, mode: 5, high: 7 });
    undoable(t, () => t.s().setFactorWeightRange('partnership', 5));
    expect(factor(t, 'partnership').weight).toBe(5);
    refused(t.s().setFactorWeightRange('partnership', { low: 6, mode: 5, high: 7 }), 'range-order');
    refused(t.s().setFactorWeightRange('partnership', { low: 4, mode: 5, high: 12 }), 'out-of-range');
    refused(t.s().setFactorWeightRange('partnership', Number.NaN), 'not-number');
    // low and high typed one after the other make one step
    const steps = t.past();
    t.s().setFactorWeightRange('drones', { low: 3, mode: 4, high: 4 });
    t.s().setFactorWeightRange('drones', { low: 3, mode: 4, high: 6 });
    expect(t.past()).toBe(steps + 1);
  });

  it('moveFactor reorders, stops at the ends, and arrow-quick moves make one step', () => {
    const ids = () => t.doc().factors.map((f) => f.id);
    undoable(t, () => t.s().moveFactor('partnership', -1));
    expect(ids().slice(0, 2)).toEqual(['partnership', 'sanctions']);
    expect(t.s().moveFactor('partnership', -1)).toEqual({ ok: true, changed: false });
    const steps = t.past();
    t.s().moveFactor('sanctions', 1);
    t.s().moveFactor('sanctions', 1);
    expect(ids().slice(0, 4)).toEqual(['partnership', 'arms', 'drones', 'sanctions']);
    expect(t.past()).toBe(steps + 1);
    t.s().moveFactor('arab', 5);
    expect(ids().at(-1)).toBe('arab');
  });

  it('deleteFactor removes its interactions, events, scenario entries and weight overrides; undo brings all back', () => {
    const before = t.doc();
    expect(before.interactions.some((i) => i.from === 'hezbollah' || i.to === 'hezbollah')).toBe(true);
    expect(scenario(t, 'escalation').weights?.hezbollah).toBeDefined();
    undoable(t, () => t.s().deleteFactor('hezbollah'));
    const doc = t.doc();
    expect(doc.factors.some((f) => f.id === 'hezbollah')).toBe(false);
    expect(doc.interactions.some((i) => i.from === 'hezbollah' || i.to === 'hezbollah')).toBe(false);
    for (const s of doc.scenarios) {
      expect(s.factors.hezbollah).toBeUndefined();
      expect(s.weights?.hezbollah).toBeUndefined();
      expect(s.events.some((e) => e.factor === 'hezbollah')).toBe(false);
    }
    // escalation had only the hezbollah override: its weights record is gone
    expect('weights' in scenario(t, 'escalation')).toBe(false);
    t.s().undo();
    expect(t.doc()).toBe(before);
  });

  it('deleteFactor never deletes the last factor, nor leaves only zero weights', () => {
    t.s().newDocument();
    refused(t.s().deleteFactor('factor1'), 'last-factor');
    t.s().addFactor({ label: { en: 'Zero', ar: '' }, weight: 0 });
    refused(t.s().deleteFactor('factor1'), 'zero-weights');
    refused(t.s().deleteFactor('nope'), 'not-found');
  });
});

describe('scenario actions', () => {
  let t: T;
  beforeEach(() => {
    t = setup();
  });

  it('addScenario: a new id and colour, starts as in the first scenario, held there; selected', () => {
    const result = t.s().addScenario({ name: { en: 'Scenario 4', ar: 'السيناريو 4' } });
    expect(result).toMatchObject({ ok: true, id: 'scenario1' });
    expect(t.s().view.scenarioId).toBe('scenario1');
    expect(valid(t.doc())).toBe(true);
    const s = scenario(t, 'scenario1');
    expect(s.color).toBe(SCENARIO_COLORS[3]);
    expect(s.events).toEqual([]);
    const base = scenario(t, 'baseline');
    for (const f of t.doc().factors) {
      expect(s.factors[f.id].start).toEqual(base.factors[f.id].start);
      expect(typeof s.factors[f.id].target).toBe('number');
    }
    // undo takes the selection back to a scenario that exists
    t.s().undo();
    expect(t.doc().scenarios).toHaveLength(3);
    expect(t.s().view.scenarioId).toBe('baseline');
    t.s().redo();
    expect(t.doc().scenarios).toHaveLength(4);
  });

  it('addScenario joins an explicit comparison, and the limit is 20 scenarios', () => {
    t.s().setCompared(['baseline']);
    t.s().addScenario({ name: { en: 'New', ar: '' } });
    expect(t.s().view.compared).toEqual(['baseline', 'scenario1']);
    for (let i = t.doc().scenarios.length; i < 20; i++)
      expect(t.s().addScenario({ name: { en: `S${i}`, ar: '' } }).ok).toBe(true);
    refused(t.s().addScenario({ name: { en: 'too many', ar: '' } }), 'too-many');
  });

  it('duplicateScenario copies everything right after it, with a new id, its named events keeping theirs', () => {
    const result = undoable(t, () =>
      t.s().duplicateScenario('escalation', { name: { en: 'Escalation (copy)', ar: 'التصعيد (نسخة)' } })
    );
    const doc = t.doc();
    expect(doc.scenarios.map((s) => s.id)).toEqual([
      'baseline',
      'escalation',
      result.ok ? result.id : '',
      'deescalation'
    ]);
    const copy = doc.scenarios[2];
    const original = doc.scenarios[1];
    expect(copy.factors).toEqual(original.factors);
    expect(copy.weights).toEqual(original.weights);
    expect(copy.events.length).toBe(original.events.length);
    // The same real-world events: an outcome recorded of one applies to both scenarios.
    expect(copy.events).toEqual(original.events);
    expect(copy.events[0]).not.toBe(original.events[0]);
    // the copy's ranges are its own objects
    expect(copy.factors.sanctions).not.toBe(original.factors.sanctions);
    refused(t.s().duplicateScenario('nope', { name: { en: 'x', ar: '' } }), 'not-found');
  });

  it('renameScenario, setScenarioColor, setScenarioNotes', () => {
    undoable(t, () => t.s().renameScenario('baseline', { en: 'Status quo', ar: 'الوضع القائم' }));
    expect(scenario(t, 'baseline').name).toEqual({ en: 'Status quo', ar: 'الوضع القائم' });
    refused(t.s().renameScenario('baseline', { en: '', ar: '' }), 'empty-label');

    undoable(t, () => t.s().setScenarioColor('baseline', '#AA3377'));
    expect(scenario(t, 'baseline').color).toBe('#aa3377');
    refused(t.s().setScenarioColor('baseline', 'red'), 'bad-color');
    // dragging through the colour picker is one step
    const steps = t.past();
    t.s().setScenarioColor('baseline', '#aa3378');
    t.s().setScenarioColor('baseline', '#aa3379');
    expect(t.past()).toBe(steps + 1);

    undoable(t, () => t.s().setScenarioNotes('baseline', 'Assumes no strike on nuclear sites.'));
    expect(scenario(t, 'baseline').notes).toBe('Assumes no strike on nuclear sites.');
    t.advance();
    t.s().setScenarioNotes('baseline', '');
    expect('notes' in scenario(t, 'baseline')).toBe(false);
    refused(t.s().setScenarioNotes('baseline', 'x'.repeat(20_001)), 'too-long');
  });

  it('deleteScenario: not the last one; the selection moves to a neighbour; undo restores', () => {
    t.s().selectScenario('escalation');
    undoable(t, () => t.s().deleteScenario('escalation'));
    expect(t.s().view.scenarioId).toBe('deescalation');
    t.s().deleteScenario('deescalation');
    expect(t.s().view.scenarioId).toBe('baseline');
    refused(t.s().deleteScenario('baseline'), 'last-scenario');
  });

  it('deleting a compared scenario drops it from the comparison (at least one stays)', () => {
    t.s().setCompared(['escalation']);
    t.s().deleteScenario('escalation');
    expect(t.s().view.compared).toBeNull();
    t.s().setCompared(['baseline', 'deescalation']);
    t.s().deleteScenario('baseline');
    expect(t.s().view.compared).toEqual(['deescalation']);
  });

  it('setScenarioFactor sets start/target (the mode of a range), pace and volatility; out of range is refused', () => {
    // baseline.arms.start is a range in the sample: { low: 25, mode: 30, high: 40 }
    expect(scenario(t, 'baseline').factors.arms.start).toEqual({ low: 25, mode: 30, high: 40 });
    undoable(t, () => t.s().setScenarioFactor('baseline', 'partnership', 'start', 70));
    expect(scenario(t, 'baseline').factors.partnership.start).toBe(70);
    undoable(t, () => t.s().setScenarioFactor('baseline', 'arms', 'start', 50));
    expect(scenario(t, 'baseline').factors.arms.start).toEqual({ low: 25, mode: 50, high: 50 });
    undoable(t, () => t.s().setScenarioFactor('baseline', 'partnership', 'target', 10));
    undoable(t, () => t.s().setScenarioFactor('baseline', 'partnership', 'pace', 0.5));
    undoable(t, () => t.s().setScenarioFactor('baseline', 'partnership', 'volatility', 12));
    // the target was the range 60/70/80: its mode moved to 10 and its low followed
    expect(scenario(t, 'baseline').factors.partnership).toEqual({
      start: 70,
      target: { low: 10, mode: 10, high: 80 },
      pace: 0.5,
      volatility: 12
    });
    refused(t.s().setScenarioFactor('baseline', 'partnership', 'start', 101), 'out-of-range');
    refused(t.s().setScenarioFactor('baseline', 'partnership', 'pace', 1.5), 'out-of-range');
    refused(t.s().setScenarioFactor('baseline', 'partnership', 'volatility', -1), 'out-of-range');
    refused(t.s().setScenarioFactor('baseline', 'nope', 'start', 5), 'not-found');
    refused(t.s().setScenarioFactor('nope', 'partnership', 'start', 5), 'not-found');
  });

  it('a start slider drag (a gesture with the action’s key) is one undo step', () => {
    const key = editKeys.level('baseline', 'partnership', 'start');
    const steps = t.past();
    t.s().beginGesture(key);
    for (const v of [51, 55, 60, 64]) {
      t.s().setScenarioFactor('baseline', 'partnership', 'start', v);
      t.advance(2000);
    }
    t.s().endGesture();
    expect(t.past()).toBe(steps + 1);
    t.s().undo();
    expect(scenario(t, 'baseline').factors.partnership.start).not.toBe(64);
  });

  it('setScenarioFactorRange: number ↔ range for start and target', () => {
    undoable(t, () =>
      t.s().setScenarioFactorRange('baseline', 'partnership', 'target', { low: 40, mode: 50, high: 70 })
    );
    expect(scenario(t, 'baseline').factors.partnership.target).toEqual({ low: 40, mode: 50, high: 70 });
    undoable(t, () => t.s().setScenarioFactorRange('baseline', 'partnership', 'target', 50));
    expect(scenario(t, 'baseline').factors.partnership.target).toBe(50);
    refused(
      t.s().setScenarioFactorRange('baseline', 'partnership', 'start', { low: 60, mode: 50, high: 70 }),
      'range-order'
    );
  });

  it('setWeightOverride: number, range, or null to use the base weight', () => {
    undoable(t, () => t.s().setWeightOverride('baseline', 'arms', 2));
    expect(scenario(t, 'baseline').weights).toEqual({ arms: 2 });
    undoable(t, () => t.s().setWeightOverride('baseline', 'arms', { low: 1, mode: 2, high: 3 }));
    undoable(t, () => t.s().setWeightOverride('baseline', 'arms', null));
    expect('weights' in scenario(t, 'baseline')).toBe(false);
    expect(t.s().setWeightOverride('baseline', 'arms', null)).toEqual({ ok: true, changed: false });
    refused(t.s().setWeightOverride('baseline', 'arms', 10.5), 'out-of-range');
  });

  it('setWeightOverride refuses zero weights for every factor of a scenario', () => {
    t.s().newDocument();
    refused(t.s().setWeightOverride('baseline', 'factor1', 0), 'zero-weights');
  });

  it('setCompared and selectScenario are view state, never undo steps, and keep to existing scenarios', () => {
    const steps = t.past();
    t.s().setCompared(['escalation', 'nope']);
    expect(t.s().view.compared).toEqual(['escalation']);
    t.s().setCompared([]);
    expect(t.s().view.compared).toBeNull();
    t.s().selectScenario('nope');
    expect(t.s().view.scenarioId).toBe('baseline');
    expect(t.past()).toBe(steps);
  });
});

describe('interaction actions', () => {
  let t: T;
  beforeEach(() => {
    t = setup();
  });

  it('setInteraction adds, changes and removes (null or 0); never a factor on itself', () => {
    undoable(t, () => t.s().setInteraction('arab', 'energy', -0.3));
    expect(t.doc().interactions.at(-1)).toEqual({ from: 'arab', to: 'energy', strength: -0.3 });
    undoable(t, () => t.s().setInteraction('sanctions', 'partnership', 0.5));
    const edited = t.doc().interactions.find((i) => i.from === 'sanctions' && i.to === 'partnership')!;
    expect(edited.strength).toBe(0.5);
    expect(edited.evidence).toEqual(['e7', 'e13', 'e17']);
    undoable(t, () => t.s().setInteraction('sanctions', 'partnership', 0));
    expect(t.doc().interactions.some((i) => i.from === 'sanctions' && i.to === 'partnership')).toBe(false);
    undoable(t, () => t.s().setInteraction('arab', 'energy', null));
    expect(t.s().setInteraction('arab', 'energy', null)).toEqual({ ok: true, changed: false });
    refused(t.s().setInteraction('arab', 'arab', 0.1), 'self-interaction');
    refused(t.s().setInteraction('arab', 'energy', 1.2), 'out-of-range');
    refused(t.s().setInteraction('arab', 'nope', 0.1), 'not-found');
  });
});

describe('event actions', () => {
  let t: T;
  const event: Omit<ScenarioEventDef, 'id'> = {
    label: { en: 'Summit', ar: 'قمة' },
    month: 6,
    factor: 'partnership',
    shift: 10,
    probability: 0.5
  };
  beforeEach(() => {
    t = setup();
  });

  it('addEvent gives a document-wide unique id', () => {
    const result = undoable(t, () => t.s().addEvent('baseline', event));
    expect(result).toMatchObject({ id: 'event1' });
    expect(scenario(t, 'baseline').events.at(-1)).toEqual({ id: 'event1', ...event });
    expect(t.s().addEvent('escalation', event)).toMatchObject({ id: 'event2' });
    refused(t.s().addEvent('baseline', { ...event, month: 25 }), 'out-of-range');
    refused(t.s().addEvent('baseline', { ...event, month: 0 }), 'out-of-range');
    refused(t.s().addEvent('baseline', { ...event, month: 2.5 }), 'not-whole');
    refused(t.s().addEvent('baseline', { ...event, factor: 'nope' }), 'not-found');
    refused(t.s().addEvent('baseline', { ...event, shift: 101 }), 'out-of-range');
    refused(t.s().addEvent('baseline', { ...event, probability: -0.1 }), 'out-of-range');
    refused(t.s().addEvent('baseline', { ...event, label: { en: '', ar: '' } }), 'empty-label');
  });

  it('updateEvent changes month, factor, shift, probability and labels', () => {
    const id = scenario(t, 'baseline').events[0].id;
    undoable(t, () => t.s().updateEvent('baseline', id, { month: 3, factor: 'arms', shift: -20, probability: 0.25 }));
    expect(scenario(t, 'baseline').events[0]).toMatchObject({
      month: 3,
      factor: 'arms',
      shift: -20,
      probability: 0.25
    });
    undoable(t, () => t.s().updateEvent('baseline', id, { label: { en: 'Renamed', ar: 'معدل' } }));
    expect(scenario(t, 'baseline').events[0].label).toEqual({ en: 'Renamed', ar: 'معدل' });
    refused(t.s().updateEvent('baseline', 'nope', { month: 2 }), 'not-found');
    refused(t.s().updateEvent('baseline', id, { probability: 2 }), 'out-of-range');
  });

  it('moveEvent moves by months within 1..H; arrow-key moves merge into one step', () => {
    const id = scenario(t, 'baseline').events[0].id;
    const month = scenario(t, 'baseline').events[0].month;
    const steps = t.past();
    t.s().moveEvent('baseline', id, month + 1);
    t.s().moveEvent('baseline', id, month + 2);
    expect(scenario(t, 'baseline').events[0].month).toBe(month + 2);
    expect(t.past()).toBe(steps + 1);
    refused(t.s().moveEvent('baseline', id, 25), 'out-of-range');
    refused(t.s().moveEvent('baseline', id, 0), 'out-of-range');
  });

  it('deleteEvent', () => {
    const id = scenario(t, 'baseline').events[0].id;
    undoable(t, () => t.s().deleteEvent('baseline', id));
    expect(scenario(t, 'baseline').events.some((e) => e.id === id)).toBe(false);
    refused(t.s().deleteEvent('baseline', id), 'not-found');
  });
});

describe('evidence actions', () => {
  let t: T;
  beforeEach(() => {
    t = setup();
  });

  it('addEvidence and updateEvidence', () => {
    const result = undoable(t, () => t.s().addEvidence({ quote: 'نص', gist: 'A text', source: 'Reuters', note: '' }));
    expect(result).toMatchObject({ id: 'e24' });
    expect(t.doc().evidence.at(-1)).toEqual({ id: 'e24', quote: 'نص', gist: 'A text', source: 'Reuters' });
    undoable(t, () => t.s().updateEvidence('e24', { note: 'Check the date', gist: '' }));
    expect(t.doc().evidence.at(-1)).toEqual({ id: 'e24', quote: 'نص', source: 'Reuters', note: 'Check the date' });
    refused(t.s().updateEvidence('e24', { source: 'x'.repeat(501) }), 'too-long');
    refused(t.s().updateEvidence('nope', { source: 'x' }), 'not-found');
  });

  it('link and unlink to factors and interactions', () => {
    const id = (t.s().addEvidence({ quote: '', source: 'Own note' }) as { id: string }).id;
    undoable(t, () => t.s().linkEvidence(id, { factor: 'arab' }));
    expect(factor(t, 'arab').evidence).toContain(id);
    expect(t.s().linkEvidence(id, { factor: 'arab' })).toEqual({ ok: true, changed: false });
    undoable(t, () => t.s().linkEvidence(id, { from: 'sanctions', to: 'partnership' }));
    expect(t.doc().interactions[0].evidence).toContain(id);
    undoable(t, () => t.s().unlinkEvidence(id, { factor: 'arab' }));
    expect(factor(t, 'arab').evidence).not.toContain(id);
    refused(t.s().linkEvidence(id, { from: 'arab', to: 'energy' }), 'not-found');
    refused(t.s().linkEvidence('nope', { factor: 'arab' }), 'not-found');
  });

  it('deleteEvidence removes the card and every reference; an emptied list goes away', () => {
    expect(factor(t, 'drones').evidence).toEqual(['e9']);
    undoable(t, () => t.s().deleteEvidence('e9'));
    expect(t.doc().evidence.some((e) => e.id === 'e9')).toBe(false);
    expect('evidence' in factor(t, 'drones')).toBe(false);
    undoable(t, () => t.s().deleteEvidence('e7'));
    expect(t.doc().interactions[0].evidence).toEqual(['e13', 'e17']);
    expect(factor(t, 'sanctions').evidence).toEqual(['e4', 'e13', 'e17']);
  });
});

describe('run settings', () => {
  let t: T;
  beforeEach(() => {
    t = setup();
  });

  it('setRuns 0..200 000 whole; setSeed 0..2³²−1 whole', () => {
    undoable(t, () => t.s().setRuns(20_000));
    expect(t.doc().simulation.runs).toBe(20_000);
    undoable(t, () => t.s().setRuns(0));
    refused(t.s().setRuns(200_001), 'out-of-range');
    refused(t.s().setRuns(10.5), 'not-whole');
    undoable(t, () => t.s().setSeed(42));
    expect(t.doc().simulation.seed).toBe(42);
    refused(t.s().setSeed(2 ** 32), 'out-of-range');
    refused(t.s().setSeed(-1), 'out-of-range');
  });

  it('setHorizon 1..120; shortening moves later events to the last month and says how many', () => {
    const months = t.doc().scenarios.flatMap((s) => s.events.map((e) => e.month));
    const beyond = months.filter((m) => m > 3).length;
    expect(beyond).toBeGreaterThan(0);
    const result = undoable(t, () => t.s().setHorizon(3));
    expect(result).toMatchObject({ ok: true, clamped: beyond });
    expect(Math.max(...t.doc().scenarios.flatMap((s) => s.events.map((e) => e.month)))).toBe(3);
    t.s().undo();
    expect(t.doc().horizonMonths).toBe(24);
    expect(t.s().setHorizon(36)).toMatchObject({ ok: true, clamped: 0 });
    refused(t.s().setHorizon(0), 'out-of-range');
    refused(t.s().setHorizon(121), 'out-of-range');
    refused(t.s().setHorizon(12.5), 'not-whole');
  });

  it('setStartMonth takes "YYYY-MM"', () => {
    undoable(t, () => t.s().setStartMonth('2025-01'));
    expect(t.doc().startMonth).toBe('2025-01');
    refused(t.s().setStartMonth('2025-13'), 'bad-month');
    refused(t.s().setStartMonth(''), 'bad-month');
  });

  it('setThresholds keeps elevated < high < crisis', () => {
    undoable(t, () => t.s().setThresholds({ elevated: 20, high: 45, crisis: 80 }));
    expect(t.doc().thresholds).toEqual({ elevated: 20, high: 45, crisis: 80 });
    refused(t.s().setThresholds({ elevated: 50, high: 45, crisis: 80 }), 'threshold-order');
    refused(t.s().setThresholds({ elevated: 20, high: 80, crisis: 80 }), 'threshold-order');
    refused(t.s().setThresholds({ elevated: 20, high: 45, crisis: 101 }), 'out-of-range');
  });
});

describe('the store as a whole', () => {
  it('refusals change nothing: same document, no undo step, still clean', () => {
    const t = setup();
    const before = t.doc();
    t.s().setRuns(-1);
    t.s().deleteScenario('nope');
    t.s().setInteraction('arab', 'arab', 0.5);
    expect(t.doc()).toBe(before);
    expect(t.past()).toBe(0);
    expect(isDirty(t.s())).toBe(false);
  });

  it('with no document, every action says so', () => {
    const store = createDocumentStore();
    expect(store.getState().setRuns(10)).toEqual({ ok: false, reason: 'no-document' });
    expect(store.getState().addFactor({ label: { en: 'x', ar: '' } })).toEqual({ ok: false, reason: 'no-document' });
  });

  it('random sequences of actions always leave a valid document, and undo walks back to the start', () => {
    const ids = ['sanctions', 'partnership', 'arms', 'energy', 'arab', 'factor1', 'factor2', 'nope'];
    const scenarios = ['baseline', 'escalation', 'deescalation', 'scenario1', 'scenario2', 'nope'];
    const id = fc.constantFrom(...ids);
    const sid = fc.constantFrom(...scenarios);
    const num = (min: number, max: number) =>
      fc.oneof(fc.double({ min, max, noNaN: true }), fc.integer({ min: min - 2, max: max + 2 }));
    const range = (min: number, max: number) =>
      fc.tuple(num(min, max), num(min, max), num(min, max)).map(([a, b, c]) => ({ low: a, mode: b, high: c }));
    const uncertain = (min: number, max: number) => fc.oneof(num(min, max), range(min, max));
    const label = fc.record({ en: fc.string({ maxLength: 12 }), ar: fc.constantFrom('', 'عامل', ' ') });
    const field = fc.constantFrom('start', 'target', 'pace', 'volatility') as fc.Arbitrary<
      'start' | 'target' | 'pace' | 'volatility'
    >;
    const level = fc.constantFrom('start', 'target') as fc.Arbitrary<'start' | 'target'>;
    const evidence = fc.constantFrom('e1', 'e9', 'e24', 'e25', 'nope');
    const target = fc.oneof(
      id.map((factor) => ({ factor })),
      fc.tuple(id, id).map(([from, to]) => ({ from, to }))
    );
    /** An event id of the current document (or a made-up one), chosen when the action runs. */
    const pickEvent = (t: T, s: string, n: number) => {
      const events = t.doc().scenarios.find((x) => x.id === s)?.events ?? [];
      return events.length === 0 ? 'nope' : events[n % events.length].id;
    };

    type Action = (t: T) => unknown;
    const action: fc.Arbitrary<Action> = fc.oneof(
      fc
        .record({ label, d: fc.constantFrom(1, -1) as fc.Arbitrary<1 | -1>, w: uncertain(0, 10) })
        .map((a) => (t: T) => t.s().addFactor({ label: a.label, direction: a.d, weight: a.w })),
      fc.tuple(id, label).map(
        ([f, l]) =>
          (t: T) =>
            t.s().renameFactor(f, l)
      ),
      fc.tuple(id, label).map(
        ([f, d]) =>
          (t: T) =>
            t.s().setFactorDescription(f, d)
      ),
      fc.tuple(id, fc.constantFrom(1, -1) as fc.Arbitrary<1 | -1>).map(
        ([f, d]) =>
          (t: T) =>
            t.s().setFactorDirection(f, d)
      ),
      fc.tuple(id, num(0, 10)).map(
        ([f, v]) =>
          (t: T) =>
            t.s().setFactorWeight(f, v)
      ),
      fc.tuple(id, uncertain(0, 10)).map(
        ([f, v]) =>
          (t: T) =>
            t.s().setFactorWeightRange(f, v)
      ),
      fc.tuple(id, fc.integer({ min: -3, max: 3 })).map(
        ([f, d]) =>
          (t: T) =>
            t.s().moveFactor(f, d)
      ),
      id.map((f) => (t: T) => t.s().deleteFactor(f)),
      label.map((l) => (t: T) => t.s().addScenario({ name: l })),
      fc.tuple(sid, label).map(
        ([s, l]) =>
          (t: T) =>
            t.s().duplicateScenario(s, { name: l })
      ),
      fc.tuple(sid, label).map(
        ([s, l]) =>
          (t: T) =>
            t.s().renameScenario(s, l)
      ),
      fc.tuple(sid, fc.constantFrom('#112233', '#ABCDEF', 'blue', '#12345')).map(
        ([s, c]) =>
          (t: T) =>
            t.s().setScenarioColor(s, c)
      ),
      fc.tuple(sid, fc.string({ maxLength: 20 })).map(
        ([s, n]) =>
          (t: T) =>
            t.s().setScenarioNotes(s, n)
      ),
      sid.map((s) => (t: T) => t.s().deleteScenario(s)),
      fc.tuple(sid, id, field, num(-1, 101)).map(
        ([s, f, k, v]) =>
          (t: T) =>
            t.s().setScenarioFactor(s, f, k, v)
      ),
      fc.tuple(sid, id, level, uncertain(0, 100)).map(
        ([s, f, k, v]) =>
          (t: T) =>
            t.s().setScenarioFactorRange(s, f, k, v)
      ),
      fc.tuple(sid, id, fc.option(uncertain(0, 10))).map(
        ([s, f, v]) =>
          (t: T) =>
            t.s().setWeightOverride(s, f, v)
      ),
      fc.tuple(id, id, fc.option(num(-1, 1))).map(
        ([a, b, v]) =>
          (t: T) =>
            t.s().setInteraction(a, b, v)
      ),
      fc
        .record({ s: sid, label, month: num(1, 24), factor: id, shift: num(-100, 100), p: num(0, 1) })
        .map(
          (e) => (t: T) =>
            t.s().addEvent(e.s, { label: e.label, month: e.month, factor: e.factor, shift: e.shift, probability: e.p })
        ),
      fc.tuple(sid, fc.nat(), fc.record({ month: num(1, 24), shift: num(-100, 100) }, { requiredKeys: [] })).map(
        ([s, n, patch]) =>
          (t: T) =>
            t.s().updateEvent(s, pickEvent(t, s, n), patch)
      ),
      fc.tuple(sid, fc.nat(), num(0, 30)).map(
        ([s, n, m]) =>
          (t: T) =>
            t.s().moveEvent(s, pickEvent(t, s, n), m)
      ),
      fc.tuple(sid, fc.nat()).map(
        ([s, n]) =>
          (t: T) =>
            t.s().deleteEvent(s, pickEvent(t, s, n))
      ),
      fc.string({ maxLength: 10 }).map((q) => (t: T) => t.s().addEvidence({ quote: q, source: 'src' })),
      fc.tuple(evidence, fc.string({ maxLength: 10 })).map(
        ([e, n]) =>
          (t: T) =>
            t.s().updateEvidence(e, { note: n })
      ),
      evidence.map((e) => (t: T) => t.s().deleteEvidence(e)),
      fc.tuple(evidence, target).map(
        ([e, x]) =>
          (t: T) =>
            t.s().linkEvidence(e, x)
      ),
      fc.tuple(evidence, target).map(
        ([e, x]) =>
          (t: T) =>
            t.s().unlinkEvidence(e, x)
      ),
      num(0, 200_000).map((v) => (t: T) => t.s().setRuns(v)),
      num(0, 2 ** 32).map((v) => (t: T) => t.s().setSeed(v)),
      num(1, 120).map((v) => (t: T) => t.s().setHorizon(v)),
      fc.constantFrom('2024-01', '2030-12', '2024-13', 'x').map((m) => (t: T) => t.s().setStartMonth(m)),
      fc.tuple(num(0, 100), num(0, 100), num(0, 100)).map(
        ([a, b, c]) =>
          (t: T) =>
            t.s().setThresholds({ elevated: a, high: b, crisis: c })
      ),
      fc.constant((t: T) => t.s().undo()),
      fc.constant((t: T) => t.s().redo())
    );

    fc.assert(
      fc.property(
        fc.array(fc.tuple(action, fc.boolean()), { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        (actions, blank) => {
          // The store's own validation guard is off: the edits themselves must keep the document valid.
          const t = setup({ validate: false });
          if (blank) t.s().newDocument();
          const start = t.doc();
          for (const [act, quick] of actions) {
            // Quick edits of the same thing merge into one undo step; slow ones do not.
            t.advance(quick ? 10 : 5000);
            act(t);
            const doc = t.doc();
            expect(valid(doc)).toBe(true);
            expect(weightsDefined(doc)).toBe(true);
            const view = t.s().view;
            expect(doc.scenarios.some((s) => s.id === view.scenarioId)).toBe(true);
            if (view.compared !== null) {
              expect(view.compared.length).toBeGreaterThan(0);
              for (const c of view.compared) expect(doc.scenarios.some((s) => s.id === c)).toBe(true);
            }
          }
          while (t.store.temporal.getState().pastStates.length > 0) t.s().undo();
          expect(t.doc()).toBe(start);
        }
      ),
      { numRuns: 150 }
    );
  });
});
