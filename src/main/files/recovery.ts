// Recovery copies of unsaved work, so that a crash or a power cut loses nothing: one file
// per unsaved document in userData/recovery/<key>.json, written atomically about 1.5 s
// after the last change (many quick edits make one write), removed when the document is
// saved or its window closes cleanly. On start the renderer lists what an earlier session
// left behind and offers it to the user; entries older than 30 days are dropped.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RecoveryEntry } from '../../shared/bridge';
import { IPC_LIMITS } from '../../shared/ipc';
import { atomicWrite, type AtomicWriter } from '../../node/atomicWrite';

export const RECOVERY_DELAY_MS = 1500;
export const RECOVERY_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

const KEY = /^[A-Za-z0-9_-]{1,64}$/;

const RecoveryFile = z.object({
  format: z.literal('mizan-recovery'),
  version: z.literal(1),
  key: z.string().regex(KEY),
  title: z.string().max(IPC_LIMITS.titleChars),
  savedAt: z.string().max(64),
  text: z.string().max(IPC_LIMITS.documentChars)
});

export interface RecoveryOptions {
  delayMs?: number;
  maxAgeMs?: number;
  now?: () => Date;
  writer?: AtomicWriter;
  /** Told about a failed write (the app logs it; there is no one to show it to). */
  onError?: (message: string) => void;
}

export class RecoveryStore {
  private readonly delayMs: number;
  private readonly maxAgeMs: number;
  private readonly now: () => Date;
  private readonly writer?: AtomicWriter;
  private readonly onError: (message: string) => void;
  private readonly pending = new Map<string, { entry: RecoveryEntry; timer: ReturnType<typeof setTimeout> }>();
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
    this.now = options.now ?? (() => new Date());
    this.writer = options.writer;
    this.onError = options.onError ?? (() => undefined);
  }

  /** Writes the entry after the delay, unless a newer one for the same key comes first. */
  schedule(entry: RecoveryEntry): void {
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

  /** Work left behind by earlier sessions, newest first; stale entries are deleted. */
  async list(): Promise<RecoveryEntry[]> {
    let names: string[];
    try {
      names = await fsp.readdir(this.dir);
    } catch {
      return [];
    }
    const now = this.now().getTime();
    const entries: RecoveryEntry[] = [];
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      const key = name.slice(0, -'.json'.length);
      if (!KEY.test(key) || this.owned.has(key)) continue;
      const file = this.fileOf(key);
      const entry = await readEntry(file);
      if (!entry || entry.key !== key) continue;
      const savedAt = Date.parse(entry.savedAt);
      if (!Number.isFinite(savedAt) || now - savedAt > this.maxAgeMs) {
        await fsp.rm(file, { force: true }).catch(() => undefined);
        continue;
      }
      entries.push({ key: entry.key, title: entry.title, savedAt: entry.savedAt, text: entry.text });
    }
    return entries.sort((a, b) => Date.parse(b.savedAt) - Date.parse(a.savedAt));
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

  private async write(entry: RecoveryEntry): Promise<void> {
    await fsp.mkdir(this.dir, { recursive: true });
    const body = {
      format: 'mizan-recovery',
      version: 1,
      key: entry.key,
      title: entry.title,
      savedAt: this.now().toISOString(),
      text: entry.text
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

async function readEntry(file: string): Promise<z.infer<typeof RecoveryFile> | undefined> {
  try {
    const stats = await fsp.stat(file);
    if (!stats.isFile() || stats.size > IPC_LIMITS.documentChars * 4) return undefined;
    const parsed = RecoveryFile.safeParse(JSON.parse(await fsp.readFile(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
