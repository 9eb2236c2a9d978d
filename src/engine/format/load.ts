// Reading a .mizan file: untrusted input in, a valid document or a list of plain-English
// problems out — never an exception. The pipeline:
//   size cap → UTF-8 decoding → byte-order mark → nesting-depth scan → JSON.parse →
//   envelope (format, version; newer refused) → migrations → schema and references (the
//   references of a document the schema refuses are checked on what has the right shape).
import { z } from 'zod';
import { FORMAT_NAME, FORMAT_VERSION, MizanDocument, type MizanDoc } from './schema';
import { LIMITS } from './limits';
import { fileTooLarge } from './fileSize';
import { describeValue, finishProblems, type Located, type LoadResult, type PathSegment } from './problems';
import { findExcessNesting, lineColumn, locateSyntaxError } from './jsonText';
import { migrateDocument, type RawDocument } from './migrate';
import { issueMessage, locateIssues } from './messages';
import { checkReferences } from './references';

export type LoadOptions = {
  /** The file's name, used only to add a hint when a file of another kind was opened. */
  fileName?: string;
};

/** Thrown inside the pipeline to stop at the first stage that fails. */
class Refusal {
  constructor(
    readonly problems: Located[],
    /** The document as read, to sort the problems in document order. */
    readonly root?: unknown
  ) {}
}

const refuse = (message: string, at: Located['at'] = []): never => {
  throw new Refusal([{ at, message }]);
};

function hintFor(fileName: string | undefined): string {
  if (!fileName) return '';
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot).toLowerCase() : '';
  if (ext === '.mizan' || ext === '.json') return '';
  return ext === '' ? ' (Mizan opens .mizan scenario files)' : ` (Mizan opens .mizan scenario files, not ${ext} files)`;
}

function utf8Length(text: string): number {
  // Every UTF-16 unit takes 1 to 3 bytes in UTF-8; only count when it matters.
  // Stryker disable next-line ConditionalExpression: a text this long is over the cap however it is counted (encoding it is only slower)
  if (text.length > LIMITS.fileBytes) return text.length;
  // Stryker disable next-line EqualityOperator,ConditionalExpression: 10 485 760 is no multiple of 3 (so < is the same), and a text this short is within the cap however it is counted (always encoding is only slower)
  if (text.length * 3 <= LIMITS.fileBytes) return text.length;
  return new TextEncoder().encode(text).length;
}

