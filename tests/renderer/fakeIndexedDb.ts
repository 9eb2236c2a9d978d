// A small in-memory IndexedDB, as much of it as WebStorage uses: open with an upgrade, object
// stores with a key path, get/getAll/put/delete, cursors (continue, delete), and
// transactions that complete in a later task once their requests are done. Values are
// structured clones, as in a browser. Not a general IndexedDB (fake-indexeddb would be).

type Handler = (() => void) | null;

class FakeRequest<T> {
  result = undefined as T;
  error: DOMException | null = null;
  onsuccess: Handler = null;
  onerror: Handler = null;
  onupgradeneeded: Handler = null;
  onblocked: Handler = null;
}

class FakeTransaction {
  oncomplete: Handler = null;
  onerror: Handler = null;
  onabort: Handler = null;
  error: DOMException | null = null;
  private pending = 0;
  private done = false;

  constructor(
    private readonly db: FakeDatabase,
    private readonly mode: IDBTransactionMode,
    readonly log: string[]
  ) {}

  objectStore(name: string): FakeStore {
    const data = this.db.stores.get(name);
    if (!data) throw new DOMException(`No object store named ${name}`, 'NotFoundError');
    return new FakeStore(this, data, this.mode);
  }

  /** Runs a request's work in a later task, then its success handler; completes when idle. */
  request<T>(work: () => T, after?: (request: FakeRequest<T>) => void): FakeRequest<T> {
    if (this.done) throw new DOMException('The transaction has finished', 'TransactionInactiveError');
    const request = new FakeRequest<T>();
    this.pending++;
    setTimeout(() => {
      request.result = work();
      request.onsuccess?.();
      after?.(request);
      this.pending--;
      this.maybeComplete();
    });
    return request;
  }

  private maybeComplete(): void {
    setTimeout(() => {
      if (this.pending > 0 || this.done) return;
      this.done = true;
      this.oncomplete?.();
    });
  }
}

class FakeStore {
  constructor(
    private readonly tx: FakeTransaction,
    private readonly data: { keyPath: string; rows: Map<string, unknown> },
    private readonly mode: IDBTransactionMode
  ) {}

  private writable(): void {
    if (this.mode !== 'readwrite') throw new DOMException('The transaction is read-only', 'ReadOnlyError');
  }

  get(key: string) {
    return this.tx.request(() => structuredClone(this.data.rows.get(key)));
  }

  getAll() {
    return this.tx.request(() => [...this.data.rows.values()].map((v) => structuredClone(v)));
  }

  put(value: unknown) {
    this.writable();
    const key = (value as Record<string, string>)[this.data.keyPath];
    this.tx.log.push(`put:${key}`);
    // As in a browser, a value that cannot be cloned (a function in it) throws DataCloneError at once.
    const copy = structuredClone(value);
    return this.tx.request(() => {
      this.data.rows.set(key, copy);
      return key;
    });
  }

  delete(key: string) {
    this.writable();
    this.tx.log.push(`delete:${key}`);
    return this.tx.request(() => {
      this.data.rows.delete(key);
    });
  }

  openCursor() {
    const keys = [...this.data.rows.keys()].sort();
    let index = -1;
    const request = new FakeRequest<unknown>();
    const advance = () =>
      this.tx.request(() => {
        index++;
        if (index >= keys.length) return null;
        const key = keys[index];
        return {
          key,
          primaryKey: key,
          value: structuredClone(this.data.rows.get(key)),
          continue: () => void advance(),
          delete: () => this.delete(key)
        };
      }, (inner) => {
        request.result = inner.result;
        request.onsuccess?.();
      });
    advance();
    return request;
  }
}

class FakeDatabase {
  version = 0;
  readonly stores = new Map<string, { keyPath: string; rows: Map<string, unknown> }>();
  readonly log: string[] = [];

  get objectStoreNames() {
    return { contains: (name: string) => this.stores.has(name) };
  }

  createObjectStore(name: string, options: { keyPath: string }) {
    this.stores.set(name, { keyPath: options.keyPath, rows: new Map() });
  }

  transaction(name: string, mode: IDBTransactionMode = 'readonly') {
    if (!this.stores.has(name)) throw new DOMException(`No object store named ${name}`, 'NotFoundError');
    return new FakeTransaction(this, mode, this.log);
  }
}

export class FakeIndexedDb {
  readonly databases = new Map<string, FakeDatabase>();

  open(name: string, version: number) {
    const request = new FakeRequest<FakeDatabase>();
    setTimeout(() => {
      const db = this.databases.get(name) ?? new FakeDatabase();
      this.databases.set(name, db);
      request.result = db;
      if (db.version < version) {
        db.version = version;
        request.onupgradeneeded?.();
      }
      request.onsuccess?.();
    });
    return request;
  }

  /** The rows of one object store (for tests to plant and inspect records). */
  rows(database: string, store: string): Map<string, unknown> {
    const rows = this.databases.get(database)?.stores.get(store)?.rows;
    if (!rows) throw new Error(`no store ${database}/${store}`);
    return rows;
  }

  asFactory(): IDBFactory {
    return this as unknown as IDBFactory;
  }
}
