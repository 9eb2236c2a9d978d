// Updating charts in place: the data-only path is taken when only data values changed, and
// the picture it draws is the one a full update draws. And the model help's Markdown.
import { readFileSync } from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration } from 'chart.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocument, type MizanDoc } from '../../src/engine/format';
import {
  chartConfigs,
  registerCharts,
  withTextDirection,
  type ChartInput,
  type ChartKind
} from '../../src/presentation/charts';
import {
  isDataOnlyChange,
  ownConfig,
  sameConfigValue,
  updateChart
} from '../../src/renderer/src/ui/analysis/chartUpdate';
import { layerCache } from '../../src/renderer/src/ui/analysis/layerCache';
import { centralAnalysis } from '../../src/renderer/src/analysis/live';
import { helpText, parseInline, parseMarkdown, slug } from '../../src/renderer/src/ui/analysis/markdown';

const loaded = loadDocument(readFileSync('resources/scenarios/ashgabat-2024.mizan', 'utf8'));
if (!loaded.ok) throw new Error('default analysis does not load');
const doc = loaded.document;

const withWeight = (weight: number): MizanDoc => ({
  ...doc,
  factors: doc.factors.map((f) => (f.id === 'partnership' ? { ...f, weight } : f))
});

function input(d: MizanDoc, overrides: Partial<ChartInput> = {}): ChartInput {
  return {
    doc: d,
    analysis: centralAnalysis(d),
    selectedScenario: 'baseline',
    compared: d.scenarios.map((s) => s.id),
    language: 'en',
    theme: 'light',
    ...overrides
  };
}

const RENDER = { animation: false, responsive: false, devicePixelRatio: 1 } as const;
const config = (kind: ChartKind, i: ChartInput, k = 0) => chartConfigs(kind, i, RENDER)[k];

beforeAll(() => registerCharts());
const charts: Chart[] = [];
afterAll(() => charts.forEach((c) => c.destroy()));

function draw(c: ChartConfiguration) {
  const canvas = withTextDirection(createCanvas(600, 360));
  const chart = new Chart(canvas as any, ownConfig(c));
  charts.push(chart);
  return { canvas, chart };
}

describe('sameConfigValue', () => {
  it('compares structure, NaN, and functions by their source', () => {
    expect(sameConfigValue({ a: [1, { b: 'x' }], f: () => 1 }, { a: [1, { b: 'x' }], f: () => 1 })).toBe(true);
    expect(sameConfigValue({ a: [1, 2] }, { a: [1, 3] })).toBe(false);
    expect(sameConfigValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameConfigValue(Number.NaN, Number.NaN)).toBe(true);
    expect(
      sameConfigValue(
        () => 1,
        () => 2
      )
    ).toBe(false);
    expect(sameConfigValue([1], { 0: 1 })).toBe(false);
  });
});

describe('isDataOnlyChange', () => {
  it('holds for a weight edit on the tension, contributions, factor and radar charts', () => {
    for (const kind of ['tension', 'contributions', 'factors', 'radar'] as ChartKind[]) {
      expect(isDataOnlyChange(config(kind, input(doc)), config(kind, input(withWeight(7)))), kind).toBe(true);
    }
  });

  it('does not hold for bar charts (axes that follow the data), or when labels, scenarios, language or theme change', () => {
    expect(isDataOnlyChange(config('tornado', input(doc)), config('tornado', input(withWeight(7))))).toBe(false);
    expect(isDataOnlyChange(config('histogram', input(doc)), config('histogram', input(withWeight(7))))).toBe(false);
    const base = config('tension', input(doc));
    expect(isDataOnlyChange(base, config('tension', input(doc, { compared: ['baseline', 'escalation'] })))).toBe(false);
    expect(isDataOnlyChange(base, config('tension', input(doc, { theme: 'dark' })))).toBe(false);
    expect(isDataOnlyChange(base, config('tension', input(doc, { selectedScenario: 'escalation' })))).toBe(false);
    const renamed: MizanDoc = {
      ...doc,
      scenarios: doc.scenarios.map((s, i) => (i ? s : { ...s, name: { ...s.name, en: 'Renamed' } }))
    };
    expect(isDataOnlyChange(base, config('tension', input(renamed)))).toBe(false);
    const longer: MizanDoc = { ...doc, horizonMonths: 30 };
    expect(isDataOnlyChange(base, config('tension', input(longer)))).toBe(false);
  });
});

