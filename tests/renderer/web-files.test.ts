// The web platform's files (platform/web/files.ts) with the File System Access API: files over
// the size cap or not UTF-8 are refused with a message naming them, a cancelled picker is a
// cancel, a refused permission or a failed write leaves the file as it was and says why, and
// the recent list reopens what a previous tab opened.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/engine/format';
import { createWebFiles } from '../../src/renderer/src/platform/web/files';
import { createRecentFiles } from '../../src/renderer/src/platform/web/recent';
import { aborted, asHandle, FakeDiskFile, fakePickers, memoryRecentStore } from './fakeFileSystem';

const MINIMAL = readFileSync('tests/fixtures/v2/minimal.mizan', 'utf8');

/** A tab with the File System Access API whose pickers return `choose()`. */
function tab(choose: () => FakeDiskFile | DOMException, store = memoryRecentStore()) {
  let ids = 0;
  const newId = () => `id-${++ids}`;
  const recent = createRecentFiles(store, newId);
  const { pickers, suggested } = fakePickers(choose);
  const files = createWebFiles({ win: {} as Window, pickers, recent, newId });
  return { files, recent, store, suggested };
}

/** A file the browser reports as `size` bytes; reading it fails the test. */
function hugeFile(name: string, size: number): File {
  return {
    name,
    size,
    lastModified: 1,
    arrayBuffer: () => {
      throw new Error('a file over the cap must not be read');
    }
  } as unknown as File;
}

describe('web files: opening', () => {
  it('opens a .mizan through the picker: its text, its name, and an entry in the recent list', async () => {
    const disk = new FakeDiskFile('a.mizan', MINIMAL, { now: 1 });
    const { files, recent } = tab(() => disk);
    const opened = await files.openFile();
    expect(opened).toMatchObject({ ok: true, value: { name: 'a.mizan', text: MINIMAL } });
    expect((await recent.list()).map((r) => r.name)).toEqual(['a.mizan']);
  });

  it('refuses a file over the size cap without reading it, naming the file and the cap; nothing is remembered', async () => {
    const { files, recent } = tab(() => new FakeDiskFile('x', '', { now: 1 }));
    const outcome = await files.read(hugeFile('huge.mizan', LIMITS.fileBytes + 1), null);
    expect(outcome).toEqual({
      ok: false,
      error: 'huge.mizan is too large (10,485,761 bytes; Mizan opens files of at most 10 MB).'
    });
    expect(await recent.list()).toEqual([]);
  });

  it('a file of exactly the cap is read', async () => {
    const { files } = tab(() => new FakeDiskFile('x', '', { now: 1 }));
    const exact = new File(['a'.repeat(LIMITS.fileBytes)], 'exact.mizan');
    expect(await files.read(exact, null)).toMatchObject({ ok: true, value: { name: 'exact.mizan' } });
  });

  it('refuses bytes that are not UTF-8, naming the file', async () => {
    const { files } = tab(() => new FakeDiskFile('x', '', { now: 1 }));
    const binary = new File([new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])], 'photo.mizan');
    expect(await files.read(binary, null)).toEqual({
      ok: false,
      error: 'photo.mizan is not UTF-8 text (it may be a binary file or use another text encoding).'
    });
  });

  it('a cancelled picker is a cancel, not an error', async () => {
    const { files } = tab(aborted);
    expect(await files.openFile()).toEqual({ ok: false, canceled: true });
    expect(await files.saveAs(MINIMAL, 'a')).toEqual({ ok: false, canceled: true });
    expect(await files.saveExport('png', 'chart', new Uint8Array([1]))).toEqual({ ok: false, canceled: true });
  });

  it('a picker the browser refuses says so in words', async () => {
    const { files } = tab(() => new DOMException('no gesture', 'SecurityError'));
    expect(await files.openFile()).toEqual({ ok: false, error: 'The browser refused: please use the button again.' });
  });
});

