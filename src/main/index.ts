// The Electron main process: wiring only. Every decision lives in a plain module that is
// tested without Electron (files/, handles, windowState, security, appProtocol, ipc, menu,
// menuActions, launch, preferences, documents, controller, quit); this file hands them
// Electron's objects. It cannot
// run where the Electron binary is missing (see docs/DESKTOP.md).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  clipboard,
  ClipboardItem,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  nativeTheme,
  protocol,
  screen,
  session,
  shell
} from 'electron';
import type { MenuCommand } from '../contract/bridge';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppRequest } from './appProtocol';
import { filesFromArgv } from './argv';
import { MainController } from './controller';
import { closeAnswer, closePromptOptions } from './dialogs';
import { DocumentWindows } from './documents';
import { RecentFiles } from './files/recentFiles';
import { RecoveryStore } from './files/recovery';
import { FileHandles } from './handles';
import { strings } from './i18n';
import { registerIpc } from './ipc';
import { Launcher } from './launch';
import { buildMenuTemplate } from './menu';
import { menuDispatcher, preferenceCommands } from './menuActions';
import { PreferencesStore } from './preferences';
import { QuitFlow } from './quit';
import {
  hardenSession,
  hardenWebContents,
  isAllowedRequestUrl,
  isTrustedSenderUrl,
  secureWebPreferences
} from './security';
import { cascade, MIN_SIZE, placeWindow, WindowStateStore, type WindowState } from './windowState';

const isMac = process.platform === 'darwin';
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const isDev = !app.isPackaged;
const here = path.dirname(fileURLToPath(import.meta.url)); // out/main
const rendererDir = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');
const iconPath = app.isPackaged
  ? path.join(process.resourcesPath, 'icons', '512x512.png')
  : path.join(here, '../../resources/icons/512x512.png');

const log = (message: string) => console.error(`[mizan] ${message}`);

// Must happen before `ready`: app:// is a standard, secure origin for the built renderer.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);

// Every WebContents the app ever creates gets the deny-by-default handlers.
app.on('web-contents-created', (_event, contents) => {
  hardenWebContents(contents, (url) => void shell.openExternal(url));
});

if (!app.requestSingleInstanceLock()) {
  // Another Mizan is running: it receives our argv in 'second-instance' and opens the files.
  app.quit();
} else {
  start();
}

