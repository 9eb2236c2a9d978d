// The document store: one zustand vanilla store per window, holding the open analysis,
// where it lives, what was last saved, and the view state. zundo's `temporal` middleware
// records undo history for the document only (`partialize` keeps `document`, `equality`
// ignores every set that leaves it as it was), so switching language or theme is never
// an undo step.
//
// Dirty: `document !== savedDocument && !sameContent(document, savedDocument)`. The identity
// test is the fast path (undo back to the saved state restores the very object that was
// saved, so it is clean at no cost); sameContent catches an edit that put every value back as
// it was (a weight dragged away and back). It answers what comparing the serialized texts
// would, but walks only the parts an edit did not share (microseconds, where serializing the
// default analysis takes 1–2 ms: too much for every step of a drag).
//
// Coalescing: each edit names what it changes (`weight:<factorId>`, `title`). An edit with
// the same key as the previous one merges into the previous undo step when an explicit
// gesture is open (pointer down on a slider … pointer up) or when it comes within
// `coalesceMs` of it (keys held down, typing). Undo, redo, open, new, save and an edit of
// another key end the run. Merging is done in zundo's `handleSet` hook: a merged set simply
// does not push a past state, because the run's first edit already pushed the state from
// before the run. Discrete edits (add, delete, duplicate, link) pass no key and never merge.
//
// The edits themselves are pure functions in src/engine/edits.ts (so the CLI and tests use the same edits); every action here returns an
// EditResult, so the editor can say why an edit was refused. As a last guard, each edited
// document is validated (schema + references, ~1 ms) before it replaces the current one:
// an edit that would make the file invalid is refused ('invalid') and reported on the console,
// so the document in the window can always be saved and opened again. Edits merged into a run
// (the steps of a drag after the first) are not validated again: they set the same value as
// the run's first, validated, edit, and the edit functions check values against the same
// bounds as the schema (a property test runs every edit with this guard off).
import { createStore } from 'zustand/vanilla';
import { temporal, type TemporalState } from 'zundo';
import {
  LIMITS,
  central,
  sameContent,
  serializeDocument,
  validateDocument,
  type EvidenceDef,
  type LoadResult,
  type LocalizedLabel,
  type MizanDoc,
  type Problem,
  type ScenarioEventDef,
  type Uncertain,
  type Language
} from '../../../engine/format';
import type { FileHandleId, ThemeChoice } from '../../../contract/bridge';
import { blankDocument } from './blank';
import * as E from '../../../engine/edits';
import {
  Refused,
  type EditError,
  type EventPatch,
  type EvidencePatch,
  type EvidenceTarget,
  type LevelField,
  type ScenarioFactorField
} from '../../../engine/edits';

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

/**
 * The coalescing keys of the actions: edits with the same key merge into one undo step during
 * a gesture or within the coalescing window. Sliders pass the same key to beginGesture.
 */
export const editKeys = {
  title: () => 'title',
  author: () => 'author',
  factorLabel: (id: string) => `factor-label:${id}`,
  factorDescription: (id: string) => `factor-description:${id}`,
  weight: (id: string) => `weight:${id}`,
  weightRange: (id: string) => `weight-range:${id}`,
  moveFactor: (id: string) => `move-factor:${id}`,
  scenarioName: (id: string) => `scenario-name:${id}`,
  scenarioColor: (id: string) => `scenario-color:${id}`,
  scenarioNotes: (id: string) => `scenario-notes:${id}`,
  level: (scenarioId: string, factorId: string, field: ScenarioFactorField) =>
    `level:${scenarioId}:${factorId}:${field}`,
  levelRange: (scenarioId: string, factorId: string, field: LevelField) =>
    `level-range:${scenarioId}:${factorId}:${field}`,
  override: (scenarioId: string, factorId: string) => `override:${scenarioId}:${factorId}`,
  interaction: (from: string, to: string) => `interaction:${from}:${to}`,
  event: (eventId: string, patch: EventPatch) => `event:${eventId}:${Object.keys(patch).sort().join(',')}`,
  eventMonth: (eventId: string) => `event-month:${eventId}`,
  evidence: (id: string, patch: EvidencePatch) => `evidence:${id}:${Object.keys(patch).sort().join(',')}`,
  runs: () => 'runs',
  seed: () => 'seed',
  horizon: () => 'horizon',
  startMonth: () => 'start-month',
  thresholds: () => 'thresholds'
} as const;

