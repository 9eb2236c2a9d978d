// The table of edits: one row per document action of the store. A row names the pure edit
// (src/engine/edits.ts) and what the store needs beyond it: the undo-merge key, the new id of
// what it adds, the view that follows, what the result reports. The store's action types
// (EditActions), its dispatch (createDocumentStore) and the gesture keys the sliders use
// (editKeys) are all derived from this table, so adding an edit is one row here (and, for a
// new refusal, its words in ui/editor/messages.ts, which the type of that table requires).
//
// Undo-merge keys: each key maker is named (`weight`, `level`, …) so a slider can open a
// gesture with the very key its edits will carry (`editKeys.weight(factorId)`). The key maker
// takes the action's leading arguments, or those `keyArgs` picks. A row without a key is a
// discrete edit (add, delete, duplicate, link): it never merges.
import * as E from '../../../engine/edits';
import {
  LIMITS,
  type EvidenceDef,
  type LocalizedLabel,
  type MizanDoc,
  type ScenarioEventDef
} from '../../../engine/format';
import type {
  EditError,
  Edited,
  EventPatch,
  EvidencePatch,
  NewObservation,
  ObservationPatch,
  ScenarioFactorField
} from '../../../engine/edits';
import type { ViewState } from './document';
import { followScenarios } from './followScenarios';

/** What an action did: applied (or nothing to change), or refused with a reason. */
export type EditResult =
  | {
      ok: true;
      /** False when the document already was that way (no undo step). */
      changed: boolean;
      /** The id of what the action created (addFactor, addScenario, addEvent, …). */
      id?: string;
      /** setHorizon: how many events moved back to the new last month. */
      clamped?: number;
    }
  | { ok: false; reason: EditError };

/** What a result may report beyond applied/changed. */
export type EditDetails = Omit<Extract<EditResult, { ok: true }>, 'ok' | 'changed'>;

/** The document before and after an edit, and the id of what it created (create rows). */
export interface Change {
  before: MizanDoc;
  next: MizanDoc;
  id?: string;
}

type KeyMaker = (...args: never[]) => string;
/** One named key maker, e.g. `{ weight: (factorId: string) => \`weight:${factorId}\` }`. */
type NamedKey = Record<string, KeyMaker>;

export interface EditRow<A extends unknown[], K extends NamedKey = NamedKey> {
  /** The pure edit, called with the action's arguments (create rows: the new id first). */
  readonly apply: (doc: MizanDoc, ...args: A) => Edited;
  /** The undo-merge key maker, by its name in editKeys; none: the edit never merges. */
  readonly key?: K;
  /** The arguments of the key maker, when they are not the action's leading ones. */
  readonly keyArgs?: (...args: A) => unknown[];
  /** Create rows: the id of what the edit adds, chosen from the document before it. */
  readonly newId?: (doc: MizanDoc) => string;
  /**
   * The undo-merge key of the run this edit finishes: it joins that run's undo step however
   * long after the run's last edit it comes (but not after another edit, undo or save).
   */
  readonly joins?: (...args: A) => string;
  /** The view after the edit (made to fit the document afterwards in any case). */
  readonly view?: (view: ViewState, change: Change, ...args: A) => ViewState;
  /** What the result reports beyond the edit, when it changed the document. */
  readonly details?: (before: MizanDoc, ...args: A) => EditDetails;
}

interface RowOptions<A extends unknown[], K extends NamedKey, KA extends unknown[]> {
  key?: K & Record<string, (...args: KA) => string>;
  keyArgs?: (...args: A) => KA;
  joins?: (...args: A) => string;
  view?: (view: ViewState, change: Change, ...args: A) => ViewState;
  details?: (before: MizanDoc, ...args: A) => EditDetails;
}

/** A row whose action takes the pure edit's arguments after the document. */
function edit<A extends unknown[], K extends NamedKey = Record<never, KeyMaker>, KA extends [] | unknown[] = A>(
  apply: (doc: MizanDoc, ...args: A) => Edited,
  options: RowOptions<A, K, KA> = {}
): EditRow<A, K> {
  return { apply, ...options };
}

