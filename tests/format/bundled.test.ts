// loadBundledDocument: the analyses that ship with the app are read without the schema's walk.
// That is safe only while each gives exactly what the full loader gives, which this checks.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBundledDocument, loadDocument } from '../../src/engine/format/load';
import { FORMAT_VERSION } from '../../src/engine/format/schema';

const folder = new URL('../../resources/scenarios/', import.meta.url);
const bundled = readdirSync(folder)
  .filter((name) => name.endsWith('.mizan'))
  .map((name) => [name, readFileSync(new URL(name, folder), 'utf8')] as const);

describe('loadBundledDocument', () => {
  it('finds the bundled analyses', () => {
    expect(bundled.map(([name]) => name)).toContain('ashgabat-2024.mizan');
  });

  it.each(bundled)('%s: passes the full loader and reads to the very same document', (name, text) => {
    const full = loadDocument(text, { fileName: name });
    expect(full.ok, JSON.stringify(!full.ok && full.problems)).toBe(true);
    const quick = loadBundledDocument(text, { fileName: name });
    expect(quick).toStrictEqual(full);
  });

  it('gives anything else to the full loader: its problems, or its migration', () => {
    const [, text] = bundled[0];
    const doc = JSON.parse(text);

    const broken = loadBundledDocument('{"format": "mizan-scenario",', { fileName: 'x.mizan' });
    expect(broken.ok).toBe(false);
    expect(broken).toEqual(loadDocument('{"format": "mizan-scenario",', { fileName: 'x.mizan' }));

    const otherFormat = loadBundledDocument(JSON.stringify({ ...doc, format: 'other' }));
    expect(otherFormat.ok).toBe(false);

    const future = loadBundledDocument(JSON.stringify({ ...doc, version: FORMAT_VERSION + 1 }));
    expect(future.ok).toBe(false);
    expect(future).toEqual(loadDocument(JSON.stringify({ ...doc, version: FORMAT_VERSION + 1 })));

    const notObject = loadBundledDocument('[1, 2]');
    expect(notObject.ok).toBe(false);
  });
});
