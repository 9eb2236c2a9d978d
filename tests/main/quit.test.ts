// Closing windows and quitting, driven through a fake Electron app that follows Electron's
// order of events, with real recovery copies in a temporary folder: every way out waits
// for pending copies to be written (and removals to finish) before the app exits.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentWindows } from '../../src/main/documents';
import { RecoveryStore, type RecoveryCopy } from '../../src/main/files/recovery';
import { QuitFlow, type CloseAnswer, type PreventableEvent } from '../../src/main/quit';
import { tempDir } from './helpers';

type Listener = (event: PreventableEvent) => void;

function preventable(): PreventableEvent & { prevented: boolean } {
  const event = {
    prevented: false,
    preventDefault() {
      event.prevented = true;
    }
  };
  return event;
}

/**
 * Electron's app and windows, as far as quitting goes: quit() emits 'before-quit', closes
 * every window (a prevented 'close' cancels the quit), then 'will-quit' (no
 * 'window-all-closed' while quitting), then exits unless 'will-quit' was prevented. A user
 * closing the last window emits 'window-all-closed'.
 */
class FakeApp {
  readonly listeners = new Map<string, Listener[]>();
  readonly windows = new Map<number, { close: Listener; closed: () => void }>();
  exited = false;
  private quitting = false;

  on(name: string, listener: Listener): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }

  private emit(name: string): boolean {
    const event = preventable();
    for (const listener of this.listeners.get(name) ?? []) listener(event);
    return !event.prevented;
  }

  addWindow(id: number, handlers: { close: Listener; closed: () => void }): void {
    this.windows.set(id, handlers);
  }

  /** The window's close button (or the quit closing it): false when the close was prevented. */
  closeWindow(id: number): boolean {
    const win = this.windows.get(id);
    if (!win) return true;
    const event = preventable();
    win.close(event);
    if (event.prevented) return false;
    this.windows.delete(id);
    win.closed();
    if (this.windows.size === 0 && !this.quitting) this.emit('window-all-closed');
    return true;
  }

  quit(): void {
    if (this.exited) return;
    if (!this.emit('before-quit')) return;
    this.quitting = true;
    for (const id of [...this.windows.keys()]) {
      if (!this.closeWindow(id)) {
        this.quitting = false;
        return;
      }
    }
    if (!this.emit('will-quit')) return;
    this.quitting = false;
    this.exited = true;
  }
}

const entry = (key: string, text: string): RecoveryCopy => ({ key, title: key, savedAt: '2025-01-01T00:00:00.000Z', text });

interface Setup {
  app: FakeApp;
  flow: QuitFlow;
  windows: DocumentWindows;
  recovery: RecoveryStore;
  dir: string;
  answers: CloseAnswer[];
  logged: string[];
  /** Opens a window whose document has these recovery keys. */
  open(id: number, state?: { dirty: boolean; keys?: string[] }): void;
}

function setup(
  options: { isMac?: boolean; flush?: () => Promise<void>; askClose?: () => Promise<CloseAnswer>; flushTimeoutMs?: number } = {}
): Setup {
  const dir = path.join(tempDir(), 'recovery');
  // A delay far longer than any test: a copy is on disk only if something flushed it.
  const recovery = new RecoveryStore(dir, { delayMs: 60 * 60 * 1000 });
  const windows = new DocumentWindows();
  const app = new FakeApp();
  const answers: CloseAnswer[] = [];
  const logged: string[] = [];
  const flow = new QuitFlow({
    windows,
    askClose: options.askClose ?? (async () => answers.shift() ?? 'cancel'),
    save(id) {
      // The renderer saves; main clears the copies and closes (controller.writeDocument).
      void (async () => {
        const w = windows.get(id)!;
        for (const key of w.recoveryKeys) await recovery.clear(key);
        if (windows.onSaveFinished(id, true).closeNow) app.closeWindow(id);
      })();
    },
    close: (id) => app.closeWindow(id),
    quit: () => app.quit(),
    isMac: options.isMac ?? false,
    flush: options.flush ?? (() => recovery.flush()),
    log: (m) => logged.push(m),
    flushTimeoutMs: options.flushTimeoutMs ?? 5000,
    defer: (fn) => setImmediate(fn)
  });
  flow.attach(app);
  const open = (id: number, state: { dirty: boolean; keys?: string[] } = { dirty: false }) => {
    windows.add(id);
    windows.setState(id, { title: `doc ${id}`, dirty: state.dirty });
    for (const key of state.keys ?? []) {
      windows.addRecoveryKey(id, key);
      recovery.schedule(entry(key, `work of ${id}`));
    }
    app.addWindow(id, {
      close: (event) => void flow.closeRequested(id, event),
      closed: () => {
        // As controller.windowClosed: a clean close (or Don't Save) removes the copies, later.
        const w = windows.remove(id)!;
        const clean = !w.dirty || w.closeAllowed;
        flow.windowClosed(
          (async () => {
            await new Promise((resolve) => setTimeout(resolve, 20));
            if (clean) for (const key of w.recoveryKeys) await recovery.clear(key);
          })()
        );
      }
    });
  };
  return { app, flow, windows, recovery, dir, answers, logged, open };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}

