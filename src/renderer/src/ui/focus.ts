// Focus management for modal dialogs: Tab and Shift+Tab cycle inside the dialog, the first
// control (or the one marked data-autofocus) gets focus on open, and focus goes back to where
// it was when the dialog closes. Plain DOM, so it is unit-tested in jsdom.

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])'
].join(',');

/** The elements Tab visits inside `root`, in order. */
export function focusableIn(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !el.closest('[hidden], [inert]') && el.tabIndex >= 0
  );
}

/** Keeps Tab inside `root`; returns true when it moved the focus itself. */
export function containTab(root: HTMLElement, event: KeyboardEvent): boolean {
  if (event.key !== 'Tab') return false;
  const items = focusableIn(root);
  if (items.length === 0) {
    event.preventDefault();
    return true;
  }
  const first = items[0];
  const last = items[items.length - 1];
  const active = root.ownerDocument.activeElement as HTMLElement | null;
  const inside = active !== null && root.contains(active);
  if (event.shiftKey && (!inside || active === first)) {
    event.preventDefault();
    last.focus();
    return true;
  }
  if (!event.shiftKey && (!inside || active === last)) {
    event.preventDefault();
    first.focus();
    return true;
  }
  return false;
}

/**
 * Traps focus in `root` until the returned function is called, which puts the focus back
 * on `previous` (by default the element focused now), when that element is still in the page.
 */
export function trapFocus(root: HTMLElement, previous: Element | null = root.ownerDocument.activeElement): () => void {
  const doc = root.ownerDocument;
  const initial = root.querySelector<HTMLElement>('[data-autofocus]') ?? focusableIn(root)[0] ?? root;
  if (initial === root && root.tabIndex < 0) root.tabIndex = -1;
  initial.focus();
  const onKey = (event: KeyboardEvent) => void containTab(root, event);
  root.addEventListener('keydown', onKey);
  return () => {
    root.removeEventListener('keydown', onKey);
    if (previous instanceof HTMLElement && previous !== doc.body && previous.isConnected && !root.contains(previous)) {
      previous.focus();
    }
  };
}
