// When windows close and the app quits, decided without Electron (index.ts hands over the
// events): the unsaved-changes prompt on closing a window, carrying on with a quit that a
// prompt interrupted, and — on every way out (menu Quit, the last window closed, the OS
// asking) — writing pending recovery copies and finishing removals before the app exits.
//
// Electron's order: app.quit() emits 'before-quit', then tries to close every window (a
// window whose 'close' is prevented cancels the quit), then emits 'will-quit' (no
// 'window-all-closed' when quitting), then exits unless 'will-quit' was prevented.
import type { DocumentWindows } from './documents';

export type CloseAnswer = 'save' | 'discard' | 'cancel';

/** The part of Electron's `app` the flow listens to. */
export interface QuitApp {
  on(event: 'before-quit' | 'will-quit' | 'window-all-closed', listener: (event: PreventableEvent) => void): unknown;
  quit(): void;
}

export interface PreventableEvent {
  preventDefault(): void;
}

export interface QuitDeps {
  windows: Pick<DocumentWindows, 'onCloseRequest' | 'onCloseAnswer'>;
  /** Shows the unsaved-changes prompt for a window. */
  askClose(windowId: number): Promise<CloseAnswer>;
  /** Asks the window's renderer to save (it closes once the save succeeds). */
  save(windowId: number): void;
  /** Closes the window again (its close is now allowed). */
  close(windowId: number): void;
  /** Starts Electron's quit again. */
  quit(): void;
  isMac: boolean;
  /** Writes pending recovery copies and waits for removals under way. */
  flush(): Promise<void>;
  log(message: string): void;
  /** Longest the last flush may hold the exit: a disk that hangs must not keep the app alive. */
  flushTimeoutMs?: number;
  defer?: (fn: () => void) => void;
}

export const FLUSH_TIMEOUT_MS = 10_000;

export class QuitFlow {
  /** The user asked to quit (Electron cancels the quit when a window's close is prevented). */
  private quitting = false;
  /** A close prompt interrupted the quit: carry on once that window has closed. */
  private resumeAfterClose = false;
  /** Work a closing window started (removing its recovery copies): awaited before exiting. */
  private readonly tasks = new Set<Promise<unknown>>();
  private finished: Promise<void> | null = null;
  private flushed = false;
  private readonly defer: (fn: () => void) => void;

  constructor(private readonly deps: QuitDeps) {
    this.defer = deps.defer ?? ((fn) => setImmediate(fn));
  }

  /** Listens to the app's quit events. */
  attach(app: QuitApp): void {
    app.on('before-quit', () => this.beforeQuit());
    app.on('window-all-closed', () => this.windowAllClosed());
    app.on('will-quit', (event) => this.willQuit(event));
  }

  get isQuitting(): boolean {
    return this.quitting;
  }

  beforeQuit(): void {
    this.quitting = true;
    // Write pending copies now: a quit held by a prompt, then ended by the OS, loses nothing.
    this.track(this.deps.flush());
  }

  windowAllClosed(): void {
    if (!this.deps.isMac || this.quitting) this.deps.quit();
  }

  /** Holds the exit until pending copies are written and removals done, then quits again. */
  willQuit(event: PreventableEvent): void {
    if (this.flushed) return;
    event.preventDefault();
    this.finished ??= this.settle().then(() => {
      this.flushed = true;
      this.deps.quit();
    });
  }

  /**
   * A window asked to close. 'close' lets it close; otherwise the close is prevented
   * and either a prompt is shown ('prompt') or one is already under way ('wait').
   */
  closeRequested(windowId: number, event: PreventableEvent): 'close' | 'prompt' | 'wait' {
    const decision = this.deps.windows.onCloseRequest(windowId);
    if (decision === 'close') return 'close';
    event.preventDefault();
    if (decision === 'prompt') void this.prompt(windowId, this.quitting);
    return decision;
  }

  /** A window closed; `work` is what its closing started (removing its recovery copies). */
  windowClosed(work?: Promise<unknown>): void {
    if (work) this.track(work);
    if (this.resumeAfterClose) {
      this.resumeAfterClose = false;
      this.defer(() => this.deps.quit());
    }
  }

  /** The close was given up (Cancel in the prompt, or the save it asked for failed). */
  closeAborted(): void {
    this.quitting = false;
    this.resumeAfterClose = false;
  }

  private async prompt(windowId: number, wasQuitting: boolean): Promise<void> {
    let answer: CloseAnswer;
    try {
      answer = await this.deps.askClose(windowId);
    } catch (error) {
      this.deps.log(`close prompt failed: ${String(error)}`);
      answer = 'cancel';
    }
    this.deps.windows.onCloseAnswer(windowId, answer);
    if (answer === 'cancel') {
      this.closeAborted();
      return;
    }
    this.resumeAfterClose = wasQuitting;
    if (answer === 'save') this.deps.save(windowId);
    else this.deps.close(windowId);
  }

  private track(work: Promise<unknown>): void {
    const settled = work.catch((error: unknown) => this.deps.log(`quit: ${String(error)}`));
    this.tasks.add(settled);
    void settled.then(() => this.tasks.delete(settled));
  }

  private async settle(): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.deps.flushTimeoutMs ?? FLUSH_TIMEOUT_MS);
    });
    const done = (async () => {
      await Promise.all(this.tasks);
      await this.deps.flush();
    })().catch((error: unknown) => this.deps.log(`quit: recovery copies not written (${String(error)})`));
    const outcome = await Promise.race([done, timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout') this.deps.log('quit: recovery copies still being written; quitting anyway');
  }
}
