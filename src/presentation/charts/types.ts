// The inputs and outputs of the chart layer. Every chart config is a pure function of a
// ChartInput (the document, the engine's results and the view choices) and ChartRenderOptions.
import type { DocumentAnalysis } from '../../engine/analysis';
import type { MizanDoc } from '../../engine/format/schema';
import type { TornadoMetric } from '../../engine/model/sensitivity';
import type { Language } from '../../engine/format';

export type ChartTheme = 'light' | 'dark';

export const CHART_KINDS = [
  'tension',
  'contributions',
  'contributionsAtHorizon',
  'tornado',
  'factors',
  'histogram',
  'radar',
  'gap',
  'gapAtHorizon',
  'odds'
] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export interface ChartInput {
  doc: MizanDoc;
  /** The engine's results; a scenario's `monteCarlo` may be null (not computed, or runs = 0). */
  analysis: Pick<DocumentAnalysis, 'months' | 'scenarios' | 'tracking'>;
  /** The scenario whose bands, events, contributions, tornado and histogram are drawn. */
  selectedScenario: string;
  /** Scenario ids to chart side by side, in this order. */
  compared: string[];
  /** The scenario the gap charts subtract from the selected one; default: the one after it in the analysis. */
  versus?: string;
  language: Language;
  theme: ChartTheme;
  /** What the analysis's tornado measured (AnalysisOptions.tornadoMetric); default 'final'. */
  tornadoMetric?: TornadoMetric;
  /**
   * What the contribution charts' `central.contributions` hold: the central path's (default), or
   * the mean over the Monte Carlo runs (the caller puts those there); only their titles differ.
   */
  contributionsOf?: 'central' | 'mean';
  /**
   * The selected scenario's fan on the tension chart: of all its runs ('prior', default), or of its
   * runs weighed by how well they agree with the observations ('conditioned', when there are some).
   */
  fan?: FanKind;
}

export const FAN_KINDS = ['prior', 'conditioned'] as const;
export type FanKind = (typeof FAN_KINDS)[number];

/** How the caller draws the chart; everything else follows from the ChartInput. */
export interface ChartRenderOptions {
  /** Default false: charts redraw at once (and render headless without timers). */
  animation?: boolean;
  /** Left unset (Chart.js default) unless given. */
  responsive?: boolean;
  maintainAspectRatio?: boolean;
  devicePixelRatio?: number;
  /** CSS font-family list; defaults to the app's face (Noto Naskh Arabic, then the system face). */
  fontFamily?: string;
  /** Paint the theme's surface colour behind the chart (for exported images); default false. */
  background?: boolean;
}

/** The data a chart shows, as a table: the "Show data" alternative and CSV export. */
export interface ChartTable {
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
}
