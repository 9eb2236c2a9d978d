// Electron: the preload exposes `window.mizan`, an object that satisfies Bridge; the main
// process owns dialogs, files, recent files, recovery and preferences.
import type { Bridge } from '../../../contract/bridge';
import type { Platform } from './types';

export function electronPlatform(api: Bridge): Platform {
  return { bridge: api, capabilities: { writesInPlace: true, reopensRecent: true } };
}
