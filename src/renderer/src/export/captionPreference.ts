// Whether the app's exported pictures (PNG, SVG, copied images) carry the caption — the
// document's title, the date and the judgement-aid line: the choice made in the export
// dialog, remembered in localStorage across sessions, as the CSV byte-order mark is.

import { readStoredChoice, writeStoredChoice, type StorageLike } from '../platform/storedChoice';

export const CAPTION_STORAGE_KEY = 'mizan.export.caption';

/** The choice last saved; a caption until the analyst turns it off (or when storage is unreadable). */
export function loadCaption(storage: StorageLike | undefined): boolean {
  return (readStoredChoice(storage, CAPTION_STORAGE_KEY) as { caption?: unknown } | undefined)?.caption !== false;
}

export function saveCaption(storage: StorageLike | undefined, caption: boolean): void {
  writeStoredChoice(storage, CAPTION_STORAGE_KEY, { caption });
}
