// Everything the renderer asks of its platform. Two implementations: Electron (over
// the preload API) and web (browser file APIs). The renderer never chooses a path on
// disk: the platform shows the dialog, keeps the file's location behind an opaque
// handle, and hands back only the file's name and content.
import type { Language } from '../engine/format';

export type ThemeChoice = 'system' | 'light' | 'dark';

/** An opaque token for a file the platform opened or saved; meaningless to the renderer. */
export type FileHandleId = string;

export interface OpenedFile {
  handle: FileHandleId;
  /** The file's base name, e.g. "ashgabat-2024.mizan". */
  name: string;
  text: string;
}

export interface SavedFile {
  handle: FileHandleId;
  name: string;
}

/** Either the value, the user's "Cancel", or a failure with a message for a person. */
export type Outcome<T> =
  { ok: true; value: T } | { ok: false; canceled: true } | { ok: false; canceled?: false; error: string };

/**
 * The file behind an open document compared with what Mizan last read or wrote: unchanged,
 * changed by another program, or no longer there (deleted, moved or renamed away).
 */
export type DiskState = 'same' | 'changed' | 'deleted';

/** A save that found the file changed or gone since Mizan last saw it, and wrote nothing. */
export interface SaveConflict {
  ok: false;
  canceled?: false;
  conflict: Exclude<DiskState, 'same'>;
}

export type SaveOutcome = Outcome<SavedFile> | SaveConflict;

export interface SaveOptions {
  /** Write even though another program changed or removed the file (the person said so). */
  overwrite?: boolean;
}

export interface RecentFile {
  handle: FileHandleId;
  name: string;
  /** Where it is, for display only (a folder path in Electron, "" in the web). */
  location: string;
}

/**
 * The file to reopen when the app starts: the most recent one, with whether the browser
 * still lets this page read it ('granted') or must ask the person first ('prompt').
 */
export interface LastFile {
  handle: FileHandleId;
  name: string;
  permission: 'granted' | 'prompt';
}

/** A recovery copy as listed: what the offer shows, without the document's text. */
export interface RecoverySummary {
  /** Identifies the document whose unsaved work this is (one per window/tab). */
  key: string;
  title: string;
  /** ISO time of the last write. */
  savedAt: string;
  /** The size of the document's text, in UTF-8 bytes. */
  size: number;
}

/** A recovery copy as written: the document's text with its title and time. */
export interface RecoveryEntry {
  key: string;
  title: string;
  /** ISO time of the last write. */
  savedAt: string;
  text: string;
  /**
   * The file the work belongs to (the document's handle), so that a restored copy saves back
   * to it; null or absent for a document never saved.
   */
  file?: FileHandleId | null;
}

/** The file a restored copy belongs to, as a handle of the session restoring it. */
export interface RecoveredFile {
  handle: FileHandleId;
  name: string;
}

/**
 * The text of a listed copy, with the file it belongs to (null: untitled, or a copy from
 * before copies kept their file), or why it cannot be had (gone since it was listed, or unreadable).
 */
export type RecoveryRead =
  | { ok: true; text: string; file?: RecoveredFile | null }
  | { ok: false; reason: 'missing' | 'unreadable' };

/** Commands that arrive from the native menu, shortcuts handled by the platform, or the OS. */
export type MenuCommand =
  | 'new'
  | 'open'
  | 'save'
  | 'save-as'
  | 'close'
  | 'undo'
  | 'redo'
  | 'help-model'
  | 'about'
  | `language:${Language}`
  | `theme:${ThemeChoice}`
  | `export:${string}`;

export interface Preferences {
  language: Language;
  theme: ThemeChoice;
}

export type ExportKind = 'png' | 'svg' | 'csv' | 'pdf';

export interface Bridge {
  readonly platform: 'electron' | 'web';
  /** Shows an open dialog filtered to .mizan. */
  openFile(): Promise<Outcome<OpenedFile>>;
  openRecent(handle: FileHandleId): Promise<Outcome<OpenedFile>>;
  /** Recent files, most recent first; files that are gone are left out. */
  listRecent(): Promise<RecentFile[]>;
  /**
   * The web's last file, to reopen on load; null when there is none the browser can reopen.
   * Absent in Electron, whose main process reopens the last file itself at start.
   */
  lastFile?(): Promise<LastFile | null>;
  /**
   * Writes to the file behind `handle` atomically; with no handle, asks where (Save As).
   * When the file changed or went away since it was opened or last saved here, nothing is
   * written and the answer is a conflict, unless `options.overwrite`.
   */
  save(handle: FileHandleId | null, text: string, suggestedName: string, options?: SaveOptions): Promise<SaveOutcome>;
  /** Whether the file behind `handle` is still what this window last read or wrote ('same' when unknown). */
  checkDisk(handle: FileHandleId): Promise<DiskState>;
  saveAs(text: string, suggestedName: string): Promise<Outcome<SavedFile>>;
  /** Keeps a copy of unsaved work so that a crash loses nothing. */
  writeRecovery(entry: RecoveryEntry): Promise<void>;
  clearRecovery(key: string): Promise<void>;
  /** Unsaved work left behind by a session that did not end cleanly, newest first; no texts. */
  listRecovery(): Promise<RecoverySummary[]>;
  /** The text of one listed copy, read when the user restores it. */
  readRecovery(key: string): Promise<RecoveryRead>;
  /** Asks where to save an export and writes it. */
  saveExport(kind: ExportKind, suggestedName: string, data: Uint8Array | string): Promise<Outcome<SavedFile>>;
  /** Puts a PNG image on the system clipboard. */
  copyImage(png: Uint8Array): Promise<Outcome<null>>;
  /**
   * Prints the window as laid out for print (the report view, under `@media print`) to a PDF
   * and asks where to save it (Electron), or opens the browser's print dialog on it (web:
   * the value is then null, the browser's dialog having done the saving).
   */
  printReport(suggestedName: string): Promise<Outcome<SavedFile | null>>;
  /** Tells the platform the window's title and whether there are unsaved changes. */
  setDocumentState(state: { title: string; dirty: boolean }): void;
  onMenuCommand(handler: (command: MenuCommand) => void): () => void;
  /** Files the OS asks the app to open (command line, drag and drop, second launch, open-file). */
  onOpenFile(handler: (file: OpenedFile) => void): () => void;
  getPreferences(): Promise<Preferences>;
  setPreferences(preferences: Partial<Preferences>): Promise<void>;
}
