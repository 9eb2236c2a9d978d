// The native menu as a pure function of the language and a few facts. Items that concern
// the document (New, Open, Save, Export, Undo/Redo — the app has its own undo stack) send
// a MenuCommand to the focused window's renderer; items that concern windows or the app
// (New Window, Open Recent, Close, Language, Theme) are actions main carries out. Nothing
// here imports Electron at run time: index.ts passes the template to Menu.buildFromTemplate.
import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../engine/format';
import type { ExportKind, MenuCommand, ThemeChoice } from '../contract/bridge';
import { strings } from './i18n';

export type MenuAction =
  | { kind: 'command'; command: MenuCommand }
  | { kind: 'new-window' }
  | { kind: 'close-window' }
  | { kind: 'open-recent'; path: string }
  | { kind: 'clear-recent' }
  | { kind: 'preferences'; language?: Language; theme?: ThemeChoice };

export interface MenuRecentItem {
  path: string;
  name: string;
  location: string;
}

export interface MenuOptions {
  isMac: boolean;
  isDev: boolean;
  recent: readonly MenuRecentItem[];
  theme?: ThemeChoice;
  dispatch?: (action: MenuAction) => void;
}

export const EXPORT_KINDS: readonly ExportKind[] = ['png', 'svg', 'csv', 'pdf'];