/** A row that adds something with a new id: the edit gets the id first, the result reports it. */
function create<A extends unknown[]>(
  newId: (doc: MizanDoc) => string,
  apply: (doc: MizanDoc, id: string, ...args: A) => Edited,
  options: { view?: (view: ViewState, change: Required<Change>, ...args: A) => ViewState } = {}
): EditRow<A, Record<never, KeyMaker>> {
  // The dispatch passes the id before the action's arguments whenever a row has newId.
  return { newId, apply: apply as unknown as EditRow<A>['apply'], view: options.view as EditRow<A>['view'] };
}

// ---- edits of the store alone (the title and author have no engine edit yet) -----------------

/** The title; checked here, not only by the field's maxlength: merged edits are not validated again. */
function setTitle(doc: MizanDoc, title: string): Edited {
  if (title.length > LIMITS.labelChars) return new E.Refused('too-long');
  return doc.title === title ? doc : { ...doc, title };
}

/** Who made the analysis; an empty (or blank) author is no author. */
function setAuthor(doc: MizanDoc, author: string): Edited {
  if (author.length > LIMITS.labelChars) return new E.Refused('too-long');
  if ((doc.author ?? '') === author || (doc.author === undefined && author.trim() === '')) return doc;
  const { author: _previous, ...rest } = doc;
  return author.trim() === '' ? rest : { ...rest, author };
}

/** A slider's weight: any finite number, clamped to the weight's bounds. */
function setSliderWeight(doc: MizanDoc, factorId: string, value: number): Edited {
  if (!Number.isFinite(value)) return new E.Refused('not-number');
  const { min, max } = E.BOUNDS.weight;
  return E.setFactorWeight(doc, factorId, Math.min(max, Math.max(min, value)));
}

/** A new scenario becomes the selected one, and is compared when the comparison is a list. */
const showScenario = (view: ViewState, { id }: Required<Change>): ViewState => ({
  ...view,
  scenarioId: id,
  compared: view.compared === null ? null : [...view.compared, id]
});

/** The patched fields name the run: typing in one field does not merge with another's. */
const patchKeys = (patch: object) => Object.keys(patch).sort().join(',');
const editKeyOfEvent = (eventId: string, patch: object) => `event:${eventId}:${patchKeys(patch)}`;

