// A nearly full disk for tests: a real tmpfs of a few KiB where the tests run as root and
// mounting is allowed, else a simulated one — the app's file system seam
// (nodeWriteFileSystem.open) is wrapped so that writes into the folder stop at the same
// capacity: a short write first, then ENOSPC, as a real full disk does. Either way the test
// runs and asserts; `mounted` says which one it got.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import { nodeWriteFileSystem, type WritableHandle } from '../../src/node/atomicWrite';

export interface SmallDisk {
  /** A folder on the small disk. */
  dir: string;
  /** A real tmpfs (true) or the simulated disk (false). */
  mounted: boolean;
  /** Unmounts (or stops simulating) and removes the folder. */
  remove(): void;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Whether smallDisk() will try a real tmpfs (as root, unless told to simulate). */
export const mountsSmallDisk = isRoot && process.env.MIZAN_TEST_SIMULATE_DISK !== '1';

/** Bytes used by the files in `dir` and its folders (what the simulated disk holds). */
function usedBytes(dir: string): number {
  let used = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    try {
      used += entry.isDirectory() ? usedBytes(file) : statSync(file).size;
    } catch {
      // Removed meanwhile.
    }
  }
  return used;
}

function enospc(file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), {
    code: 'ENOSPC',
    syscall: 'write',
    errno: -28
  });
}

function simulate(dir: string, bytes: number): () => void {
  const realOpen = nodeWriteFileSystem.open;
  const spy = vi.spyOn(nodeWriteFileSystem, 'open').mockImplementation(async (file, flags, mode) => {
    const handle = await realOpen(file, flags, mode);
    if (!path.resolve(file).startsWith(dir + path.sep) || flags === 'r') return handle;
    const limited: WritableHandle = {
      write: async (buffer, offset, length, position) => {
        const free = bytes - usedBytes(dir);
        if (free <= 0) throw enospc(file);
        return handle.write(buffer, offset, Math.min(length, free), position);
      },
      sync: () => handle.sync(),
      stat: () => handle.stat(),
      chmod: (m) => handle.chmod(m),
      chown: (u, g) => handle.chown(u, g),
      close: () => handle.close()
    };
    return limited;
  });
  return () => spy.mockRestore();
}

/**
 * A folder on a disk of `bytes` bytes (64 KiB by default). Pass `{ simulate: true }` (or set
 * MIZAN_TEST_SIMULATE_DISK=1 for a whole run) to get the simulated disk even as root, to
 * test the fallback itself.
 */
export function smallDisk(bytes = 64 * 1024, options: { simulate?: boolean } = {}): SmallDisk {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mizan-small-disk-'));
  const simulateAnyway = options.simulate || process.env.MIZAN_TEST_SIMULATE_DISK === '1';
  if (isRoot && !simulateAnyway) {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { stdio: 'pipe' });
      return {
        dir,
        mounted: true,
        remove: () => {
          execFileSync('umount', [dir], { stdio: 'pipe' });
          rmSync(dir, { recursive: true, force: true });
        }
      };
    } catch {
      // No mounting here (a container without CAP_SYS_ADMIN): simulate below.
    }
  }
  const stop = simulate(dir, bytes);
  return {
    dir,
    mounted: false,
    remove: () => {
      stop();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
