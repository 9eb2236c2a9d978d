// The chart layer: Chart.js configurations as pure functions of the engine's results,
// shared by the app and the command line. Callers run registerCharts() once.
export * from './types';
export {
  CHART_KIND_TRAITS,
  chartAccessibleName,
  chartConfigs,
  chartParts,
  chartTable,
  type ChartKindTraits,
  type ChartPart
} from './kinds';
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
export { gapAtHorizonChart, gapAtHorizonTable, gapChart, gapTable, gapVersus, GAP_KINDS, signedPoints } from './gap';
export { oddsChart, oddsTable } from './odds';
