// `#platform` names the platform module of the build: src/renderer/src/platform/electron.ts in
// the desktop app, platform/web/index.ts in the web mode (the alias is in renderer.vite.ts).
// Both export `createPlatform` of this type, so the rest of the renderer type-checks once.
declare module '#platform' {
  export const createPlatform: import('./types').PlatformFactory;
}
