// Factor paths as small multiples: one chart per factor, each with the central level path
// of every compared scenario on the same 0–100 scale. One canvas per factor (rather than
// one canvas with a grid) lets the app lay them out in a CSS grid that mirrors in Arabic and
// reflows with the window, gives each its own accessible name, and keeps Chart.js's tooltips
// and legends working as usual; the command line can export one or all.
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { chartContext, type ChartContext, type FactorView } from './context';
import { wrap } from './format';
import { readingCells, readingsOf, readingsOverlay } from './observations';
import { baseOptions, chartPlugins, xAxis, yAxis } from './options';
import type { ChartInput, ChartRenderOptions, ChartTable } from './types';
import { ownValue } from '../../engine/records';

type LineConfig = ChartConfiguration<'line', number[], string>;

/** A small chart's title is wrapped at about this many characters rather than squeezed. */
const TITLE_CHARS = 36;

export interface FactorChart {
  factorId: string;
  config: LineConfig;
}

/** What the factor does to tension, and the unit of its axis (which has no title of its own: the chart is small). */
function subtitleText(ctx: ChartContext, factor: FactorView): string {
  const def = ctx.input.doc.factors.find((f) => f.id === factor.id);
  // Stryker disable next-line OptionalChaining: ctx.factors are taken from the document's factors, so the find always finds one
  const direction = def?.direction === -1 ? ctx.text.direction.lowers : ctx.text.direction.raises;
  return `${direction} · ${ctx.text.axes.level}`;
}

function factorConfig(ctx: ChartContext, factor: FactorView, render: ChartRenderOptions): LineConfig {
  const readings = readingsOf(ctx, factor.id);
  const datasets: ChartDataset<'line', number[]>[] = ctx.compared.map((s) => ({
    label: s.name,
    // Stryker disable next-line ArrayDeclaration: the scenarios of one analysis all have a level path for every factor of its document, and ctx.factors are among those
    data: ownValue(s.analysis.central.factors, factor.id) ?? [],
    borderColor: s.colour,
    backgroundColor: s.colour,
    borderWidth: 2,
    pointRadius: 0,
    pointHoverRadius: 3,
    fill: false,
    tension: 0
  }));
  const observed = readingsOverlay(ctx, readings, datasets.length, 3);
  return {
    type: 'line',
    data: { labels: ctx.monthLabels, datasets: [...datasets, ...observed.datasets] },
    options: {
      ...baseOptions<'line'>(ctx, render, {
        title: factor.label.length > TITLE_CHARS ? wrap(factor.label, TITLE_CHARS) : factor.label,
        titleSize: 13,
        subtitle: subtitleText(ctx, factor),
        tooltipMode: 'index',
        reversedEdgeLabels: true,
        tooltip: {
          label: (item) => observed.tooltip(item) ?? `${item.dataset.label}: ${ctx.fmt.points(item.parsed.y ?? NaN)}`
        },
        annotations: observed.annotations
      }),
      scales: {
        // Few, well-spaced ticks: small multiples are narrow and short.
        x: xAxis(ctx, render, {
          reading: true,
          ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 16, maxTicksLimit: 4 }
        }),
        y: yAxis(ctx, render, { min: 0, max: 100, ticks: { stepSize: 50 } })
      }
    },
    plugins: chartPlugins<'line'>(ctx, render)
  };
}

/** One chart per factor, in the document's order. */
export function factorCharts(input: ChartInput, render: ChartRenderOptions = {}): FactorChart[] {
  const ctx = chartContext(input);
  return ctx.factors.map((f) => ({ factorId: f.id, config: factorConfig(ctx, f, render) }));
}

/** The chart of one factor; undefined if the analysis has no such factor. */
export function factorChart(
  input: ChartInput,
  factorId: string,
  render: ChartRenderOptions = {}
): LineConfig | undefined {
  const ctx = chartContext(input);
  const factor = ctx.factors.find((f) => f.id === factorId);
  return factor && factorConfig(ctx, factor, render);
}

/** All factor paths in one table: a column per factor and compared scenario, and the readings of a factor where there are some. */
export function factorsTable(input: ChartInput): ChartTable {
  const ctx = chartContext(input);
  const columns = ctx.factors.flatMap((f) => {
    const readings = readingsOf(ctx, f.id);
    return [
      ...ctx.compared.map((s) => ({
        name: `${f.label} — ${s.name}`,
        // Stryker disable next-line OptionalChaining: the scenarios of one analysis all have a level path for every factor of its document, and ctx.factors are among those
        cell: (t: number) => ownValue(s.analysis.central.factors, f.id)?.[t] ?? null
      })),
      ...(readings.length
        ? [
            { name: `${f.label} — ${ctx.text.observed.column}`, cell: (t: number) => readingCells(readings, t)[0] },
            { name: `${f.label} — ${ctx.text.observed.sigma}`, cell: (t: number) => readingCells(readings, t)[1] }
          ]
        : [])
    ];
  });
  return {
    title: ctx.text.titles.factors,
    columns: [ctx.text.axes.month, ...columns.map((c) => c.name)],
    rows: ctx.monthLabels.map((month, t) => [month, ...columns.map((c) => c.cell(t))])
  };
}

/** The table of one factor's chart. */
export function factorTable(input: ChartInput, factorId: string): ChartTable {
  const ctx = chartContext(input);
  const factor = ctx.factors.find((f) => f.id === factorId);
  return {
    title: factor?.label ?? factorId,
    columns: [ctx.text.axes.month, ...ctx.compared.map((s) => s.name)],
    rows: factor
      ? ctx.monthLabels.map((month, t) => [
          month,
          // Stryker disable next-line OptionalChaining: the scenarios of one analysis all have a level path for every factor of its document, and ctx.factors are among those
          ...ctx.compared.map((s) => ownValue(s.analysis.central.factors, factor.id)?.[t] ?? null)
        ])
      : []
  };
}
