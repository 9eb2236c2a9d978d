// The platform a renderer gets: `#platform` resolves, outside Electron (these tests, the web
// build), to the browser's; the desktop's createPlatform takes the preload's window.mizan and
// refuses to start without it; the web platform's capabilities follow the browser's pickers.
import { describe, expect, it } from 'vitest';
import type { Bridge } from '../../src/contract/bridge';
import { choosePlatform } from '../../src/renderer/src/platform';
import { createPlatform as electronPlatform } from '../../src/renderer/src/platform/electron';
import { webPlatform } from '../../src/renderer/src/platform/web';

function browserWindow(extra: Record<string, unknown> = {}) {
  return Object.assign(new EventTarget(), {
    indexedDB: {},
    navigator: { language: 'en' },
    localStorage: { getItem: () => null, setItem() {} },
    crypto: globalThis.crypto,
    ...extra
  }) as unknown as Window & typeof globalThis;
}

describe('choosing the platform', () => {
  it('#platform is the web platform where the tests and the web build run', () => {
    expect(choosePlatform(browserWindow()).bridge.platform).toBe('web');
  });

  it('the desktop platform is the preload’s bridge, writing in place and reopening recent files', () => {
    const mizan = { platform: 'electron' } as Bridge;
    expect(electronPlatform(browserWindow({ mizan }))).toEqual({
      bridge: mizan,
      capabilities: { writesInPlace: true, reopensRecent: true }
    });
  });

  it('the desktop platform without the preload’s bridge stops with a message saying so', () => {
    expect(() => electronPlatform(browserWindow())).toThrow('the preload script did not run');
  });

  it('the web platform writes in place and reopens recent files only with both pickers', () => {
    const both = { showOpenFilePicker: async () => [], showSaveFilePicker: async () => ({}) };
    expect(webPlatform(browserWindow(both)).capabilities).toEqual({ writesInPlace: true, reopensRecent: true });
    expect(webPlatform(browserWindow({ showOpenFilePicker: both.showOpenFilePicker })).capabilities).toEqual({
      writesInPlace: false,
      reopensRecent: false
    });
    expect(webPlatform(browserWindow()).capabilities).toEqual({ writesInPlace: false, reopensRecent: false });
  });
});
