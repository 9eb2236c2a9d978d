// The gap between two scenarios: which factors make T differ between them (src/engine/gap.ts,
// docs/MODEL.md). Two charts: month by month, the factors' differences stacked around zero with
// the gap in T as a line; at the horizon, one bar per factor, largest difference first, under a
// bar for the gap in T. Scenario A is the selected one, B `versus` (default: the one after A).
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { ScenarioAnalysis } from '../../engine/analysis';
import type { Language } from '../../engine/format';
import { scenarioGap, type ScenarioGap } from '../../engine/gap';
import { ownValue } from '../../engine/records';
import { markerLine } from './annotations';
import { chartContext, type ChartContext, type FactorView } from './context';
import { pick } from './format';
import { baseOptions, chartPlugins, xAxis, yAxis } from './options';
import type { ChartInput, ChartKind, ChartRenderOptions, ChartTable } from './types';

/** The kinds that compare two scenarios: a document with one has none to draw. */
export const GAP_KINDS: readonly ChartKind[] = ['gap', 'gapAtHorizon'];

type MonthlyConfig = ChartConfiguration<'bar', number[], string>;
type HorizonConfig = ChartConfiguration<'bar', number[], string>;

interface GapSide {
  id: string;
  name: string;
  analysis: ScenarioAnalysis;
}

export interface GapView {
  a: GapSide;
  b: GapSide;
  gap: ScenarioGap;
}

/**
 * The scenario the gap charts subtract from `a`: `versus` if it is another scenario of the
 * analysis, else the one after `a` (the first after the last); undefined with fewer than two.
 */
export function gapVersus(scenarioIds: readonly string[], a: string, versus?: string): string | undefined {
  // Stryker disable next-line ConditionalExpression: an undefined versus is in no list of scenario ids (strings): the test after it fails alike
  if (versus !== undefined && versus !== a && scenarioIds.includes(versus)) return versus;
  const at = scenarioIds.indexOf(a);
  const next = scenarioIds[(at + 1) % scenarioIds.length];
  return next === a ? undefined : next;
}

/** The two scenarios and their gap, or null when there are not two to compare. */
export function gapView(ctx: ChartContext): GapView | null {
  const scenarios = ctx.input.analysis.scenarios;
  const a = ctx.selected;
  if (!a) return null;
  const versus = gapVersus(
    scenarios.map((s) => s.id),
    a.id,
    ctx.input.versus
  );
  const b = scenarios.find((s) => s.id === versus);
  if (!b) return null;
  return {
    a: { id: a.id, name: a.name, analysis: a.analysis },
    b: { id: b.id, name: pick(b.name, ctx.language, b.id), analysis: b },
    gap: scenarioGap(a.analysis.central, b.central)
  };
}

const signedFormats = new Map<Language, Intl.NumberFormat>();
/** A difference in points with its sign, one decimal: "+2.4", "−0.3", "0.0". */
export function signedPoints(language: Language, value: number): string {
  let format = signedFormats.get(language);
  // Stryker disable next-line ConditionalExpression: a format made anew each time formats the same (the map only saves building it)
  if (!format) {
    format = new Intl.NumberFormat(language, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero'
    });
    signedFormats.set(language, format);
  }
  return format.format(value);
}

// Stryker disable next-line ArrayDeclaration: ctx.factors are keys of A's contributions, and the gap has every key of A's and B's
const differenceOf = (view: GapView, f: FactorView) => ownValue(view.gap.contributions, f.id) ?? [];

function monthlyTitle(ctx: ChartContext, view: GapView | null): string {
  return view ? ctx.text.gap.title(view.a.name, view.b.name) : ctx.text.gap.needsTwo;
}

export function gapChart(input: ChartInput, render: ChartRenderOptions = {}): MonthlyConfig {
  const ctx = chartContext(input);
  const view = gapView(ctx);
  const signed = (v: number) => signedPoints(ctx.language, v);
  const factors: ChartDataset<'bar', number[]>[] = view
    ? ctx.factors.map((f) => ({
        type: 'bar',
        label: f.label,
        data: differenceOf(view, f),
        backgroundColor: f.colour,
        borderColor: ctx.colours.surface,
        borderWidth: 1,
        stack: 'factors',
        order: 1
      }))
    : [];
  // The gap in T, a line drawn over the bars: where the stacks above and below zero net out.
  // (Chart.js draws a dataset of another type in the same chart; its typings want one type.)
  const total = (view
    ? [
        {
          type: 'line',
          label: ctx.text.gap.total,
          data: view.gap.tension,
          borderColor: ctx.colours.text,
          backgroundColor: ctx.colours.text,
          borderWidth: 2,
          pointRadius: 2,
          stack: 'total',
          order: 0,
          tension: 0
        } satisfies ChartDataset<'line', number[]>
      ]
    : []) as unknown as ChartDataset<'bar', number[]>[];
  return {
    type: 'bar',
    data: { labels: ctx.monthLabels, datasets: [...total, ...factors] },
    options: {
      ...baseOptions<'bar'>(ctx, render, {
        title: monthlyTitle(ctx, view),
        tooltipMode: 'index',
        reversedEdgeLabels: true,
        tooltip: { label: (item) => `${item.dataset.label}: ${signed(item.parsed.y ?? NaN)}` }
      }),
      scales: {
        x: xAxis(ctx, render, {
          title: ctx.text.axes.month,
          reading: true,
          stacked: true,
          grid: false,
          ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 9 }
        }),
        y: yAxis(ctx, render, { title: ctx.text.gap.axis, stacked: true })
      }
    },
    plugins: chartPlugins<'bar'>(ctx, render)
  };
}

