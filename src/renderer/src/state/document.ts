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
// before the run. Discrete edits (add, delete, duplicate, link) have no key and never merge.
// An edit that finishes a run (an event's id settled from the name just typed, `joins`) merges
// into it however late it comes.
//
// The document actions come from the table of edits (editTable.ts): each row names a pure
// edit of src/engine/edits.ts (so the CLI and tests use the same edits) and its undo-merge
// key; `dispatch` below runs any row. Every action returns an EditResult, so the editor can
// say why an edit was refused. As a last guard, each edited
// document is validated (schema + references, ~1 ms) before it replaces the current one:
// an edit that would make the file invalid is refused ('invalid') and reported on the console,
// so the document in the window can always be saved and opened again. The schema walks only the
// parts the edit did not share with the document before (isValidEdit; the largest document's
// full walk is about 270 ms here). Edits merged into a run
// (the steps of a drag after the first) are not validated again: they set the same value as
// the run's first, validated, edit, and the edit functions check values against the same
// bounds as the schema (a property test runs every edit with this guard off).
import { createStore } from 'zustand/vanilla';
import { temporal, type TemporalState } from 'zundo';
import {
  isValidEdit,
  sameContent,
  serializeDocument,
  validateDocument,
  type LoadResult,
  type MizanDoc,
  type Problem,
  type Language
} from '../../../engine/format';
import type { FileHandleId, ThemeChoice } from '../../../contract/bridge';
import { Refused } from '../../../engine/edits';
import { blankDocument } from './blank';
import { EDITS, mergeKey, type EditActions, type EditResult, type EditRow } from './editTable';
import { followScenarios } from './followScenarios';

export { editKeys, type EditResult } from './editTable';

export interface ViewState {
  language: Language;
  theme: ThemeChoice;
  /** The scenario whose details the workbench shows. */
  scenarioId: string | null;
  /** The scenarios the charts compare, in order; null: all of them. */
  compared: string[] | null;
  /** The editor lists only the names typed in one language (the toolbar's count toggles it). */
  untranslatedOnly?: boolean;
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
  /** Restored unsaved work: open it dirty, tied to the file given (if any) but not saved there. */
  unsaved?: boolean;
}

export interface DocumentState extends EditActions {
  document: MizanDoc | null;
  fileHandle: FileHandleId | null;
  /** The file's base name, or null for a document not saved to a file yet. */
  fileName: string | null;
  /** The serialized text at the last save or open ("" when never saved: always dirty). */
  savedText: string;
  /** The document object savedText was written from (the fast path of the dirty test). */
  savedDocument: MizanDoc | null;
  /**
   * The file format version the open file was written in, when older than the current one (it
   * was converted on opening, and saving writes the current version); null otherwise.
   */
  olderFormat: number | null;
  view: ViewState;

  newDocument(document?: MizanDoc): void;
  /** Replaces the document with a loaded one; a failed load changes nothing and returns its problems. */
  openDocument(result: LoadResult, options?: OpenOptions): { ok: true } | { ok: false; problems: Problem[] };
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
  /** Lists only the names that need translation in the editor (or everything again). */
  setUntranslatedOnly(on: boolean): void;
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
         * Applies a row of the table of edits to the document as an undo step (or merged into
         * the last one when its key is that of the run in progress; a row without a key never merges).
         */
        const dispatch = (row: EditRow<unknown[]>, args: unknown[]): EditResult => {
          const current = get().document;
          if (!current) return { ok: false, reason: 'no-document' };
          const id = row.newId?.(current);
          const next = id === undefined ? row.apply(current, ...args) : row.apply(current, id, ...args);
          if (next instanceof Refused) return { ok: false, reason: next.reason };
          if (next === current)
            return id === undefined ? { ok: true, changed: false } : { ok: true, changed: false, id };
          const joins = row.joins?.(...args) ?? null;
          const key = mergeKey(row, args) ?? joins;
          const at = now();
          const merges =
            key !== null &&
            lastEdit !== null &&
            lastEdit.key === key &&
            (joins !== null || (gesture !== null && gesture.key === key) || at - lastEdit.at <= coalesceMs);
          // An edit that joins a run changes more than the run's own edits did: check it too.
          // The check walks only what the edit changed (isValidEdit); the full one only names the problems.
          if (validate && (!merges || joins !== null) && !isValidEdit(current, next)) {
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
          const view = row.view ? row.view(currentView, { before: current, next, id }, ...args) : currentView;
          const nextView = fitView(view, next);
          merging = merges;
          try {
            set(nextView === currentView ? { document: next } : { document: next, view: nextView });
          } finally {
            merging = false;
          }
          lastEdit = key === null ? null : { key, at };
          const details = row.details?.(current, ...args);
          return { ok: true, changed: true, ...(id === undefined ? {} : { id }), ...details };
        };

        /** The document actions, one per row of the table of edits. */
        const editActions = Object.fromEntries(
          Object.entries(EDITS).map(([name, row]) => [
            name,
            (...args: unknown[]) => dispatch(row as EditRow<unknown[]>, args)
          ])
        ) as EditActions;

        /** After undo or redo: the selection follows the document (and a scenario whose id changed). */
        const refitView = (before: MizanDoc | null) => {
          const state = get();
          const view = fitView(followScenarios(state.view, before, state.document), state.document);
          if (view !== state.view) set({ view });
        };

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
          olderFormat: null,
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
                olderFormat: null,
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
                fileHandle: open.fileHandle ?? null,
                fileName: open.fileName ?? null,
                savedText: unsaved ? '' : serialized(doc),
                savedDocument: unsaved ? null : doc,
                olderFormat: result.migratedFrom ?? null,
                view: { ...get().view, scenarioId: firstScenario(doc, null), compared: null }
              },
              true
            );
            return { ok: true };
          },

          ...editActions,

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
            const before = get().document;
            store.temporal.getState().undo();
            refitView(before);
          },

          redo() {
            endRun();
            const before = get().document;
            store.temporal.getState().redo();
            refitView(before);
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
                fileName: saved.fileName,
                // The file now holds the current format.
                olderFormat: null
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
          },
          setUntranslatedOnly(on) {
            set({ view: { ...get().view, untranslatedOnly: on } });
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