export const EDITS = {
  setTitle: edit(setTitle, { key: { title: () => 'title' } }),
  /** Who made the analysis; an empty (or blank) author is no author. */
  setAuthor: edit(setAuthor, { key: { author: () => 'author' } }),

  // ---- factors ----
  /**
   * Sets a factor's base weight; for a range, its mode, widening the range if needed. A slider
   * value, so it is clamped to 0..10 (typed values are checked by the field before this).
   */
  setFactorWeight: edit(setSliderWeight, { key: { weight: (factorId: string) => `weight:${factorId}` } }),
  /** Adds a factor (a new unique id) with an entry in every scenario; returns its id. */
  addFactor: create(E.newFactorId, (doc: MizanDoc, id: string, input: Omit<E.NewFactor, 'id'>) =>
    E.addFactor(doc, { ...input, id })
  ),
  renameFactor: edit(E.renameFactor, { key: { factorLabel: (factorId: string) => `factor-label:${factorId}` } }),
  /** What the factor stands for, in both languages (both empty: no description). */
  setFactorDescription: edit(E.setFactorDescription, {
    key: { factorDescription: (factorId: string) => `factor-description:${factorId}` }
  }),
  setFactorDirection: edit(E.setFactorDirection),
  /** A plain number (no uncertainty) or a range {low, mode, high}. */
  setFactorWeightRange: edit(E.setFactorWeightRange, {
    key: { weightRange: (factorId: string) => `weight-range:${factorId}` }
  }),
  /** Reorders: moves the factor `delta` places (negative: up). */
  moveFactor: edit(E.moveFactor, { key: { moveFactor: (factorId: string) => `move-factor:${factorId}` } }),
  /** Deletes a factor and its interactions, events, scenario entries and weight overrides. */
  deleteFactor: edit(E.deleteFactor),
  /** Adds and changes many factors at once (an import from a spreadsheet): one undo step. */
  importFactors: edit(E.importFactors),

  // ---- scenarios ----
  /** Adds a scenario, selects it, and compares it when the comparison is a chosen list. */
  addScenario: create(
    E.newScenarioId,
    (doc: MizanDoc, id: string, input: { name: LocalizedLabel; color?: string }) =>
      E.addScenario(doc, { id, name: input.name, color: input.color ?? E.nextScenarioColor(doc) }),
    { view: showScenario }
  ),
  /** Copies a scenario (new ids for it and its events), right after it, and selects the copy. */
  duplicateScenario: create(
    E.newScenarioId,
    (doc: MizanDoc, id: string, scenarioId: string, input: { name: LocalizedLabel; color?: string }) =>
      E.duplicateScenario(doc, scenarioId, { id, name: input.name, color: input.color ?? E.nextScenarioColor(doc) }),
    { view: showScenario }
  ),
  /** A scenario first named takes an id made from its name: the view follows it. */
  renameScenario: edit(E.renameScenario, {
    key: { scenarioName: (scenarioId: string) => `scenario-name:${scenarioId}` },
    view: (view, { before, next }) => followScenarios(view, before, next)
  }),
  setScenarioColor: edit(E.setScenarioColor, {
    key: { scenarioColor: (scenarioId: string) => `scenario-color:${scenarioId}` }
  }),
  setScenarioNotes: edit(E.setScenarioNotes, {
    key: { scenarioNotes: (scenarioId: string) => `scenario-notes:${scenarioId}` }
  }),
  /** A scenario's prior probability (0..1), or null for none (the mean of the others). */
  setScenarioProbability: edit(E.setScenarioProbability, {
    key: { scenarioProbability: (scenarioId: string) => `scenario-probability:${scenarioId}` }
  }),
  /** Deletes a scenario (never the last one). */
  deleteScenario: edit(E.deleteScenario, {
    view: (view, { before, next }, scenarioId) => {
      if (view.scenarioId !== scenarioId) return view;
      // Select the neighbour that takes its place (or the one before, for the last).
      const at = before.scenarios.findIndex((s) => s.id === scenarioId);
      return { ...view, scenarioId: next.scenarios[Math.min(at, next.scenarios.length - 1)].id };
    }
  }),
  setScenarioFactor: edit(E.setScenarioFactor, {
    key: {
      level: (scenarioId: string, factorId: string, field: ScenarioFactorField) =>
        `level:${scenarioId}:${factorId}:${field}`
    }
  }),
  setScenarioFactorRange: edit(E.setScenarioFactorRange, {
    key: {
      levelRange: (scenarioId: string, factorId: string, field: ScenarioFactorField) =>
        `level-range:${scenarioId}:${factorId}:${field}`
    }
  }),
  /** A scenario's own weight for a factor (number or range), or null for the factor's base weight. */
  setWeightOverride: edit(E.setWeightOverride, {
    key: { override: (scenarioId: string, factorId: string) => `override:${scenarioId}:${factorId}` }
  }),

  // ---- interactions ----
  /** The monthly push of `from` on `to` (−1..1); null or 0 removes it. */
  setInteraction: edit(E.setInteraction, {
    key: { interaction: (from: string, to: string) => `interaction:${from}:${to}` }
  }),

  /** A link's strength as a number or a range (format version 2). */
  setInteractionRange: edit(E.setInteractionRange, {
    key: { interactionRange: (from: string, to: string) => `interaction-range:${from}:${to}` }
  }),

  // ---- correlations ----
  /** The rank correlation of two ranges of a scenario (`<factor>.<field>`); null removes it. */
  setCorrelation: edit(E.setCorrelation, {
    key: {
      correlation: (scenarioId: string, a: string, b: string) => `correlation:${scenarioId}:${[a, b].sort().join('|')}`
    }
  }),

  // ---- events ----
  /** Adds an event to a scenario (a new unique id); returns its id. */
  addEvent: create(E.newEventId, (doc: MizanDoc, id: string, scenarioId: string, event: Omit<ScenarioEventDef, 'id'>) =>
    E.addEvent(doc, scenarioId, { ...event, id })
  ),
  updateEvent: edit(E.updateEvent, {
    key: { event: (eventId: string, patch: EventPatch) => editKeyOfEvent(eventId, patch) },
    keyArgs: (_scenarioId, eventId, patch) => [eventId, patch]
  }),
  moveEvent: edit(E.moveEvent, {
    key: { eventMonth: (eventId: string) => `event-month:${eventId}` },
    keyArgs: (_scenarioId, eventId) => [eventId]
  }),
  /**
   * An event still with its automatic id takes one from its name when the name is left
   * (settleEventId): the same undo step as the typing of that name.
   */
  settleEventId: edit(E.settleEventId, {
    joins: (_scenarioId, eventId) => editKeyOfEvent(eventId, { label: null })
  }),
  /** Copies an event into other scenarios, each copy with a new id: one undo step. */
  copyEvent: edit(E.copyEvent),
  deleteEvent: edit(E.deleteEvent),

  // ---- evidence ----
  /** Adds an evidence card (a new unique id); returns its id. */
  addEvidence: create(E.newEvidenceId, (doc: MizanDoc, id: string, card: Omit<EvidenceDef, 'id'>) =>
    E.addEvidence(doc, { ...card, id })
  ),
  updateEvidence: edit(E.updateEvidence, {
    key: { evidence: (evidenceId: string, patch: EvidencePatch) => `evidence:${evidenceId}:${patchKeys(patch)}` }
  }),
  /** Deletes a card and every link to it. */
  deleteEvidence: edit(E.deleteEvidence),
  linkEvidence: edit(E.linkEvidence),
  unlinkEvidence: edit(E.unlinkEvidence),

  // ---- observations ----
  /** Records an observation (a new unique id); returns its id. */
  addObservation: create(E.newObservationId, (doc: MizanDoc, id: string, observation: NewObservation) =>
    E.addObservation(doc, { ...observation, id })
  ),
  updateObservation: edit(E.updateObservation, {
    key: {
      observation: (observationId: string, patch: ObservationPatch) =>
        `observation:${observationId}:${patchKeys(patch)}`
    }
  }),
  deleteObservation: edit(E.deleteObservation),

  // ---- run settings ----
  setRuns: edit(E.setRuns, { key: { runs: () => 'runs' } }),
  setSeed: edit(E.setSeed, { key: { seed: () => 'seed' } }),
  /** Random or Latin hypercube sampling of the ranges. */
  setSampling: edit(E.setSampling),
  /** 1..120 months; events after a shorter horizon move to its last month (`clamped` says how many). */
  setHorizon: edit(E.setHorizon, {
    key: { horizon: () => 'horizon' },
    details: (before, months) => ({ clamped: E.eventsBeyond(before, months) })
  }),
  setStartMonth: edit(E.setStartMonth, { key: { startMonth: () => 'start-month' } }),
  /** elevated < high < crisis, each 0..100. */
  setThresholds: edit(E.setThresholds, { key: { thresholds: () => 'thresholds' } })
};

type Edits = typeof EDITS;
type ArgsOf<R> = R extends { apply: (doc: MizanDoc, ...args: infer A) => Edited } ? A : never;
type KeyOf<R> = R extends { key?: infer K } ? NonNullable<K> : never;
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The store's document actions: one per row, with the row's arguments, each returning an EditResult. */
export type EditActions = { [Name in keyof Edits]: (...args: ArgsOf<Edits[Name]>) => EditResult };

/**
 * The undo-merge keys by name: edits with the same key merge into one undo step during a
 * gesture or within the coalescing window. Sliders pass the same key to beginGesture.
 */
export type EditKeys = Intersection<{ [Name in keyof Edits]: KeyOf<Edits[Name]> }[keyof Edits]>;

export const editKeys = Object.assign({}, ...Object.values(EDITS).map((row: EditRow<never[]>) => row.key)) as EditKeys;

/** The undo-merge key of an action called with `args`, or null for a discrete edit. */
export function mergeKey(row: EditRow<unknown[]>, args: unknown[]): string | null {
  if (!row.key) return null;
  const make = Object.values(row.key)[0] as (...keyArgs: unknown[]) => string;
  return make(...(row.keyArgs ? row.keyArgs(...args) : args));
}
