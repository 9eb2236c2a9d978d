// How many recovery copies are kept, and which go first: the same rule for the desktop
// store (files in userData/recovery) and the web store (IndexedDB). Pure.
import type { RecoveryEntry } from './bridge';

/** A copy as a store keeps it: the renderer's handle id replaced by the store's own link to the file. */
export type StoredRecoveryCopy<Link> = Omit<RecoveryEntry, 'file'> & { file?: Link | null };

/** A copy read back: its text and file link (null for untitled work and for copies from before copies kept their file). */
export type StoredRecoveryRead<Link> =
  { ok: true; text: string; file: Link | null } | { ok: false; reason: 'missing' | 'unreadable' };

/** At most this many copies are kept; the oldest left-behind ones go first. */
export const RECOVERY_MAX_COPIES = 20;

/**
 * The keys to drop so that at most `max` copies remain: the oldest by `savedAt`, never a
 * live one (a document open in this session, whose copy is being kept up to date).
 */
export function copiesToDrop(
  copies: readonly { key: string; savedAt: string }[],
  live: ReadonlySet<string>,
  max = RECOVERY_MAX_COPIES
): string[] {
  const excess = copies.length - max;
  if (excess <= 0) return [];
  return copies
    .filter((copy) => !live.has(copy.key))
    .sort((a, b) => {
      const [x, y] = [timeOf(a.savedAt), timeOf(b.savedAt)];
      return x === y ? 0 : x - y;
    })
    .slice(0, excess)
    .map((copy) => copy.key);
}

/** A date that cannot be read sorts as the oldest. */
function timeOf(iso: string): number {
  const time = Date.parse(iso);
  return Number.isFinite(time) ? time : -Infinity;
}
