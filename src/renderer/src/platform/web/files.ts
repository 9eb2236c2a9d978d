// Opening and saving files in the browser. With the File System Access API (Chromium): a
// .mizan picker, and Save writes the same file again unless another program changed it.
// Elsewhere: an <input type=file> to open, and Save downloads the file. Files over the size
// cap or not UTF-8 are refused with a message naming them.
import { stripBidiControls } from '../../../../engine/export/bidi';
import { fileTooLarge, LIMITS } from '../../../../engine/format';
import type { Bridge, FileHandleId, OpenedFile, Outcome, SavedFile } from '../../../../contract/bridge';
import { chooseWithInput, download } from './dialogs';
import { canceled, failure, isAbort, isNotFound, messageOf } from './errors';
import {
  compareWithDisk,
  EXPORT_TYPES,
  MIZAN_TYPE,
  seenAfterWrite,
  seenOf,
  permitted,
  writeHandle,
  type Pickers
} from './handles';
import type { RecentFiles } from './recent';

export interface WebFilesDeps {
  win: Window;
  /** The File System Access API's pickers; null where the browser lacks them. */
  pickers: Pickers | null;
  recent: RecentFiles;
  newId: () => FileHandleId;
}

export type WebFiles = Pick<Bridge, 'openFile' | 'openRecent' | 'save' | 'saveAs' | 'checkDisk' | 'saveExport'> & {
  /** Reads a file the person chose or dropped: refused over the size cap or when not UTF-8. */
  read(file: File, handle: FileSystemFileHandle | null): Promise<Outcome<OpenedFile>>;
};

/** The name for a save picker or a download: no bidi controls (they can disguise the extension). */
export function withExtension(name: string, extension: string): string {
  const plain = stripBidiControls(name);
  return plain.toLowerCase().endsWith(extension) ? plain : `${plain}${extension}`;
}

export function createWebFiles({ win, pickers, recent, newId }: WebFilesDeps): WebFiles {
  const { remember, inTab, find, forget } = recent;
  async function read(file: File, handle: FileSystemFileHandle | null): Promise<Outcome<OpenedFile>> {
    if (file.size > LIMITS.fileBytes) {
      return failure(`${file.name} ${fileTooLarge(file.size)}.`);
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

  async function saveAs(text: string, suggestedName: string): Promise<Outcome<SavedFile>> {
    const name = withExtension(suggestedName, '.mizan');
    if (!pickers) {
      download(win, text, name, 'application/octet-stream');
      return { ok: true, value: { handle: await remember(name, null), name } };
    }
    try {
      const handle = await pickers.showSaveFilePicker({ suggestedName: name, types: [MIZAN_TYPE] });
      await writeHandle(handle, text);
      const id = await remember(handle.name, handle, null, await seenAfterWrite(handle));
      return { ok: true, value: { handle: id, name: handle.name } };
    } catch (error) {
      return isAbort(error) ? canceled : failure(messageOf(error));
    }
  }

  return {
    read,
    saveAs,

    async openFile() {
      if (!pickers) {
        const file = await chooseWithInput(win.document, '.mizan');
        return file ? read(file, null) : canceled;
      }
      try {
        const [handle] = await pickers.showOpenFilePicker({ types: [MIZAN_TYPE], multiple: false });
        if (!handle) return canceled;
        return await read(await handle.getFile(), handle);
      } catch (error) {
        return isAbort(error) ? canceled : failure(messageOf(error));
      }
    },

    async openRecent(id) {
      const entry = await find(id);
      if (!entry) return failure('This file is no longer in the recent list.');
      if (!entry.handle)
        return failure(`This browser cannot reopen ${entry.name} by its name: choose it again with Open…`);
      try {
        if (!(await permitted(entry.handle, 'read')))
          return failure(messageOf(new DOMException('', 'NotAllowedError')));
        return await read(await entry.handle.getFile(), entry.handle);
      } catch (error) {
        if (isNotFound(error)) await forget(id);
        return failure(messageOf(error));
      }
    },

    async save(id, text, suggestedName, options) {
      const entry = id === null ? undefined : inTab(id);
      if (!entry || id === null) return saveAs(text, suggestedName);
      if (!entry.handle) {
        download(win, text, entry.name, 'application/octet-stream');
        await remember(entry.name, null, id);
        return { ok: true, value: { handle: id, name: entry.name } };
      }
      try {
        // Permission first: without it the browser cannot tell whether the file changed (a
        // file restored from a recovery copy in a new tab has none yet).
        if (!(await permitted(entry.handle, 'readwrite'))) throw new DOMException('', 'NotAllowedError');
        // Another program changed or removed the file since this tab read or wrote it: ask first.
        if (!options?.overwrite && entry.seen) {
          const disk = await compareWithDisk(entry.handle, entry.seen);
          if (disk !== 'same') return { ok: false, conflict: disk };
        }
        await writeHandle(entry.handle, text);
        await remember(entry.name, entry.handle, id, await seenAfterWrite(entry.handle));
        return { ok: true, value: { handle: id, name: entry.name } };
      } catch (error) {
        return failure(messageOf(error));
      }
    },

    async checkDisk(id) {
      const entry = inTab(id);
      return entry?.handle && entry.seen ? compareWithDisk(entry.handle, entry.seen) : 'same';
    },

    async saveExport(kind, suggestedName, data) {
      const type = EXPORT_TYPES[kind];
      const name = withExtension(suggestedName, `.${kind}`);
      const mime = Object.keys(type.accept)[0];
      const blob = data as BlobPart;
      if (!pickers) {
        download(win, blob, name, mime);
        return { ok: true, value: { handle: await remember(name, null), name } };
      }
      try {
        const handle = await pickers.showSaveFilePicker({ suggestedName: name, types: [type] });
        await writeHandle(handle, blob);
        return { ok: true, value: { handle: newId(), name: handle.name } };
      } catch (error) {
        return isAbort(error) ? canceled : failure(messageOf(error));
      }
    }
  };
}
