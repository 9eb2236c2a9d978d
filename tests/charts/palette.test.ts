// The charts' colours: the published colour-blind-safe palettes, the app's theme colours
// (src/renderer/src/styles/app.css) and the rgba() form of translucent fills.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FACTOR_PALETTE, THEMES } from '../../src/presentation/charts';
import { factorColour, themeColours, withAlpha } from '../../src/presentation/charts/palette';
import { contributionsChart } from '../../src/presentation/charts/contributions';
import { tensionChart } from '../../src/presentation/charts/tension';
import { SCENARIO_COLORS } from '../../src/engine/colour';
import { addScenario, nextScenarioColor, Refused } from '../../src/engine/edits';
import type { MizanDoc } from '../../src/engine/format';
import { makeDocument } from '../support/documents';
import { seenDistance, VISIONS, type Vision } from './colourVision';
import { input } from './helpers';

/** The custom properties set in the first CSS block whose selector is `selector`. */
function cssVariables(css: string, selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  const block = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

describe('the factor palette', () => {
  it('is Okabe–Ito with grey for black, then Paul Tol’s muted scheme, each in its own order', () => {
    const okabeIto = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999'];
    const tolMuted = [
      '#332288',
      '#88CCEE',
      '#44AA99',
      '#117733',
      '#999933',
      '#DDCC77',
      '#CC6677',
      '#882255',
      '#AA4499'
    ];
    expect([...FACTOR_PALETTE.slice(0, 8)].sort()).toEqual([...okabeIto].sort());
    expect([...FACTOR_PALETTE.slice(8)].sort()).toEqual([...tolMuted].sort());
  });

  it('gives factor i its colour, and starts over after the last', () => {
    expect([0, 1, 16, 17, 18, 35].map(factorColour)).toEqual([
      FACTOR_PALETTE[0],
      FACTOR_PALETTE[1],
      FACTOR_PALETTE[16],
      FACTOR_PALETTE[0],
      FACTOR_PALETTE[1],
      FACTOR_PALETTE[1]
    ]);
    expect(FACTOR_PALETTE).toHaveLength(17);
  });
});

describe('the themes', () => {
  const css = readFileSync('src/renderer/src/styles/app.css', 'utf8');
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ');

  it('are the app’s colours: surface, text, muted text, band markers and bands', () => {
    const light = cssVariables(css, ':root');
    expect(themeColours('light')).toBe(THEMES.light);
    expect(THEMES.light).toMatchObject({
      surface: light.surface,
      text: light.text,
      muted: light['text-muted'],
      marker: light['band-text'],
      bands: { calm: light.calm, elevated: light.elevated, high: light.high, crisis: light.crisis }
    });
    const dark = cssVariables(css, ":root[data-theme='dark']");
    expect(themeColours('dark')).toBe(THEMES.dark);
    expect(THEMES.dark).toMatchObject({ surface: dark.surface, text: dark.text, muted: dark['text-muted'] });
  });

  it('draw the grid in faint text colour, and tooltips in near-opaque text colour with the surface’s colour on it', () => {
    for (const theme of [THEMES.light, THEMES.dark]) {
      const grid = new RegExp(`^rgba\\(${rgb(theme.text)}, (0\\.\\d+)\\)$`).exec(theme.grid);
      expect(Number(grid?.[1])).toBeLessThan(0.2);
      const tooltip = new RegExp(`^rgba\\(${rgb(theme.text)}, (0\\.\\d+)\\)$`).exec(theme.tooltipBackground);
      expect(Number(tooltip?.[1])).toBeGreaterThan(0.9);
    }
    expect(THEMES.light.tooltipText).toBe(THEMES.light.surface);
    expect(THEMES.dark.tooltipText).toBe(THEMES.light.text);
  });

  it('make bands faint and the fan’s inner band stronger than its outer one', () => {
    for (const theme of [THEMES.light, THEMES.dark]) {
      expect(theme.bandAlpha).toBeGreaterThan(0);
      expect(theme.bandAlpha).toBeLessThan(0.2);
      expect(theme.fanAlpha.outer).toBeGreaterThan(0);
      expect(theme.fanAlpha.inner).toBeGreaterThan(theme.fanAlpha.outer);
      expect(theme.fanAlpha.inner).toBeLessThan(1);
    }
    // The dark theme's bands are lighter than the light theme's, to stand out on a dark surface.
    const lightness = (hex: string) =>
      rgb(hex)
        .split(', ')
        .map(Number)
        .reduce((a, b) => a + b);
    for (const band of ['calm', 'elevated', 'high', 'crisis'] as const)
      expect(lightness(THEMES.dark.bands[band])).toBeGreaterThan(lightness(THEMES.light.bands[band]));
    expect(lightness(THEMES.dark.marker)).toBeGreaterThan(lightness(THEMES.light.marker));
  });
});

describe('withAlpha', () => {
  it('writes #rrggbb, in either case, as rgba() with the alpha', () => {
    expect(withAlpha('#D55E00', 0.3)).toBe('rgba(213, 94, 0, 0.3)');
    expect(withAlpha('#0aff10', 0.15)).toBe('rgba(10, 255, 16, 0.15)');
  });

  it('leaves any other colour as it is', () => {
    expect(
      ['red', '#abc', '#D55E00ff', 'x#D55E00', '#D55E00 ', 'rgba(0, 0, 0, 0.5)'].map((c) => withAlpha(c, 0.5))
    ).toEqual(['red', '#abc', '#D55E00ff', 'x#D55E00', '#D55E00 ', 'rgba(0, 0, 0, 0.5)']);
  });
});

describe('colours drawn together stay apart (CIEDE2000), for normal and colour-blind vision, on both themes', () => {
  const surfaces = [THEMES.light.surface, THEMES.dark.surface];
  const pairs = <T>(list: readonly T[]) => list.flatMap((x, i) => list.slice(i + 1).map((y) => [x, y] as const));
  /** The smallest difference between the pairs for `vision` on either surface. */
  const least = (list: readonly (readonly [string, string])[], vision: Vision) =>
    Math.min(...surfaces.flatMap((surface) => list.map(([x, y]) => seenDistance(x, y, vision, surface))));

  /** A document whose scenarios took their colours one after another from nextScenarioColor. */
  function scenarioColoursHanded(count: number): string[] {
    let doc: MizanDoc = makeDocument([{ id: 'a' }]);
    while (doc.scenarios.length < count) {
      const colour = nextScenarioColor(doc);
      const edited = addScenario(doc, { id: `s${doc.scenarios.length}`, name: { en: 's', ar: '' }, color: colour });
      if (edited instanceof Refused) throw new Error(edited.reason);
      doc = edited;
    }
    return doc.scenarios.map((s) => s.color);
  }

  it('the scenario lines: any two of the six palette colours, and each against the surface', () => {
    const colours = scenarioColoursHanded(SCENARIO_COLORS.length);
    expect(new Set(colours).size).toBe(SCENARIO_COLORS.length);
    expect(least(pairs(colours), 'normal')).toBeGreaterThan(20);
    for (const vision of VISIONS.slice(1)) expect(least(pairs(colours), vision)).toBeGreaterThan(10);
    for (const vision of VISIONS)
      for (const surface of surfaces)
        for (const colour of colours) expect(seenDistance(colour, surface, vision, surface)).toBeGreaterThan(20);
  });

  it('the tension chart draws the scenarios in those colours, in both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      const lines = tensionChart(input({ theme }))
        .data.datasets.slice(0, 3)
        .map((d) => String(d.borderColor));
      expect(least(pairs(lines), 'normal')).toBeGreaterThan(20);
    }
  });

  it('the contribution stack: neighbours (and the last and the first, when it cycles) differ most', () => {
    const stack = [...FACTOR_PALETTE, FACTOR_PALETTE[0]].map((c, i, all) => [all[i - 1], c] as const).slice(1);
    expect(least(stack, 'normal')).toBeGreaterThan(25);
    for (const vision of VISIONS.slice(1)) expect(least(stack, vision)).toBeGreaterThan(10);
    // The first five (most documents) hold one blue: any two of them stay apart.
    expect(least(pairs(FACTOR_PALETTE.slice(0, 5)), 'normal')).toBeGreaterThan(20);
  });

  it('the contributions chart fills its layers in those colours, as drawn on each theme', () => {
    for (const theme of ['light', 'dark'] as const) {
      const fills = contributionsChart(input({ theme })).data.datasets.map((d) => String(d.backgroundColor));
      expect(fills).toEqual(FACTOR_PALETTE.slice(0, fills.length));
      const neighbours = fills.slice(1).map((c, i) => [fills[i], c] as const);
      for (const vision of VISIONS) {
        const surface = THEMES[theme].surface;
        const nearest = Math.min(...neighbours.map(([x, y]) => seenDistance(x, y, vision, surface)));
        expect(nearest).toBeGreaterThan(vision === 'normal' ? 25 : 10);
      }
    }
  });
});