const onDisk = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);
const textOf = (dir: string, key: string) => JSON.parse(readFileSync(path.join(dir, `${key}.json`), 'utf8')).text;

describe('QuitFlow: every way out writes pending recovery copies first', () => {
  it('menu Quit with no window open: the pending copy is on disk before the app exits', async () => {
    const t = setup();
    t.recovery.schedule(entry('left', 'work not yet written'));
    expect(t.recovery.pendingCount).toBe(1);
    t.app.quit();
    expect(t.app.exited).toBe(false); // held while the copy is written
    await until(() => t.app.exited);
    expect(textOf(t.dir, 'left')).toBe('work not yet written');
  });

  it('menu Quit with a dirty window: Save closes it, its copy goes, another pending copy is written, then the app exits', async () => {
    const t = setup();
    t.open(1, { dirty: true, keys: ['saved-doc'] });
    t.recovery.schedule(entry('released', 'a crashed page’s work'));
    t.answers.push('save');
    t.app.quit();
    await until(() => t.app.exited);
    expect(onDisk(t.dir)).toEqual(['released.json']);
    expect(textOf(t.dir, 'released')).toBe('a crashed page’s work');
  });

  it('Quit, then Don’t Save: the discarded copy is removed before the app exits (not offered next time)', async () => {
    const t = setup();
    t.open(1, { dirty: true, keys: ['discarded'] });
    t.open(2, { dirty: false, keys: ['clean'] });
    await t.recovery.flush();
    expect(onDisk(t.dir)).toEqual(['clean.json', 'discarded.json']);
    t.answers.push('discard');
    t.app.quit();
    await until(() => t.app.exited);
    expect(onDisk(t.dir)).toEqual([]);
  });

  it('the last window closed (Windows, Linux) quits, and the exit waits for its copy to be removed and pending ones written', async () => {
    const t = setup();
    t.open(1, { dirty: true, keys: ['doc'] });
    t.recovery.schedule(entry('other', 'pending'));
    t.answers.push('discard');
    expect(t.app.closeWindow(1)).toBe(false); // the prompt
    await until(() => t.app.exited);
    expect(onDisk(t.dir)).toEqual(['other.json']);
  });

  it('macOS: the last window closed keeps the app running; Quit later still flushes', async () => {
    const t = setup({ isMac: true });
    t.open(1, { dirty: false });
    t.app.closeWindow(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(t.app.exited).toBe(false);
    t.recovery.schedule(entry('late', 'x'));
    t.app.quit();
    await until(() => t.app.exited);
    expect(onDisk(t.dir)).toEqual(['late.json']);
  });

  it('Cancel in the prompt cancels the quit: nothing exits, later closes do not quit, copies stay pending', async () => {
    const t = setup();
    t.open(1, { dirty: true, keys: ['kept'] });
    t.open(2, { dirty: false });
    t.answers.push('cancel');
    t.app.quit();
    await until(() => t.flow.isQuitting === false);
    expect(t.app.exited).toBe(false);
    expect(t.app.windows.size).toBe(2);
    // before-quit started writing the pending copy: a quit held by a prompt loses nothing.
    await until(() => onDisk(t.dir).includes('kept.json'));
  });

  it('a quit held by a prompt nobody answers has already written the pending copies (the OS may end it)', async () => {
    const t = setup({ askClose: () => new Promise<CloseAnswer>(() => undefined) });
    t.open(1, { dirty: true, keys: ['unsaved'] });
    t.app.quit();
    await until(() => onDisk(t.dir).includes('unsaved.json'));
    expect(textOf(t.dir, 'unsaved')).toBe('work of 1');
    expect(t.app.exited).toBe(false);
  });

  it('a second close while the prompt is up waits: one prompt, and Don’t Save then closes the window once', async () => {
    let answer: (a: CloseAnswer) => void = () => undefined;
    let prompts = 0;
    const t = setup({
      askClose: () => {
        prompts++;
        return new Promise<CloseAnswer>((resolve) => (answer = resolve));
      }
    });
    t.open(1, { dirty: true });
    t.open(2, { dirty: false });
    expect(t.app.closeWindow(1)).toBe(false);
    expect(t.app.closeWindow(1)).toBe(false);
    await until(() => prompts === 1);
    answer('discard');
    await until(() => !t.app.windows.has(1));
    expect(prompts).toBe(1);
    expect(t.app.exited).toBe(false); // not quitting: window 2 stays
  });

  it('a flush that hangs does not keep the app alive: it exits after the time-out, and says so', async () => {
    const t = setup({ flush: () => new Promise<void>(() => undefined), flushTimeoutMs: 100 });
    t.app.quit();
    await until(() => t.app.exited);
    expect(t.logged).toContain('quit: recovery copies still being written; quitting anyway');
  });

  it('a flush that fails is logged and the app still exits', async () => {
    const t = setup({ flush: () => Promise.reject(new Error('EIO')) });
    t.app.quit();
    await until(() => t.app.exited);
    expect(t.logged.some((m) => /EIO/.test(m))).toBe(true);
  });
});
