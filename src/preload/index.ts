// The preload script: the one narrow, typed object the renderer sees, as `window.mizan`.
// It is the Electron implementation of the Bridge (src/contract/bridge.ts) over
// ipcRenderer.invoke / send / on with the channel names of src/contract/ipc.ts. The raw
// ipcRenderer is never exposed; every listener returns its unsubscribe function. Dropped
// files arrive through onOpenFile, as in the web platform (see drop.ts). Built as one
// CommonJS bundle (sandboxed preloads cannot load modules): only 'electron' is required.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { MenuCommand, OpenedFile } from '../contract/bridge';
import { listenForDroppedFiles, type DropTarget } from './drop';
import {
  EVENT,
  INVOKE,
  PRELOAD_GLOBAL,
  SEND,
  type InvokeChannel,
  type InvokeResult,
  type PreloadApi
} from '../contract/ipc';

const invoke = <C extends InvokeChannel>(channel: C, payload?: unknown): Promise<InvokeResult[C]> =>
  payload === undefined ? ipcRenderer.invoke(channel) : ipcRenderer.invoke(channel, payload);

/** Subscribes to a main → renderer channel; the handler never sees the IPC event. */
function listen<T>(channel: string, handler: (value: T) => void): () => void {
  const listener = (_event: IpcRendererEvent, value: T) => handler(value);
  ipcRenderer.on(channel, listener);
  return () => {
    ipcRenderer.removeListener(channel, listener);
  };
}

const api = {
  platform: 'electron',
  openFile: () => invoke(INVOKE.openFile),
  openRecent: (handle) => invoke(INVOKE.openRecent, { handle }),
  listRecent: () => invoke(INVOKE.listRecent),
  save: (handle, text, suggestedName, options) =>
    invoke(INVOKE.save, { handle, text, suggestedName, ...(options?.overwrite ? { overwrite: true } : {}) }),
  checkDisk: (handle) => invoke(INVOKE.checkDisk, { handle }),
  saveAs: (text, suggestedName) => invoke(INVOKE.saveAs, { text, suggestedName }),
  writeRecovery: (entry) =>
    invoke(INVOKE.writeRecovery, {
      key: entry.key,
      title: entry.title,
      savedAt: entry.savedAt,
      text: entry.text,
      file: entry.file ?? null
    }),
  clearRecovery: (key) => invoke(INVOKE.clearRecovery, { key }),
  listRecovery: () => invoke(INVOKE.listRecovery),
  readRecovery: (key) => invoke(INVOKE.readRecovery, { key }),
  saveExport: (kind, suggestedName, data) => invoke(INVOKE.saveExport, { kind, suggestedName, data }),
  copyImage: (png) => invoke(INVOKE.copyImage, { png }),
  printReport: (suggestedName) => invoke(INVOKE.printReport, { suggestedName }),
  setDocumentState: (state) => {
    ipcRenderer.send(SEND.documentState, { title: state.title, dirty: state.dirty });
  },
  onMenuCommand: (handler) => listen<MenuCommand>(EVENT.menuCommand, handler),
  onOpenFile: (handler) => {
    const stopListening = listen<OpenedFile>(EVENT.fileOpened, handler);
    const stopDrops = listenForDroppedFiles(
      globalThis as unknown as DropTarget,
      (file) => webUtils.getPathForFile(file as File),
      (path) => invoke(INVOKE.openDropped, { path }),
      handler
    );
    // Main holds files that arrived before anyone listened (a launch with a file); now send them.
    ipcRenderer.send(SEND.readyForFiles);
    return () => {
      stopListening();
      stopDrops();
    };
  },
  getPreferences: () => invoke(INVOKE.getPreferences),
  setPreferences: (preferences) =>
    invoke(INVOKE.setPreferences, {
      ...(preferences.language === undefined ? {} : { language: preferences.language }),
      ...(preferences.theme === undefined ? {} : { theme: preferences.theme })
    })
} satisfies PreloadApi;

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, api);
