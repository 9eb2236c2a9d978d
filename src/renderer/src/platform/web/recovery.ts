// Recovery copies in the browser: kept in IndexedDB (storage.ts). Each tab holds a Web Lock
// named after its key while it lives, so a copy whose lock is free was left by a tab that
// closed or crashed, and only those are offered. A copy of work on a file keeps the file's
// handle; restored, the file becomes this tab's again (with how it looked when the work
// began), so Save writes there after the usual check for outside changes.
import type { Bridge, RecoveredFile } from '../../../../contract/bridge';
import type { RecentFiles } from './recent';
import type { RecoveryFileLink, WebStorage } from './storage';

export const LOCK_PREFIX = 'mizan-window:';

export type RecoveryStore = Pick<WebStorage, 'putRecovery' | 'deleteRecovery' | 'listRecovery' | 'readRecovery'>;
export type WebRecovery = Pick<Bridge, 'writeRecovery' | 'clearRecovery' | 'listRecovery' | 'readRecovery'>;

/** The tab's files, to find a document's file by its id and to take a restored one back. */
export type RecoveryFiles = Pick<RecentFiles, 'inTab' | 'remember'>;

export function createWebRecovery(
  locks: LockManager | undefined,
  storage: RecoveryStore,
  files?: RecoveryFiles
): WebRecovery {
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

  /** The file behind a document's id, when this tab holds it with a handle (a downloaded file has none). */
  function linkOf(id: string | null | undefined): RecoveryFileLink | null {
    const known = id ? files?.inTab(id) : undefined;
    return known?.handle ? { name: known.name, handle: known.handle, seen: known.seen } : null;
  }

  async function adopt(link: RecoveryFileLink): Promise<RecoveredFile | null> {
    if (!files) return null;
    return { handle: await files.remember(link.name, link.handle, null, link.seen), name: link.name };
  }

  return {
    async writeRecovery({ file, ...entry }) {
      holdLock(entry.key);
      await storage.putRecovery({ ...entry, file: linkOf(file) });
    },
    async clearRecovery(key) {
      await storage.deleteRecovery(key);
    },
    async listRecovery() {
      return storage.listRecovery(await liveKeys());
    },
    async readRecovery(key) {
      const read = await storage.readRecovery(key);
      if (!read.ok) return read;
      return { ok: true, text: read.text, file: read.file && (await adopt(read.file)) };
    }
  };
}
