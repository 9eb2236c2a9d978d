// CSV text (RFC 4180): a header row, comma-separated, fields quoted only when needed.
// Numbers are written in full (shortest round-trip form) so they parse back exactly.

export type CsvCell = string | number | null;

function cell(value: CsvCell): string {
  if (value === null || (typeof value === 'number' && Number.isNaN(value))) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
