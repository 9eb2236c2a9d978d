// Real temporary folders for the main-process tests, removed after each test.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mizan-main-'));
  made.push(dir);
  return dir;
}

export const repoFile = (...parts: string[]) => path.join(import.meta.dirname, '..', '..', ...parts);

/** An error like the ones Node's fs raises. */
export function fsError(code: string, syscall = 'rename'): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated failure, ${syscall}`), { code, syscall, errno: -1 });
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
