// The options every chart shares — title, subtitle, legend, tooltip, right-to-left,
// theme colours, fonts, animation and sizing — and the axis builders.
import type { ChartDataset, ChartOptions, ChartType, FontSpec, LegendItem, Plugin, TooltipCallbacks } from 'chart.js';
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import type { ChartContext } from './context';
import type { ChartRenderOptions } from './types';

/** The app's font stack (src/renderer/src/styles/app.css, --font-ui). */
export const DEFAULT_FONT_FAMILY =
  "'Noto Naskh Arabic', system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif";

export function font(
  render: ChartRenderOptions,
  size: number,
  weight: FontSpec['weight'] = 'normal'
): Partial<FontSpec> {
  return { family: render.fontFamily ?? DEFAULT_FONT_FAMILY, size, weight };
}

export interface BaseParts<TType extends ChartType> {
  /** One line, or several (a long title wrapped for a small chart). */
  title: string | string[];
  /** Default 15 px; smaller for the small multiples. */
  titleSize?: number;
  subtitle?: string;
  /** Hide some legend entries (e.g. the lower edge of a fan). */
  legendFilter?: (item: LegendItem) => boolean;
  legend?: boolean;
  /** 'index' for charts over months, 'nearest' for the others. */
  tooltipMode?: 'index' | 'nearest';
  tooltip?: Partial<TooltipCallbacks<TType>>;
  annotations?: Record<string, AnnotationOptions>;
  /**
   * The x axis is a reversed category axis (Arabic) whose edge labels sit on the edges:
   * Chart.js reserves room for them on the wrong side, so add it on the left.
   */
  reversedEdgeLabels?: boolean;
}

/** Options every chart shares. Spread it and add `scales` (and nothing else that overlaps). */
export function baseOptions<TType extends ChartType>(
  ctx: ChartContext,
  render: ChartRenderOptions,
  parts: BaseParts<TType>
): ChartOptions<TType> {
  const { colours, rtl } = ctx;
  const direction = rtl ? 'rtl' : 'ltr';
  const sizing: Record<string, unknown> = {};
  if (render.responsive !== undefined) sizing.responsive = render.responsive;
  if (render.maintainAspectRatio !== undefined) sizing.maintainAspectRatio = render.maintainAspectRatio;
  if (render.devicePixelRatio !== undefined) sizing.devicePixelRatio = render.devicePixelRatio;
  const options = {
    ...sizing,
    animation: render.animation ?? false,
    locale: ctx.language,
    color: colours.text,
    font: font(render, 12),
    layout: { padding: parts.reversedEdgeLabels && rtl ? { left: 36, right: 8, top: 8, bottom: 8 } : 8 },
    interaction: { mode: parts.tooltipMode ?? 'nearest', intersect: false },
    plugins: {
      title: {
        display: true,
        text: parts.title,
        color: colours.text,
        font: font(render, parts.titleSize ?? 15, 'bold'),
        padding: { top: 4, bottom: parts.subtitle ? 2 : 8 }
      },
      subtitle: {
        display: Boolean(parts.subtitle),
        text: parts.subtitle ?? '',
        color: colours.muted,
        font: font(render, 12),
        padding: { bottom: 8 }
      },
      legend: {
        display: parts.legend ?? true,
        position: 'top',
        rtl,
        textDirection: direction,
        labels: {
          color: colours.text,
          font: font(render, 12),
          boxWidth: 14,
          boxHeight: 10,
          ...(parts.legendFilter ? { filter: parts.legendFilter } : {})
        }
      },
      tooltip: {
        rtl,
        textDirection: direction,
        mode: parts.tooltipMode ?? 'nearest',
        intersect: false,
        backgroundColor: colours.tooltipBackground,
        titleColor: colours.tooltipText,
        bodyColor: colours.tooltipText,
        footerColor: colours.tooltipText,
        titleFont: font(render, 12, 'bold'),
        bodyFont: font(render, 12),
        footerFont: font(render, 12, 'bold'),
        callbacks: parts.tooltip ?? {}
      },
      annotation: { annotations: parts.annotations ?? {} }
    }
  };
  return options as ChartOptions<TType>;
}