describe('web files: saving through a handle', () => {
  it('Save As writes the chosen file; Save writes it again; the name offered has the extension', async () => {
    const disk = new FakeDiskFile('mine.mizan', '', { now: 1 });
    const { files, suggested } = tab(() => disk);
    const saved = await files.saveAs(MINIMAL, 'mine');
    if (!saved.ok) throw new Error('save as failed');
    expect(disk.text).toBe(MINIMAL);
    expect(suggested).toEqual(['mine.mizan']);
    const again = await files.save(saved.value.handle, `${MINIMAL}\n`, 'mine.mizan');
    expect(again).toEqual({ ok: true, value: { handle: saved.value.handle, name: 'mine.mizan' } });
    expect(disk.text).toBe(`${MINIMAL}\n`);
  });

  it('a save to a handle whose permission the person refuses writes nothing and says why', async () => {
    const disk = new FakeDiskFile('a.mizan', MINIMAL, { now: 1 });
    const { files } = tab(() => disk);
    const opened = await files.openFile();
    if (!opened.ok) throw new Error('open failed');
    disk.permission = 'prompt';
    disk.onRequest = 'denied';
    const outcome = await files.save(opened.value.handle, 'changed', 'a.mizan');
    expect(outcome).toEqual({ ok: false, error: 'The browser did not allow access to the file.' });
    expect(disk.requests).toBe(1);
    expect(disk.text).toBe(MINIMAL);
  });

  it('a permission the person grants when asked lets the save through', async () => {
    const disk = new FakeDiskFile('a.mizan', MINIMAL, { now: 1 });
    const { files } = tab(() => disk);
    const opened = await files.openFile();
    if (!opened.ok) throw new Error('open failed');
    disk.permission = 'prompt';
    expect(await files.save(opened.value.handle, 'changed', 'a.mizan')).toMatchObject({ ok: true });
    expect(disk.text).toBe('changed');
  });

  it('a write that fails (disk full) is aborted: the file keeps its text and the message says why', async () => {
    const disk = new FakeDiskFile('a.mizan', MINIMAL, { now: 1 });
    const { files } = tab(() => disk);
    const opened = await files.openFile();
    if (!opened.ok) throw new Error('open failed');
    disk.writeFails = new DOMException('quota', 'QuotaExceededError');
    const outcome = await files.save(opened.value.handle, 'changed', 'a.mizan');
    expect(outcome).toEqual({ ok: false, error: 'There is not enough space to write the file.' });
    expect(disk.aborted).toBe(1);
    expect(disk.text).toBe(MINIMAL);
  });

  it('an export goes through the save picker with its type, and is not a recent file', async () => {
    const disk = new FakeDiskFile('table.csv', '', { now: 1 });
    const { files, recent, suggested } = tab(() => disk);
    const outcome = await files.saveExport('csv', 'table', 'a,b\n1,2\n');
    expect(outcome).toMatchObject({ ok: true, value: { name: 'table.csv' } });
    expect(disk.text).toBe('a,b\n1,2\n');
    expect(suggested).toEqual(['table.csv']);
    expect(await recent.list()).toEqual([]);
  });
});

describe('web files: the recent list', () => {
  /** a.mizan opened in one tab; a later tab (whose picker would be cancelled) and its recent entry. */
  async function openedThenLater() {
    const disk = new FakeDiskFile('a.mizan', MINIMAL, { now: 1 });
    const store = memoryRecentStore();
    await tab(() => disk, store).files.openFile();
    const later = tab(aborted, store);
    const [entry] = await later.recent.list();
    return { disk, later, entry };
  }

  it('a later tab reopens a file from the recent list after the browser grants permission', async () => {
    const { disk, later, entry } = await openedThenLater();
    disk.permission = 'prompt';
    expect(await later.files.openRecent(entry.handle)).toMatchObject({
      ok: true,
      value: { name: 'a.mizan', text: MINIMAL }
    });
    expect(disk.requests).toBe(1);
  });

  it('reopening is refused in words when the permission is denied, and the entry stays', async () => {
    const { disk, later, entry } = await openedThenLater();
    disk.permission = 'prompt';
    disk.onRequest = 'denied';
    expect(await later.files.openRecent(entry.handle)).toEqual({
      ok: false,
      error: 'The browser did not allow access to the file.'
    });
    expect(await later.recent.list()).toHaveLength(1);
  });

  it('a file removed since is said to be gone and leaves the list', async () => {
    const { disk, later, entry } = await openedThenLater();
    disk.gone = true;
    expect(await later.files.openRecent(entry.handle)).toEqual({
      ok: false,
      error: 'The file no longer exists where it was.'
    });
    expect(await later.recent.list()).toEqual([]);
  });

  it('an entry known only by name cannot be reopened, and an unknown id is said to be gone from the list', async () => {
    const store = memoryRecentStore();
    store.records.set('old', { id: 'old', name: 'old.mizan', usedAt: 1 });
    const { files } = tab(aborted, store);
    expect(await files.openRecent('old')).toEqual({
      ok: false,
      error: 'This browser cannot reopen old.mizan by its name: choose it again with Open…'
    });
    expect(await files.openRecent('never')).toEqual({ ok: false, error: 'This file is no longer in the recent list.' });
  });

  it('a Save of an id this tab does not hold asks where (Save As)', async () => {
    const disk = new FakeDiskFile('new.mizan', '', { now: 1 });
    const store = memoryRecentStore();
    store.records.set('elsewhere', { id: 'elsewhere', name: 'x.mizan', usedAt: 1, handle: asHandle(disk) });
    const { files, suggested } = tab(() => disk, store);
    expect(await files.save('elsewhere', MINIMAL, 'x.mizan')).toMatchObject({ ok: true, value: { name: 'new.mizan' } });
    expect(suggested).toEqual(['x.mizan']);
  });
});
