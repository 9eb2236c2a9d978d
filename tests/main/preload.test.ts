// The preload's `window.mizan`: one narrow object, every call on the channel main expects
// with a payload main's schema accepts, listeners that unsubscribe, drops sent as paths.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Bridge, OpenedFile } from '../../src/contract/bridge';
import { EVENT, INVOKE, SEND, parsePayload, type InvokeChannel, type SendChannel } from '../../src/contract/ipc';
import { listenForDroppedFiles, type DropTarget } from '../../src/preload/drop';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    listeners,
    exposed: {} as Record<string, unknown>,
    invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true })),
    send: vi.fn(),
    getPathForFile: vi.fn((file: { path?: string }) => file.path ?? '')
  };
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      electron.exposed[key] = api;
    }
  },
  ipcRenderer: {
    invoke: electron.invoke,
    send: electron.send,
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      if (!electron.listeners.has(channel)) electron.listeners.set(channel, new Set());
      electron.listeners.get(channel)!.add(listener);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
      electron.listeners.get(channel)?.delete(listener);
    }
  },
  webUtils: { getPathForFile: electron.getPathForFile }
}));

const emit = (channel: string, value: unknown) => {
  for (const listener of electron.listeners.get(channel) ?? []) listener({ sender: 'secret ipc event' }, value);
};

let api: Bridge;
const windowListeners = new Map<string, (event: unknown) => void>();

beforeAll(async () => {
  vi.stubGlobal('addEventListener', (type: string, listener: (event: unknown) => void) =>
    windowListeners.set(type, listener)
  );
  vi.stubGlobal('removeEventListener', (type: string) => windowListeners.delete(type));
  await import('../../src/preload/index');
  api = electron.exposed.mizan as Bridge;
});

afterAll(() => {
  vi.unstubAllGlobals();
});

describe('preload api', () => {
  it('exposes one object, `mizan`, with the Bridge methods and no raw ipcRenderer', () => {
    expect(Object.keys(electron.exposed)).toEqual(['mizan']);
    expect(api.platform).toBe('electron');
    expect(Object.keys(api).sort()).toEqual(
      [
        'platform',
        'openFile',
        'openRecent',
        'listRecent',
        'save',
        'saveAs',
        'checkDisk',
        'writeRecovery',
        'clearRecovery',
        'listRecovery',
        'readRecovery',
        'saveExport',
        'copyImage',
        'printReport',
        'setDocumentState',
        'onMenuCommand',
        'onOpenFile',
        'getPreferences',
        'setPreferences'
      ].sort()
    );
    for (const value of Object.values(api)) expect(value).not.toHaveProperty('invoke');
  });

  it('calls each invoke channel with a payload that main’s schema accepts', async () => {
    const calls: [() => Promise<unknown>, InvokeChannel][] = [
      [() => api.openFile(), INVOKE.openFile],
      [() => api.openRecent('h-1'), INVOKE.openRecent],
      [() => api.listRecent(), INVOKE.listRecent],
      [() => api.save(null, '{}', 'A'), INVOKE.save],
      [() => api.save('h-1', '{}', 'A'), INVOKE.save],
      [() => api.save('h-1', '{}', 'A', { overwrite: true }), INVOKE.save],
      [() => api.saveAs('{}', 'A'), INVOKE.saveAs],
      [() => api.checkDisk('h-1'), INVOKE.checkDisk],
      [
        () => api.writeRecovery({ key: 'k', title: 't', savedAt: '2024-10-11T00:00:00.000Z', text: '{}' }),
        INVOKE.writeRecovery
      ],
      [() => api.clearRecovery('k'), INVOKE.clearRecovery],
      [() => api.listRecovery(), INVOKE.listRecovery],
      [() => api.readRecovery('k-1'), INVOKE.readRecovery],
      [() => api.saveExport('png', 'chart', new Uint8Array([1])), INVOKE.saveExport],
      [() => api.saveExport('csv', 'data', 'a,b'), INVOKE.saveExport],
      [() => api.copyImage(new Uint8Array([137, 80])), INVOKE.copyImage],
      [() => api.printReport('report'), INVOKE.printReport],
      [() => api.getPreferences(), INVOKE.getPreferences],
      [() => api.setPreferences({ language: 'ar' }), INVOKE.setPreferences],
      [() => api.setPreferences({ theme: undefined }), INVOKE.setPreferences]
    ];
    for (const [call, channel] of calls) {
      electron.invoke.mockClear();
      await call();
      expect(electron.invoke).toHaveBeenCalledTimes(1);
      const [sentChannel, ...args] = electron.invoke.mock.calls[0];
      expect(sentChannel).toBe(channel);
      expect(args.length).toBeLessThanOrEqual(1);
      expect(() => parsePayload(channel, args[0])).not.toThrow();
    }
  });

  it('passes Overwrite on to main only when asked', async () => {
    electron.invoke.mockClear();
    await api.save('h-1', '{}', 'A', { overwrite: true });
    await api.save('h-1', '{}', 'A');
    expect(electron.invoke.mock.calls).toEqual([
      [INVOKE.save, { handle: 'h-1', text: '{}', suggestedName: 'A', overwrite: true }],
      [INVOKE.save, { handle: 'h-1', text: '{}', suggestedName: 'A' }]
    ]);
  });

  it('copies only the known fields of a recovery entry (the file’s handle, or null)', async () => {
    electron.invoke.mockClear();
    await api.writeRecovery({
      key: 'k',
      title: 't',
      savedAt: '2024-10-11T00:00:00.000Z',
      text: '{}',
      extra: 'x'
    } as never);
    await api.writeRecovery({ key: 'k', title: 't', savedAt: '2024-10-11T00:00:00.000Z', text: '{}', file: 'h-1' });
    expect(electron.invoke.mock.calls.map((call) => call[1])).toEqual([
      { key: 'k', title: 't', savedAt: '2024-10-11T00:00:00.000Z', text: '{}', file: null },
      { key: 'k', title: 't', savedAt: '2024-10-11T00:00:00.000Z', text: '{}', file: 'h-1' }
    ]);
    for (const [channel, payload] of electron.invoke.mock.calls) {
      expect(() => parsePayload(channel as InvokeChannel, payload)).not.toThrow();
    }
  });

  it('sends the document state one way, with a payload main accepts', () => {
    api.setDocumentState({ title: 'A', dirty: true });
    const [channel, payload] = electron.send.mock.calls.at(-1)!;
    expect(channel).toBe(SEND.documentState);
    expect(() => parsePayload(channel as SendChannel, payload)).not.toThrow();
  });

  it('menu commands reach the handler without the IPC event, until unsubscribed', () => {
    const handler = vi.fn();
    const off = api.onMenuCommand(handler);
    emit(EVENT.menuCommand, 'save');
    expect(handler).toHaveBeenCalledWith('save');
    expect(handler.mock.calls[0]).toHaveLength(1);
    off();
    emit(EVENT.menuCommand, 'undo');
    expect(handler).toHaveBeenCalledTimes(1);
    expect(electron.listeners.get(EVENT.menuCommand)?.size).toBe(0);
  });

  it('onOpenFile tells main it listens, receives files, and stops listening (drops too)', () => {
    electron.send.mockClear();
    const handler = vi.fn();
    const off = api.onOpenFile(handler);
    expect(electron.send).toHaveBeenCalledWith(SEND.readyForFiles);
    expect(() => parsePayload(SEND.readyForFiles, electron.send.mock.calls[0][1])).not.toThrow();
    const file: OpenedFile = { handle: 'h', name: 'a.mizan', text: '{}' };
    emit(EVENT.fileOpened, file);
    expect(handler).toHaveBeenCalledWith(file);
    expect([...windowListeners.keys()].sort()).toEqual(['dragover', 'drop']);
    off();
    expect(windowListeners.size).toBe(0);
    expect(electron.listeners.get(EVENT.fileOpened)?.size).toBe(0);
  });
});

