// Opening and saving .mizan files: size checked before reading, problems with places,
// nothing written that would not load back, the old file intact after a refusal.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { LIMITS, loadDocument, serializeDocument } from '../../src/engine/format';
import {
  nodeFileSystem,
  openDocumentFile,
  safeFileName,
  saveDocumentFile,
  withExtension
} from '../../src/main/files/documentFiles';
import { fsError, repoFile, tempDir } from './helpers';

const DEFAULT_ANALYSIS = repoFile('resources', 'scenarios', 'ashgabat-2024.mizan');
const defaultText = () => readFileSync(DEFAULT_ANALYSIS, 'utf8');

describe('openDocumentFile', () => {
  it('opens the default analysis (resources/scenarios/ashgabat-2024.mizan)', async () => {
    const result = await openDocumentFile(DEFAULT_ANALYSIS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.name).toBe('ashgabat-2024.mizan');
    expect(result.path).toBe(DEFAULT_ANALYSIS);
    expect(result.text).toBe(defaultText());
    const loaded = loadDocument(result.text);
    expect(loaded.ok && loaded.document.scenarios.length).toBeGreaterThan(0);
  });

  it('remembers the size, modification time and SHA-256 of the bytes it read', async () => {
    const file = path.join(tempDir(), 'seen.mizan');
    writeFileSync(file, '\ufeff' + defaultText());
    const result = await openDocumentFile(file);
    if (!result.ok) throw new Error('open failed');
    const bytes = readFileSync(file);
    expect(result.fingerprint).toEqual({
      size: bytes.byteLength,
      mtimeMs: statSync(file).mtimeMs,
      sha256: createHash('sha256').update(bytes).digest('hex')
    });
  });

  it('drops a byte-order mark from the text it hands over', async () => {
    const file = path.join(tempDir(), 'bom.mizan');
    writeFileSync(file, '\ufeff' + defaultText());
    const result = await openDocumentFile(file);
    expect(result.ok && result.text.charCodeAt(0)).toBe('{'.charCodeAt(0));
  });

  it('a broken file gives problems with the places in the file and a message naming the file', async () => {
    const doc = JSON.parse(defaultText());
    doc.scenarios[1].factors[doc.factors[0].id].pace = 7;
    doc.factors[2].weight = 'heavy';
    const file = path.join(tempDir(), 'broken.mizan');
    writeFileSync(file, JSON.stringify(doc));
    const result = await openDocumentFile(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.name).toBe('broken.mizan');
    const paths = result.problems.map((p) => p.path);
    expect(paths).toContain(`scenarios[1].factors.${doc.factors[0].id}.pace`);
    expect(paths.some((p) => p.startsWith('factors[2].weight'))).toBe(true);
    const lines = result.message.split('\n');
    expect(lines[0]).toBe('Mizan could not open "broken.mizan".');
    // each problem named by the labels of the things it lies in, its path beside
    expect(lines[1]).toMatch(
      /^• broken\.mizan: factor “Russian arms transfers to Iran \(S-400, Su-35\)” \[arms\] › weight \(factors\[2\]\.weight\): /
    );
    expect(lines[2]).toBe(
      '• broken.mizan: scenario “Escalation: axis hardens” [escalation] › factor “Western sanctions” [sanctions] › pace (scenarios[1].factors.sanctions.pace): must be at most 1 (found 7)'
    );
    expect(result.message).not.toMatch(/at .*\.ts:\d+|Error:/);
  });

  it('says in Arabic what is wrong with a file that is not JSON', async () => {
    const file = path.join(tempDir(), 'notes.txt');
    writeFileSync(file, 'hello');
    const result = await openDocumentFile(file, { language: 'ar' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.split('\n')[0]).toBe('تعذّر على ميزان فتح «notes.txt».');
  });

  it('refuses a file of 10 MB + 1 byte before reading a byte of it', async () => {
    const file = path.join(tempDir(), 'huge.mizan');
    writeFileSync(file, '');
    truncateSync(file, LIMITS.fileBytes + 1); // sparse: no 10 MB written
    const readFile = vi.fn(nodeFileSystem.readFile);
    const result = await openDocumentFile(file, { fs: { stat: nodeFileSystem.stat, readFile } });
    expect(readFile).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.message).toBe(
        'Mizan could not open "huge.mizan". It is too large (10.0 MB; Mizan opens files of at most 10 MB).'
      );
  });

  it('says so in Arabic too, with the same size and cap', async () => {
    const file = path.join(tempDir(), 'huge.mizan');
    writeFileSync(file, '');
    truncateSync(file, 12 * 1024 * 1024);
    const result = await openDocumentFile(file, { language: 'ar' });
    expect(!result.ok && result.message).toBe(
      'تعذّر على ميزان فتح «huge.mizan». الملف كبير جدًا (12.0 ميغابايت؛ يفتح ميزان ملفات لا تتجاوز 10 ميغابايت).'
    );
  });

  it('reads a file of exactly 10 MB (the cap is inclusive), then judges its content', async () => {
    const file = path.join(tempDir(), 'edge.mizan');
    writeFileSync(file, '');
    truncateSync(file, LIMITS.fileBytes);
    const readFile = vi.fn(nodeFileSystem.readFile);
    const result = await openDocumentFile(file, { fs: { stat: nodeFileSystem.stat, readFile } });
    expect(readFile).toHaveBeenCalledTimes(1);
    expect(result.ok).toBe(false); // zero bytes are not JSON
  });

  it('refuses a named pipe at once, in English and Arabic (reading one would wait for ever)', async () => {
    const fifo = path.join(tempDir(), 'pipe.mizan');
    execFileSync('mkfifo', [fifo]);
    const en = await openDocumentFile(fifo);
    expect(!en.ok && en.message).toBe(
      'Mizan could not open "pipe.mizan". It is not a regular file (a named pipe, a device or a socket).'
    );
    const ar = await openDocumentFile(fifo, { language: 'ar' });
    expect(!ar.ok && ar.message).toMatch(/ليس ملفًا عاديًا/);
  });

  it('a path swapped for a pipe after it was looked at is refused on the opened handle', async () => {
    const fifo = path.join(tempDir(), 'swapped.mizan');
    execFileSync('mkfifo', [fifo]);
    const result = await openDocumentFile(fifo, {
      fs: { stat: async () => ({ size: 10, isFile: () => true }), readFile: nodeFileSystem.readFile }
    });
    expect(!result.ok && result.message).toMatch(/It is not a regular file/);
  });

  it('a file that grew past the cap after its size was checked is refused, not read whole', async () => {
    const file = path.join(tempDir(), 'growing.mizan');
    writeFileSync(file, '');
    truncateSync(file, LIMITS.fileBytes + 5);
    const result = await openDocumentFile(file, {
      fs: { stat: async () => ({ size: 10, isFile: () => true }), readFile: nodeFileSystem.readFile }
    });
    expect(!result.ok && result.message).toBe('Mizan could not open "growing.mizan". It grew past 10 MB while it was read.');
  });

  it('a missing file, a folder, an unreadable file: one plain sentence each', async () => {
    const dir = tempDir();
    const missing = await openDocumentFile(path.join(dir, 'nope.mizan'));
    expect(!missing.ok && missing.message).toBe('Mizan could not open "nope.mizan". The file no longer exists.');
    const folder = await openDocumentFile(dir);
    expect(!folder.ok && folder.message).toMatch(/It is a folder, not a file\.$/);
    const denied = await openDocumentFile(path.join(dir, 'x.mizan'), {
      fs: {
        stat: async () => ({ size: 10, isFile: () => true }),
        readFile: () => Promise.reject(fsError('EACCES', 'open'))
      }
    });
    expect(!denied.ok && denied.message).toMatch(/Permission denied/);
  });
});

