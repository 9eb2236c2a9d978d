// What was recorded since the analysis (format version 2 `observations`), drawn over the paths:
// readings of the index or of a factor as points with ±σ bars, and the outcomes of the selected
// scenario's events as ticks along the top of the plot.
import type { ChartDataset } from 'chart.js';
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import { DEFAULT_UNCERTAINTY } from '../../engine/format/defaults';
import type { ScenarioDef } from '../../engine/format/schema';
import { monthsFrom } from '../../engine/months';
import type { ChartContext } from './context';
import { font } from './options';
import { pick } from './format';
import type { ChartRenderOptions } from './types';

export interface Reading {
  id: string;
  /** Month index 0..H. */
  month: number;
  value: number;
  sigma: number;
}

/** The readings of the index (`factor` null) or of one factor on the chart's months, in the file's order. */
export function readingsOf(ctx: ChartContext, factor: string | null): Reading[] {
  const { doc } = ctx.input;
  return (doc.observations ?? []).flatMap((o): Reading[] => {
    // Stryker disable next-line ConditionalExpression,StringLiteral: an event outcome has no factor, so `about` below is false for it too (the check is TypeScript's narrowing)
    if (o.kind === 'event') return [];
    const month = monthsFrom(doc.startMonth, o.month);
    const about = o.kind === 'index' ? factor === null : o.factor === factor;
    if (!about || month < 0 || month > ctx.horizon) return [];
    return [{ id: o.id, month, value: o.value, sigma: o.uncertainty ?? DEFAULT_UNCERTAINTY }];
  });
}

/** The readings as a dataset of points (no line) over the months: null where none was recorded. */
export function readingsDataset(
  ctx: ChartContext,
  readings: readonly Reading[],
  pointRadius = 4
): ChartDataset<'line', (number | null)[]> {
  const data: (number | null)[] = ctx.monthLabels.map(() => null);
  for (const r of readings) data[r.month] = r.value;
  return {
    label: ctx.text.observed.readings,
    data,
    showLine: false,
    borderColor: ctx.colours.text,
    backgroundColor: ctx.colours.surface,
    borderWidth: 2,
    pointStyle: 'rectRot',
    pointRadius,
    pointHoverRadius: pointRadius + 2,
    fill: false
  };
}

/** The ±σ bar of each reading (kept within 0..100). */
export function readingBars(ctx: ChartContext, readings: readonly Reading[]): Record<string, AnnotationOptions> {
  return Object.fromEntries(
    readings.map((r): [string, AnnotationOptions] => [
      `reading-${r.id}`,
      {
        type: 'line',
        xScaleID: 'x',
        yScaleID: 'y',
        xMin: r.month,
        xMax: r.month,
        yMin: Math.max(0, r.value - r.sigma),
        yMax: Math.min(100, r.value + r.sigma),
        borderColor: ctx.colours.text,
        borderWidth: 1.5,
        drawTime: 'afterDatasetsDraw'
      }
    ])
  );
}

/** The table cells of month `month`: the reading and its σ, or nothing. */
export function readingCells(readings: readonly Reading[], month: number): [number | null, number | null] {
  const r = readings.find((x) => x.month === month);
  return r ? [r.value, r.sigma] : [null, null];
}

/**
 * The readings drawn over a chart of months whose own datasets number `after`: their dataset (none
 * without readings), their ±σ bars, and the tooltip's line for the dataset and month pointed at —
 * "Observed (a judgement ± σ): 62.0 ± 8.0" — or null when that is not a reading.
 */
export function readingsOverlay(ctx: ChartContext, readings: readonly Reading[], after: number, pointRadius?: number) {
  return {
    // The readings have gaps (null): the cast keeps the chart's type that of its lines.
    datasets: readings.length ? [readingsDataset(ctx, readings, pointRadius) as ChartDataset<'line', number[]>] : [],
    annotations: readingBars(ctx, readings),
    tooltip: ({ datasetIndex, dataIndex }: { datasetIndex: number; dataIndex: number }): string | null => {
      const r = datasetIndex === after ? readings.find((x) => x.month === dataIndex) : undefined;
      return r
        ? `${ctx.text.observed.readings}: ${ctx.text.observed.reading(ctx.fmt.points(r.value), ctx.fmt.points(r.sigma))}`
        : null;
    }
  };
}

export interface Outcome {
  id: string;
  month: number;
  event: string;
  occurred: boolean;
}

/** The recorded outcomes of the events of the scenario `def` (none without one), in the file's order. */
export function outcomesOf(ctx: ChartContext, def: ScenarioDef | undefined): Outcome[] {
  if (!def) return [];
  const { doc } = ctx.input;
  // Stryker disable next-line ArrayDeclaration: an entry that is not an observation has no event among the scenario's
  return (doc.observations ?? []).flatMap((o): Outcome[] => {
    // Stryker disable next-line ConditionalExpression: a reading names no event, so the look-up below finds none (the check is TypeScript's narrowing)
    if (o.kind !== 'event') return [];
    const event = def.events.find((e) => e.id === o.event);
    const month = monthsFrom(doc.startMonth, o.month);
    if (!event || month < 0 || month > ctx.horizon) return [];
    return [{ id: o.id, month, event: pick(event.label, ctx.language, o.event), occurred: o.occurred }];
  });
}

/**
 * The outcomes of each month as one short tick at the top of the plot, a ✓ or ✗ for each: in the
 * colour of calm when all happened, of crisis when none did, and the marker's colour when mixed.
 */
export function outcomeTicks(
  ctx: ChartContext,
  render: ChartRenderOptions,
  outcomes: readonly Outcome[]
): Record<string, AnnotationOptions> {
  const byMonth = new Map<number, Outcome[]>();
  for (const o of outcomes) byMonth.set(o.month, [...(byMonth.get(o.month) ?? []), o]);
  return Object.fromEntries(
    [...byMonth].map(([month, those]): [string, AnnotationOptions] => {
      const happened = those.filter((o) => o.occurred).length;
      const colour =
        happened === those.length
          ? ctx.colours.bands.calm
          : happened === 0
            ? ctx.colours.bands.crisis
            : ctx.colours.marker;
      return [
        `outcomes-${month}`,
        {
          type: 'line',
          xScaleID: 'x',
          yScaleID: 'y',
          xMin: month,
          xMax: month,
          yMin: 92,
          yMax: 100,
          borderColor: colour,
          borderWidth: 2,
          drawTime: 'afterDatasetsDraw',
          label: {
            display: true,
            content: those.map((o) => (o.occurred ? '✓' : '✗')).join(''),
            position: 'start',
            color: colour,
            backgroundColor: 'transparent',
            font: font(render, 12, 'bold'),
            padding: 0,
            yAdjust: 12
          }
        }
      ];
    })
  );
}

/** The outcomes of month `month`, for a table cell. */
export function outcomesText(ctx: ChartContext, outcomes: readonly Outcome[], month: number): string | null {
  const those = outcomes.filter((o) => o.month === month);
  return those.length
    ? those.map((o) => (o.occurred ? ctx.text.observed.happened : ctx.text.observed.didNotHappen)(o.event)).join('; ')
    : null;
}