export function gapTable(input: ChartInput): ChartTable {
  const ctx = chartContext(input);
  const view = gapView(ctx);
  return {
    title: monthlyTitle(ctx, view),
    columns: [ctx.text.axes.month, ...ctx.factors.map((f) => f.label), ctx.text.gap.total],
    rows: view
      ? ctx.monthLabels.map((month, t) => [
          month,
          ...ctx.factors.map((f) => differenceOf(view, f)[t] ?? null),
          view.gap.tension[t]
        ])
      : []
  };
}

interface HorizonRow {
  label: string;
  colour: string;
  a: number;
  b: number;
  difference: number;
}

/** The gap in T, then the factors by the size of their difference at the horizon, largest first. */
function horizonRows(ctx: ChartContext, view: GapView): HorizonRow[] {
  const H = ctx.horizon;
  // Stryker disable next-line OptionalChaining: every scenario of one analysis has a contribution series for each factor of the document, and ctx.factors are among them
  const contribution = (side: GapSide, f: FactorView) => ownValue(side.analysis.central.contributions, f.id)?.[H] ?? 0;
  const factors = ctx.factors
    .map((f) => ({
      label: f.label,
      colour: f.colour,
      a: contribution(view.a, f),
      b: contribution(view.b, f),
      difference: differenceOf(view, f)[H]
    }))
    .sort((p, q) => Math.abs(q.difference) - Math.abs(p.difference));
  return [
    {
      label: ctx.text.total,
      colour: ctx.colours.marker,
      a: view.a.analysis.central.tension[H],
      b: view.b.analysis.central.tension[H],
      difference: view.gap.tension[H]
    },
    ...factors
  ];
}

function horizonTitle(ctx: ChartContext, view: GapView | null): string {
  if (!view) return ctx.text.gap.needsTwo;
  // Stryker disable next-line StringLiteral: an analysis has months 0..H with H ≥ 1 (schema), so the horizon's label exists
  return ctx.text.gap.titleAtHorizon(ctx.monthLabels[ctx.horizon] ?? '', view.a.name, view.b.name);
}

export function gapAtHorizonChart(input: ChartInput, render: ChartRenderOptions = {}): HorizonConfig {
  const ctx = chartContext(input);
  const view = gapView(ctx);
  const rows = view ? horizonRows(ctx, view) : [];
  const signed = (v: number) => signedPoints(ctx.language, v);
  const H = ctx.horizon;
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.label),
      datasets: [
        {
          label: ctx.text.gap.difference,
          data: rows.map((r) => r.difference),
          backgroundColor: rows.map((r) => r.colour),
          borderWidth: 0,
          barPercentage: 0.8,
          categoryPercentage: 0.9
        }
      ]
    },
    options: {
      ...baseOptions<'bar'>(ctx, render, {
        title: horizonTitle(ctx, view),
        subtitle: view
          ? ctx.text.gap.summary(
              view.a.name,
              ctx.fmt.points(view.a.analysis.central.tension[H]),
              view.b.name,
              ctx.fmt.points(view.b.analysis.central.tension[H]),
              signed(view.gap.tension[H])
            )
          : undefined,
        legend: false,
        tooltip: {
          label: (item) => {
            const row = rows[item.dataIndex];
            // Stryker disable next-line OptionalChaining: there are rows, and so tooltips, only when there is a view
            return `${signed(row.difference)} (${view?.a.name}: ${ctx.fmt.points(row.a)}, ${view?.b.name}: ${ctx.fmt.points(row.b)})`;
          }
        },
        annotations: view ? { zero: markerLine(ctx, render, 0, null) } : {}
      }),
      indexAxis: 'y',
      scales: {
        x: xAxis(ctx, render, { title: ctx.text.gap.axis }),
        y: yAxis(ctx, render, { grid: false, ticks: { autoSkip: false } })
      }
    },
    plugins: chartPlugins<'bar'>(ctx, render)
  };
}

export function gapAtHorizonTable(input: ChartInput): ChartTable {
  const ctx = chartContext(input);
  const view = gapView(ctx);
  return {
    title: horizonTitle(ctx, view),
    columns: view
      ? [
          ctx.text.axes.factor,
          ctx.text.gap.contributionIn(view.a.name),
          ctx.text.gap.contributionIn(view.b.name),
          ctx.text.gap.difference
        ]
      : [ctx.text.axes.factor],
    rows: view ? horizonRows(ctx, view).map((r) => [r.label, r.a, r.b, r.difference]) : []
  };
}
