// The platform the renderer runs on, chosen when it is built: `#platform` is the desktop's
// (electron.ts) in the Electron build and the browser's (web/index.ts) in the web build
// (renderer.vite.ts), so neither bundle carries the other's code. Everything else in the
// renderer talks to `platform.bridge` and never asks which one it got.
export { createPlatform as choosePlatform } from '#platform';
export type { Capabilities, Platform } from './types';
