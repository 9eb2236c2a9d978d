// IndexedDB for the web platform: recent files and recovery copies survive a closed tab.
// One database, two object stores, a promise per request. Recovery copies are listed
// without their texts (the one restored is read on its own), and listing tidies up as the
// desktop store does: records that are not recovery copies go, and at most 20 are kept.
// A copy of work on a file keeps the file's handle (IndexedDB stores handles), so that the
// restored work saves back to it.
import type { RecoverySummary } from '../../../../contract/bridge';
import { copiesToDrop, type StoredRecoveryCopy, type StoredRecoveryRead } from '../../../../contract/recovery';
import type { Seen } from './handles';

const DB_NAME = 'mizan';
const DB_VERSION = 1;
const RECENT = 'recent';
const RECOVERY = 'recovery';

export interface RecentRecord {
  id: string;
  name: string;
  /** Milliseconds since the epoch of the last open or save. */
  usedAt: number;
  /** The file itself where the browser has the File System Access API (structured-cloneable). */
  handle?: FileSystemFileHandle;
}

/** The file a recovery copy's work belongs to: its handle, name, and how it looked when the work began. */
export interface RecoveryFileLink {
  name: string;
  handle: FileSystemFileHandle;
  seen: Seen | null;
}

/** A recovery copy as stored: the document's handle id replaced by the file itself. */
export type RecoveryRecord = StoredRecoveryCopy<RecoveryFileLink>;

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function completion(tx: IDBTransaction): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function isRecoveryEntry(value: unknown): value is RecoveryRecord {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.key === 'string' &&
    v.key !== '' &&
    typeof v.title === 'string' &&
    typeof v.savedAt === 'string' &&
    typeof v.text === 'string'
  );
}

function linkOf(value: unknown): RecoveryFileLink | null {
  if (typeof value !== 'object' || value === null) return null;
  const { name, handle, seen } = value as Record<string, unknown>;
  if (typeof name !== 'string' || typeof handle !== 'object' || handle === null) return null;
  const s = seen as Partial<Seen> | null | undefined;
  const seenOk = s === null || (typeof s?.size === 'number' && typeof s.lastModified === 'number');
  return { name, handle: handle as FileSystemFileHandle, seen: seenOk ? (s as Seen | null) : null };
}

const encoder = new TextEncoder();
const summaryOf = (entry: RecoveryRecord): RecoverySummary => ({
  key: entry.key,
  title: entry.title,
  savedAt: entry.savedAt,
  size: encoder.encode(entry.text).byteLength
});

export class WebStorage {
  private db: Promise<IDBDatabase> | null = null;

  constructor(private readonly factory: IDBFactory) {}

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const request = this.factory.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains(RECENT)) db.createObjectStore(RECENT, { keyPath: 'id' });
        if (!db.objectStoreNames.contains(RECOVERY)) db.createObjectStore(RECOVERY, { keyPath: 'key' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
      request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    });
    return this.db;
  }

  private async run<T>(store: string, mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await this.open();
    const tx = db.transaction(store, mode);
    const result = await promised(op(tx.objectStore(store)));
    await completion(tx);
    return result;
  }

  recent(): Promise<RecentRecord[]> {
    return this.run(RECENT, 'readonly', (s) => s.getAll() as IDBRequest<RecentRecord[]>);
  }

  async putRecent(record: RecentRecord): Promise<void> {
    try {
      await this.run(RECENT, 'readwrite', (s) => s.put(record));
    } catch (error) {
      // A handle that cannot be stored (DataCloneError): keep the name at least.
      if (record.handle === undefined) throw error;
      const { handle: _handle, ...nameOnly } = record;
      await this.run(RECENT, 'readwrite', (s) => s.put(nameOnly));
    }
  }

  async deleteRecent(id: string): Promise<void> {
    await this.run(RECENT, 'readwrite', (s) => s.delete(id));
  }

  /**
   * Copies left behind (not in `live`, the keys of tabs still open), newest first, without
   * their texts. Records that are not recovery copies are deleted, and the oldest left-behind
   * copies beyond the limit too.
   */
  async listRecovery(live: ReadonlySet<string>): Promise<RecoverySummary[]> {
    const db = await this.open();
    const tx = db.transaction(RECOVERY, 'readwrite');
    const copies: RecoverySummary[] = [];
    let dropped = new Set<string>();
    const store = tx.objectStore(RECOVERY);
    const request = store.openCursor();
    request.onsuccess = () => {
      const cursor = request.result;
      if (cursor) {
        const value: unknown = cursor.value;
        if (isRecoveryEntry(value)) copies.push(summaryOf(value));
        else cursor.delete();
        cursor.continue();
        return;
      }
      // Still inside the transaction: the deletions commit with it.
      dropped = new Set(copiesToDrop(copies, live));
      for (const key of dropped) store.delete(key);
    };
    await completion(tx);
    return copies
      .filter((c) => !live.has(c.key) && !dropped.has(c.key))
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  /** The text of one copy and its file, read when it is restored. Never throws. */
  async readRecovery(key: string): Promise<StoredRecoveryRead<RecoveryFileLink>> {
    try {
      const value: unknown = await this.run(RECOVERY, 'readonly', (s) => s.get(key));
      if (value === undefined) return { ok: false, reason: 'missing' };
      if (!isRecoveryEntry(value)) return { ok: false, reason: 'unreadable' };
      return { ok: true, text: value.text, file: linkOf(value.file) };
    } catch {
      return { ok: false, reason: 'unreadable' };
    }
  }

  async putRecovery(record: RecoveryRecord): Promise<void> {
    try {
      await this.run(RECOVERY, 'readwrite', (s) => s.put({ ...record }));
    } catch (error) {
      // A handle that cannot be stored (DataCloneError): keep the work at least, untitled.
      if (!record.file) throw error;
      await this.run(RECOVERY, 'readwrite', (s) => s.put({ ...record, file: null }));
    }
  }

  async deleteRecovery(key: string): Promise<void> {
    await this.run(RECOVERY, 'readwrite', (s) => s.delete(key));
  }
}
