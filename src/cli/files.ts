// Reading scenario files and writing outputs for the command line.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
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
  ENOTDIR: 'a part of the path is not a folder'
};

/** A plain message for a file-system error, without a stack trace. */
export function describeSystemError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && systemMessages[code]) return systemMessages[code];
  return error instanceof Error ? error.message : String(error);
}

/** Reads and loads a .mizan file; a file over the size cap is refused before it is read. */
export async function readScenarioFile(path: string): Promise<ReadResult> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, problems: [{ path: '', message: 'cannot be read: it is a folder, not a file' }] };
    if (info.size > LIMITS.fileBytes) {
      return { ok: false, problems: [{ path: '', message: `is too large (${(info.size / 2 ** 20).toFixed(1)} MB; Mizan opens files of at most ${LIMITS.fileBytes / 2 ** 20} MB)` }] };
    }
    const handle = await open(path, 'r');
    let bytes: Uint8Array;
    try {
      // Read at most one byte past the cap, in case the file grew since stat().
      const buffer = Buffer.alloc(Math.min(info.size, LIMITS.fileBytes) + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      bytes = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
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
