// Updating a Chart.js chart in place with a new configuration, as cheaply as it allows.
//
// Chart.update() re-resolves every option, lays the chart out again and lets every plugin
// recompute (the annotation plugin's bands and markers cost about half of it): 15–20 ms on a
// slow machine, too much for each step of a slider drag. When the new configuration differs
// from the one drawn only in its data values — same labels, same datasets apart from their
// `data`, same options (functions compared by their source), and every value axis with a
// fixed min and max, so the layout cannot move — only the datasets are re-parsed and re-laid
// and the chart redrawn (about 3 ms): the "data-only" path. Anything else takes the full update.
import type { Chart, ChartConfiguration } from 'chart.js';

/** Structural equality of configuration values; functions are equal when their source is. */
export function sameConfigValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null) return false;
  if (typeof a === 'function') return a.toString() === (b as () => unknown).toString();
  if (typeof a !== 'object') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameConfigValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!sameConfigValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

const DATA_ONLY_TYPES = new Set(['line', 'radar']);

/** True when every value axis has a fixed range (the category axis of a line chart needs none). */
function fixedValueAxes(config: ChartConfiguration): boolean {
  const scales = (config.options?.scales ?? {}) as Record<string, { min?: unknown; max?: unknown; type?: string }>;
  const valueAxes = config.type === 'radar' ? ['r'] : ['y'];
  for (const [id, scale] of Object.entries(scales)) {
    const isCategory = config.type === 'line' && id === 'x' && (scale.type === undefined || scale.type === 'category');
    if (isCategory) continue;
    if (typeof scale.min !== 'number' || typeof scale.max !== 'number') return false;
  }
  return valueAxes.every((id) => id in scales);
}

/** Whether `next` can be drawn over `previous` by changing data values only. */
export function isDataOnlyChange(previous: ChartConfiguration, next: ChartConfiguration): boolean {
  if (previous.type !== next.type || !DATA_ONLY_TYPES.has(next.type as string)) return false;
  if (!fixedValueAxes(next)) return false;
  if (!sameConfigValue(previous.data.labels, next.data.labels)) return false;
  const a = previous.data.datasets;
  const b = next.data.datasets;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if ((a[i].data?.length ?? 0) !== (b[i].data?.length ?? 0)) return false;
    const { data: _a, ...restA } = a[i];
    const { data: _b, ...restB } = b[i];
    if (!sameConfigValue(restA, restB)) return false;
  }
  return sameConfigValue(previous.options, next.options);
}

/** The same data values in every dataset (of two configurations with the same shape). */
function sameData(a: ChartConfiguration, b: ChartConfiguration): boolean {
  return a.data.datasets.every((d, i) => sameConfigValue(d.data, b.data.datasets[i].data));
}

interface DataOnlyInternals {
  _updateDatasets?: (mode: string) => void;
}

/**
 * Draws `next` on `chart`, which currently shows `previous`. Returns the path taken: 'none'
 * (nothing changed), 'data' or 'full'. The data-only path uses two members of Chart.js 4 that are not in its typed
 * API (a controller's buildOrUpdateElements, the chart's _updateDatasets); without them, or
 * if they throw, the full update runs.
 */
export function updateChart(
  chart: Chart,
  previous: ChartConfiguration | null,
  next: ChartConfiguration
): 'none' | 'data' | 'full' {
  const internals = chart as unknown as DataOnlyInternals;
  const dataOnly = previous !== null && isDataOnlyChange(previous, next);
  if (dataOnly && sameData(previous, next)) return 'none';
  if (dataOnly && typeof internals._updateDatasets === 'function') {
    try {
      const datasets = chart.data.datasets;
      next.data.datasets.forEach((dataset, i) => {
        datasets[i].data = dataset.data;
      });
      for (let i = 0; i < datasets.length; i++) chart.getDatasetMeta(i).controller.buildOrUpdateElements(false);
      internals._updateDatasets('none');
      chart.render();
      return 'data';
    } catch {
      // Fall through to the full update.
    }
  }
  const own = ownConfig(next);
  chart.data = own.data;
  chart.options = own.options ?? {};
  chart.update('none');
  return 'full';
}

/** A deep copy of plain objects and arrays; functions and anything else are shared. */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = copy(v);
  return out as T;
}

/**
 * The configuration to hand to Chart.js: a copy, because Chart.js and the annotation plugin
 * write into the objects they are given (merged scales, annotation ids and defaults), and the
 * configuration drawn is kept as built, for the comparison with the one that follows. The data
 * arrays themselves are handed over as they are (Chart.js only watches them).
 */
export function ownConfig(config: ChartConfiguration): ChartConfiguration {
  return {
    ...config,
    data: {
      ...config.data,
      labels: copy(config.data.labels),
      datasets: config.data.datasets.map(
        ({ data, ...rest }) => ({ ...copy(rest), data }) as (typeof config.data.datasets)[number]
      )
    },
    options: copy(config.options ?? {})
  };
}
