// PNG export: the requested pixel size at every scale, and the requested background.
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { nodeCanvas } from '../../src/cli/canvas';
import { CHART_KINDS, chartConfigs, THEMES } from '../../src/presentation/charts';
import {
  EXPORT_BACKGROUNDS,
  EXPORT_SCALES,
  pngSize,
  renderChartPng,
  type ExportCanvas
} from '../../src/presentation/export';
import { input } from '../charts/helpers';
import { pixel, pngPixels } from './helpers';
import type { Language } from '../../src/engine/format';

const WIDTH = 900;
const HEIGHT = 520;

/** Width and height straight from the IHDR chunk: bytes 16–19 and 20–23, big-endian. */
function headerSize(png: Uint8Array): [number, number] {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(Buffer.from(png.subarray(12, 16)).toString('ascii')).toBe('IHDR');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

const hex = (colour: string) => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));

describe('renderChartPng', () => {
  const tension = () => chartConfigs('tension', input())[0];

  it.each(EXPORT_SCALES.flatMap((scale) => EXPORT_BACKGROUNDS.map((background) => ({ scale, background }))))(
    'is width·$scale × height·$scale pixels on a $background background',
    ({ scale, background }) => {
      const png = renderChartPng(tension(), { width: WIDTH, height: HEIGHT, scale, background }, nodeCanvas);
      expect(headerSize(png)).toEqual([WIDTH * scale, HEIGHT * scale]);
      expect(pngSize(png)).toEqual({ width: WIDTH * scale, height: HEIGHT * scale });
      const pixels = pngPixels(png);
      const w = WIDTH * scale;
      const h = HEIGHT * scale;
      const corners = [
        pixel(pixels, 0, 0),
        pixel(pixels, w - 1, 0),
        pixel(pixels, 0, h - 1),
        pixel(pixels, w - 1, h - 1)
      ];
      let seeThrough = 0;
      for (let i = 3; i < pixels.data.length; i += 4) if (pixels.data[i] < 255) seeThrough++;
      if (background === 'transparent') {
        for (const c of corners) expect(c[3]).toBe(0);
        expect(seeThrough).toBeGreaterThan(w * h * 0.05);
      } else {
        const colour = background === 'white' ? [255, 255, 255] : hex(THEMES.dark.surface);
        for (const c of corners) expect(c).toEqual([...colour, 255]);
        expect(seeThrough).toBe(0);
      }
    }
  );

  it.each(CHART_KINDS.flatMap((kind) => (['en', 'ar'] as Language[]).map((language) => ({ kind, language }))))(
    'draws $kind ($language) at the requested size, not blank',
    ({ kind, language }) => {
      const config = chartConfigs(kind, input({ language }))[0];
      const png = renderChartPng(config, { width: 640, height: 400, scale: 1, background: 'white' }, nodeCanvas);
      expect(headerSize(png)).toEqual([640, 400]);
      const { data } = pngPixels(png);
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 3 * 235) inked++;
      expect(inked).toBeGreaterThan(640 * 400 * 0.02);
    }
  );

  it('reads the pixels of a browser-like canvas (toDataURL only) too', () => {
    const inner = createCanvas(10, 10);
    const browserLike: ExportCanvas = {
      get width() {
        return inner.width;
      },
      set width(w) {
        inner.width = w;
      },
      get height() {
        return inner.height;
      },
      set height(h) {
        inner.height = h;
      },
      getContext: () => inner.getContext('2d'),
      toDataURL: (mime) => inner.toDataURL(mime as 'image/png')
    };
    const png = renderChartPng(
      tension(),
      { width: 300, height: 200, scale: 3, background: 'white' },
      () => browserLike
    );
    expect(headerSize(png)).toEqual([900, 600]);
  });

  it('refuses a scale other than 1, 2 or 3', () => {
    expect(() =>
      renderChartPng(tension(), { width: 300, height: 200, scale: 4 as never, background: 'white' }, nodeCanvas)
    ).toThrow(/scale must be 1, 2 or 3/);
  });

  it('paints the background itself, whatever the chart config asks', () => {
    // A config built with the chart layer's own background (the dark surface) on a transparent export.
    const config = chartConfigs('tension', input({ theme: 'dark' }), { background: true })[0];
    const png = renderChartPng(config, { width: 300, height: 200, scale: 1, background: 'transparent' }, nodeCanvas);
    expect(pixel(pngPixels(png), 0, 0)[3]).toBe(0);
  });
});
