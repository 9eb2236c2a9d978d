// Recovery copies in the browser (platform/web/recovery.ts over IndexedDB, here the in-memory
// fake): a tab holds a Web Lock per key it writes, and only copies whose lock is free (their
// tab closed or crashed) are offered; the store keeps at most 20.
import { describe, expect, it } from 'vitest';
import { createWebRecovery, LOCK_PREFIX } from '../../src/renderer/src/platform/web/recovery';
import { WebStorage } from '../../src/renderer/src/platform/web/storage';
import type { RecoveryEntry } from '../../src/contract/bridge';
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
    expect(await second.readRecovery('first-doc')).toEqual({ ok: true, text: 'text of first-doc' });
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
