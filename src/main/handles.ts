// The renderer never sees or sends a path on disk: main keeps each file's location behind
// an opaque, unguessable handle and hands the renderer only the handle and the file's name.
// A handle main did not give out is refused.
import { randomUUID } from 'node:crypto';
import path from 'node:path';

export class UnknownHandleError extends Error {
  constructor() {
    super('Mizan no longer knows where this file is. Open it again, or use Save As.');
    this.name = 'UnknownHandleError';
  }
}

export class FileHandles {
  private readonly byHandle = new Map<string, string>();
  private readonly byPath = new Map<string, string>();

  constructor(private readonly newId: () => string = randomUUID) {}

  /** The handle for an absolute path; the same path always gets the same handle. */
  handleFor(file: string): string {
    if (!path.isAbsolute(file)) throw new Error('A file handle needs an absolute path.');
    const absolute = path.normalize(file);
    const known = this.byPath.get(absolute);
    if (known) return known;
    const handle = this.newId();
    this.byHandle.set(handle, absolute);
    this.byPath.set(absolute, handle);
    return handle;
  }

  /** The path behind a handle; throws UnknownHandleError for a handle main never gave out. */
  pathOf(handle: string): string {
    const file = typeof handle === 'string' ? this.byHandle.get(handle) : undefined;
    if (file === undefined) throw new UnknownHandleError();
    return file;
  }

  has(handle: string): boolean {
    return this.byHandle.has(handle);
  }

  get size(): number {
    return this.byHandle.size;
  }
}
