// Reading a file that changes between the size check and the read: another write lands right
// after stat() (injected: stat is wrapped to do it), as it would from another program.
import { execFileSync } from 'node:child_process';
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../src/engine/format';
import { readScenarioFile } from '../../src/cli/files';
import { useTempDir } from './helpers';

const afterStat = vi.hoisted(() => ({ run: undefined as undefined | ((path: string) => Promise<void>) }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    stat: async (...args: Parameters<typeof real.stat>) => {
      const info = await real.stat(...args);
      const hook = afterStat.run;
      afterStat.run = undefined;
      if (hook) await hook(String(args[0]));
      return info;
    }
  };
});

const DEFAULT = resolve(__dirname, '../../resources/scenarios/ashgabat-2024.mizan');
const temp = useTempDir('mizan-races-');

describe('a file that changes after its size was checked', () => {
  beforeEach(() => {
    afterStat.run = undefined;
  });

  it('growing past the cap is cut one byte after it and refused, not read whole', async () => {
    const path = join(temp.path, 'growing.mizan');
    await writeFile(path, await readFile(DEFAULT));
    let grown = 0;
    afterStat.run = async (p) => {
      // 30 MB more: three times the cap.
      const block = Buffer.alloc(1024 * 1024, 0x20);
      for (let i = 0; i < 30; i++) await appendFile(p, block);
      grown = 30 * block.length;
    };
    const result = await readScenarioFile(path);
    expect(grown).toBe(30 * 1024 * 1024);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: '',
          message: 'is too large (it grew past the limit while being read; Mizan opens files of at most 10 MB)'
        }
      ]
    });
  });

  it('growing within the cap is read whole, up to its new end, not to the size stat() saw', async () => {
    const path = join(temp.path, 'grows-a-little.mizan');
    const whole = await readFile(DEFAULT);
    const half = Math.floor(whole.length / 2);
    // stat() sees the first half (not JSON on its own); the rest, then 5 MB of spaces, land after it.
    await writeFile(path, whole.subarray(0, half));
    afterStat.run = async (p) => {
      await appendFile(p, whole.subarray(half));
      await appendFile(p, Buffer.alloc(LIMITS.fileBytes / 2, 0x20));
    };
    const result = await readScenarioFile(path);
    expect(result.ok).toBe(true);
  });

  it('swapped for a named pipe after stat is refused on the opened handle, at once', { timeout: 10_000 }, async () => {
    const path = join(temp.path, 'swapped.mizan');
    await writeFile(path, await readFile(DEFAULT));
    afterStat.run = async (p) => {
      await rm(p);
      execFileSync('mkfifo', [p]);
    };
    expect(await readScenarioFile(path)).toEqual({
      ok: false,
      problems: [{ path: '', message: 'not a regular file (a named pipe)' }]
    });
  });
});
