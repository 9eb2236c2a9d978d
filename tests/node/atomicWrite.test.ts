// The one atomic writer of the app and the command line: the file is the old one or the new
// one, never half. Faults are made for real where the machine allows (a full tmpfs, a folder
// where the file should be, a dead process's leftovers) and injected beside them (a write
// that writes only part, a disk that takes no bytes, a flush that fails).
import { spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  atomicWrite,
  nodeWriteFileSystem,
  processAlive,
  removeLeftovers,
  writeFileAtomically,
  writeFilesAtomically,
  type WritableHandle,
  type WriteFileSystem
} from '../../src/node/atomicWrite';
import { describeWriteError, systemErrorReason } from '../../src/node/fileErrors';
import { fsError, isRoot, tempDir } from '../main/helpers';
import { mountsSmallDisk, smallDisk } from '../support/smallDisk';

afterEach(() => vi.restoreAllMocks());

const OLD = '{"old": true}\n';

function existingFile(name = 'scenario.mizan'): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, name);
  writeFileSync(file, OLD);
  return { dir, file };
}

/** The real file system with some handle operations replaced. */
function withHandle(change: (real: WritableHandle) => Partial<WritableHandle>, base: Partial<WriteFileSystem> = {}): WriteFileSystem {
  return {
    ...nodeWriteFileSystem,
    ...base,
    open: async (file, flags, mode) => {
      const real = await nodeWriteFileSystem.open(file, flags, mode);
      return flags === 'r' ? real : { ...bind(real), ...change(real) };
    }
  };
}

const bind = (h: WritableHandle): WritableHandle => ({
  write: (...args) => h.write(...args),
  sync: () => h.sync(),
  stat: () => h.stat(),
  chmod: (m) => h.chmod(m),
  chown: (u, g) => h.chown(u, g),
  close: () => h.close()
});

