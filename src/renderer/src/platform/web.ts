// The browser platform (`npm run web`, the end-to-end tests).
//   Files: the File System Access API where the browser has it (Chromium): a .mizan picker,
//     and Save writes the same file again. Elsewhere an <input type=file> to open, and Save
//     downloads the file through an <a download> link.
//   Recent files: IndexedDB; with the file's handle where there is one (reopened after the
//     browser asks for permission), else only names, which the interface says it cannot reopen.
//   Recovery copies: IndexedDB. Each tab holds a Web Lock named after its key while it lives,
//     so a copy whose lock is free was left by a tab that closed or crashed.
//   Preferences: localStorage. Menu commands: keyboard shortcuts (no native menu).
import { stripBidiControls } from '../../../engine/export/bidi';
import { LIMITS } from '../../../engine/format';
import type {
  Bridge,
  DiskState,
  ExportKind,
  FileHandleId,
  MenuCommand,
  OpenedFile,
  Outcome,
  Preferences,
  RecentFile,
  RecoveryEntry,
  SavedFile,
  SaveOutcome,
  ThemeChoice
} from '../../../contract/bridge';
import { commandForKey } from './shortcuts';
import type { Platform } from './types';
import { WebStorage, type RecentRecord } from './web-storage';

// The File System Access API is not in TypeScript's DOM library yet.
interface PickerType {
  description: string;
  accept: Record<string, string[]>;
}
interface PickerWindow {
  showOpenFilePicker?: (options: {
    types: PickerType[];
    multiple?: boolean;
    excludeAcceptAllOption?: boolean;
  }) => Promise<FileSystemFileHandle[]>;
  showSaveFilePicker?: (options: {
    suggestedName?: string;
    types: PickerType[];
    excludeAcceptAllOption?: boolean;
  }) => Promise<FileSystemFileHandle>;
}
interface PermissionHandle {
  queryPermission?: (descriptor: { mode: 'read' | 'readwrite' }) => Promise<PermissionState>;
  requestPermission?: (descriptor: { mode: 'read' | 'readwrite' }) => Promise<PermissionState>;
}

const MIZAN_TYPE: PickerType = { description: 'Mizan scenario', accept: { 'application/x-mizan+json': ['.mizan'] } };
const EXPORT_TYPES: Record<ExportKind, PickerType> = {
  png: { description: 'PNG image', accept: { 'image/png': ['.png'] } },
  svg: { description: 'SVG image', accept: { 'image/svg+xml': ['.svg'] } },
  csv: { description: 'CSV table', accept: { 'text/csv': ['.csv'] } },
  pdf: { description: 'PDF report', accept: { 'application/pdf': ['.pdf'] } }
};
const PREFERENCES_KEY = 'mizan.preferences';
const RECENT_MAX = 10;
const LOCK_PREFIX = 'mizan-window:';

const canceled = { ok: false, canceled: true } as const;
const failure = (error: string) => ({ ok: false, error }) as const;

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function messageOf(error: unknown): string {
  if (error instanceof DOMException) {
    if (error.name === 'NotAllowedError') return 'The browser did not allow access to the file.';
    if (error.name === 'NotFoundError') return 'The file no longer exists where it was.';
    if (error.name === 'SecurityError') return 'The browser refused: please use the button again.';
    if (error.name === 'QuotaExceededError') return 'There is not enough space to write the file.';
  }
  return error instanceof Error ? error.message : String(error);
}

/** What the browser says of a file: its size and last modification time (it offers no more). */
interface Seen {
  size: number;
  lastModified: number;
}
const seenOf = (file: File): Seen => ({ size: file.size, lastModified: file.lastModified });

/** The file behind `handle` compared with what this tab last read or wrote; 'same' when the browser cannot tell. */
async function compareWithDisk(handle: FileSystemFileHandle, seen: Seen): Promise<DiskState> {
  try {
    const file = await handle.getFile();
    return file.size === seen.size && file.lastModified === seen.lastModified ? 'same' : 'changed';
  } catch (error) {
    return error instanceof DOMException && error.name === 'NotFoundError' ? 'deleted' : 'same';
  }
}

/** How the file looks right after this tab wrote it (null when it cannot be read back). */
const seenAfterWrite = (handle: FileSystemFileHandle): Promise<Seen | null> =>
  handle.getFile().then(seenOf, () => null);

