// Mizan's own list of recently opened or saved files, in userData/recent.json: at most
// ten, most recent first, no duplicates; files that are gone are dropped quietly when the
// list is read. (index.ts also tells the OS through app.addRecentDocument.)
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './jsonStore';

export const MAX_RECENT = 10;

const RecentJson = z.object({
  version: z.literal(1),
  files: z.array(z.object({ path: z.string().min(1).max(4096), at: z.string().max(64) })).max(100)
});
type RecentJson = z.infer<typeof RecentJson>;

export interface RecentFilesOptions {
  max?: number;
  /** Whether a listed file still exists; defaults to "is a regular file". */
  exists?: (file: string) => Promise<boolean>;
  now?: () => Date;
  /** Compare paths ignoring case (Windows, and macOS's default file system). */
  ignoreCase?: boolean;
}

const isFile = async (file: string): Promise<boolean> => {
  try {
    return (await fsp.stat(file)).isFile();
  } catch {
    return false;
  }
};

export class RecentFiles {
  private readonly max: number;
  private readonly exists: (file: string) => Promise<boolean>;
  private readonly now: () => Date;
  private readonly ignoreCase: boolean;
  /** Every change waits for the one before: two windows saving at once lose nothing. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly storeFile: string,
    options: RecentFilesOptions = {}
  ) {
    this.max = options.max ?? MAX_RECENT;
    this.exists = options.exists ?? isFile;
    this.now = options.now ?? (() => new Date());
    this.ignoreCase = options.ignoreCase ?? process.platform !== 'linux';
  }

  /** Recent files, most recent first, without those that are gone (which are pruned). */
  list(): Promise<string[]> {
    return this.serial(async () => {
      const stored = await this.read();
      const present: RecentJson['files'] = [];
      for (const entry of stored.files) if (await this.exists(entry.path)) present.push(entry);
      if (present.length !== stored.files.length) await this.write({ version: 1, files: present });
      return present.map((entry) => entry.path);
    });
  }

  /** Puts a file at the top of the list. */
  add(file: string): Promise<string[]> {
    const absolute = path.resolve(file);
    return this.serial(async () => {
      const stored = await this.read();
      const files = [
        { path: absolute, at: this.now().toISOString() },
        ...stored.files.filter((entry) => !this.same(entry.path, absolute))
      ].slice(0, this.max);
      await this.write({ version: 1, files });
      return files.map((entry) => entry.path);
    });
  }

  remove(file: string): Promise<void> {
    const absolute = path.resolve(file);
    return this.serial(async () => {
      const stored = await this.read();
      await this.write({ version: 1, files: stored.files.filter((entry) => !this.same(entry.path, absolute)) });
    });
  }

  clear(): Promise<void> {
    return this.serial(() => this.write({ version: 1, files: [] }));
  }

  private same(a: string, b: string): boolean {
    return this.ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b;
  }

  private async read(): Promise<RecentJson> {
    const stored = await readJsonFile(this.storeFile, RecentJson);
    // Only absolute paths: a hand-edited relative path would depend on the working folder.
    const files = (stored?.files ?? []).filter((entry) => path.isAbsolute(entry.path)).slice(0, this.max);
    return { version: 1, files };
  }

  private async write(value: RecentJson): Promise<void> {
    await writeJsonFile(this.storeFile, value);
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
