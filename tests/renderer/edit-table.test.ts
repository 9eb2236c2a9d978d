// The table of edits (state/editTable.ts) drives the store: every row is an action that returns
// an EditResult, makes one undo step that undo and redo walk, merges repeated edits when (and
// only when) the row has an undo-merge key, and merges them under the gesture key the editor
// opens with editKeys. The samples below are typed from the store's actions, so a new row does
// not type-check until it has its samples here.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadDocument, validateDocument } from '../../src/engine/format';
import type { EditError } from '../../src/engine/edits';
import { createDocumentStore, editKeys, type EditResult } from '../../src/renderer/src/state/document';
import { EDITS, type EditActions } from '../../src/renderer/src/state/editTable';
import { EDIT_ERRORS, editorMessages, reasonText } from '../../src/renderer/src/ui/editor/messages';

const ASHGABAT = readFileSync('tests/fixtures/as-first-written/ashgabat-2024.mizan', 'utf8');

const label = (en: string) => ({ en, ar: '' });
const event = (month: number) => ({ month, factor: 'arms', shift: 5, probability: 0.5, label: label('Test') });

function setup() {
  let time = 1_000_000;
  const store = createDocumentStore({ now: () => time, coalesceMs: 1000 });
  const loaded = loadDocument(ASHGABAT, { fileName: 'ashgabat-2024.mizan' });
  if (!loaded.ok) throw new Error('ashgabat-2024.mizan does not load');
  // Two events with automatic ids, as the editor adds them (settleEventId's samples).
  const [auto1, auto2] = ['event1', 'event2'].map((id, i) => ({
    ...event(3 + i),
    id,
    label: label(`Port strike ${i}`)
  }));
  const withAuto = { ...loaded.document, scenarios: loaded.document.scenarios.slice() };
  withAuto.scenarios[2] = { ...withAuto.scenarios[2], events: [...withAuto.scenarios[2].events, auto1, auto2] };
  // Two readings, for the samples of the observation edits.
  withAuto.observations = [
    { id: 'obs-a', kind: 'index', month: '2025-03', value: 40 },
    { id: 'obs-b', kind: 'index', month: '2025-04', value: 45 }
  ];
  store.getState().openDocument({ ok: true, document: withAuto }, { fileName: 'ashgabat-2024.mizan' });
  return {
    store,
    doc: () => store.getState().document!,
    past: () => store.temporal.getState().pastStates.length,
    advance: (ms: number) => {
      time += ms;
    }
  };
}

type Name = keyof EditActions;
type Args<N extends Name> = Parameters<EditActions[N]>;

interface Sample<N extends Name> {
  /** Two different edits of the same thing, each a change of the document. */
  edits: [Args<N>, Args<N>];
  /** The key the editor opens a gesture with for these edits (rows with an undo-merge key). */
  gesture?: string;
  /** Arguments the edit refuses, and why. */
  refused: [Args<N>, EditError];
}

const card = (gist: string) => ({ quote: '', gist, source: 'Test', note: '' });

