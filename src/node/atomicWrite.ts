// Writing a file so that it is either the old file or the new one, never half of each, for
// the app and the command line alike. Each file goes to a temporary file beside its target
// (`.<name>.mizan-tmp-<pid>-<n>`): every byte written (fs.write may write fewer bytes than
// asked, e.g. when the disk fills up — it is called again for the rest), flushed to the disk,
// its size checked, and only then renamed over the target; the folder is flushed too, so the
// rename itself survives a power cut. On any failure the temporary file is removed and the
// target is untouched. Temporary files left by a process that was killed are removed the
// next time their folder is written.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Language } from '../engine/format';
import { describeWriteError, errorCode, type WrittenThing } from './fileErrors';

/** The handle operations used; node:fs/promises' FileHandle has them all. */
export interface WritableHandle {
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  stat(): Promise<{ size: number }>;
  chmod(mode: number): Promise<void>;
  chown(uid: number, gid: number): Promise<void>;
  close(): Promise<void>;
}

/** The file-system operations used; tests pass one that fails or writes short at a chosen step. */
export interface WriteFileSystem {
  open(file: string, flags: string, mode?: number): Promise<WritableHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  stat(file: string): Promise<{ mode: number; uid: number; gid: number; isDirectory(): boolean }>;
  realpath(file: string): Promise<string>;
  readdir(folder: string): Promise<string[]>;
}

export const nodeWriteFileSystem: WriteFileSystem = {
  open: (file, flags, mode) => fsp.open(file, flags, mode),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (file) => fsp.unlink(file),
  stat: (file) => fsp.stat(file),
  realpath: (file) => fsp.realpath(file),
  readdir: (folder) => fsp.readdir(folder)
};

export interface WriteOptions {
  /** Mode of a new file (the umask applies); an existing file keeps its own mode. */
  mode?: number;
  fs?: WriteFileSystem;
}

export type FileData = string | Uint8Array;

const TEMP = /^\.(.+)\.mizan-tmp-(\d+)-(\d+)$/;
let counter = 0;

/** The temporary file's name beside `target`: `.<name>.mizan-tmp-<pid>-<n>`. */
export function temporaryName(target: string): string {
  counter += 1;
  return path.join(path.dirname(target), `.${path.basename(target)}.mizan-tmp-${process.pid}-${counter}`);
}

/** Whether a process with that id runs (signal 0 checks without sending anything). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user. ESRCH: there is no such process.
    return errorCode(error) === 'EPERM';
  }
}

/**
 * Removes temporary files in `folder` left by processes that are gone (killed mid-write).
 * Ours and those of running processes may be writes in progress and are left alone.
 * Best effort: a folder that cannot be listed is the write's problem to report, not this.
 */
export async function removeLeftovers(folder: string, fs: WriteFileSystem = nodeWriteFileSystem): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP.exec(name);
    if (!match) continue;
    const pid = Number(match[2]);
    if (pid === process.pid || processAlive(pid)) continue;
    try {
      await fs.unlink(path.join(folder, name));
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: nothing is lost by leaving it.
    }
  }
  return removed;
}

const toBytes = (data: FileData): Uint8Array => (typeof data === 'string' ? Buffer.from(data, 'utf8') : data);

function writeError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/** Creates a new temporary file; a name taken (a killed process that had our pid) is skipped. */
async function openTemporary(
  target: string,
  mode: number,
  fs: WriteFileSystem
): Promise<{ temp: string; handle: WritableHandle }> {
  for (let attempt = 1; ; attempt++) {
    const temp = temporaryName(target);
    try {
      return { temp, handle: await fs.open(temp, 'wx', mode) };
    } catch (error) {
      if (errorCode(error) !== 'EEXIST' || attempt >= 100) throw error;
    }
  }
}

/** A temporary file written in full and flushed, waiting to be renamed over its target. */
export interface PreparedFile {
  target: string;
  temp: string;
}

/**
 * The first half of an atomic write: resolves the target (through a symbolic link, so the
 * link stays a link), removes leftovers in its folder, and writes `data` to a temporary file
 * beside it — every byte, flushed, size checked. Throws (with the temporary file removed) on
 * any failure; the target is not touched.
 */
