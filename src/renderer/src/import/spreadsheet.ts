// Reads a spreadsheet the analyst picked (CSV or .xlsx) into rows of cells for
// engine/factorImport.ts. CSV: UTF-8 (a byte-order mark is dropped), the separator guessed
// among comma, semicolon (Excel in many locales) and tab, by papaparse. .xlsx: the first
// sheet, by read-excel-file's universal build (no Web Worker, so no extra CSP rule), which
// gives numbers as numbers. Anything else, or a file that cannot be read, is a reason, never
// an exception.
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';
import { LIMITS } from '../../../engine/format';
import type { Cell } from '../../../engine/factorImport';

export type SheetReadFailure = 'unsupported' | 'unreadable' | 'not-utf8' | 'too-big';
export type SheetRead = { ok: true; cells: Cell[][] } | { ok: false; reason: SheetReadFailure };

/** A zip archive (an .xlsx is one) starts with "PK\x03\x04". */
const isZip = (bytes: Uint8Array) =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** What kind of spreadsheet a file is, by its name and, for .xlsx, its first bytes. */
export function sheetKind(name: string, bytes: Uint8Array): 'csv' | 'xlsx' | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return isZip(bytes) ? 'xlsx' : null;
  if (lower.endsWith('.csv') || lower.endsWith('.tsv') || lower.endsWith('.txt')) return isZip(bytes) ? null : 'csv';
  return null;
}

/** The rows of a CSV text; the separator is guessed (comma, semicolon or tab). */
export function csvRows(text: string): Cell[][] {
  const body = text.replace(/^\ufeff/, '');
  // The separator is guessed on the lines that hold something (a blank line fits none)…
  const { delimiter } = Papa.parse<string[]>(body, {
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: true,
    preview: 20
  }).meta;
  // …and blank lines are kept (the planner skips them) so row numbers stay the sheet's own.
  const result = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false });
  const rows = result.data;
  // A final line break gives one empty row more than the sheet has.
  if (rows.length > 0 && rows[rows.length - 1].every((cell) => cell === '')) rows.pop();
  return rows;
}

export async function readSpreadsheet(name: string, data: ArrayBuffer): Promise<SheetRead> {
  if (data.byteLength > LIMITS.fileBytes) return { ok: false, reason: 'too-big' };
  const bytes = new Uint8Array(data);
  const kind = sheetKind(name, bytes);
  if (kind === null) return { ok: false, reason: 'unsupported' };
  if (kind === 'csv') {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, reason: 'not-utf8' };
    }
    return { ok: true, cells: csvRows(text) };
  }
  try {
    const rows = await readSheet(data);
    return { ok: true, cells: rows.map((row) => row.map((cell) => cell as Cell)) };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}
