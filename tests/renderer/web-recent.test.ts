// The files a web tab knows and its recent list (platform/web/recent.ts): one entry per file,
// newest first, at most ten; a tab without IndexedDB still works.
import { describe, expect, it } from 'vitest';
import { createRecentFiles, RECENT_MAX } from '../../src/renderer/src/platform/web/recent';
import { asHandle, FakeDiskFile, memoryRecentStore } from './fakeFileSystem';


const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};

describe('web recent files', () => {
  it('the same file again keeps its id: by handle where there is one, by name where there is none', async () => {
    const store = memoryRecentStore();
    const recent = createRecentFiles(store, counter());
    const a = asHandle(new FakeDiskFile('a.mizan', '', { now: 1 }));
    const first = await recent.remember('a.mizan', a);
    expect(await recent.remember('a.mizan', asHandle(new FakeDiskFile('a.mizan', '', { now: 2 })))).toBe(first);
    const byName = await recent.remember('b.mizan', null);
    expect(byName).not.toBe(first);
    expect(await recent.remember('b.mizan', null)).toBe(byName);
    // A name-only entry is not the same file as one with a handle, even under the same name.
    expect(await recent.remember('a.mizan', null)).not.toBe(first);
    expect(store.records.size).toBe(3);
  });

  it('lists the most recently used first, at most ten, without a location', async () => {
    const store = memoryRecentStore();
    for (let n = 1; n <= 12; n++) store.records.set(`r${n}`, { id: `r${n}`, name: `f${n}.mizan`, usedAt: n });
    const listed = await createRecentFiles(store, counter()).list();
    expect(RECENT_MAX).toBe(10);
    expect(listed.map((r) => r.handle)).toEqual(['r12', 'r11', 'r10', 'r9', 'r8', 'r7', 'r6', 'r5', 'r4', 'r3']);
    expect(listed[0]).toEqual({ handle: 'r12', name: 'f12.mizan', location: '' });
  });

  it('the last file to reopen: the most recent, with whether the browser still grants it or must ask', async () => {
    const store = memoryRecentStore();
    const recent = createRecentFiles(store, counter());
    expect(await recent.last()).toBeNull();
    const older = new FakeDiskFile('older.mizan', '', { now: 1 });
    const latest = new FakeDiskFile('latest.mizan', '', { now: 1 });
    store.records.set('older', { id: 'older', name: 'older.mizan', usedAt: 1, handle: asHandle(older) });
    store.records.set('latest', { id: 'latest', name: 'latest.mizan', usedAt: 2, handle: asHandle(latest) });
    expect(await recent.last()).toEqual({ handle: 'latest', name: 'latest.mizan', permission: 'granted' });
    latest.permission = 'prompt';
    expect(await recent.last()).toEqual({ handle: 'latest', name: 'latest.mizan', permission: 'prompt' });
    expect(latest.requests).toBe(0); // asking is the person's to start, not the page's
    latest.permission = 'denied';
    expect(await recent.last()).toBeNull();
  });

  it('no last file to reopen when the most recent was known only by name (downloaded), not an older one', async () => {
    const store = memoryRecentStore();
    store.records.set('older', { id: 'older', name: 'older.mizan', usedAt: 1, handle: asHandle(new FakeDiskFile('older.mizan', '', { now: 1 })) });
    store.records.set('named', { id: 'named', name: 'named.mizan', usedAt: 2 });
    expect(await createRecentFiles(store, counter()).last()).toBeNull();
  });

  it('a file used again moves to the top of the list', async () => {
    const store = memoryRecentStore();
    store.records.set('old', { id: 'old', name: 'old.mizan', usedAt: 1 });
    store.records.set('new', { id: 'new', name: 'new.mizan', usedAt: 2 });
    const recent = createRecentFiles(store, counter());
    expect(await recent.remember('old.mizan', null)).toBe('old');
    expect((await recent.list()).map((r) => r.handle)).toEqual(['old', 'new']);
  });

  it('knows the files of this tab with how they looked; a stored entry is found without it', async () => {
    const store = memoryRecentStore();
    store.records.set('stored', { id: 'stored', name: 's.mizan', usedAt: 1 });
    const recent = createRecentFiles(store, counter());
    const id = await recent.remember('t.mizan', null, null, { size: 3, lastModified: 9 });
    expect(recent.inTab(id)).toEqual({ name: 't.mizan', handle: null, seen: { size: 3, lastModified: 9 } });
    expect(recent.inTab('stored')).toBeUndefined();
    expect(await recent.find('stored')).toEqual({ name: 's.mizan', handle: null, seen: null });
    expect(await recent.find('nowhere')).toBeNull();
    await recent.forget('stored');
    expect(await recent.find('stored')).toBeNull();
  });

  it('without IndexedDB (private mode) files still get ids and are known to the tab; the list is empty', async () => {
    const refuse = async () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const recent = createRecentFiles({ recent: refuse, putRecent: refuse, deleteRecent: refuse }, counter());
    const id = await recent.remember('a.mizan', null);
    expect(id).toBe('id-1');
    expect(recent.inTab(id)).toMatchObject({ name: 'a.mizan' });
    expect(await recent.list()).toEqual([]);
    await expect(recent.forget(id)).resolves.toBeUndefined();
  });
});