export async function prepareFile(file: string, data: FileData, options: WriteOptions = {}): Promise<PreparedFile> {
  const fs = options.fs ?? nodeWriteFileSystem;
  let target = path.resolve(file);
  let keep: { mode: number; uid: number; gid: number } | undefined;
  try {
    target = await fs.realpath(target);
    const existing = await fs.stat(target);
    if (existing.isDirectory()) throw writeError('EISDIR', `EISDIR: is a folder, ${target}`);
    keep = { mode: existing.mode & 0o7777, uid: existing.uid, gid: existing.gid };
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
  await removeLeftovers(path.dirname(target), fs);
  const bytes = toBytes(data);
  const { temp, handle } = await openTemporary(target, keep?.mode ?? options.mode ?? 0o666, fs);
  let closed = false;
  try {
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, offset);
      // A write that makes no progress would loop for ever; the disk is not taking bytes.
      if (!(bytesWritten > 0)) throw writeError('EIO', `EIO: the disk took no bytes, write ${temp}`);
      offset += bytesWritten;
    }
    if (keep) {
      // open() applies the umask: an existing file's own mode is put back exactly, and its
      // owner too when we may (root running `mizan format` on someone's file).
      await handle.chmod(keep.mode);
      if (process.getuid?.() === 0) await handle.chown(keep.uid, keep.gid);
    }
    await handle.sync();
    const { size } = await handle.stat();
    if (size !== bytes.length) throw writeError('EIO', `EIO: ${size} bytes on disk instead of ${bytes.length}, ${temp}`);
    closed = true;
    // Some file systems (NFS) report a failed write only here: it counts as a failure too.
    await handle.close();
  } catch (error) {
    // The first error is the one to report; closing after it is only tidying up.
    if (!closed) await handle.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  return { target, temp };
}

/** Removes a prepared temporary file (a batch that failed part-way). */
export async function discardFile(prepared: PreparedFile, fs: WriteFileSystem = nodeWriteFileSystem): Promise<void> {
  await fs.unlink(prepared.temp).catch(() => undefined);
}

/** Flushes a folder so that a rename in it survives a power cut. */
export async function syncFolder(folder: string, fs: WriteFileSystem = nodeWriteFileSystem): Promise<void> {
  let handle: WritableHandle | undefined;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open a folder as a file (EISDIR, EPERM) and some file systems refuse to
    // fsync one (EINVAL): there the rename is as durable as the system makes it, and the
    // file is already in place, so this is not a failed save.
    if (!['EISDIR', 'EINVAL', 'EPERM'].includes(errorCode(error))) throw error;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Renames a prepared file over its target (the temporary file is removed if that fails). */
export async function commitFile(prepared: PreparedFile, fs: WriteFileSystem = nodeWriteFileSystem): Promise<void> {
  try {
    await fs.rename(prepared.temp, prepared.target);
  } catch (error) {
    await discardFile(prepared, fs);
    throw error;
  }
}

/** Writes one file atomically. Throws the file system's error; the old file is then intact. */
export async function writeFileAtomically(file: string, data: FileData, options: WriteOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeWriteFileSystem;
  const prepared = await prepareFile(file, data, options);
  await commitFile(prepared, fs);
  await syncFolder(path.dirname(prepared.target), fs);
}

/**
 * Writes several files all or none: every temporary file is written and flushed first, and
 * only when all are ready are they renamed. Throws the first error, with every temporary
 * file removed and no target touched.
 */
export async function writeFilesAtomically(
  files: readonly { path: string; content: FileData }[],
  options: WriteOptions = {}
): Promise<void> {
  const fs = options.fs ?? nodeWriteFileSystem;
  const prepared: PreparedFile[] = [];
  try {
    for (const file of files) prepared.push(await prepareFile(file.path, file.content, options));
  } catch (error) {
    await Promise.all(prepared.map((p) => discardFile(p, fs)));
    throw error;
  }
  for (const [i, p] of prepared.entries()) {
    try {
      await commitFile(p, fs);
    } catch (error) {
      // Renames rarely fail once the files are written; the rest are not left behind.
      await Promise.all(prepared.slice(i + 1).map((rest) => discardFile(rest, fs)));
      throw error;
    }
  }
  for (const folder of new Set(prepared.map((p) => path.dirname(p.target)))) await syncFolder(folder, fs);
}

// ---- the app's wrapper: never throws, a failure is a sentence --------------------------------

/** The writer used by the app; tests pass one that fails at a chosen step. */
export type AtomicWriter = (file: string, data: FileData, options: { mode?: number }) => Promise<void>;

export const defaultWriter: AtomicWriter = (file, data, options) => writeFileAtomically(file, data, options);

export type WriteOutcome = { ok: true } | { ok: false; code: string; message: string };

export interface AtomicWriteOptions {
  writer?: AtomicWriter;
  language?: Language;
  /** Mode of a new file (an existing file keeps its mode). */
  mode?: number;
  /** What the message calls it: a document still open in the app, or another file. */
  thing?: WrittenThing;
}

/** Writes `data` to `file` atomically. Never throws: a failure is a plain message. */
export async function atomicWrite(file: string, data: FileData, options: AtomicWriteOptions = {}): Promise<WriteOutcome> {
  const writer = options.writer ?? defaultWriter;
  try {
    await writer(file, data, options.mode === undefined ? {} : { mode: options.mode });
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      code: errorCode(error),
      message: describeWriteError(error, file, options.language ?? 'en', options.thing)
    };
  }
}
