// The browser platform (`npm run web`, the end-to-end tests), composed from one module per
// concern:
//   files.ts        open, save, save as, exports: the File System Access API (handles.ts)
//                   where the browser has it, else <input type=file> and downloads (dialogs.ts)
//   drop.ts         files dropped on the window
//   recent.ts       the files this tab knows and the recent list (IndexedDB, storage.ts)
//   recovery.ts     recovery copies (IndexedDB) and the Web Locks that tell live tabs from gone ones
//   preferences.ts  language and theme (localStorage)
//   page.ts         the closing prompt, keyboard shortcuts (shortcuts.ts), clipboard, print
// The web build aliases `#platform` to this file (renderer.vite.ts); the desktop build never
// bundles it.
import type { Bridge } from '../../../../contract/bridge';
import type { Platform, PlatformFactory } from '../types';
import { onDroppedFile } from './drop';
import { createWebFiles } from './files';
import { pickersOf } from './handles';
import { createWebPage } from './page';
import { createWebPreferences } from './preferences';
import { createRecentFiles } from './recent';
import { createWebRecovery } from './recovery';
import { WebStorage } from './storage';

export function webPlatform(win: Window & typeof globalThis = window): Platform {
  const pickers = pickersOf(win);
  const storage = new WebStorage(win.indexedDB);
  const newId = () =>
    typeof win.crypto?.randomUUID === 'function' ? win.crypto.randomUUID() : `f${Date.now()}${Math.random()}`;
  const recent = createRecentFiles(storage, newId);
  const { read, ...files } = createWebFiles({ win, pickers, recent, newId });

  const bridge: Bridge = {
    platform: 'web',
    ...files,
    ...createWebRecovery(win.navigator.locks, storage, recent),
    ...createWebPreferences(win),
    ...createWebPage(win),
    listRecent: recent.list,
    lastFile: recent.last,
    onOpenFile: (handler) => onDroppedFile(win, pickers !== null, read, handler)
  };
  const fsAccess = pickers !== null;
  return { bridge, capabilities: { writesInPlace: fsAccess, reopensRecent: fsAccess } };
}

export const createPlatform: PlatformFactory = webPlatform;
