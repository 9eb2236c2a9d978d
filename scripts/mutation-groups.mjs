// Which tests StrykerJS runs against which source files (scripts/mutation.mjs). Each group is one
// Stryker run: its files are mutated, and only its tests run against each mutant. Running every
// test against every mutant of src/engine takes hours on two cores (a static mutant — code reached
// while modules load — runs the whole set: 3½ minutes each); the tests aimed at a file catch what
// the rest would, so a group's score is a lower bound of the full one. Every source file of an
// area belongs to exactly one group (tests/scripts/mutation.test.ts checks it).

/** @typedef {{ name: string, mutate: string[], tests: string[] }} MutationGroup */
/** @typedef {{ config: string, root: string, report: string, groups: MutationGroup[] }} MutationArea */

/** @type {MutationArea} */
export const engine = {
  config: 'stryker.config.json',
  root: 'src/engine/',
  report: 'tmp/mutation/mutation.json',
  groups: [
    {
      name: 'stats',
      mutate: ['src/engine/model/stats.ts', 'src/engine/model/statsKernel.ts'],
      tests: ['tests/engine/stat*.test.ts', 'tests/engine/crisis.test.ts', 'tests/engine/importance.test.ts']
    },
    {
      name: 'simulate',
      mutate: ['src/engine/model/simulate.ts'],
      tests: [
        'tests/engine/formulas.test.ts',
        'tests/engine/montecarlo-runs.test.ts',
        'tests/engine/kernel.test.ts',
        'tests/engine/noisy-factors.test.ts',
        'tests/engine/tornado-defaults.test.ts',
        'tests/engine/analysis-results.test.ts',
        'tests/engine/events-v2.test.ts',
        'tests/engine/model-v2-reference.test.ts'
      ]
    },
    {
      name: 'kernel',
      mutate: ['src/engine/model/kernel.ts', 'src/engine/model/wasmModule.ts', 'src/engine/model/kernelWasm.ts'],
      tests: [
        'tests/engine/kernel.test.ts',
        'tests/engine/no-webassembly.test.ts',
        'tests/engine/stats-kernel.test.ts',
        'tests/engine/montecarlo-runs.test.ts',
        'tests/engine/chunks.test.ts'
      ]
    },
    {
      name: 'streamed',
      mutate: ['src/engine/model/streamed.ts', 'src/engine/model/quantileCells.ts'],
      tests: ['tests/engine/streamed.test.ts', 'tests/engine/chunks.test.ts']
    },
    {
      name: 'montecarlo',
      mutate: ['src/engine/model/montecarlo.ts', 'src/engine/model/sensitivity.ts'],
      tests: [
        'tests/engine/montecarlo-runs.test.ts',
        'tests/engine/streamed.test.ts',
        // The JavaScript kernel's paths, held to the WebAssembly's (javascriptKernel: true), and
        // the crisis counts' JavaScript, held to the stats kernel's.
        'tests/engine/kernel.test.ts',
        'tests/engine/stats-kernel.test.ts',
        'tests/engine/design.test.ts',
        'tests/engine/tracking.test.ts',
        'tests/engine/crisis.test.ts',
        'tests/engine/standard-errors.test.ts',
        'tests/engine/tornado*.test.ts',
        'tests/engine/importance.test.ts',
        'tests/engine/analysis-results.test.ts',
        'tests/engine/formulas.test.ts',
        'tests/engine/events-v2.test.ts'
      ]
    },
    {
      name: 'sobol',
      mutate: [
        'src/engine/model/sobol.ts',
        'src/engine/model/imanConover.ts',
        'src/engine/model/cholesky.ts',
        'src/engine/model/normalQuantile.ts',
        'src/engine/model/scenarioSobol.ts',
        'src/engine/index.ts'
      ],
      tests: [
        'tests/engine/sobol.test.ts',
        'tests/engine/iman-conover.test.ts',
        'tests/engine/scenario-sobol.test.ts',
        'tests/engine/events-v2.test.ts'
      ]
    },
    {
      name: 'events',
      mutate: ['src/engine/model/eventProbabilities.ts', 'src/engine/random/beta.ts', 'src/engine/model/design.ts'],
      tests: ['tests/engine/events-v2.test.ts', 'tests/engine/design.test.ts']
    },
    {
      name: 'tracking',
      mutate: ['src/engine/model/tracking.ts', 'src/engine/tracking.ts', 'src/engine/priors.ts'],
      tests: ['tests/engine/tracking.test.ts', 'tests/format/observations.test.ts']
    },
    {
      name: 'diagnostics',
      mutate: ['src/engine/model/diagnostics.ts', 'src/engine/model/loops.ts'],
      tests: ['tests/engine/diagnostics.test.ts']
    },
    {
      name: 'analysis',
      mutate: ['src/engine/analysis.ts', 'src/engine/gap.ts', 'src/engine/reweigh.ts'],
      tests: [
        'tests/engine/analysis-results.test.ts',
        'tests/engine/reweigh.test.ts',
        'tests/engine/chunks.test.ts',
        'tests/engine/largest-contributions.test.ts',
        'tests/engine/gap.test.ts',
        'tests/engine/standard-errors.test.ts',
        'tests/engine/mean-contributions.test.ts'
      ]
    },
    {
      name: 'edits',
      mutate: [
        'src/engine/edits.ts',
        'src/engine/colour.ts',
        'src/engine/ids.ts',
        'src/engine/digits.ts',
        'src/engine/labels.ts',
        'src/engine/factorImport.ts',
        'src/engine/model/bands.ts',
        'src/engine/months.ts',
        'src/engine/records.ts',
        'src/engine/steps.ts'
      ],
      tests: [
        'tests/engine/edits*.test.ts',
        'tests/engine/colour.test.ts',
        'tests/engine/ids.test.ts',
        'tests/engine/digits.test.ts',
        'tests/engine/labels.test.ts',
        'tests/engine/factor-import.test.ts',
        'tests/engine/bounds.test.ts',
        'tests/engine/central.test.ts',
        'tests/engine/bands.test.ts',
        'tests/engine/months.test.ts',
        'tests/engine/records.test.ts',
        'tests/engine/steps.test.ts'
      ]
    },
    {
      name: 'compile',
      mutate: [
        'src/engine/model/compile.ts',
        'src/engine/model/arena.ts',
        'src/engine/model/problems.ts',
        'src/engine/random/normal.ts',
        'src/engine/random/streams.ts',
        'src/engine/export/**/*.ts'
      ],
      tests: [
        'tests/engine/compile.test.ts',
        'tests/engine/random.test.ts',
        'tests/engine/montecarlo-runs.test.ts',
        'tests/engine/scenario-table.test.ts',
        'tests/engine/formulas.test.ts',
        'tests/engine/analysis-results.test.ts',
        'tests/engine/events-v2.test.ts',
        'tests/export/csv.test.ts',
        'tests/export/bidi.test.ts'
      ]
    },
    {
      name: 'text',
      mutate: [
        'src/engine/format/jsonText.ts',
        'src/engine/format/migrate.ts',
        'src/engine/format/sameContent.ts',
        'src/engine/format/serialize.ts',
        'src/engine/format/fileSize.ts',
        'src/engine/format/limits.ts',
        'src/engine/format/defaults.ts'
      ],
      tests: [
        'tests/format/jsonText*.test.ts',
        'tests/format/serialize.test.ts',
        'tests/format/sameContent.test.ts',
        'tests/format/migrate.test.ts',
        'tests/format/fileSize.test.ts'
      ]
    },
    {
      name: 'format',
      mutate: [
        'src/engine/format/load.ts',
        'src/engine/format/references.ts',
        'src/engine/format/problems.ts',
        'src/engine/format/paths.ts',
        'src/engine/format/places.ts',
        'src/engine/format/messages.ts',
        'src/engine/format/schema.ts',
        'src/engine/format/blank.ts',
        'src/engine/format/jsonSchema.ts',
        'src/engine/format/central.ts',
        'src/engine/format/index.ts'
      ],
      tests: [
        'tests/format/*.test.ts',
        'tests/engine/blank.test.ts',
        'tests/engine/bounds.test.ts',
        'tests/engine/central.test.ts',
        'tests/engine/prototype-ids.test.ts'
      ]
    }
  ]
};

