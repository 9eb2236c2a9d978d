// The command line on a nearly full disk (a real 64 KiB tmpfs as root, else the simulated
// one): a plain message, a non-zero exit, the old files byte for byte and no partial or
// temporary file — for `format`, `run --csv` and `chart`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mountsSmallDisk, smallDisk, type SmallDisk } from '../support/smallDisk';
import { mizan } from './helpers';

const ROOT = resolve(__dirname, '../..');
const DEFAULT = join(ROOT, 'tests/fixtures/as-first-written/ashgabat-2024.mizan');

let disk: SmallDisk;
beforeEach(() => {
  disk = smallDisk(64 * 1024);
  expect(disk.mounted).toBe(mountsSmallDisk);
});
afterEach(() => disk.remove());

/** Fills the disk with a file of `bytes` bytes (so that what follows does not fit). */
const fill = (bytes: number) => writeFileSync(join(disk.dir, 'filler.bin'), Buffer.alloc(bytes, 1));

describe('a nearly full disk', () => {
  it('mizan format: the disk is full, exit 1, the file byte for byte, no temporary file', async () => {
    // The default analysis written compactly (valid, ~25 KB): its canonical form (~40 KB) does not fit.
    const compact = JSON.stringify(JSON.parse(readFileSync(DEFAULT, 'utf8')));
    const file = join(disk.dir, 'compact.mizan');
    writeFileSync(file, compact);
    fill(24 * 1024);
    const r = await mizan('format', file);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: `${file}: cannot be written: the disk is full; the file is unchanged\n`
    });
    expect(readFileSync(file, 'utf8')).toBe(compact);
    expect(readdirSync(disk.dir).sort()).toEqual(['compact.mizan', 'filler.bin']);
  });

  it('mizan run --csv: the disk is full, exit 1, no CSV written and none half-written', async () => {
    fill(60 * 1024);
    const r = await mizan('run', DEFAULT, '--runs', '0', '--csv', disk.dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${disk.dir}: could not write the CSV files: the disk is full\n`);
    expect(readdirSync(disk.dir)).toEqual(['filler.bin']);
    // Folders made for the output are not left behind either.
    const nested = join(disk.dir, 'out', 'csv');
    const again = await mizan('run', DEFAULT, '--runs', '0', '--csv', nested);
    expect(again.stderr).toBe(`${nested}: could not write the CSV files: the disk is full\n`);
    expect(readdirSync(disk.dir)).toEqual(['filler.bin']);
  });

  it('mizan chart: the disk is full, exit 1, none of the charts and no temporary file', async () => {
    const old = join(disk.dir, 'ashgabat-2024-tension-baseline.png');
    writeFileSync(old, 'an older chart');
    const r = await mizan('chart', DEFAULT, '--out', disk.dir, '--chart', 'tension', '--format', 'png,csv', '--runs', '0');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${DEFAULT}: could not write the charts to ${disk.dir}: the disk is full\n`);
    expect(readFileSync(old, 'utf8')).toBe('an older chart');
    expect(readdirSync(disk.dir)).toEqual(['ashgabat-2024-tension-baseline.png']);
  });
});