describe('saveDocumentFile', () => {
  it('saves valid text exactly and it loads back', async () => {
    const file = path.join(tempDir(), 'copy.mizan');
    const loaded = loadDocument(defaultText());
    if (!loaded.ok) throw new Error('default analysis does not load');
    const text = serializeDocument(loaded.document);
    expect(await saveDocumentFile(file, text)).toEqual({ ok: true });
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect((await openDocumentFile(file)).ok).toBe(true);
  });

  it('refuses text that would not load back, and the old file stays', async () => {
    const file = path.join(tempDir(), 'keep.mizan');
    writeFileSync(file, defaultText());
    const bad = JSON.parse(defaultText());
    bad.horizonMonths = -3;
    const result = await saveDocumentFile(file, JSON.stringify(bad));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message.split('\n')[0]).toBe(
        'Mizan did not save "keep.mizan": the document has problems and would not open again.'
      );
      expect(result.message).toMatch(/horizonMonths/);
    }
    expect(readFileSync(file, 'utf8')).toBe(defaultText());
    for (const junk of ['', 'not json', '{"format":"mizan-scenario","version":99}']) {
      expect((await saveDocumentFile(file, junk)).ok).toBe(false);
    }
    expect(readFileSync(file, 'utf8')).toBe(defaultText());
  });

  it('a failing disk leaves the old file and says why', async () => {
    const file = path.join(tempDir(), 'keep.mizan');
    writeFileSync(file, 'old');
    const result = await saveDocumentFile(file, defaultText(), { writer: () => Promise.reject(fsError('ENOSPC')) });
    expect(result).toEqual({
      ok: false,
      message:
        'The disk is full: "keep.mizan" was not saved; your document is still open and unchanged. Free some space or save it somewhere else.'
    });
    expect(readFileSync(file, 'utf8')).toBe('old');
  });
});

describe('file names', () => {
  it('makes a safe name for a save dialog from what the renderer suggests', () => {
    expect(safeFileName('Ashgabat, 11 October 2024', '.mizan')).toBe('Ashgabat, 11 October 2024.mizan');
    expect(safeFileName('../../etc/passwd', '.mizan')).toBe('etc passwd.mizan');
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j', '.mizan')).toBe('a b c d e f g h i j.mizan');
    expect(safeFileName('report.mizan', '.mizan')).toBe('report.mizan');
    expect(safeFileName('  ...  ', '.mizan')).toBe('Untitled.mizan');
    expect(safeFileName('\u0000\u001f', '.csv', 'export')).toBe('export.csv');
    expect(safeFileName('CON', '.mizan')).toBe('CON_.mizan');
    expect(safeFileName('تحليل عشق آباد', '.mizan')).toBe('تحليل عشق آباد.mizan');
    expect(safeFileName('x'.repeat(1000), '.pdf')).toHaveLength(204);
  });

  it('drops bidirectional controls and marks, which could disguise the extension', () => {
    // "report\u202Egnp.csv" shows as "reportvsc.png" in a dialog that honours the override.
    expect(safeFileName('report\u202Egnp.csv', '.csv')).toBe('reportgnp.csv');
    expect(safeFileName('\u2067Base\u200Fline\u061C\u2069-report', '.pdf')).toBe('Baseline-report.pdf');
    expect(safeFileName('\u202E\u202C', '.mizan')).toBe('Untitled.mizan');
  });

  it('adds the extension only when the chosen path has none', () => {
    expect(withExtension('/a/b', '.mizan')).toBe('/a/b.mizan');
    expect(withExtension('/a/b.mizan', '.mizan')).toBe('/a/b.mizan');
    expect(withExtension('/a/b.json', '.mizan')).toBe('/a/b.json');
  });
});