describe('updateChart', () => {
  it('takes the data-only path for a weight edit and draws what a fresh chart draws', () => {
    const before = config('tension', input(doc));
    const after = config('tension', input(withWeight(9)));
    const { canvas, chart } = draw(before);
    expect(updateChart(chart, before, after)).toBe('data');
    expect(chart.data.datasets.map((d) => d.data)).toEqual(after.data.datasets.map((d) => d.data));
    const fresh = draw(after);
    expect(canvas.toBuffer('image/png').equals(fresh.canvas.toBuffer('image/png'))).toBe(true);
  });

  it('takes the full update otherwise, and leaves the configuration it was given as it was', () => {
    const before = config('tension', input(doc));
    const after = config('tension', input(doc, { theme: 'dark' }));
    const snapshot = JSON.stringify(after.options);
    const { canvas, chart } = draw(before);
    expect(updateChart(chart, before, after)).toBe('full');
    expect(JSON.stringify(after.options)).toBe(snapshot);
    const fresh = draw(after);
    expect(canvas.toBuffer('image/png').equals(fresh.canvas.toBuffer('image/png'))).toBe(true);
    // The next weight edit over it is data-only again (the kept configuration was not changed by Chart.js).
    expect(updateChart(chart, after, config('tension', input(withWeight(2), { theme: 'dark' })))).toBe('data');
  });
});

describe('layerCache: the picture under the datasets kept between data-only redraws', () => {
  function drawCached(c: ChartConfiguration, width = 600, height = 360) {
    const cache = layerCache((w, h) => createCanvas(w, h));
    const canvas = withTextDirection(createCanvas(width, height));
    const own = ownConfig(c);
    const chart = new Chart(canvas as any, { ...own, plugins: [cache.plugin] });
    charts.push(chart);
    return { canvas, chart, cache };
  }
  const png = (canvas: { toBuffer(kind: 'image/png'): Buffer }) => canvas.toBuffer('image/png');
  // With the bands of the Monte Carlo (datasets drawn with the filler plugin) as well as the lines.
  const withBands = (d: MizanDoc, shift = 0): ChartInput => {
    const central = centralAnalysis(d);
    return input(d, {
      analysis: {
        ...central,
        scenarios: central.scenarios.map((s) => {
          const q = (dq: number) => s.central.tension.map((t) => Math.min(100, Math.max(0, t + dq + shift)));
          return {
            ...s,
            monteCarlo: {
              runs: 500,
              quantiles: { '5': q(-12), '25': q(-5), '50': q(0), '75': q(5), '95': q(12) },
              pCrisisByMonth: s.central.tension.map(() => 0.1),
              pCrisisEver: 0.2,
              histogram: { edges: [0, 50, 100], counts: [250, 250] },
              standardErrors: {
                quantiles: { '5': q(0), '25': q(0), '50': q(0), '75': q(0), '95': q(0) },
                pCrisisByMonth: s.central.tension.map(() => 0.01),
                pCrisisEver: 0.02
              }
            }
          } as typeof s;
        })
      }
    });
  };

  it('redraws from the copy on data-only updates and gives the picture a fresh chart gives', () => {
    let shown = config('tension', withBands(doc));
    const { canvas, chart, cache } = drawCached(shown);
    for (const [weight, shift] of [
      [9, 3],
      [2, -4],
      [6, 8]
    ]) {
      const next = config('tension', withBands(withWeight(weight), shift));
      expect(updateChart(chart, shown, next)).toBe('data');
      shown = next;
      expect(png(canvas).equals(png(draw(next).canvas)), `weight ${weight}`).toBe(true);
    }
    expect(cache.reused).toBe(3);
  });

  it('draws in full after a full update (other axes, theme, legend), and from the copy again after it', () => {
    const before = config('tension', input(doc));
    const { canvas, chart, cache } = drawCached(before);
    const dark = config('tension', input(doc, { theme: 'dark' }));
    expect(updateChart(chart, before, dark)).toBe('full');
    expect(cache.reused).toBe(0);
    expect(png(canvas).equals(png(draw(dark).canvas))).toBe(true);
    const next = config('tension', input(withWeight(1), { theme: 'dark' }));
    expect(updateChart(chart, dark, next)).toBe('data');
    expect(cache.reused).toBe(1);
    expect(png(canvas).equals(png(draw(next).canvas))).toBe(true);
  });

  it('draws in full after a resize (Chart.js tells its plugins), and from the copy again after it', () => {
    let shown = config('tension', input(doc));
    const { canvas, chart, cache } = drawCached(shown);
    chart.notifyPlugins('resize', { size: { width: 600, height: 360 } });
    const next = config('tension', input(withWeight(3)));
    expect(updateChart(chart, shown, next)).toBe('data');
    shown = next;
    expect(cache.reused).toBe(0);
    expect(png(canvas).equals(png(draw(next).canvas))).toBe(true);
    const again = config('tension', input(withWeight(4)));
    expect(updateChart(chart, shown, again)).toBe('data');
    expect(cache.reused).toBe(1);
    expect(png(canvas).equals(png(draw(again).canvas))).toBe(true);
  });

  it('keeps no copy when fills are drawn before the datasets as a group (they would be data in it)', () => {
    const before = config('tension', withBands(doc));
    const early = {
      ...before,
      options: {
        ...before.options,
        plugins: { ...before.options?.plugins, filler: { drawTime: 'beforeDatasetsDraw' } }
      }
    } as ChartConfiguration;
    const { chart, cache } = drawCached(early);
    const next = { ...early, data: config('tension', withBands(withWeight(8), 5)).data } as ChartConfiguration;
    expect(updateChart(chart, early, next)).toBe('data');
    expect(cache.reused).toBe(0);
  });
});

