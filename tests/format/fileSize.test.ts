// The one wording of "over the size cap", as loadDocument, main, the CLI and the web version say it.
import { describe, expect, it } from 'vitest';
import { LIMITS, MAX_FILE_MB, fileTooLarge, inMegabytes, loadDocument, sizeOverCap } from '../../src/engine/format';

const MB = 1024 * 1024;

describe('the size-cap message', () => {
  it('names the size and the cap, in English and in Arabic', () => {
    expect(MAX_FILE_MB).toBe(10);
    expect(fileTooLarge(12 * MB)).toBe('is too large (12.0 MB; Mizan opens files of at most 10 MB)');
    expect(fileTooLarge(12 * MB, 'ar')).toBe('الملف كبير جدًا (12.0 ميغابايت؛ يفتح ميزان ملفات لا تتجاوز 10 ميغابايت)');
  });

  it('words a size in bytes where MB would round down to the cap, in MB from where it would not', () => {
    expect(sizeOverCap(LIMITS.fileBytes + 1)).toBe('10,485,761 bytes');
    expect(sizeOverCap(LIMITS.fileBytes + 1, 'ar')).toBe('10,485,761 بايت');
    // 10.05 MB rounds to "10.1 MB", above the cap: MB from there on.
    const firstInMb = Math.ceil(10.05 * MB);
    expect(sizeOverCap(firstInMb - 1)).toMatch(/ bytes$/);
    expect(sizeOverCap(firstInMb)).toBe('10.1 MB');
  });

  it('takes the caller’s words when the size is not known exactly', () => {
    expect(fileTooLarge('it grew past the limit while being read')).toBe(
      'is too large (it grew past the limit while being read; Mizan opens files of at most 10 MB)'
    );
    expect(fileTooLarge(inMegabytes(50 * MB))).toBe('is too large (50.0 MB; Mizan opens files of at most 10 MB)');
  });

  it('is what loadDocument says of text and of bytes over the cap', () => {
    const bytes = new Uint8Array(LIMITS.fileBytes + 1).fill(0x20);
    for (const input of [bytes, ' '.repeat(LIMITS.fileBytes + 1)]) {
      const result = loadDocument(input);
      expect(!result.ok && result.problems.map((p) => p.message)).toEqual([fileTooLarge(LIMITS.fileBytes + 1)]);
    }
  });
});
