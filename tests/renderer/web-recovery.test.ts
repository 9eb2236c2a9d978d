// Recovery copies in the browser (platform/web/recovery.ts over IndexedDB, here the in-memory
// fake): a tab holds a Web Lock per key it writes, and only copies whose lock is free (their
// tab closed or crashed) are offered; the store keeps at most 20. A copy of work on a file
// keeps the file: a later tab restores it tied to the file, and Save writes there.
import { describe, expect, it } from 'vitest';
import { createWebFiles } from '../../src/renderer/src/platform/web/files';
import { createRecentFiles } from '../../src/renderer/src/platform/web/recent';
import { createWebRecovery, LOCK_PREFIX, type RecoveryStore } from '../../src/renderer/src/platform/web/recovery';
import { WebStorage, type RecoveryRecord } from '../../src/renderer/src/platform/web/storage';
import type { RecoveryEntry } from '../../src/contract/bridge';
import { FakeDiskFile, fakePickers, memoryRecentStore } from './fakeFileSystem';
import { FakeIndexedDb } from './fakeIndexedDb';

const entry = (key: string, day = 1): RecoveryEntry => ({
  key,
  title: `Title ${key}`,
  savedAt: new Date(Date.UTC(2025, 0, day)).toISOString(),
  text: `text of ${key}`
});

/** The browser's Web Locks, shared by the tabs of one test: a lock is held until its tab is closed. */
class FakeLocks {
  readonly held = new Map<string, string>();
  requests = 0;
  forTab(tab: string): LockManager {
    return {
      request: async (name: string) => {
        this.requests++;
        if (!this.held.has(name)) this.held.set(name, tab);
        return new Promise(() => undefined);
      },
      query: async () => ({ held: [...this.held.keys()].map((name) => ({ name, mode: 'exclusive' })), pending: [] })
    } as unknown as LockManager;
  }
  close(tab: string) {
    for (const [name, owner] of this.held) if (owner === tab) this.held.delete(name);
  }
}

describe('web recovery copies', () => {
  it('a copy is offered only once the tab that wrote it has gone', async () => {
    const idb = new FakeIndexedDb();
    const locks = new FakeLocks();
    const first = createWebRecovery(locks.forTab('first'), new WebStorage(idb.asFactory()));
    await first.writeRecovery(entry('first-doc'));
    expect(locks.held.has(`${LOCK_PREFIX}first-doc`)).toBe(true);

    const second = createWebRecovery(locks.forTab('second'), new WebStorage(idb.asFactory()));
    expect(await second.listRecovery()).toEqual([]);
    locks.close('first');
    expect((await second.listRecovery()).map((c) => c.key)).toEqual(['first-doc']);
    expect(await second.readRecovery('first-doc')).toEqual({ ok: true, text: 'text of first-doc', file: null });
  });

  it('a tab never offers its own copy, and asks for its lock once however often it writes', async () => {
    const idb = new FakeIndexedDb();
    const locks = new FakeLocks();
    const tab = createWebRecovery(locks.forTab('tab'), new WebStorage(idb.asFactory()));
    await tab.writeRecovery(entry('mine', 1));
    await tab.writeRecovery(entry('mine', 2));
    expect(locks.requests).toBe(1);
    locks.held.clear(); // even if the browser lost the lock, the tab knows its own key
    expect(await tab.listRecovery()).toEqual([]);
  });

  it('without Web Locks every copy but the tab’s own is offered; a failing query is the same', async () => {
    const idb = new FakeIndexedDb();
    const storage = new WebStorage(idb.asFactory());
    await createWebRecovery(undefined, storage).writeRecovery(entry('gone', 1));
    const noLocks = createWebRecovery(undefined, storage);
    await noLocks.writeRecovery(entry('own', 2));
    expect((await noLocks.listRecovery()).map((c) => c.key)).toEqual(['gone']);
    const failing = {
      request: async () => new Promise(() => undefined),
      query: async () => {
        throw new DOMException('no', 'SecurityError');
      }
    } as unknown as LockManager;
    expect((await createWebRecovery(failing, storage).listRecovery()).map((c) => c.key)).toEqual(['own', 'gone']);
  });

  it('a cleared copy is gone for every tab', async () => {
    const idb = new FakeIndexedDb();
    const recovery = createWebRecovery(undefined, new WebStorage(idb.asFactory()));
    await recovery.writeRecovery(entry('k'));
    await recovery.clearRecovery('k');
    expect(await createWebRecovery(undefined, new WebStorage(idb.asFactory())).listRecovery()).toEqual([]);
    expect(await recovery.readRecovery('k')).toEqual({ ok: false, reason: 'missing' });
  });

  it('copies left behind are capped: of 25, the 20 newest are kept', async () => {
    const idb = new FakeIndexedDb();
    const storage = new WebStorage(idb.asFactory());
    for (let day = 1; day <= 25; day++) await createWebRecovery(undefined, storage).writeRecovery(entry(`c${day}`, day));
    const listed = await createWebRecovery(undefined, storage).listRecovery();
    expect(listed.map((c) => c.key)).toEqual(Array.from({ length: 20 }, (_, i) => `c${25 - i}`));
    expect(idb.rows('mizan', 'recovery').size).toBe(20);
  });
});

