// Reading scenario files and writing outputs for the command line.
import { mkdir, open, rmdir, stat } from 'node:fs/promises';
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
