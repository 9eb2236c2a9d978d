// Files dropped on the browser window (platform/web/drop.ts): the page accepts a dragged file,
// opens the dropped one with its handle where the browser gives one, and opens nothing when
// the file is refused.
import { describe, expect, it, vi } from 'vitest';
import type { OpenedFile, Outcome } from '../../src/contract/bridge';
import { onDroppedFile } from '../../src/renderer/src/platform/web/drop';

const flush = () => new Promise((resolve) => setTimeout(resolve));

function dragEvent(type: string, dataTransfer: Record<string, unknown>) {
  return Object.assign(new Event(type, { cancelable: true }), { dataTransfer });
}

function setup(withHandles: boolean, outcome: Outcome<OpenedFile> = { ok: true, value: { handle: 'h', name: 'a.mizan', text: '{}' } }) {
  const win = new EventTarget() as unknown as Window;
  const read = vi.fn(async (_file: File, _handle: FileSystemFileHandle | null) => outcome);
  const opened: OpenedFile[] = [];
  const stop = onDroppedFile(win, withHandles, read, (file) => opened.push(file));
  return { win, read, opened, stop };
}

const file = { name: 'a.mizan' } as File;

describe('web: files dropped on the window', () => {
  it('a drag carrying files is accepted as a copy; other drags are left to the page', () => {
    const { win } = setup(false);
    const files = dragEvent('dragover', { types: ['Files'], dropEffect: 'none' });
    win.dispatchEvent(files);
    expect(files.defaultPrevented).toBe(true);
    expect(files.dataTransfer.dropEffect).toBe('copy');
    const text = dragEvent('dragover', { types: ['text/plain'], dropEffect: 'none' });
    win.dispatchEvent(text);
    expect(text.defaultPrevented).toBe(false);
  });

  it('a dropped file is read and opened', async () => {
    const { win, read, opened } = setup(false);
    const drop = dragEvent('drop', { files: [file], items: [{}] });
    win.dispatchEvent(drop);
    await flush();
    expect(drop.defaultPrevented).toBe(true);
    expect(read).toHaveBeenCalledWith(file, null);
    expect(opened).toEqual([{ handle: 'h', name: 'a.mizan', text: '{}' }]);
  });

  it('with the File System Access API the dropped file keeps its handle (a directory has none)', async () => {
    const handle = { kind: 'file', name: 'a.mizan' };
    const { win, read } = setup(true);
    win.dispatchEvent(dragEvent('drop', { files: [file], items: [{ getAsFileSystemHandle: async () => handle }] }));
    await flush();
    expect(read).toHaveBeenLastCalledWith(file, handle);
    win.dispatchEvent(dragEvent('drop', { files: [file], items: [{ getAsFileSystemHandle: async () => ({ kind: 'directory' }) }] }));
    win.dispatchEvent(
      dragEvent('drop', {
        files: [file],
        items: [{ getAsFileSystemHandle: async () => Promise.reject(new DOMException('no', 'NotAllowedError')) }]
      })
    );
    await flush();
    expect(read.mock.calls.map((call) => call[1])).toEqual([handle, null, null]);
  });

  it('without the API a handle offered by the item is not used', async () => {
    const { win, read } = setup(false);
    win.dispatchEvent(dragEvent('drop', { files: [file], items: [{ getAsFileSystemHandle: async () => ({ kind: 'file' }) }] }));
    await flush();
    expect(read).toHaveBeenCalledWith(file, null);
  });

  it('a refused file (too large, not UTF-8) opens nothing; a drop without files is left to the page', async () => {
    const { win, opened } = setup(false, { ok: false, error: 'a.mizan is too large' });
    win.dispatchEvent(dragEvent('drop', { files: [file], items: [{}] }));
    const empty = dragEvent('drop', { files: [], items: [] });
    win.dispatchEvent(empty);
    await flush();
    expect(opened).toEqual([]);
    expect(empty.defaultPrevented).toBe(false);
  });

  it('stops listening when unsubscribed', async () => {
    const { win, read, stop } = setup(false);
    stop();
    const over = dragEvent('dragover', { types: ['Files'] });
    win.dispatchEvent(over);
    win.dispatchEvent(dragEvent('drop', { files: [file], items: [{}] }));
    await flush();
    expect(over.defaultPrevented).toBe(false);
    expect(read).not.toHaveBeenCalled();
  });
});