/** The names of the languages, each written in itself. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ar: 'العربية' };

export function buildMenuTemplate(language: Language, options: MenuOptions): MenuItemConstructorOptions[] {
  const t = strings(language);
  const { isMac, isDev } = options;
  const dispatch = options.dispatch ?? (() => undefined);
  const act = (action: MenuAction) => () => dispatch(action);
  const command = (value: MenuCommand) => act({ kind: 'command', command: value });
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const recentItems: MenuItemConstructorOptions[] =
    options.recent.length === 0
      ? [{ id: 'recent-none', label: t.noRecent, enabled: false }]
      : options.recent.map((item, index) => ({
          id: `recent-${index}`,
          label: item.name.replace(/&/g, '&&'),
          sublabel: item.location,
          toolTip: item.location,
          click: act({ kind: 'open-recent', path: item.path })
        }));

  const fileMenu: MenuItemConstructorOptions = {
    id: 'file',
    label: t.file,
    submenu: [
      { id: 'new', label: t.new, accelerator: 'CmdOrCtrl+N', click: command('new') },
      { id: 'new-window', label: t.newWindow, accelerator: 'Shift+CmdOrCtrl+N', click: act({ kind: 'new-window' }) },
      sep,
      { id: 'open', label: t.open, accelerator: 'CmdOrCtrl+O', click: command('open') },
      {
        id: 'open-recent',
        label: t.openRecent,
        submenu: [
          ...recentItems,
          sep,
          {
            id: 'clear-recent',
            label: t.clearRecent,
            enabled: options.recent.length > 0,
            click: act({ kind: 'clear-recent' })
          }
        ]
      },
      sep,
      { id: 'save', label: t.save, accelerator: 'CmdOrCtrl+S', click: command('save') },
      { id: 'save-as', label: t.saveAs, accelerator: 'Shift+CmdOrCtrl+S', click: command('save-as') },
      sep,
      {
        id: 'export',
        label: t.export,
        submenu: [
          { id: 'export-copy', label: t.copyChartImage, click: command('export:copy') },
          sep,
          ...EXPORT_KINDS.map((kind) => ({
            id: `export-${kind}`,
            label: t.exportKinds[kind],
            // The report is what a print shortcut is expected to make.
            ...(kind === 'pdf' ? { accelerator: 'CmdOrCtrl+P' } : {}),
            click: command(`export:${kind}`)
          }))
        ]
      },
      sep,
      { id: 'close', label: t.close, accelerator: 'CmdOrCtrl+W', click: act({ kind: 'close-window' }) },
      ...(isMac ? [] : [sep, { id: 'quit', label: t.quit, role: 'quit', accelerator: 'Ctrl+Q' } as const])
    ]
  };

  const editMenu: MenuItemConstructorOptions = {
    id: 'edit',
    label: t.edit,
    submenu: [
      { id: 'undo', label: t.undo, accelerator: 'CmdOrCtrl+Z', click: command('undo') },
      { id: 'redo', label: t.redo, accelerator: isMac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y', click: command('redo') },
      // The other usual Redo shortcut, without a second visible item.
      {
        id: 'redo-alt',
        label: t.redo,
        accelerator: isMac ? 'CmdOrCtrl+Y' : 'Shift+CmdOrCtrl+Z',
        visible: false,
        acceleratorWorksWhenHidden: true,
        click: command('redo')
      },
      sep,
      { id: 'cut', label: t.cut, role: 'cut' },
      { id: 'copy', label: t.copy, role: 'copy' },
      { id: 'paste', label: t.paste, role: 'paste' },
      sep,
      { id: 'select-all', label: t.selectAll, role: 'selectAll' }
    ]
  };

  const theme = options.theme ?? 'system';
  const themes: [ThemeChoice, string][] = [
    ['system', t.themeSystem],
    ['light', t.themeLight],
    ['dark', t.themeDark]
  ];
  const viewMenu: MenuItemConstructorOptions = {
    id: 'view',
    label: t.view,
    submenu: [
      {
        id: 'language',
        label: t.language,
        submenu: (['en', 'ar'] as const).map((value) => ({
          id: `language-${value}`,
          label: LANGUAGE_NAMES[value],
          type: 'radio',
          checked: value === language,
          click: act({ kind: 'preferences', language: value })
        }))
      },
      {
        id: 'theme',
        label: t.theme,
        submenu: themes.map(([value, label]) => ({
          id: `theme-${value}`,
          label,
          type: 'radio',
          checked: value === theme,
          click: act({ kind: 'preferences', theme: value })
        }))
      },
      sep,
      { id: 'zoom-reset', label: t.actualSize, role: 'resetZoom' },
      { id: 'zoom-in', label: t.zoomIn, role: 'zoomIn' },
      { id: 'zoom-out', label: t.zoomOut, role: 'zoomOut' },
      sep,
      { id: 'full-screen', label: t.fullScreen, role: 'togglefullscreen' },
      ...(isDev
        ? [
            sep,
            { id: 'reload', label: t.reload, role: 'forceReload' } as const,
            { id: 'dev-tools', label: t.devTools, role: 'toggleDevTools' } as const
          ]
        : [])
    ]
  };

  const helpMenu: MenuItemConstructorOptions = {
    id: 'help',
    label: t.help,
    role: 'help',
    submenu: [
      { id: 'help-model', label: t.howModelWorks, click: command('help-model') },
      ...(isMac ? [] : [sep, { id: 'about', label: t.about, click: command('about') }])
    ]
  };

  const template: MenuItemConstructorOptions[] = [fileMenu, editMenu, viewMenu];
  if (isMac) {
    template.unshift({
      id: 'app',
      label: t.appName,
      submenu: [
        { id: 'about', label: t.about, role: 'about' },
        sep,
        { id: 'services', label: t.services, role: 'services' },
        sep,
        { id: 'hide', label: t.hide, role: 'hide' },
        { id: 'hide-others', label: t.hideOthers, role: 'hideOthers' },
        { id: 'show-all', label: t.showAll, role: 'unhide' },
        sep,
        { id: 'quit', label: t.quitApp, role: 'quit' }
      ]
    });
    template.push({ id: 'window', label: t.window, role: 'windowMenu' });
  }
  template.push(helpMenu);
  return template;
}

/** Finds an item by id anywhere in a template (for index.ts and tests). */
export function findMenuItem(
  template: readonly MenuItemConstructorOptions[],
  id: string
): MenuItemConstructorOptions | undefined {
  for (const item of template) {
    if (item.id === id) return item;
    if (Array.isArray(item.submenu)) {
      const found = findMenuItem(item.submenu, id);
      if (found) return found;
    }
  }
  return undefined;
}