describe('writeFileAtomically', () => {
  it('writes exactly the bytes given (text and binary) and leaves no temporary file', async () => {
    const { dir, file } = existingFile();
    const text = 'ميزان — balance\n{"a": 1}\r\n';
    await writeFileAtomically(file, text);
    expect(readFileSync(file)).toEqual(Buffer.from(text, 'utf8'));
    const bytes = new Uint8Array([0, 255, 1, 254, 137, 80, 78, 71]);
    const png = path.join(dir, 'chart.png');
    await writeFileAtomically(png, bytes);
    expect(new Uint8Array(readFileSync(png))).toEqual(bytes);
    const whole = new Uint8Array([9, 9, 1, 2, 3, 9]);
    await writeFileAtomically(path.join(dir, 'slice.bin'), whole.subarray(2, 5));
    expect([...readFileSync(path.join(dir, 'slice.bin'))]).toEqual([1, 2, 3]);
    expect(readdirSync(dir).sort()).toEqual(['chart.png', 'scenario.mizan', 'slice.bin']);
  });

  it('a write that writes only part is called again for the rest: the file is complete', async () => {
    const { dir, file } = existingFile();
    const data = Buffer.from('ميزان '.repeat(20_000));
    const asked: number[] = [];
    const short = withHandle((real) => ({
      write: (buffer, offset, length, position) => {
        asked.push(length);
        // At most 1000 bytes per call, as a disk that is filling up or a pipe would.
        return real.write(buffer, offset, Math.min(length, 1000), position);
      }
    }));
    await writeFileAtomically(file, data, { fs: short });
    expect(asked.length).toBe(Math.ceil(data.length / 1000));
    expect(asked[1]).toBe(data.length - 1000);
    expect(readFileSync(file).equals(data)).toBe(true);
    expect(readdirSync(dir)).toEqual(['scenario.mizan']);
  });

  it('a disk that takes no bytes at all fails (EIO) instead of looping, keeping the old file', async () => {
    const { dir, file } = existingFile();
    const stuck = withHandle(() => ({ write: async () => ({ bytesWritten: 0 }) }));
    await expect(writeFileAtomically(file, 'new', { fs: stuck })).rejects.toMatchObject({ code: 'EIO' });
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['scenario.mizan']);
  });

  it('a size on disk that differs from what was written is caught before the rename', async () => {
    const { dir, file } = existingFile();
    const lying = withHandle(() => ({ stat: async () => ({ size: 3 }) }));
    await expect(writeFileAtomically(file, 'longer than three', { fs: lying })).rejects.toMatchObject({ code: 'EIO' });
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['scenario.mizan']);
  });

  it.each(['write', 'sync', 'close'] as const)('a failing %s keeps the old file and removes the temporary file', async (step) => {
    const { dir, file } = existingFile();
    const failing = withHandle((real) => ({
      [step]: async () => {
        if (step === 'close') await real.close();
        throw fsError('EIO', step);
      }
    }));
    await expect(writeFileAtomically(file, 'x'.repeat(10_000), { fs: failing })).rejects.toMatchObject({ code: 'EIO' });
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['scenario.mizan']);
  });

  it('reports the write that failed, not a close failing after it', async () => {
    const { dir, file } = existingFile();
    const both = withHandle((real) => ({
      write: async () => Promise.reject(fsError('ENOSPC', 'write')),
      close: async () => {
        await real.close();
        throw fsError('EIO', 'close');
      }
    }));
    await expect(writeFileAtomically(file, 'x', { fs: both })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['scenario.mizan']);
  });

  it.each(['EROFS', 'ENOSPC', 'EACCES', 'EPERM', 'EXDEV'])(
    'a rename failing with %s keeps the old file and removes the temporary file',
    async (code) => {
      const { dir, file } = existingFile();
      const renames: string[] = [];
      const fs: WriteFileSystem = {
        ...nodeWriteFileSystem,
        rename: async (from) => {
          renames.push(path.basename(from));
          throw fsError(code);
        }
      };
      await expect(writeFileAtomically(file, '{"new": true}\n', { fs })).rejects.toMatchObject({ code });
      expect(renames).toEqual([expect.stringMatching(new RegExp(`^\\.scenario\\.mizan\\.mizan-tmp-${process.pid}-\\d+$`))]);
      expect(readFileSync(file, 'utf8')).toBe(OLD);
      expect(readdirSync(dir)).toEqual(['scenario.mizan']);
    }
  );

  it('when the target is a folder nothing is written and the folder is untouched', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'taken.mizan');
    mkdirSync(target);
    writeFileSync(path.join(target, 'inside.txt'), 'keep');
    await expect(writeFileAtomically(target, 'new')).rejects.toMatchObject({ code: 'EISDIR' });
    expect(readFileSync(path.join(target, 'inside.txt'), 'utf8')).toBe('keep');
    expect(readdirSync(dir)).toEqual(['taken.mizan']);
  });

  it('a folder that is gone gives ENOENT', async () => {
    await expect(writeFileAtomically(path.join(tempDir(), 'gone', 'x.mizan'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('flushes the folder after the rename; a folder flush the platform refuses is not a failure', async () => {
    for (const code of ['EISDIR', 'EINVAL', 'EPERM']) {
      const { file } = existingFile();
      const opened: string[] = [];
      const fs: WriteFileSystem = {
        ...nodeWriteFileSystem,
        open: async (f, flags, mode) => {
          opened.push(flags);
          if (flags === 'r') throw fsError(code, 'open');
          return nodeWriteFileSystem.open(f, flags, mode);
        }
      };
      await writeFileAtomically(file, 'new', { fs });
      expect(opened).toEqual(['wx', 'r']);
      expect(readFileSync(file, 'utf8')).toBe('new');
    }
    const { file } = existingFile();
    const failing: WriteFileSystem = {
      ...nodeWriteFileSystem,
      open: async (f, flags, mode) => {
        if (flags === 'r') throw fsError('EIO', 'fsync');
        return nodeWriteFileSystem.open(f, flags, mode);
      }
    };
    // A real I/O error on the folder is reported: the rename may not survive a power cut.
    await expect(writeFileAtomically(file, 'newer', { fs: failing })).rejects.toMatchObject({ code: 'EIO' });
  });

  it.skipIf(process.platform === 'win32')('a new file gets the mode asked for; an existing file keeps its own', async () => {
    const dir = tempDir();
    const fresh = path.join(dir, 'recovery.json');
    await writeFileAtomically(fresh, '{}', { mode: 0o600 });
    expect(statSync(fresh).mode & 0o777).toBe(0o600);
    const existing = path.join(dir, 'shared.mizan');
    writeFileSync(existing, OLD);
    chmodSync(existing, 0o664);
    await writeFileAtomically(existing, 'new', { mode: 0o600 });
    expect(statSync(existing).mode & 0o777).toBe(0o664);
    expect(readFileSync(existing, 'utf8')).toBe('new');
  });

  it.runIf(isRoot)('as root (mizan format run with sudo), an existing file keeps its owner', async () => {
    const { file } = existingFile();
    chownSync(file, 1234, 5678);
    await writeFileAtomically(file, 'new');
    expect(statSync(file)).toMatchObject({ uid: 1234, gid: 5678 });
    const fresh = path.join(path.dirname(file), 'fresh.csv');
    await writeFileAtomically(fresh, 'a\n');
    expect(statSync(fresh)).toMatchObject({ uid: 0 });
  });

  it.skipIf(process.platform === 'win32')('writing through a symbolic link replaces the file it points to and keeps the link', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'real'));
    const real = path.join(dir, 'real', 'scenario.mizan');
    writeFileSync(real, OLD);
    const link = path.join(dir, 'link.mizan');
    symlinkSync(real, link);
    await writeFileAtomically(link, 'new');
    expect(readlinkSync(link)).toBe(real);
    expect(readFileSync(real, 'utf8')).toBe('new');
  });

  it('a temporary name already taken (a dead process that had our pid) is skipped', async () => {
    const { file } = existingFile();
    const tried: string[] = [];
    const fs: WriteFileSystem = {
      ...nodeWriteFileSystem,
      open: async (f, flags, mode) => {
        if (flags === 'wx') tried.push(f);
        if (flags === 'wx' && tried.length === 1) throw fsError('EEXIST', 'open');
        return nodeWriteFileSystem.open(f, flags, mode);
      }
    };
    await writeFileAtomically(file, 'new', { fs });
    expect(tried).toHaveLength(2);
    expect(tried[0]).not.toBe(tried[1]);
    expect(readFileSync(file, 'utf8')).toBe('new');
  });
});

