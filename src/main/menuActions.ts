// What the native menu's items do (MenuAction, built by menu.ts) and how a preference changed
// in one window reaches the others. index.ts passes Electron's focused window and the
// controller; tested in tests/main/menuActions.test.ts.
import type { MenuCommand, Preferences } from '../contract/bridge';
import type { MainController } from './controller';
import type { MenuAction } from './menu';

export interface MenuActionDeps {
  controller: Pick<MainController, 'sendCommand' | 'openFromOs' | 'clearRecent' | 'setPreferences'>;
  /** The window menu commands go to, or null when no window is open (macOS). */
  focusedWindowId(): number | null;
  createWindow(): number;
  closeFocusedWindow(): void;
}

export function menuDispatcher({
  controller,
  focusedWindowId,
  createWindow,
  closeFocusedWindow
}: MenuActionDeps): (action: MenuAction) => void {
  return (action) => {
    switch (action.kind) {
      case 'command': {
        const id = focusedWindowId();
        if (id !== null) controller.sendCommand(id, action.command);
        else {
          // No window (macOS): a new window is a new document; other commands go to it.
          const created = createWindow();
          if (action.command !== 'new') controller.sendCommand(created, action.command);
        }
        break;
      }
      case 'new-window':
        createWindow();
        break;
      case 'close-window':
        closeFocusedWindow();
        break;
      case 'open-recent':
        void controller.openFromOs(action.path);
        break;
      case 'clear-recent':
        void controller.clearRecent();
        break;
      case 'preferences':
        void controller.setPreferences(
          {
            ...(action.language ? { language: action.language } : {}),
            ...(action.theme ? { theme: action.theme } : {})
          },
          null
        );
        break;
    }
  };
}

/** The commands that make the other windows follow a preference changed in one (or from the menu). */
export function preferenceCommands(changed: Partial<Preferences>): MenuCommand[] {
  return [
    ...(changed.language ? [`language:${changed.language}` as const] : []),
    ...(changed.theme ? [`theme:${changed.theme}` as const] : [])
  ];
}
