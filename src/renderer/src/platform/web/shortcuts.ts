// Keyboard shortcuts for the menu commands, for the web, where there is no native menu.
// (In Electron the menu's accelerators send the same commands.)
import type { MenuCommand } from '../../../../contract/bridge';

export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The letter a shortcut means: the key's own letter on Latin layouts, else the physical key (Arabic layouts). */
function letterOf(event: KeyLike): string {
  if (/^[a-z]$/i.test(event.key)) return event.key.toLowerCase();
  const match = /^Key([A-Z])$/.exec(event.code);
  return match ? match[1].toLowerCase() : '';
}

/** Ctrl (or ⌘ on a Mac) + N, O, S, Shift+S, Z, Shift+Z, Y, and P for the report (the browser's own print would print the workbench). */
export function commandForKey(event: KeyLike): MenuCommand | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const letter = letterOf(event);
  if (event.shiftKey) {
    if (letter === 's') return 'save-as';
    if (letter === 'z') return 'redo';
    return null;
  }
  switch (letter) {
    case 'n':
      return 'new';
    case 'o':
      return 'open';
    case 's':
      return 'save';
    case 'z':
      return 'undo';
    case 'y':
      return 'redo';
    case 'p':
      return 'export:pdf';
    default:
      return null;
  }
}
