// "Which scenario?": the odds between the scenarios month by month, given what was recorded up to
// each month (engine/tracking.ts, posteriorByMonth), as stacked areas that fill 0–100 %. Without
// observations the odds are the priors all along; while the runs are not in, there is nothing yet.
import type { ChartConfiguration } from 'chart.js';
import { pick } from './format';
import { chartContext, type ChartContext } from './context';
import { baseOptions, chartPlugins, stackedLayer, xAxis, yAxis } from './options';
import { factorColour } from './palette';
import type { ChartInput, ChartRenderOptions, ChartTable } from './types';
import { observationPriors } from '../../engine/priors';
import { ownValue } from '../../engine/records';

type LineConfig = ChartConfiguration<'line', number[], string>;

interface OddsSeries {
  id: string;
  name: string;
  colour: string;
  /** Percent, month by month. */
  odds: number[];
}

/** Every scenario of the document (the odds are among all of them), its odds by month, and what the chart says of them under its title. */
function oddsSeries(ctx: ChartContext): { series: OddsSeries[]; subtitle: string } {
  const { doc, analysis } = ctx.input;
  const tracking = analysis.tracking;
  const scenarios = doc.scenarios.map((s, k) => ({
    id: s.id,
    name: pick(s.name, ctx.language, s.id),
    colour: s.color ?? factorColour(k)
  }));
  if ((doc.observations?.length ?? 0) === 0) {
    const priors = observationPriors(doc.scenarios.map((s) => s.probability ?? null));
    return {
      series: scenarios.map((s, k) => ({ ...s, odds: ctx.months.map(() => 100 * priors[k]) })),
      subtitle: ctx.text.odds.none
    };
  }
  if (!tracking) return { series: [], subtitle: ctx.text.odds.waiting };
  if ('problem' in tracking) return { series: [], subtitle: ctx.text.odds.inconsistent };
  return {
    series: scenarios.map((s) => ({
      ...s,
      odds: (ownValue(tracking.posteriorByMonth, s.id) ?? []).map((p) => 100 * p)
    })),
    subtitle: ctx.text.odds.subtitle(tracking.observations)
  };
}

export function oddsChart(input: ChartInput, render: ChartRenderOptions = {}): LineConfig {
  const ctx = chartContext(input);
  const { series, subtitle } = oddsSeries(ctx);
  const datasets = series.map((s, k) => stackedLayer(ctx, { label: s.name, data: s.odds, colour: s.colour }, k));
  return {
    type: 'line',
    data: { labels: ctx.monthLabels, datasets },
    options: {
      ...baseOptions<'line'>(ctx, render, {
        title: ctx.text.titles.odds,
        subtitle,
        tooltipMode: 'index',
        reversedEdgeLabels: true,
        tooltip: { label: (item) => `${item.dataset.label}: ${ctx.fmt.percent((item.parsed.y ?? NaN) / 100)}` }
      }),
      scales: {
        x: xAxis(ctx, render, {
          title: ctx.text.axes.month,
          reading: true,
          ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 9 }
        }),
        y: yAxis(ctx, render, { title: ctx.text.odds.axis, min: 0, max: 100, stacked: true, ticks: { stepSize: 25 } })
      }
    },
    plugins: chartPlugins<'line'>(ctx, render)
  };
}

/** The odds (percent) of every scenario by month. */
export function oddsTable(input: ChartInput): ChartTable {
  const ctx = chartContext(input);
  const { series } = oddsSeries(ctx);
  return {
    title: ctx.text.titles.odds,
    columns: [ctx.text.axes.month, ...series.map((s) => s.name)],
    rows: series.length ? ctx.monthLabels.map((month, t) => [month, ...series.map((s) => s.odds[t] ?? null)]) : []
  };
}
