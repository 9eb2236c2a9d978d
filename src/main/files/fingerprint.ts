// What a file on disk looked like when Mizan last read or wrote it: its size, modification
// time and the SHA-256 of its bytes. Comparing the disk with it tells whether another program
// changed (or deleted, or moved away) the file behind an open document. The hash decides:
// a change of the same size with the old mtime put back is still a change, and a file only
// touched (new mtime, same bytes) is not.
import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { LIMITS } from '../../engine/format';
import type { DiskState } from '../../contract/bridge';
import { readRegularFile } from '../../node/readFile';
import type { FileSystemDeps } from './documentFiles';

export interface Fingerprint {
  size: number;
  /** Kept for diagnostics; not trusted on its own (an mtime can be set back). */
  mtimeMs: number;
  sha256: string;
}

/** The file operations used: documentFiles' FileSystemDeps (the controller passes its own). */
export type FingerprintFs = Pick<FileSystemDeps, 'stat' | 'readFile'>;

// The app's one reader: only a regular file, at most one byte past the cap.
const nodeFs: FingerprintFs = {
  stat: (file) => fsp.stat(file),
  readFile: (file) => readRegularFile(file, LIMITS.fileBytes)
};

export const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

export function fingerprintOf(bytes: Uint8Array | string, mtimeMs: number): Fingerprint {
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  return { size: data.byteLength, mtimeMs, sha256: sha256(data) };
}

const isGone = (error: unknown) => {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return code === 'ENOENT' || code === 'ENOTDIR';
};

/**
 * Compares the file on disk with what Mizan last saw. 'deleted' covers a file moved or renamed
 * away (nothing is at the path any more, or a folder is). A read error other than "not there"
 * is reported as 'changed': Mizan cannot vouch for the file, so it asks rather than overwrite.
 */
export async function compareWithDisk(
  file: string,
  known: Fingerprint,
  fs: FingerprintFs = nodeFs
): Promise<DiskState> {
  try {
    const stats = await fs.stat(file);
    if (!stats.isFile()) return 'deleted';
    if (stats.size !== known.size) return 'changed';
    return sha256(await fs.readFile(file)) === known.sha256 ? 'same' : 'changed';
  } catch (error) {
    return isGone(error) ? 'deleted' : 'changed';
  }
}

/** The fingerprint of the file as it is now (after Mizan wrote `bytes` to it); mtime 0 when it cannot be read. */
export async function fingerprintAfterWrite(
  file: string,
  bytes: Uint8Array | string,
  fs: FingerprintFs = nodeFs
): Promise<Fingerprint> {
  const mtimeMs = await fs.stat(file).then(
    (s) => s.mtimeMs ?? 0,
    () => 0
  );
  return fingerprintOf(bytes, mtimeMs);
}
