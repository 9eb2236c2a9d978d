// The tornado of the selected scenario: for each uncertain input (the top 12 by swing),
// T(H) with the input at its low and at its high, drawn as two floating bars from the
// central T(H) so that the direction of each input's effect shows; a line marks central T(H).
import type { TornadoBar } from '../../engine/model/sensitivity';
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { markerLine } from './annotations';
import { chartContext, type ChartContext } from './context';
import { wrap } from './format';
import { inputLabel } from './inputs';
import { baseOptions, chartPlugins, xAxis, yAxis } from './options';
import { OKABE_ITO } from './palette';
import type { ChartInput, ChartRenderOptions, ChartTable } from './types';

type Span = [number, number] | null;
type BarConfig = ChartConfiguration<'bar', Span[], string[]>;

export const TORNADO_MAX_BARS = 12;
/** Blue for the input at its low, orange at its high (Okabe–Ito). */
export const TORNADO_COLOURS = { low: OKABE_ITO.blue, high: OKABE_ITO.orange } as const;

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** The bars shown, largest swing first (undefined swings last), at most TORNADO_MAX_BARS. */
export function tornadoBars(ctx: ChartContext): TornadoBar[] {
  const bars = [...(ctx.selected?.analysis.tornado ?? [])];
  const length = (b: TornadoBar) => (Number.isFinite(b.swing) ? b.swing : -1);
  return bars.sort((a, b) => length(b) - length(a)).slice(0, TORNADO_MAX_BARS);
}

/** The central value the bars start from: T(H), or the peak of T for a 'peak' tornado. */
export function tornadoCentre(ctx: ChartContext): number {
  // Stryker disable next-line ArrayDeclaration: without a selected scenario there are no bars, and the centre read from a stand-in is not finite either way (no centre line, no "Central")
  const tension = ctx.selected?.analysis.central.tension ?? [];
  return ctx.input.tornadoMetric === 'peak' ? Math.max(...tension) : tension[ctx.horizon];
}

function titleOf(ctx: ChartContext): string {
  const name = ctx.selected?.name ?? '';
  return ctx.input.tornadoMetric === 'peak' ? ctx.text.titles.tornadoPeak(name) : ctx.text.titles.tornado(name);
}

/** "Central: 82.4 · Top 12 of 22 inputs": the centre line's value, and how many bars are shown. */
function subtitleOf(ctx: ChartContext, shown: number, centre: number): string {
  const all = ctx.selected?.analysis.tornado.length ?? 0;
  const parts = Number.isFinite(centre) ? [ctx.text.tornado.central(ctx.fmt.points(centre))] : [];
  if (all > shown) parts.push(ctx.text.tornado.topOf(shown, all));
  return parts.join(' · ');
}

export function tornadoChart(input: ChartInput, render: ChartRenderOptions = {}): BarConfig {
  const ctx = chartContext(input);
  const bars = tornadoBars(ctx);
  const centre = tornadoCentre(ctx);
  const names = bars.map((b) => inputLabel(input.doc, b.input, ctx.language));
  const side = (key: 'low' | 'high'): ChartDataset<'bar', Span[]> => ({
    label: ctx.text.tornado[key],
    data: bars.map((b): Span => (Number.isFinite(b[key]) ? [centre, b[key]] : null)),
    backgroundColor: TORNADO_COLOURS[key],
    borderWidth: 0,
    grouped: false,
    barPercentage: 0.8,
    categoryPercentage: 0.9
  });
  return {
    type: 'bar',
    data: { labels: names.map((n) => wrap(n, 34)), datasets: [side('low'), side('high')] },
    options: {
      ...baseOptions<'bar'>(ctx, render, {
        title: titleOf(ctx),
        subtitle: subtitleOf(ctx, bars.length, centre),
        tooltipMode: 'nearest',
        tooltip: {
          title: (items) => (items.length ? names[items[0].dataIndex] : ''),
          label: (item) => `${item.dataset.label}: ${ctx.fmt.points((item.raw as [number, number])[1])}`
        },
        annotations: Number.isFinite(centre) ? { centre: markerLine(ctx, render, centre, null) } : {}
      }),
      indexAxis: 'y',
      scales: {
        x: xAxis(ctx, render, {
          title: ctx.input.tornadoMetric === 'peak' ? ctx.text.axes.peakTension : ctx.text.axes.tensionAtHorizon,
          beginAtZero: false
        }),
        y: yAxis(ctx, render, { grid: false, ticks: { autoSkip: false } })
      }
    },
    plugins: chartPlugins<'bar'>(ctx, render)
  };
}

export function tornadoTable(input: ChartInput): ChartTable {
  const ctx = chartContext(input);
  const t = ctx.text;
  return {
    title: titleOf(ctx),
    columns: [t.axes.input, t.tornado.low, t.tornado.high, t.tornado.swing],
    rows: tornadoBars(ctx).map((b) => [
      inputLabel(input.doc, b.input, ctx.language),
      finite(b.low),
      finite(b.high),
      finite(b.swing)
    ])
  };
}
