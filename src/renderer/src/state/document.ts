// The document store: one zustand vanilla store per window, holding the open analysis,
// where it lives, what was last saved, and the view state. zundo's `temporal` middleware
// records undo history for the document only (`partialize` keeps `document`, `equality`
// ignores every set that leaves it as it was), so switching language or theme is never
// an undo step.
//
// Dirty: `document !== savedDocument && serialized(document) !== savedText`. The identity
// test is the fast path (undo back to the saved state restores the very object that was
// saved, so it is clean at no cost); the text comparison catches an edit that put every
// value back as it was (a weight dragged away and back). Serializing takes ~2 ms for the
// default analysis and is memoized per document object, so it runs once per edit.
//
// Coalescing: each edit names what it changes (`weight:<factorId>`, `title`). An edit with
// the same key as the previous one merges into the previous undo step when an explicit
// gesture is open (pointer down on a slider … pointer up) or when it comes within
// `coalesceMs` of it (keys held down, typing). Undo, redo, open, new, save and an edit of
// another key end the run. Merging is done in zundo's `handleSet` hook: a merged set simply
// does not push a past state, because the run's first edit already pushed the state from
// before the run.
import { createStore } from 'zustand/vanilla';
import { temporal, type TemporalState } from 'zundo';
import { serializeDocument, type LoadResult, type MizanDoc, type Problem, type Uncertain } from '../../../engine/format';
import type { FileHandleId, Language, ThemeChoice } from '../../../shared/bridge';
import { blankDocument } from './blank';

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
  /** Sets a factor's base weight (0..10); for a range, its mode, widening the range if needed. */
  setFactorWeight(factorId: string, value: number): void;
  /** Starts a gesture (a slider drag): its edits of `key` make one undo step. */
  beginGesture(key: string): void;
  endGesture(): void;
  undo(): void;
  redo(): void;
  markSaved(saved: SavedInfo): void;
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
  if (document === state.savedDocument) return false;
  return serialized(document) !== state.savedText;
}

export const WEIGHT_MIN = 0;
export const WEIGHT_MAX = 10;

/** The weight the central path uses (the mode of a range). */
export function centralWeight(weight: Uncertain): number {
  return typeof weight === 'number' ? weight : weight.mode;
}

function withWeight(weight: Uncertain, value: number): Uncertain {
  if (typeof weight === 'number') return value;
  return { low: Math.min(weight.low, value), mode: value, high: Math.max(weight.high, value) };
}

export function createDocumentStore(options: DocumentStoreOptions = {}) {
  const coalesceMs = options.coalesceMs ?? 1000;
  const now = options.now ?? (() => Date.now());

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
        /** Applies an edit to the document as an undo step (or merged into the last one). */
        const edit = (key: string, produce: (doc: MizanDoc) => MizanDoc) => {
          const current = get().document;
          if (!current) return;
          const next = produce(current);
          if (next === current) return;
          const at = now();
          merging =
            lastEdit !== null &&
            lastEdit.key === key &&
            ((gesture !== null && gesture.key === key) || at - lastEdit.at <= coalesceMs);
          try {
            set({ document: next });
          } finally {
            merging = false;
          }
          lastEdit = { key, at };
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
            edit('title', (doc) => (doc.title === title ? doc : { ...doc, title }));
          },

          setFactorWeight(factorId, value) {
            if (!Number.isFinite(value)) return;
            const v = Math.min(WEIGHT_MAX, Math.max(WEIGHT_MIN, value));
            edit(`weight:${factorId}`, (doc) => {
              const index = doc.factors.findIndex((f) => f.id === factorId);
              if (index === -1) return doc;
              const factor = doc.factors[index];
              if (centralWeight(factor.weight) === v) return doc;
              const factors = doc.factors.slice();
              factors[index] = { ...factor, weight: withWeight(factor.weight, v) };
              return { ...doc, factors };
            });
          },

          beginGesture(key) {
            if (gesture?.key === key) return;
            if (lastEdit?.key !== key) lastEdit = null;
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
            if (before && current && current !== before && lastEdit?.key === open.key && serialized(current) === serialized(before)) {
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
          },

          redo() {
            endRun();
            store.temporal.getState().redo();
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

          setLanguage(language) {
            set({ view: { ...get().view, language } });
          },

          setTheme(theme) {
            set({ view: { ...get().view, theme } });
          },

          setCompared(compared) {
            set({ view: { ...get().view, compared } });
          },
          selectScenario(scenarioId) {
            set({ view: { ...get().view, scenarioId } });
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
