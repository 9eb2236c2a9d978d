// The factor profile: each compared scenario's factor levels at the horizon on a radar.
// Chart.js goes round clockwise from the top; right to left it goes round the other way (the
// picture mirrored: the first factor still at the top), as the other charts mirror their axes.
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { chartContext } from './context';
import { wrap } from './format';
import { baseOptions, chartPlugins, font } from './options';
import { withAlpha } from './palette';
import type { ChartInput, ChartRenderOptions, ChartTable } from './types';
import { ownValue } from '../../engine/records';

type RadarConfig = ChartConfiguration<'radar', (number | null)[], string[]>;

export function radarChart(input: ChartInput, render: ChartRenderOptions = {}): RadarConfig {
  const ctx = chartContext(input);
  const H = ctx.horizon;
  const { colours } = ctx;
  // Stryker disable next-line EqualityOperator: one factor followed by none reversed is that factor alone
  const factors = ctx.rtl && ctx.factors.length > 1 ? [ctx.factors[0], ...ctx.factors.slice(1).reverse()] : ctx.factors;
  const datasets: ChartDataset<'radar', (number | null)[]>[] = ctx.compared.map((s) => ({
    label: s.name,
    // Stryker disable next-line OptionalChaining: the scenarios of one analysis all have a level path for every factor of its document, and ctx.factors are among those
    data: factors.map((f) => ownValue(s.analysis.central.factors, f.id)?.[H] ?? null),
    borderColor: s.colour,
    backgroundColor: withAlpha(s.colour, 0.1),
    pointBackgroundColor: s.colour,
    borderWidth: 2,
    pointRadius: 2.5,
    fill: true
  }));
  return {
    type: 'radar',
    data: { labels: factors.map((f) => wrap(f.label, 22)), datasets },
    options: {
      ...baseOptions<'radar'>(ctx, render, {
        // Stryker disable next-line StringLiteral: an analysis has the months 0 to the horizon (never none), so the horizon's label exists
        title: ctx.text.titles.radar(ctx.monthLabels[H] ?? ''),
        tooltipMode: 'nearest',
        tooltip: {
          title: (items) => (items.length ? factors[items[0].dataIndex].label : ''),
          label: (item) => `${item.dataset.label}: ${ctx.fmt.points(item.parsed.r ?? NaN)}`
        }
      }),
      scales: {
        r: {
          min: 0,
          max: 100,
          ticks: { stepSize: 25, color: colours.muted, backdropColor: 'transparent', font: font(render, 10) },
          grid: { color: colours.grid },
          angleLines: { color: colours.grid },
          pointLabels: { color: colours.text, font: font(render, 11) }
        }
      }
    },
    plugins: chartPlugins<'radar'>(ctx, render)
  };
}

export function radarTable(input: ChartInput): ChartTable {
  const ctx = chartContext(input);
  const H = ctx.horizon;
  return {
    // Stryker disable next-line StringLiteral: an analysis has the months 0 to the horizon (never none), so the horizon's label exists
    title: ctx.text.titles.radar(ctx.monthLabels[H] ?? ''),
    columns: [ctx.text.axes.factor, ...ctx.compared.map((s) => s.name)],
    rows: ctx.factors.map((f) => [
      f.label,
      // Stryker disable next-line OptionalChaining: the scenarios of one analysis all have a level path for every factor of its document, and ctx.factors are among those
      ...ctx.compared.map((s) => ownValue(s.analysis.central.factors, f.id)?.[H] ?? null)
    ])
  };
}
