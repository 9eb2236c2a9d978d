// The platform the renderer runs on, chosen once at start: Electron when the preload has
// exposed `window.mizan`, otherwise the browser. Everything else in the renderer talks to
// `platform.bridge` and never asks which one it got.
import type { Bridge } from '../../../contract/bridge';
import { electronPlatform } from './electron';
import type { Platform } from './types';
import { webPlatform } from './web';

export type { Capabilities, Platform } from './types';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    mizan?: Bridge;
  }
}

export function choosePlatform(win: Window & typeof globalThis = window): Platform {
  return win.mizan ? electronPlatform(win.mizan) : webPlatform(win);
}
