// What the browser tab itself offers in place of the desktop's window and menu: the prompt
// on closing a tab with unsaved changes, keyboard shortcuts for the menu commands, the
// clipboard, and the browser's print dialog.
import type { Bridge, MenuCommand } from '../../../../contract/bridge';
import { failure, messageOf } from './errors';
import { commandForKey } from './shortcuts';

export type WebPage = Pick<Bridge, 'copyImage' | 'printReport' | 'setDocumentState' | 'onMenuCommand'>;

export function createWebPage(win: Window & typeof globalThis): WebPage {
  let dirty = false;
  win.addEventListener('beforeunload', (event) => {
    if (!dirty) return;
    event.preventDefault();
    // Older browsers need returnValue set to show the prompt.
    event.returnValue = '';
  });

  return {
    setDocumentState(state) {
      dirty = state.dirty;
    },

    onMenuCommand(handler: (command: MenuCommand) => void) {
      const listener = (event: KeyboardEvent) => {
        // Held keys repeat only undo and redo.
        if (event.defaultPrevented || (event.repeat && !/^(z|y)$/i.test(event.key))) return;
        const command = commandForKey(event);
        if (!command) return;
        event.preventDefault();
        handler(command);
      };
      win.addEventListener('keydown', listener);
      return () => win.removeEventListener('keydown', listener);
    },

    async copyImage(png) {
      try {
        const blob = new Blob([png as BlobPart], { type: 'image/png' });
        await win.navigator.clipboard.write([new win.ClipboardItem({ 'image/png': blob })]);
        return { ok: true, value: null };
      } catch (error) {
        if (error instanceof DOMException && error.name === 'NotAllowedError')
          return failure('The browser did not allow Mizan to use the clipboard.');
        return failure(messageOf(error));
      }
    },

    async printReport() {
      // The browser's own dialog prints (or saves as PDF) what @media print shows: the report.
      win.print();
      return { ok: true, value: null };
    }
  };
}
