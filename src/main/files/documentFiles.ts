// Opening and saving .mizan files on disk. A file is untrusted input: its size is checked
// before a byte is read, then loadDocument parses and validates it; a bad file becomes a
// list of problems ("file, place, message") for a dialog, never a stack trace. A save is
// validated the same way before anything is written: Mizan never writes a document that
// would not load back.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { stripBidiControls } from '../../engine/export/bidi';
import {
  LIMITS,
  MAX_FILE_MB,
  fileTooLarge,
  formatProblem,
  inMegabytes,
  loadDocument,
  type Problem,
  type Language
} from '../../engine/format';
import { atomicWrite, type AtomicWriter } from '../../node/atomicWrite';
import { describeReadError } from '../../node/fileErrors';
import { readRegularFile } from '../../node/readFile';
import { fingerprintOf, type Fingerprint } from './fingerprint';

export const MIZAN_EXTENSION = '.mizan';

/** How many problems a message lists; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 12;

export interface FileSystemDeps {
  stat(file: string): Promise<{ size: number; mtimeMs?: number; isFile(): boolean; isDirectory?(): boolean }>;
  readFile(file: string): Promise<Uint8Array>;
}

export const nodeFileSystem: FileSystemDeps = {
  stat: (file) => fsp.stat(file),
  // Only a regular file, checked again on the opened handle, and at most one byte past the cap.
  readFile: (file) => readRegularFile(file, LIMITS.fileBytes)
};

export type OpenDocumentResult =
  /** `fingerprint`: the bytes as read, to notice later changes by other programs. */
  | { ok: true; path: string; name: string; text: string; fingerprint: Fingerprint }
  | { ok: false; name: string; problems: Problem[]; message: string };

export type SaveDocumentResult = { ok: true } | { ok: false; message: string };

const say = (language: Language, en: string, ar: string): string => (language === 'ar' ? ar : en);

/** "Mizan could not open "x.mizan".", the first words of every message of a failed open. */
const couldNotOpen = (name: string, language: Language): string =>
  say(language, `Mizan could not open "${name}".`, `تعذّر على ميزان فتح «${name}».`);

/** "Mizan could not open "x.mizan":" followed by one line per problem. */
export function problemsMessage(name: string, problems: Problem[], language: Language = 'en', saving = false): string {
  const head = saving
    ? say(
        language,
        `Mizan did not save "${name}": the document has problems and would not open again.`,
        `لم يحفظ ميزان «${name}»: في المستند مشكلات تمنع فتحه لاحقًا.`
      )
    : couldNotOpen(name, language);
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `• ${formatProblem(p, name)}`);
  const rest = problems.length - listed.length;
  if (rest > 0) listed.push(say(language, `… and ${rest} more`, `… و${rest} أخرى`));
  return [head, ...listed].join('\n');
}

function readFailure(error: unknown, name: string, language: Language): string {
  return `${couldNotOpen(name, language)} ${describeReadError(error, language)}`;
}

/** Reads and validates a .mizan file. Never throws. */
export async function openDocumentFile(
  file: string,
  options: { fs?: FileSystemDeps; language?: Language } = {}
): Promise<OpenDocumentResult> {
  const fs = options.fs ?? nodeFileSystem;
  const language = options.language ?? 'en';
  const name = path.basename(file);
  const fail = (message: string, problems: Problem[] = [{ path: '', message }]): OpenDocumentResult => ({
    ok: false,
    name,
    problems,
    message
  });
  let bytes: Uint8Array;
  let mtimeMs = 0;
  try {
    const stats = await fs.stat(file);
    if (!stats.isFile())
      return fail(readFailure({ code: stats.isDirectory?.() ? 'EISDIR' : 'ENOTREG' }, name, language));
    mtimeMs = stats.mtimeMs ?? 0;
    // The cap is checked before reading: a 2 GB file must not be pulled into memory.
    if (stats.size > LIMITS.fileBytes) {
      const tooLarge = fileTooLarge(inMegabytes(stats.size, language), language);
      return fail(`${couldNotOpen(name, language)} ${say(language, `It ${tooLarge}.`, `${tooLarge}.`)}`);
    }
    bytes = await fs.readFile(file);
    if (bytes.byteLength > LIMITS.fileBytes) {
      const grew = say(language, `It grew past ${MAX_FILE_MB} MB while it was read.`, `تجاوز ${MAX_FILE_MB} ميغابايت وهو يُقرأ.`);
      return fail(`${couldNotOpen(name, language)} ${grew}`);
    }
  } catch (error) {
    return fail(readFailure(error, name, language));
  }
  const loaded = loadDocument(bytes, { fileName: name });
  if (!loaded.ok) return fail(problemsMessage(name, loaded.problems, language), loaded.problems);
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, path: file, name, text, fingerprint: fingerprintOf(bytes, mtimeMs) };
}

/**
 * Saves document text (from the renderer's serializeDocument) to `file`, atomically, after
 * checking that it loads back. Never throws; on failure the old file is intact.
 */
export async function saveDocumentFile(
  file: string,
  text: string,
  options: { writer?: AtomicWriter; language?: Language } = {}
): Promise<SaveDocumentResult> {
  const language = options.language ?? 'en';
  const name = path.basename(file);
  const loaded = loadDocument(text, { fileName: name });
  if (!loaded.ok) return { ok: false, message: problemsMessage(name, loaded.problems, language, true) };
  const written = await atomicWrite(file, text, { writer: options.writer, language, thing: 'document' });
  return written.ok ? { ok: true } : { ok: false, message: written.message };
}

/** Writes an export (PNG, SVG, CSV, PDF) atomically. Never throws. */
export async function saveExportFile(
  file: string,
  data: string | Uint8Array,
  options: { writer?: AtomicWriter; language?: Language } = {}
): Promise<SaveDocumentResult> {
  const written = await atomicWrite(file, data, options);
  return written.ok ? { ok: true } : { ok: false, message: written.message };
}

// Characters that no file system accepts in a name, or that would make a name a path.
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;

/**
 * A file name for a save dialog from a name the renderer suggested: no folders, no
 * characters file systems refuse, no bidirectional controls, not empty, not absurdly long,
 * with the extension.
 */
export function safeFileName(suggested: string, extension: string, fallback = 'Untitled'): string {
  // Bidirectional controls go first: "report\u202Egnp.csv" would show as "reportvsc.png".
  let base = stripBidiControls(suggested).replace(UNSAFE_NAME, ' ').replace(/\s+/g, ' ').trim();
  if (base.toLowerCase().endsWith(extension.toLowerCase())) base = base.slice(0, -extension.length);
  base = base.replace(/^[.\s]+|[.\s]+$/g, '');
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base)) base = `${base}_`;
  if (base === '') base = fallback;
  if (base.length > 200) base = base.slice(0, 200).trim();
  return base + extension;
}

/** Adds the extension when the chosen path has none (GTK save dialogs do not add it). */
export function withExtension(file: string, extension: string): string {
  return path.extname(file) === '' ? file + extension : file;
}
