// @vitest-environment jsdom
// Focus management of the modal dialog: initial focus, Tab cycling, restoring focus.
import { afterEach, describe, expect, it } from 'vitest';
import { containTab, focusableIn, trapFocus } from '../../src/renderer/src/ui/focus';

function build() {
  document.body.innerHTML = `
    <button id="opener">open</button>
    <div id="dialog">
      <p>text</p>
      <button id="a">A</button>
      <input id="b" />
      <button id="hidden" hidden>H</button>
      <button id="disabled" disabled>D</button>
      <button id="c" data-autofocus>C</button>
    </div>`;
  const opener = document.getElementById('opener') as HTMLButtonElement;
  opener.focus();
  return { opener, dialog: document.getElementById('dialog') as HTMLDivElement };
}

const tab = (shiftKey = false) => new KeyboardEvent('keydown', { key: 'Tab', shiftKey, bubbles: true, cancelable: true });

afterEach(() => {
  document.body.innerHTML = '';
});

describe('focus trap', () => {
  it('lists only what Tab can reach', () => {
    const { dialog } = build();
    expect(focusableIn(dialog).map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });

  it('focuses the marked control, cycles Tab and Shift+Tab inside, and restores focus on release', () => {
    const { opener, dialog } = build();
    const release = trapFocus(dialog);
    expect(document.activeElement?.id).toBe('c');

    let event = tab();
    dialog.dispatchEvent(event); // from the last: wraps to the first
    expect(event.defaultPrevented).toBe(true);
    expect(document.activeElement?.id).toBe('a');

    event = tab(true); // from the first, backwards: wraps to the last
    dialog.dispatchEvent(event);
    expect(document.activeElement?.id).toBe('c');

    (document.getElementById('b') as HTMLInputElement).focus();
    event = tab();
    dialog.dispatchEvent(event); // in the middle: the browser moves on by itself
    expect(event.defaultPrevented).toBe(false);

    release();
    expect(document.activeElement).toBe(opener);
  });

  it('pulls focus back in when it is outside', () => {
    const { dialog } = build();
    const event = tab();
    expect(containTab(dialog, event)).toBe(true);
    expect(document.activeElement?.id).toBe('a');
    expect(containTab(dialog, new KeyboardEvent('keydown', { key: 'Enter' }))).toBe(false);
  });

  it('a dialog with nothing focusable takes the focus itself', () => {
    document.body.innerHTML = '<div id="d"><p>only text</p></div>';
    const d = document.getElementById('d') as HTMLDivElement;
    trapFocus(d);
    expect(document.activeElement).toBe(d);
  });
});
