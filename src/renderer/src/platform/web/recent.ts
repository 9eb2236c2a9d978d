// The files this tab knows and the recent-files list. Files opened or saved here are kept by
// id with their handle (null: known only by name) and how they looked when last read or
// written here (to notice changes by other programs). Each is also a record of the recent
// list in IndexedDB, with its handle where the browser has one, so a later tab can reopen it.
import type { FileHandleId, LastFile, RecentFile } from '../../../../contract/bridge';
import type { Seen } from './handles';
import type { RecentRecord, WebStorage } from './storage';

/** How many recent files the list shows. */
export const RECENT_MAX = 10;

export interface KnownFile {
  name: string;
  handle: FileSystemFileHandle | null;
  /** How the file looked when this tab last read or wrote it; null when unknown. */
  seen: Seen | null;
}

export interface RecentFiles {
  /** Records a file opened or saved: the same file again keeps its id (one list entry per file). */
  remember(name: string, handle: FileSystemFileHandle | null, known?: FileHandleId | null, seen?: Seen | null): Promise<FileHandleId>;
  /** A file opened or saved in this tab. */
  inTab(id: FileHandleId): KnownFile | undefined;
  /** A file of this tab or of the stored list (then nothing is known of how it looked). */
  find(id: FileHandleId): Promise<KnownFile | null>;
  /** Drops a file from the stored list (it is gone). */
  forget(id: FileHandleId): Promise<void>;
  /** The stored list, most recent first, at most RECENT_MAX. */
  list(): Promise<RecentFile[]>;
  /**
   * The most recent file, when its handle is kept and the browser has not refused it: what
   * a new page reopens ('prompt': only once the person says so, which lets the browser ask).
   */
  last(): Promise<LastFile | null>;
}

interface QueryPermission {
  queryPermission?: (descriptor: { mode: 'read' }) => Promise<PermissionState>;
}

export type RecentStore = Pick<WebStorage, 'recent' | 'putRecent' | 'deleteRecent'>;

export function createRecentFiles(storage: RecentStore, newId: () => FileHandleId): RecentFiles {
  const files = new Map<FileHandleId, KnownFile>();
  // No IndexedDB (private mode in some browsers): the list is empty, and this tab still works.
  const stored = () => storage.recent().catch(() => [] as RecentRecord[]);

  async function sameFileStored(name: string, handle: FileSystemFileHandle | null): Promise<FileHandleId | null> {
    let match: FileHandleId | null = null;
    for (const record of await stored()) {
      if (handle && record.handle && (await record.handle.isSameEntry(handle).catch(() => false))) match = record.id;
      else if (!handle && !record.handle && record.name === name) match = record.id;
    }
    return match;
  }

  return {
    async remember(name, handle, known = null, seen = null) {
      const id = known ?? (await sameFileStored(name, handle)) ?? newId();
      files.set(id, { name, handle, seen });
      const record: RecentRecord = { id, name, usedAt: Date.now(), ...(handle ? { handle } : {}) };
      await storage.putRecent(record).catch(() => undefined);
      return id;
    },

    inTab: (id) => files.get(id),

    async find(id) {
      const entry = files.get(id);
      if (entry) return entry;
      const record = (await stored()).find((r) => r.id === id);
      return record ? { name: record.name, handle: record.handle ?? null, seen: null } : null;
    },

    async forget(id) {
      await storage.deleteRecent(id).catch(() => undefined);
    },

    async last() {
      const [latest] = (await stored()).sort((a, b) => b.usedAt - a.usedAt);
      if (!latest?.handle) return null;
      const handle = latest.handle as FileSystemFileHandle & QueryPermission;
      let permission: PermissionState = 'granted';
      try {
        if (typeof handle.queryPermission === 'function') permission = await handle.queryPermission({ mode: 'read' });
      } catch {
        return null;
      }
      return permission === 'denied' ? null : { handle: latest.id, name: latest.name, permission };
    },

    async list() {
      return (await stored())
        .sort((a, b) => b.usedAt - a.usedAt)
        .slice(0, RECENT_MAX)
        .map((r) => ({ handle: r.id, name: r.name, location: '' }));
    }
  };
}
