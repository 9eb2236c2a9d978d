// Recovery copies of unsaved work, so that a crash or a power cut loses nothing: one file
// per unsaved document in userData/recovery/<key>.json, written atomically about 1.5 s
// after the last change (many quick edits make one write), removed when the document is
// saved or its window closes cleanly, and written at once when the app quits (flush).
// On start the renderer lists what an earlier session left behind — titles, times and
// sizes, no texts — and reads the one text the user restores. Listing tidies up: a copy
// that cannot be parsed at all (cut short, not JSON, not a recovery file) is removed and
// logged, entries older than 30 days are dropped, and at most 20 copies are kept.
// A copy of work on a file keeps that file's path and how it looked then (its fingerprint),
// so that the restored work saves back to it — after the usual check for outside changes.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RecoverySummary } from '../../contract/bridge';
import { IPC_LIMITS } from '../../contract/ipc';
import { atomicWrite, type AtomicWriter } from '../../node/atomicWrite';
import {
  copiesToDrop,
  RECOVERY_MAX_COPIES,
  type StoredRecoveryCopy,
  type StoredRecoveryRead
} from '../../contract/recovery';
import type { Fingerprint } from './fingerprint';

export const RECOVERY_DELAY_MS = 1500;
export const RECOVERY_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

const KEY = /^[A-Za-z0-9_-]{1,64}$/;

/** The file a copy's work belongs to: where it is, and how it looked when the work began (null: unknown). */
export interface RecoveryFileLink {
  path: string;
  fingerprint: Fingerprint | null;
}

/** A copy as main writes it: the renderer's handle replaced by the file's path. */
export type RecoveryCopy = StoredRecoveryCopy<RecoveryFileLink>;

const FileLink = z.object({
  path: z
    .string()
    .min(1)
    .max(IPC_LIMITS.pathChars)
    .refine((p) => path.isAbsolute(p)),
  fingerprint: z.object({ size: z.number(), mtimeMs: z.number(), sha256: z.string().max(64) }).nullable()
});

const RecoveryFile = z.object({
  format: z.literal('mizan-recovery'),
  version: z.literal(1),
  key: z.string().regex(KEY),
  title: z.string().max(IPC_LIMITS.titleChars),
  savedAt: z.string().max(64),
  text: z.string().max(IPC_LIMITS.documentChars),
  // Absent in older copies; a damaged link loses only the link (the work restores as untitled).
  file: FileLink.nullable().optional().catch(null)
});

export interface RecoveryOptions {
  delayMs?: number;
  maxAgeMs?: number;
  /** At most this many copies are kept (live ones never dropped). */
  maxCopies?: number;
  now?: () => Date;
  writer?: AtomicWriter;
  /** Told about a failed write or a copy removed as damaged (the app logs it; no one to show it to). */
  onError?: (message: string) => void;
}

export class RecoveryStore {
  private readonly delayMs: number;
  private readonly maxAgeMs: number;
  private readonly maxCopies: number;
  private readonly now: () => Date;
  private readonly writer?: AtomicWriter;
  private readonly onError: (message: string) => void;
  private readonly pending = new Map<string, { entry: RecoveryCopy; timer: ReturnType<typeof setTimeout> }>();
  /** Per key, the last write or removal, so that a removal never races a write. */
  private readonly chains = new Map<string, Promise<void>>();
  /** Keys written by this session: live documents, not work left behind by a crash. */
  private readonly owned = new Set<string>();

  constructor(
    readonly dir: string,
    options: RecoveryOptions = {}
  ) {
    this.delayMs = options.delayMs ?? RECOVERY_DELAY_MS;
    this.maxAgeMs = options.maxAgeMs ?? RECOVERY_MAX_AGE_MS;
    this.maxCopies = options.maxCopies ?? RECOVERY_MAX_COPIES;
    this.now = options.now ?? (() => new Date());
    this.writer = options.writer;
    this.onError = options.onError ?? (() => undefined);
  }

  /** Writes the entry after the delay, unless a newer one for the same key comes first. */
  schedule(entry: RecoveryCopy): void {
    const key = checkKey(entry.key);
    this.owned.add(key);
    const previous = this.pending.get(key);
    if (previous) clearTimeout(previous.timer);
    const timer = setTimeout(() => {
      this.pending.delete(key);
      void this.enqueue(key, () => this.write(entry));
    }, this.delayMs);
    this.pending.set(key, { entry, timer });
  }

  /** Writes pending entries now (before quitting). */
  async flush(): Promise<void> {
    const entries = [...this.pending.values()];
    this.pending.clear();
    await Promise.all(
      entries.map(({ entry, timer }) => {
        clearTimeout(timer);
        return this.enqueue(entry.key, () => this.write(entry));
      })
    );
    await Promise.all(this.chains.values());
  }

  /** Drops the entry: pending write cancelled, file removed. */
  async clear(key: string): Promise<void> {
    checkKey(key);
    const pending = this.pending.get(key);
    if (pending) clearTimeout(pending.timer);
    this.pending.delete(key);
    this.owned.delete(key);
    await this.enqueue(key, async () => {
      await fsp.rm(this.fileOf(key), { force: true });
    });
  }

