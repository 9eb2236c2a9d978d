// The IPC contract: every payload schema refuses malformed input, and a handler refuses a
// sender that is not Mizan's own page — without ever throwing inside main.
import { describe, expect, it, vi } from 'vitest';
import {
  guardInvoke,
  guardSend,
  registerIpc,
  type IpcEventLike,
  type InvokeHandlers,
  type SendHandlers
} from '../../src/main/ipc';
import { isTrustedSenderUrl } from '../../src/main/security';
import { EVENT, INVOKE, IPC_LIMITS, SEND, parsePayload, payloadSchemas } from '../../src/contract/ipc';

const trusted = { isTrustedSender: (url: string | undefined) => isTrustedSenderUrl(url) };
const fromApp: IpcEventLike = { sender: { id: 7 }, senderFrame: { url: 'app://mizan/index.html', parent: null } };
const fromElsewhere: IpcEventLike = { sender: { id: 8 }, senderFrame: { url: 'https://evil.example/', parent: null } };

const big = (n: number) => 'x'.repeat(n);

/** For each channel: payloads that must pass and payloads that must be refused. */
const cases: Record<string, { good: unknown[]; bad: unknown[] }> = {
  [INVOKE.openFile]: { good: [undefined], bad: [{}, 'x', null, 1] },
  [INVOKE.listRecent]: { good: [undefined], bad: [{ all: true }] },
  [INVOKE.listRecovery]: { good: [undefined], bad: [[]] },
  [INVOKE.getPreferences]: { good: [undefined], bad: [{ language: 'en' }] },
  [SEND.readyForFiles]: { good: [undefined], bad: [true] },
  [INVOKE.openRecent]: {
    good: [{ handle: '2b9b2e1c-0d7e-4c55-9d6e-3d1f1a0b8c11' }],
    bad: [
      undefined,
      {},
      { handle: 1 },
      { handle: '' },
      { handle: '../../etc/passwd' },
      { handle: big(65) },
      { handle: 'a', extra: 1 }
    ]
  },
  [INVOKE.openDropped]: {
    good: [{ path: '/home/a/x.mizan' }, { path: 'C:\\Users\\a\\x.mizan' }],
    bad: [
      {},
      { path: '' },
      { path: 3 },
      { path: big(IPC_LIMITS.pathChars + 1) },
      { path: '/a\0b.mizan' },
      { path: '/a', handle: 'b' }
    ]
  },
  [INVOKE.save]: {
    good: [
      { handle: null, text: '{}', suggestedName: 'a' },
      { handle: 'abc-123', text: '', suggestedName: '' },
      { handle: 'abc-123', text: '{}', suggestedName: 'a', overwrite: true }
    ],
    bad: [
      { handle: undefined, text: '{}', suggestedName: 'a' },
      { handle: null, text: 1, suggestedName: 'a' },
      { handle: null, text: '{}' },
      { handle: null, text: big(IPC_LIMITS.documentChars + 1), suggestedName: 'a' },
      { handle: null, text: '{}', suggestedName: big(IPC_LIMITS.nameChars + 1) },
      { handle: '/etc/passwd', text: '{}', suggestedName: 'a' },
      { handle: null, text: '{}', suggestedName: 'a', path: '/tmp/x' },
      { handle: 'abc', text: '{}', suggestedName: 'a', overwrite: 'yes' }
    ]
  },
  [INVOKE.checkDisk]: {
    good: [{ handle: '2b9b2e1c-0d7e-4c55-9d6e-3d1f1a0b8c11' }],
    bad: [undefined, {}, { handle: null }, { handle: '../x' }, { handle: 'a', overwrite: true }]
  },
  [INVOKE.saveAs]: {
    good: [{ text: '{}', suggestedName: 'Ashgabat' }],
    bad: [{ text: '{}' }, { text: null, suggestedName: 'a' }, [{ text: '{}', suggestedName: 'a' }]]
  },
  [INVOKE.saveExport]: {
    good: [
      { kind: 'png', suggestedName: 'chart', data: new Uint8Array([137, 80]) },
      { kind: 'csv', suggestedName: 'data', data: 'a,b\n1,2' }
    ],
    bad: [
      { kind: 'exe', suggestedName: 'x', data: 'x' },
      { kind: 'png', suggestedName: 'x', data: 5 },
      { kind: 'png', suggestedName: 'x', data: [1, 2, 3] },
      { kind: 'svg', suggestedName: 'x', data: big(IPC_LIMITS.exportBytes + 1) },
      { kind: 'pdf', suggestedName: 'x' }
    ]
  },
  [INVOKE.copyImage]: {
    good: [{ png: new Uint8Array([137, 80]) }],
    bad: [{}, { png: 'data:image/png;base64,AA' }, { png: [137, 80] }, { png: new Uint8Array([1]), extra: 1 }]
  },
  [INVOKE.printReport]: {
    good: [{ suggestedName: 'Ashgabat-report' }],
    bad: [{}, { suggestedName: 5 }, { suggestedName: big(IPC_LIMITS.nameChars + 1) }, { suggestedName: 'r', html: '<p>' }]
  },
  [INVOKE.writeRecovery]: {
    good: [
      { key: 'win-1', title: 'Ashgabat', savedAt: '2024-10-11T12:00:00.000Z', text: '{}' },
      { key: 'win-1', title: 'Ashgabat', savedAt: '2024-10-11T12:00:00.000Z', text: '{}', file: 'h-1' },
      { key: 'win-1', title: 'Ashgabat', savedAt: '2024-10-11T12:00:00.000Z', text: '{}', file: null }
    ],
    bad: [
      { key: 'k', title: 't', savedAt: '2024-10-11T12:00:00Z', text: '', file: '/home/me/gulf.mizan' },
      { key: '../x', title: 't', savedAt: '2024-10-11T12:00:00Z', text: '' },
      { key: 'k', title: big(IPC_LIMITS.titleChars + 1), savedAt: '2024-10-11T12:00:00Z', text: '' },
      { key: 'k', title: 't', savedAt: 'yesterday', text: '' },
      { key: 'k', title: 't', savedAt: '2024-10-11T12:00:00Z' },
      { key: 'k', title: 't', savedAt: '2024-10-11T12:00:00Z', text: big(IPC_LIMITS.documentChars + 1) }
    ]
  },
  [INVOKE.clearRecovery]: { good: [{ key: 'k' }], bad: [{ key: 'a/b' }, { key: 5 }, {}] },
  [INVOKE.readRecovery]: {
    good: [{ key: 'k' }, { key: '2b9b2e1c-0d7e-4c55-9d6e-3d1f1a0b8c11' }],
    bad: [{ key: '../x' }, { key: 'a.json' }, { key: '' }, { key: 'k', text: 'x' }, undefined]
  },
  [INVOKE.setPreferences]: {
    good: [{}, { language: 'ar' }, { theme: 'dark' }, { language: 'en', theme: 'system' }],
    bad: [{ language: 'fr' }, { theme: 'blue' }, { language: 'en', debug: true }, null, undefined]
  },
  [SEND.documentState]: {
    good: [{ title: 'Ashgabat', dirty: true }],
    bad: [{ title: 'x' }, { title: 'x', dirty: 'yes' }, { title: big(IPC_LIMITS.titleChars + 1), dirty: false }, 'x']
  }
};

