// What every chart draws the same way: the title over a smaller subtitle, the legend above the
// plot, tooltips in the theme's colours, axes with titles and ticks in muted text, the value
// axis on the reading side's start, a dashed marker line, the bands' boxes, and the plugins
// that set the text direction and paint the background.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  chartConfigs,
  contributionsChart,
  DEFAULT_FONT_FAMILY,
  gapAtHorizonChart,
  tensionChart,
  THEMES,
  tornadoChart
} from '../../src/presentation/charts';
import { input, opts } from './helpers';

const FONT = 'Test Sans';

describe('the parts every chart shares', () => {
  it('titles the chart in bold above a smaller muted subtitle, and puts the legend on top', () => {
    const o = opts(tensionChart(input({ analysis: { ...input().analysis, scenarios: [] } }), { fontFamily: FONT }));
    const withSubtitle = opts(tornadoChart(input({ theme: 'dark' }), { fontFamily: FONT }));
    expect(o.plugins.title.font).toEqual({ family: FONT, size: 15, weight: 'bold' });
    expect(o.plugins.title.padding).toEqual({ top: 4, bottom: 8 });
    // A subtitle sits close under the title.
    expect(withSubtitle.plugins.title.padding).toEqual({ top: 4, bottom: 2 });
    expect(withSubtitle.plugins.subtitle).toMatchObject({
      display: true,
      color: THEMES.dark.muted,
      font: { family: FONT, size: 12, weight: 'normal' },
      padding: { bottom: 8 }
    });
    expect(o.plugins.subtitle).toMatchObject({ display: false, text: '' });
    expect(o.plugins.legend).toMatchObject({
      display: true,
      position: 'top',
      labels: { font: { family: FONT, size: 12, weight: 'normal' }, boxWidth: 14, boxHeight: 10 }
    });
    expect(o.font).toEqual({ family: FONT, size: 12, weight: 'normal' });
    expect(o.color).toBe(THEMES.light.text);
  });

  it('shows tooltips in the theme’s tooltip colours, titles and footers in bold', () => {
    for (const theme of ['light', 'dark'] as const) {
      const tooltip = opts(contributionsChart(input({ theme }), { fontFamily: FONT })).plugins.tooltip;
      expect(tooltip).toMatchObject({
        mode: 'index',
        intersect: false,
        backgroundColor: THEMES[theme].tooltipBackground,
        titleColor: THEMES[theme].tooltipText,
        bodyColor: THEMES[theme].tooltipText,
        footerColor: THEMES[theme].tooltipText,
        titleFont: { family: FONT, size: 12, weight: 'bold' },
        bodyFont: { family: FONT, size: 12, weight: 'normal' },
        footerFont: { family: FONT, size: 12, weight: 'bold' }
      });
    }
    const nearest = opts(tornadoChart(input()));
    expect([nearest.plugins.tooltip.mode, nearest.interaction]).toEqual([
      'nearest',
      { mode: 'nearest', intersect: false }
    ]);
    expect(opts(tensionChart(input())).interaction).toEqual({ mode: 'index', intersect: false });
  });

  it('pads the chart evenly, with room on the left for the month labels of a reversed axis', () => {
    expect(opts(tensionChart(input())).layout.padding).toBe(8);
    expect(opts(tensionChart(input({ language: 'ar' }))).layout.padding).toEqual({
      left: 36,
      right: 8,
      top: 8,
      bottom: 8
    });
    // A chart whose x axis is not a reversed month axis keeps even padding in Arabic.
    expect(opts(tornadoChart(input({ language: 'ar' }))).layout.padding).toBe(8);
  });

  it('draws axes with titles, muted ticks and grid-coloured borders', () => {
    const o = opts(tensionChart(input({ theme: 'dark' }), { fontFamily: FONT }));
    const dark = THEMES.dark;
    expect(o.scales.x).toMatchObject({
      position: 'bottom',
      reverse: false,
      title: { display: true, text: 'Month', color: dark.muted, font: { family: FONT, size: 12, weight: 'normal' } },
      ticks: { color: dark.muted, font: { family: FONT, size: 11, weight: 'normal' }, maxTicksLimit: 9 },
      grid: { display: true, color: dark.grid },
      border: { color: dark.grid }
    });
    expect(o.scales.y).toMatchObject({ min: 0, max: 100, position: 'left', ticks: { stepSize: 25 } });
    expect('min' in o.scales.x || 'max' in o.scales.x || 'stacked' in o.scales.x || 'beginAtZero' in o.scales.x).toBe(
      false
    );
    const contributions = opts(contributionsChart(input())).scales.y;
    expect(contributions).toMatchObject({ min: 0, max: 100, stacked: true, title: { text: 'Contribution (points)' } });
    const tornado = opts(tornadoChart(input())).scales;
    expect(tornado.x.beginAtZero).toBe(false);
    expect(tornado.y.grid.display).toBe(false);
    expect(tornado.y.title).toMatchObject({ display: false, text: '' });
  });

  it('reverses only month axes in Arabic', () => {
    expect(opts(tensionChart(input({ language: 'ar' }))).scales.x.reverse).toBe(true);
    expect(opts(tornadoChart(input({ language: 'ar' }))).scales.x.reverse).toBe(false);
  });
});