export interface ViewState {
  language: Language;
  theme: ThemeChoice;
  /** The scenario whose details the workbench shows. */
  scenarioId: string | null;
  /** The scenarios the charts compare, in order; null: all of them. */
  compared: string[] | null;
}

export interface SavedInfo {
  /** The exact text written to the file. */
  text: string;
  /** The document that text is the serialization of (with its modifiedAt stamped). */
  document: MizanDoc;
  /** The document object that was current when the save began (see markSaved). */
  replacing?: MizanDoc | null;
  fileHandle: FileHandleId | null;
  fileName: string | null;
}

export interface OpenOptions {
  fileHandle?: FileHandleId | null;
  fileName?: string | null;
  /** Restored unsaved work: open it as not saved anywhere, and dirty. */
  unsaved?: boolean;
}

export interface DocumentState {
  document: MizanDoc | null;
  fileHandle: FileHandleId | null;
  /** The file's base name, or null for a document not saved to a file yet. */
  fileName: string | null;
  /** The serialized text at the last save or open ("" when never saved: always dirty). */
  savedText: string;
  /** The document object savedText was written from (the fast path of the dirty test). */
  savedDocument: MizanDoc | null;
  view: ViewState;

  newDocument(document?: MizanDoc): void;
  /** Replaces the document with a loaded one; a failed load changes nothing and returns its problems. */
  openDocument(result: LoadResult, options?: OpenOptions): { ok: true } | { ok: false; problems: Problem[] };
  setTitle(title: string): void;
  /** Who made the analysis; an empty (or blank) author is no author. */
  setAuthor(author: string): EditResult;
  /**
   * Sets a factor's base weight; for a range, its mode, widening the range if needed. A slider
   * value, so it is clamped to 0..10 (typed values are checked by the field before this).
   */
  setFactorWeight(factorId: string, value: number): EditResult;

  // ---- factors ----
  /** Adds a factor (a new unique id) with an entry in every scenario; returns its id. */
  addFactor(input: { label: LocalizedLabel; direction?: 1 | -1; weight?: Uncertain; level?: number }): EditResult;
  renameFactor(factorId: string, label: LocalizedLabel): EditResult;
  /** What the factor stands for, in both languages (both empty: no description). */
  setFactorDescription(factorId: string, description: LocalizedLabel): EditResult;
  setFactorDirection(factorId: string, direction: 1 | -1): EditResult;
  /** A plain number (no uncertainty) or a range {low, mode, high}. */
  setFactorWeightRange(factorId: string, weight: Uncertain): EditResult;
  /** Reorders: moves the factor `delta` places (negative: up). */
  moveFactor(factorId: string, delta: number): EditResult;
  /** Deletes a factor and its interactions, events, scenario entries and weight overrides. */
  deleteFactor(factorId: string): EditResult;

  // ---- scenarios ----
  /** Adds a scenario, selects it, and compares it when the comparison is a chosen list. */
  addScenario(input: { name: LocalizedLabel; color?: string }): EditResult;
  /** Copies a scenario (new ids for it and its events), right after it, and selects the copy. */
  duplicateScenario(scenarioId: string, input: { name: LocalizedLabel; color?: string }): EditResult;
  renameScenario(scenarioId: string, name: LocalizedLabel): EditResult;
  setScenarioColor(scenarioId: string, color: string): EditResult;
  setScenarioNotes(scenarioId: string, notes: string): EditResult;
  /** Deletes a scenario (never the last one). */
  deleteScenario(scenarioId: string): EditResult;
  setScenarioFactor(scenarioId: string, factorId: string, field: ScenarioFactorField, value: number): EditResult;
  setScenarioFactorRange(scenarioId: string, factorId: string, field: LevelField, value: Uncertain): EditResult;
  /** A scenario's own weight for a factor (number or range), or null for the factor's base weight. */
  setWeightOverride(scenarioId: string, factorId: string, value: Uncertain | null): EditResult;