function start(): void {
  const userData = app.getPath('userData');
  const windows = new DocumentWindows();
  const byId = new Map<number, BrowserWindow>();
  const handles = new FileHandles();
  const recent = new RecentFiles(path.join(userData, 'recent.json'));
  const recovery = new RecoveryStore(path.join(userData, 'recovery'), { onError: log });
  const preferences = new PreferencesStore(path.join(userData, 'preferences.json'), () => app.getLocale());
  const windowStates = new WindowStateStore(path.join(userData, 'window-state.json'));
  let recentPaths: readonly string[] = [];

  const focusedId = (): number | null => {
    const win = BrowserWindow.getFocusedWindow() ?? [...byId.values()][0];
    return win && !win.isDestroyed() ? win.webContents.id : null;
  };

  const controller = new MainController({
    handles,
    recent,
    recovery,
    preferences,
    windows,
    isMac,
    async showOpenDialog(windowId, options) {
      const win = windowId === null ? undefined : byId.get(windowId);
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async showSaveDialog(windowId, options) {
      const win = windowId === null ? undefined : byId.get(windowId);
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    showMessage(windowId, options) {
      const win = windowId === null ? undefined : byId.get(windowId);
      void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
    },
    defaultDirectory: () => app.getPath('documents'),
    send(windowId, channel, payload) {
      const win = byId.get(windowId);
      if (win && !win.isDestroyed()) win.webContents.send(channel, payload);
    },
    setWindowTitle(windowId, title, dirty) {
      const win = byId.get(windowId);
      if (!win || win.isDestroyed()) return;
      win.setTitle(title);
      if (isMac) win.setDocumentEdited(dirty);
    },
    closeWindow(windowId) {
      // After the reply to the renderer's save has gone out.
      setImmediate(() => byId.get(windowId)?.close());
    },
    createWindow: () => createWindow(),
    focusedWindowId: focusedId,
    revealWindow(windowId) {
      const win = byId.get(windowId);
      if (!win || win.isDestroyed()) return;
      if (win.isMinimized()) win.restore();
      if (win.isVisible()) win.focus();
    },
    onRecentChanged(paths, touched) {
      recentPaths = paths;
      if (touched) app.addRecentDocument(touched);
      if (paths.length === 0) app.clearRecentDocuments();
      void rebuildMenu();
    },
    onPreferencesChanged(next, changed, fromWindow) {
      nativeTheme.themeSource = next.theme;
      void rebuildMenu();
      for (const id of byId.keys()) {
        if (id === fromWindow) continue;
        for (const command of preferenceCommands(changed)) controller.sendCommand(id, command);
      }
    },
    onCloseAborted() {
      quit.closeAborted();
    },
    async writeImageToClipboard(png) {
      const image = nativeImage.createFromBuffer(Buffer.from(png));
      if (image.isEmpty()) throw new Error('the data is not a PNG image');
      // Electron 44 replaced clipboard.writeImage with the W3C-style, asynchronous write().
      await clipboard.write([new ClipboardItem({ 'image/png': new Blob([image.toPNG()], { type: 'image/png' }) })]);
    },
    async printToPdf(windowId) {
      const win = byId.get(windowId);
      if (!win || win.isDestroyed()) throw new Error('the window was closed');
      // The page size, margins and page numbers come from the report's own @page rules.
      const pdf = await win.webContents.printToPDF({
        printBackground: true,
        preferCSSPageSize: true,
        generateTaggedPDF: true,
        generateDocumentOutline: true
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    },
    log
  });

  const quit = new QuitFlow({
    windows,
    async askClose(windowId) {
      const win = byId.get(windowId);
      if (!win || win.isDestroyed()) return 'cancel';
      const prefs = await preferences.get();
      const { response } = await dialog.showMessageBox(
        win,
        closePromptOptions(prefs.language, windows.get(windowId)?.title ?? '')
      );
      return closeAnswer(response);
    },
    save: (windowId) => controller.sendCommand(windowId, 'save' satisfies MenuCommand),
    close: (windowId) => byId.get(windowId)?.close(),
    quit: () => app.quit(),
    isMac,
    flush: () => recovery.flush(),
    log
  });
  quit.attach(app);

  const dispatchMenu = menuDispatcher({
    controller,
    focusedWindowId: focusedId,
    createWindow: () => createWindow(),
    closeFocusedWindow: () => BrowserWindow.getFocusedWindow()?.close()
  });

  const launcher = new Launcher(
    {
      openFromOs: (file) => controller.openFromOs(file),
      reopenLast: () => controller.reopenLast(),
      createWindow: () => createWindow(),
      windowCount: () => byId.size,
      revealWindow() {
        const win = BrowserWindow.getFocusedWindow() ?? [...byId.values()][0];
        if (!win) return false;
        if (win.isMinimized()) win.restore();
        win.focus();
        return true;
      }
    },
    filesFromArgv(process.argv, process.cwd())
  );

  async function rebuildMenu(): Promise<void> {
    const prefs = await preferences.get();
    const template = buildMenuTemplate(prefs.language, {
      isMac,
      isDev,
      theme: prefs.theme,
      recent: recentPaths.map((file) => ({ path: file, name: path.basename(file), location: path.dirname(file) })),
      dispatch: dispatchMenu
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  let savedState: WindowState | undefined;

  function createWindow(): number {
    const areas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
    const placed = placeWindow(savedState, areas);
    const previous = BrowserWindow.getFocusedWindow();
    const bounds = previous
      ? cascade(previous.getNormalBounds(), 28, screen.getDisplayMatching(previous.getBounds()).workArea)
      : placed.bounds;
    const win = new BrowserWindow({
      ...bounds,
      minWidth: MIN_SIZE.width,
      minHeight: MIN_SIZE.height,
      show: false,
      title: 'Mizan',
      icon: isMac ? undefined : iconPath,
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1d22' : '#ffffff',
      webPreferences: secureWebPreferences(preloadPath, { devTools: isDev })
    });
    const id = win.webContents.id;
    byId.set(id, win);
    windows.add(id);
    if (placed.maximized && !previous) win.maximize();
    win.once('ready-to-show', () => win.show());

    win.on('close', (event) => {
      if (quit.closeRequested(id, event) !== 'close') return;
      // The last window closed sets where the next one opens.
      savedState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
      void windowStates.save(savedState);
    });
    win.on('closed', () => {
      byId.delete(id);
      quit.windowClosed(controller.windowClosed(id));
    });
    win.webContents.on('render-process-gone', (_event, details) => {
      log(`renderer gone (${details.reason})`);
      if (details.reason === 'clean-exit' || win.isDestroyed()) return;
      // The page starts over; its unsaved work is in the recovery copies, which it will find.
      const old = windows.reset(id);
      void recovery.release(old?.recoveryKeys ?? []).then(() => {
        if (!win.isDestroyed()) win.reload();
      });
    });

    void (devServerUrl ? win.loadURL(devServerUrl) : win.loadURL(APP_ENTRY_URL));
    return id;
  }

  app.on('second-instance', (_event, argv, workingDirectory) => {
    launcher.secondInstance(filesFromArgv(argv, workingDirectory));
  });

  // macOS: a file opened from Finder or dropped on the Dock icon; may come before `ready`.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    launcher.openFile(file);
  });

  app.on('activate', () => launcher.activate());

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    // Offline by construction: the page loads only app:// (or the dev server), whatever the CSP says.
    session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
      const allowed = isAllowedRequestUrl(details.url, devServerUrl);
      if (!allowed) log(`blocked request to ${details.url.slice(0, 200)}`);
      callback({ cancel: !allowed });
    });
    protocol.handle(APP_SCHEME, async (request) => {
      const answer = await serveAppRequest(request.url, request.method, rendererDir);
      return new Response(answer.body as ConstructorParameters<typeof Response>[0], {
        status: answer.status,
        headers: answer.headers
      });
    });
    registerIpc(
      ipcMain,
      { invoke: controller.invokeHandlers(), send: controller.sendHandlers() },
      { isTrustedSender: (url) => isTrustedSenderUrl(url, devServerUrl), log }
    );

    const prefs = await preferences.get();
    nativeTheme.themeSource = prefs.theme;
    app.setAboutPanelOptions({
      applicationName: strings(prefs.language).appName,
      applicationVersion: app.getVersion(),
      version: '',
      copyright: strings(prefs.language).aboutCopyright,
      ...(isMac ? {} : { iconPath })
    });
    savedState = await windowStates.load();
    recentPaths = await recent.list();
    await rebuildMenu();
    await launcher.start();
  });
}
