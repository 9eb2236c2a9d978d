// The file and edit commands' keyboard shortcuts as the toolbar shows them: in each button's
// tooltip ("Save (Ctrl+S)", "Save (⌘S)" on a Mac) and aria-keyshortcuts, and beside the report
// in the Export menu. The keys are those of the desktop menu (src/main/menu.ts) and of the
// web's handler (platform/web/shortcuts.ts).

/** A shortcut: Ctrl (⌘ on a Mac), maybe Shift, and a letter. */
interface Combo {
  key: string;
  shift?: boolean;
}

interface Shortcut {
  /** What Windows and Linux show. */
  pc: Combo;
  /** What a Mac shows. */
  mac: Combo;
}

const same = (combo: Combo): Shortcut => ({ pc: combo, mac: combo });

export const SHORTCUTS = {
  new: same({ key: 'N' }),
  open: same({ key: 'O' }),
  save: same({ key: 'S' }),
  saveAs: same({ key: 'S', shift: true }),
  undo: same({ key: 'Z' }),
  redo: { pc: { key: 'Y' }, mac: { key: 'Z', shift: true } },
  report: same({ key: 'P' })
} satisfies Record<string, Shortcut>;

export type ShortcutName = keyof typeof SHORTCUTS;

/** True on a Mac (or an iPad), where shortcuts use ⌘. */
export function isMac(navigator: Pick<Navigator, 'userAgent'>): boolean {
  return /Mac|iPhone|iPad/.test(navigator.userAgent);
}

/** The shortcut as the keyboard labels it: "Ctrl+Shift+S", or "⇧⌘S" on a Mac. */
export function shortcutLabel(name: ShortcutName, mac: boolean): string {
  const shortcut: Shortcut = SHORTCUTS[name];
  const { key, shift } = mac ? shortcut.mac : shortcut.pc;
  return mac ? `${shift ? '⇧' : ''}⌘${key}` : `Ctrl+${shift ? 'Shift+' : ''}${key}`;
}

/** A button's tooltip: its label and its shortcut, "Save (Ctrl+S)". */
export function withShortcut(label: string, name: ShortcutName, mac: boolean): string {
  return `${label} (${shortcutLabel(name, mac)})`;
}

/** Every key of the shortcut for aria-keyshortcuts: "Control+S Meta+S". */
export function ariaShortcut(name: ShortcutName): string {
  const shortcut: Shortcut = SHORTCUTS[name];
  const keys = [shortcut.pc, shortcut.mac].flatMap(({ key, shift }) =>
    ['Control', 'Meta'].map((mod) => `${mod}+${shift ? 'Shift+' : ''}${key}`)
  );
  return [...new Set(keys)].join(' ');
}
