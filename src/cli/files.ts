// Reading scenario files and writing outputs for the command line.
import { constants as fsConstants, type Stats } from 'node:fs';
import { mkdir, open, rmdir, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { LIMITS, loadDocument, type MizanDoc, type Problem } from '../engine/format';
import { writeFilesAtomically as writeAllOrNone, type FileData } from '../node/atomicWrite';
import { errorCode, systemErrorReason } from '../node/writeErrors';

export type ReadResult = { ok: true; document: MizanDoc } | { ok: false; problems: Problem[] };

/** A plain message for a file-system error, without a stack trace (the app's table, in English). */
export function describeSystemError(error: unknown): string {
  if (errorCode(error) === 'UNKNOWN' && error instanceof Error) return error.message;
  return systemErrorReason(error, 'en');
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
 * Writes several files so that none is half-written: their folders are made, each file goes
 * to a temporary file beside its target first, and only when all are written are they
 * renamed (the app's atomic writer, src/node/atomicWrite.ts). If that fails, the folders
 * made for them are removed again (only while empty).
 */
export async function writeFilesAtomically(files: { path: string; content: FileData }[]): Promise<void> {
  const made: string[] = [];
  try {
    for (const folder of new Set(files.map((file) => resolve(dirname(file.path))))) {
      const first = await mkdir(folder, { recursive: true });
      // mkdir gives the first folder it made; every folder from there down to `folder` is new.
      for (let dir = folder; first !== undefined && dir.length >= first.length; dir = dirname(dir)) made.push(dir);
    }
    await writeAllOrNone(files);
  } catch (error) {
    for (const dir of made.sort((a, b) => b.length - a.length)) await rmdir(dir).catch(() => undefined);
    throw error;
  }
}
