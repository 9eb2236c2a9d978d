// The app's commands — New, Open, Save, Save As, Undo, Redo, Close, recovery — written once
// against the Bridge, so they behave the same in Electron and in the browser. No DOM here:
// the dialogs are asked through `ask`, time goes through `now` and the timer functions, so
// the whole flow runs in unit tests with a fake bridge.
import { createStore } from 'zustand/vanilla';
import { loadBundledDocument, loadDocument, type LoadResult, type Language } from '../../../engine/format';
import type {
  Bridge,
  DiskState,
  FileHandleId,
  LastFile,
  MenuCommand,
  OpenedFile,
  Outcome,
  RecoveryRead,
  RecoverySummary,
  SaveOutcome,
  ThemeChoice
} from '../../../contract/bridge';
import { isDirty, serialized, type DocumentState, type DocumentStore } from '../state/document';
import { isLanguage } from '../i18n';
import type { DialogAnswer, DialogRequest } from './dialogs';

export interface StatusState {
  /** 'starting' until a document is open (or the recovery offer is up), then 'ready'. */
  phase: 'starting' | 'recovery' | 'ready';
  /** When unsaved work was last copied for recovery (ISO), while there is such a copy. */
  recoverySavedAt: string | null;
  /** How many documents New has made in this window: the header focuses the title when it grows. */
  newDocuments: number;
}

export interface ControllerOptions {
  store: DocumentStore;
  bridge: Bridge;
  ask: (request: DialogRequest) => Promise<DialogAnswer>;
  /** The analysis opened when there is nothing to restore. */
  defaultDocument: { text: string; fileName: string };
  /** Identifies this window's recovery copy. */
  recoveryKey: string;
  /** Quiet time after an edit before the recovery copy is written. */
  recoveryDelayMs?: number;
  /** Longest a continuous run of edits goes without a recovery copy. */
  recoveryMaxWaitMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /** Closes the window once the person agreed (after the unsaved-changes prompt). */
  closeWindow?: () => void;
  /**
   * Calls `handler` whenever the window gets the focus back (the person may have changed the
   * file in another program meanwhile); returns the function that stops it.
   */
  onWindowFocus?: (handler: () => void) => () => void;
}

const THEMES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** A file name for a document never saved: its title, made safe for every file system. */
export function suggestedFileName(state: Pick<DocumentState, 'fileName' | 'document'>): string {
  if (state.fileName) return state.fileName;
  const title = state.document?.title ?? '';
  const base = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return `${base || 'analysis'}.mizan`;
}

