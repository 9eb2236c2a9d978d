// Annotations shared by the charts: the tension bands and vertical markers.
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
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

/**
 * A dashed vertical line at `value` on the x scale, with a label (if any): across the top of the
 * line, or along it (`vertical`, reading upwards) where several markers sit close together.
 */
export function markerLine(
  ctx: ChartContext,
  render: ChartRenderOptions,
  value: number,
  content: string | string[] | null,
  placement: { position?: 'start' | 'end'; vertical?: boolean } = {}
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
      rotation: placement.vertical ? -90 : 0,
      color: colours.text,
      backgroundColor: withAlpha(colours.surface, 0.85),
      font: font(render, 10),
      padding: 3,
      borderRadius: 3
    }
  };
}
