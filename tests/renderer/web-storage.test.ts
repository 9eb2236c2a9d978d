// The web platform's recovery store (IndexedDB, here an in-memory fake): listed without the
// texts, the one restored read on its own, records that are not copies removed, at most 20 kept.
import { describe, expect, it } from 'vitest';
import { WebStorage } from '../../src/renderer/src/platform/web/storage';
import type { RecoveryRecord } from '../../src/renderer/src/platform/web/storage';
import { FakeIndexedDb } from './fakeIndexedDb';

const entry = (key: string, day: number, text = `text of ${key}`): RecoveryRecord => ({
  key,
  title: `Title ${key}`,
  savedAt: new Date(Date.UTC(2025, 0, 1 + day)).toISOString(),
  text
});

function setup() {
  const idb = new FakeIndexedDb();
  return { idb, storage: new WebStorage(idb.asFactory()), rows: () => idb.rows('mizan', 'recovery') };
}

describe('WebStorage recovery copies', () => {
  it('lists titles, times and sizes newest first, without texts; leaves out live tabs’ copies', async () => {
    const { storage } = setup();
    await storage.putRecovery(entry('older', 1, 'abc'));
    await storage.putRecovery(entry('newer', 2, 'عشق آباد'));
    await storage.putRecovery(entry('live-tab', 3));
    const listed = await storage.listRecovery(new Set(['live-tab']));
    expect(listed).toEqual([
      { key: 'newer', title: 'Title newer', savedAt: '2025-01-03T00:00:00.000Z', size: 15 },
      { key: 'older', title: 'Title older', savedAt: '2025-01-02T00:00:00.000Z', size: 3 }
    ]);
    for (const copy of listed) expect(copy).not.toHaveProperty('text');
  });

  it('reads exactly the saved text of one copy when it is restored; a missing one says so', async () => {
    const { storage } = setup();
    const text = '{\n  "title": "مسودة — draft"\n}\n';
    await storage.putRecovery(entry('k', 1, text));
    expect(await storage.readRecovery('k')).toEqual({ ok: true, text, file: null });
    await storage.deleteRecovery('k');
    expect(await storage.readRecovery('k')).toEqual({ ok: false, reason: 'missing' });
    expect(await storage.readRecovery('never-was')).toEqual({ ok: false, reason: 'missing' });
  });

  it('keeps the file a copy belongs to; an older copy without one, or a damaged one, reads as untitled', async () => {
    const { storage, rows } = setup();
    // A stand-in for a FileSystemFileHandle: the browser clones real ones into IndexedDB.
    const handle = { kind: 'file', name: 'gulf.mizan' } as unknown as FileSystemFileHandle;
    const file = { name: 'gulf.mizan', handle, seen: { size: 12, lastModified: 34 } };
    await storage.putRecovery({ ...entry('linked', 1), file });
    expect(await storage.readRecovery('linked')).toEqual({ ok: true, text: 'text of linked', file });
    rows().set('old', { key: 'old', title: 'T', savedAt: '2025-01-01T00:00:00.000Z', text: 'old text' });
    rows().set('damaged', { key: 'damaged', title: 'T', savedAt: '2025-01-01T00:00:00.000Z', text: 'x', file: { name: 7 } });
    expect(await storage.readRecovery('old')).toEqual({ ok: true, text: 'old text', file: null });
    expect(await storage.readRecovery('damaged')).toEqual({ ok: true, text: 'x', file: null });
  });

  it('a handle the browser cannot store keeps the work, untitled', async () => {
    const { storage } = setup();
    const handle = { name: 'x.mizan', getFile: () => undefined } as unknown as FileSystemFileHandle;
    await storage.putRecovery({ ...entry('k', 1, 'work'), file: { name: 'x.mizan', handle, seen: null } });
    expect(await storage.readRecovery('k')).toEqual({ ok: true, text: 'work', file: null });
  });

  it('removes records that are not recovery copies when listing; reading one says it is unreadable', async () => {
    const { storage, rows } = setup();
    await storage.putRecovery(entry('good', 1));
    rows().set('no-text', { key: 'no-text', title: 'T', savedAt: '2025-01-01T00:00:00.000Z' });
    rows().set('wrong-types', { key: 'wrong-types', title: 7, savedAt: null, text: {} });
    expect(await storage.readRecovery('no-text')).toEqual({ ok: false, reason: 'unreadable' });
    expect((await storage.listRecovery(new Set())).map((c) => c.key)).toEqual(['good']);
    expect([...rows().keys()]).toEqual(['good']);
  });

  it('keeps at most 20 copies: the oldest left-behind ones go, never a live tab’s', async () => {
    const { storage, rows } = setup();
    await storage.putRecovery(entry('live', 0));
    for (let n = 1; n <= 24; n++) await storage.putRecovery(entry(`copy-${String(n).padStart(2, '0')}`, n));
    const listed = await storage.listRecovery(new Set(['live']));
    expect(rows().size).toBe(20);
    expect(rows().has('live')).toBe(true);
    expect(listed.map((c) => c.key)).toEqual(Array.from({ length: 19 }, (_, i) => `copy-${String(24 - i).padStart(2, '0')}`));
  });

  it('reading when the database cannot be opened says unreadable instead of throwing', async () => {
    const broken = {
      open() {
        const request = { onerror: null as null | (() => void), error: new DOMException('denied', 'SecurityError') };
        setTimeout(() => request.onerror?.());
        return request;
      }
    } as unknown as IDBFactory;
    const storage = new WebStorage(broken);
    expect(await storage.readRecovery('k')).toEqual({ ok: false, reason: 'unreadable' });
    await expect(storage.listRecovery(new Set())).rejects.toThrow();
  });
});
