// `mizan format FILE... [--check]` against real files in a temporary folder.
import { copyFile, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION, loadDocument, sameContent, serializeDocument } from '../../src/engine/format';
import { mizan, useTempDir } from './helpers';

const ROOT = resolve(__dirname, '../..');
const DEFAULT = join(ROOT, 'resources/scenarios/ashgabat-2024.mizan');
const RICH_V1 = join(ROOT, 'tests/fixtures/v1/rich.mizan');
const temp = useTempDir('mizan-format-');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const canonicalOf = (text: string) => {
  const loaded = loadDocument(text);
  if (!loaded.ok) throw new Error('does not load');
  return serializeDocument(loaded.document);
};

/** The default analysis written compactly, keys of the first factor reversed: valid, not canonical. */
async function messyFile(name: string): Promise<{ path: string; text: string }> {
  const doc = JSON.parse(await readFile(DEFAULT, 'utf8'));
  doc.factors[0] = Object.fromEntries(Object.entries(doc.factors[0]).reverse());
  const text = JSON.stringify(doc);
  const path = join(temp.path, name);
  await writeFile(path, text);
  return { path, text };
}

/** Sets a file's modification time to a fixed moment in the past, so a rewrite would show. */
const PAST = new Date('2020-01-01T00:00:00Z');
const age = (path: string) => utimes(path, PAST, PAST);
const mtime = async (path: string) => (await stat(path)).mtime.getTime();

describe('mizan format', () => {
  it('rewrites a file that is not canonical in the canonical form, and leaves it alone the next time', async () => {
    const messy = await messyFile('messy.mizan');
    const canonical = canonicalOf(messy.text);
    expect(messy.text).not.toBe(canonical);
    const first = await mizan('format', messy.path);
    expect(first).toEqual({ code: 0, stdout: `${messy.path}: rewritten in canonical form\n`, stderr: '' });
    expect(await readFile(messy.path, 'utf8')).toBe(canonical);
    expect(canonical).toMatch(/^\{\n {2}"format": "mizan-scenario",\n {2}"version": 2,\n/);

    await age(messy.path);
    const second = await mizan('format', messy.path);
    expect(second).toEqual({ code: 0, stdout: `${messy.path}: already in canonical form\n`, stderr: '' });
    expect(await mtime(messy.path)).toBe(PAST.getTime());
    expect(await readdir(temp.path)).not.toContainEqual(expect.stringMatching(/mizan-tmp/));
  });

  it('--check changes nothing and exits 1 for a file that is not canonical; 0 for one that is', async () => {
    const messy = await messyFile('check.mizan');
    await age(messy.path);
    const r = await mizan('format', '--check', messy.path);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: `${messy.path}: not in canonical form (mizan format ${messy.path} rewrites it)\n`
    });
    expect(await readFile(messy.path, 'utf8')).toBe(messy.text);
    expect(await mtime(messy.path)).toBe(PAST.getTime());

    const copy = join(temp.path, 'canonical.mizan');
    await copyFile(DEFAULT, copy);
    await age(copy);
    const ok = await mizan('format', copy, '--check');
    expect(ok).toEqual({ code: 0, stdout: `${copy}: already in canonical form\n`, stderr: '' });
    expect(await mtime(copy)).toBe(PAST.getTime());
  });

  it('brings a version 1 file written by hand to the newest format version, same content', async () => {
    const copy = join(temp.path, 'rich.mizan');
    await copyFile(RICH_V1, copy);
    const before = await readFile(copy, 'utf8');
    const r = await mizan('format', copy);
    expect(r.code).toBe(0);
    const after = await readFile(copy, 'utf8');
    expect(after).not.toBe(before);
    expect(JSON.parse(after).version).toBe(FORMAT_VERSION);
    const [a, b] = [loadDocument(before), loadDocument(after)];
    expect(a.ok && b.ok && sameContent(a.document, b.document)).toBe(true);
    expect(after).toBe(canonicalOf(after));
  });

  it('a broken file gets FILE: PLACE (PATH): message lines and exit 1, is not touched, and the others are still formatted', async () => {
    const broken = join(temp.path, 'broken.mizan');
    const doc = JSON.parse(await readFile(DEFAULT, 'utf8'));
    doc.interactions[0].to = 'sanktions';
    const brokenText = JSON.stringify(doc);
    await writeFile(broken, brokenText);
    const messy = await messyFile('other.mizan');
    const missing = join(temp.path, 'missing.mizan');
    const r = await mizan('format', broken, missing, messy.path);
    expect(r.code).toBe(1);
    // Exactly the lines `validate` gives for the same files.
    const validated = await mizan('validate', broken, missing);
    expect(r.stderr).toBe(validated.stderr);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(`^${escape(broken)}: link .* › to \\(interactions\\[0\\]\\.to\\): unknown factor "sanktions"`)
      ),
      `${missing}: cannot be read: no such file or folder (it may have been moved, deleted or disconnected)`
    ]);
    expect(r.stdout).toBe(`${messy.path}: rewritten in canonical form\n`);
    expect(await readFile(broken, 'utf8')).toBe(brokenText);
    expect(await readFile(messy.path, 'utf8')).toBe(canonicalOf(messy.text));
  });

  it('a byte-order mark or Windows line ends are not canonical', async () => {
    const text = await readFile(DEFAULT, 'utf8');
    const bom = join(temp.path, 'bom.mizan');
    const crlf = join(temp.path, 'crlf.mizan');
    await writeFile(bom, '\ufeff' + text);
    await writeFile(crlf, text.replace(/\n/g, '\r\n'));
    expect((await mizan('format', '--check', bom, crlf)).code).toBe(1);
    expect((await mizan('format', bom, crlf)).code).toBe(0);
    expect(await readFile(bom, 'utf8')).toBe(text);
    expect(await readFile(crlf, 'utf8')).toBe(text);
  });

  it('exits 2 when used wrongly', async () => {
    expect((await mizan('format')).code).toBe(2);
    expect((await mizan('format', '--fix', DEFAULT)).code).toBe(2);
    expect((await mizan('--help')).stdout).toContain('mizan format FILE... [--check]');
  });
});
