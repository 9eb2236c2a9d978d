// A process killed (SIGKILL) in the middle of a save: the old file is byte for byte what it
// was, the half-written temporary file is left beside it under a name that says whose it
// was (.x.mizan.mizan-tmp-<pid>-<n>), and the next write into that folder removes it.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../src/node/atomicWrite';
import { tempDir } from '../main/helpers';

const SCRIPT = path.join(import.meta.dirname, 'fixtures', 'slowWrite.mjs');

describe('a save killed mid-write', () => {
  it('leaves the old file intact and a leftover that the next write into the folder removes', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'x.mizan');
    const old = Buffer.from(JSON.stringify({ old: 'o'.repeat(50_000) }));
    writeFileSync(file, old);
    const total = 4_000_000;

    const child = spawn(process.execPath, [SCRIPT, file, String(total)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const temp = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /^writing (.+)\n/m.exec(out);
        if (match) resolve(match[1]);
      });
      child.on('exit', () => reject(new Error(`the child ended before writing: ${out} ${stderr}`)));
    });
    expect(path.basename(temp)).toBe(`.x.mizan.mizan-tmp-${child.pid}-1`);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    expect(readFileSync(file).equals(old)).toBe(true);
    const leftover = statSync(temp);
    expect(leftover.size).toBeGreaterThan(0);
    expect(leftover.size).toBeLessThan(total);
    expect(readdirSync(dir).sort()).toEqual([path.basename(temp), 'x.mizan']);

    await writeFileAtomically(path.join(dir, 'other.csv'), 'a,b\n');
    expect(readdirSync(dir).sort()).toEqual(['other.csv', 'x.mizan']);
    expect(readFileSync(file).equals(old)).toBe(true);
  });
});