  // ---- interactions ----
  /** The monthly push of `from` on `to` (−1..1); null or 0 removes it. */
  setInteraction(from: string, to: string, strength: number | null): EditResult;

  // ---- events ----
  /** Adds an event to a scenario (a new unique id); returns its id. */
  addEvent(scenarioId: string, event: Omit<ScenarioEventDef, 'id'>): EditResult;
  updateEvent(scenarioId: string, eventId: string, patch: EventPatch): EditResult;
  moveEvent(scenarioId: string, eventId: string, month: number): EditResult;
  deleteEvent(scenarioId: string, eventId: string): EditResult;

  // ---- evidence ----
  /** Adds an evidence card (a new unique id); returns its id. */
  addEvidence(card: Omit<EvidenceDef, 'id'>): EditResult;
  updateEvidence(evidenceId: string, patch: EvidencePatch): EditResult;
  /** Deletes a card and every link to it. */
  deleteEvidence(evidenceId: string): EditResult;
  linkEvidence(evidenceId: string, target: EvidenceTarget): EditResult;
  unlinkEvidence(evidenceId: string, target: EvidenceTarget): EditResult;

  // ---- run settings ----
  setRuns(runs: number): EditResult;
  setSeed(seed: number): EditResult;
  /** 1..120 months; events after a shorter horizon move to its last month (`clamped` says how many). */
  setHorizon(months: number): EditResult;
  setStartMonth(month: string): EditResult;
  /** elevated < high < crisis, each 0..100. */
  setThresholds(thresholds: MizanDoc['thresholds']): EditResult;

  /**
   * Opens a gesture (a slider drag, a visit to a field): edits with `key` until endGesture()
   * make one undo step. `fresh`: the step is the gesture's own even right after an edit of the
   * same key (a field's visit after the ± that made its range); any gesture open is ended first.
   */
  beginGesture(key: string, options?: { fresh?: boolean }): void;
  endGesture(): void;
  undo(): void;
  redo(): void;
  markSaved(saved: SavedInfo): void;
  /**
   * The file no longer holds the open document (another program changed or removed it, and
   * the person kept their version): the document becomes unsaved, still tied to its file.
   */
  markUnsaved(): void;
  setLanguage(language: Language): void;
  setTheme(theme: ThemeChoice): void;
  selectScenario(scenarioId: string | null): void;
  /** Chooses the scenarios the charts compare (null: all). */
  setCompared(compared: string[] | null): void;
}

export type TrackedState = Pick<DocumentState, 'document'>;

export interface DocumentStoreOptions {
  /** Milliseconds within which repeated edits of the same thing make one undo step. */
  coalesceMs?: number;
  /** Most undo steps kept. */
  limit?: number;
  /** The clock, for tests. */
  now?: () => number;
  view?: Partial<ViewState>;
  /** Validate every edited document before it replaces the current one (default true). */
  validate?: boolean;
}

const serializedCache = new WeakMap<MizanDoc, string>();

/** serializeDocument, memoized per document object (documents are never mutated). */
export function serialized(document: MizanDoc): string {
  let text = serializedCache.get(document);
  if (text === undefined) {
    text = serializeDocument(document);
    serializedCache.set(document, text);
  }
  return text;
}

export function isDirty(state: Pick<DocumentState, 'document' | 'savedDocument' | 'savedText'>): boolean {
  const { document } = state;
  if (document === null) return false;
  const saved = state.savedDocument;
  if (document === saved) return false;
  // savedText is always the text of savedDocument (both null/"" for work never saved).
  return saved === null || !sameContent(document, saved);
}

