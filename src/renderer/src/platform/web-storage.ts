// IndexedDB for the web platform: recent files and recovery copies survive a closed tab.
// One database, two object stores, a promise per request; nothing else.
import type { RecoveryEntry } from '../../../shared/bridge';

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

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

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
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
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

  recovery(): Promise<RecoveryEntry[]> {
    return this.run(RECOVERY, 'readonly', (s) => s.getAll() as IDBRequest<RecoveryEntry[]>);
  }

  async putRecovery(entry: RecoveryEntry): Promise<void> {
    await this.run(RECOVERY, 'readwrite', (s) => s.put({ ...entry }));
  }

  async deleteRecovery(key: string): Promise<void> {
    await this.run(RECOVERY, 'readwrite', (s) => s.delete(key));
  }
}
