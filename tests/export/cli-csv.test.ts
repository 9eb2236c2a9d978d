// The command line's CSVs with a hostile document: `mizan chart --format csv` and
// `mizan run --csv` mark formulas, keep numbers, balance bidi controls, write a byte-order
// mark only with --bom, and name their files without bidi controls.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mizan, useTempDir } from '../cli/helpers';
import { parseCsv } from './helpers';
import { ANY_BIDI, bidiProblem, FORMULA_LABELS, hostileDocument } from '../support/hostile';

const temp = useTempDir('mizan-csv-');
const BOM = [0xef, 0xbb, 0xbf];
const head = async (file: string) => [...(await readFile(file)).subarray(0, 3)];

/** The hostile document saved as "report\u202Egnp.mizan": its name would show as "reportnazim.png". */
async function hostileFile(): Promise<string> {
  const file = join(temp.path, 'report\u202Egnp.mizan');
  await writeFile(file, JSON.stringify(hostileDocument()));
  return file;
}

describe('mizan chart --format csv', () => {
  it('marks formula labels, balances bidi controls, names files without bidi controls, and writes no BOM', async () => {
    const out = join(temp.path, 'chart');
    const r = await mizan(
      'chart',
      await hostileFile(),
      '--out',
      out,
      '--format',
      'csv,svg',
      '--chart',
      'contributions,radar',
      '--scenario',
      'baseline'
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const names = (await readdir(out)).sort();
    expect(names).toEqual([
      'reportgnp-contributions-baseline.csv',
      'reportgnp-contributions-baseline.svg',
      'reportgnp-radar.csv',
      'reportgnp-radar.svg'
    ]);
    expect(names.filter((n) => ANY_BIDI.test(n))).toEqual([]);
    const file = join(out, 'reportgnp-contributions-baseline.csv');
    expect(await head(file)).not.toEqual(BOM);
    const [header, ...rows] = parseCsv(await readFile(file, 'utf8'));
    for (const label of FORMULA_LABELS) expect(header).toContain(`'${label}`);
    expect([header, ...rows].flat().filter((cell) => bidiProblem(cell) !== null)).toEqual([]);
    // The numbers are written as numbers, not marked (a negative one too: tests/export/csv.test.ts).
    const numbers = rows.flatMap((row) => row.slice(1));
    expect(numbers.every((cell) => Number.isFinite(Number(cell)))).toBe(true);
    // Rounded as the chart shows them (mizan run --csv keeps every digit: tests/cli/cli.test.ts).
    expect(numbers.filter((cell) => !/^-?\d+(\.\d)?$/.test(cell))).toEqual([]);
  });

  it('starts every CSV with EF BB BF with --bom, and leaves the SVG alone', async () => {
    const out = join(temp.path, 'chart-bom');
    const r = await mizan(
      'chart',
      await hostileFile(),
      '--out',
      out,
      '--format',
      'csv,svg',
      '--chart',
      'tension,tornado',
      '--bom'
    );
    expect(r.code).toBe(0);
    for (const name of await readdir(out))
      expect(await head(join(out, name))).toEqual(name.endsWith('.csv') ? BOM : [0x3c, 0x3f, 0x78]);
    const text = (await readFile(join(out, 'reportgnp-tension-baseline.csv'), 'utf8')).replace(/^\uFEFF/, '');
    expect(parseCsv(text)[0][0]).toBe('Month');
  });

  it('refuses --bom without CSV, with the usage', async () => {
    const r = await mizan('chart', await hostileFile(), '--out', join(temp.path, 'none'), '--bom');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--bom goes with --format csv');
  });
});

describe('mizan run --csv', () => {
  it('writes numbers as numbers, and a BOM only with --bom', async () => {
    const file = await hostileFile();
    const plain = join(temp.path, 'run');
    const marked = join(temp.path, 'run-bom');
    expect((await mizan('run', file, '--runs', '0', '--csv', plain)).code).toBe(0);
    expect((await mizan('run', file, '--runs', '0', '--csv', marked, '--bom')).code).toBe(0);
    for (const name of ['baseline.csv', 'escalation.csv', 'deescalation.csv']) {
      expect(await head(join(plain, name))).not.toEqual(BOM);
      expect(await head(join(marked, name))).toEqual(BOM);
      const withoutMark = (await readFile(join(marked, name), 'utf8')).slice(1);
      expect(withoutMark).toBe(await readFile(join(plain, name), 'utf8'));
    }
    const [, ...rows] = parseCsv(await readFile(join(plain, 'baseline.csv'), 'utf8'));
    const cells = rows.flatMap((row) => row.slice(1)).filter((cell) => cell !== '');
    expect(cells.every((cell) => Number.isFinite(Number(cell)))).toBe(true);
  });

  it('refuses --bom without --csv', async () => {
    const r = await mizan('run', await hostileFile(), '--bom');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--bom goes with --csv DIR');
  });
});