describe('leftovers of a killed process', () => {
  /** The pid of a process that has exited. */
  async function deadPid(): Promise<number> {
    const child = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => child.on('exit', resolve));
    return child.pid!;
  }

  it('are removed the next time their folder is written; ours and a running process’s are kept', async () => {
    const { dir, file } = existingFile();
    const dead = await deadPid();
    expect(processAlive(dead)).toBe(false);
    expect(processAlive(process.ppid)).toBe(true);
    const names = [
      `.scenario.mizan.mizan-tmp-${dead}-1`,
      `.other.csv.mizan-tmp-${dead}-7`,
      `.scenario.mizan.mizan-tmp-${process.pid}-999`,
      `.scenario.mizan.mizan-tmp-${process.ppid}-1`,
      '.scenario.mizan.tmp',
      'notes.txt'
    ];
    for (const name of names) writeFileSync(path.join(dir, name), 'half');
    await writeFileAtomically(file, 'new');
    expect(readdirSync(dir).sort()).toEqual(
      [`.scenario.mizan.mizan-tmp-${process.pid}-999`, `.scenario.mizan.mizan-tmp-${process.ppid}-1`, '.scenario.mizan.tmp', 'notes.txt', 'scenario.mizan'].sort()
    );
    expect(await removeLeftovers(path.join(dir, 'missing'))).toEqual([]);
  });
});

describe('writeFilesAtomically (a batch, all or none)', () => {
  it('writes every file, or, when one fails, none and no temporary file', async () => {
    const dir = tempDir();
    const files = ['a.csv', 'b.csv', 'c.csv'].map((name, i) => ({ path: path.join(dir, name), content: `v1,${i}\n` }));
    await writeFilesAtomically(files);
    expect(files.map((f) => readFileSync(f.path, 'utf8'))).toEqual(['v1,0\n', 'v1,1\n', 'v1,2\n']);

    let opened = 0;
    const thirdFails = withHandle((real) => {
      opened++;
      return opened === 3 ? { write: async () => Promise.reject(fsError('ENOSPC', 'write')) } : { write: real.write.bind(real) };
    });
    const next = files.map((f) => ({ ...f, content: f.content.replace('v1', 'v2') }));
    await expect(writeFilesAtomically(next, { fs: thirdFails })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(files.map((f) => readFileSync(f.path, 'utf8'))).toEqual(['v1,0\n', 'v1,1\n', 'v1,2\n']);
    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'b.csv', 'c.csv']);
  });
});

