// Tension over time: the central path of every compared scenario, the selected
// scenario's 5–95 % and 25–75 % fan (of all its runs, or given the observations), the tension
// bands, the selected scenario's events, and what was recorded since (readings ± σ, outcomes).
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import { bandAnnotations, stackedMarkers } from './annotations';
import { FEW_EFFECTIVE_RUNS } from '../../engine/tracking';
import { chartContext, type ChartContext, type ScenarioView } from './context';
import { outcomesOf, outcomesText, outcomeTicks, readingCells, readingsOf, readingsOverlay } from './observations';
import { pick, truncate } from './format';
import { baseOptions, chartPlugins, xAxis, yAxis } from './options';
import { withAlpha } from './palette';
import type { ChartInput, ChartRenderOptions, ChartTable } from './types';

type LineConfig = ChartConfiguration<'line', number[], string>;

/** The fan's edges, drawn in pairs (lower edge, then upper edge filled down to it). */
export const FAN = [
  { lower: '5', upper: '95', band: 'outer' },
  { lower: '25', upper: '75', band: 'inner' }
] as const;

/** Event labels lie flat: long names are cut shorter than a vertical label's. */
const EVENT_LABEL_CHARS = 30;

/**
 * The selected scenario when its line is drawn: its fan and events go with its line, so a
 * scenario taken out of the comparison leaves nothing behind.
 */
function drawnSelected(ctx: ChartContext): ScenarioView | null {
  const s = ctx.selected;
  return s && ctx.compared.some((c) => c.id === s.id) ? s : null;
}

/**
 * The quantiles of the fan drawn: of all the selected scenario's runs, or of its runs weighed by
 * the observations when that fan is asked for and there is one; null when there is none to draw.
 */
function fanQuantiles(ctx: ChartContext, s: ScenarioView | null) {
  const mc = s?.analysis.monteCarlo;
  if (!mc) return null;
  if (ctx.input.fan !== 'conditioned' || !s?.analysis.evidence) return mc.quantiles;
  return s.analysis.evidence.conditioned?.quantiles ?? null;
}

/** What the subtitle says of the fan: that there is none yet, or that it is the conditioned one and how much it rests on. */
function fanSubtitle(ctx: ChartContext, s: ScenarioView | null): string | undefined {
  if (!s) return undefined;
  if (!s.analysis.monteCarlo) return ctx.text.noMonteCarlo;
  const evidence = s.analysis.evidence;
  if (ctx.input.fan !== 'conditioned' || !evidence) return undefined;
  if (!evidence.conditioned) return ctx.text.noConditionedFan(s.name);
  const worth = ctx.text.conditionedFan(s.name, ctx.fmt.count(evidence.effectiveRuns));
  return evidence.effectiveRuns < FEW_EFFECTIVE_RUNS ? `${worth} — ${ctx.text.fewRuns}` : worth;
}

function fanDatasets(ctx: ChartContext): { datasets: ChartDataset<'line', number[]>[]; names: string[] } {
  const s = drawnSelected(ctx);
  const quantiles = fanQuantiles(ctx, s);
  // Stryker disable next-line ArrayDeclaration: without a fan no dataset comes after the central lines, so no name past theirs is read
  if (!s || !quantiles) return { datasets: [], names: [] };
  const datasets: ChartDataset<'line', number[]>[] = [];
  const names: string[] = [];
  FAN.forEach(({ lower, upper, band }) => {
    const edge = { pointRadius: 0, pointHitRadius: 0, borderWidth: 0, borderColor: 'transparent', tension: 0 };
    const fill = withAlpha(s.colour, ctx.colours.fanAlpha[band]);
    datasets.push({
      ...edge,
      label: ctx.text.quantile(s.name, Number(lower)),
      data: quantiles[lower],
      fill: false,
      backgroundColor: fill
    });
    datasets.push({
      ...edge,
      label: ctx.text.fan[band](s.name),
      data: quantiles[upper],
      fill: '-1',
      backgroundColor: fill
    });
    names.push(ctx.text.quantile(s.name, Number(lower)), ctx.text.quantile(s.name, Number(upper)));
  });
  return { datasets, names };
}

function eventAnnotations(ctx: ChartContext, render: ChartRenderOptions): Record<string, AnnotationOptions> {
  const byMonth = new Map<number, string[]>();
  for (const e of drawnSelected(ctx)?.def?.events ?? []) {
    if (e.month > ctx.horizon) continue;
    const label = `${truncate(pick(e.label, ctx.language, e.id), EVENT_LABEL_CHARS)} (${ctx.fmt.probability(e.probability)})`;
    byMonth.set(e.month, [...(byMonth.get(e.month) ?? []), label]);
  }
  return stackedMarkers(
    ctx,
    render,
    [...byMonth].map(([month, lines]) => ({ id: `event-${month}`, value: month, lines }))
  );
}

