// What jsdom lacks and the editor's components use, stubbed as little as they need (the
// panels draw no charts, so no canvas is needed), and the queries' settings.
import { configure } from '@testing-library/svelte';

// CSS.escape: the panels find a row by its id (`tr[data-factor="${CSS.escape(id)}"]`).
// Enough for ids: the CSSOM's escaping of every character that is not [A-Za-z0-9_-].
if (typeof globalThis.CSS === 'undefined' || typeof globalThis.CSS.escape !== 'function') {
  const escape = (value: string) =>
    String(value)
      .replace(/[^a-zA-Z0-9_\u00a0-\uffff-]/g, (c) => `\\${c}`)
      .replace(/^(-?)(\d)/, '$1\\3$2 ');
  Object.defineProperty(globalThis, 'CSS', { value: { escape }, configurable: true });
}

// ResizeObserver: `bind:clientWidth` (the events timeline) observes its element. jsdom does
// no layout, so there is never a size to report: an observer that never calls back.
if (typeof globalThis.ResizeObserver === 'undefined') {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.defineProperty(globalThis, 'ResizeObserver', { value: ResizeObserverStub, configurable: true });
}

// scrollIntoView: a new evidence card is scrolled into view; there is nothing to scroll in jsdom.
if (typeof Element.prototype.scrollIntoView !== 'function') {
  Element.prototype.scrollIntoView = function scrollIntoView(): void {};
}

// getByRole checks by default that each candidate is not hidden, reading the computed style of
// every element up the tree: in jsdom that is most of a query's time (~0.5–1 s per query on the
// Scenarios panel, against ~0.2 s without). The panels render only what is shown (an inactive
// tab's panel, a closed form are not in the DOM) and hide nothing but decoration (aria-hidden
// glyphs, never a control), so the check is skipped.
configure({ defaultHidden: true });

// <dialog>'s showModal and close: jsdom has the element but not its modal behaviour. Enough
// for the dialogs the editor opens (the import preview): open while shown, `close` on close.
if (typeof HTMLDialogElement !== 'undefined' && typeof HTMLDialogElement.prototype.showModal !== 'function') {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement): void {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement): void {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

// Blob.arrayBuffer: jsdom's File lacks it; the import reads the picked file with it. FileReader does the same.
if (typeof Blob.prototype.arrayBuffer !== 'function') {
  Blob.prototype.arrayBuffer = function arrayBuffer(this: Blob): Promise<ArrayBuffer> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };
}

// showPopover: the menus (ExportMenu) show their list as a popover; jsdom has no top layer.
if (typeof HTMLElement.prototype.showPopover !== 'function') {
  HTMLElement.prototype.showPopover = function showPopover(): void {};
}