interface AxisParts {
  title?: string;
  min?: number;
  max?: number;
  stacked?: boolean;
  beginAtZero?: boolean;
  /** A category axis running along the reading direction: reversed in Arabic. */
  reading?: boolean;
  /** Extra tick options (e.g. maxTicksLimit). */
  ticks?: Record<string, unknown>;
  grid?: boolean;
}

function axis(ctx: ChartContext, render: ChartRenderOptions, parts: AxisParts) {
  const { colours } = ctx;
  return {
    ...(parts.min !== undefined ? { min: parts.min } : {}),
    ...(parts.max !== undefined ? { max: parts.max } : {}),
    ...(parts.stacked ? { stacked: true } : {}),
    ...(parts.beginAtZero !== undefined ? { beginAtZero: parts.beginAtZero } : {}),
    title: { display: Boolean(parts.title), text: parts.title ?? '', color: colours.muted, font: font(render, 12) },
    ticks: { color: colours.muted, font: font(render, 11), ...parts.ticks },
    grid: { display: parts.grid ?? true, color: colours.grid },
    border: { color: colours.grid }
  };
}

/** A horizontal axis: categories (months, scenarios) reversed in Arabic, or values. */
export function xAxis(ctx: ChartContext, render: ChartRenderOptions, parts: AxisParts) {
  return { ...axis(ctx, render, parts), position: 'bottom' as const, reverse: Boolean(parts.reading) && ctx.rtl };
}

/** A vertical axis: on the left, or on the right in Arabic. */
export function yAxis(ctx: ChartContext, render: ChartRenderOptions, parts: AxisParts) {
  return { ...axis(ctx, render, parts), position: ctx.rtl ? ('right' as const) : ('left' as const) };
}

/** The value axis of the stacked contribution charts: points 0–100, the stack adding up to T. */
export function contributionAxis(ctx: ChartContext, render: ChartRenderOptions) {
  return yAxis(ctx, render, {
    title: ctx.text.axes.contribution,
    min: 0,
    max: 100,
    stacked: true,
    ticks: { stepSize: 25 }
  });
}

/**
 * Inline plugins: the text direction of the whole canvas (titles, axes, annotations) set
 * from the chart's language rather than inherited from the page, and, when the caller asks
 * (exported images), the theme's surface painted behind the chart.
 */
export function chartPlugins<TType extends ChartType>(ctx: ChartContext, render: ChartRenderOptions): Plugin<TType>[] {
  const direction = ctx.rtl ? 'rtl' : 'ltr';
  const plugins: Plugin<TType>[] = [
    {
      id: 'mizanTextDirection',
      beforeDraw(chart) {
        chart.ctx.direction = direction;
      }
    }
  ];
  if (render.background) plugins.push(backgroundPlugin<TType>(ctx.colours.surface));
  return plugins;
}

export const BACKGROUND_PLUGIN_ID = 'mizanBackground';

/** Paints `colour` behind the whole chart, behind whatever is already drawn, whichever plugin drew first. */
export function backgroundPlugin<TType extends ChartType = ChartType>(colour: string): Plugin<TType> {
  return {
    id: BACKGROUND_PLUGIN_ID,
    beforeDraw(chart) {
      const c = chart.ctx;
      c.save();
      c.globalCompositeOperation = 'destination-over';
      c.fillStyle = colour;
      c.fillRect(0, 0, chart.width, chart.height);
      c.restore();
    }
  };
}

/**
 * One layer of a stacked area over the months (the contributions, the odds): opaque, with a line
 * of the surface between layers (translucent fills drew neighbours alike), the first filled down
 * to the axis and each next down to the one before, straight between months.
 */
export function stackedLayer(
  ctx: ChartContext,
  layer: { label: string; data: number[]; colour: string },
  index: number
): ChartDataset<'line', number[]> {
  return {
    label: layer.label,
    data: layer.data,
    borderColor: ctx.colours.surface,
    backgroundColor: layer.colour,
    borderWidth: 1,
    pointRadius: 0,
    pointHoverRadius: 3,
    fill: index === 0 ? 'origin' : '-1',
    tension: 0
  };
}
