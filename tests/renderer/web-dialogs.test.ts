// @vitest-environment jsdom
// Files in a browser without the File System Access API (platform/web/dialogs.ts and the
// fallback of files.ts): a hidden <input type=file> to open (cancel resolves to nothing),
// an <a download> link to save, under the name the person knows.
import { File as NodeFile } from 'node:buffer';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseWithInput, download } from '../../src/renderer/src/platform/web/dialogs';
import { createWebFiles } from '../../src/renderer/src/platform/web/files';
import { createRecentFiles } from '../../src/renderer/src/platform/web/recent';
import { memoryRecentStore } from './fakeFileSystem';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

/** Answers the next file chooser: with `file`, or by cancelling (null). */
function answerChooser(file: File | null) {
  const shown: HTMLInputElement[] = [];
  vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
    shown.push(this);
    expect(this.isConnected).toBe(true);
    if (file) Object.defineProperty(this, 'files', { value: [file] });
    this.dispatchEvent(new Event(file ? 'change' : 'cancel'));
  });
  return shown;
}

interface Downloaded {
  name: string;
  type: string;
  size: number;
  hidden: boolean;
}

/** Records the downloads a page starts, and the object URLs it revokes. */
function watchDownloads() {
  const downloads: Downloaded[] = [];
  const blobs = new Map<string, Blob>();
  const revoked: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.getAttribute('href') ?? '')!;
    downloads.push({ name: this.download, type: blob.type, size: blob.size, hidden: this.hidden });
  });
  return { downloads, revoked };
}

/** A window whose timers wait until the test runs them. */
function windowWithTimers() {
  const timers: { run: () => void; ms: number }[] = [];
  const win = { document, setTimeout: (run: () => void, ms: number) => timers.push({ run, ms }) };
  return { win: win as unknown as Window, timers };
}

describe('web dialogs without the File System Access API', () => {
  it('the chooser is a hidden file input for the type asked, removed once a file is chosen', async () => {
    const file = new NodeFile(['{}'], 'a.mizan') as unknown as File;
    const shown = answerChooser(file);
    expect(await chooseWithInput(document, '.mizan')).toBe(file);
    expect(shown).toHaveLength(1);
    expect([shown[0].type, shown[0].accept, shown[0].hidden]).toEqual(['file', '.mizan', true]);
    expect(shown[0].isConnected).toBe(false);
  });

  it('a cancelled chooser resolves to nothing and leaves no input behind', async () => {
    answerChooser(null);
    expect(await chooseWithInput(document, '.mizan')).toBeNull();
    expect(document.querySelectorAll('input')).toHaveLength(0);
  });

  it('a download is a hidden link with the name and type, removed at once; its URL is revoked later', () => {
    const { downloads, revoked } = watchDownloads();
    const { win, timers } = windowWithTimers();
    download(win, 'a,b\n', 'table.csv', 'text/csv');
    expect(downloads).toEqual([{ name: 'table.csv', type: 'text/csv', size: 4, hidden: true }]);
    expect(document.querySelectorAll('a')).toHaveLength(0);
    expect(revoked).toEqual([]);
    expect(timers.map((t) => t.ms)).toEqual([60_000]);
    timers[0].run();
    expect(revoked).toEqual(['blob:test/0']);
  });
});

describe('web files without the File System Access API', () => {
  function tab() {
    let ids = 0;
    const newId = () => `id-${++ids}`;
    const recent = createRecentFiles(memoryRecentStore(), newId);
    return { files: createWebFiles({ win: windowWithTimers().win, pickers: null, recent, newId }), recent };
  }

  it('Open reads the file chosen in the file input; a cancel is a cancel', async () => {
    const { files } = tab();
    answerChooser(new NodeFile(['{"title": "x"}'], 'chosen.mizan') as unknown as File);
    expect(await files.openFile()).toMatchObject({ ok: true, value: { name: 'chosen.mizan', text: '{"title": "x"}' } });
    vi.restoreAllMocks();
    answerChooser(null);
    expect(await files.openFile()).toEqual({ ok: false, canceled: true });
  });

  it('Save As downloads the file under the suggested name; Save downloads it again under the same name and id', async () => {
    const { downloads } = watchDownloads();
    const { files, recent } = tab();
    const saved = await files.saveAs('{}', 'My analysis');
    expect(saved).toEqual({ ok: true, value: { handle: 'id-1', name: 'My analysis.mizan' } });
    expect(await files.save('id-1', '{ }', 'ignored')).toEqual({ ok: true, value: { handle: 'id-1', name: 'My analysis.mizan' } });
    expect(downloads.map((d) => [d.name, d.type, d.size])).toEqual([
      ['My analysis.mizan', 'application/octet-stream', 2],
      ['My analysis.mizan', 'application/octet-stream', 3]
    ]);
    expect((await recent.list()).map((r) => r.name)).toEqual(['My analysis.mizan']);
  });

  it('an export downloads with its extension and MIME type', async () => {
    const { downloads } = watchDownloads();
    const { files } = tab();
    expect(await files.saveExport('svg', 'chart', '<svg/>')).toMatchObject({ ok: true, value: { name: 'chart.svg' } });
    expect(downloads).toEqual([{ name: 'chart.svg', type: 'image/svg+xml', size: 6, hidden: true }]);
  });
});
