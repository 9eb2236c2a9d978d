// Recovery copies in the browser: kept in IndexedDB (storage.ts). Each tab holds a Web Lock
// named after its key while it lives, so a copy whose lock is free was left by a tab that
// closed or crashed, and only those are offered.
import type { Bridge } from '../../../../contract/bridge';
import type { WebStorage } from './storage';

export const LOCK_PREFIX = 'mizan-window:';

export type RecoveryStore = Pick<WebStorage, 'putRecovery' | 'deleteRecovery' | 'listRecovery' | 'readRecovery'>;
export type WebRecovery = Pick<Bridge, 'writeRecovery' | 'clearRecovery' | 'listRecovery' | 'readRecovery'>;

export function createWebRecovery(locks: LockManager | undefined, storage: RecoveryStore): WebRecovery {
  const heldKeys = new Set<string>();

  /** Holds the key's lock until the tab goes (the callback's promise never settles). */
  function holdLock(key: string) {
    if (heldKeys.has(key)) return;
    heldKeys.add(key);
    void locks?.request(`${LOCK_PREFIX}${key}`, () => new Promise<void>(() => undefined)).catch(() => undefined);
  }

  async function liveKeys(): Promise<Set<string>> {
    const live = new Set(heldKeys);
    try {
      const snapshot = await locks?.query();
      for (const lock of snapshot?.held ?? []) {
        if (lock.name?.startsWith(LOCK_PREFIX)) live.add(lock.name.slice(LOCK_PREFIX.length));
      }
    } catch {
      // No Web Locks: only this tab's own copies are known to be live.
    }
    return live;
  }

  return {
    async writeRecovery(entry) {
      holdLock(entry.key);
      await storage.putRecovery(entry);
    },
    async clearRecovery(key) {
      await storage.deleteRecovery(key);
    },
    async listRecovery() {
      return storage.listRecovery(await liveKeys());
    },
    readRecovery: (key) => storage.readRecovery(key)
  };
}
