// Exporting the chart on screen from the app: the same files `mizan chart` writes (the same
// configs from src/presentation/charts, drawn by src/presentation/export), made from the pane's ChartInput,
// then handed to the Bridge (a save dialog, or the clipboard). No DOM and no Svelte here: the
// caller gives the canvas factory (browserCanvas in the app, @napi-rs/canvas in the tests).
import type { Bridge } from '../../../contract/bridge';
import {
  CHART_KIND_TRAITS,
  chartParts,
  type ChartInput,
  type ChartKind,
  type ChartPart,
  type ChartTheme
} from '../../../presentation/charts';
import {
  chartCsv,
  DEFAULT_EXPORT_SIZE,
  exportCaption,
  exportFileName,
  exportScenarioPart,
  renderChartPng,
  renderChartSvg,
  type CanvasFactory,
  type ExportBackground,
  type ExportFormat,
  type ExportScale
} from '../../../presentation/export';

/** What the Export menus offer for a chart. */
export const CHART_EXPORT_ACTIONS = ['copy', 'png', 'svg', 'csv'] as const;
export type ChartExportAction = (typeof CHART_EXPORT_ACTIONS)[number];

export interface PngSettings {
  scale: ExportScale;
  background: ExportBackground;
}

export interface ChartExportOptions extends PngSettings {
  /** The factor whose small chart is drawn (factor paths only; the first factor if not given). */
  factorId?: string;
  /** CSV only: start the file with a UTF-8 byte-order mark (for Excel). */
  bom?: boolean;
  /** Pictures only: the document's title, the date and the judgement-aid line under the chart. */
  caption?: boolean;
}

export interface ChartExportFile {
  /** `<document>-<chart>-<scenario>.<ext>` */
  name: string;
  kind: ExportFormat;
  data: Uint8Array | string;
}

/** One picture of a chart kind: factor paths have one per factor, the others one. */
export interface ChartPicture {
  /** The chart part of the file name: the kind, or `factors-<factorId>`. */
  chart: string;
  factorId: string | null;
  /** The factor's label in the chart's language (factor paths), for choosing among them. */
  label: string;
}

/**
 * PNG needs the picture settings, SVG the caption, CSV the byte-order mark; a kind drawn per
 * factor also needs the factor chosen. Copy takes the last choices, at once.
 */
export function needsChoice(kind: ChartKind, action: ChartExportAction): boolean {
  return action !== 'copy' || CHART_KIND_TRAITS[kind].layout === 'perFactor';
}

export function chartPictures(kind: ChartKind, input: ChartInput): ChartPicture[] {
  if (CHART_KIND_TRAITS[kind].layout === 'one') return [{ chart: kind, factorId: null, label: '' }];
  const other = input.language === 'ar' ? 'en' : 'ar';
  return chartParts(kind, input).map(({ name, factorId }) => {
    const label = input.doc.factors.find((f) => f.id === factorId)?.label;
    return {
      chart: name,
      factorId,
      label: (label?.[input.language].trim() || label?.[other].trim()) ?? factorId ?? ''
    };
  });
}

/**
 * The chart's colours for a background: light text on dark, dark text on white; on a
 * transparent background, the app's own theme (the picture goes where the analyst decides).
 */
export function exportTheme(background: ExportBackground, appTheme: ChartTheme): ChartTheme {
  if (background === 'white') return 'light';
  if (background === 'dark') return 'dark';
  return appTheme;
}

/** The settings before the analyst picks any: 2× (sharp on slides), the app theme's surface. */
export function defaultPngSettings(appTheme: ChartTheme): PngSettings {
  return { scale: 2, background: appTheme === 'dark' ? 'dark' : 'white' };
}

function pictureConfig(kind: ChartKind, input: ChartInput, factorId: string | undefined): ChartPart {
  const parts = chartParts(kind, input);
  if (CHART_KIND_TRAITS[kind].layout === 'one') return parts[0];
  const chosen = factorId === undefined ? parts[0] : parts.find((part) => part.factorId === factorId);
  if (!chosen)
    throw new Error(
      factorId === undefined ? 'There is no factor to draw.' : `There is no factor "${factorId}" in the chart.`
    );
  return chosen;
}

/**
 * The file of one export: PNG (copy too) and SVG draw the chart (for factor paths, the chosen
 * factor's chart) at DEFAULT_EXPORT_SIZE in the colours of the background; CSV is the chart's
 * whole table (all factors), with a byte-order mark if asked. A picture's caption is dated `now`.
 */
export function chartExportFile(
  kind: ChartKind,
  input: ChartInput,
  format: ExportFormat,
  options: ChartExportOptions,
  documentName: string,
  createCanvas: CanvasFactory,
  now: Date = new Date()
): ChartExportFile {
  const name = (chart: string) => exportFileName(documentName, chart, exportScenarioPart(kind, input), format);
  if (format === 'csv') return { name: name(kind), kind: 'csv', data: chartCsv(kind, input, { bom: options.bom }) };
  const themed: ChartInput = { ...input, theme: exportTheme(options.background, input.theme) };
  const { name: chart, config } = pictureConfig(kind, themed, options.factorId);
  const { width, height } = DEFAULT_EXPORT_SIZE;
  const caption = options.caption ? exportCaption(input.doc, input.language, now) : undefined;
  const data =
    format === 'png'
      ? renderChartPng(
          config,
          { width, height, scale: options.scale, background: options.background, caption },
          createCanvas
        )
      : renderChartSvg(
          config,
          { width, height, background: options.background, language: input.language, caption },
          createCanvas
        );
  return { name: name(chart), kind: format, data };
}

/** What became of an export: saved under a name, copied, or canceled in the save dialog. */
export type ChartExportResult = { done: 'saved'; name: string } | { done: 'copied' } | { done: 'canceled' };

/**
 * Makes the file and hands it over: Copy puts the PNG on the clipboard, the others go
 * through the save dialog. A failure is thrown as an Error with the platform's message.
 */
export async function runChartExport(
  bridge: Pick<Bridge, 'saveExport' | 'copyImage'>,
  action: ChartExportAction,
  made: ChartExportFile
): Promise<ChartExportResult> {
  if (action === 'copy') {
    if (typeof made.data === 'string') throw new Error('Only a PNG image can be copied.');
    const copied = await bridge.copyImage(made.data);
    if (copied.ok) return { done: 'copied' };
    if (copied.canceled) return { done: 'canceled' };
    throw new Error(copied.error);
  }
  const saved = await bridge.saveExport(made.kind, made.name, made.data);
  if (saved.ok) return { done: 'saved', name: saved.value.name };
  if (saved.canceled) return { done: 'canceled' };
  throw new Error(saved.error);
}

/** The file format an action makes: Copy makes a PNG. */
export const formatOf = (action: ChartExportAction): ExportFormat => (action === 'copy' ? 'png' : action);