const SAMPLES: { [N in Name]: Sample<N> } = {
  setTitle: { edits: [['One'], ['Two']], gesture: editKeys.title(), refused: [['x'.repeat(501)], 'too-long'] },
  setAuthor: { edits: [['A'], ['B']], gesture: editKeys.author(), refused: [['x'.repeat(501)], 'too-long'] },
  setFactorWeight: {
    edits: [
      ['drones', 1],
      ['drones', 2]
    ],
    gesture: editKeys.weight('drones'),
    refused: [['drones', NaN], 'not-number']
  },
  addFactor: {
    edits: [[{ label: label('New one') }], [{ label: label('New two') }]],
    refused: [[{ label: label(' ') }], 'empty-label']
  },
  renameFactor: {
    edits: [
      ['arms', label('Arms 1')],
      ['arms', label('Arms 2')]
    ],
    gesture: editKeys.factorLabel('arms'),
    refused: [['arms', label('')], 'empty-label']
  },
  setFactorDescription: {
    edits: [
      ['arms', label('About 1')],
      ['arms', label('About 2')]
    ],
    gesture: editKeys.factorDescription('arms'),
    refused: [['nope', label('x')], 'not-found']
  },
  setFactorDirection: {
    edits: [
      ['arms', -1],
      ['drones', -1]
    ],
    refused: [['nope', -1], 'not-found']
  },
  setFactorWeightRange: {
    edits: [
      ['drones', { low: 1, mode: 4, high: 6 }],
      ['drones', { low: 2, mode: 4, high: 6 }]
    ],
    gesture: editKeys.weightRange('drones'),
    refused: [['drones', { low: 5, mode: 4, high: 6 }], 'range-order']
  },
  moveFactor: {
    edits: [
      ['arms', 1],
      ['arms', 1]
    ],
    gesture: editKeys.moveFactor('arms'),
    refused: [['nope', 1], 'not-found']
  },
  deleteFactor: { edits: [['arms'], ['drones']], refused: [['nope'], 'not-found'] },
  importFactors: {
    edits: [
      [{ added: [{ id: 'oil', label: label('Oil'), direction: 1, weight: 4 }], changed: [] }],
      [{ added: [{ id: 'gas', label: label('Gas'), direction: -1, weight: 2 }], changed: [] }]
    ],
    refused: [[{ added: [{ id: 'arms', label: label('Arms'), direction: 1, weight: 4 }], changed: [] }], 'duplicate-id']
  },
  addScenario: {
    edits: [[{ name: label('S1') }], [{ name: label('S2') }]],
    refused: [[{ name: label('') }], 'empty-label']
  },
  duplicateScenario: {
    edits: [
      ['baseline', { name: label('Copy 1') }],
      ['baseline', { name: label('Copy 2') }]
    ],
    refused: [['baseline', { name: label('Copy'), color: 'red' }], 'bad-color']
  },
  renameScenario: {
    edits: [
      ['baseline', label('Base 1')],
      ['baseline', label('Base 2')]
    ],
    gesture: editKeys.scenarioName('baseline'),
    refused: [['baseline', label(' ')], 'empty-label']
  },
  setScenarioColor: {
    edits: [
      ['baseline', '#111111'],
      ['baseline', '#222222']
    ],
    gesture: editKeys.scenarioColor('baseline'),
    refused: [['baseline', 'blue'], 'bad-color']
  },
  setScenarioNotes: {
    edits: [
      ['baseline', 'Note 1'],
      ['baseline', 'Note 2']
    ],
    gesture: editKeys.scenarioNotes('baseline'),
    refused: [['nope', 'x'], 'not-found']
  },
  setScenarioProbability: {
    edits: [
      ['baseline', 0.5],
      ['baseline', 0.6]
    ],
    gesture: editKeys.scenarioProbability('baseline'),
    refused: [['baseline', 2], 'out-of-range']
  },
  deleteScenario: { edits: [['baseline'], ['escalation']], refused: [['nope'], 'not-found'] },
  setScenarioFactor: {
    edits: [
      ['baseline', 'arms', 'start', 10],
      ['baseline', 'arms', 'start', 20]
    ],
    gesture: editKeys.level('baseline', 'arms', 'start'),
    refused: [['baseline', 'arms', 'start', 101], 'out-of-range']
  },
  setScenarioFactorRange: {
    edits: [
      ['baseline', 'arms', 'target', { low: 10, mode: 20, high: 30 }],
      ['baseline', 'arms', 'target', { low: 10, mode: 20, high: 40 }]
    ],
    gesture: editKeys.levelRange('baseline', 'arms', 'target'),
    refused: [['baseline', 'arms', 'target', { low: 30, mode: 20, high: 40 }], 'range-order']
  },
  setWeightOverride: {
    edits: [
      ['baseline', 'arms', 3],
      ['baseline', 'arms', 4]
    ],
    gesture: editKeys.override('baseline', 'arms'),
    refused: [['baseline', 'arms', 11], 'out-of-range']
  },
  setInteraction: {
    edits: [
      ['arms', 'energy', 0.1],
      ['arms', 'energy', 0.2]
    ],
    gesture: editKeys.interaction('arms', 'energy'),
    refused: [['arms', 'arms', 0.1], 'self-interaction']
  },
  setInteractionRange: {
    edits: [
      ['arms', 'israel', { low: 0.02, mode: 0.06, high: 0.1 }],
      ['arms', 'israel', { low: 0.04, mode: 0.06, high: 0.08 }]
    ],
    gesture: editKeys.interactionRange('arms', 'israel'),
    refused: [['arms', 'israel', { low: 0.02, mode: 0.06, high: 1.5 }], 'out-of-range']
  },
  setCorrelation: {
    edits: [
      ['baseline', 'arms.target', 'israel.target', 0.3],
      ['baseline', 'arms.target', 'israel.target', 0.6]
    ],
    gesture: editKeys.correlation('baseline', 'israel.target', 'arms.target'),
    refused: [['baseline', 'arms.target', 'israel.target', 1], 'out-of-range']
  },
  addEvent: {
    edits: [
      ['baseline', event(2)],
      ['baseline', event(3)]
    ],
    refused: [['baseline', event(0)], 'out-of-range']
  },
  copyEvent: {
    edits: [
      ['baseline', 'bl-s400', ['escalation']],
      ['baseline', 'bl-kazan', ['escalation']]
    ],
    refused: [['baseline', 'bl-s400', ['baseline']], 'not-found']
  },
  updateEvent: {
    edits: [
      ['baseline', 'bl-s400', { shift: 1 }],
      ['baseline', 'bl-s400', { shift: 2 }]
    ],
    gesture: editKeys.event('bl-s400', { shift: 0 }),
    refused: [['baseline', 'bl-s400', { shift: 101 }], 'out-of-range']
  },
  settleEventId: {
    edits: [
      ['deescalation', 'event1'],
      ['deescalation', 'event2']
    ],
    refused: [['deescalation', 'nope'], 'not-found']
  },
  moveEvent: {
    edits: [
      ['baseline', 'bl-s400', 10],
      ['baseline', 'bl-s400', 11]
    ],
    gesture: editKeys.eventMonth('bl-s400'),
    refused: [['baseline', 'bl-s400', 2.5], 'not-whole']
  },
  deleteEvent: {
    edits: [
      ['baseline', 'bl-s400'],
      ['baseline', 'bl-kazan']
    ],
    refused: [['baseline', 'nope'], 'not-found']
  },
  addEvidence: {
    edits: [[card('First')], [card('Second')]],
    refused: [[{ ...card('x'), source: 'x'.repeat(501) }], 'too-long']
  },
  updateEvidence: {
    edits: [
      ['e1', { note: 'One' }],
      ['e1', { note: 'Two' }]
    ],
    gesture: editKeys.evidence('e1', { note: '' }),
    refused: [['nope', { note: 'x' }], 'not-found']
  },
  deleteEvidence: { edits: [['e1'], ['e2']], refused: [['nope'], 'not-found'] },
  linkEvidence: {
    edits: [
      ['e1', { factor: 'energy' }],
      ['e2', { factor: 'energy' }]
    ],
    refused: [['e1', { factor: 'nope' }], 'not-found']
  },
  unlinkEvidence: {
    edits: [
      ['e7', { from: 'sanctions', to: 'partnership' }],
      ['e13', { from: 'sanctions', to: 'partnership' }]
    ],
    refused: [['nope', { factor: 'energy' }], 'not-found']
  },
  addObservation: {
    edits: [
      [{ kind: 'index', month: '2025-05', value: 40 }],
      [{ kind: 'factor', factor: 'arms', month: '2025-06', value: 50 }]
    ],
    refused: [[{ kind: 'index', month: '2030-01', value: 40 }], 'month-outside']
  },
  updateObservation: {
    edits: [
      ['obs-a', { value: 41 }],
      ['obs-a', { value: 42 }]
    ],
    gesture: editKeys.observation('obs-a', { value: 0 }),
    refused: [['obs-a', { value: 101 }], 'out-of-range']
  },
  deleteObservation: { edits: [['obs-a'], ['obs-b']], refused: [['nope'], 'not-found'] },
  setRuns: { edits: [[100], [200]], gesture: editKeys.runs(), refused: [[1.5], 'not-whole'] },
  setSeed: { edits: [[1], [2]], gesture: editKeys.seed(), refused: [[-1], 'out-of-range'] },
  setSampling: { edits: [['latin-hypercube'], ['random']], refused: [['sobol' as never], 'not-found'] },
  setHorizon: { edits: [[30], [36]], gesture: editKeys.horizon(), refused: [[0], 'out-of-range'] },
  setStartMonth: {
    edits: [['2025-01'], ['2025-02']],
    gesture: editKeys.startMonth(),
    refused: [['2025-13'], 'bad-month']
  },
  setThresholds: {
    edits: [[{ elevated: 20, high: 50, crisis: 75 }], [{ elevated: 21, high: 50, crisis: 75 }]],
    gesture: editKeys.thresholds(),
    refused: [[{ elevated: 60, high: 50, crisis: 75 }], 'threshold-order']
  }
};