export function createController(options: ControllerOptions) {
  const { store, bridge, ask } = options;
  const now = options.now ?? (() => Date.now());
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  const recoveryDelayMs = options.recoveryDelayMs ?? 1000;
  const recoveryMaxWaitMs = options.recoveryMaxWaitMs ?? 5000;
  const key = options.recoveryKey;

  const status = createStore<StatusState>()(() => ({ phase: 'starting', recoverySavedAt: null, newDocuments: 0 }));
  const cleanups: (() => void)[] = [];
  /** Who carries out File ▸ Export ▸ <kind>: the analysis pane (charts) and the report view register. */
  const exporters = new Map<string, () => void | Promise<void>>();

  // ---- one command at a time -------------------------------------------------------------
  // File commands and the dialogs they raise are modal: a second command while one runs
  // (a shortcut pressed under a dialog, a double click) is ignored.
  // Files handed over by the OS or a drop are not ignored, though: they wait their turn
  // (Electron sends a launch file as soon as the renderer listens, which is during start).
  let busy = false;
  const handedOver: OpenedFile[] = [];
  async function exclusive<T>(fn: () => Promise<T>): Promise<T | undefined> {
    if (busy) return undefined;
    busy = true;
    try {
      return await fn();
    } finally {
      busy = false;
      const next = handedOver.shift();
      if (next) void exclusive(() => receive({ ok: true, value: next }, true));
    }
  }

  // ---- recovery copies ---------------------------------------------------------------------
  // Recovery mirrors the dirty state: while the document is dirty a copy is written ~1 s after
  // the last change; as soon as it is clean (saved, undone back to the saved state, a clean
  // New or Open) the copy is removed. Bridge calls are chained so they land in order.
  let recoveryTimer: unknown = null;
  let pendingSince: number | null = null;
  let copyExists = false;
  let chain: Promise<void> = Promise.resolve();
  const enqueue = (job: () => Promise<void>) => {
    chain = chain.then(job).catch(() => {
      // A failed recovery write is not worth interrupting the analyst; the next edit retries.
    });
    return chain;
  };

  const writeCopyNow = () =>
    enqueue(async () => {
      const state = store.getState();
      if (!state.document || !isDirty(state)) return;
      const savedAt = new Date(now()).toISOString();
      await bridge.writeRecovery({
        key,
        title: state.document.title,
        savedAt,
        text: serialized(state.document),
        file: state.fileHandle
      });
      copyExists = true;
      status.setState({ recoverySavedAt: savedAt });
    });

  const removeCopy = () =>
    enqueue(async () => {
      if (!copyExists) return;
      copyExists = false;
      status.setState({ recoverySavedAt: null });
      await bridge.clearRecovery(key);
    });

  function cancelPendingCopy() {
    if (recoveryTimer !== null) clearTimer(recoveryTimer);
    recoveryTimer = null;
    pendingSince = null;
  }

  function scheduleCopy() {
    const t = now();
    pendingSince ??= t;
    if (recoveryTimer !== null) clearTimer(recoveryTimer);
    const wait = t - pendingSince >= recoveryMaxWaitMs ? 0 : recoveryDelayMs;
    recoveryTimer = setTimer(() => {
      recoveryTimer = null;
      pendingSince = null;
      void writeCopyNow();
    }, wait);
  }

  /** Writes any pending recovery copy now (before closing, after a restore). */
  function flushRecovery(): Promise<void> {
    if (recoveryTimer !== null) {
      cancelPendingCopy();
      return writeCopyNow();
    }
    return chain;
  }

  function watchDocument() {
    let lastTitle = '';
    let lastDirty: boolean | null = null;
    return store.subscribe((state, previous) => {
      const changed =
        state.document !== previous.document ||
        state.savedDocument !== previous.savedDocument ||
        state.savedText !== previous.savedText;
      if (!changed) return;
      const dirty = isDirty(state);
      if (dirty) scheduleCopy();
      else {
        cancelPendingCopy();
        void removeCopy();
      }
      const title = state.document?.title ?? '';
      if (title !== lastTitle || dirty !== lastDirty) {
        lastTitle = title;
        lastDirty = dirty;
        bridge.setDocumentState({ title, dirty });
      }
    });
  }

  // ---- opening -----------------------------------------------------------------------------
  /** Shows why a file could not be opened; the open document is left as it was. */
  async function reportProblems(fileName: string, result: Extract<LoadResult, { ok: false }>) {
    await ask({ kind: 'problems', fileName, problems: result.problems });
  }

  /** Asks about unsaved changes; true when it is fine to replace the document. */
  async function confirmDiscard(): Promise<boolean> {
    const state = store.getState();
    if (!isDirty(state)) return true;
    const answer = await ask({ kind: 'unsaved', title: state.document?.title ?? '' });
    if (answer === 'save') return saveDocument(false);
    return answer === 'discard';
  }

  function openLoaded(result: LoadResult, file: { handle: FileHandleId | null; name: string }) {
    store.getState().openDocument(result, { fileHandle: file.handle, fileName: file.name });
    keptOverDisk = null;
  }

  /** Handles what an open dialog returned. */
  async function receive(outcome: Outcome<OpenedFile>, confirmFirst: boolean): Promise<boolean> {
    if (!outcome.ok) {
      if (!outcome.canceled) await ask({ kind: 'error', action: 'open', message: outcome.error });
      return false;
    }
    const file = outcome.value;
    const result = loadDocument(file.text, { fileName: file.name });
    if (!result.ok) {
      await reportProblems(file.name, result);
      return false;
    }
    if (confirmFirst && !(await confirmDiscard())) return false;
    openLoaded(result, file);
    return true;
  }

  function openDefault() {
    const { text, fileName } = options.defaultDocument;
    const result = loadBundledDocument(text, { fileName });
    if (result.ok) store.getState().openDocument(result, { fileHandle: null, fileName });
    else store.getState().newDocument();
  }

  // ---- the file changed on disk -------------------------------------------------------------
  // Another program may change or remove the open file. A save finds out (the platform writes
  // nothing and says so), and so does coming back to the window. The person chooses; until
  // then the document and its unsaved edits stay as they are.
  /** The file whose change on disk the person chose to keep their version over: not asked again on focus. */
  let keptOverDisk: FileHandleId | null = null;

  /** Opens the file again from disk, through the normal open path; the edits here are dropped. */
  async function reload(handle: FileHandleId): Promise<boolean> {
    let outcome: Outcome<OpenedFile>;
    try {
      outcome = await bridge.openRecent(handle);
    } catch (error) {
      outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    return receive(outcome, false);
  }

  /** "Keep mine": the document stays, marked unsaved (the file no longer holds it), and focus stops asking. */
  function keepOverDisk(handle: FileHandleId) {
    keptOverDisk = handle;
    store.getState().markUnsaved();
  }

  function askAboutDisk(change: Exclude<DiskState, 'same'>, saving: boolean) {
    const state = store.getState();
    return ask({
      kind: 'disk',
      change,
      saving,
      fileName: state.fileName ?? suggestedFileName(state),
      dirty: isDirty(state)
    });
  }

  /** A save found the file changed or gone and wrote nothing: Overwrite, Save As…, Reload, or Cancel. */
  async function resolveSaveConflict(handle: FileHandleId, change: Exclude<DiskState, 'same'>): Promise<boolean> {
    const answer = await askAboutDisk(change, true);
    if (answer === 'overwrite') return saveDocument(false, true);
    if (answer === 'save-as') return saveDocument(true);
    if (answer === 'reload' && change === 'changed') await reload(handle);
    // Reloading replaced the edits rather than saving them: whatever waited on the save does not go ahead.
    return false;
  }

  /** On coming back to the window: has the file changed or gone? If so, ask what to do. */
  async function checkDiskNow(): Promise<void> {
    const handle = store.getState().fileHandle;
    if (handle === null || handle === keptOverDisk) return;
    let disk: DiskState;
    try {
      disk = await bridge.checkDisk(handle);
    } catch {
      return; // Nothing can be said about the file; the next save checks again.
    }
    if (disk === 'same' || store.getState().fileHandle !== handle) return;
    const answer = await askAboutDisk(disk, false);
    if (disk === 'changed' && answer === 'reload') await reload(handle);
    else if (disk === 'deleted' && answer === 'overwrite') await saveDocument(false, true);
    else if (disk === 'deleted' && answer === 'save-as') await saveDocument(true);
    else keepOverDisk(handle);
  }

  // ---- saving ------------------------------------------------------------------------------
  /** `overwrite`: write even though the file changed on disk (the person chose Overwrite). */
  async function saveDocument(as: boolean, overwrite = false): Promise<boolean> {
    const state = store.getState();
    const doc = state.document;
    if (!doc) return false;
    const stamped = { ...doc, modifiedAt: new Date(now()).toISOString() };
    let text: string;
    try {
      text = serialized(stamped);
    } catch (error) {
      await ask({ kind: 'error', action: 'save', message: error instanceof Error ? error.message : String(error) });
      return false;
    }
    const name = suggestedFileName(state);
    const handle = as ? null : state.fileHandle;
    let outcome: SaveOutcome;
    try {
      outcome =
        handle === null
          ? await bridge.saveAs(text, name)
          : await bridge.save(handle, text, name, overwrite ? { overwrite: true } : undefined);
    } catch (error) {
      outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    if (!outcome.ok) {
      if ('conflict' in outcome) return handle !== null && resolveSaveConflict(handle, outcome.conflict);
      if (!outcome.canceled) await ask({ kind: 'error', action: 'save', message: outcome.error });
      return false;
    }
    keptOverDisk = null;
    store.getState().markSaved({
      text,
      document: stamped,
      replacing: doc,
      fileHandle: outcome.value.handle,
      fileName: outcome.value.name
    });
    return true;
  }

  // ---- start -------------------------------------------------------------------------------
  /** Unsaved work left by other windows, newest first (none when the store cannot be read). */
  async function leftBehind(): Promise<RecoverySummary[]> {
    try {
      const entries = await bridge.listRecovery();
      return entries
        .filter((e) => e.key !== key)
        .sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
    } catch {
      return [];
    }
  }

  /** The text of a listed copy and its file; one gone or unreadable since the listing says so. */
  async function readLeftBehind(entry: RecoverySummary): Promise<Extract<RecoveryRead, { ok: true }> | null> {
    let read: RecoveryRead;
    try {
      read = await bridge.readRecovery(entry.key);
    } catch {
      read = { ok: false, reason: 'unreadable' };
    }
    if (read.ok) return read;
    await ask({ kind: 'recovery-failed', title: entry.title, reason: read.reason });
    return null;
  }

  /**
   * Offers the newest unsaved work (its title and time: the text is read only if the
   * person restores it); Restore replaces the open (default) analysis with it.
   */
  async function offerRecovery(entry: RecoverySummary): Promise<void> {
    status.setState({ phase: 'recovery' });
    const answer = await ask({ kind: 'recovery', entry });
    if (answer === 'restore') {
      const read = await readLeftBehind(entry);
      if (read === null) return;
      const file = read.file ?? null;
      const result = loadDocument(read.text, { fileName: file?.name ?? `${entry.title}.mizan` });
      if (result.ok) {
        // Still tied to its file (when it had one): Save writes there, after the outside-change check.
        store.getState().openDocument(result, { unsaved: true, fileHandle: file?.handle, fileName: file?.name });
        // Keep the work safe under this window's key before letting go of the old copy.
        await flushRecovery();
        await bridge.clearRecovery(entry.key);
        return;
      }
      // Unreadable: say so and keep the copy (never delete someone's work silently).
      await reportProblems(entry.title, result);
      return;
    }
    if (answer === 'discard') await bridge.clearRecovery(entry.key);
    // Escape ("cancel") keeps the copy for the next start.
  }

  /**
   * Reopens the last file (the web: its handle kept by the browser; Electron's main does this
   * itself). One the browser must ask about again is offered with one click rather than
   * replaced silently by the sample; one that cannot be read says why, and the sample stays.
   */
  async function reopenLast(): Promise<void> {
    let last: LastFile | null;
    try {
      last = (await bridge.lastFile?.()) ?? null;
    } catch {
      return;
    }
    if (!last || isDirty(store.getState())) return;
    if (last.permission === 'prompt' && (await ask({ kind: 'reopen', fileName: last.name })) !== 'reopen') return;
    let outcome: Outcome<OpenedFile>;
    try {
      outcome = await bridge.openRecent(last.handle);
    } catch (error) {
      outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    // Work begun on the sample while the file was read is not replaced.
    if (!isDirty(store.getState())) await receive(outcome, false);
  }

  async function start(): Promise<void> {
    await exclusive(async () => {
      try {
        const preferences = await bridge.getPreferences();
        if (isLanguage(preferences.language)) store.getState().setLanguage(preferences.language);
        if (THEMES.includes(preferences.theme)) store.getState().setTheme(preferences.theme);
      } catch {
        // Defaults stand.
      }
      cleanups.push(watchDocument());
      cleanups.push(bridge.onMenuCommand((command) => void handleMenuCommand(command)));
      cleanups.push(bridge.onOpenFile((file) => void openGiven(file)));
      if (options.onWindowFocus) cleanups.push(options.onWindowFocus(() => void checkDisk()));
      // The default analysis is on screen while the recovery store answers (opening IndexedDB
      // takes 100 ms or more); unsaved work to offer is asked about over it, and replaces it
      // only when restored.
      const entries = leftBehind();
      openDefault();
      const [entry] = await entries;
      // Work begun on the default analysis meanwhile is not replaced: the copy waits for the next start.
      // Unsaved work comes first; with none, the last file (a restored copy keeps its own file).
      if (entry) {
        if (!isDirty(store.getState())) await offerRecovery(entry);
      } else await reopenLast();
      status.setState({ phase: 'ready' });
    });
  }

  // ---- commands ----------------------------------------------------------------------------
  const newDocument = () =>
    exclusive(async () => {
      if (!(await confirmDiscard())) return;
      store.getState().newDocument();
      status.setState({ newDocuments: status.getState().newDocuments + 1 });
    });

  const open = () =>
    exclusive(async () => {
      if (!(await confirmDiscard())) return;
      await receive(await bridge.openFile(), false);
    });

  const openRecent = (handle: FileHandleId) =>
    exclusive(async () => {
      if (!(await confirmDiscard())) return;
      await receive(await bridge.openRecent(handle), false);
    });

  /** A file the OS or a drop handed over: check it first, then ask about unsaved changes. */
  const openGiven = async (file: OpenedFile): Promise<void> => {
    if (busy) {
      handedOver.push(file);
      return;
    }
    await exclusive(() => receive({ ok: true, value: file }, true));
  };

  const save = () => exclusive(() => saveDocument(false));
  /** Checks the open file on disk (on window focus); ignored while another command runs. */
  const checkDisk = () => exclusive(checkDiskNow);
  const saveAs = () => exclusive(() => saveDocument(true));

  const undo = () => {
    if (!busy) store.getState().undo();
  };
  const redo = () => {
    if (!busy) store.getState().redo();
  };

  const close = () =>
    exclusive(async () => {
      if (!(await confirmDiscard())) return;
      cancelPendingCopy();
      await removeCopy();
      bridge.setDocumentState({ title: store.getState().document?.title ?? '', dirty: false });
      options.closeWindow?.();
    });

  function setLanguage(language: Language) {
    store.getState().setLanguage(language);
    void bridge.setPreferences({ language }).catch(() => undefined);
  }

  function setTheme(theme: ThemeChoice) {
    store.getState().setTheme(theme);
    void bridge.setPreferences({ theme }).catch(() => undefined);
  }

  /**
   * Runs an export, one command at a time like the file commands (a second export, or an
   * Open, while its dialog is up is ignored); a failure is shown with its message.
   */
  const exportWith = (task: () => void | Promise<void>) =>
    exclusive(async () => {
      if (!store.getState().document) return;
      try {
        await task();
      } catch (error) {
        await ask({ kind: 'error', action: 'export', message: error instanceof Error ? error.message : String(error) });
      }
    });

  /** Runs the export registered for `kind` (File ▸ Export ▸ <kind>). */
  const runExport = (kind: string) => {
    const exporter = exporters.get(kind);
    return exporter ? exportWith(exporter) : Promise.resolve(undefined);
  };

  /** Registers what File ▸ Export ▸ <kind> does; returns the function that removes it. */
  function onExport(kind: string, exporter: () => void | Promise<void>): () => void {
    exporters.set(kind, exporter);
    return () => {
      if (exporters.get(kind) === exporter) exporters.delete(kind);
    };
  }

  async function handleMenuCommand(command: MenuCommand): Promise<void> {
    switch (command) {
      case 'new':
        return void (await newDocument());
      case 'open':
        return void (await open());
      case 'save':
        return void (await save());
      case 'save-as':
        return void (await saveAs());
      case 'undo':
        return undo();
      case 'redo':
        return redo();
      case 'close':
        return void (await close());
      default:
        if (command.startsWith('language:')) {
          const language = command.slice('language:'.length);
          if (isLanguage(language)) setLanguage(language);
        } else if (command.startsWith('theme:')) {
          const theme = command.slice('theme:'.length) as ThemeChoice;
          if (THEMES.includes(theme)) setTheme(theme);
        } else if (command.startsWith('export:')) {
          await runExport(command.slice('export:'.length));
        }
    }
  }

  return {
    status,
    start,
    newDocument,
    open,
    openRecent,
    openGiven,
    save,
    saveAs,
    checkDisk,
    undo,
    redo,
    close,
    setLanguage,
    setTheme,
    handleMenuCommand,
    runExport,
    exportWith,
    onExport,
    flushRecovery,
    /** True while a file command or its dialog is in progress. */
    isBusy: () => busy,
    dispose() {
      cancelPendingCopy();
      for (const cleanup of cleanups.splice(0)) cleanup();
    }
  };
}

export type Controller = ReturnType<typeof createController>;