// The code that turns numbers into what people read. Drawing on a canvas (headless.ts, register.ts,
// png.ts) is checked by pixels in tests that draw every chart (seconds each): those run only in the
// drawing group, so that each mutant of a chart's configuration runs the fast tests of configs.
/** @type {MutationArea} */
export const presentation = {
  config: 'stryker.presentation.config.json',
  root: 'src/presentation/',
  report: 'tmp/mutation/presentation.json',
  groups: [
    {
      name: 'charts',
      mutate: [
        'src/presentation/charts/annotations.ts',
        'src/presentation/charts/context.ts',
        'src/presentation/charts/contributions.ts',
        'src/presentation/charts/contributionsAtHorizon.ts',
        'src/presentation/charts/factors.ts',
        'src/presentation/charts/format.ts',
        'src/presentation/charts/gap.ts',
        'src/presentation/charts/histogram.ts',
        'src/presentation/charts/index.ts',
        'src/presentation/charts/inputs.ts',
        'src/presentation/charts/kinds.ts',
        'src/presentation/charts/options.ts',
        'src/presentation/charts/palette.ts',
        'src/presentation/charts/radar.ts',
        'src/presentation/charts/strings.ts',
        'src/presentation/charts/tension.ts',
        'src/presentation/charts/tornado.ts',
        'src/presentation/charts/types.ts'
      ],
      tests: [
        'tests/charts/common.test.ts',
        'tests/charts/context.test.ts',
        'tests/charts/contributions.test.ts',
        'tests/charts/distributions.test.ts',
        'tests/charts/drawing.test.ts',
        'tests/charts/format.test.ts',
        'tests/charts/gap.test.ts',
        'tests/charts/eventLabels.test.ts',
        'tests/charts/kinds.test.ts',
        'tests/charts/options.test.ts',
        'tests/charts/palette.test.ts',
        'tests/charts/strings.test.ts',
        'tests/charts/tension.test.ts',
        'tests/charts/tornado.test.ts',
        'tests/charts/annotations-stacking.test.ts',
        'tests/charts/contributions-options.test.ts',
        'tests/charts/factors-options.test.ts',
        'tests/charts/radar-options.test.ts',
        'tests/charts/histogram-edges.test.ts',
        'tests/charts/tracking.test.ts'
      ]
    },
    {
      name: 'tracking',
      mutate: [
        'src/presentation/charts/observations.ts',
        'src/presentation/charts/odds.ts',
        'src/presentation/tracking.ts'
      ],
      tests: ['tests/charts/tracking.test.ts', 'tests/charts/kinds.test.ts', 'tests/report/tracking.test.ts']
    },
    {
      name: 'drawing',
      mutate: [
        'src/presentation/charts/headless.ts',
        'src/presentation/charts/register.ts',
        'src/presentation/export/png.ts'
      ],
      tests: ['tests/charts/render.test.ts', 'tests/charts/headless.test.ts', 'tests/export/png.test.ts']
    },
    {
      name: 'export',
      mutate: [
        'src/presentation/export/caption.ts',
        'src/presentation/export/chartOptions.ts',
        'src/presentation/export/csv.ts',
        'src/presentation/export/fileName.ts',
        'src/presentation/export/index.ts',
        'src/presentation/export/matrix.ts',
        'src/presentation/export/svg.ts',
        'src/presentation/export/svgContext.ts',
        'src/presentation/export/svgDom.ts',
        'src/presentation/export/types.ts'
      ],
      tests: [
        'tests/export/caption.test.ts',
        'tests/export/caption-draw.test.ts',
        'tests/export/csv.test.ts',
        'tests/export/cli-csv.test.ts',
        'tests/export/fileName.test.ts',
        'tests/export/matrix.test.ts',
        'tests/export/svg.test.ts',
        'tests/export/svg-context.test.ts',
        'tests/export/svg-dom.test.ts',
        'tests/renderer/chart-export.test.ts'
      ]
    },
    {
      name: 'report',
      mutate: ['src/presentation/report/**/*.ts', 'src/presentation/headline.ts'],
      tests: ['tests/report/*.test.ts']
    }
  ]
};

/** @type {Record<string, MutationArea>} */
export const areas = { engine, presentation };
