// What every chart shares: defaults, options the caller sets, themes, languages, names.
import { describe, expect, it } from 'vitest';
import {
  CHART_KINDS,
  chartAccessibleName,
  chartConfigs,
  chartTable,
  DEFAULT_FONT_FAMILY,
  FACTOR_PALETTE,
  THEMES,
  type ChartKind
} from '../../src/presentation/charts';
import { ar, en } from '../../src/presentation/charts/strings';
import { input, opts, withoutMonteCarlo } from './helpers';

const each = (f: (kind: ChartKind) => void) => CHART_KINDS.forEach(f);

/** The nested key paths of an object, functions as leaves. */
function shape(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [`${prefix}:${typeof value}`];
  return Object.entries(value).flatMap(([k, v]) => shape(v, prefix ? `${prefix}.${k}` : k));
}

describe('every chart', () => {
  it('turns animation off by default, and leaves sizing to the caller', () => {
    each((kind) => {
      for (const config of chartConfigs(kind, input())) {
        const o = opts(config);
        expect(o.animation).toBe(false);
        expect('responsive' in o).toBe(false);
        expect('maintainAspectRatio' in o).toBe(false);
        expect('devicePixelRatio' in o).toBe(false);
        expect(o.plugins.title.display).toBe(true);
        expect(o.font.family).toBe(DEFAULT_FONT_FAMILY);
      }
    });
  });

  it('takes animation, sizing, pixel ratio and font from the caller', () => {
    const render = {
      animation: true,
      responsive: true,
      maintainAspectRatio: false,
      devicePixelRatio: 2,
      fontFamily: 'Test Sans'
    };
    each((kind) => {
      const o = opts(chartConfigs(kind, input(), render)[0]);
      expect([o.animation, o.responsive, o.maintainAspectRatio, o.devicePixelRatio, o.font.family]).toEqual([
        true,
        true,
        false,
        2,
        'Test Sans'
      ]);
    });
  });

  it('uses the theme’s text and grid colours', () => {
    for (const theme of ['light', 'dark'] as const) {
      each((kind) => {
        const o = opts(chartConfigs(kind, input({ theme }))[0]);
        expect(o.plugins.title.color).toBe(THEMES[theme].text);
        expect(o.plugins.legend.labels.color).toBe(THEMES[theme].text);
        const scale = o.scales.y ?? o.scales.r;
        expect(scale.grid.color).toBe(THEMES[theme].grid);
      });
    }
    expect(THEMES.light.text).not.toBe(THEMES.dark.text);
  });

  it('paints a background and sets the text direction only through inline plugins', () => {
    each((kind) => {
      const plain = chartConfigs(kind, input())[0].plugins!.map((p) => p.id);
      const painted = chartConfigs(kind, input(), { background: true })[0].plugins!.map((p) => p.id);
      expect(plain).toEqual(['mizanTextDirection']);
      expect(painted).toEqual(['mizanTextDirection', 'mizanBackground']);
    });
  });

  it('is right-to-left in Arabic and left-to-right in English', () => {
    each((kind) => {
      const a = opts(chartConfigs(kind, input({ language: 'ar' }))[0]);
      const e = opts(chartConfigs(kind, input())[0]);
      expect([a.plugins.legend.rtl, a.plugins.tooltip.rtl, a.plugins.legend.textDirection, a.locale]).toEqual([
        true,
        true,
        'rtl',
        'ar'
      ]);
      expect([e.plugins.legend.rtl, e.plugins.tooltip.rtl, e.plugins.legend.textDirection, e.locale]).toEqual([
        false,
        false,
        'ltr',
        'en'
      ]);
      expect(a.plugins.title.text).not.toBe(e.plugins.title.text);
      expect(a.plugins.title.text).toMatch(/[\u0600-\u06FF]/);
      if (a.scales.y) expect(a.scales.y.position).toBe('right');
    });
  });

  it('works with Monte Carlo not computed', () => {
    each((kind) => {
      expect(() => chartConfigs(kind, input({ analysis: withoutMonteCarlo() }))).not.toThrow();
      expect(() => chartTable(kind, input({ analysis: withoutMonteCarlo() }))).not.toThrow();
    });
  });

  it('copes with an unknown selected scenario and an empty comparison', () => {
    each((kind) => {
      expect(() => chartConfigs(kind, input({ selectedScenario: 'gone', compared: [] }))).not.toThrow();
      expect(() => chartAccessibleName(kind, input({ selectedScenario: 'gone', compared: ['gone'] }))).not.toThrow();
    });
  });

  it('has a table with as many cells in each row as columns', () => {
    each((kind) => {
      const table = chartTable(kind, input());
      expect(table.title).not.toBe('');
      expect(table.rows.length).toBeGreaterThan(0);
      for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
    });
  });

  it('has an accessible name naming what it shows', () => {
    expect(chartAccessibleName('tension', input())).toBe(
      'Regional Tension Index over time: Baseline: entrenched rivalry, Escalation: axis hardens, De-escalation: managed pause'
    );
    expect(chartAccessibleName('tornado', input())).toMatch(/^Sensitivity of tension at the horizon — Escalation/);
    expect(chartAccessibleName('histogram', input())).toMatch(/P\(crisis at any time\)/);
    expect(chartAccessibleName('radar', input({ language: 'ar' }))).toMatch(/^ملامح العوامل في نهاية الأفق/);
    each((kind) => expect(chartAccessibleName(kind, input()).length).toBeGreaterThan(10));
  });
});

describe('strings and palette', () => {
  it('have the same shape in English and Arabic, and differ', () => {
    expect(shape(ar)).toEqual(shape(en));
    expect(ar.titles.tension).not.toBe(en.titles.tension);
  });

  it('has a colour-blind-safe factor palette of distinct colours', () => {
    expect(FACTOR_PALETTE.slice(0, 3)).toEqual(['#E69F00', '#56B4E9', '#009E73']);
    expect(new Set(FACTOR_PALETTE.map((c) => c.toLowerCase())).size).toBe(FACTOR_PALETTE.length);
    expect(FACTOR_PALETTE.length).toBeGreaterThanOrEqual(16);
  });
});
