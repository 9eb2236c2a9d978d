import { defineConfig } from 'vitest/config';

// The tests StrykerJS runs against each mutant of src/engine (npm run test:mutation): those
// that exercise the engine, in Node. Kept apart from vitest.config.ts so that the mutation
// run neither compiles Svelte nor mounts components.
// MIZAN_MUTATION_TESTS (comma-separated globs) narrows a run to the tests aimed at one file,
// for a quick measure on a busy machine: a lower bound of the full run's score.
const narrowed = process.env.MIZAN_MUTATION_TESTS?.split(',');

export default defineConfig({
  test: {
    include: narrowed ?? [
      'tests/engine/**/*.test.ts',
      'tests/format/**/*.test.ts',
      'tests/export/csv.test.ts',
      'tests/export/bidi.test.ts',
      'tests/renderer/progressive.test.ts'
    ],
    environment: 'node',
    testTimeout: 60_000,
    // A fixed fast-check seed, so a mutant is killed or not the same way every run.
    setupFiles: ['tests/support/mutationSetup.ts']
  }
});
