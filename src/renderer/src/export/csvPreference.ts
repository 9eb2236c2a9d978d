// Whether the app's CSV exports start with a UTF-8 byte-order mark (for Excel): the choice
// made in the CSV export dialog, remembered in localStorage across sessions, as the layout is.

export const CSV_BOM_STORAGE_KEY = 'mizan.export.csv';

interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The choice last saved; no mark until one is chosen (or when storage is unreadable). */
export function loadCsvBom(storage: StorageLike | undefined): boolean {
  try {
    const raw = storage?.getItem(CSV_BOM_STORAGE_KEY);
    return raw ? (JSON.parse(raw) as { bom?: unknown }).bom === true : false;
  } catch {
    return false;
  }
}

export function saveCsvBom(storage: StorageLike | undefined, bom: boolean): void {
  try {
    storage?.setItem(CSV_BOM_STORAGE_KEY, JSON.stringify({ bom }));
  } catch {
    // Storage full or denied: the choice is simply not remembered.
  }
}