describe.each([
  ['a real 64 KiB tmpfs (the simulated disk where mounting is not allowed)', false],
  ['the simulated 64 KiB disk', true]
])('a nearly full disk: %s', (_name, simulate) => {
  it('refuses a file bigger than the free space: ENOSPC in words, the old file byte for byte, no temporary file', async () => {
    const disk = smallDisk(64 * 1024, { simulate });
    try {
      if (!simulate) expect(disk.mounted).toBe(mountsSmallDisk);
      const file = path.join(disk.dir, 'x.mizan');
      const good = Buffer.from(JSON.stringify({ good: 'g'.repeat(20_000) }));
      writeFileSync(file, good);
      const big = JSON.stringify({ big: 'b'.repeat(136_000) });
      const result = await atomicWrite(file, big, { thing: 'document' });
      expect(result).toEqual({
        ok: false,
        code: 'ENOSPC',
        message:
          'The disk is full: "x.mizan" was not saved; your document is still open and unchanged. Free some space or save it somewhere else.'
      });
      expect(readFileSync(file).equals(good)).toBe(true);
      expect(readdirSync(disk.dir)).toEqual(['x.mizan']);
      // What fits is still written whole.
      const small = JSON.stringify({ small: 's'.repeat(10_000) });
      expect(await atomicWrite(file, small)).toEqual({ ok: true });
      expect(readFileSync(file, 'utf8')).toBe(small);
    } finally {
      disk.remove();
    }
  });
});

describe('atomicWrite (the app: never throws, a failure is a sentence)', () => {
  it('never throws, even for an error without a code', async () => {
    const result = await atomicWrite('/x/y.mizan', 'z', { writer: () => Promise.reject(new Error('boom')) });
    expect(result).toEqual({
      ok: false,
      code: 'UNKNOWN',
      message: 'Something unexpected went wrong: "y.mizan" was not saved; nothing was overwritten.'
    });
  });

  it('passes the mode for a new file to the writer', async () => {
    const seen: unknown[] = [];
    await atomicWrite('/x/k.json', '{}', { mode: 0o600, writer: async (_f, _d, o) => void seen.push(o) });
    await atomicWrite('/x/k.json', '{}', { writer: async (_f, _d, o) => void seen.push(o) });
    expect(seen).toEqual([{ mode: 0o600 }, {}]);
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
});

describe('describeWriteError and the one table of reasons', () => {
  it.each([
    ['ENOSPC', 'The disk is full: "a.mizan" was not saved; your document is still open and unchanged. Free some space or save it somewhere else.'],
    ['EDQUOT', 'Your disk quota is used up: "a.mizan" was not saved; your document is still open and unchanged. Free some space or save it somewhere else.'],
    ['EROFS', 'The file system is read-only: "a.mizan" was not saved; your document is still open and unchanged. Save it somewhere else.'],
    ['EACCES', 'Permission denied: "a.mizan" was not saved; your document is still open and unchanged.'],
    ['ENOENT', 'No such file or folder (it may have been moved, deleted or disconnected): "a.mizan" was not saved; your document is still open and unchanged.'],
    ['EISDIR', 'That name belongs to a folder, not a file: "a.mizan" was not saved; your document is still open and unchanged. Choose another name.'],
    ['EMFILE', 'Too many files are open: "a.mizan" was not saved; your document is still open and unchanged. Close some programs and try again.'],
    ['EIO', 'The disk reported an input/output error (it may be failing or disconnected): "a.mizan" was not saved; your document is still open and unchanged.']
  ])('%s, in English', (code, sentence) => {
    expect(describeWriteError(fsError(code), '/d/a.mizan', 'en', 'document')).toBe(sentence);
  });

  it('speaks Arabic, says "nothing was overwritten" for other files, and names an unknown code', () => {
    expect(describeWriteError(fsError('ENOSPC'), '/a/b/تحليل.mizan', 'ar', 'document')).toBe(
      'القرص ممتلئ: لم يُحفظ «تحليل.mizan»؛ ما زال مستندك مفتوحًا ولم يتغيّر. أفرغ بعض المساحة أو احفظه في مكان آخر.'
    );
    expect(describeWriteError(fsError('EPERM'), '/a/chart.png', 'ar')).toBe(
      'الإذن مرفوض (قد يكون الملف مقفلًا أو محميًا): لم يُحفظ «chart.png»؛ لم يُستبدل أي ملف.'
    );
    expect(describeWriteError(fsError('EWEIRD'), '/a/b.csv')).toBe(
      'Something unexpected went wrong (EWEIRD): "b.csv" was not saved; nothing was overwritten.'
    );
  });

  it('gives the command line the same reasons as phrases', () => {
    expect(systemErrorReason(fsError('ENOSPC'))).toBe('the disk is full');
    expect(systemErrorReason(fsError('ENOTDIR'))).toBe('a part of the path is not a folder');
    expect(systemErrorReason(new Error('x'))).toBe('something unexpected went wrong');
  });
});
