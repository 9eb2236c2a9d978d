// Reading scenario files and writing outputs for the command line.
import { mkdir, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { LIMITS, fileTooLarge, inMegabytes, loadDocument, type MizanDoc, type Problem } from '../engine/format';
import { writeFilesAtomically as writeAllOrNone, type FileData } from '../node/atomicWrite';
import { nonRegularKind, NotRegularFileError, readRegularFile, type EntryKind } from '../node/readFile';
import { errorCode, systemErrorReason } from '../node/fileErrors';
import type { CliIO } from './io';
import { formatFileProblem } from './report';

export type ReadResult = { ok: true; document: MizanDoc } | { ok: false; problems: Problem[] };

/** A plain message for a file-system error, without a stack trace (the app's table, in English). */
export function describeSystemError(error: unknown): string {
  if (errorCode(error) === 'UNKNOWN' && error instanceof Error) return error.message;
  return systemErrorReason(error, 'en');
}

const KIND_WORDS: Record<EntryKind, string> = {
  folder: 'a folder',
  'named pipe': 'a named pipe',
  socket: 'a socket',
  device: 'a device',
  other: 'not a file of data'
};

const tooLarge = (size: string): Problem => ({ path: '', message: fileTooLarge(size) });
const notRegular = (kind: EntryKind): Problem => ({ path: '', message: `not a regular file (${KIND_WORDS[kind]})` });

/**
 * Reads and loads a .mizan file. Only a regular file is read: a named pipe, a device or a socket
 * would block or never end, so it is refused at once, checked before opening and again on the
 * opened handle (the path may have been swapped in between). A file over the size cap is refused
 * before it is read, and reading stops one byte past the cap if the file grows meanwhile.
 */
export async function readScenarioFile(path: string): Promise<ReadResult> {
  try {
    const info = await stat(path);
    if (info.isDirectory())
      return { ok: false, problems: [{ path: '', message: 'cannot be read: it is a folder, not a file' }] };
    const kind = nonRegularKind(info);
    if (kind !== null) return { ok: false, problems: [notRegular(kind)] };
    if (info.size > LIMITS.fileBytes) return { ok: false, problems: [tooLarge(inMegabytes(info.size))] };
    const bytes = await readRegularFile(path, LIMITS.fileBytes);
    if (bytes.byteLength > LIMITS.fileBytes)
      return { ok: false, problems: [tooLarge('it grew past the limit while being read')] };
    return loadDocument(bytes, { fileName: basename(path) });
  } catch (error) {
    if (error instanceof NotRegularFileError) return { ok: false, problems: [notRegular(error.kind)] };
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

/** The document of `file`, or null once its problems are on stderr (FILE: PLACE (PATH): message). */
export async function readDocumentOrReport(file: string, io: CliIO): Promise<MizanDoc | null> {
  const loaded = await readScenarioFile(file);
  if (loaded.ok) return loaded.document;
  for (const problem of loaded.problems) io.stderr(formatFileProblem(file, problem) + '\n');
  return null;
}
