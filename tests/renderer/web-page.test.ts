// What the browser tab offers in place of the desktop's window and menu (platform/web/page.ts):
// the closing prompt only with unsaved changes, keyboard shortcuts as menu commands, the
// clipboard, the browser's print dialog.
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../src/contract/bridge';
import { createWebPage } from '../../src/renderer/src/platform/web/page';

/** A window as the page sees it: events, a clipboard, print. */
function fakeWindow(clipboardWrite: (items: unknown[]) => Promise<void> = async () => undefined) {
  const target = new EventTarget();
  const win = Object.assign(target, {
    navigator: { clipboard: { write: vi.fn(clipboardWrite) } },
    ClipboardItem: class {
      constructor(readonly items: Record<string, Blob>) {}
    },
    print: vi.fn()
  });
  return { win, page: createWebPage(win as unknown as Window & typeof globalThis) };
}

/** A beforeunload event whose returnValue the handler may set (Node's Event has only a getter). */
const closing = () =>
  Object.defineProperty(new Event('beforeunload', { cancelable: true }), 'returnValue', {
    value: 'untouched',
    writable: true
  }) as Event & { returnValue: unknown };

function key(init: Partial<KeyboardEvent>) {
  return Object.assign(new Event('keydown', { cancelable: true }), {
    key: '',
    code: '',
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    repeat: false,
    ...init
  });
}

describe('web page: closing the tab', () => {
  it('asks before closing only while there are unsaved changes', () => {
    const { win, page } = fakeWindow();
    const clean = closing();
    win.dispatchEvent(clean);
    expect(clean.defaultPrevented).toBe(false);

    page.setDocumentState({ title: 'T', dirty: true });
    const dirty = closing();
    win.dispatchEvent(dirty);
    expect(dirty.defaultPrevented).toBe(true);
    expect(dirty.returnValue).toBe('');

    page.setDocumentState({ title: 'T', dirty: false });
    const saved = closing();
    win.dispatchEvent(saved);
    expect(saved.defaultPrevented).toBe(false);
  });
});

describe('web page: keyboard shortcuts', () => {
  it('turns Ctrl+S, Ctrl+Shift+S and ⌘Z into menu commands, and takes the key from the page', () => {
    const { win, page } = fakeWindow();
    const commands: MenuCommand[] = [];
    page.onMenuCommand((command) => commands.push(command));
    const save = key({ key: 's', code: 'KeyS', ctrlKey: true });
    win.dispatchEvent(save);
    win.dispatchEvent(key({ key: 'S', code: 'KeyS', ctrlKey: true, shiftKey: true }));
    win.dispatchEvent(key({ key: 'z', code: 'KeyZ', metaKey: true }));
    expect(commands).toEqual(['save', 'save-as', 'undo']);
    expect(save.defaultPrevented).toBe(true);
  });

  it('leaves alone keys that are no command, keys already handled, and held keys other than undo and redo', () => {
    const { win, page } = fakeWindow();
    const commands: MenuCommand[] = [];
    page.onMenuCommand((command) => commands.push(command));
    const plain = key({ key: 's', code: 'KeyS' });
    win.dispatchEvent(plain);
    expect(plain.defaultPrevented).toBe(false);
    const handled = key({ key: 's', code: 'KeyS', ctrlKey: true });
    handled.preventDefault();
    win.dispatchEvent(handled);
    win.dispatchEvent(key({ key: 's', code: 'KeyS', ctrlKey: true, repeat: true }));
    expect(commands).toEqual([]);
    win.dispatchEvent(key({ key: 'z', code: 'KeyZ', ctrlKey: true, repeat: true }));
    win.dispatchEvent(key({ key: 'y', code: 'KeyY', ctrlKey: true, repeat: true }));
    expect(commands).toEqual(['undo', 'redo']);
  });

  it('stops listening when unsubscribed', () => {
    const { win, page } = fakeWindow();
    const commands: MenuCommand[] = [];
    const stop = page.onMenuCommand((command) => commands.push(command));
    stop();
    win.dispatchEvent(key({ key: 'o', code: 'KeyO', ctrlKey: true }));
    expect(commands).toEqual([]);
  });
});

describe('web page: clipboard and print', () => {
  it('puts the PNG on the clipboard as image/png', async () => {
    const { win, page } = fakeWindow();
    expect(await page.copyImage(new Uint8Array([137, 80, 78, 71]))).toEqual({ ok: true, value: null });
    const [[items]] = win.navigator.clipboard.write.mock.calls as unknown as [[{ items: Record<string, Blob> }[]]];
    const blob = items[0].items['image/png'];
    expect(blob.type).toBe('image/png');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([137, 80, 78, 71]);
  });

  it('a clipboard the browser refuses says so; another failure gives its message', async () => {
    const refused = fakeWindow(async () => {
      throw new DOMException('denied', 'NotAllowedError');
    });
    expect(await refused.page.copyImage(new Uint8Array([1]))).toEqual({
      ok: false,
      error: 'The browser did not allow Mizan to use the clipboard.'
    });
    const broken = fakeWindow(async () => {
      throw new Error('Clipboard unavailable');
    });
    expect(await broken.page.copyImage(new Uint8Array([1]))).toEqual({ ok: false, error: 'Clipboard unavailable' });
  });

  it('printing the report opens the browser’s print dialog', async () => {
    const { win, page } = fakeWindow();
    expect(await page.printReport('report')).toEqual({ ok: true, value: null });
    expect(win.print).toHaveBeenCalledOnce();
  });
});
