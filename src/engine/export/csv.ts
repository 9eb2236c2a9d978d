// CSV text (RFC 4180): a header row, comma-separated, fields quoted only when needed.
// Numbers are written in full (shortest round-trip form) so they parse back exactly.
// Every CSV Mizan writes (the charts' tables, `mizan run --csv`) is made here.
import { balanceBidi } from './bidi';

export type CsvCell = string | number | null;

/** The byte-order mark some spreadsheets (Excel) need to read a CSV file as UTF-8. */
export const CSV_BOM = '\uFEFF';

// A spreadsheet takes a cell starting with one of these as a formula (or, for a tab or a
// carriage return, skips them and then may): "=HYPERLINK(…)", "@SUM(…)", "+1+1", "-2+3".
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as a spreadsheet shows it and never runs it: a leading "'" before a formula
 * character (OWASP's advice), and its bidirectional controls balanced. Numbers are written as
 * numbers, so a negative number stays -3.5.
 */
export function csvText(text: string): string {
  const balanced = balanceBidi(text);
  return FORMULA_START.test(balanced) ? `'${balanced}` : balanced;
}

function cell(value: CsvCell): string {
  // Stryker disable next-line ConditionalExpression: without it a null cell comes back as null, which the row's join writes as an empty cell too
  if (value === null || Number.isNaN(value)) return ''; // Number.isNaN is false for any text
  const text = typeof value === 'number' ? String(value) : csvText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvOptions {
  /** Starts the text with a UTF-8 byte-order mark, for Excel. */
  bom?: boolean;
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: CsvOptions = {}
): string {
  const body = [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
  return options.bom ? CSV_BOM + body : body;
}
