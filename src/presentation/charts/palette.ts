// Colours: a colour-blind-safe palette for factors, theme colours for text and grid,
// and the tension bands.
import type { Band } from '../../engine/model/bands';
import type { ChartTheme } from './types';

/** Okabe & Ito (2008), with grey for black, which vanishes on the dark theme. */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  grey: '#999999'
} as const;

/**
 * The factors' colours: Okabe–Ito, then Paul Tol's "muted" scheme for documents with more
 * than eight factors; cycles beyond 17. Ordered so that neighbours in the contributions'
 * stack (and the last and the first) stay far apart, for colour-blind viewers too
 * (tests/charts/palette.test.ts), and the two blues are not among the first five.
 */
export const FACTOR_PALETTE: readonly string[] = [
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.yellow,
  OKABE_ITO.grey,
  OKABE_ITO.vermillion,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.blue,
  // Paul Tol, muted
  '#44AA99', // teal
  '#332288', // indigo
  '#88CCEE', // cyan
  '#117733', // green
  '#CC6677', // rose
  '#999933', // olive
  '#882255', // wine
  '#DDCC77', // sand
  '#AA4499' // purple
];

export function factorColour(index: number): string {
  return FACTOR_PALETTE[index % FACTOR_PALETTE.length];
}

/** "#rrggbb" with an alpha, as rgba(); other colour strings are returned unchanged. */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

export interface ThemeColours {
  /** The surface the chart sits on (the app's card colour), painted only for exports. */
  surface: string;
  text: string;
  muted: string;
  grid: string;
  /** Lines drawn over the data: event markers, the tornado's centre line. */
  marker: string;
  tooltipBackground: string;
  tooltipText: string;
  bands: Record<Band, string>;
  /** Opacity of the band boxes behind the data. */
  bandAlpha: number;
  /** Opacity of the fan's outer (5–95 %) and inner (25–75 %) bands. */
  fanAlpha: { outer: number; inner: number };
}

/** Matches src/renderer/src/styles/app.css. */
export const THEMES: Record<ChartTheme, ThemeColours> = {
  light: {
    surface: '#ffffff',
    text: '#1a1f26',
    muted: '#4f5966',
    grid: 'rgba(26, 31, 38, 0.1)',
    marker: '#3b4450',
    tooltipBackground: 'rgba(26, 31, 38, 0.92)',
    tooltipText: '#ffffff',
    bands: { calm: '#2f9e5b', elevated: '#d4a017', high: '#e06c1b', crisis: '#c62828' },
    bandAlpha: 0.09,
    fanAlpha: { outer: 0.15, inner: 0.3 }
  },
  dark: {
    surface: '#1b1f25',
    text: '#e7eaee',
    muted: '#a8b1bc',
    grid: 'rgba(231, 234, 238, 0.12)',
    marker: '#c3cad3',
    tooltipBackground: 'rgba(231, 234, 238, 0.95)',
    tooltipText: '#1a1f26',
    bands: { calm: '#4cc27d', elevated: '#e8bb3c', high: '#f08a43', crisis: '#ef5350' },
    bandAlpha: 0.13,
    fanAlpha: { outer: 0.3, inner: 0.5 }
  }
};

export function themeColours(theme: ChartTheme): ThemeColours {
  return THEMES[theme];
}