export const WEIGHT_MIN = 0;
export const WEIGHT_MAX = 10;

/** The weight the central path uses (the mode of a range). */
export const centralWeight: (weight: Uncertain) => number = central;

/**
 * The view state made to fit a document: the selected scenario exists (else the first one),
 * and the compared scenarios exist and are at least one (else null: all). Same object when it fits.
 */
export function fitView(view: ViewState, doc: MizanDoc | null): ViewState {
  if (!doc) return view;
  const ids = doc.scenarios.map((s) => s.id);
  const scenarioId = view.scenarioId !== null && ids.includes(view.scenarioId) ? view.scenarioId : (ids[0] ?? null);
  let compared = view.compared;
  if (compared !== null) {
    const kept = compared.filter((id) => ids.includes(id));
    compared = kept.length === 0 ? null : kept.length === compared.length ? compared : kept;
  }
  return scenarioId === view.scenarioId && compared === view.compared ? view : { ...view, scenarioId, compared };
}

/** The scenarios the charts compare, in document order (all of them when `compared` is null). */
export function comparedIds(view: ViewState, doc: MizanDoc): string[] {
  const ids = doc.scenarios.map((s) => s.id);
  if (view.compared === null) return ids;
  return ids.filter((id) => view.compared!.includes(id));
}