  /**
   * Work left behind by earlier sessions, newest first, without the texts. Never throws:
   * copies that cannot be parsed at all are removed (and logged), stale ones are deleted,
   * the oldest beyond the limit too; a copy that cannot be read now (permissions, a
   * folder) is left alone.
   */
  async list(): Promise<RecoverySummary[]> {
    let names: string[];
    try {
      names = await fsp.readdir(this.dir);
    } catch {
      return [];
    }
    const now = this.now().getTime();
    const entries: RecoverySummary[] = [];
    const liveOnDisk: { key: string; savedAt: string }[] = [];
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      const key = name.slice(0, -'.json'.length);
      if (!KEY.test(key)) continue;
      if (this.owned.has(key)) {
        liveOnDisk.push({ key, savedAt: '' });
        continue;
      }
      // A write or removal of this key may still be under way (a window of this session).
      await this.chains.get(key);
      const read = await this.readCopy(key);
      if (read.kind !== 'ok') continue;
      const savedAt = Date.parse(read.copy.savedAt);
      if (!Number.isFinite(savedAt) || now - savedAt > this.maxAgeMs) {
        await this.removeFile(key);
        continue;
      }
      const { title } = read.copy;
      entries.push({ key, title, savedAt: read.copy.savedAt, size: Buffer.byteLength(read.copy.text, 'utf8') });
    }
    const dropped = new Set(copiesToDrop([...entries, ...liveOnDisk], this.owned, this.maxCopies));
    for (const key of dropped) await this.removeFile(key);
    return entries.filter((e) => !dropped.has(e.key)).sort((a, b) => Date.parse(b.savedAt) - Date.parse(a.savedAt));
  }

  /** The text of a copy and its file, read when the user restores it; a copy gone or damaged says so. */
  async read(key: string): Promise<StoredRecoveryRead<RecoveryFileLink>> {
    if (!KEY.test(key)) return { ok: false, reason: 'missing' };
    await this.chains.get(key);
    const read = await this.readCopy(key);
    if (read.kind === 'ok') return { ok: true, text: read.copy.text, file: read.copy.file ?? null };
    return { ok: false, reason: read.kind === 'gone' ? 'missing' : 'unreadable' };
  }

  /**
   * Hands keys back as "left behind" (their renderer crashed): the reloaded page finds them
   * in list() and can offer them. Pending writes go to disk first.
   */
  async release(keys: Iterable<string>): Promise<void> {
    const wanted = new Set(keys);
    for (const [key, { entry, timer }] of [...this.pending]) {
      if (!wanted.has(key)) continue;
      clearTimeout(timer);
      this.pending.delete(key);
      void this.enqueue(key, () => this.write(entry));
    }
    await Promise.all([...wanted].map((key) => this.chains.get(key)));
    for (const key of wanted) this.owned.delete(key);
  }

  /** How many writes are waiting for their delay (for tests and for quitting). */
  get pendingCount(): number {
    return this.pending.size;
  }

  private fileOf(key: string): string {
    return path.join(this.dir, `${checkKey(key)}.json`);
  }

  /**
   * Reads and checks one copy. One that cannot be parsed at all is removed here: a copy cut
   * short (a full disk, a power cut), not JSON, or JSON that is not a recovery file can
   * never be restored, and would otherwise be skipped at every start.
   */
  private async readCopy(key: string): Promise<CopyRead> {
    const file = this.fileOf(key);
    let raw: string;
    try {
      const stats = await fsp.stat(file);
      if (!stats.isFile()) return { kind: 'unreadable' };
      // Far larger than any copy this store writes: not read, and not ours to delete.
      if (stats.size > IPC_LIMITS.documentChars * 4) {
        this.onError(`recovery: ${path.basename(file)} is far too large to be a recovery copy; left in place`);
        return { kind: 'unreadable' };
      }
      raw = await fsp.readFile(file, 'utf8');
    } catch (error) {
      if (isMissing(error)) return { kind: 'gone' };
      this.onError(`recovery: could not read ${path.basename(file)} (${messageOf(error)}); left in place`);
      return { kind: 'unreadable' };
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return this.damaged(key, raw.length === 0 ? 'it is empty' : 'it is not complete JSON (cut short?)');
    }
    const parsed = RecoveryFile.safeParse(json);
    if (!parsed.success) return this.damaged(key, 'it is not a Mizan recovery copy');
    // The key inside may differ (a copy renamed by hand): the file's name is what counts.
    return { kind: 'ok', copy: parsed.data };
  }

  private async damaged(key: string, why: string): Promise<CopyRead> {
    this.onError(`recovery: removed ${key}.json because ${why}`);
    await this.removeFile(key);
    return { kind: 'damaged' };
  }

  /** Removes a left-behind copy (never one of this session's: those go through clear()). */
  private async removeFile(key: string): Promise<void> {
    await this.enqueue(key, async () => {
      if (!this.owned.has(key)) await fsp.rm(this.fileOf(key), { force: true });
    });
  }

  private async write(entry: RecoveryCopy): Promise<void> {
    await fsp.mkdir(this.dir, { recursive: true });
    const body = {
      format: 'mizan-recovery',
      version: 1,
      key: entry.key,
      title: entry.title,
      savedAt: this.now().toISOString(),
      text: entry.text,
      file: entry.file ?? null
    };
    const written = await atomicWrite(this.fileOf(entry.key), JSON.stringify(body), {
      writer: this.writer,
      mode: 0o600
    });
    if (!written.ok) this.onError(written.message);
  }

  private enqueue(key: string, task: () => Promise<void>): Promise<void> {
    const run = (this.chains.get(key) ?? Promise.resolve()).then(task).catch((error: unknown) => {
      this.onError(error instanceof Error ? error.message : String(error));
    });
    this.chains.set(key, run);
    void run.then(() => {
      if (this.chains.get(key) === run) this.chains.delete(key);
    });
    return run;
  }
}

function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error('A recovery key must be 1 to 64 letters, digits, "-" or "_".');
  return key;
}

type CopyRead =
  | { kind: 'ok'; copy: z.infer<typeof RecoveryFile> }
  /** No such file (removed since it was listed). */
  | { kind: 'gone' }
  /** Could not be parsed at all: removed. */
  | { kind: 'damaged' }
  /** Could not be read now (permissions, a folder): left in place. */
  | { kind: 'unreadable' };

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