describe('dropped files', () => {
  function fakeTarget() {
    const listeners = new Map<string, (event: never) => void>();
    const target: DropTarget = {
      addEventListener: (type, listener) => void listeners.set(type, listener as never),
      removeEventListener: (type) => void listeners.delete(type)
    };
    return { target, listeners };
  }
  const dragEvent = (files: unknown[], types = ['Files']) => ({
    dataTransfer: { types, files, dropEffect: 'none' },
    preventDefault: vi.fn()
  });

  it('sends the dropped file’s path (only) and hands a good file to the handler', async () => {
    const { target, listeners } = fakeTarget();
    const open = vi.fn(async (p: string) => ({ ok: true as const, value: { handle: 'h', name: p, text: '{}' } }));
    const handler = vi.fn();
    listenForDroppedFiles(target, (f) => (f as { path: string }).path, open, handler);
    const over = dragEvent([]);
    listeners.get('dragover')!(over as never);
    expect(over.preventDefault).toHaveBeenCalled();
    expect(over.dataTransfer.dropEffect).toBe('copy');
    const drop = dragEvent([{ path: '/w/a.mizan', text: 'content not sent' }]);
    listeners.get('drop')!(drop as never);
    expect(drop.preventDefault).toHaveBeenCalled();
    expect(open).toHaveBeenCalledWith('/w/a.mizan');
    await vi.waitFor(() => expect(handler).toHaveBeenCalledWith({ handle: 'h', name: '/w/a.mizan', text: '{}' }));
  });

  it('ignores drags without files, files without a path, and failed opens', async () => {
    const { target, listeners } = fakeTarget();
    const open = vi.fn(async () => ({ ok: false as const, error: 'bad' }));
    const handler = vi.fn();
    const off = listenForDroppedFiles(target, (f) => (f as { path: string }).path, open, handler);
    const text = dragEvent([], ['text/plain']);
    listeners.get('drop')!(text as never);
    expect(text.preventDefault).not.toHaveBeenCalled();
    listeners.get('drop')!(dragEvent([{ path: '' }]) as never);
    expect(open).not.toHaveBeenCalled();
    listeners.get('drop')!(dragEvent([{ path: '/w/bad.mizan' }]) as never);
    await Promise.resolve();
    expect(open).toHaveBeenCalledTimes(1);
    expect(handler).not.toHaveBeenCalled();
    off();
    expect(listeners.size).toBe(0);
  });
});