function toText(input: string | Uint8Array, hint: string): string {
  let text: string;
  if (typeof input === 'string') {
    const size = utf8Length(input);
    if (size > LIMITS.fileBytes) refuse(fileTooLarge(size));
    text = input;
  } else if (input instanceof Uint8Array) {
    if (input.byteLength > LIMITS.fileBytes) refuse(fileTooLarge(input.byteLength));
    try {
      // fatal: invalid UTF-8 is an error, not silently replaced characters.
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return refuse(`is not UTF-8 text${hint || ' (it may be a binary file or use another text encoding)'}`);
    }
  } else {
    return refuse('could not be read: it was given as neither text nor bytes');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

function parseJson(text: string, hint: string): unknown {
  if (text.trim() === '') refuse('is empty');
  const deep = findExcessNesting(text, LIMITS.nesting);
  if (deep !== -1) {
    const { line, column } = lineColumn(text, deep);
    refuse(
      `nests lists and objects more than ${LIMITS.nesting} levels deep (at line ${line}, column ${column}); a Mizan file needs about 8`
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const fault = locateSyntaxError(text);
    if (fault) {
      const { line, column } = lineColumn(text, fault.index);
      return refuse(`is not valid JSON${hint}: ${fault.what} at line ${line}, column ${column}`);
    }
    // Stryker disable next-line StringLiteral: JSON.parse throws only SyntaxErrors, so the '' is never used
    const position = /at position (\d+)/.exec(error instanceof Error ? error.message : '');
    if (position) {
      const { line, column } = lineColumn(text, Number(position[1]));
      return refuse(`is not valid JSON${hint}: unexpected text at line ${line}, column ${column}`);
    }
    return refuse(`is not valid JSON${hint}`);
  }
}

function isPlainObject(value: unknown): value is RawDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The envelope: a JSON object with `format: "mizan-scenario"` and a positive whole `version`. */
function checkEnvelope(raw: unknown, hint: string): { doc: RawDocument; version: number } {
  if (!isPlainObject(raw)) {
    const held = Array.isArray(raw)
      ? 'a list'
      : raw === null
        ? 'null'
        : typeof raw === 'string'
          ? 'a text'
          : `a single ${typeof raw}`;
    return refuse(`is not a Mizan scenario file${hint} (it holds ${held}, not an object)`);
  }
  if (raw.format !== FORMAT_NAME) {
    return refuse(
      Object.hasOwn(raw, 'format')
        ? `is not a Mizan scenario file${hint} ("format" is ${describeValue(raw.format)}, not "${FORMAT_NAME}")`
        : `is not a Mizan scenario file${hint} (it has no "format": "${FORMAT_NAME}")`
    );
  }
  const version = raw.version;
  if (version === undefined) refuse('is required (the file format version, a whole number such as 1)', ['version']);
  // A number that is no version (1.5, 0) or a newer one is the migration's to refuse: one rule.
  if (typeof version !== 'number')
    refuse(`must be a whole number of 1 or more (found ${describeValue(version)})`, ['version']);
  return { doc: raw, version: version as number };
}

/**
 * A scenario's `weights` and `factors` hold one entry per factor. Zod validates every entry
 * of a record before it could count them, and a million bad entries would flood it with
 * issues (and overflow the stack where zod merges them), so count them first.
 */
function checkRecordSizes(doc: RawDocument): void {
  const scenarios = doc.scenarios;
  if (!Array.isArray(scenarios) || scenarios.length > LIMITS.scenarios) return;
  const problems: Located[] = [];
  scenarios.forEach((scenario: unknown, i) => {
    if (!isPlainObject(scenario)) return;
    for (const key of ['weights', 'factors'] as const) {
      const record = scenario[key];
      if (!isPlainObject(record)) continue;
      const n = Object.keys(record).length;
      if (n > LIMITS.factors) {
        problems.push({
          at: ['scenarios', i, key],
          message: `must have at most ${LIMITS.factors} entries, one per factor (found ${n})`
        });
      }
    }
  });
  if (problems.length > 0) throw new Refusal(problems, doc);
}

/**
 * Refuses a "__proto__" key where keys are data: the id-keyed records of a scenario (`factors`,
 * `weights`) and `view`, at any depth. JSON.parse makes it an ordinary key, but zod leaves it out
 * of what it returns without a word (assigning it would set a prototype), so the entry would
 * vanish on the next save, or a factor entry go unreported. Elsewhere it is an unknown key of a
 * schema object, dropped as every unknown key is.
 */
function checkReservedKeys(doc: RawDocument): void {
  const problems: Located[] = [];
  // Stryker disable next-line ArrayDeclaration: a stray first entry is popped last and is neither a list nor an object
  const pending: { value: unknown; at: PathSegment[]; deep: boolean }[] = [];
  if (Array.isArray(doc.scenarios) && doc.scenarios.length <= LIMITS.scenarios) {
    doc.scenarios.forEach((scenario: unknown, i) => {
      if (!isPlainObject(scenario)) return;
      for (const key of ['factors', 'weights'] as const)
        pending.push({ value: scenario[key], at: ['scenarios', i, key], deep: false });
    });
  }
  // Stryker disable next-line ConditionalExpression: without a view, undefined is pushed, which is neither a list nor an object
  if (Object.hasOwn(doc, 'view')) pending.push({ value: doc.view, at: ['view'], deep: true });
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, at, deep } = next;
    if (Array.isArray(value)) {
      if (deep) value.forEach((item, i) => pending.push({ value: item, at: [...at, i], deep }));
    } else if (isPlainObject(value)) {
      for (const key of Object.keys(value)) {
        if (key === '__proto__')
          problems.push({
            at: [...at, key],
            message: 'uses the name "__proto__", which is reserved: rename or remove this entry'
          });
        else if (deep) pending.push({ value: value[key], at: [...at, key], deep });
      }
    }
  }
  if (problems.length > 0) throw new Refusal(problems, doc);
}

/**
 * Validates an in-memory value that claims to be a current-version document: the schema,
 * then the cross-references. Useful before saving, and the last stage of loadDocument.
 */
export function validateDocument(value: unknown): LoadResult {
  try {
    return validate(value);
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problems: finishProblems(error.problems, error.root) };
    return unexpected(error);
  }
}

function validate(value: unknown): LoadResult {
  if (isPlainObject(value)) {
    checkRecordSizes(value);
    checkReservedKeys(value);
  }
  const parsed = MizanDocument.safeParse(value, { error: issueMessage, reportInput: true });
  if (!parsed.success) {
    // The references of what has the right shape too, so that one reading names every
    // problem; none where the schema already names a problem on the same path.
    const schema = locateIssues(parsed.error.issues);
    const refused = schema.map((p) => p.at);
    const references = checkReferences(value, refused).filter((r) => !refused.some((at) => onOnePath(at, r.at)));
    return { ok: false, problems: finishProblems([...schema, ...references], value) };
  }
  const document: MizanDoc = parsed.data;
  const references = checkReferences(document);
  if (references.length > 0) return { ok: false, problems: finishProblems(references, value) };
  return { ok: true, document };
}

/** Whether one place lies inside the other (or they are the same). */
function onOnePath(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) if (a[k] !== b[k]) return false;
  return true;
}