describe('the model help (docs/MODEL.md)', () => {
  const source = readFileSync('docs/MODEL.md', 'utf8');

  it('reads inline code, bold, italics and links', () => {
    expect(parseInline('a `x_i` **b `c`** *d* [e](#f)')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'code', text: 'x_i' },
      { kind: 'text', text: ' ' },
      {
        kind: 'strong',
        children: [
          { kind: 'text', text: 'b ' },
          { kind: 'code', text: 'c' }
        ]
      },
      { kind: 'text', text: ' ' },
      { kind: 'em', children: [{ kind: 'text', text: 'd' }] },
      { kind: 'text', text: ' ' },
      { kind: 'link', href: '#f', children: [{ kind: 'text', text: 'e' }] }
    ]);
    expect(slug('3. The monthly update')).toBe('3-the-monthly-update');
  });

  it('reads lists whose items hold code, tables, fences and drops HTML lines', () => {
    const blocks = parseMarkdown(
      '<div dir="rtl">\n\n- one\n  ```\n  x = 1\n  ```\n  after\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n</div>'
    );
    expect(blocks.map((b) => b.kind)).toEqual(['list', 'table']);
    const list = blocks[0];
    if (list.kind !== 'list') throw new Error('not a list');
    expect(list.items.map((item) => item.map((b) => b.kind))).toEqual([
      ['paragraph', 'code', 'paragraph'],
      ['paragraph']
    ]);
    const code = list.items[0][1];
    expect(code.kind === 'code' && code.text).toBe('x = 1');
  });

  it('gives the nine sections in English and in Arabic, the formula in both', () => {
    for (const language of ['en', 'ar'] as const) {
      const help = helpText(source, language);
      const sections = help.blocks.filter((b) => b.kind === 'heading' && b.level === 2);
      expect(sections, language).toHaveLength(9);
      const code = help.blocks.filter((b) => b.kind === 'code').map((b) => (b.kind === 'code' ? b.text : ''));
      expect(code.some((c) => c.includes('T(t)   = 100 · Σ_i w_i e_i(t) / Σ_i w_i'))).toBe(true);
      expect(code.some((c) => c.includes('x_i(t+1) = clamp(y_i, 0, 1)'))).toBe(true);
    }
    expect(helpText(source, 'en').title).toBe('The Mizan model');
    expect(helpText(source, 'ar').title).toBe('نموذج ميزان بالعربية');
    const text = JSON.stringify(helpText(source, 'en').blocks);
    expect(text).toContain('judgement aid, not a forecast');
    expect(text).not.toContain('العربية أدناه');
  });
});

describe('updateChart with nothing to change', () => {
  it('does not redraw', () => {
    const before = config('radar', input(doc));
    const { chart } = draw(before);
    expect(updateChart(chart, before, config('radar', input(doc)))).toBe('none');
  });
});
