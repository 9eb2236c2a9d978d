import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import { platformAlias, rendererConfig } from './renderer.vite';

// Two projects, both run by a plain `vitest run` (npm run test:unit, whose JSON report CI reads):
//   - unit: everything under tests/ but the component tests, in Node, without the Svelte plugin;
//   - components: tests/components, the editor's Svelte components mounted in jsdom with
//     Svelte's client runtime, driven as a person would (@testing-library/svelte, user-event).
// Both extend the settings below.
export default defineConfig({
  resolve: {
    // zundo imports the `zustand` root entry, which pulls React; the renderer's store uses the
    // vanilla store only. Exact match: an object alias `{ zustand: 'zustand/vanilla' }` would
    // also rewrite `zustand/vanilla` into `zustand/vanilla/vanilla`.
    // `#platform` as in the web build: the tests run the renderer outside Electron.
    alias: [{ find: /^zustand$/, replacement: 'zustand/vanilla' }, platformAlias('web')]
  },
  test: {
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // zundo is bundled through Vite (not loaded by Node as is) so that the alias above applies to it.
    server: { deps: { inline: ['zundo'] } },
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/components/**', 'node_modules/**'],
          environment: 'node'
        }
      },
      {
        extends: true,
        // The app's own Svelte plugin and options (renderer.vite.ts), so the components compile
        // here exactly as they do in the app; svelteTesting() adds the cleanup after each test.
        plugins: [...(rendererConfig({ platform: 'web' }).plugins ?? []), svelteTesting()],
        resolve: {
          // Svelte's client runtime (mount, effects), not its server renderer.
          conditions: ['browser']
        },
        test: {
          name: 'components',
          include: ['tests/components/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['tests/components/setup.ts']
        }
      }
    ]
  }
});
