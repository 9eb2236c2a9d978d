// The shortcuts the toolbar shows (src/renderer/src/ui/shortcuts.ts): as Windows and Linux
// label them and as a Mac does, and every key for aria-keyshortcuts, checked against the keys
// the web's handler (platform/web/shortcuts.ts) actually runs as the same command.
import { describe, expect, it } from 'vitest';
import { commandForKey } from '../../src/renderer/src/platform/web/shortcuts';
import {
  SHORTCUTS,
  ariaShortcut,
  isMac,
  shortcutLabel,
  withShortcut,
  type ShortcutName
} from '../../src/renderer/src/ui/shortcuts';

describe('shortcut labels', () => {
  it('reads Ctrl+… on Windows and Linux and ⌘… on a Mac', () => {
    expect(shortcutLabel('save', false)).toBe('Ctrl+S');
    expect(shortcutLabel('saveAs', false)).toBe('Ctrl+Shift+S');
    expect(shortcutLabel('redo', false)).toBe('Ctrl+Y');
    expect(shortcutLabel('save', true)).toBe('⌘S');
    expect(shortcutLabel('saveAs', true)).toBe('⇧⌘S');
    expect(shortcutLabel('redo', true)).toBe('⇧⌘Z');
    expect(withShortcut('حفظ', 'save', false)).toBe('حفظ (Ctrl+S)');
  });

  it('tells a Mac by its user agent', () => {
    expect(isMac({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)' })).toBe(true);
    expect(isMac({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64)' })).toBe(false);
    expect(isMac({ userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)' })).toBe(false);
  });

  it('lists Control and Meta forms for aria-keyshortcuts', () => {
    expect(ariaShortcut('new')).toBe('Control+N Meta+N');
    expect(ariaShortcut('redo')).toBe('Control+Y Meta+Y Control+Shift+Z Meta+Shift+Z');
  });

  const COMMANDS: Record<ShortcutName, string> = {
    new: 'new',
    open: 'open',
    save: 'save',
    saveAs: 'save-as',
    undo: 'undo',
    redo: 'redo',
    report: 'export:pdf'
  };

  it.each(Object.keys(SHORTCUTS) as ShortcutName[])('every key shown for %s runs that command in the web', (name) => {
    for (const combo of ariaShortcut(name).split(' ')) {
      const parts = combo.split('+');
      const key = parts.at(-1)!;
      const event = {
        key: parts.includes('Shift') ? key : key.toLowerCase(),
        code: `Key${key}`,
        ctrlKey: parts.includes('Control'),
        metaKey: parts.includes('Meta'),
        shiftKey: parts.includes('Shift'),
        altKey: false
      };
      expect(commandForKey(event), combo).toBe(COMMANDS[name]);
    }
  });
});
