// The chart layer: Chart.js configurations as pure functions of the engine's results,
// shared by the app and the command line. Callers run registerCharts() once.
import type { ChartConfiguration } from 'chart.js';
import { contributionsChart, contributionsTable } from './contributions';
import { contributionsAtHorizonChart, contributionsAtHorizonTable } from './contributionsAtHorizon';
import { factorCharts, factorsTable } from './factors';
import { histogramChart, histogramTable } from './histogram';
import { radarChart, radarTable } from './radar';
import { tensionChart, tensionTable } from './tension';
import { tornadoChart, tornadoTable } from './tornado';
import type { ChartInput, ChartKind, ChartRenderOptions, ChartTable } from './types';

export * from './types';
export { chartAccessibleName } from './accessibleName';
export { registerCharts } from './register';
export { FACTOR_PALETTE, THEMES, factorColour, themeColours, withAlpha, type ThemeColours } from './palette';
export { CHART_STRINGS, chartStrings, type ChartStrings } from './strings';
export { inputLabel } from './inputs';
export { DEFAULT_FONT_FAMILY } from './options';
export { withTextDirection } from './headless';
export { tensionChart, tensionTable } from './tension';
export { contributionsChart, contributionsTable } from './contributions';
export { contributionsAtHorizonChart, contributionsAtHorizonTable } from './contributionsAtHorizon';
export { tornadoChart, tornadoTable, TORNADO_MAX_BARS } from './tornado';
export { factorChart, factorCharts, factorTable, factorsTable, type FactorChart } from './factors';
export { histogramChart, histogramTable } from './histogram';
export { radarChart, radarTable } from './radar';

/** The charts of a kind: one config, or one per factor for 'factors'. */
export function chartConfigs(
  kind: ChartKind,
  input: ChartInput,
  render: ChartRenderOptions = {}
): ChartConfiguration[] {
  const one = (config: unknown) => [config as ChartConfiguration];
  switch (kind) {
    case 'tension':
      return one(tensionChart(input, render));
    case 'contributions':
      return one(contributionsChart(input, render));
    case 'contributionsAtHorizon':
      return one(contributionsAtHorizonChart(input, render));
    case 'tornado':
      return one(tornadoChart(input, render));
    case 'factors':
      return factorCharts(input, render).map((f) => f.config as unknown as ChartConfiguration);
    case 'histogram':
      return one(histogramChart(input, render));
    case 'radar':
      return one(radarChart(input, render));
  }
}

const TABLES: Record<ChartKind, (input: ChartInput) => ChartTable> = {
  tension: tensionTable,
  contributions: contributionsTable,
  contributionsAtHorizon: contributionsAtHorizonTable,
  tornado: tornadoTable,
  factors: factorsTable,
  histogram: histogramTable,
  radar: radarTable
};

/** The data a chart of this kind shows, as one table. */
export function chartTable(kind: ChartKind, input: ChartInput): ChartTable {
  return TABLES[kind](input);
}
