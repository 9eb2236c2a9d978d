// The divider between the editor and the analysis: its position is the editor's share of
// the width, in percent, kept within bounds and remembered in localStorage.

import { readStoredChoice, writeStoredChoice, type StorageLike } from '../../platform/storedChoice';

export const SPLIT = { min: 30, max: 70, initial: 50, step: 2, page: 10 } as const;
export const SPLIT_STORAGE_KEY = 'mizan.layout';

export function clampShare(share: number): number {
  if (!Number.isFinite(share)) return SPLIT.initial;
  return Math.min(SPLIT.max, Math.max(SPLIT.min, Math.round(share * 10) / 10));
}

/**
 * The share after a key on the divider, or null for a key it does not handle. Arrows move
 * the divider the way they point: in right-to-left the editor is on the right, so the left
 * arrow widens it.
 */
export function shareAfterKey(share: number, key: string, rtl: boolean): number | null {
  const towardEnd = rtl ? -1 : 1; // +1 when moving right widens the editor
  switch (key) {
    case 'ArrowRight':
      return clampShare(share + towardEnd * SPLIT.step);
    case 'ArrowLeft':
      return clampShare(share - towardEnd * SPLIT.step);
    case 'PageUp':
      return clampShare(share + SPLIT.page);
    case 'PageDown':
      return clampShare(share - SPLIT.page);
    case 'Home':
      return SPLIT.min;
    case 'End':
      return SPLIT.max;
    default:
      return null;
  }
}

/** The share for a pointer at `x` over a workbench spanning [left, left + width]. */
export function shareAtPointer(x: number, left: number, width: number, rtl: boolean): number {
  if (!(width > 0)) return SPLIT.initial;
  const fromStart = rtl ? left + width - x : x - left;
  return clampShare((fromStart / width) * 100);
}

export function loadShare(storage: StorageLike | undefined): number {
  const value = (readStoredChoice(storage, SPLIT_STORAGE_KEY) as { editorShare?: unknown } | undefined)?.editorShare;
  return typeof value === 'number' ? clampShare(value) : SPLIT.initial;
}

export function saveShare(storage: StorageLike | undefined, share: number): void {
  writeStoredChoice(storage, SPLIT_STORAGE_KEY, { editorShare: clampShare(share) });
}
