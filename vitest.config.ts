import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // zundo imports the `zustand` root entry, which pulls React; the renderer's store uses the
    // vanilla store only. Exact match: an object alias `{ zustand: 'zustand/vanilla' }` would
    // also rewrite `zustand/vanilla` into `zustand/vanilla/vanilla`.
    alias: [{ find: /^zustand$/, replacement: 'zustand/vanilla' }]
  },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // zundo is bundled through Vite (not loaded by Node as is) so that the alias above applies to it.
    server: { deps: { inline: ['zundo'] } },
    testTimeout: 30_000
  }
});
