// Contributions over time: the selected scenario's central T split into one stacked
// area per factor (Σ_i C_i(t) = T(t)).
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { chartContext, type ChartContext } from './context';
import { baseOptions, chartPlugins, contributionAxis, stackedLayer, xAxis } from './options';
import type { ChartInput, ChartRenderOptions, ChartTable } from './types';
import { ownValue } from '../../engine/records';

type LineConfig = ChartConfiguration<'line', number[], string>;

/** The central path's contributions, or their mean over the runs (ChartInput.contributionsOf). */
export function contributionsTitle(ctx: ChartContext): string {
  const name = ctx.selected?.name ?? '';
  return ctx.input.contributionsOf === 'mean'
    ? ctx.text.titles.contributionsMean(name)
    : ctx.text.titles.contributions(name);
}

export function contributionsChart(input: ChartInput, render: ChartRenderOptions = {}): LineConfig {
  const ctx = chartContext(input);
  const s = ctx.selected;
  const datasets: ChartDataset<'line', number[]>[] = s
    ? ctx.factors.map((f, i) =>
        stackedLayer(
          ctx,
          {
            label: f.label,
            // Stryker disable next-line ArrayDeclaration: ctx.factors are the factors the selected scenario has contributions for (chartContext), so each is found
            data: ownValue(s.analysis.central.contributions, f.id) ?? [],
            colour: f.colour
          },
          i
        )
      )
    : [];
  return {
    type: 'line',
    data: { labels: ctx.monthLabels, datasets },
    options: {
      ...baseOptions<'line'>(ctx, render, {
        title: contributionsTitle(ctx),
        tooltipMode: 'index',
        reversedEdgeLabels: true,
        tooltip: {
          label: (item) => `${item.dataset.label}: ${ctx.fmt.points(item.parsed.y ?? NaN)}`,
          footer: (items) =>
            s && items.length
              ? `${ctx.text.total}: ${ctx.fmt.points(s.analysis.central.tension[items[0].dataIndex])}`
              : ''
        }
      }),
      scales: {
        x: xAxis(ctx, render, {
          title: ctx.text.axes.month,
          reading: true,
          ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 9 }
        }),
        y: contributionAxis(ctx, render)
      }
    },
    plugins: chartPlugins<'line'>(ctx, render)
  };
}

export function contributionsTable(input: ChartInput): ChartTable {
  const ctx = chartContext(input);
  const s = ctx.selected;
  return {
    title: contributionsTitle(ctx),
    columns: [ctx.text.axes.month, ...ctx.factors.map((f) => f.label), ctx.text.total],
    rows: s
      ? ctx.monthLabels.map((month, t) => [
          month,
          // Stryker disable next-line OptionalChaining: ctx.factors are the factors the selected scenario has contributions for (chartContext), so each is found
          ...ctx.factors.map((f) => ownValue(s.analysis.central.contributions, f.id)?.[t] ?? null),
          s.analysis.central.tension[t]
        ])
      : []
  };
}
