// mizan format FILE... [--check]
// Rewrites each file in the canonical form Mizan itself writes (stable key order, 2-space
// indent, the newest format version, UTF-8 without a byte-order mark, one final newline),
// through the app's atomic writer: a file is the old one or the new one, never half. A file
// already canonical is left alone (not rewritten, its modification time unchanged).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { loadDocument, serializeDocument } from '../engine/format';
import { writeFileAtomically } from '../node/atomicWrite';
import { describeSystemError, readScenarioFile } from './files';
import { EXIT, UsageError, type CliIO } from './io';
import { formatFileProblem } from './report';

export interface FormatOptions {
  check?: boolean;
}

type Outcome = 'canonical' | 'rewritten' | 'not canonical' | 'failed';

async function formatOne(file: string, check: boolean, io: CliIO): Promise<Outcome> {
  const problem = (message: string): Outcome => {
    io.stderr(formatFileProblem(file, { path: '', message }) + '\n');
    return 'failed';
  };
  // The same checks and messages as `validate` (size cap, folders, unreadable files).
  const read = await readScenarioFile(file);
  if (!read.ok) {
    for (const p of read.problems) io.stderr(formatFileProblem(file, p) + '\n');
    return 'failed';
  }
  // The text compared and rewritten is the one just read and loaded, byte for byte.
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return problem(`cannot be read: ${describeSystemError(error)}`);
  }
  const loaded = loadDocument(bytes, { fileName: basename(file) });
  if (!loaded.ok) {
    for (const p of loaded.problems) io.stderr(formatFileProblem(file, p) + '\n');
    return 'failed';
  }
  const canonical = Buffer.from(serializeDocument(loaded.document), 'utf8');
  if (canonical.equals(bytes)) return 'canonical';
  if (check) {
    io.stderr(`${file}: not in canonical form (mizan format ${file} rewrites it)\n`);
    return 'not canonical';
  }
  try {
    await writeFileAtomically(file, canonical);
  } catch (error) {
    return problem(`cannot be written: ${describeSystemError(error)}; the file is unchanged`);
  }
  io.stdout(`${file}: rewritten in canonical form\n`);
  return 'rewritten';
}

export async function formatCommand(files: string[], options: FormatOptions, io: CliIO): Promise<number> {
  if (files.length === 0) throw new UsageError('format needs at least one FILE');
  const check = options.check ?? false;
  const outcomes: Outcome[] = [];
  for (const file of files) outcomes.push(await formatOne(file, check, io));
  const canonical = outcomes.filter((o) => o === 'canonical').length;
  if (canonical > 0) {
    io.stdout(
      files.length === 1
        ? `${files[0]}: already in canonical form\n`
        : `${canonical} of ${files.length} files already in canonical form\n`
    );
  }
  return outcomes.every((o) => o === 'canonical' || o === 'rewritten') ? EXIT.ok : EXIT.problems;
}
