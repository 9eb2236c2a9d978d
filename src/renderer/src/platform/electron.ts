// Electron: the preload exposes `window.mizan`, an object that satisfies Bridge; the main
// process owns dialogs, files, recent files, recovery and preferences. The desktop build
// aliases `#platform` to this file (electron.vite.config.ts), so the web platform is not bundled.
import type { Bridge } from '../../../contract/bridge';
import type { Platform, PlatformFactory } from './types';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    mizan?: Bridge;
  }
}

export function electronPlatform(api: Bridge): Platform {
  return { bridge: api, capabilities: { writesInPlace: true, reopensRecent: true } };
}

export const createPlatform: PlatformFactory = (win) => {
  // Only a preload that failed to load leaves it out: nothing in the app could work then.
  if (!win.mizan) throw new Error('The desktop renderer has no window.mizan: the preload script did not run.');
  return electronPlatform(win.mizan);
};
