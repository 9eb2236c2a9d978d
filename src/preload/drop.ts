// Files dropped on the window, for a sandboxed renderer: a File there has no path, so the
// preload asks webUtils.getPathForFile for it and sends main the path only, on the one
// validated `file:open-dropped` channel. Main reads and checks the file (and shows a
// native error for a bad one); a good one reaches the renderer like any file the OS opens.
import type { OpenedFile, Outcome } from '../contract/bridge';

interface DragEventLike {
  dataTransfer: { types: readonly string[] | ArrayLike<string>; files: ArrayLike<unknown>; dropEffect?: string } | null;
  preventDefault(): void;
}

export interface DropTarget {
  addEventListener(type: 'dragover' | 'drop', listener: (event: DragEventLike) => void): void;
  removeEventListener(type: 'dragover' | 'drop', listener: (event: DragEventLike) => void): void;
}

const hasFiles = (event: DragEventLike): boolean => Array.from(event.dataTransfer?.types ?? []).includes('Files');

/** Listens for dropped files on `target`; returns the function that stops listening. */
export function listenForDroppedFiles(
  target: DropTarget,
  pathOf: (file: unknown) => string,
  open: (path: string) => Promise<Outcome<OpenedFile>>,
  handler: (file: OpenedFile) => void
): () => void {
  const over = (event: DragEventLike) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };
  const drop = (event: DragEventLike) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    let path = '';
    try {
      path = pathOf(file);
    } catch {
      path = '';
    }
    // A file dragged from another program's memory (not a folder) has no path: nothing to open.
    if (!path) return;
    void open(path).then(
      (outcome) => {
        if (outcome.ok) handler(outcome.value);
      },
      () => undefined
    );
  };
  target.addEventListener('dragover', over);
  target.addEventListener('drop', drop);
  return () => {
    target.removeEventListener('dragover', over);
    target.removeEventListener('drop', drop);
  };
}
