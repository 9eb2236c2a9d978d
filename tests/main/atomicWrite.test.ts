// Atomic save: the file is the old one or the new one, never half; a failure leaves the
// old file intact, removes the temporary file and says why in plain words.
import fs, { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { atomicWrite, describeWriteError, type AtomicWriter } from '../../src/main/files/atomicWrite';
import { fsError, isRoot, tempDir } from './helpers';

afterEach(() => vi.restoreAllMocks());

const OLD = '{"old": true}\n';

function existingFile(): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, 'scenario.mizan');
  writeFileSync(file, OLD);
  return { dir, file };
}

describe('atomicWrite', () => {
  it('writes exactly the bytes given (text and binary) and leaves no temporary file', async () => {
    const { dir, file } = existingFile();
    const text = 'ميزان — balance\n{"a": 1}\r\n';
    expect(await atomicWrite(file, text)).toEqual({ ok: true });
    expect(readFileSync(file)).toEqual(Buffer.from(text, 'utf8'));

    const bytes = new Uint8Array([0, 255, 1, 254, 137, 80, 78, 71]);
    const png = path.join(dir, 'chart.png');
    expect(await atomicWrite(png, bytes)).toEqual({ ok: true });
    expect(new Uint8Array(readFileSync(png))).toEqual(bytes);
    expect(readdirSync(dir).sort()).toEqual(['chart.png', 'scenario.mizan']);
  });

  it('writes a Uint8Array view without the bytes around it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'slice.bin');
    const whole = new Uint8Array([9, 9, 1, 2, 3, 9]);
    expect(await atomicWrite(file, whole.subarray(2, 5))).toEqual({ ok: true });
    expect([...readFileSync(file)]).toEqual([1, 2, 3]);
  });

  it('when the target is a folder, the rename fails, the folder is untouched and the message is plain', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'taken.mizan');
    mkdirSync(target);
    writeFileSync(path.join(target, 'inside.txt'), 'keep');
    const result = await atomicWrite(target, 'new');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/^Mizan could not save "taken\.mizan"\. /);
    expect(result.message).not.toMatch(/\n|at .*\(|Error:/);
    expect(readFileSync(path.join(target, 'inside.txt'), 'utf8')).toBe('keep');
    expect(readdirSync(dir)).toEqual(['taken.mizan']);
  });

  it.each([
    ['EROFS', /read-only/],
    ['ENOSPC', /disk is full/],
    ['EACCES', /Permission denied/],
    ['EPERM', /Permission denied/],
    ['EXDEV', /could not be moved/]
  ])('a rename failing with %s keeps the old file, removes the temporary file, says why', async (code, why) => {
    const { dir, file } = existingFile();
    // write-file-atomic looks fs.rename up at call time: make that step fail.
    const rename = vi.spyOn(fs, 'rename').mockImplementation(((...args: unknown[]) => {
      const callback = args[args.length - 1] as (error: Error) => void;
      process.nextTick(() => callback(fsError(code)));
    }) as typeof fs.rename);
    const result = await atomicWrite(file, '{"new": true}\n');
    expect(rename).toHaveBeenCalledTimes(1);
    expect(result).toMatchObject({ ok: false, code });
    if (result.ok) return;
    expect(result.message).toMatch(why);
    expect(result.message).toMatch(/Nothing was overwritten\.$/);
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['scenario.mizan']);
  });

  it('a disk that fills up while writing the temporary file keeps the old file (injected writer)', async () => {
    const { dir, file } = existingFile();
    let temporary = '';
    const fullDisk: AtomicWriter = (target, data, options) =>
      writeFileAtomic(target, data as string, {
        ...options,
        tmpfileCreated: (tmp: string) => {
          temporary = tmp;
          throw fsError('ENOSPC', 'write');
        }
      });
    const result = await atomicWrite(file, 'x'.repeat(100_000), { writer: fullDisk });
    expect(result).toMatchObject({ ok: false, code: 'ENOSPC' });
    expect(temporary).not.toBe('');
    expect(fs.existsSync(temporary)).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['scenario.mizan']);
  });

  it('a folder that is gone gives ENOENT in words', async () => {
    const dir = tempDir();
    const result = await atomicWrite(path.join(dir, 'gone', 'scenario.mizan'), 'x');
    expect(result).toMatchObject({ ok: false, code: 'ENOENT' });
    if (!result.ok) expect(result.message).toMatch(/folder no longer exists/);
  });

  it.skipIf(isRoot)('a read-only folder (chmod 555) refuses the write and keeps the old file', async () => {
    const { dir, file } = existingFile();
    chmodSync(dir, 0o555);
    try {
      const result = await atomicWrite(file, 'new');
      expect(result).toMatchObject({ ok: false, code: 'EACCES' });
      expect(readFileSync(file, 'utf8')).toBe(OLD);
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('never throws, even for an error without a code', async () => {
    const result = await atomicWrite('/x/y.mizan', 'z', {
      writer: () => Promise.reject(new Error('boom'))
    });
    expect(result).toEqual({
      ok: false,
      code: 'UNKNOWN',
      message: 'Mizan could not save "y.mizan". Something unexpected went wrong. Nothing was overwritten.'
    });
  });
});

describe('describeWriteError', () => {
  it('speaks Arabic too, and names an unknown code without a stack', () => {
    expect(describeWriteError(fsError('EROFS'), '/a/b/تحليل.mizan', 'ar')).toBe(
      'تعذّر حفظ «تحليل.mizan». القرص أو المجلد للقراءة فقط. احفظ في مكان آخر. لم يُستبدل أي ملف.'
    );
    expect(describeWriteError(fsError('EWEIRD'), '/a/b.mizan')).toBe(
      'Mizan could not save "b.mizan". Something unexpected went wrong (EWEIRD). Nothing was overwritten.'
    );
  });
});
