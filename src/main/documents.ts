// What main knows about the document in each window: its title, whether it has unsaved
// changes, whether it came from (or went to) a file, whether its renderer listens for
// files yet, the files waiting for it, and the close-after-save dance. Keyed by the
// window's WebContents id. Plain data: index.ts does the Electron part.
import type { MenuCommand, OpenedFile } from '../contract/bridge';
import type { Fingerprint } from './files/fingerprint';

export interface DocumentWindow {
  readonly id: number;
  title: string;
  dirty: boolean;
  /** The document was opened from or saved to a file (the window is not a blank slate). */
  hasFile: boolean;
  /** The renderer has subscribed to onOpenFile. */
  ready: boolean;
  /** Files to deliver once the renderer is ready. */
  queue: OpenedFile[];
  /** Menu commands to deliver once the renderer is ready (File ▸ Open with no window). */
  commands: MenuCommand[];
  /** The user chose Save in the close prompt: close once a save succeeds. */
  closeAfterSave: boolean;
  /** The close prompt is showing. */
  prompting: boolean;
  /** Closing may go ahead without a prompt. */
  closeAllowed: boolean;
  /** Recovery keys this window wrote (removed on save and on a clean close). */
  recoveryKeys: Set<string>;
  /**
   * What each file this window opened or saved looked like then, by path: a save over a file
   * another program changed since asks first. Per window, so that a save in one window does
   * not hide it from another window holding the same file.
   */
  fingerprints: Map<string, Fingerprint>;
}

/** "• name — Mizan"; macOS shows the unsaved state in the close button instead of a bullet. */
export function windowTitle(title: string, dirty: boolean, isMac: boolean, fallback = 'Untitled'): string {
  // eslint-disable-next-line no-control-regex
  const name = title.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ' ').trim() || fallback;
  return `${dirty && !isMac ? '• ' : ''}${name} — Mizan`;
}

export class DocumentWindows {
  private readonly windows = new Map<number, DocumentWindow>();

  add(id: number): DocumentWindow {
    const state: DocumentWindow = {
      id,
      title: '',
      dirty: false,
      hasFile: false,
      ready: false,
      queue: [],
      commands: [],
      closeAfterSave: false,
      prompting: false,
      closeAllowed: false,
      recoveryKeys: new Set(),
      fingerprints: new Map()
    };
    this.windows.set(id, state);
    return state;
  }

  get(id: number): DocumentWindow | undefined {
    return this.windows.get(id);
  }

  remove(id: number): DocumentWindow | undefined {
    const state = this.windows.get(id);
    this.windows.delete(id);
    return state;
  }

  ids(): number[] {
    return [...this.windows.keys()];
  }

  anyDirty(): boolean {
    return [...this.windows.values()].some((w) => w.dirty);
  }

  /** Records the renderer's title and dirty flag; says whether a pending close may now happen. */
  setState(id: number, state: { title: string; dirty: boolean }): { closeNow: boolean } {
    const w = this.windows.get(id);
    if (!w) return { closeNow: false };
    w.title = state.title;
    w.dirty = state.dirty;
    if (w.closeAfterSave && !w.dirty) {
      w.closeAfterSave = false;
      w.closeAllowed = true;
      return { closeNow: true };
    }
    return { closeNow: false };
  }

  /** What to do when the window is asked to close. */
  onCloseRequest(id: number): 'close' | 'prompt' | 'wait' {
    const w = this.windows.get(id);
    if (!w || w.closeAllowed || !w.dirty) return 'close';
    if (w.prompting || w.closeAfterSave) return 'wait';
    w.prompting = true;
    return 'prompt';
  }

  /** The user's answer in the close prompt. */
  onCloseAnswer(id: number, answer: 'save' | 'discard' | 'cancel'): void {
    const w = this.windows.get(id);
    if (!w) return;
    w.prompting = false;
    if (answer === 'save') w.closeAfterSave = true;
    if (answer === 'discard') w.closeAllowed = true;
  }

  /** A save from this window finished; says whether the window should now close. */
  onSaveFinished(id: number, succeeded: boolean): { closeNow: boolean } {
    const w = this.windows.get(id);
    if (!w) return { closeNow: false };
    // The dirty flag stays the renderer's to report (it may have changed since the save began).
    if (succeeded) w.hasFile = true;
    if (!w.closeAfterSave) return { closeNow: false };
    w.closeAfterSave = false;
    if (!succeeded) return { closeNow: false };
    w.closeAllowed = true;
    return { closeNow: true };
  }

  markHasFile(id: number): void {
    const w = this.windows.get(id);
    if (w) w.hasFile = true;
  }

  /** The renderer listens now: returns the queued files and commands, to send. */
  markReady(id: number): { files: OpenedFile[]; commands: MenuCommand[] } {
    const w = this.windows.get(id);
    if (!w) return { files: [], commands: [] };
    w.ready = true;
    const queued = { files: w.queue, commands: w.commands };
    w.queue = [];
    w.commands = [];
    return queued;
  }

  /** Hands a menu command to a window: 'send' now if its renderer listens, else it is queued. */
  command(id: number, command: MenuCommand): 'send' | 'queued' | 'gone' {
    const w = this.windows.get(id);
    if (!w) return 'gone';
    if (w.ready) return 'send';
    w.commands.push(command);
    return 'queued';
  }

  /** The renderer process was replaced (a crash, a reload): start over, nothing delivered yet. */
  reset(id: number): DocumentWindow | undefined {
    const old = this.windows.get(id);
    if (!old) return undefined;
    this.add(id);
    return old;
  }

  /** Hands a file to a window: 'send' now if its renderer listens, else it is queued. */
  deliver(id: number, file: OpenedFile): 'send' | 'queued' | 'gone' {
    const w = this.windows.get(id);
    if (!w) return 'gone';
    w.hasFile = true;
    if (w.ready) return 'send';
    w.queue.push(file);
    return 'queued';
  }

  /**
   * The window a file from the OS should go to: the focused window, else any window, as
   * long as its document is a blank slate (no file, no unsaved changes, nothing queued);
   * null means "open a new window".
   */
  windowForFile(focusedId: number | null): number | null {
    const blank = (w: DocumentWindow | undefined) =>
      !!w && !w.hasFile && !w.dirty && w.queue.length === 0 && !w.closeAllowed;
    if (focusedId !== null && blank(this.windows.get(focusedId))) return focusedId;
    for (const w of this.windows.values()) if (blank(w)) return w.id;
    return null;
  }

  /** Remembers how `file` looked when this window last read or wrote it. */
  noteFingerprint(id: number, file: string, fingerprint: Fingerprint): void {
    this.windows.get(id)?.fingerprints.set(file, fingerprint);
  }

  fingerprint(id: number, file: string): Fingerprint | undefined {
    return this.windows.get(id)?.fingerprints.get(file);
  }

  addRecoveryKey(id: number, key: string): void {
    this.windows.get(id)?.recoveryKeys.add(key);
  }

  removeRecoveryKey(id: number, key: string): void {
    this.windows.get(id)?.recoveryKeys.delete(key);
  }
}
