// electron-vite builds the three parts of the desktop app into out/:
//   main     → out/main/index.js    ES module (package.json is "type": "module", and
//              Electron ≥ 28 loads an ESM main). Its npm dependencies (zod,
//              write-file-atomic) are bundled too, so the packaged app needs no node_modules.
//   preload  → out/preload/index.cjs ONE CommonJS file: a sandboxed preload cannot load
//              modules or ESM, so nothing is externalised except 'electron' itself.
//   renderer → out/renderer/         the Svelte app, from renderer.vite.ts (shared with the web mode),
//              with the desktop's platform layer only (`#platform` → platform/electron.ts).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './renderer.vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      externalizeDeps: false,
      lib: { entry: resolve(root, 'src/main/index.ts'), formats: ['es'] },
      rolldownOptions: { output: { entryFileNames: '[name].js' } }
    }
  },
  preload: {
    build: {
      externalizeDeps: false,
      isolatedEntries: true,
      lib: { entry: resolve(root, 'src/preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: {
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false }
      }
    }
  },
  renderer: rendererConfig({ platform: 'electron' })
});
