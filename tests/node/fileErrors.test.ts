// The one errno → words table, read side: what the app says when a file it opens cannot be
// read. Errors are made for real where the machine allows (a missing file, a folder, a named
// pipe, a file without read permission when not root) and injected beside them.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeReadError, describeWriteError, systemErrorReason } from '../../src/node/fileErrors';
import { readRegularFile } from '../../src/node/readFile';
import { fsError, isRoot, tempDir } from '../main/helpers';

/** The error reading `file` throws, for real (through the app's capped reader, or plain fs). */
async function readingFails(file: string, read: (file: string) => Promise<unknown> = (f) => readRegularFile(f, 1024)): Promise<unknown> {
  try {
    await read(file);
  } catch (error) {
    return error;
  }
  throw new Error(`reading ${file} did not fail`);
}

describe('describeReadError', () => {
  it('a missing file, a folder, a named pipe: one plain sentence each, in English and Arabic', async () => {
    const dir = tempDir();
    const fifo = path.join(dir, 'pipe.mizan');
    execFileSync('mkfifo', [fifo]);
    const cases: [unknown, string, string][] = [
      [await readingFails(path.join(dir, 'nope.mizan')), 'The file no longer exists.', 'الملف لم يعد موجودًا.'],
      [await readingFails(dir, (f) => readFile(f)), 'It is a folder, not a file.', 'هذا مجلد وليس ملفًا.'],
      [
        await readingFails(fifo),
        'It is not a regular file (a named pipe, a device or a socket).',
        'ليس ملفًا عاديًا (أنبوبًا مسمّى أو جهازًا أو مقبسًا).'
      ]
    ];
    for (const [error, en, ar] of cases) {
      expect(describeReadError(error)).toBe(en);
      expect(describeReadError(error, 'ar')).toBe(ar);
    }
  });

  it('a file one may not read: permission denied (for real when not root, injected as well)', async () => {
    const errors: unknown[] = [fsError('EACCES', 'open'), fsError('EPERM', 'open')];
    if (!isRoot) {
      const dir = tempDir();
      const file = path.join(dir, 'secret.mizan');
      writeFileSync(file, '{}');
      chmodSync(file, 0o000);
      errors.push(await readingFails(file));
    }
    for (const error of errors) {
      expect(describeReadError(error)).toBe('Permission denied: you are not allowed to read it.');
      expect(describeReadError(error, 'ar')).toBe('الإذن مرفوض: لا يُسمح لك بقراءته.');
    }
  });

  it('a disk error, and an error it has no words for', () => {
    expect(describeReadError(fsError('EIO', 'read'))).toBe('The disk reported a read error.');
    for (const error of [fsError('ESOMETHING', 'read'), new Error('boom'), 'not an error', null]) {
      expect(describeReadError(error)).toBe('It could not be read.');
      expect(describeReadError(error, 'ar')).toBe('تعذّرت قراءته.');
    }
  });

  it('the same table words the CLI’s and the writer’s reasons for the same codes', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'sub'));
    const missing = await readingFails(path.join(dir, 'nope.mizan'));
    expect(systemErrorReason(missing)).toBe('no such file or folder (it may have been moved, deleted or disconnected)');
    expect(describeWriteError(fsError('EISDIR'), path.join(dir, 'sub'), 'en', 'document')).toBe(
      'That name belongs to a folder, not a file: "sub" was not saved; your document is still open and unchanged. Choose another name.'
    );
  });
});
