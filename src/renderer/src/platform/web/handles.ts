// The File System Access API (Chromium): the pickers, permissions, writing through a handle,
// and noticing that another program changed the file since this tab last read or wrote it.
import type { DiskState, ExportKind } from '../../../../contract/bridge';
import { isNotFound } from './errors';

// The File System Access API is not in TypeScript's DOM library yet.
export interface PickerType {
  description: string;
  accept: Record<string, string[]>;
}
export interface Pickers {
  showOpenFilePicker: (options: {
    types: PickerType[];
    multiple?: boolean;
    excludeAcceptAllOption?: boolean;
  }) => Promise<FileSystemFileHandle[]>;
  showSaveFilePicker: (options: {
    suggestedName?: string;
    types: PickerType[];
    excludeAcceptAllOption?: boolean;
  }) => Promise<FileSystemFileHandle>;
}
interface PermissionHandle {
  queryPermission?: (descriptor: { mode: 'read' | 'readwrite' }) => Promise<PermissionState>;
  requestPermission?: (descriptor: { mode: 'read' | 'readwrite' }) => Promise<PermissionState>;
}

export const MIZAN_TYPE: PickerType = {
  description: 'Mizan scenario',
  accept: { 'application/x-mizan+json': ['.mizan'] }
};
export const EXPORT_TYPES: Record<ExportKind, PickerType> = {
  png: { description: 'PNG image', accept: { 'image/png': ['.png'] } },
  svg: { description: 'SVG image', accept: { 'image/svg+xml': ['.svg'] } },
  csv: { description: 'CSV table', accept: { 'text/csv': ['.csv'] } },
  pdf: { description: 'PDF report', accept: { 'application/pdf': ['.pdf'] } }
};

/** The window's pickers, or null where the browser has not both (then files go by <input> and download). */
export function pickersOf(win: object): Pickers | null {
  const w = win as Partial<Pickers>;
  return typeof w.showOpenFilePicker === 'function' && typeof w.showSaveFilePicker === 'function'
    ? (w as Pickers)
    : null;
}

/** What the browser says of a file: its size and last modification time (it offers no more). */
export interface Seen {
  size: number;
  lastModified: number;
}
export const seenOf = (file: File): Seen => ({ size: file.size, lastModified: file.lastModified });

/** The file behind `handle` compared with what this tab last read or wrote; 'same' when the browser cannot tell. */
export async function compareWithDisk(handle: FileSystemFileHandle, seen: Seen): Promise<DiskState> {
  try {
    const file = await handle.getFile();
    return file.size === seen.size && file.lastModified === seen.lastModified ? 'same' : 'changed';
  } catch (error) {
    return isNotFound(error) ? 'deleted' : 'same';
  }
}

/** How the file looks right after this tab wrote it (null when it cannot be read back). */
export const seenAfterWrite = (handle: FileSystemFileHandle): Promise<Seen | null> =>
  handle.getFile().then(seenOf, () => null);

/** Whether this tab may use the file in `mode`, asking the person when the browser wants to. */
export async function permitted(handle: FileSystemFileHandle, mode: 'read' | 'readwrite'): Promise<boolean> {
  const h = handle as FileSystemFileHandle & PermissionHandle;
  if (typeof h.queryPermission !== 'function') return true;
  if ((await h.queryPermission({ mode })) === 'granted') return true;
  return typeof h.requestPermission === 'function' && (await h.requestPermission({ mode })) === 'granted';
}

/** Writes through the handle: the browser swaps the file in on close, and an aborted write leaves it as it was. */
export async function writeHandle(handle: FileSystemFileHandle, data: BlobPart): Promise<void> {
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
