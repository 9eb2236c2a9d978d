// Files without the File System Access API: an <input type=file> to choose one, an
// <a download> link to save one (the browser puts it in its downloads).

/** Asks for a file with a hidden <input type=file>; resolves null when the person cancels. */
export function chooseWithInput(doc: Document, accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.hidden = true;
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    doc.body.append(input);
    input.click();
  });
}

/** Hands `data` to the browser as a download named `name`. */
export function download(win: Window, data: BlobPart, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = win.document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  win.document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the browser reads the blob after the click returns.
  win.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
