// Reading the spreadsheets an analyst picks (src/renderer/src/import/spreadsheet.ts), from real
// files in tests/fixtures/import: a CSV as a program writes it (quotes, Arabic), a CSV as Excel
// writes it in many locales (byte-order mark, semicolons, CRLF, a decimal comma, Arabic-Indic
// digits), an .xlsx (made by make-xlsx.mjs), and files that are not spreadsheets; then the plan
// each gives against a document, to show the cells arrive as the planner needs them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planFactorImport } from '../../src/engine/factorImport';
import { csvRows, readSpreadsheet } from '../../src/renderer/src/import/spreadsheet';
import { makeDocument } from '../support/documents';

const bytesOf = (name: string): ArrayBuffer => {
  const buffer = readFileSync(`tests/fixtures/import/${name}`);
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
};
const read = async (name: string, as = name) => readSpreadsheet(as, bytesOf(name));
const doc = () => makeDocument([{ id: 'oil', weight: 3 }]);

describe('readSpreadsheet', () => {
  it('reads a comma-separated file with quoted commas and Arabic text', async () => {
    const result = await read('factors.csv');
    expect(result).toEqual({
      ok: true,
      cells: [
        ['id', 'label_en', 'label_ar', 'direction', 'weight', 'low', 'high'],
        ['oil', 'Oil prices', 'أسعار النفط', '+1', '6.5', '', ''],
        ['talks', 'Talks, in Vienna', 'المحادثات النووية', '-1', '4', '2', '7'],
        ['houthis', '', 'هجمات الحوثيين', 'raises', '8', '', '']
      ]
    });
  });

  it('reads a semicolon-separated file with a byte-order mark and CRLF, as Excel saves it', async () => {
    const result = await read('factors-excel-semicolon.csv');
    if (!result.ok) throw new Error(result.reason);
    // No byte-order mark left on the first header.
    expect(result.cells[0]).toEqual(['ID', 'Label EN', 'Label AR', 'Direction', 'Weight']);
    const plan = planFactorImport(doc(), result.cells);
    expect(plan.problems).toEqual([]);
    expect(plan.changed.map((c) => c.after)).toEqual([
      { id: 'oil', label: { en: 'Oil prices', ar: 'أسعار النفط' }, direction: 1, weight: 6.5 }
    ]);
    expect(plan.added.map((a) => a.factor)).toEqual([
      { id: 'talks', label: { en: 'Talks', ar: 'المحادثات' }, direction: -1, weight: 4 }
    ]);
  });

  it('reads the first sheet of an .xlsx, numbers as numbers', async () => {
    const result = await read('factors.xlsx');
    expect(result).toEqual({
      ok: true,
      cells: [
        ['id', 'label_en', 'label_ar', 'direction', 'weight', 'low', 'high'],
        ['oil', 'Oil prices', 'أسعار النفط', 1, 6.5, null, null],
        ['talks', 'Nuclear talks', 'المحادثات النووية', -1, 4, 2, 7],
        ['houthis', null, 'هجمات الحوثيين', 'raises', 8, null, null]
      ]
    });
    if (!result.ok) return;
    const plan = planFactorImport(doc(), result.cells);
    expect(plan.problems).toEqual([]);
    expect(plan.changed).toHaveLength(1);
    expect(plan.added.map((a) => [a.factor.id, a.factor.weight])).toEqual([
      ['talks', { low: 2, mode: 4, high: 7 }],
      ['houthis', 8]
    ]);
  });

  it('names the rows and columns of the bad rows of a real file', async () => {
    const result = await read('factors-problems.csv');
    if (!result.ok) throw new Error(result.reason);
    const plan = planFactorImport(doc(), result.cells);
    expect(plan.problems.map((p) => `${p.row}:${p.column}:${p.reason}`)).toEqual([
      '2:weight:out-of-range',
      '3:id:bad-id',
      '4:null:no-label',
      '4:direction:bad-direction',
      '4:weight:not-number',
      '5:id:repeated-id',
      '6:high:half-range'
    ]);
    expect(plan.added.map((a) => a.factor.id)).toEqual(['ok']);
  });

  it('says why a file cannot be read instead of throwing', async () => {
    // An .xlsx named .csv, a CSV named .xlsx, another kind of file, a zip that is no workbook.
    expect(await read('factors.xlsx', 'factors.csv')).toEqual({ ok: false, reason: 'unsupported' });
    expect(await read('factors.csv', 'factors.xlsx')).toEqual({ ok: false, reason: 'unsupported' });
    expect(await read('factors.csv', 'factors.mizan')).toEqual({ ok: false, reason: 'unsupported' });
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]).buffer;
    expect(await readSpreadsheet('broken.xlsx', zip)).toEqual({ ok: false, reason: 'unreadable' });
    // Windows-1256 Arabic ("عامل") is not UTF-8.
    const legacy = new Uint8Array([0x69, 0x64, 0x0a, 0xda, 0xc7, 0xe3, 0xe1]).buffer;
    expect(await readSpreadsheet('old.csv', legacy)).toEqual({ ok: false, reason: 'not-utf8' });
    expect(await readSpreadsheet('huge.csv', new ArrayBuffer(10 * 1024 * 1024 + 1))).toEqual({
      ok: false,
      reason: 'too-big'
    });
  });
});

describe('csvRows', () => {
  it('guesses tab as the separator and keeps blank lines so rows keep their numbers', () => {
    expect(csvRows('id\tweight\n\noil\t5\n')).toEqual([['id', 'weight'], [''], ['oil', '5']]);
  });
});
