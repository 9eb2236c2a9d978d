// Draws every chart with Chart.js into an @napi-rs/canvas canvas, as the command line will.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration } from 'chart.js';
import Annotation from 'chartjs-plugin-annotation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHART_KINDS,
  chartConfigs,
  registerCharts,
  THEMES,
  withTextDirection,
  type ChartTheme
} from '../../src/presentation/charts';
import { registerChartFonts } from '../../src/cli/canvas';
import { input } from './helpers';
import type { Language } from '../../src/engine/format';

const WIDTH = 900;
const HEIGHT = 520;
const OUT = 'tmp/charts';
/** The pictures to look at: tension and tornado in both languages. */
const KEEP = new Set([
  'tension-en-light',
  'tension-ar-light',
  'tornado-en-light',
  'tornado-ar-light',
  'tension-ar-dark'
]);

beforeAll(() => {
  // The app's Arabic face (bundled, @fontsource); Latin text falls back to the system face.
  expect(registerChartFonts()).toBe(true);
  registerCharts();
  mkdirSync(OUT, { recursive: true });
});

const charts: Chart[] = [];
afterAll(() => charts.forEach((c) => c.destroy()));

function draw(config: ChartConfiguration) {
  const canvas = withTextDirection(createCanvas(WIDTH, HEIGHT));
  const chart = new Chart(canvas as any, {
    ...config,
    options: { ...config.options, responsive: false, animation: false, devicePixelRatio: 1 }
  });
  charts.push(chart);
  return { canvas, chart };
}

function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

function inkedPixels(canvas: Canvas, background: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16));
  const { data } = canvas.getContext('2d').getImageData(0, 0, WIDTH, HEIGHT);
  let inked = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) > 30) inked++;
  }
  return inked;
}

describe('rendering with Chart.js in Node', () => {
  const cases = CHART_KINDS.flatMap((kind) =>
    (['en', 'ar'] as Language[]).flatMap((language) =>
      (['light', 'dark'] as ChartTheme[]).map((theme) => ({ kind, language, theme }))
    )
  );

  it.each(cases)('draws $kind ($language, $theme) at the requested size, not blank', ({ kind, language, theme }) => {
    const configs = chartConfigs(kind, input({ language, theme }), { background: true });
    expect(configs.length).toBeGreaterThan(0);
    for (const config of configs.slice(0, 2)) {
      const { canvas } = draw(config);
      const png = canvas.toBuffer('image/png');
      expect(pngSize(png)).toEqual([WIDTH, HEIGHT]);
      // Lines, bars, labels: well over a few percent of the pixels differ from the surface.
      expect(inkedPixels(canvas, THEMES[theme].surface)).toBeGreaterThan(WIDTH * HEIGHT * 0.03);
      const name = `${kind}-${language}-${theme}`;
      if (KEEP.has(name)) writeFileSync(`${OUT}/${name}.png`, png);
    }
  });

  it('builds the annotations through the registered plugin', () => {
    const { chart } = draw(chartConfigs('tension', input())[0]);
    // 4 bands + event markers at months 1, 3, 6 and 9.
    expect(Annotation.getAnnotations(chart)).toHaveLength(8);
  });

  it('registers idempotently', () => {
    expect(() => registerCharts()).not.toThrow();
  });
});
