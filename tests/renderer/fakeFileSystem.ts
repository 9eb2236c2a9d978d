// Files on a fake disk behind FileSystemFileHandle-like objects, as the File System Access API
// hands them out: read with getFile(), written with createWritable() (the file changes on
// close, an aborted write leaves it as it was), permissions asked with query/requestPermission.
// Also the pickers of a window that has the API, and the recent list as IndexedDB keeps it.
import type { RecentStore } from '../../src/renderer/src/platform/web/recent';
import type { RecentRecord } from '../../src/renderer/src/platform/web/storage';

/** A file on the fake disk. */
export class FakeDiskFile {
  text: string;
  lastModified: number;
  gone = false;
  /** What queryPermission answers; requestPermission answers `onRequest`. */
  permission: PermissionState = 'granted';
  onRequest: PermissionState = 'granted';
  /** How many times the browser asked the person for permission. */
  requests = 0;
  /** Set to make the next write fail (as a full disk does); the file keeps its text. */
  writeFails: DOMException | null = null;
  /** How many writes were aborted. */
  aborted = 0;
  readonly name: string;
  private readonly clock: { now: number };
  readonly handle: ReturnType<FakeDiskFile['makeHandle']>;
  constructor(name: string, text: string, clock: { now: number }) {
    this.name = name;
    this.text = text;
    this.clock = clock;
    this.lastModified = clock.now;
    this.handle = this.makeHandle();
  }
  /** Another program writes the file. */
  outsideWrite(text: string) {
    this.text = text;
    this.lastModified = ++this.clock.now;
  }
  private makeHandle() {
    return {
      kind: 'file' as const,
      name: this.name,
      getFile: async () => {
        if (this.gone) throw new DOMException('A requested file could not be found', 'NotFoundError');
        return new File([this.text], this.name, { lastModified: this.lastModified });
      },
      createWritable: async () => {
        let written = '';
        return {
          write: async (data: unknown) => {
            if (this.writeFails) throw this.writeFails;
            written += String(data);
          },
          close: async () => {
            this.gone = false;
            this.outsideWrite(written);
          },
          abort: async () => {
            this.aborted++;
          }
        };
      },
      isSameEntry: async (other: { name?: string }) => other?.name === this.name,
      queryPermission: async () => this.permission,
      requestPermission: async () => {
        this.requests++;
        if (this.onRequest === 'granted') this.permission = 'granted';
        return this.onRequest;
      }
    };
  }
}

export const asHandle = (file: FakeDiskFile) => file.handle as unknown as FileSystemFileHandle;

/** The two pickers of a Chromium window; `choose` says what the next pick returns (or throws). */
export function fakePickers(choose: () => FakeDiskFile | DOMException) {
  const suggested: string[] = [];
  const pick = async () => {
    const chosen = choose();
    if (chosen instanceof DOMException) throw chosen;
    return asHandle(chosen);
  };
  return {
    suggested,
    pickers: {
      showOpenFilePicker: async () => [await pick()],
      showSaveFilePicker: async (options: { suggestedName?: string }) => {
        suggested.push(options.suggestedName ?? '');
        return pick();
      }
    }
  };
}

/** What a picker throws when the person closes it without choosing. */
export const aborted = () => new DOMException('The user aborted a request.', 'AbortError');

/** The recent list in memory, shared by the "tabs" of one test (handles kept, as Chromium does). */
export function memoryRecentStore(): RecentStore & { records: Map<string, RecentRecord> } {
  const records = new Map<string, RecentRecord>();
  return {
    records,
    recent: async () => [...records.values()],
    putRecent: async (record) => void records.set(record.id, record),
    deleteRecent: async (id) => void records.delete(id)
  };
}
