// What lies under the datasets of a live chart, kept as a picture between redraws.
//
// During a drag only the data values change (chartUpdate.ts's data-only path): the background,
// grid, axes and their titles, legend, and the annotation plugin's bands and event markers stay
// as they were. With software rasterization their text was about half of every redraw (CPU
// profile of `npm run bench:ui`). This plugin copies the canvas at the moment the datasets are
// about to be drawn, and a later redraw that only data changed since paints the copy and draws
// the datasets (and whatever comes after them) over it.
//
// Chart.draw() in Chart.js 4: clear; beforeDraw; the layers with z ≤ 0 (scales, legend,
// titles); beforeDatasetsDraw; each dataset (beforeDatasetDraw: the filler's bands); then
// afterDatasetsDraw; the layers with z > 0; afterDraw (tooltip). The plugin is given inline, so
// its hooks run after the registered plugins' (the annotation plugin's boxes are already drawn
// at its beforeDatasetsDraw). A redraw from the copy does the rest of draw() itself, through two
// members that are not in Chart.js's typed API (`_layers`, `_drawDataset`); without them, the
// chart simply draws in full. Anything that can change the picture under the datasets goes
// through chart.update() or a resize, and both discard the copy — in Mizan's charts, which give
// the annotation plugin no event handlers (an enter/leave/click handler that restyles an
// annotation and asks for a render would be painted from a stale copy), and no plugin that draws
// data at beforeDatasetsDraw (a redraw from the copy does not send that hook).
import type { Chart, Plugin } from 'chart.js';

/** A canvas to keep the copy in (an HTMLCanvasElement here, @napi-rs/canvas in the tests). */
export type LayerCanvasFactory = (
  width: number,
  height: number
) => {
  width: number;
  height: number;
  getContext(kind: '2d'): unknown;
};

interface Layer {
  z: number;
  draw(area: Chart['chartArea']): void;
}

interface DrawInternals {
  _layers?: Layer[];
  _drawDataset?: (meta: ReturnType<Chart['getDatasetMeta']>) => void;
}

interface Canvas2D {
  save(): void;
  restore(): void;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  clearRect(x: number, y: number, w: number, h: number): void;
  drawImage(image: unknown, x: number, y: number): void;
}

export interface LayerCache {
  plugin: Plugin;
  /** How many redraws were made from the copy (for the tests and profiling). */
  readonly reused: number;
}

export function layerCache(createCanvas: LayerCanvasFactory): LayerCache {
  let copy: ReturnType<LayerCanvasFactory> | null = null;
  /** The copy shows the chart as it is laid out now. */
  let valid = false;
  let reused = 0;

  const discard = () => {
    valid = false;
  };

  /** Fills drawn before the datasets as a group would be data in the copy: no copy then. */
  const cacheable = (chart: Chart) => {
    const drawTime = (chart.options.plugins as { filler?: { drawTime?: string } } | undefined)?.filler?.drawTime;
    const internals = chart as unknown as DrawInternals;
    return (
      (drawTime === undefined || drawTime === 'beforeDatasetDraw') &&
      Array.isArray(internals._layers) &&
      typeof internals._drawDataset === 'function'
    );
  };

  function redrawFromCopy(chart: Chart): boolean {
    const internals = chart as unknown as DrawInternals;
    const ctx = chart.ctx as unknown as Canvas2D;
    const canvas = chart.canvas;
    if (!copy || copy.width !== canvas.width || copy.height !== canvas.height) return false;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    // What the plugins before this one drew at beforeDraw is in the copy already.
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(copy, 0, 0);
    ctx.restore();
    const metas = chart.getSortedVisibleDatasetMetas();
    for (let i = metas.length - 1; i >= 0; --i) internals._drawDataset!(metas[i]);
    chart.notifyPlugins('afterDatasetsDraw');
    for (const layer of internals._layers!) if (layer.z > 0) layer.draw(chart.chartArea);
    chart.notifyPlugins('afterDraw');
    reused++;
    return true;
  }

  const plugin: Plugin = {
    id: 'mizanLayerCache',
    beforeUpdate: discard,
    resize: discard,
    reset: discard,
    afterDestroy() {
      discard();
      copy = null;
    },
    beforeDraw(chart) {
      if (!valid || !cacheable(chart)) return;
      // Everything draw() would do from here on is done; the rest of it is cancelled.
      if (redrawFromCopy(chart)) return false;
    },
    beforeDatasetsDraw(chart) {
      if (!cacheable(chart)) return;
      const { width, height } = chart.canvas;
      if (!copy || copy.width !== width || copy.height !== height) copy = createCanvas(width, height);
      const ctx = copy.getContext('2d') as Canvas2D;
      ctx.clearRect(0, 0, width, height);
      ctx.drawImage(chart.canvas, 0, 0);
      valid = true;
    }
  };

  return {
    plugin,
    get reused() {
      return reused;
    }
  };
}
