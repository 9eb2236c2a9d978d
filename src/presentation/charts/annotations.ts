// Annotations shared by the charts: the tension bands and vertical markers.
import type { Chart } from 'chart.js';
import type { AnnotationOptions, PartialEventContext } from 'chartjs-plugin-annotation';
import type { ChartContext } from './context';
import { font } from './options';
import { withAlpha } from './palette';
import { bandRanges } from '../../engine/model/bands';
import type { ChartRenderOptions } from './types';

/** Calm / elevated / high / crisis as horizontal boxes behind the data, labelled at the far edge. */
export function bandAnnotations(ctx: ChartContext, render: ChartRenderOptions): Record<string, AnnotationOptions> {
  const { colours } = ctx;
  return Object.fromEntries(
    bandRanges(ctx.input.doc.thresholds).map(({ band, from, to }): [string, AnnotationOptions] => [
      `band-${band}`,
      {
        type: 'box',
        yScaleID: 'y',
        yMin: from,
        yMax: to,
        drawTime: 'beforeDatasetsDraw',
        backgroundColor: withAlpha(colours.bands[band], colours.bandAlpha),
        borderWidth: 0,
        label: {
          display: true,
          content: ctx.text.bands[band],
          // Away from the value axis, where the paths begin.
          position: { x: ctx.rtl ? 'start' : 'end', y: 'start' },
          textAlign: 'center',
          color: colours.bands[band],
          font: font(render, 10, 'bold'),
          padding: 3
        }
      }
    ])
  );
}

/** Where a marker's label goes: along the line (top or foot), moved up or down by pixels worked out when drawn. */
interface MarkerPlacement {
  position?: 'start' | 'end';
  yAdjust?: (context: PartialEventContext) => number;
}

/**
 * A dashed vertical line at `value` on the x scale, with a label (if any) across the top of
 * the line, or at its foot (`position: 'end'`).
 */
export function markerLine(
  ctx: ChartContext,
  render: ChartRenderOptions,
  value: number,
  content: string | string[] | null,
  placement: MarkerPlacement = {}
): AnnotationOptions {
  const { colours } = ctx;
  return {
    type: 'line',
    scaleID: 'x',
    value,
    borderColor: colours.marker,
    borderWidth: 1,
    borderDash: [4, 3],
    drawTime: 'afterDatasetsDraw',
    label: {
      display: content !== null,
      content,
      position: placement.position ?? 'start',
      rotation: 0,
      color: colours.text,
      backgroundColor: withAlpha(colours.surface, 0.85),
      font: font(render, MARKER_FONT_SIZE),
      padding: MARKER_PADDING,
      borderRadius: 3,
      ...(placement.yAdjust ? { yAdjust: placement.yAdjust } : {})
    }
  };
}

const MARKER_FONT_SIZE = 10;
const MARKER_PADDING = 3;
/** Chart.js's line height for a font size. */
const LINE_HEIGHT = 1.2;
/** Space kept between two stacked labels. */
const LABEL_GAP = 3;

/** A label's horizontal centre (its line) and its size, in pixels. */
export interface LabelBox {
  centre: number;
  width: number;
  height: number;
}

/**
 * How far from the first row each label goes so that none covers another. Taken from left to
 * right, each sits where chartjs-plugin-annotation puts it — centred on its line, moved
 * inside [left, right] — and is moved off the first row just enough to clear the labels
 * already placed that it would overlap.
 */
export function stackLabels(
  boxes: readonly LabelBox[],
  area: { left: number; right: number },
  gap = LABEL_GAP
): number[] {
  // Stryker disable next-line ArrayDeclaration: an entry that is not a box has no left, so it is never beside a label
  const placed: { left: number; right: number; top: number; bottom: number }[] = [];
  // Stryker disable next-line ArrowFunction: every index is in `order`, so the loop sets every offset
  const offsets = boxes.map(() => 0);
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a].centre - boxes[b].centre);
  for (const i of order) {
    const { centre, width, height } = boxes[i];
    const left = Math.max(area.left, Math.min(centre - width / 2, area.right - width));
    const right = left + width;
    // Taken left to right, a label placed before starts left of this one's right end (each is moved
    // inside the area the same way): only how far right it reaches decides whether it is beside.
    const beside = placed.filter((p) => left < p.right + gap);
    const clear = (top: number) => beside.every((p) => top + height + gap <= p.top || p.bottom + gap <= top);
    // The first row, else just past one of the labels beside it: the farthest of those always clears.
    const top = [0, ...beside.map((p) => p.bottom + gap)].sort((a, b) => a - b).find(clear) ?? 0;
    placed.push({ left, right, top, bottom: top + height });
    offsets[i] = top;
  }
  return offsets;
}

/**
 * Marker lines whose labels lie flat at the foot of the plot, stacked upwards where they
 * would overlap and kept inside it: the layout is worked out when the chart is drawn, from
 * the x scale and the widths of the texts in the chart's font.
 */
export function stackedMarkers(
  ctx: ChartContext,
  render: ChartRenderOptions,
  markers: readonly { id: string; value: number; lines: string[] }[]
): Record<string, AnnotationOptions> {
  const layouts = new WeakMap<object, { key: string; offsets: number[] }>();
  const family = font(render, MARKER_FONT_SIZE).family;
  const layout = (chart: Chart) => {
    const area = chart.chartArea;
    const x = chart.scales.x;
    const key = `${area.left},${area.right},${area.bottom}`;
    const known = layouts.get(chart);
    // Stryker disable next-line ConditionalExpression: the x scale's pixels are set by the plot area (the months are fixed), which the key holds: worked out again, the same offsets
    if (known?.key === key) return known.offsets;
    const c = chart.ctx;
    c.save();
    c.font = `${MARKER_FONT_SIZE}px ${family}`;
    const boxes = markers.map(({ value, lines }) => ({
      centre: x.getPixelForValue(value),
      width: Math.max(...lines.map((line) => c.measureText(line).width)) + 2 * MARKER_PADDING,
      height: lines.length * MARKER_FONT_SIZE * LINE_HEIGHT + 2 * MARKER_PADDING
    }));
    c.restore();
    // The plugin keeps a label its padding inside the plot.
    const offsets = stackLabels(boxes, { left: area.left + MARKER_PADDING, right: area.right - MARKER_PADDING });
    // Stryker disable next-line ObjectLiteral: without the kept layout it is worked out again from the same area: the same offsets
    layouts.set(chart, { key, offsets });
    return offsets;
  };
  return Object.fromEntries(
    markers.map(({ id, value, lines }, k): [string, AnnotationOptions] => [
      id,
      markerLine(ctx, render, value, lines, {
        position: 'end',
        // Upwards from the foot.
        yAdjust: ({ chart }) => -layout(chart)[k]
      })
    ])
  );
}