export function createDocumentStore(options: DocumentStoreOptions = {}) {
  const coalesceMs = options.coalesceMs ?? 1000;
  const now = options.now ?? (() => Date.now());
  const validate = options.validate ?? true;

  /** True while a set should merge into the current undo step. */
  let merging = false;
  let lastEdit: { key: string; at: number } | null = null;
  let gesture: { key: string; before: MizanDoc | null } | null = null;

  const endRun = () => {
    lastEdit = null;
    gesture = null;
  };

  const store = createStore<DocumentState>()(
    temporal(
      (set, get, api) => {
        /**
         * Applies an edit to the document as an undo step (or merged into the last one when
         * `key` is that of the run in progress; a null key never merges).
         */
        const edit = (
          key: string | null,
          produce: (doc: MizanDoc) => E.Edited,
          view?: (view: ViewState, next: MizanDoc) => ViewState
        ): EditResult => {
          const current = get().document;
          if (!current) return { ok: false, reason: 'no-document' };
          const next = produce(current);
          if (next instanceof Refused) return { ok: false, reason: next.reason };
          if (next === current) return { ok: true, changed: false };
          const at = now();
          const merges =
            key !== null &&
            lastEdit !== null &&
            lastEdit.key === key &&
            ((gesture !== null && gesture.key === key) || at - lastEdit.at <= coalesceMs);
          if (validate && !merges) {
            const check = validateDocument(next);
            if (!check.ok) {
              console.error(
                `Mizan refused an edit (${key ?? 'edit'}) that would make the document invalid:`,
                check.problems
              );
              return { ok: false, reason: 'invalid' };
            }
          }
          const currentView = get().view;
          const nextView = fitView(view ? view(currentView, next) : currentView, next);
          merging = merges;
          try {
            set(nextView === currentView ? { document: next } : { document: next, view: nextView });
          } finally {
            merging = false;
          }
          lastEdit = key === null ? null : { key, at };
          return { ok: true, changed: true };
        };

        /** Adds something with a new id: the id goes into the result. */
        const create = (
          newId: (doc: MizanDoc) => string,
          produce: (doc: MizanDoc, id: string) => E.Edited,
          view?: (view: ViewState, next: MizanDoc, id: string) => ViewState
        ): EditResult => {
          const doc = get().document;
          if (!doc) return { ok: false, reason: 'no-document' };
          const id = newId(doc);
          const result = edit(null, (d) => produce(d, id), view ? (v, next) => view(v, next, id) : undefined);
          return result.ok ? { ...result, id } : result;
        };

        /** After undo or redo: the selection follows the document. */
        const refitView = () => {
          const state = get();
          const view = fitView(state.view, state.document);
          if (view !== state.view) set({ view });
        };

        /** A new scenario becomes the selected one, and is compared when the comparison is a list. */
        const showScenario = (view: ViewState, _next: MizanDoc, id: string): ViewState => ({
          ...view,
          scenarioId: id,
          compared: view.compared === null ? null : [...view.compared, id]
        });

        /** Sets state without recording an undo step, and forgets the history. */
        const replaceUntracked = (partial: Partial<DocumentState>, clearHistory: boolean) => {
          const temporalStore = (api as unknown as { temporal: typeof store.temporal }).temporal;
          temporalStore.getState().pause();
          try {
            set(partial);
          } finally {
            temporalStore.getState().resume();
          }
          if (clearHistory) temporalStore.getState().clear();
          endRun();
        };

        const firstScenario = (doc: MizanDoc, keep: string | null) =>
          keep !== null && doc.scenarios.some((s) => s.id === keep) ? keep : (doc.scenarios[0]?.id ?? null);

        return {
          document: null,
          fileHandle: null,
          fileName: null,
          savedText: '',
          savedDocument: null,
          view: {
            language: options.view?.language ?? 'en',
            theme: options.view?.theme ?? 'system',
            scenarioId: options.view?.scenarioId ?? null,
            compared: options.view?.compared ?? null
          },

          newDocument(document) {
            const doc = document ?? blankDocument(get().view.language, new Date(now()));
            replaceUntracked(
              {
                document: doc,
                fileHandle: null,
                fileName: null,
                savedText: serialized(doc),
                savedDocument: doc,
                view: { ...get().view, scenarioId: firstScenario(doc, null), compared: null }
              },
              true
            );
          },

          openDocument(result, open = {}) {
            if (!result.ok) return { ok: false, problems: result.problems };
            const doc = result.document;
            const unsaved = open.unsaved === true;
            replaceUntracked(
              {
                document: doc,
                fileHandle: unsaved ? null : (open.fileHandle ?? null),
                fileName: unsaved ? null : (open.fileName ?? null),
                savedText: unsaved ? '' : serialized(doc),
                savedDocument: unsaved ? null : doc,
                view: { ...get().view, scenarioId: firstScenario(doc, null), compared: null }
              },
              true
            );
            return { ok: true };
          },

          setTitle(title) {
            // Checked here, not only by the field's maxlength: merged edits are not validated again.
            edit('title', (doc) =>
              title.length > LIMITS.labelChars ? new Refused('too-long') : doc.title === title ? doc : { ...doc, title }
            );
          },

          setAuthor(author) {
            return edit(editKeys.author(), (doc) => {
              if (author.length > LIMITS.labelChars) return new Refused('too-long');
              if ((doc.author ?? '') === author || (doc.author === undefined && author.trim() === '')) return doc;
              const { author: _previous, ...rest } = doc;
              return author.trim() === '' ? rest : { ...rest, author };
            });
          },

          setFactorWeight(factorId, value) {
            if (!Number.isFinite(value)) return { ok: false, reason: 'not-number' };
            const v = Math.min(WEIGHT_MAX, Math.max(WEIGHT_MIN, value));
            return edit(editKeys.weight(factorId), (doc) => E.setFactorWeight(doc, factorId, v));
          },

          addFactor(input) {
            return create(E.newFactorId, (doc, id) => E.addFactor(doc, { ...input, id }));
          },
          renameFactor(factorId, label) {
            return edit(editKeys.factorLabel(factorId), (doc) => E.renameFactor(doc, factorId, label));
          },
          setFactorDescription(factorId, description) {
            return edit(editKeys.factorDescription(factorId), (doc) =>
              E.setFactorDescription(doc, factorId, description)
            );
          },
          setFactorDirection(factorId, direction) {
            return edit(null, (doc) => E.setFactorDirection(doc, factorId, direction));
          },
          setFactorWeightRange(factorId, weight) {
            return edit(editKeys.weightRange(factorId), (doc) => E.setFactorWeightRange(doc, factorId, weight));
          },
          moveFactor(factorId, delta) {
            return edit(editKeys.moveFactor(factorId), (doc) => E.moveFactor(doc, factorId, delta));
          },
          deleteFactor(factorId) {
            return edit(null, (doc) => E.deleteFactor(doc, factorId));
          },

          addScenario(input) {
            return create(
              E.newScenarioId,
              (doc, id) => E.addScenario(doc, { id, name: input.name, color: input.color ?? E.nextScenarioColor(doc) }),
              showScenario
            );
          },
          duplicateScenario(scenarioId, input) {
            return create(
              E.newScenarioId,
              (doc, id) =>
                E.duplicateScenario(doc, scenarioId, {
                  id,
                  name: input.name,
                  color: input.color ?? E.nextScenarioColor(doc)
                }),
              showScenario
            );
          },
          renameScenario(scenarioId, name) {
            return edit(editKeys.scenarioName(scenarioId), (doc) => E.renameScenario(doc, scenarioId, name));
          },
          setScenarioColor(scenarioId, color) {
            return edit(editKeys.scenarioColor(scenarioId), (doc) => E.setScenarioColor(doc, scenarioId, color));
          },
          setScenarioNotes(scenarioId, notes) {
            return edit(editKeys.scenarioNotes(scenarioId), (doc) => E.setScenarioNotes(doc, scenarioId, notes));
          },
          deleteScenario(scenarioId) {
            return edit(
              null,
              (doc) => E.deleteScenario(doc, scenarioId),
              (view, next) => {
                if (view.scenarioId !== scenarioId) return view;
                // Select the neighbour that takes its place (or the one before, for the last).
                const before = get().document!.scenarios.findIndex((s) => s.id === scenarioId);
                return { ...view, scenarioId: next.scenarios[Math.min(before, next.scenarios.length - 1)].id };
              }
            );
          },
          setScenarioFactor(scenarioId, factorId, field, value) {
            return edit(editKeys.level(scenarioId, factorId, field), (doc) =>
              E.setScenarioFactor(doc, scenarioId, factorId, field, value)
            );
          },
          setScenarioFactorRange(scenarioId, factorId, field, value) {
            return edit(editKeys.levelRange(scenarioId, factorId, field), (doc) =>
              E.setScenarioFactorRange(doc, scenarioId, factorId, field, value)
            );
          },
          setWeightOverride(scenarioId, factorId, value) {
            return edit(editKeys.override(scenarioId, factorId), (doc) =>
              E.setWeightOverride(doc, scenarioId, factorId, value)
            );
          },

          setInteraction(from, to, strength) {
            return edit(editKeys.interaction(from, to), (doc) => E.setInteraction(doc, from, to, strength));
          },

          addEvent(scenarioId, event) {
            return create(E.newEventId, (doc, id) => E.addEvent(doc, scenarioId, { ...event, id }));
          },
          updateEvent(scenarioId, eventId, patch) {
            return edit(editKeys.event(eventId, patch), (doc) => E.updateEvent(doc, scenarioId, eventId, patch));
          },
          moveEvent(scenarioId, eventId, month) {
            return edit(editKeys.eventMonth(eventId), (doc) => E.moveEvent(doc, scenarioId, eventId, month));
          },
          deleteEvent(scenarioId, eventId) {
            return edit(null, (doc) => E.deleteEvent(doc, scenarioId, eventId));
          },

          addEvidence(card) {
            return create(E.newEvidenceId, (doc, id) => E.addEvidence(doc, { ...card, id }));
          },
          updateEvidence(evidenceId, patch) {
            return edit(editKeys.evidence(evidenceId, patch), (doc) => E.updateEvidence(doc, evidenceId, patch));
          },
          deleteEvidence(evidenceId) {
            return edit(null, (doc) => E.deleteEvidence(doc, evidenceId));
          },
          linkEvidence(evidenceId, target) {
            return edit(null, (doc) => E.linkEvidence(doc, evidenceId, target));
          },
          unlinkEvidence(evidenceId, target) {
            return edit(null, (doc) => E.unlinkEvidence(doc, evidenceId, target));
          },

          setRuns(runs) {
            return edit(editKeys.runs(), (doc) => E.setRuns(doc, runs));
          },
          setSeed(seed) {
            return edit(editKeys.seed(), (doc) => E.setSeed(doc, seed));
          },
          setHorizon(months) {
            const doc = get().document;
            const clamped = doc && Number.isInteger(months) ? E.eventsBeyond(doc, months) : 0;
            const result = edit(editKeys.horizon(), (d) => E.setHorizon(d, months));
            return result.ok && result.changed ? { ...result, clamped } : result;
          },
          setStartMonth(month) {
            return edit(editKeys.startMonth(), (doc) => E.setStartMonth(doc, month));
          },
          setThresholds(thresholds) {
            return edit(editKeys.thresholds(), (doc) => E.setThresholds(doc, thresholds));
          },

          beginGesture(key, options) {
            if (options?.fresh) {
              get().endGesture();
              lastEdit = null;
            } else if (gesture?.key === key) return;
            // A gesture continues the run of its key only while that run is fresh (arrow keys, then a drag at once).
            if (lastEdit?.key !== key || now() - lastEdit.at > coalesceMs) lastEdit = null;
            gesture = { key, before: get().document };
          },

          endGesture() {
            const open = gesture;
            gesture = null;
            if (open === null) return;
            // A drag that ended where it began is no change: drop its undo step and put the
            // very object back, so a saved document reads as saved again.
            const current = get().document;
            const before = open.before;
            if (before && current && current !== before && lastEdit?.key === open.key && sameContent(current, before)) {
              const temporalStore = store.temporal;
              const past = temporalStore.getState().pastStates;
              if (past.length > 0 && past[past.length - 1].document === before) {
                replaceUntracked({ document: before }, false);
                temporalStore.setState({ pastStates: past.slice(0, -1) });
              }
            }
            // Arrow keys after a drag start a new step.
            lastEdit = null;
          },

          undo() {
            endRun();
            store.temporal.getState().undo();
            refitView();
          },

          redo() {
            endRun();
            store.temporal.getState().redo();
            refitView();
          },

          markSaved(saved) {
            const state = get();
            // The save stamped modifiedAt on a copy; when nothing was edited while it was
            // being written, that copy becomes the open document (not an undo step).
            const unchanged = saved.replacing === undefined || saved.replacing === state.document;
            replaceUntracked(
              {
                ...(unchanged ? { document: saved.document } : {}),
                savedText: saved.text,
                savedDocument: saved.document,
                fileHandle: saved.fileHandle,
                fileName: saved.fileName
              },
              false
            );
          },

          markUnsaved() {
            if (get().document === null) return;
            replaceUntracked({ savedText: '', savedDocument: null }, false);
          },

          setLanguage(language) {
            set({ view: { ...get().view, language } });
          },

          setTheme(theme) {
            set({ view: { ...get().view, theme } });
          },

          setCompared(compared) {
            set({ view: fitView({ ...get().view, compared }, get().document) });
          },
          selectScenario(scenarioId) {
            set({ view: fitView({ ...get().view, scenarioId }, get().document) });
          }
        };
      },
      {
        partialize: (state): TrackedState => ({ document: state.document }),
        equality: (past, current) => past.document === current.document,
        limit: options.limit ?? 200,
        handleSet: (handleSet) => (pastState, replace, currentState, deltaState) => {
          if (merging) return;
          (handleSet as (...args: unknown[]) => void)(pastState, replace, currentState, deltaState);
        }
      }
    )
  );
  return store;
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;
export type DocumentTemporalState = TemporalState<TrackedState>;
