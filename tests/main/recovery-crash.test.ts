// A real process that keeps recovery copies, killed or quit: what is on disk afterwards.
// The child (recoveryChild.ts) runs under tsx; it schedules a copy whose delay is an hour.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RecoveryStore } from '../../src/main/files/recovery';
import { repoFile, tempDir } from './helpers';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function run(mode: 'wait' | 'flush' | 'quit', dir: string) {
  const child = spawn(process.execPath, [repoFile('node_modules/tsx/dist/cli.mjs'), repoFile('tests/main/recoveryChild.ts'), mode, dir], {
    stdio: ['ignore', 'pipe', 'pipe']
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal }))
  );
  const said = async (line: string) => {
    while (!out.split('\n').includes(line)) {
      if (child.exitCode !== null) throw new Error(`the child ended before "${line}": ${err}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  return { child, exited, said, stderr: () => err };
}

const copy = (dir: string) => path.join(dir, 'unsaved.json');

describe('recovery copies in a process that ends', () => {
  it('quitting through the quit path writes the pending copy before the process exits', async () => {
    const dir = path.join(tempDir(), 'recovery');
    const child = run('quit', dir);
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(copy(dir))).toBe(true);
    expect(JSON.parse(readFileSync(copy(dir), 'utf8')).text).toBe('work since the last save');
  });

  it('killed after a flush: the copy survives the crash, with the file its work belongs to', async () => {
    const dir = path.join(tempDir(), 'recovery');
    const child = run('flush', dir);
    await child.said('flushed');
    child.child.kill('SIGKILL');
    expect((await child.exited).signal).toBe('SIGKILL');
    expect(JSON.parse(readFileSync(copy(dir), 'utf8')).text).toBe('work since the last save');
    // The next session reads it back tied to its file.
    expect(await new RecoveryStore(dir).read('unsaved')).toEqual({
      ok: true,
      text: 'work since the last save',
      file: { path: '/analyses/gulf.mizan', fingerprint: { size: 42, mtimeMs: 1700000000000, sha256: 'ab'.repeat(32) } }
    });
  });

  it('killed before the delay: the copy was never written (the window a crash can lose)', async () => {
    const dir = path.join(tempDir(), 'recovery');
    const child = run('wait', dir);
    await child.said('scheduled');
    child.child.kill('SIGKILL');
    expect((await child.exited).signal).toBe('SIGKILL');
    expect(existsSync(copy(dir))).toBe(false);
  });
});