/** The name for a save picker or a download: no bidi controls (they can disguise the extension). */
function withExtension(name: string, extension: string): string {
  const plain = stripBidiControls(name);
  return plain.toLowerCase().endsWith(extension) ? plain : `${plain}${extension}`;
}

export function webPlatform(win: Window & typeof globalThis = window): Platform {
  const pickers = win as unknown as PickerWindow;
  const fsAccess = typeof pickers.showOpenFilePicker === 'function' && typeof pickers.showSaveFilePicker === 'function';
  const storage = new WebStorage(win.indexedDB);
  const doc = win.document;

  /**
   * Files opened or saved in this tab: id → the file's handle (null: known only by name) and
   * how it looked when last read or written here (to notice changes by other programs).
   */
  const files = new Map<FileHandleId, { name: string; handle: FileSystemFileHandle | null; seen: Seen | null }>();
  const newId = () =>
    typeof win.crypto?.randomUUID === 'function' ? win.crypto.randomUUID() : `f${Date.now()}${Math.random()}`;

  async function remember(
    name: string,
    handle: FileSystemFileHandle | null,
    known: FileHandleId | null = null,
    seen: Seen | null = null
  ): Promise<FileHandleId> {
    // The same file again keeps its id, so the recent list has one entry per file.
    let id: FileHandleId | null = known;
    try {
      if (id === null)
        for (const record of await storage.recent()) {
          if (handle && record.handle && (await record.handle.isSameEntry(handle).catch(() => false))) id = record.id;
          else if (!handle && !record.handle && record.name === name) id = record.id;
        }
    } catch {
      // No IndexedDB (private mode in some browsers): this tab still works.
    }
    id ??= newId();
    files.set(id, { name, handle, seen });
    const record: RecentRecord = { id, name, usedAt: Date.now(), ...(handle ? { handle } : {}) };
    await storage.putRecent(record).catch(() => undefined);
    return id;
  }

  async function readFile(file: File, handle: FileSystemFileHandle | null): Promise<Outcome<OpenedFile>> {
    if (file.size > LIMITS.fileBytes) {
      return failure(
        `${file.name} is too large (${file.size} bytes; Mizan opens files of at most ${LIMITS.fileBytes / 1048576} MB).`
      );
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
    } catch {
      return failure(`${file.name} is not UTF-8 text (it may be a binary file or use another text encoding).`);
    }
    const id = await remember(file.name, handle, null, seenOf(file));
    return { ok: true, value: { handle: id, name: file.name, text } };
  }

  /** The <input type=file> path: resolves null when the person cancels. */
  function chooseWithInput(accept: string): Promise<File | null> {
    return new Promise((resolve) => {
      const input = doc.createElement('input');
      input.type = 'file';
      input.accept = accept;
      input.hidden = true;
      const done = (file: File | null) => {
        input.remove();
        resolve(file);
      };
      input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
      input.addEventListener('cancel', () => done(null), { once: true });
      doc.body.append(input);
      input.click();
    });
  }

  function download(data: BlobPart, name: string, type: string) {
    const url = URL.createObjectURL(new Blob([data], { type }));
    const link = doc.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    doc.body.append(link);
    link.click();
    link.remove();
    win.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  async function permitted(handle: FileSystemFileHandle, mode: 'read' | 'readwrite'): Promise<boolean> {
    const h = handle as FileSystemFileHandle & PermissionHandle;
    if (typeof h.queryPermission !== 'function') return true;
    if ((await h.queryPermission({ mode })) === 'granted') return true;
    return typeof h.requestPermission === 'function' && (await h.requestPermission({ mode })) === 'granted';
  }

  /** Writes through the File System Access API: the browser swaps the file in on close. */
  async function writeHandle(handle: FileSystemFileHandle, data: BlobPart): Promise<void> {
    if (!(await permitted(handle, 'readwrite'))) throw new DOMException('permission', 'NotAllowedError');
    const writable = await handle.createWritable();
    try {
      await writable.write(data as FileSystemWriteChunkType);
      await writable.close();
    } catch (error) {
      await writable.abort().catch(() => undefined);
      throw error;
    }
  }

  async function saveAs(text: string, suggestedName: string): Promise<Outcome<SavedFile>> {
    const name = withExtension(suggestedName, '.mizan');
    if (!fsAccess) {
      download(text, name, 'application/octet-stream');
      return { ok: true, value: { handle: await remember(name, null), name } };
    }
    try {
      const handle = await pickers.showSaveFilePicker!({ suggestedName: name, types: [MIZAN_TYPE] });
      await writeHandle(handle, text);
      const id = await remember(handle.name, handle, null, await seenAfterWrite(handle));
      return { ok: true, value: { handle: id, name: handle.name } };
    } catch (error) {
      return isAbort(error) ? canceled : failure(messageOf(error));
    }
  }

  // ---- recovery: a Web Lock per live tab ---------------------------------------------------
  const heldKeys = new Set<string>();
  function holdLock(key: string) {
    if (heldKeys.has(key)) return;
    heldKeys.add(key);
    void win.navigator.locks
      ?.request(`${LOCK_PREFIX}${key}`, () => new Promise<void>(() => undefined))
      .catch(() => undefined);
  }
  async function liveKeys(): Promise<Set<string>> {
    const live = new Set(heldKeys);
    try {
      const snapshot = await win.navigator.locks?.query();
      for (const lock of snapshot?.held ?? []) {
        if (lock.name?.startsWith(LOCK_PREFIX)) live.add(lock.name.slice(LOCK_PREFIX.length));
      }
    } catch {
      // No Web Locks: only this tab's own copies are known to be live.
    }
    return live;
  }

  // ---- unsaved-changes guard on closing the tab --------------------------------------------
  let dirty = false;
  win.addEventListener('beforeunload', (event) => {
    if (!dirty) return;
    event.preventDefault();
    // Older browsers need returnValue set to show the prompt.
    event.returnValue = '';
  });

  const bridge: Bridge = {
    platform: 'web',

    async openFile() {
      if (!fsAccess) {
        const file = await chooseWithInput('.mizan');
        return file ? readFile(file, null) : canceled;
      }
      try {
        const [handle] = await pickers.showOpenFilePicker!({ types: [MIZAN_TYPE], multiple: false });
        if (!handle) return canceled;
        return await readFile(await handle.getFile(), handle);
      } catch (error) {
        return isAbort(error) ? canceled : failure(messageOf(error));
      }
    },

    async openRecent(id) {
      let entry = files.get(id) ?? null;
      if (!entry) {
        const record = (await storage.recent().catch(() => [] as RecentRecord[])).find((r) => r.id === id);
        if (record) entry = { name: record.name, handle: record.handle ?? null, seen: null };
      }
      if (!entry) return failure('This file is no longer in the recent list.');
      if (!entry.handle)
        return failure(`This browser cannot reopen ${entry.name} by its name: choose it again with Open…`);
      try {
        if (!(await permitted(entry.handle, 'read')))
          return failure(messageOf(new DOMException('', 'NotAllowedError')));
        return await readFile(await entry.handle.getFile(), entry.handle);
      } catch (error) {
        if (error instanceof DOMException && error.name === 'NotFoundError')
          await storage.deleteRecent(id).catch(() => undefined);
        return failure(messageOf(error));
      }
    },

    async listRecent(): Promise<RecentFile[]> {
      const records = await storage.recent().catch(() => [] as RecentRecord[]);
      return records
        .sort((a, b) => b.usedAt - a.usedAt)
        .slice(0, RECENT_MAX)
        .map((r) => ({ handle: r.id, name: r.name, location: '' }));
    },

    async save(id, text, suggestedName, options): Promise<SaveOutcome> {
      const entry = id === null ? undefined : files.get(id);
      if (!entry || id === null) return saveAs(text, suggestedName);
      if (!entry.handle) {
        download(text, entry.name, 'application/octet-stream');
        await remember(entry.name, null, id);
        return { ok: true, value: { handle: id, name: entry.name } };
      }
      // Another program changed or removed the file since this tab read or wrote it: ask first.
      if (!options?.overwrite && entry.seen) {
        const disk = await compareWithDisk(entry.handle, entry.seen);
        if (disk !== 'same') return { ok: false, conflict: disk };
      }
      try {
        await writeHandle(entry.handle, text);
        await remember(entry.name, entry.handle, id, await seenAfterWrite(entry.handle));
        return { ok: true, value: { handle: id, name: entry.name } };
      } catch (error) {
        return failure(messageOf(error));
      }
    },

    saveAs,

    async checkDisk(id) {
      const entry = files.get(id);
      return entry?.handle && entry.seen ? compareWithDisk(entry.handle, entry.seen) : 'same';
    },

    async writeRecovery(entry: RecoveryEntry) {
      holdLock(entry.key);
      await storage.putRecovery(entry);
    },

    async clearRecovery(key) {
      await storage.deleteRecovery(key);
    },

    async listRecovery() {
      return storage.listRecovery(await liveKeys());
    },

    readRecovery: (key) => storage.readRecovery(key),

    async saveExport(kind, suggestedName, data) {
      const type = EXPORT_TYPES[kind];
      const name = withExtension(suggestedName, `.${kind}`);
      const mime = Object.keys(type.accept)[0];
      const blob = data as BlobPart;
      if (!fsAccess) {
        download(blob, name, mime);
        return { ok: true, value: { handle: await remember(name, null), name } };
      }
      try {
        const handle = await pickers.showSaveFilePicker!({ suggestedName: name, types: [type] });
        await writeHandle(handle, blob);
        return { ok: true, value: { handle: newId(), name: handle.name } };
      } catch (error) {
        return isAbort(error) ? canceled : failure(messageOf(error));
      }
    },

    async copyImage(png) {
      try {
        const blob = new Blob([png as BlobPart], { type: 'image/png' });
        await win.navigator.clipboard.write([new win.ClipboardItem({ 'image/png': blob })]);
        return { ok: true, value: null };
      } catch (error) {
        if (error instanceof DOMException && error.name === 'NotAllowedError')
          return failure('The browser did not allow Mizan to use the clipboard.');
        return failure(messageOf(error));
      }
    },

    async printReport() {
      // The browser's own dialog prints (or saves as PDF) what @media print shows: the report.
      win.print();
      return { ok: true, value: null };
    },

    setDocumentState(state) {
      dirty = state.dirty;
    },

    onMenuCommand(handler: (command: MenuCommand) => void) {
      const listener = (event: KeyboardEvent) => {
        if (event.defaultPrevented || (event.repeat && !/^(z|y)$/i.test(event.key))) return;
        const command = commandForKey(event);
        if (!command) return;
        event.preventDefault();
        handler(command);
      };
      win.addEventListener('keydown', listener);
      return () => win.removeEventListener('keydown', listener);
    },

    onOpenFile(handler: (file: OpenedFile) => void) {
      // Files dropped on the window.
      const over = (event: DragEvent) => {
        if (event.dataTransfer?.types.includes('Files')) {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
        }
      };
      const drop = (event: DragEvent) => {
        const item = event.dataTransfer?.items?.[0];
        const file = event.dataTransfer?.files?.[0];
        if (!file) return;
        event.preventDefault();
        void (async () => {
          let handle: FileSystemFileHandle | null = null;
          const withHandle = item as
            (DataTransferItem & { getAsFileSystemHandle?: () => Promise<FileSystemHandle | null> }) | undefined;
          if (fsAccess && withHandle?.getAsFileSystemHandle) {
            const h = await withHandle.getAsFileSystemHandle().catch(() => null);
            if (h && h.kind === 'file') handle = h as FileSystemFileHandle;
          }
          const outcome = await readFile(file, handle);
          if (outcome.ok) handler(outcome.value);
        })();
      };
      win.addEventListener('dragover', over);
      win.addEventListener('drop', drop);
      return () => {
        win.removeEventListener('dragover', over);
        win.removeEventListener('drop', drop);
      };
    },

    async getPreferences(): Promise<Preferences> {
      const fallback: Preferences = {
        language: win.navigator.language?.toLowerCase().startsWith('ar') ? 'ar' : 'en',
        theme: 'system'
      };
      try {
        const stored = JSON.parse(win.localStorage.getItem(PREFERENCES_KEY) ?? '{}') as Partial<Preferences>;
        return {
          language: stored.language === 'ar' || stored.language === 'en' ? stored.language : fallback.language,
          theme: (['system', 'light', 'dark'] as ThemeChoice[]).includes(stored.theme as ThemeChoice)
            ? (stored.theme as ThemeChoice)
            : fallback.theme
        };
      } catch {
        return fallback;
      }
    },

    async setPreferences(preferences) {
      const current = await bridge.getPreferences();
      try {
        win.localStorage.setItem(PREFERENCES_KEY, JSON.stringify({ ...current, ...preferences }));
      } catch {
        // Storage full or disabled: the choice holds for this tab.
      }
    }
  };

  return { bridge, capabilities: { writesInPlace: fsAccess, reopensRecent: fsAccess } };
}
