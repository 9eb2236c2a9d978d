import { defineConfig } from 'vitest/config';

// The tests StrykerJS runs against each mutant of src/presentation
// (`stryker run stryker.presentation.config.json`): those that exercise the chart configs, the
// exports and the report, in Node — `mizan chart` runs in-process, so its tests count. The one
// that needs a DOM, tests/renderer/chart-export.test.ts, asks for jsdom itself
// (`// @vitest-environment jsdom`). None of them imports the renderer's store, so the `zustand`
// alias of vitest.config.ts is not needed here.
// MIZAN_MUTATION_TESTS (comma-separated globs) narrows a run to the tests aimed at one file,
// for a quick measure on a busy machine: a lower bound of the full run's score.
const narrowed = process.env.MIZAN_MUTATION_TESTS?.split(',');

export default defineConfig({
  test: {
    include: narrowed ?? [
      'tests/charts/**/*.test.ts',
      'tests/export/**/*.test.ts',
      'tests/report/**/*.test.ts',
      'tests/cli/chart.test.ts',
      'tests/renderer/chart-export.test.ts',
      'tests/renderer/analysis-charts.test.ts'
    ],
    environment: 'node',
    testTimeout: 60_000,
    // A fixed fast-check seed, so a mutant is killed or not the same way every run.
    setupFiles: ['tests/support/mutationSetup.ts']
  }
});