/** Recovery records in memory, handles kept as they are (IndexedDB clones real handles; the fake ones have functions). */
function memoryRecoveryStore(): RecoveryStore {
  const records = new Map<string, RecoveryRecord>();
  return {
    putRecovery: async (record) => void records.set(record.key, record),
    deleteRecovery: async (key) => void records.delete(key),
    listRecovery: async () => [],
    readRecovery: async (key) => {
      const record = records.get(key);
      return record ? { ok: true, text: record.text, file: record.file ?? null } : { ok: false, reason: 'missing' };
    }
  };
}

/** A tab: its files (File System Access) and its recovery, over stores shared with later tabs. */
function fileTab(disk: FakeDiskFile, recentStore: ReturnType<typeof memoryRecentStore>, recoveryStore: RecoveryStore, name: string) {
  let ids = 0;
  const newId = () => `${name}-${++ids}`;
  const recent = createRecentFiles(recentStore, newId);
  const files = createWebFiles({ win: {} as Window, pickers: fakePickers(() => disk).pickers, recent, newId });
  return { files, recovery: createWebRecovery(undefined, recoveryStore, recent) };
}

describe('web recovery copies keep their file', () => {
  async function crashedWithWork() {
    const disk = new FakeDiskFile('gulf.mizan', 'on disk', { now: 1 });
    const recentStore = memoryRecentStore();
    const recoveryStore = memoryRecoveryStore();
    const first = fileTab(disk, recentStore, recoveryStore, 'first');
    const opened = await first.files.openFile();
    if (!opened.ok) throw new Error('open failed');
    await first.recovery.writeRecovery({ ...entry('crashed'), text: 'unsaved work', file: opened.value.handle });
    return { disk, later: fileTab(disk, recentStore, recoveryStore, 'later') };
  }

  it('a later tab restores the work tied to its file, and Save writes there', async () => {
    const { disk, later } = await crashedWithWork();
    const read = await later.recovery.readRecovery('crashed');
    if (!read.ok || !read.file) throw new Error(`no file in ${JSON.stringify(read)}`);
    expect(read).toMatchObject({ text: 'unsaved work', file: { name: 'gulf.mizan' } });
    expect(await later.files.save(read.file.handle, 'unsaved work', 'x')).toEqual({
      ok: true,
      value: { handle: read.file.handle, name: 'gulf.mizan' }
    });
    expect(disk.text).toBe('unsaved work');
  });

  it('asks for permission before checking the file (a new tab has none); a file changed since is a conflict, nothing written', async () => {
    const { disk, later } = await crashedWithWork();
    disk.permission = 'prompt';
    disk.outsideWrite('theirs');
    const read = await later.recovery.readRecovery('crashed');
    if (!read.ok || !read.file) throw new Error('no file');
    expect(await later.files.save(read.file.handle, 'unsaved work', 'x')).toEqual({ ok: false, conflict: 'changed' });
    expect(disk.requests).toBe(1);
    expect(disk.text).toBe('theirs');
  });

  it('a document without a handle (downloaded, or never saved) leaves an untitled copy', async () => {
    const recoveryStore = memoryRecoveryStore();
    const recovery = createWebRecovery(undefined, recoveryStore, createRecentFiles(memoryRecentStore(), () => 'id'));
    await recovery.writeRecovery({ ...entry('a'), file: 'unknown-id' });
    await recovery.writeRecovery({ ...entry('b'), file: null });
    expect(await recovery.readRecovery('a')).toEqual({ ok: true, text: 'text of a', file: null });
    expect(await recovery.readRecovery('b')).toEqual({ ok: true, text: 'text of b', file: null });
  });
});
