// What main does for each request: the IPC handlers and the OS/menu entry points, written
// against injected dependencies (dialogs, windows, stores) so that tests drive them with
// fakes and a real temp directory. index.ts supplies the Electron implementations.
import path from 'node:path';
import type { MessageBoxOptions, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { loadDocument, type Language } from '../engine/format';
import type {
  DiskState,
  ExportKind,
  MenuCommand,
  OpenedFile,
  Outcome,
  Preferences,
  RecentFile,
  RecoveredFile,
  RecoveryRead,
  SavedFile,
  SaveOutcome
} from '../contract/bridge';
import { EVENT, type EventChannel, type EventPayload } from '../contract/ipc';
import type { AtomicWriter } from '../node/atomicWrite';
import {
  MIZAN_EXTENSION,
  openDocumentFile,
  problemsMessage,
  safeFileName,
  saveDocumentFile,
  saveExportFile,
  withExtension,
  type FileSystemDeps
} from './files/documentFiles';
import { compareWithDisk, fingerprintAfterWrite, type Fingerprint } from './files/fingerprint';
import type { RecentFiles } from './files/recentFiles';
import type { RecoveryFileLink, RecoveryStore } from './files/recovery';
import {
  EXPORT_FILTERS,
  exportDialogOptions,
  openDialogOptions,
  openFailedOptions,
  saveDialogOptions
} from './dialogs';
import { windowTitle, type DocumentWindows } from './documents';
import { FileHandles, UnknownHandleError } from './handles';
import { strings } from './i18n';
import type { InvokeHandlers, SendHandlers } from './ipc';
import type { PreferencesStore } from './preferences';

export interface ControllerDeps {
  handles: FileHandles;
  recent: RecentFiles;
  recovery: RecoveryStore;
  preferences: PreferencesStore;
  windows: DocumentWindows;
  isMac: boolean;
  /** Resolves to the chosen path, or null for Cancel. */
  showOpenDialog(windowId: number | null, options: OpenDialogOptions): Promise<string | null>;
  showSaveDialog(windowId: number | null, options: SaveDialogOptions): Promise<string | null>;
  showMessage(windowId: number | null, options: MessageBoxOptions): void;
  /** Where dialogs start when no file was opened yet (the Documents folder). */
  defaultDirectory(): string;
  send<E extends EventChannel>(windowId: number, channel: E, payload: EventPayload[E]): void;
  setWindowTitle(windowId: number, title: string, dirty: boolean): void;
  closeWindow(windowId: number): void;
  /** Opens a new document window; returns its id. */
  createWindow(): number;
  focusedWindowId(): number | null;
  /** Brings a window to the front (a file from the OS was given to it). */
  revealWindow(windowId: number): void;
  /** A file was opened or saved (the OS recent list and the menu follow). */
  onRecentChanged(paths: readonly string[], touched?: string): void;
  onPreferencesChanged(preferences: Preferences, change: Partial<Preferences>, fromWindow: number | null): void;
  /** A close that waited for a save will not happen (the save was cancelled or failed). */
  onCloseAborted(windowId: number): void;
  /** Puts a PNG on the system clipboard (Electron's clipboard + nativeImage). */
  writeImageToClipboard(png: Uint8Array): void | Promise<void>;
  /** Prints the window's print layout (the renderer's report view) to PDF bytes. */
  printToPdf(windowId: number): Promise<Uint8Array>;
  writer?: AtomicWriter;
  fs?: FileSystemDeps;
  log?(message: string): void;
}

const canceled = { ok: false, canceled: true } as const;
const failure = (error: string) => ({ ok: false, error }) as const;

export class MainController {
  private lastDirectory: string | null = null;
  /** Exports go where the last export went, which is often not where the analysis lives. */
  private lastExportDirectory: string | null = null;

  constructor(private readonly deps: ControllerDeps) {}

  private async language(): Promise<Language> {
    return (await this.deps.preferences.get()).language;
  }

  private startDirectory(): string {
    return this.lastDirectory ?? this.deps.defaultDirectory();
  }

  private exportStartDirectory(): string {
    return this.lastExportDirectory ?? this.startDirectory();
  }

  /** Asks where to save an export (starting in the last export's folder) and writes it; `data` is made only once a place is chosen. */
  private async exportFile(
    windowId: number,
    kind: ExportKind,
    suggestedName: string,
    data: () => Promise<Uint8Array | string>
  ): Promise<Outcome<SavedFile>> {
    const language = await this.language();
    const extension = `.${EXPORT_FILTERS[kind].extension}`;
    const name = safeFileName(suggestedName, extension, 'mizan-export');
    const chosen = await this.deps.showSaveDialog(
      windowId,
      exportDialogOptions(language, kind, path.join(this.exportStartDirectory(), name))
    );
    if (!chosen) return canceled;
    const file = withExtension(chosen, extension);
    let bytes: Uint8Array | string;
    try {
      bytes = await data();
    } catch (error) {
      return failure(strings(language).reportFailed(error instanceof Error ? error.message : String(error)));
    }
    const saved = await saveExportFile(file, bytes, { writer: this.deps.writer, language });
    if (!saved.ok) return failure(saved.message);
    this.lastExportDirectory = path.dirname(file);
    return { ok: true, value: { handle: this.deps.handles.handleFor(file), name: path.basename(file) } };
  }

  /**
   * Reads, validates and registers a file; the renderer gets a handle, name and text. `seen`
   * (never sent to a renderer) is how the file looked, for the window that gets it.
   */
  private async openPath(
    file: string,
    language: Language
  ): Promise<{ outcome: Outcome<OpenedFile>; seen: { path: string; fingerprint: Fingerprint } | null }> {
    const opened = await openDocumentFile(file, { fs: this.deps.fs, language });
    if (!opened.ok) return { outcome: failure(opened.message), seen: null };
    this.lastDirectory = path.dirname(opened.path);
    const handle = this.deps.handles.handleFor(opened.path);
    await this.noteRecent(opened.path);
    return {
      outcome: { ok: true, value: { handle, name: opened.name, text: opened.text } },
      seen: { path: opened.path, fingerprint: opened.fingerprint }
    };
  }

  /** Opens a file for the window that asked for it. */
  private async openFor(windowId: number, file: string, language: Language): Promise<Outcome<OpenedFile>> {
    const { outcome, seen } = await this.openPath(file, language);
    if (seen) {
      this.deps.windows.markHasFile(windowId);
      this.deps.windows.noteFingerprint(windowId, seen.path, seen.fingerprint);
    }
    return outcome;
  }

  /** The file behind a handle compared with what this window last read or wrote there. */
  private async diskState(windowId: number, file: string): Promise<DiskState> {
    const known = this.deps.windows.fingerprint(windowId, file);
    return known ? compareWithDisk(file, known, this.deps.fs) : 'same';
  }

  private async noteRecent(file: string): Promise<void> {
    try {
      const paths = await this.deps.recent.add(file);
      this.deps.onRecentChanged(paths, file);
    } catch (error) {
      this.deps.log?.(`recent: ${String(error)}`);
    }
  }

  private async writeDocument(
    windowId: number,
    file: string,
    text: string,
    language: Language
  ): Promise<Outcome<SavedFile>> {
    const saved = await saveDocumentFile(file, text, { writer: this.deps.writer, language });
    if (!saved.ok) {
      this.saveFinished(windowId, false);
      return failure(saved.message);
    }
    this.lastDirectory = path.dirname(file);
    const handle = this.deps.handles.handleFor(file);
    this.deps.windows.noteFingerprint(windowId, file, await fingerprintAfterWrite(file, text, this.deps.fs));
    await this.noteRecent(file);
    // The work is on disk: its recovery copies are no longer needed.
    const w = this.deps.windows.get(windowId);
    if (w) {
      for (const key of [...w.recoveryKeys]) await this.deps.recovery.clear(key).catch(() => undefined);
      w.recoveryKeys.clear();
    }
    this.saveFinished(windowId, true);
    return { ok: true, value: { handle, name: path.basename(file) } };
  }

  private saveFinished(windowId: number, succeeded: boolean): void {
    const pendingClose = this.deps.windows.get(windowId)?.closeAfterSave ?? false;
    const { closeNow } = this.deps.windows.onSaveFinished(windowId, succeeded);
    if (closeNow) this.deps.closeWindow(windowId);
    else if (pendingClose) this.deps.onCloseAborted(windowId);
  }

  private async saveAs(windowId: number, text: string, suggestedName: string): Promise<Outcome<SavedFile>> {
    const language = await this.language();
    const name = safeFileName(suggestedName, MIZAN_EXTENSION, strings(language).untitled);
    // Say what is wrong before asking where: a document that would not load back is never written.
    const loaded = loadDocument(text, { fileName: name });
    if (!loaded.ok) {
      this.saveFinished(windowId, false);
      return failure(problemsMessage(name, loaded.problems, language, true));
    }
    const chosen = await this.deps.showSaveDialog(
      windowId,
      saveDialogOptions(language, path.join(this.startDirectory(), name))
    );
    if (!chosen) {
      this.saveFinished(windowId, false);
      return canceled;
    }
    return this.writeDocument(windowId, withExtension(chosen, MIZAN_EXTENSION), text, language);
  }

  invokeHandlers(): InvokeHandlers {
    return {
      'file:open': async (_payload, { senderId }) => {
        const language = await this.language();
        const chosen = await this.deps.showOpenDialog(senderId, openDialogOptions(language, this.startDirectory()));
        if (!chosen) return canceled;
        return this.openFor(senderId, chosen, language);
      },
      'file:open-recent': async ({ handle }, { senderId }) => {
        const language = await this.language();
        let file: string;
        try {
          file = this.deps.handles.pathOf(handle);
        } catch (error) {
          if (error instanceof UnknownHandleError) return failure(error.message);
          throw error;
        }
        const result = await this.openFor(senderId, file, language);
        if (!result.ok) await this.forgetIfGone(file);
        return result;
      },
      'file:open-dropped': async ({ path: file }, { senderId }) => {
        const language = await this.language();
        // A dropped path is the one place the renderer names a file: only absolute paths to
        // scenario files are read. The drop has no one to report to, so a failure is shown here.
        const result =
          path.isAbsolute(file) && path.extname(file).toLowerCase() === MIZAN_EXTENSION
            ? await this.openFor(senderId, path.normalize(file), language)
            : failure(strings(language).onlyMizanFiles(path.basename(file)));
        if (!result.ok && 'error' in result) this.deps.showMessage(senderId, openFailedOptions(language, result.error));
        return result;
      },
      'file:list-recent': async (): Promise<RecentFile[]> => {
        const paths = await this.deps.recent.list();
        return paths.map((file) => ({
          handle: this.deps.handles.handleFor(file),
          name: path.basename(file),
          location: path.dirname(file)
        }));
      },
      'file:save': async ({ handle, text, suggestedName, overwrite }, { senderId }): Promise<SaveOutcome> => {
        if (handle === null) return this.saveAs(senderId, text, suggestedName);
        const language = await this.language();
        let file: string;
        try {
          file = this.deps.handles.pathOf(handle);
        } catch (error) {
          this.saveFinished(senderId, false);
          if (error instanceof UnknownHandleError) return failure(error.message);
          throw error;
        }
        // Another program changed or removed the file since this window read or wrote it:
        // write nothing, the renderer asks the person (and a close waiting on this save is off).
        const disk = overwrite ? 'same' : await this.diskState(senderId, file);
        if (disk !== 'same') {
          this.saveFinished(senderId, false);
          return { ok: false, conflict: disk };
        }
        return this.writeDocument(senderId, file, text, language);
      },
      'file:check-disk': ({ handle }, { senderId }) =>
        this.deps.handles.has(handle) ? this.diskState(senderId, this.deps.handles.pathOf(handle)) : 'same',
      'file:save-as': ({ text, suggestedName }, { senderId }) => this.saveAs(senderId, text, suggestedName),
      'file:save-export': ({ kind, suggestedName, data }, { senderId }) =>
        this.exportFile(senderId, kind, suggestedName, async () => data),
      'clipboard:write-image': async ({ png }) => {
        try {
          await this.deps.writeImageToClipboard(png);
          return { ok: true, value: null };
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          return failure(strings(await this.language()).clipboardFailed(reason));
        }
      },
      'report:print-pdf': ({ suggestedName }, { senderId }) =>
        this.exportFile(senderId, 'pdf', suggestedName, () => this.deps.printToPdf(senderId)),
      'recovery:write': ({ file: handle, ...entry }, { senderId }) => {
        this.deps.windows.addRecoveryKey(senderId, entry.key);
        this.deps.recovery.schedule({ ...entry, file: this.fileLink(senderId, handle ?? null) });
      },
      'recovery:clear': async ({ key }, { senderId }) => {
        this.deps.windows.removeRecoveryKey(senderId, key);
        await this.deps.recovery.clear(key);
      },
      'recovery:list': () => this.deps.recovery.list(),
      'recovery:read': async ({ key }, { senderId }): Promise<RecoveryRead> => {
        const read = await this.deps.recovery.read(key);
        if (!read.ok) return read;
        return { ok: true, text: read.text, file: read.file && this.adoptRecoveredFile(senderId, read.file) };
      },
      'preferences:get': () => this.deps.preferences.get(),
      'preferences:set': async (change, { senderId }) => {
        await this.setPreferences(change, senderId);
      }
    };
  }

  sendHandlers(): SendHandlers {
    return {
      'window:document-state': ({ title, dirty }, { senderId }) => {
        const { closeNow } = this.deps.windows.setState(senderId, { title, dirty });
        this.deps.setWindowTitle(senderId, windowTitle(title, dirty, this.deps.isMac), dirty);
        if (closeNow) this.deps.closeWindow(senderId);
      },
      'window:ready-for-files': (_payload, { senderId }) => {
        const { files, commands } = this.deps.windows.markReady(senderId);
        for (const file of files) this.deps.send(senderId, EVENT.fileOpened, file);
        for (const command of commands) this.deps.send(senderId, EVENT.menuCommand, command);
      }
    };
  }

  /**
   * Changes preferences (from a renderer or the menu) and tells the others about what
   * actually changed — so that a window echoing a change back does not start a ping-pong.
   */
  async setPreferences(change: Partial<Preferences>, fromWindow: number | null): Promise<Preferences> {
    const before = await this.deps.preferences.get();
    const next = await this.deps.preferences.set(change);
    const changed: Partial<Preferences> = {};
    if (next.language !== before.language) changed.language = next.language;
    if (next.theme !== before.theme) changed.theme = next.theme;
    if (changed.language !== undefined || changed.theme !== undefined) {
      this.deps.onPreferencesChanged(next, changed, fromWindow);
    }
    return next;
  }

  /** A menu command for a window (queued until its renderer listens). */
  sendCommand(windowId: number, command: MenuCommand): void {
    if (this.deps.windows.command(windowId, command) === 'send') this.deps.send(windowId, EVENT.menuCommand, command);
  }

  /**
   * A file the OS asked to open (command line, second launch, macOS open-file, the Open
   * Recent menu): into a blank window if there is one, else a new window. A bad file gets
   * a native error dialog, since no renderer asked for it.
   */
  async openFromOs(file: string, options: { reopening?: boolean } = {}): Promise<boolean> {
    const language = await this.language();
    const absolute = path.resolve(file);
    const { outcome: result, seen } = await this.openPath(absolute, language);
    if (!result.ok || !seen) {
      if ('error' in result) {
        const message = options.reopening ? `${result.error}\n${strings(language).reopenFailedDetail}` : result.error;
        this.deps.showMessage(this.deps.focusedWindowId(), openFailedOptions(language, message));
      }
      await this.forgetIfGone(absolute);
      return false;
    }
    const target = this.deps.windows.windowForFile(this.deps.focusedWindowId()) ?? this.deps.createWindow();
    this.deps.windows.noteFingerprint(target, seen.path, seen.fingerprint);
    if (this.deps.windows.deliver(target, result.value) === 'send') {
      this.deps.send(target, EVENT.fileOpened, result.value);
    }
    this.deps.revealWindow(target);
    return true;
  }

  /**
   * At a start with no file asked for: opens the most recent file that still exists (the
   * list drops those that are gone). Not when unsaved work was left behind: its offer comes
   * first (a restored copy keeps its own file). False when nothing was opened: a file that
   * fails to read says why, and the caller opens the sample analysis.
   */
  async reopenLast(): Promise<boolean> {
    try {
      if ((await this.deps.recovery.list()).length > 0) return false;
      const [last] = await this.deps.recent.list();
      return last === undefined ? false : await this.openFromOs(last, { reopening: true });
    } catch (error) {
      this.deps.log?.(`reopen: ${String(error)}`);
      return false;
    }
  }

  async clearRecent(): Promise<void> {
    await this.deps.recent.clear();
    this.deps.onRecentChanged([]);
  }

  /** Drops a recent entry whose file is gone, quietly. */
  private async forgetIfGone(file: string): Promise<void> {
    const before = await this.deps.recent.list();
    if (before.some((p) => p === file)) return;
    this.deps.onRecentChanged(before);
  }

  /** Where a recovery copy's work belongs: the path behind the document's handle and how this window last saw it. */
  private fileLink(windowId: number, handle: string | null): RecoveryFileLink | null {
    if (handle === null || !this.deps.handles.has(handle)) return null;
    const file = this.deps.handles.pathOf(handle);
    return { path: file, fingerprint: this.deps.windows.fingerprint(windowId, file) ?? null };
  }

  /**
   * Ties a restored copy to its file in the restoring window: a handle for the path, and the
   * file as it looked when the work began, so that Save writes there after the usual check
   * (a file changed or removed since then asks first).
   */
  private adoptRecoveredFile(windowId: number, link: RecoveryFileLink): RecoveredFile {
    this.deps.windows.markHasFile(windowId);
    if (link.fingerprint) this.deps.windows.noteFingerprint(windowId, link.path, link.fingerprint);
    return { handle: this.deps.handles.handleFor(link.path), name: path.basename(link.path) };
  }

  /** A window closed: its recovery copies go if the close was clean (nothing unsaved). */
  async windowClosed(windowId: number): Promise<void> {
    const w = this.deps.windows.remove(windowId);
    if (!w) return;
    if (!w.dirty || w.closeAllowed) {
      for (const key of w.recoveryKeys) await this.deps.recovery.clear(key).catch(() => undefined);
    }
  }
}
