// Contributions at the horizon: one stacked bar per compared scenario, one segment per factor.
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { chartContext, type ChartContext } from './context';
import { baseOptions, chartPlugins, contributionAxis, xAxis } from './options';
import type { ChartInput, ChartRenderOptions, ChartTable } from './types';
import { ownValue } from '../../engine/records';

type BarConfig = ChartConfiguration<'bar', (number | null)[], string>;

/** The central path's contributions at the horizon, or their mean over the runs (ChartInput.contributionsOf). */
export function contributionsAtHorizonTitle(ctx: ChartContext): string {
  // Stryker disable next-line StringLiteral: an analysis has the months 0 to the horizon (never none), so the horizon's label exists
  const month = ctx.monthLabels[ctx.horizon] ?? '';
  return ctx.input.contributionsOf === 'mean'
    ? ctx.text.titles.contributionsAtHorizonMean(month)
    : ctx.text.titles.contributionsAtHorizon(month);
}

export function contributionsAtHorizonChart(input: ChartInput, render: ChartRenderOptions = {}): BarConfig {
  const ctx = chartContext(input);
  const H = ctx.horizon;
  const datasets: ChartDataset<'bar', (number | null)[]>[] = ctx.factors.map((f) => ({
    label: f.label,
    // Stryker disable next-line OptionalChaining: the scenarios of one analysis all have a contribution path for every factor of its document, and ctx.factors are among those
    data: ctx.compared.map((s) => ownValue(s.analysis.central.contributions, f.id)?.[H] ?? null),
    backgroundColor: f.colour,
    borderColor: ctx.colours.surface,
    borderWidth: 1,
    maxBarThickness: 90
  }));
  return {
    type: 'bar',
    data: { labels: ctx.compared.map((s) => s.name), datasets },
    options: {
      ...baseOptions<'bar'>(ctx, render, {
        title: contributionsAtHorizonTitle(ctx),
        tooltipMode: 'index',
        tooltip: {
          label: (item) => `${item.dataset.label}: ${ctx.fmt.points(item.parsed.y ?? NaN)}`,
          footer: (items) =>
            items.length
              ? `${ctx.text.total}: ${ctx.fmt.points(ctx.compared[items[0].dataIndex].analysis.central.tension[H])}`
              : ''
        }
      }),
      scales: {
        x: xAxis(ctx, render, { reading: true, stacked: true, grid: false }),
        y: contributionAxis(ctx, render)
      }
    },
    plugins: chartPlugins<'bar'>(ctx, render)
  };
}

export function contributionsAtHorizonTable(input: ChartInput): ChartTable {
  const ctx = chartContext(input);
  const H = ctx.horizon;
  return {
    title: contributionsAtHorizonTitle(ctx),
    columns: [ctx.text.axes.scenario, ...ctx.factors.map((f) => f.label), ctx.text.total],
    rows: ctx.compared.map((s) => [
      s.name,
      // Stryker disable next-line OptionalChaining: the scenarios of one analysis all have a contribution path for every factor of its document, and ctx.factors are among those
      ...ctx.factors.map((f) => ownValue(s.analysis.central.contributions, f.id)?.[H] ?? null),
      s.analysis.central.tension[H]
    ])
  };
}