const names = Object.keys(EDITS) as Name[];

/** Calls the store's action `name` with `args` (the samples are typed per action). */
function act(t: ReturnType<typeof setup>, name: Name, args: unknown[]): EditResult {
  return (t.store.getState()[name] as (...a: unknown[]) => EditResult)(...args);
}

describe('the table of edits', () => {
  let t: ReturnType<typeof setup>;
  beforeEach(() => {
    t = setup();
  });

  it('every row is an action of the store, and every action has samples here', () => {
    expect(names.length).toBeGreaterThan(30);
    expect(Object.keys(SAMPLES).sort()).toEqual([...names].sort());
    for (const name of names) expect(typeof t.store.getState()[name], name).toBe('function');
  });

  it('setTitle returns an EditResult like every other action', () => {
    expect(t.store.getState().setTitle('A new title')).toEqual({ ok: true, changed: true });
    expect(t.store.getState().setTitle('A new title')).toEqual({ ok: true, changed: false });
    expect(t.store.getState().setTitle('x'.repeat(501))).toEqual({ ok: false, reason: 'too-long' });
    expect(createDocumentStore().getState().setTitle('x')).toEqual({ ok: false, reason: 'no-document' });
  });

  it.each(names)('%s: an undo step that undo and redo walk, a valid document, an EditResult', (name) => {
    const before = t.doc();
    const result = act(t, name, SAMPLES[name].edits[0]);
    expect(result).toMatchObject({ ok: true, changed: true });
    const after = t.doc();
    expect(after).not.toBe(before);
    expect(validateDocument(after).ok).toBe(true);
    expect(t.past()).toBe(1);
    t.store.getState().undo();
    expect(t.doc()).toBe(before);
    t.store.getState().redo();
    expect(t.doc()).toBe(after);
  });

  it.each(names)('%s: refused with its reason, the document untouched', (name) => {
    const [args, reason] = SAMPLES[name].refused;
    const before = t.doc();
    expect(act(t, name, args)).toEqual({ ok: false, reason });
    expect(t.doc()).toBe(before);
    expect(t.past()).toBe(0);
    expect(act({ ...t, store: createDocumentStore() }, name, SAMPLES[name].edits[0])).toEqual({
      ok: false,
      reason: 'no-document'
    });
  });

  it.each(names)('%s: two quick edits merge exactly when the row has an undo-merge key', (name) => {
    const [first, second] = SAMPLES[name].edits;
    expect(act(t, name, first).ok).toBe(true);
    t.advance(10);
    expect(act(t, name, second)).toMatchObject({ ok: true, changed: true });
    expect(t.past()).toBe(EDITS[name].key ? 1 : 2);
  });

  it.each(names.filter((name) => EDITS[name].key))(
    '%s: slower than the coalescing window, a step of its own',
    (name) => {
      const [first, second] = SAMPLES[name].edits;
      act(t, name, first);
      t.advance(1001);
      expect(act(t, name, second)).toMatchObject({ ok: true, changed: true });
      expect(t.past()).toBe(2);
    }
  );

  it.each(names.filter((name) => EDITS[name].key))(
    '%s: a gesture opened with its editKeys key makes one step of edits however slow',
    (name) => {
      const sample = SAMPLES[name];
      expect(sample.gesture, `${name} has a gesture key sample`).toBeDefined();
      t.store.getState().beginGesture(sample.gesture!);
      act(t, name, sample.edits[0]);
      t.advance(5000);
      act(t, name, sample.edits[1]);
      t.advance(5000);
      act(t, name, sample.edits[0]);
      t.store.getState().endGesture();
      expect(t.past()).toBe(1);
    }
  );

  it('the gesture keys are one per keyed row, and only rows without a sample gesture have none', () => {
    const keyed = names.filter((name) => EDITS[name].key);
    expect(Object.keys(editKeys)).toHaveLength(keyed.length);
    for (const name of names) expect(Boolean(EDITS[name].key), name).toBe(SAMPLES[name].gesture !== undefined);
  });
});

describe('the words for every refusal', () => {
  const en = editorMessages('en');
  const ar = editorMessages('ar');

  it('every reason an edit can give has a text in English and in Arabic', () => {
    const given = new Set<EditError>(['no-document', 'invalid', ...names.map((n) => SAMPLES[n].refused[1])]);
    for (const reason of given) expect(EDIT_ERRORS, reason).toContain(reason);
    for (const reason of EDIT_ERRORS) {
      expect(reasonText(en, reason)?.trim(), reason).toBeTruthy();
      expect(reasonText(ar, reason), reason).toMatch(/[\u0600-\u06ff]/);
    }
  });

  it('the words of a refusal are the same in both languages’ tables (no reason falls through)', () => {
    for (const reason of EDIT_ERRORS) {
      const key = (Object.keys(en) as (keyof typeof en)[]).find((k) => en[k] === reasonText(en, reason));
      expect(key, reason).toBeDefined();
      expect(reasonText(ar, reason)).toBe(ar[key!]);
    }
  });
});
