// Files dropped on the window are opened as if chosen with Open…; with the File System Access
// API the dropped item's handle comes along, so Save writes the same file again.
import type { OpenedFile, Outcome } from '../../../../contract/bridge';

type ReadFile = (file: File, handle: FileSystemFileHandle | null) => Promise<Outcome<OpenedFile>>;
type ItemWithHandle = DataTransferItem & { getAsFileSystemHandle?: () => Promise<FileSystemHandle | null> };

/** Listens for files dropped on `win` and hands each one read to `handler`; returns the unsubscribe. */
export function onDroppedFile(
  win: Window,
  withHandles: boolean,
  read: ReadFile,
  handler: (file: OpenedFile) => void
): () => void {
  const over = (event: DragEvent) => {
    if (event.dataTransfer?.types.includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  };
  const drop = (event: DragEvent) => {
    const item = event.dataTransfer?.items?.[0] as ItemWithHandle | undefined;
    const file = event.dataTransfer?.files?.[0];
    if (!file) return;
    event.preventDefault();
    void (async () => {
      let handle: FileSystemFileHandle | null = null;
      if (withHandles && item?.getAsFileSystemHandle) {
        const h = await item.getAsFileSystemHandle().catch(() => null);
        if (h && h.kind === 'file') handle = h as FileSystemFileHandle;
      }
      const outcome = await read(file, handle);
      if (outcome.ok) handler(outcome.value);
    })();
  };
  win.addEventListener('dragover', over);
  win.addEventListener('drop', drop);
  return () => {
    win.removeEventListener('dragover', over);
    win.removeEventListener('drop', drop);
  };
}
