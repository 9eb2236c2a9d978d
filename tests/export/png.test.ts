// PNG export: the requested pixel size at every scale, and the requested background.
import { createCanvas } from '@napi-rs/canvas';
import { Chart } from 'chart.js';
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

  it('says so when the canvas can encode no PNG, or has no 2D context to draw on', () => {
    const inner = createCanvas(10, 10);
    const mute: ExportCanvas = { width: 10, height: 10, getContext: () => inner.getContext('2d') };
    const options = { width: 300, height: 200, scale: 1, background: 'white' } as const;
    expect(() => renderChartPng(tension(), options, () => mute)).toThrow(
      'the canvas cannot be encoded as PNG (no toBuffer or toDataURL)'
    );
    const blind: ExportCanvas = { ...mute, getContext: () => null, toDataURL: () => inner.toDataURL() };
    expect(() => renderChartPng(tension(), options, () => blind)).toThrow(
      'the canvas has no 2D context to draw the chart on'
    );
  });

  it('leaves no chart attached to the canvas it drew on (the app draws the next export on it)', () => {
    let used: ExportCanvas | undefined;
    renderChartPng(tension(), { width: 300, height: 200, scale: 1, background: 'white' }, (w, h) => {
      used = nodeCanvas(w, h);
      return used;
    });
    expect(used).toBeDefined();
    expect(Chart.getChart(used as never)).toBeUndefined();
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

describe('pngSize', () => {
  /** The first 24 bytes of a PNG, written by hand: signature, IHDR length and type, width, height. */
  function header(width: number, height: number): Uint8Array {
    const bytes = new Uint8Array(24);
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const view = new DataView(bytes.buffer);
    view.setUint32(16, width);
    view.setUint32(20, height);
    return bytes;
  }

  it('reads the width and height of the header, even when nothing follows it', () => {
    expect(pngSize(header(1800, 1040))).toEqual({ width: 1800, height: 1040 });
    expect(pngSize(header(70000, 1).subarray(0))).toEqual({ width: 70000, height: 1 });
  });

  it('refuses bytes that are too short or do not start with the PNG signature', () => {
    expect(() => pngSize(header(10, 10).subarray(0, 23))).toThrow('not a PNG');
    for (const k of [0, 3, 7]) {
      const wrong = header(10, 10);
      wrong[k] ^= 0xff;
      expect(() => pngSize(wrong)).toThrow('not a PNG');
    }
    expect(() => pngSize(new Uint8Array(24))).toThrow('not a PNG');
  });
});
