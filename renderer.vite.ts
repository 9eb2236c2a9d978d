// The renderer's Vite configuration, shared by both ways Mizan runs:
//   - electron-vite (electron.vite.config.ts imports `rendererConfig({ platform: 'electron' })` for its renderer
//     section, leaving the output folder to electron-vite: out/renderer);
//   - the web mode (`npm run web`, the e2e tests): `vite build --config renderer.vite.ts`
//     uses the default export below, which writes to out/web.
// The two differ in one module: `#platform`, the platform layer (src/renderer/src/platform),
// is the desktop's or the browser's, so each bundle carries only its own.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Alias, UserConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

export type PlatformName = 'electron' | 'web';

/** The module `#platform` names in each build (both export `createPlatform`). */
export const PLATFORM_MODULES: Record<PlatformName, string> = {
  electron: 'src/renderer/src/platform/electron.ts',
  web: 'src/renderer/src/platform/web/index.ts'
};

/** The alias that makes `#platform` the platform of this build (also used by the tests' Vite). */
export function platformAlias(platform: PlatformName): Alias {
  return { find: /^#platform$/, replacement: resolve(repoRoot, PLATFORM_MODULES[platform]) };
}

export interface RendererConfigOptions {
  /** Which platform layer the renderer is built with. */
  platform: PlatformName;
  /** Where the build goes (absolute, or relative to the repository). Omit to let electron-vite choose. */
  outDir?: string;
}

export function rendererConfig(options: RendererConfigOptions): UserConfig {
  return {
    root: resolve(repoRoot, 'src/renderer'),
    // Relative asset URLs: the same build loads from file:// (or a custom protocol) in
    // Electron and from http://127.0.0.1 in the web mode.
    base: './',
    plugins: [svelte({ configFile: false, compilerOptions: { runes: true } })],
    resolve: {
      // zundo imports the `zustand` root entry, which pulls React; the renderer uses only
      // the vanilla store (src/renderer/src/state/document.ts). Exact match only: an object alias
      // `{ zustand: … }` would also rewrite `zustand/vanilla` itself.
      alias: [{ find: /^zustand$/, replacement: 'zustand/vanilla' }, platformAlias(options.platform)]
    },
    // The default analysis is bundled from resources/ with a `?raw` import.
    server: { fs: { allow: [repoRoot] } },
    build: {
      target: 'es2022',
      ...(options.outDir ? { outDir: resolve(repoRoot, options.outDir), emptyOutDir: true } : {}),
      // Fonts stay files (never data: URLs), so the CSP's font-src 'self' holds.
      assetsInlineLimit: 0,
      reportCompressedSize: false,
      // electron-vite leaves the renderer unminified by default; the desktop app ships the same
      // minified scripts as the web build that `npm run bench:ui` measures (half the text to
      // parse before the first screen).
      minify: true,
      chunkSizeWarningLimit: 1500,
      rolldownOptions: {
        output: {
          // The large libraries in chunks of their own: the browser parses the page's scripts
          // on background threads, one per file, so on two cores the first screen's 700 KB are
          // parsed in about half the time (docs/BENCHMARKS.md, first charts).
          codeSplitting: {
            groups: [
              { name: 'charts', test: /node_modules[\\/](chart\.js|chartjs-plugin-annotation|@kurkle[\\/]color)[\\/]/ },
              { name: 'svelte', test: /node_modules[\\/]svelte[\\/]/ },
              { name: 'zod', test: /node_modules[\\/]zod[\\/]/ }
            ]
          }
        }
      }
    }
  };
}

export default rendererConfig({ platform: 'web', outDir: 'out/web' });