describe('payload schemas', () => {
  it('cover every channel', () => {
    expect(Object.keys(cases).sort()).toEqual([...Object.values(INVOKE), ...Object.values(SEND)].sort());
    expect(Object.keys(payloadSchemas()).sort()).toEqual(Object.keys(cases).sort());
  });

  for (const [channel, { good, bad }] of Object.entries(cases)) {
    it(`${channel}: accepts well-formed payloads and refuses malformed ones`, () => {
      for (const payload of good) expect(() => parsePayload(channel as never, payload)).not.toThrow();
      for (const payload of bad) {
        expect(() => parsePayload(channel as never, payload), JSON.stringify(payload)?.slice(0, 80)).toThrow(
          new RegExp(`^Mizan refused a malformed request on "${channel}" \\(`)
        );
      }
    });
  }

  it('names the event channels main sends on', () => {
    expect(EVENT).toEqual({ menuCommand: 'menu:command', fileOpened: 'file:opened' });
  });
});

describe('guarded handlers', () => {
  it('pass a parsed payload and the sender id to the handler', async () => {
    const handler = vi.fn(async () => ({ ok: true as const, value: { handle: 'h', name: 'n' } }));
    const listener = guardInvoke(INVOKE.saveAs, handler, trusted);
    await expect(listener(fromApp, { text: '{}', suggestedName: 'a' })).resolves.toEqual({
      ok: true,
      value: { handle: 'h', name: 'n' }
    });
    expect(handler).toHaveBeenCalledWith({ text: '{}', suggestedName: 'a' }, { senderId: 7 });
  });

  it('reject a sender from another origin, a sub-frame, or a frame that is gone', async () => {
    const handler = vi.fn();
    const log = vi.fn();
    const listener = guardInvoke(INVOKE.listRecent, handler, { ...trusted, log });
    await expect(listener(fromElsewhere)).rejects.toThrow(
      `Mizan refused a request on "file:list-recent" from a page that is not Mizan's own.`
    );
    await expect(
      listener({ sender: { id: 1 }, senderFrame: { url: 'app://mizan/index.html', parent: {} } })
    ).rejects.toThrow(/not Mizan's own/);
    await expect(listener({ sender: { id: 1 }, senderFrame: null })).rejects.toThrow(/not Mizan's own/);
    await expect(listener({ sender: { id: 1 } })).rejects.toThrow(/not Mizan's own/);
    expect(handler).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledTimes(4);
  });

  it('reject malformed payloads and extra arguments with a clear error', async () => {
    const handler = vi.fn();
    const listener = guardInvoke(INVOKE.openRecent, handler, trusted);
    await expect(listener(fromApp, { handle: 42 })).rejects.toThrow(
      /^Mizan refused a malformed request on "file:open-recent" \(handle: /
    );
    await expect(listener(fromApp, { handle: 'a' }, 'extra')).rejects.toThrow(/more than one argument/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('turn a failing handler into a rejection with its message only', async () => {
    const listener = guardInvoke(INVOKE.listRecovery, () => Promise.reject(new Error('disk on fire')), trusted);
    const error = await listener(fromApp).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('disk on fire');
  });

  it('drop (and log) a bad one-way message without throwing', () => {
    const handler = vi.fn();
    const log = vi.fn();
    const listener = guardSend(SEND.documentState, handler, { ...trusted, log });
    expect(() => listener(fromApp, { title: 1 })).not.toThrow();
    expect(() => listener(fromElsewhere, { title: 'x', dirty: true })).not.toThrow();
    expect(handler).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledTimes(2);
    listener(fromApp, { title: 'x', dirty: true });
    expect(handler).toHaveBeenCalledWith({ title: 'x', dirty: true }, { senderId: 7 });
    const throwing = guardSend(
      SEND.readyForFiles,
      () => {
        throw new Error('bug');
      },
      { ...trusted, log }
    );
    expect(() => throwing(fromApp)).not.toThrow();
  });
});

describe('registerIpc', () => {
  it('registers every invoke and send channel, guarded', async () => {
    const handled = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
    const listened = new Map<string, (event: IpcEventLike, ...args: unknown[]) => void>();
    const ipcMain = {
      handle: (channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown) =>
        handled.set(channel, listener),
      on: (channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => void) =>
        listened.set(channel, listener)
    };
    const invoke = Object.fromEntries(
      Object.values(INVOKE).map((c) => [c, vi.fn(async () => 'ok')])
    ) as unknown as InvokeHandlers;
    const send = Object.fromEntries(Object.values(SEND).map((c) => [c, vi.fn()])) as unknown as SendHandlers;
    registerIpc(ipcMain, { invoke, send }, trusted);
    expect([...handled.keys()].sort()).toEqual(Object.values(INVOKE).sort());
    expect([...listened.keys()].sort()).toEqual(Object.values(SEND).sort());
    await expect(handled.get(INVOKE.getPreferences)!(fromApp)).resolves.toBe('ok');
    await expect(handled.get(INVOKE.getPreferences)!(fromElsewhere)).rejects.toThrow(/not Mizan's own/);
  });
});
