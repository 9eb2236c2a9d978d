// Renders one editor panel against a real document store holding the default analysis
// (tests/fixtures/as-first-written/ashgabat-2024.mizan through the file loader), with a real controller
// on a fake bridge, as main.ts wires them. The store's clock is the test's: edits of the same
// thing merge into one undo step until `nextAction()` moves the clock past the coalescing
// window, so undo steps never depend on how fast the machine runs.
import { readFileSync } from 'node:fs';
import { render, fireEvent } from '@testing-library/svelte';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { tick, type Component } from 'svelte';
import { loadDocument, type MizanDoc, type Language } from '../../src/engine/format';
import { createAppContext } from '../../src/renderer/src/app/context';
import { createController } from '../../src/renderer/src/app/controller';
import { createDialogs } from '../../src/renderer/src/app/dialogs';
import { createDocumentStore } from '../../src/renderer/src/state/document';
import { EditorNotice } from '../../src/renderer/src/ui/editor/notice.svelte';
import { FakeBridge } from '../renderer/fakeBridge';
import PanelHarness from './PanelHarness.svelte';

const ASHGABAT_TEXT = readFileSync('tests/fixtures/as-first-written/ashgabat-2024.mizan', 'utf8');

const COALESCE_MS = 1000;

/** `fixture`: another analysis to open (a path from the repository's root; its base name is the file's). */
export function renderPanel(panel: Component, options: { language?: Language; fixture?: string } = {}) {
  let time = 1_000_000;
  const store = createDocumentStore({
    now: () => time,
    coalesceMs: COALESCE_MS,
    view: { language: options.language ?? 'en' }
  });
  const fileName = options.fixture?.split('/').at(-1) ?? 'ashgabat-2024.mizan';
  const text = options.fixture ? readFileSync(options.fixture, 'utf8') : ASHGABAT_TEXT;
  const loaded = loadDocument(text, { fileName });
  if (!loaded.ok) throw new Error(`${fileName} does not load`);
  store.getState().openDocument(loaded, { fileName });
  const bridge = new FakeBridge();
  const dialogs = createDialogs();
  const controller = createController({
    store,
    bridge,
    ask: dialogs.ask,
    defaultDocument: { text: ASHGABAT_TEXT, fileName: 'ashgabat-2024.mizan' },
    recoveryKey: 'component-test',
    closeWindow: () => undefined
  });
  const context = createAppContext({ platform: { bridge, capabilities: {} } as never, store, controller, dialogs });
  const notice = new EditorNotice();
  // No pause between keystrokes: nothing here waits on time, and the machine may be slow.
  const user = userEvent.setup({ delay: null });
  const view = render(PanelHarness, { props: { context, notice, panel } });
  const original = store.getState().document!;

  return {
    ...view,
    store,
    controller,
    notice,
    user,
    original,
    dialogs,
    doc: (): MizanDoc => store.getState().document!,
    /** Undo steps recorded so far. */
    steps: () => store.temporal.getState().pastStates.length,
    /** Moves the store's clock past the coalescing window: the next edit is a new undo step. */
    nextAction: () => {
      time += COALESCE_MS + 1;
    },
    /** Undo / redo through the store (as the menu does), then lets the panel update. */
    undo: async () => {
      store.getState().undo();
      await tick();
    },
    redo: async () => {
      store.getState().redo();
      await tick();
    }
  };
}

export type Rendered = ReturnType<typeof renderPanel>;

/**
 * A key pressed on a slider (<input type="range">). jsdom has no default action for keys on a
 * slider, and user-event treats Home/End there as caret moves (which jsdom refuses), so this
 * sends the key events and then does what a browser does for a horizontal slider in a
 * left-to-right page: Right/Up one step up, Left/Down one step down, Home/End to the ends,
 * then `input` and `change` (a browser fires both for each key).
 */
export async function pressOnSlider(slider: HTMLElement, key: string) {
  if (!(slider instanceof HTMLInputElement) || slider.type !== 'range') throw new Error('not a slider');
  slider.focus();
  await fireEvent.keyDown(slider, { key });
  const step = Number(slider.step) || 1;
  const min = Number(slider.min);
  const max = Number(slider.max);
  const value = Number(slider.value);
  const next =
    key === 'ArrowRight' || key === 'ArrowUp'
      ? value + step
      : key === 'ArrowLeft' || key === 'ArrowDown'
        ? value - step
        : key === 'Home'
          ? min
          : key === 'End'
            ? max
            : value;
  // Rounded to the step's decimals, as the browser's step arithmetic gives (no 5.1000000001).
  const decimals = (String(step).split('.')[1] ?? '').length;
  slider.value = String(Number(Math.min(max, Math.max(min, next)).toFixed(decimals)));
  await fireEvent.input(slider);
  await fireEvent.change(slider);
  await fireEvent.keyUp(slider, { key });
}

/**
 * Replaces what a field holds by typing over it, as a person would: all of it selected, then
 * the new text typed (the first keystroke replaces the selection, so the field is never seen
 * empty on the way, which for some fields means something: "no override"). An empty `text`
 * clears the field.
 */
export async function retype(user: UserEvent, field: HTMLElement, text: string) {
  if (text === '') {
    await user.clear(field);
    return;
  }
  const length = (field as HTMLInputElement).value.length;
  await user.type(field, text, { initialSelectionStart: 0, initialSelectionEnd: length });
}
