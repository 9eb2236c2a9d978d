// Reading scenario files and writing outputs for the command line.
import { randomBytes } from 'node:crypto';
import { constants as fsConstants, type Stats } from 'node:fs';
import { mkdir, open, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { LIMITS, loadDocument, type MizanDoc, type Problem } from '../engine/format';

export type ReadResult = { ok: true; document: MizanDoc } | { ok: false; problems: Problem[] };

const systemMessages: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder, not a file',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is not a folder',
  ENXIO: 'not a regular file (a socket or a device)'
};

/** A plain message for a file-system error, without a stack trace. */
export function describeSystemError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && systemMessages[code]) return systemMessages[code];
  return error instanceof Error ? error.message : String(error);
}

/** What a path is when it is not a regular file, for the message that refuses it. */
function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a file of data';
}

const tooLarge = (size: string): Problem => ({
  path: '',
  message: `is too large (${size}; Mizan opens files of at most ${LIMITS.fileBytes / 2 ** 20} MB)`
});
const notRegular = (info: Stats): Problem => ({ path: '', message: `not a regular file (${kindOf(info)})` });

/** Reads at most `cap` + 1 bytes, whatever the file's size said: it may grow while it is read. */
async function readCapped(handle: FileHandle, cap: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total <= cap) {
    const chunk = Buffer.alloc(Math.min(READ_CHUNK, cap + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
}

const READ_CHUNK = 1 << 20;
// Opening a named pipe for reading would wait for a writer; O_NONBLOCK returns at once (POSIX only).
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);

/**
 * Reads and loads a .mizan file. Only a regular file is read: a named pipe, a device or a socket
 * would block or never end, so it is refused at once, checked before opening and again on the
 * opened handle (the path may have been swapped in between). A file over the size cap is refused
 * before it is read, and reading stops one byte past the cap if the file grows meanwhile.
 */
export async function readScenarioFile(path: string): Promise<ReadResult> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, problems: [{ path: '', message: 'cannot be read: it is a folder, not a file' }] };
    if (!info.isFile()) return { ok: false, problems: [notRegular(info)] };
    if (info.size > LIMITS.fileBytes) return { ok: false, problems: [tooLarge(`${(info.size / 2 ** 20).toFixed(1)} MB`)] };
    const handle = await open(path, OPEN_FLAGS);
    let bytes: Uint8Array;
    try {
      const opened = await handle.stat();
      if (!opened.isFile()) return { ok: false, problems: [notRegular(opened)] };
      bytes = await readCapped(handle, LIMITS.fileBytes);
    } finally {
      await handle.close();
    }
    if (bytes.byteLength > LIMITS.fileBytes) return { ok: false, problems: [tooLarge('it grew past the limit while being read')] };
    return loadDocument(bytes, { fileName: basename(path) });
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `cannot be read: ${describeSystemError(error)}` }] };
  }
}

/**
 * Writes several files so that none is half-written: each goes to a temporary
 * file beside its target first, and only when all are written are they renamed.
 */
export async function writeFilesAtomically(files: { path: string; content: string | Uint8Array }[]): Promise<void> {
  const temps: { temp: string; path: string }[] = [];
  try {
    for (const file of files) {
      await mkdir(dirname(file.path), { recursive: true });
      const temp = join(dirname(file.path), `.${basename(file.path)}.${randomBytes(6).toString('hex')}.tmp`);
      temps.push({ temp, path: file.path });
      const handle = await open(temp, 'wx');
      try {
        await writeFile(handle, file.content);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    for (const { temp, path } of temps) await rename(temp, path);
  } catch (error) {
    await Promise.all(temps.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
}
