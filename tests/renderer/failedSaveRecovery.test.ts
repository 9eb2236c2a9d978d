// The renderer's half of "a save that failed never deletes a recovery copy": the copy goes
// only when the document is clean, and a failed save leaves it dirty — so the copy stays
// (no clearRecovery), and a later successful save removes it.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createController } from '../../src/renderer/src/app/controller';
import type { DialogRequest } from '../../src/renderer/src/app/dialogs';
import { createDocumentStore, isDirty } from '../../src/renderer/src/state/document';
import { FakeBridge } from './fakeBridge';

const ASHGABAT = readFileSync('resources/scenarios/ashgabat-2024.mizan', 'utf8');
const FULL =
  'The disk is full: "ashgabat.mizan" was not saved; your document is still open and unchanged. Free some space or save it somewhere else.';

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2025-02-03T10:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a failed save and the recovery copy', () => {
  it('keeps the copy after a save that failed, and removes it after one that worked', async () => {
    const bridge = new FakeBridge();
    const store = createDocumentStore();
    const asked: DialogRequest[] = [];
    const controller = createController({
      store,
      bridge,
      ask: async (request) => {
        asked.push(request);
        return 'ok';
      },
      defaultDocument: { text: ASHGABAT, fileName: 'ashgabat-2024.mizan' },
      recoveryKey: 'this-window',
      closeWindow: vi.fn()
    });
    await controller.start();
    await controller.save(); // now it has a file
    store.getState().setTitle('Edited');
    await vi.advanceTimersByTimeAsync(1100);
    expect(bridge.recovery.get('this-window')?.title).toBe('Edited');

    bridge.saveErrors.push(FULL);
    await controller.save();
    await vi.advanceTimersByTimeAsync(5000);
    expect(asked.at(-1)).toEqual({ kind: 'error', action: 'save', message: FULL });
    expect(isDirty(store.getState())).toBe(true);
    expect(bridge.calls.filter((c) => c.startsWith('clearRecovery'))).toEqual([]);
    expect(bridge.recovery.get('this-window')?.title).toBe('Edited');

    await controller.save();
    await vi.advanceTimersByTimeAsync(0);
    expect(isDirty(store.getState())).toBe(false);
    expect(bridge.calls.filter((c) => c.startsWith('clearRecovery'))).toEqual(['clearRecovery:this-window']);
    expect(bridge.recovery.size).toBe(0);
  });
});
