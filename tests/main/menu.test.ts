// The native menu template: the items and accelerators in both languages, commands sent to
// the renderer, DevTools only in development.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { plain } from '../../src/main/i18n';
import { buildMenuTemplate, findMenuItem, type MenuAction } from '../../src/main/menu';

const base = { isMac: false, isDev: false, recent: [] };

const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as unknown as (() => void) | undefined)?.();

function allIds(template: readonly MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [
    ...(item.id ? [item.id] : []),
    ...(Array.isArray(item.submenu) ? allIds(item.submenu) : [])
  ]);
}

describe('buildMenuTemplate', () => {
  const expected: [string, string | undefined][] = [
    ['new', 'CmdOrCtrl+N'],
    ['new-window', 'Shift+CmdOrCtrl+N'],
    ['open', 'CmdOrCtrl+O'],
    ['save', 'CmdOrCtrl+S'],
    ['save-as', 'Shift+CmdOrCtrl+S'],
    ['close', 'CmdOrCtrl+W'],
    ['undo', 'CmdOrCtrl+Z'],
    ['redo', 'CmdOrCtrl+Y'],
    ['redo-alt', 'Shift+CmdOrCtrl+Z'],
    ['export-pdf', 'CmdOrCtrl+P']
  ];

  it.each(['en', 'ar'] as const)('has the File, Edit, View and Help items with their accelerators (%s)', (language) => {
    const template = buildMenuTemplate(language, base);
    expect(template.map((m) => m.id)).toEqual(['file', 'edit', 'view', 'help']);
    for (const [id, accelerator] of expected) {
      const item = findMenuItem(template, id);
      expect(item, id).toBeDefined();
      expect(item?.accelerator, id).toBe(accelerator);
      expect(item?.label, id).toBeTruthy();
    }
    for (const id of [
      'open-recent',
      'export',
      'export-copy',
      'export-png',
      'export-svg',
      'export-csv',
      'export-pdf',
      'cut',
      'copy',
      'paste',
      'select-all',
      'language-en',
      'language-ar',
      'theme-system',
      'theme-light',
      'theme-dark',
      'zoom-in',
      'zoom-out',
      'zoom-reset',
      'full-screen',
      'help-model',
      'about',
      'quit'
    ]) {
      expect(findMenuItem(template, id), id).toBeDefined();
    }
  });

  it('speaks the chosen language', () => {
    const en = buildMenuTemplate('en', base);
    const ar = buildMenuTemplate('ar', base);
    expect(plain(en[0].label!)).toBe('File');
    expect(ar[0].label).toBe('ملف');
    expect(plain(findMenuItem(en, 'save-as')!.label!)).toBe('Save As…');
    expect(findMenuItem(ar, 'save-as')!.label).toBe('حفظ باسم…');
    expect(findMenuItem(ar, 'undo')!.label).toBe('تراجع');
    expect(findMenuItem(ar, 'help-model')!.label).toBe('كيف يعمل النموذج');
    expect(findMenuItem(ar, 'about')!.label).toBe('حول ميزان');
    // The language names are written in themselves in both menus.
    for (const t of [en, ar]) {
      expect(findMenuItem(t, 'language-en')!.label).toBe('English');
      expect(findMenuItem(t, 'language-ar')!.label).toBe('العربية');
    }
    // Every label of the Arabic menu differs from the English one, except the language names.
    const labels = (t: MenuItemConstructorOptions[]) =>
      allIds(t)
        .map((id) => [id, findMenuItem(t, id)!.label] as const)
        .filter(([id]) => !id.startsWith('language-'));
    const arLabels = new Map(labels(ar));
    for (const [id, label] of labels(en)) if (label) expect(arLabels.get(id), id).not.toBe(label);
  });

  it('has Toggle DevTools (and Reload) only in development', () => {
    expect(findMenuItem(buildMenuTemplate('en', base), 'dev-tools')).toBeUndefined();
    expect(findMenuItem(buildMenuTemplate('en', base), 'reload')).toBeUndefined();
    expect(findMenuItem(buildMenuTemplate('en', { ...base, isDev: true }), 'dev-tools')?.role).toBe('toggleDevTools');
    expect(findMenuItem(buildMenuTemplate('ar', { ...base, isDev: true }), 'dev-tools')?.label).toBe('أدوات المطوّر');
  });

  it('sends document commands to the renderer (Undo/Redo too: the app has its own undo stack)', () => {
    const dispatch = vi.fn<(action: MenuAction) => void>();
    const template = buildMenuTemplate('en', { ...base, dispatch });
    const commands: [string, string][] = [
      ['new', 'new'],
      ['open', 'open'],
      ['save', 'save'],
      ['save-as', 'save-as'],
      ['undo', 'undo'],
      ['redo', 'redo'],
      ['redo-alt', 'redo'],
      ['export-copy', 'export:copy'],
      ['export-png', 'export:png'],
      ['export-svg', 'export:svg'],
      ['export-csv', 'export:csv'],
      ['export-pdf', 'export:pdf'],
      ['help-model', 'help-model'],
      ['about', 'about']
    ];
    for (const [id, command] of commands) {
      dispatch.mockClear();
      click(findMenuItem(template, id));
      expect(dispatch, id).toHaveBeenCalledWith({ kind: 'command', command });
    }
    expect(findMenuItem(template, 'undo')?.role).toBeUndefined();
    expect(findMenuItem(template, 'copy')?.role).toBe('copy');
    dispatch.mockClear();
    click(findMenuItem(template, 'new-window'));
    click(findMenuItem(template, 'close'));
    click(findMenuItem(template, 'language-ar'));
    click(findMenuItem(template, 'theme-dark'));
    expect(dispatch.mock.calls.map(([a]) => a)).toEqual([
      { kind: 'new-window' },
      { kind: 'close-window' },
      { kind: 'preferences', language: 'ar' },
      { kind: 'preferences', theme: 'dark' }
    ]);
  });

  it('checks the current language and theme', () => {
    const template = buildMenuTemplate('ar', { ...base, theme: 'light' });
    expect(findMenuItem(template, 'language-ar')?.checked).toBe(true);
    expect(findMenuItem(template, 'language-en')?.checked).toBe(false);
    expect(findMenuItem(template, 'theme-light')?.checked).toBe(true);
    expect(findMenuItem(template, 'theme-system')?.checked).toBe(false);
  });

  it('lists recent files (opened by path in main), or says there are none', () => {
    const dispatch = vi.fn();
    const empty = buildMenuTemplate('en', { ...base, dispatch });
    expect(findMenuItem(empty, 'recent-none')?.enabled).toBe(false);
    expect(findMenuItem(empty, 'clear-recent')?.enabled).toBe(false);
    const recent = [
      { path: '/w/R&D.mizan', name: 'R&D.mizan', location: '/w' },
      { path: '/w/b.mizan', name: 'b.mizan', location: '/w' }
    ];
    const template = buildMenuTemplate('en', { ...base, recent, dispatch });
    expect(findMenuItem(template, 'recent-0')?.label).toBe('R&&D.mizan');
    click(findMenuItem(template, 'recent-1'));
    expect(dispatch).toHaveBeenCalledWith({ kind: 'open-recent', path: '/w/b.mizan' });
    click(findMenuItem(template, 'clear-recent'));
    expect(dispatch).toHaveBeenCalledWith({ kind: 'clear-recent' });
  });

  it('on macOS: an app menu with About and Quit, a Window menu, Redo on Shift+Cmd+Z', () => {
    const template = buildMenuTemplate('en', { ...base, isMac: true });
    expect(template.map((m) => m.id)).toEqual(['app', 'file', 'edit', 'view', 'window', 'help']);
    expect(findMenuItem(template, 'about')?.role).toBe('about');
    expect(findMenuItem(template, 'quit')?.label).toBe('Quit Mizan');
    expect(findMenuItem(template, 'redo')?.accelerator).toBe('Shift+CmdOrCtrl+Z');
    expect(findMenuItem(template, 'redo-alt')?.accelerator).toBe('CmdOrCtrl+Y');
    const file = template.find((m) => m.id === 'file')!.submenu as MenuItemConstructorOptions[];
    expect(file.some((item) => item.role === 'quit')).toBe(false);
    expect(findMenuItem(buildMenuTemplate('ar', { ...base, isMac: true }), 'quit')?.label).toBe('إنهاء ميزان');
  });
});