describe('the inline plugins', () => {
  it('set the canvas’s text direction from the chart’s language before drawing', () => {
    for (const [language, direction] of [
      ['ar', 'rtl'],
      ['en', 'ltr']
    ] as const) {
      const [plugin] = chartConfigs('radar', input({ language }))[0].plugins!;
      const chart = { ctx: { direction: 'inherit' } };
      (plugin.beforeDraw as (c: unknown) => void)(chart);
      expect(chart.ctx.direction).toBe(direction);
    }
  });

  it('paint the theme’s surface over the whole chart, behind what is drawn, and restore the context', () => {
    const calls: string[] = [];
    const ctx = {
      globalCompositeOperation: 'source-over',
      fillStyle: '#000000',
      save: () => calls.push('save'),
      restore: () => calls.push(`restore`),
      fillRect: (...args: number[]) =>
        calls.push(`fillRect ${args.join(' ')} ${ctx.fillStyle} ${ctx.globalCompositeOperation}`)
    };
    const plugin = chartConfigs('tension', input({ theme: 'dark' }), { background: true })[0].plugins![1];
    (plugin.beforeDraw as (c: unknown) => void)({ ctx, width: 640, height: 400 });
    expect(calls).toEqual(['save', `fillRect 0 0 640 400 ${THEMES.dark.surface} destination-over`, 'restore']);
  });
});

describe('annotations', () => {
  it('draw the bands as faint boxes behind the data, labelled in bold in the band’s colour at the far side', () => {
    const band = (language: 'en' | 'ar') =>
      opts(tensionChart(input({ language }), { fontFamily: FONT })).plugins.annotation.annotations['band-high'];
    expect(band('en')).toMatchObject({
      type: 'box',
      yScaleID: 'y',
      drawTime: 'beforeDatasetsDraw',
      backgroundColor: 'rgba(224, 108, 27, 0.09)',
      borderWidth: 0,
      label: {
        display: true,
        position: { x: 'end', y: 'start' },
        textAlign: 'center',
        color: THEMES.light.bands.high,
        font: { family: FONT, size: 10, weight: 'bold' }
      }
    });
    expect(band('ar').label.position).toEqual({ x: 'start', y: 'start' });
  });

  it('draw markers as thin dashed lines over the data, labelled on a near-opaque surface', () => {
    const o = opts(tornadoChart(input(), { fontFamily: FONT }));
    expect(o.plugins.annotation.annotations.centre).toMatchObject({
      type: 'line',
      scaleID: 'x',
      borderColor: THEMES.light.marker,
      borderWidth: 1,
      borderDash: [4, 3],
      drawTime: 'afterDatasetsDraw',
      label: {
        display: false,
        content: null,
        position: 'start',
        rotation: 0,
        color: THEMES.light.text,
        backgroundColor: 'rgba(255, 255, 255, 0.85)',
        font: { family: FONT, size: 10, weight: 'normal' }
      }
    });
    // Event markers' labels lie flat at the foot of the line, lifted (when drawn) clear of each other.
    const event = opts(tensionChart(input())).plugins.annotation.annotations['event-1'];
    expect(event.label).toMatchObject({ display: true, rotation: 0, position: 'end' });
    expect(typeof event.label.yAdjust).toBe('function');
  });
});

describe('defaults every chart shares', () => {
  it('draws in the app’s font stack (--font-ui) unless told another font', () => {
    const css = readFileSync('src/renderer/src/styles/app.css', 'utf8');
    const fontUi = /--font-ui:([^;]*);/.exec(css)![1].replace(/\s+/g, ' ').trim();
    expect(DEFAULT_FONT_FAMILY).toBe(fontUi);
    expect(opts(tensionChart(input())).font.family).toBe(fontUi);
  });

  it('reads the nearest item in a tooltip when the chart asks for no other mode', () => {
    // The gap at the horizon gives no tooltip mode.
    const o = opts(gapAtHorizonChart(input()));
    expect(o.interaction.mode).toBe('nearest');
    expect(o.plugins.tooltip.mode).toBe('nearest');
  });

  it('gives the stacked contributions a 0–100 axis with a tick every 25 points', () => {
    const y = opts(contributionsChart(input())).scales.y;
    expect(y).toMatchObject({ min: 0, max: 100, stacked: true });
    expect(y.ticks.stepSize).toBe(25);
  });
});
