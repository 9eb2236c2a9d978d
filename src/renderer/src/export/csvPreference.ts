// Whether the app's CSV exports start with a UTF-8 byte-order mark (for Excel): the choice
// made in the CSV export dialog, remembered in localStorage across sessions, as the layout is.

import { readStoredChoice, writeStoredChoice, type StorageLike } from '../platform/storedChoice';

export const CSV_BOM_STORAGE_KEY = 'mizan.export.csv';

/** The choice last saved; no mark until one is chosen (or when storage is unreadable). */
export function loadCsvBom(storage: StorageLike | undefined): boolean {
  return (readStoredChoice(storage, CSV_BOM_STORAGE_KEY) as { bom?: unknown } | undefined)?.bom === true;
}

export function saveCsvBom(storage: StorageLike | undefined, bom: boolean): void {
  writeStoredChoice(storage, CSV_BOM_STORAGE_KEY, { bom });
}
