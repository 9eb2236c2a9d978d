// Reading a file the person named, for the app and the command line alike. Only a regular
// file is read: a named pipe would wait for a writer for ever, a device (/dev/zero) never
// ends, a socket cannot be read. The kind is checked on the opened handle, since the path may
// have been swapped since it was looked at, and reading stops one byte past the cap whatever
// the size said: the file may grow while it is read.
import { constants as fsConstants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/** What a path is when it is not a regular file. */
export type EntryKind = 'folder' | 'named pipe' | 'socket' | 'device' | 'other';

/** The kind of a path that is not a regular file, or null for a regular file. */
export function nonRegularKind(info: Stats): EntryKind | null {
  if (info.isFile()) return null;
  if (info.isDirectory()) return 'folder';
  if (info.isFIFO()) return 'named pipe';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  return 'other';
}

/** Thrown by readRegularFile for a path that is not a regular file. */
export class NotRegularFileError extends Error {
  readonly code = 'ENOTREG';
  constructor(
    readonly kind: EntryKind,
    file: string
  ) {
    super(`not a regular file (${kind}): ${file}`);
  }
}

const READ_CHUNK = 1 << 20;
// Opening a named pipe for reading would wait for a writer; O_NONBLOCK returns at once (POSIX only).
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);

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

/**
 * The bytes of a regular file, at most `cap` + 1 of them: more than `cap` means the file is
 * over the cap (it grew after its size was checked). Throws NotRegularFileError for anything
 * but a regular file, and the system's error (ENOENT, EACCES…) otherwise.
 */
export async function readRegularFile(file: string, cap: number): Promise<Uint8Array> {
  const handle = await open(file, OPEN_FLAGS);
  try {
    const kind = nonRegularKind(await handle.stat());
    if (kind !== null) throw new NotRegularFileError(kind, file);
    return await readCapped(handle, cap);
  } finally {
    await handle.close();
  }
}