export function tensionChart(input: ChartInput, render: ChartRenderOptions = {}): LineConfig {
  const ctx = chartContext(input);
  const central: ChartDataset<'line', number[]>[] = ctx.compared.map((s) => ({
    label: s.name,
    data: s.analysis.central.tension,
    borderColor: s.colour,
    backgroundColor: s.colour,
    // Stryker disable next-line OptionalChaining: a compared scenario is in the analysis, so there is a selected one
    borderWidth: s.id === ctx.selected?.id ? 3 : 2,
    pointRadius: 0,
    pointHoverRadius: 4,
    fill: false,
    tension: 0
  }));
  const shown = drawnSelected(ctx);
  const fan = fanDatasets(ctx);
  // Stryker disable next-line StringLiteral: every central line has a label, its scenario's name
  const names = [...central.map((d) => d.label ?? ''), ...fan.names];
  const lowerEdges = new Set(fan.datasets.map((_, k) => (k % 2 === 0 ? central.length + k : -1)));
  const observed = readingsOverlay(ctx, readingsOf(ctx, null), names.length);
  return {
    type: 'line',
    data: { labels: ctx.monthLabels, datasets: [...central, ...fan.datasets, ...observed.datasets] },
    options: {
      ...baseOptions<'line'>(ctx, render, {
        title: ctx.text.titles.tension,
        subtitle: fanSubtitle(ctx, shown),
        tooltipMode: 'index',
        reversedEdgeLabels: true,
        // Stryker disable next-line UnaryOperator: Chart.js gives every legend item of a line chart its datasetIndex
        legendFilter: (item) => !lowerEdges.has(item.datasetIndex ?? -1),
        tooltip: {
          label: (item) =>
            observed.tooltip(item) ?? `${names[item.datasetIndex]}: ${ctx.fmt.points(item.parsed.y ?? NaN)}`
        },
        annotations: {
          ...bandAnnotations(ctx, render),
          ...eventAnnotations(ctx, render),
          ...observed.annotations,
          ...outcomeTicks(ctx, render, outcomesOf(ctx, shown?.def))
        }
      }),
      scales: {
        x: xAxis(ctx, render, {
          title: ctx.text.axes.month,
          reading: true,
          ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 9 }
        }),
        y: yAxis(ctx, render, { title: ctx.text.axes.tension, min: 0, max: 100, ticks: { stepSize: 25 } })
      }
    },
    plugins: chartPlugins<'line'>(ctx, render)
  };
}

export function tensionTable(input: ChartInput): ChartTable {
  const ctx = chartContext(input);
  const s = drawnSelected(ctx);
  const quantiles = fanQuantiles(ctx, s);
  const edges = quantiles && s ? FAN.flatMap((f) => [f.lower, f.upper]).sort((a, b) => Number(a) - Number(b)) : [];
  // The columns of what was recorded only when something was.
  const readings = readingsOf(ctx, null);
  const outcomes = outcomesOf(ctx, s?.def);
  const events = new Map<number, string[]>();
  // Stryker disable next-line ArrayDeclaration: a stand-in that is no event has no month 0..H, so no row reads what it adds
  for (const e of s?.def?.events ?? [])
    events.set(e.month, [...(events.get(e.month) ?? []), pick(e.label, ctx.language, e.id)]);
  return {
    title: ctx.text.titles.tension,
    columns: [
      ctx.text.axes.month,
      ...ctx.compared.map((c) => c.name),
      // Stryker disable next-line OptionalChaining,StringLiteral: there are edges only when there is a selected scenario
      ...edges.map((q) => ctx.text.quantile(s?.name ?? '', Number(q))),
      ctx.text.events,
      ...(readings.length ? [ctx.text.observed.column, ctx.text.observed.sigma] : []),
      ...(outcomes.length ? [ctx.text.observed.outcomes] : [])
    ],
    rows: ctx.monthLabels.map((month, t) => [
      month,
      ...ctx.compared.map((c) => c.analysis.central.tension[t]),
      ...edges.map((q) => (quantiles ? quantiles[q as keyof typeof quantiles][t] : null)),
      events.get(t)?.join('; ') ?? null,
      ...(readings.length ? readingCells(readings, t) : []),
      ...(outcomes.length ? [outcomesText(ctx, outcomes, t)] : [])
    ])
  };
}
