// Factors from a spreadsheet: the cells of a sheet (read from CSV or .xlsx by the renderer) in,
// a plan out — the factors it adds, the factors it changes (a row whose id is already in the
// document updates that factor: its names, direction and weight) and the problems, each named
// by the sheet's row and column. Nothing here changes the document: the editor shows the plan
// first, and `importFactors` in edits.ts applies it as one edit.
//
// Columns (the first row; any order, case and spacing ignored): id, label_en, label_ar,
// direction, weight, and optionally low and high (a triangular range around the weight).
// Numbers are checked against BOUNDS.weight, the schema's own, as the editor checks them.
import { westernDigits } from './digits';
import { BOUNDS, ID_PATTERN, LIMITS, type FactorDef, type MizanDoc, type Uncertain } from './format';

/** A cell as the readers give it: text, a number, a boolean, a date, or nothing. */
export type Cell = string | number | boolean | Date | null | undefined;

export const IMPORT_COLUMNS = ['id', 'label_en', 'label_ar', 'direction', 'weight', 'low', 'high'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
const REQUIRED: readonly ImportColumn[] = ['id', 'label_en', 'label_ar', 'direction', 'weight'];

/** Why a row (or the sheet) cannot be imported. The editor words each one in both languages. */
export type ImportReason =
  | 'empty-sheet'
  | 'missing-column'
  | 'repeated-column'
  | 'no-rows'
  | 'bad-id'
  | 'repeated-id'
  | 'no-label'
  | 'too-long'
  | 'bad-direction'
  | 'not-number'
  | 'out-of-range'
  | 'low-above-weight'
  | 'high-below-weight'
  | 'half-range'
  | 'too-many';

export interface ImportProblem {
  /** The row as the spreadsheet numbers it (the header is row 1). */
  row: number;
  /** The column the problem is in; null for a problem of the whole row or sheet. */
  column: ImportColumn | null;
  reason: ImportReason;
  /** What the cell held, as text (for the message), when it matters. */
  found?: string;
}

/** A factor a row changes: as it is in the document, and as the row would make it. */
export interface FactorUpdate {
  row: number;
  before: FactorDef;
  after: FactorDef;
}

export interface FactorImportPlan {
  /** New factors, in the order of their rows. */
  added: { row: number; factor: FactorDef }[];
  /** Factors already in the document that the rows change (rows that change nothing are left out). */
  changed: FactorUpdate[];
  /** Rows whose id is in the document and whose values are the factor's own already. */
  unchanged: number;
  problems: ImportProblem[];
}

/** A cell's text, trimmed ('' for an empty cell). */
const textOf = (cell: Cell): string => (cell === null || cell === undefined ? '' : String(cell).trim());

/** A header cell as a column name: "Label EN", " label-en " and "LABEL_EN" are all label_en. */
const columnName = (cell: Cell): string =>
  textOf(cell)
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * A cell as a number, or null when it is not one. Text may use Arabic-Indic digits, the Arabic
 * decimal separator (٫) or a decimal comma (7,5: spreadsheets in many locales write it so).
 */
export function numberOf(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  const text = westernDigits(cell.trim())
    .replace(/[٫,]/, '.')
    // A U+2212 MINUS SIGN as '-' (one anywhere but first makes no number either way)
    .replace('\u2212', '-');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return null;
  return Number(text);
}

const RAISES = new Set(['1', '+1', '+', 'raises', 'up', 'يرفع']);
const LOWERS = new Set(['-1', '−1', '-', 'lowers', 'down', 'يخفض']);

/** A direction cell: +1 / raises / يرفع, or −1 / lowers / يخفض; null for anything else. */
export function directionOf(cell: Cell): 1 | -1 | null {
  const text = textOf(cell).toLowerCase();
  if (RAISES.has(text)) return 1;
  if (LOWERS.has(text)) return -1;
  return null;
}

const isBlankRow = (row: readonly Cell[]) => row.every((cell) => textOf(cell) === '');

/** Where each column is in the header row, or the problems of the header. */
function readHeader(header: readonly Cell[]): { at: Map<ImportColumn, number> } | { problems: ImportProblem[] } {
  const at = new Map<ImportColumn, number>();
  const problems: ImportProblem[] = [];
  header.forEach((cell, index) => {
    const name = columnName(cell) as ImportColumn;
    if (!IMPORT_COLUMNS.includes(name)) return;
    if (at.has(name)) problems.push({ row: 1, column: name, reason: 'repeated-column' });
    else at.set(name, index);
  });
  for (const column of REQUIRED) if (!at.has(column)) problems.push({ row: 1, column, reason: 'missing-column' });
  return problems.length > 0 ? { problems } : { at };
}

/** A weight cell (or low, high): a number within BOUNDS.weight, or the problem. */
function weightCell(row: number, column: ImportColumn, cell: Cell): number | ImportProblem {
  const value = numberOf(cell);
  if (value === null) return { row, column, reason: 'not-number', found: textOf(cell) };
  if (value < BOUNDS.weight.min || value > BOUNDS.weight.max)
    return { row, column, reason: 'out-of-range', found: textOf(cell) };
  return value;
}

const isProblem = (x: number | ImportProblem): x is ImportProblem => typeof x !== 'number';

/** The weight of a row: a number, or a range when low and high are given; or its problems. */
function weightOf(row: number, cells: Partial<Record<ImportColumn, Cell>>): Uncertain | ImportProblem[] {
  const mode = weightCell(row, 'weight', cells.weight);
  const hasLow = textOf(cells.low) !== '';
  const hasHigh = textOf(cells.high) !== '';
  if (!hasLow && !hasHigh) return isProblem(mode) ? [mode] : mode;
  if (hasLow !== hasHigh) return [{ row, column: hasLow ? 'high' : 'low', reason: 'half-range' }];
  const low = weightCell(row, 'low', cells.low);
  const high = weightCell(row, 'high', cells.high);
  const problems = [mode, low, high].filter(isProblem);
  if (problems.length > 0) return problems;
  const [m, l, h] = [mode, low, high] as number[];
  if (l > m) return [{ row, column: 'low', reason: 'low-above-weight', found: textOf(cells.low) }];
  if (h < m) return [{ row, column: 'high', reason: 'high-below-weight', found: textOf(cells.high) }];
  return { low: l, mode: m, high: h };
}

/** A weight as text to compare by: "3" for a number, "1/3/4" for a range (so 3 and 3/3/3 differ, as in the file). */
const weightKey = (w: Uncertain): string => (typeof w === 'number' ? String(w) : `${w.low}/${w.mode}/${w.high}`);
const sameWeight = (a: Uncertain, b: Uncertain) => weightKey(a) === weightKey(b);

/**
 * Reads the sheet's rows against the document: what would be added, what changed, and every
 * problem (all of them, not just the first). Blank rows are skipped; rows with a problem are
 * left out of the plan.
 */
export function planFactorImport(doc: MizanDoc, sheet: readonly (readonly Cell[])[]): FactorImportPlan {
  const plan: FactorImportPlan = { added: [], changed: [], unchanged: 0, problems: [] };
  const first = sheet.findIndex((row) => !isBlankRow(row));
  if (first === -1) {
    plan.problems.push({ row: 1, column: null, reason: 'empty-sheet' });
    return plan;
  }
  const header = readHeader(sheet[first]);
  if ('problems' in header) {
    plan.problems.push(...header.problems.map((p) => ({ ...p, row: first + 1 })));
    return plan;
  }
  const seen = new Set<string>();
  let factorCount = doc.factors.length;
  for (let index = first + 1; index < sheet.length; index++) {
    const cells = sheet[index];
    if (isBlankRow(cells)) continue;
    const row = index + 1;
    // A column the sheet lacks (low, high) has no index: -1, where no row has a cell.
    const cell = (column: ImportColumn): Cell => cells[header.at.get(column) ?? -1];
    const problems: ImportProblem[] = [];

    const id = textOf(cell('id'));
    if (!ID_PATTERN.test(id)) problems.push({ row, column: 'id', reason: 'bad-id', found: id });
    else if (seen.has(id)) problems.push({ row, column: 'id', reason: 'repeated-id', found: id });
    seen.add(id);

    const label = { en: textOf(cell('label_en')), ar: textOf(cell('label_ar')) };
    if (label.en === '' && label.ar === '') problems.push({ row, column: null, reason: 'no-label' });
    for (const lang of ['en', 'ar'] as const)
      if (label[lang].length > LIMITS.labelChars) problems.push({ row, column: `label_${lang}`, reason: 'too-long' });

    const direction = directionOf(cell('direction'));
    if (direction === null)
      problems.push({ row, column: 'direction', reason: 'bad-direction', found: textOf(cell('direction')) });

    const weight = weightOf(row, { weight: cell('weight'), low: cell('low'), high: cell('high') });
    if (Array.isArray(weight)) problems.push(...weight);

    const existing = doc.factors.find((f) => f.id === id);
    if (problems.length === 0 && !existing && factorCount >= LIMITS.factors)
      problems.push({ row, column: null, reason: 'too-many' });
    if (problems.length > 0) {
      plan.problems.push(...problems);
      continue;
    }

    const values = { label, direction: direction!, weight: weight as Uncertain };
    if (!existing) {
      factorCount++;
      plan.added.push({ row, factor: { id, ...values } });
      continue;
    }
    const after: FactorDef = { ...existing, ...values };
    const same =
      existing.label.en === label.en &&
      existing.label.ar === label.ar &&
      existing.direction === values.direction &&
      sameWeight(existing.weight, values.weight);
    if (same) plan.unchanged++;
    else plan.changed.push({ row, before: existing, after });
  }
  if (plan.added.length + plan.changed.length + plan.unchanged === 0 && plan.problems.length === 0)
    plan.problems.push({ row: first + 1, column: null, reason: 'no-rows' });
  return plan;
}
