// How the web platform answers when the person cancels or the browser refuses: the browser's
// exceptions (DOMException names) turned into sentences for the person.

export const canceled = { ok: false, canceled: true } as const;
export const failure = (error: string) => ({ ok: false, error }) as const;

/** The person closed a picker without choosing. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export function isNotFound(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'NotFoundError';
}

export function messageOf(error: unknown): string {
  if (error instanceof DOMException) {
    if (error.name === 'NotAllowedError') return 'The browser did not allow access to the file.';
    if (error.name === 'NotFoundError') return 'The file no longer exists where it was.';
    if (error.name === 'SecurityError') return 'The browser refused: please use the button again.';
    if (error.name === 'QuotaExceededError') return 'There is not enough space to write the file.';
  }
  return error instanceof Error ? error.message : String(error);
}
