// What differs between the kinds of chart, in one table: how each is drawn (one chart, or one
// small chart per factor), its table, whether that table runs by month, its accessible name,
// and whether it shows the Monte Carlo. The app, the exports, the report and the command line
// read this table instead of naming kinds; a new kind is a new row (and `CHART_KINDS`).
import type { ChartConfiguration } from 'chart.js';
import { chartContext, type ChartContext } from './context';
import { contributionsChart, contributionsTable, contributionsTitle } from './contributions';
import {
  contributionsAtHorizonChart,
  contributionsAtHorizonTable,
  contributionsAtHorizonTitle
} from './contributionsAtHorizon';
import { factorCharts, factorsTable } from './factors';
import { gapAtHorizonChart, gapAtHorizonTable, gapChart, gapTable } from './gap';
import { histogramChart, histogramTable } from './histogram';
import { oddsChart, oddsTable } from './odds';
import { radarChart, radarTable } from './radar';
import { tensionChart, tensionTable } from './tension';
import { tornadoChart, tornadoTable } from './tornado';
import { pick } from './format';
import type { ChartInput, ChartKind, ChartRenderOptions, ChartTable } from './types';

/** One picture of a chart kind. */
export interface ChartPart {
  /** The chart part of an exported file's name: the kind, or `<kind>-<factorId>` for a factor's chart. */
  name: string;
  /** The factor this picture is of (kinds drawn per factor), else null. */
  factorId: string | null;
  config: ChartConfiguration;
}

export interface ChartKindTraits {
  /** 'one': a single chart; 'perFactor': one small chart per factor (small multiples, one legend for all). */
  layout: 'one' | 'perFactor';
  /** Its pictures, in order (for 'perFactor', the document's factor order). */
  parts(input: ChartInput, render: ChartRenderOptions): ChartPart[];
  /** All it shows as one table: "Show data" and CSV. */
  table(input: ChartInput): ChartTable;
  /** The table's rows are the months 0..H, the month label first (CSV writes ISO months there). */
  byMonth: boolean;
  /** Its title and what it shows, for aria-label. */
  accessibleName(ctx: ChartContext): string;
  /** The accessible name carries numbers of the analysis, so it changes with every edit, not only with the scenarios and months shown. */
  nameHasNumbers: boolean;
  /** It draws the Monte Carlo (bands, distribution): it is redrawn when the Monte Carlo arrives. */
  showsMonteCarlo: boolean;
  /**
   * It shows the selected scenario (its own series, bands or swings): else it draws every compared
   * scenario alike, the same picture whichever is selected, and is exported once, its file named
   * without a scenario (`mizan chart` of every scenario writes it once).
   */
  showsSelected: boolean;
}

const single =
  (draw: (input: ChartInput, render: ChartRenderOptions) => ChartConfiguration, kind: ChartKind) =>
  (input: ChartInput, render: ChartRenderOptions): ChartPart[] => [
    { name: kind, factorId: null, config: draw(input, render) }
  ];

/** A chart's title followed by the scenarios it compares, as a screen reader hears it. */
const titleAndCompared =
  (title: (ctx: ChartContext) => string) =>
  (ctx: ChartContext): string =>
    ctx.text.accessibleList(
      title(ctx),
      ctx.compared.map((s) => s.name)
    );

