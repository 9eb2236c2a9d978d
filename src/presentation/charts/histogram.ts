// The histogram of T at the horizon for the selected scenario (the engine's 20 bins of
// 5 points), with P(crisis) ever and at the horizon, and the crisis threshold marked.
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { markerLine } from './annotations';
import { chartContext, type ChartContext } from './context';
import { baseOptions, chartPlugins, xAxis, yAxis } from './options';
import { withAlpha } from './palette';
import type { ChartInput, ChartRenderOptions, ChartTable } from './types';

type BarConfig = ChartConfiguration<'bar', number[], string>;

/** A value in points as a position on the bins' category axis (bin k is centred on k). */
export function binPosition(edges: number[], value: number): number {
  const last = edges.length - 2;
  for (let k = 0; k <= last; k++) {
    // Stryker disable next-line EqualityOperator: a value on an edge is at k + 0.5 from either bin, so < is <= (the > mutant is killed: tests/charts/histogram-edges)
    const inBin = value <= edges[k + 1];
    if (inBin || k === last) return k - 0.5 + (value - edges[k]) / (edges[k + 1] - edges[k]);
  }
  return -0.5;
}

function binLabels(ctx: ChartContext, edges: number[]): string[] {
  return edges.slice(0, -1).map((from, k) => ctx.text.range(ctx.fmt.count(from), ctx.fmt.count(edges[k + 1])));
}

function subtitleOf(ctx: ChartContext): string {
  const mc = ctx.selected?.analysis.monteCarlo;
  if (!mc) return ctx.text.noMonteCarlo;
  // Each probability with its Monte Carlo standard error.
  const H = ctx.horizon;
  const { standardErrors: errors } = mc;
  return ctx.text.histogram.pCrisis(
    `${ctx.fmt.percent(mc.pCrisisEver)} ${ctx.fmt.errorPercent(errors.pCrisisEver)}`,
    `${ctx.fmt.percent(mc.pCrisisByMonth[H])} ${ctx.fmt.errorPercent(errors.pCrisisByMonth[H])}`
  );
}

export function histogramChart(input: ChartInput, render: ChartRenderOptions = {}): BarConfig {
  const ctx = chartContext(input);
  const s = ctx.selected;
  const mc = s?.analysis.monteCarlo;
  const crisis = input.doc.thresholds.crisis;
  // Stryker disable next-line ArrayDeclaration: edges are read only with Monte Carlo, and one stand-in edge makes no bin (no label) anyway
  const edges = mc?.histogram.edges ?? [];
  const runs = mc ? mc.histogram.counts.reduce((a, b) => a + b, 0) : 0;
  const datasets: ChartDataset<'bar', number[]>[] =
    s && mc
      ? [
          {
            label: s.name,
            data: mc.histogram.counts,
            // Bins at or above the crisis threshold in full colour, the others lighter.
            backgroundColor: edges.slice(0, -1).map((from) => (from >= crisis ? s.colour : withAlpha(s.colour, 0.5))),
            // A hairline of the background between bars.
            borderColor: ctx.colours.surface,
            borderWidth: { left: 1, right: 1 },
            barPercentage: 1,
            categoryPercentage: 1
          }
        ]
      : [];
  const label = ctx.text.histogram.crisisLine(ctx.fmt.count(crisis));
  return {
    type: 'bar',
    data: { labels: binLabels(ctx, edges), datasets },
    options: {
      ...baseOptions<'bar'>(ctx, render, {
        title: ctx.text.titles.histogram(s?.name ?? ''),
        subtitle: subtitleOf(ctx),
        legend: false,
        tooltipMode: 'nearest',
        tooltip: {
          label: (item) =>
            ctx.text.histogram.runsTooltip(
              ctx.fmt.count(item.parsed.y ?? 0),
              ctx.fmt.percent(runs ? (item.parsed.y ?? 0) / runs : 0)
            )
        },
        annotations: mc ? { crisis: markerLine(ctx, render, binPosition(edges, crisis), label) } : {}
      }),
      scales: {
        x: xAxis(ctx, render, {
          title: ctx.text.histogram.bin,
          grid: false,
          ticks: { maxRotation: 0, autoSkip: true }
        }),
        // Head-room above the tallest bar for the threshold's label.
        y: {
          ...yAxis(ctx, render, { title: ctx.text.axes.runs, beginAtZero: true, ticks: { precision: 0 } }),
          grace: '12%'
        }
      }
    },
    plugins: chartPlugins<'bar'>(ctx, render)
  };
}

export function histogramTable(input: ChartInput): ChartTable {
  const ctx = chartContext(input);
  const mc = ctx.selected?.analysis.monteCarlo;
  const t = ctx.text;
  // Stryker disable next-line ArrayDeclaration: the table reads the edges only with Monte Carlo (rows are [] without)
  const edges = mc?.histogram.edges ?? [];
  return {
    title: `${t.titles.histogram(ctx.selected?.name ?? '')} — ${subtitleOf(ctx)}`,
    columns: [t.histogram.bin, t.histogram.from, t.histogram.to, t.axes.runs],
    rows: mc ? binLabels(ctx, edges).map((bin, k) => [bin, edges[k], edges[k + 1], mc.histogram.counts[k]]) : []
  };
}
