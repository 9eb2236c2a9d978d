// The dialog queue: one question on screen at a time, answers in order.
import { describe, expect, it } from 'vitest';
import { createDialogs } from '../../src/renderer/src/app/dialogs';

describe('dialogs', () => {
  it('shows one request at a time and resolves each with its answer', async () => {
    const dialogs = createDialogs();
    expect(dialogs.store.getState().current).toBeNull();
    const first = dialogs.ask({ kind: 'unsaved', title: 'A' });
    const second = dialogs.ask({ kind: 'error', action: 'save', message: 'B' });
    expect(dialogs.store.getState().current).toEqual({ kind: 'unsaved', title: 'A' });
    dialogs.answer('cancel');
    expect(await first).toBe('cancel');
    expect(dialogs.store.getState().current).toEqual({ kind: 'error', action: 'save', message: 'B' });
    dialogs.answer('ok');
    expect(await second).toBe('ok');
    expect(dialogs.store.getState().current).toBeNull();
    dialogs.answer('ok'); // nothing pending: no effect
  });
});
