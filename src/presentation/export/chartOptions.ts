// What every exported chart shares: a fixed size, no animation, no responsiveness, the
// basic (DOM-free) platform, and a background painted by the exporter rather than the chart.
import { BasicPlatform, type ChartConfiguration, type Plugin } from 'chart.js';
import { THEMES } from '../charts';
import { BACKGROUND_PLUGIN_ID } from '../charts/options';
import type { ExportBackground } from './types';

/** The colour behind an exported chart, or null for none. */
export function backgroundColour(background: ExportBackground): string | null {
  switch (background) {
    case 'white':
      return '#ffffff';
    case 'dark':
      return THEMES.dark.surface;
    case 'transparent':
      return null;
  }
}

/** The configuration as the exporters draw it: fixed size, device pixel ratio, extra plugins. */
export function exportConfig(
  config: ChartConfiguration,
  devicePixelRatio: number,
  plugins: Plugin[] = []
): ChartConfiguration {
  return {
    ...config,
    platform: BasicPlatform,
    options: {
      ...config.options,
      responsive: false,
      maintainAspectRatio: false,
      animation: false,
      devicePixelRatio
    },
    plugins: [
      ...// The chart layer's own background (ChartRenderOptions.background) gives way to the exporter's.
      (config.plugins ?? []).filter((p) => p.id !== BACKGROUND_PLUGIN_ID),
      ...plugins
    ]
  } as ChartConfiguration;
}
