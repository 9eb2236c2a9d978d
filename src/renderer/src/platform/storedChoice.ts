// Small choices the renderer remembers in localStorage (the layout, the CSV byte-order mark):
// read and written as JSON under one key, never failing — storage that is full, denied or
// holds something unreadable means the choice is simply not remembered.

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The stored JSON value under `key`, or undefined when there is none or it cannot be read. */
export function readStoredChoice(storage: StorageLike | undefined, key: string): unknown {
  try {
    const raw = storage?.getItem(key);
    return raw ? JSON.parse(raw) : undefined;
  } catch {
    return undefined;
  }
}

export function writeStoredChoice(storage: StorageLike | undefined, key: string, value: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or denied: the choice is simply not remembered.
  }
}
