// `mizan validate` and `mizan run` with ids named after Object.prototype members: valid, and the
// same numbers as the same document with ordinary ids (before, `run` said "all factor weights
// are zero" for a scenario whose weight override was looked up as Object.prototype.constructor).
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalIds, idsOf, prototypeIdMap, renameIds, type IdMap } from '../support/renameIds';
import { mizan, useTempDir } from './helpers';

const DEFAULT = resolve(__dirname, '../../resources/scenarios/ashgabat-2024.mizan');
const temp = useTempDir('mizan-ids-');

describe('ids such as "constructor" and "toString" on the command line', () => {
  it('validate accepts them and run gives the numbers of ordinary ids', async () => {
    const original = JSON.parse(await readFile(DEFAULT, 'utf8'));
    const ids: IdMap = prototypeIdMap(original, ['valueOf', 'toString', 'constructor']);
    const file = join(temp.path, 'prototype.mizan');
    await writeFile(file, JSON.stringify(renameIds(original, ids)));

    expect(await mizan('validate', file)).toEqual({ code: 0, stdout: `${file}: valid\n`, stderr: '' });
    const a = await mizan('run', DEFAULT, '--json', '--runs', '400');
    const b = await mizan('run', file, '--json', '--runs', '400');
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    const { file: _a, ...jsonA } = JSON.parse(a.stdout);
    const { file: _b, ...jsonB } = JSON.parse(b.stdout);
    expect(jsonB.scenarios.map((s: any) => s.id)).toEqual(['valueOf', 'toString', 'constructor']);
    expect(canonicalIds(jsonB, idsOf(ids))).toEqual(canonicalIds(jsonA, idsOf(ids)));

    const text = await mizan('run', file, '--runs', '0');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('(toString)');
  });
});