function unexpected(error: unknown): LoadResult {
  const why = error instanceof Error ? error.message : String(error);
  return { ok: false, problems: [{ path: '', message: `could not be read: ${why || 'unknown error'}` }] };
}

/**
 * Reads a .mizan file (its bytes, or its text). Never throws: a file that cannot be used
 * gives `{ ok: false, problems }`, each problem naming the place and saying what is wrong.
 * An older file version is migrated, and `migratedFrom` tells which version it was.
 */
export function loadDocument(input: string | Uint8Array, options: LoadOptions = {}): LoadResult {
  try {
    const hint = hintFor(options?.fileName);
    const text = toText(input, hint);
    const raw = parseJson(text, hint);
    const { doc, version } = checkEnvelope(raw, hint);
    const migrated = migrateDocument(doc, version);
    if (!migrated.ok) return { ok: false, problems: finishProblems(migrated.problems, doc) };
    const result = validate(migrated.document);
    if (result.ok && version < FORMAT_VERSION) return { ...result, migratedFrom: version };
    return result;
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problems: finishProblems(error.problems, error.root) };
    return unexpected(error);
  }
}

/**
 * A document that ships with the app (resources/scenarios): read with JSON.parse alone,
 * without the schema's walk, which is about 40 ms of the first screen's work on a slow machine
 * (the first validation runs zod's code cold). Safe because the test suite loads every bundled
 * file with loadDocument and checks that this gives the very same document. Anything that is
 * not a current-version document object takes the full loadDocument.
 */
export function loadBundledDocument(text: string, options: LoadOptions = {}): LoadResult {
  let raw: unknown;
  // The shortcut only saves time: without it every path ends in loadDocument, which gives the
  // same result (the test of every bundled file checks that it does).
  // Stryker disable next-line BlockStatement: without the parse, raw is undefined and loadDocument reads the text: the same result
  try {
    raw = JSON.parse(text);
  } catch /* Stryker disable next-line BlockStatement: without the fallback, raw is undefined and loadDocument reads the text all the same */ {
    return loadDocument(text, options);
  }
  // Stryker disable next-line ConditionalExpression,BlockStatement: without the shortcut loadDocument gives the same document, slower
  if (isPlainObject(raw) && raw.format === FORMAT_NAME && raw.version === FORMAT_VERSION) {
    return { ok: true, document: raw as unknown as MizanDoc };
  }
  return loadDocument(text, options);
}

/** Length checks of each list schema of the document (its min and max), without its items' schema. */
const lengthChecks = new WeakMap<z.ZodArray, z.ZodType>();

function lengthOnly(schema: z.ZodArray): z.ZodType {
  let checked = lengthChecks.get(schema);
  if (!checked)
    lengthChecks.set(
      schema,
      (checked = z.array(z.unknown()).check(...((schema.def.checks ?? []) as z.core.$ZodCheck<unknown[]>[])))
    );
  return checked;
}

/** Whether a field of an edited document passes its schema, walking only items that `before` did not hold. */
function validField(schema: z.ZodType, value: unknown, before: unknown): boolean {
  if (value === before) return true;
  const list = value !== undefined && schema instanceof z.ZodOptional ? schema.unwrap() : schema;
  if (!(list instanceof z.ZodArray) || !Array.isArray(value) || !Array.isArray(before))
    return schema.safeParse(value).success;
  if (!lengthOnly(list).safeParse(value).success) return false;
  const kept = new Set<unknown>(before);
  // A loop, not every(): a hole in the list is an item too (undefined, which the schema refuses).
  for (let i = 0; i < value.length; i++)
    if (!kept.has(value[i]) && !(list.element as z.ZodType).safeParse(value[i]).success) return false;
  return true;
}

/**
 * What validateDocument(next).ok says, for `next` made by editing `before`, a valid document:
 * edits share every part they leave alone, and a part of `before` is valid wherever it stands,
 * so the schema walks only the fields and list items that are new objects (for a weight step on
 * the largest document, 60 factors instead of 2.9 MB, about 270 ms in the app on this machine);
 * the record sizes, reserved keys and references, which need the whole document, are checked
 * whole (a few milliseconds). For the reasons of a refusal, call validateDocument.
 */
export function isValidEdit(before: MizanDoc, next: unknown): boolean {
  if (!isPlainObject(next)) return false;
  try {
    checkRecordSizes(next);
    checkReservedKeys(next);
  } catch (error) {
    if (error instanceof Refusal) return false;
    throw error;
  }
  const old = before as unknown as Record<string, unknown>;
  for (const [key, schema] of Object.entries(MizanDocument.shape) as [string, z.ZodType][])
    if (!validField(schema, next[key], old[key])) return false;
  return checkReferences(next).length === 0;
}
