// The questions the app asks, one at a time: a request goes in, the person's answer comes
// out as a promise. The DialogHost component shows the current request.
import { createStore } from 'zustand/vanilla';
import type { Problem } from '../../../engine/format';
import type { DiskState, RecoverySummary } from '../../../contract/bridge';

export type DialogRequest =
  /** A file that could not be opened because of what is in it. */
  | { kind: 'problems'; fileName: string; problems: Problem[] }
  /** A failure that is not about the file's content (permissions, disk, browser). */
  | { kind: 'error'; action: 'open' | 'save' | 'export'; message: string }
  | { kind: 'unsaved'; title: string }
  | { kind: 'recovery'; entry: RecoverySummary }
  /** The web's last file, which the browser lets this page read again only once the person says so. */
  | { kind: 'reopen'; fileName: string }
  /** The unsaved work chosen for restoring is gone since it was offered, or cannot be read. */
  | { kind: 'recovery-failed'; title: string; reason: 'missing' | 'unreadable' }
  /**
   * Another program changed the open document's file, or it is gone (deleted, moved away).
   * `saving`: found by a save, which wrote nothing (answers overwrite / save-as / reload /
   * cancel); else found on coming back to the window (reload / keep, or overwrite / save-as /
   * keep for a file that is gone). `dirty`: the document has unsaved edits.
   */
  | { kind: 'disk'; change: Exclude<DiskState, 'same'>; fileName: string; saving: boolean; dirty: boolean };

export type DialogAnswer =
  'ok' | 'save' | 'discard' | 'cancel' | 'restore' | 'overwrite' | 'save-as' | 'reload' | 'keep' | 'reopen';

interface Pending {
  request: DialogRequest;
  resolve: (answer: DialogAnswer) => void;
}

export interface DialogsState {
  /** The dialog on screen, if any. */
  current: DialogRequest | null;
}

export function createDialogs() {
  const store = createStore<DialogsState>()(() => ({ current: null }));
  const queue: Pending[] = [];

  const show = () => store.setState({ current: queue[0]?.request ?? null });

  return {
    store,
    ask(request: DialogRequest): Promise<DialogAnswer> {
      return new Promise((resolve) => {
        queue.push({ request, resolve });
        if (queue.length === 1) show();
      });
    },
    /** Answers the dialog on screen (Escape answers "cancel"). */
    answer(answer: DialogAnswer): void {
      const pending = queue.shift();
      show();
      pending?.resolve(answer);
    }
  };
}

export type Dialogs = ReturnType<typeof createDialogs>;
