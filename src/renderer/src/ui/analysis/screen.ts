// Small adaptations of the shared chart configurations to the app's narrow, live pane (the
// exported images keep the configurations as they are).
//
// Event markers on the tension chart: their labels run up the plot from its foot, on a box of
// the surface colour, drawn over the data. In a pane some 500 pixels wide the boxes of the
// first months hide where the paths start. Here the markers and their labels are drawn behind
// the data (their box still hides the dashed line under the text): the paths and the fan stay
// visible, the labels readable between them.
//
// Kinds drawn per factor (factor paths): each small chart repeats the legend of the scenarios,
// which in a chart some 180 pixels high leaves no room for the plot; the pane shows one legend
// above them instead.
import type { ChartConfiguration } from 'chart.js';
import { CHART_KIND_TRAITS, type ChartKind } from '../../../../presentation/charts';

type Annotation = { drawTime?: string } & Record<string, unknown>;

export function forScreen(kind: ChartKind, config: ChartConfiguration): ChartConfiguration {
  if (CHART_KIND_TRAITS[kind].layout === 'perFactor') {
    const plugins = config.options?.plugins;
    return {
      ...config,
      options: { ...config.options, plugins: { ...plugins, legend: { ...plugins?.legend, display: false } } }
    } as ChartConfiguration;
  }
  if (kind !== 'tension') return config;
  const plugins = config.options?.plugins as { annotation?: { annotations?: Record<string, Annotation> } } | undefined;
  const annotations = plugins?.annotation?.annotations;
  if (!annotations) return config;
  const adapted = Object.fromEntries(
    Object.entries(annotations).map(([key, a]) =>
      key.startsWith('event-') ? [key, { ...a, drawTime: 'beforeDatasetsDraw' }] : [key, a]
    )
  );
  return {
    ...config,
    options: {
      ...config.options,
      plugins: { ...config.options?.plugins, annotation: { ...plugins?.annotation, annotations: adapted } }
    }
  } as ChartConfiguration;
}