export const CHART_KIND_TRAITS: { readonly [K in ChartKind]: ChartKindTraits } = {
  tension: {
    layout: 'one',
    parts: single(tensionChart, 'tension'),
    table: tensionTable,
    byMonth: true,
    accessibleName: titleAndCompared((ctx) => ctx.text.titles.tension),
    nameHasNumbers: false,
    showsMonteCarlo: true,
    showsSelected: true
  },
  contributions: {
    layout: 'one',
    parts: single(contributionsChart, 'contributions'),
    table: contributionsTable,
    byMonth: true,
    accessibleName: contributionsTitle,
    nameHasNumbers: false,
    showsMonteCarlo: false,
    showsSelected: true
  },
  contributionsAtHorizon: {
    layout: 'one',
    parts: single(contributionsAtHorizonChart, 'contributionsAtHorizon'),
    table: contributionsAtHorizonTable,
    byMonth: false,
    accessibleName: titleAndCompared(contributionsAtHorizonTitle),
    nameHasNumbers: false,
    showsMonteCarlo: false,
    showsSelected: false
  },
  tornado: {
    layout: 'one',
    parts: single(tornadoChart, 'tornado'),
    table: tornadoTable,
    byMonth: false,
    accessibleName: (ctx) => tornadoTable(ctx.input).title,
    nameHasNumbers: false,
    showsMonteCarlo: false,
    showsSelected: true
  },
  factors: {
    layout: 'perFactor',
    parts: (input, render) =>
      factorCharts(input, render).map(({ factorId, config }) => ({
        name: `factors-${factorId}`,
        factorId,
        config
      })),
    table: factorsTable,
    byMonth: true,
    accessibleName: titleAndCompared((ctx) => ctx.text.titles.factors),
    nameHasNumbers: false,
    showsMonteCarlo: false,
    showsSelected: false
  },
  histogram: {
    layout: 'one',
    parts: single(histogramChart, 'histogram'),
    table: histogramTable,
    byMonth: false,
    // The title carries the probabilities of crisis.
    accessibleName: (ctx) => histogramTable(ctx.input).title,
    nameHasNumbers: true,
    showsMonteCarlo: true,
    showsSelected: true
  },
  radar: {
    layout: 'one',
    parts: single(radarChart, 'radar'),
    table: radarTable,
    byMonth: false,
    accessibleName: (ctx) =>
      ctx.text.accessibleList(
        // Stryker disable next-line StringLiteral: an analysis has months 0..H with H ≥ 1 (schema), so the horizon's label exists
        ctx.text.titles.radar(ctx.monthLabels[ctx.horizon] ?? ''),
        ctx.compared.map((s) => s.name)
      ),
    nameHasNumbers: false,
    showsMonteCarlo: false,
    showsSelected: false
  },
  gap: {
    layout: 'one',
    parts: single(gapChart, 'gap'),
    table: gapTable,
    byMonth: true,
    accessibleName: (ctx) => gapTable(ctx.input).title,
    nameHasNumbers: false,
    showsMonteCarlo: false,
    showsSelected: true
  },
  gapAtHorizon: {
    layout: 'one',
    parts: single(gapAtHorizonChart, 'gapAtHorizon'),
    table: gapAtHorizonTable,
    byMonth: false,
    accessibleName: (ctx) => gapAtHorizonTable(ctx.input).title,
    nameHasNumbers: false,
    showsMonteCarlo: false,
    showsSelected: true
  },
  odds: {
    layout: 'one',
    parts: single(oddsChart, 'odds'),
    table: oddsTable,
    byMonth: true,
    accessibleName: (ctx) =>
      ctx.text.accessibleList(
        ctx.text.titles.odds,
        ctx.input.doc.scenarios.map((s) => pick(s.name, ctx.language, s.id))
      ),
    nameHasNumbers: false,
    showsMonteCarlo: true,
    showsSelected: false
  }
};

/** The pictures of a kind: one, or one per factor. */
export function chartParts(kind: ChartKind, input: ChartInput, render: ChartRenderOptions = {}): ChartPart[] {
  return CHART_KIND_TRAITS[kind].parts(input, render);
}

/** The charts of a kind, as Chart.js configurations. */
export function chartConfigs(
  kind: ChartKind,
  input: ChartInput,
  render: ChartRenderOptions = {}
): ChartConfiguration[] {
  return chartParts(kind, input, render).map((part) => part.config);
}

/** The data a chart of this kind shows, as one table. */
export function chartTable(kind: ChartKind, input: ChartInput): ChartTable {
  return CHART_KIND_TRAITS[kind].table(input);
}

/** The accessible name of a chart: its title and what it shows. */
export function chartAccessibleName(kind: ChartKind, input: ChartInput): string {
  return CHART_KIND_TRAITS[kind].accessibleName(chartContext(input));
}
