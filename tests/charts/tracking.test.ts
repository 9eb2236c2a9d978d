// What was recorded since the analysis, on the charts: readings ± σ and outcomes over the tension
// path, readings over the factor paths, the conditioned fan, and the "Which scenario?" odds.
import { describe, expect, it } from 'vitest';
import { chartConfigs, chartTable } from '../../src/presentation/charts';
import { monthsFrom } from '../../src/engine/months';
import type { ObservationDef } from '../../src/engine/format';
import { input, opts, tracked, trackedDoc, trackedInput, withoutMonteCarlo } from './helpers';

const observations = trackedDoc.observations ?? [];
const monthOf = (o: ObservationDef) => monthsFrom(trackedDoc.startMonth, o.month);
const indexReadings = observations.filter((o) => o.kind === 'index');
const datasets = (config: { data: { datasets: unknown[] } }) => config.data.datasets as any[];
const annotations = (config: any): Record<string, any> => opts(config).plugins.annotation.annotations;
const tension = (overrides = {}) => chartConfigs('tension', trackedInput(overrides))[0] as any;
const nameOf = (id: string) => trackedDoc.scenarios.find((s) => s.id === id)!.name.en;
const evidenceOf = (id: string) => tracked().scenarios.find((s) => s.id === id)!.evidence!;

describe('the tension chart with observations', () => {
  it('draws each index reading as a point in its month with a bar of ±σ, and nothing else as a reading', () => {
    const config = tension();
    const points = datasets(config).find((d) => d.label === 'Observed (a judgement ± σ)');
    expect(points.showLine).toBe(false);
    const expected = trackedDoc.horizonMonths + 1;
    expect(points.data).toHaveLength(expected);
    for (const o of indexReadings) if (o.kind === 'index') expect(points.data[monthOf(o)]).toBe(o.value);
    expect(points.data.filter((v: number | null) => v !== null)).toHaveLength(indexReadings.length);
    const bars = annotations(config);
    for (const o of indexReadings) {
      if (o.kind !== 'index') continue;
      const sigma = o.uncertainty ?? 5;
      expect(bars[`reading-${o.id}`]).toMatchObject({
        xMin: monthOf(o),
        xMax: monthOf(o),
        yMin: Math.max(0, o.value - sigma),
        yMax: Math.min(100, o.value + sigma)
      });
    }
  });

  it('keeps a bar within 0–100 and says the reading and its σ in the tooltip', () => {
    const doc = {
      ...trackedDoc,
      observations: [{ id: 'hot', kind: 'index' as const, month: '2025-06', value: 97, uncertainty: 8 }]
    };
    const config = chartConfigs('tension', trackedInput({ doc }))[0] as any;
    expect(annotations(config)['reading-hot']).toMatchObject({ yMin: 89, yMax: 100 });
    const index = datasets(config).findIndex((d) => d.label === 'Observed (a judgement ± σ)');
    const label = opts(config).plugins.tooltip.callbacks.label({
      datasetIndex: index,
      dataIndex: monthsFrom(doc.startMonth, '2025-06'),
      parsed: { y: 97 }
    });
    expect(label).toBe('Observed (a judgement ± σ): 97.0 ± 8.0');
  });

  it('ticks the recorded outcomes of the selected scenario’s events only, one tick a month with a ✓ or ✗ for each', () => {
    const ticks = (selected: string) =>
      Object.fromEntries(
        Object.entries(annotations(tension({ selectedScenario: selected })))
          .filter(([id]) => id.startsWith('outcomes-'))
          .map(([id, a]) => [id.slice('outcomes-'.length), [a.xMin, a.label.content, a.borderColor]])
      );
    const colours = { all: '#2f9e5b', none: '#c62828', mixed: '#3b4450' };
    for (const id of ['baseline', 'escalation', 'deescalation']) {
      const own = new Set(trackedDoc.scenarios.find((s) => s.id === id)!.events.map((e) => e.id));
      const byMonth = new Map<number, boolean[]>();
      for (const o of observations)
        if (o.kind === 'event' && own.has(o.event))
          byMonth.set(monthOf(o), [...(byMonth.get(monthOf(o)) ?? []), o.occurred]);
      const expected = Object.fromEntries(
        [...byMonth].map(([month, outcomes]) => [
          String(month),
          [
            month,
            outcomes.map((o) => (o ? '✓' : '✗')).join(''),
            outcomes.every(Boolean) ? colours.all : outcomes.some(Boolean) ? colours.mixed : colours.none
          ]
        ])
      );
      expect(ticks(id)).toEqual(expected);
      expect(Object.keys(expected).length).toBeGreaterThan(0);
    }
    // The escalation has no ceasefire event: November 2024's outcome (the Lebanon ceasefire) is not drawn on it.
    expect(ticks('escalation')).not.toHaveProperty('1');
    expect(ticks('deescalation')).toHaveProperty('1');
  });

  it('adds the readings and the outcomes to its table, in their months', () => {
    const table = chartTable('tension', trackedInput({ selectedScenario: 'deescalation' }));
    const observed = table.columns.indexOf('Observed');
    const sigma = table.columns.indexOf('Observed: σ');
    const outcomes = table.columns.indexOf('Recorded outcomes');
    expect([observed, sigma, outcomes].every((k) => k > 0)).toBe(true);
    for (const o of indexReadings)
      if (o.kind === 'index')
        expect([table.rows[monthOf(o)][observed], table.rows[monthOf(o)][sigma]]).toEqual([
          o.value,
          o.uncertainty ?? 5
        ]);
    expect(table.rows.filter((r) => r[observed] !== null)).toHaveLength(indexReadings.length);
    const ceasefire = observations.find((o) => o.id === 'lebanon-ceasefire')!;
    expect(table.rows[monthOf(ceasefire)][outcomes]).toMatch(/^✓ .*: happened$/);
    // Without observations the table is as it was.
    expect(chartTable('tension', input()).columns).not.toContain('Observed');
  });

  it('draws the fan of all the runs, or of the runs weighed by the observations when asked, and says which', () => {
    const fanData = (config: any) =>
      datasets(config)
        .slice(3, 7)
        .map((d) => d.data);
    const mc = tracked().scenarios.find((s) => s.id === 'escalation')!.monteCarlo!;
    const conditioned = evidenceOf('escalation').conditioned!;
    expect(fanData(tension())).toEqual([mc.quantiles['5'], mc.quantiles['95'], mc.quantiles['25'], mc.quantiles['75']]);
    const given = tension({ fan: 'conditioned' });
    expect(fanData(given)).toEqual([
      conditioned.quantiles['5'],
      conditioned.quantiles['95'],
      conditioned.quantiles['25'],
      conditioned.quantiles['75']
    ]);
    expect(conditioned.quantiles['50']).not.toEqual(mc.quantiles['50']);
    const runs = Math.round(evidenceOf('escalation').effectiveRuns);
    expect(opts(given).plugins.subtitle.text).toBe(
      `${nameOf('escalation')} given the observations: worth ${runs} equally weighted runs — too few to trust`
    );
    expect(opts(tension()).plugins.subtitle.display).toBe(false);
    const table = chartTable('tension', trackedInput({ fan: 'conditioned' }));
    expect(table.rows.map((r) => r[table.columns.indexOf(`${nameOf('escalation')}: 25th percentile`)])).toEqual(
      conditioned.quantiles['25']
    );
  });

  it('draws no conditioned fan for a scenario no run of which agrees with the outcomes, and says so', () => {
    expect(evidenceOf('deescalation').conditioned).toBeNull();
    const config = tension({ fan: 'conditioned', selectedScenario: 'deescalation' });
    expect(datasets(config).filter((d) => d.fill === '-1')).toHaveLength(0);
    expect(opts(config).plugins.subtitle.text).toBe(
      `No run of ${nameOf('deescalation')} agrees with the recorded outcomes: no fan given the observations`
    );
  });
});

describe('the factor paths with observations', () => {
  it('draw the readings of a factor on its own chart only, with their bars', () => {
    const configs = chartConfigs('factors', trackedInput());
    trackedDoc.factors.forEach((f, k) => {
      const readings = observations.filter((o) => o.kind === 'factor' && o.factor === f.id);
      const points = datasets(configs[k] as any).find((d) => d.label === 'Observed (a judgement ± σ)');
      if (readings.length === 0) return expect(points).toBeUndefined();
      for (const o of readings)
        if (o.kind === 'factor') {
          expect(points.data[monthOf(o)]).toBe(o.value);
          expect(annotations(configs[k])[`reading-${o.id}`]).toMatchObject({ xMin: monthOf(o) });
        }
    });
    const table = chartTable('factors', trackedInput());
    const israel = table.columns.indexOf(`${trackedDoc.factors.find((f) => f.id === 'israel')!.label.en} — Observed`);
    const reading = observations.find((o) => o.id === 'israel-2025-06')!;
    expect(israel).toBeGreaterThan(0);
    expect(table.rows[monthOf(reading)][israel]).toBe(95);
  });
});

describe('the “Which scenario?” chart', () => {
  const odds = (overrides = {}) => chartConfigs('odds', trackedInput(overrides))[0] as any;

  it('stacks each scenario’s odds by month, in percent, adding up to 100 every month', () => {
    const t = tracked().tracking;
    if (!t || !('posteriorByMonth' in t)) throw new Error('no odds');
    const config = odds();
    expect(datasets(config).map((d) => d.label)).toEqual(trackedDoc.scenarios.map((s) => s.name.en));
    datasets(config).forEach((d, k) =>
      expect(d.data).toEqual(t.posteriorByMonth[trackedDoc.scenarios[k].id].map((p) => 100 * p))
    );
    for (let m = 0; m <= trackedDoc.horizonMonths; m++)
      expect(datasets(config).reduce((sum, d) => sum + d.data[m], 0)).toBeCloseTo(100, 9);
    expect(opts(config).scales.y).toMatchObject({ stacked: true, min: 0, max: 100 });
    expect(datasets(config).map((d) => d.fill)).toEqual(['origin', '-1', '-1']);
    expect(opts(config).plugins.subtitle.text).toBe(
      `Each month weighs only what was recorded up to it (${observations.length} observations)`
    );
    const table = chartTable('odds', trackedInput());
    expect(table.columns).toEqual(['Month', ...trackedDoc.scenarios.map((s) => s.name.en)]);
    expect(table.rows.at(-1)!.slice(1)).toEqual(datasets(config).map((d) => d.data.at(-1)));
  });

  it('shows the priors all along without observations, nothing while the runs are not in, and names an inconsistency', () => {
    const bare = { ...trackedDoc, observations: undefined };
    const priors = chartConfigs('odds', trackedInput({ doc: bare }))[0] as any;
    expect(datasets(priors).map((d) => d.data[0])).toEqual([50, 25, 25]);
    expect(datasets(priors).every((d) => d.data.every((v: number) => v === d.data[0]))).toBe(true);
    expect(opts(priors).plugins.subtitle.text).toBe('No observations recorded: the odds are the priors');

    const waiting = chartConfigs('odds', trackedInput({ analysis: withoutMonteCarlo(tracked()) }))[0] as any;
    expect(datasets(waiting)).toEqual([]);
    expect(opts(waiting).plugins.subtitle.text).toBe('Waiting for the Monte Carlo runs');
    expect(chartTable('odds', trackedInput({ analysis: withoutMonteCarlo(tracked()) })).rows).toEqual([]);

    const inconsistent = { ...tracked(), tracking: { observations: 3, problem: 'no scenario is consistent' } };
    const problem = chartConfigs('odds', trackedInput({ analysis: inconsistent }))[0] as any;
    expect(datasets(problem)).toEqual([]);
    expect(opts(problem).plugins.subtitle.text).toMatch(/^No scenario is consistent with the observations/);
  });

  it('is written in Arabic in Arabic', () => {
    const config = odds({ language: 'ar' });
    expect(opts(config).plugins.title.text).toBe('أيّ سيناريو؟ الاحتمالات في ضوء ما رُصد، شهرًا بشهر');
    expect(opts(config).plugins.subtitle.text).toContain('لا يحتسب كل شهر');
    const index = datasets(tension({ language: 'ar' })).find((d) => d.label === 'المرصود (تقدير ± σ)');
    expect(index).toBeDefined();
  });
});

describe('what is drawn of the observations, at the edges', () => {
  const H = trackedDoc.horizonMonths;
  const monthAt = (k: number) => {
    const [y, m] = trackedDoc.startMonth.split('-').map(Number);
    const d = new Date(Date.UTC(y, m - 1 + k, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  };
  const kazan = trackedDoc.scenarios[0].events.find((e) => e.id === 'kazan-signing')!;
  const israel = trackedDoc.scenarios[0].events.find((e) => e.id === 'israel-retaliation')!;
  /** Readings and outcomes in the first and last month, and one past the chart's months either side. */
  const edgeDoc = {
    ...trackedDoc,
    observations: [
      { id: 'r-last', kind: 'index' as const, month: monthAt(H), value: 40, uncertainty: 3 },
      { id: 'r-first', kind: 'index' as const, month: monthAt(0), value: 60 },
      { id: 'r-after', kind: 'index' as const, month: monthAt(H + 1), value: 70 },
      { id: 'r-before', kind: 'index' as const, month: monthAt(-1), value: 80 },
      { id: 'o-first-a', kind: 'event' as const, month: monthAt(0), event: 'kazan-signing', occurred: false },
      { id: 'o-first-b', kind: 'event' as const, month: monthAt(0), event: 'israel-retaliation', occurred: true },
      { id: 'o-last', kind: 'event' as const, month: monthAt(H), event: 'kazan-signing', occurred: true },
      { id: 'o-after', kind: 'event' as const, month: monthAt(H + 1), event: 'kazan-signing', occurred: true },
      { id: 'o-before', kind: 'event' as const, month: monthAt(-1), event: 'kazan-signing', occurred: true }
    ]
  };
  const edge = (overrides = {}) => trackedInput({ doc: edgeDoc, selectedScenario: 'baseline', ...overrides });

  it('draws what lies in the chart’s first and last months and nothing outside them', () => {
    const config = chartConfigs('tension', edge())[0] as any;
    const points = datasets(config).find((d) => d.label === 'Observed (a judgement ± σ)');
    expect(points.data).toHaveLength(H + 1);
    expect(points.data.flatMap((v: number | null, k: number) => (v === null ? [] : [[k, v]]))).toEqual([
      [0, 60],
      [H, 40]
    ]);
    const all = annotations(config);
    expect(
      Object.keys(all)
        .filter((k) => k.startsWith('reading-') || k.startsWith('outcomes-'))
        .sort()
    ).toEqual(['outcomes-0', `outcomes-${H}`, 'reading-r-first', 'reading-r-last'].sort());
    expect(all['reading-r-last']).toEqual({
      type: 'line',
      xScaleID: 'x',
      yScaleID: 'y',
      xMin: H,
      xMax: H,
      yMin: 37,
      yMax: 43,
      borderColor: '#1a1f26',
      borderWidth: 1.5,
      drawTime: 'afterDatasetsDraw'
    });
    expect(all['outcomes-0']).toMatchObject({
      type: 'line',
      xScaleID: 'x',
      yScaleID: 'y',
      xMin: 0,
      xMax: 0,
      yMin: 92,
      yMax: 100,
      drawTime: 'afterDatasetsDraw',
      label: {
        display: true,
        content: '✗✓',
        position: 'start',
        color: '#3b4450',
        backgroundColor: 'transparent',
        font: { size: 12, weight: 'bold' }
      }
    });
    expect(points).toMatchObject({
      showLine: false,
      pointStyle: 'rectRot',
      pointRadius: 4,
      pointHoverRadius: 6,
      fill: false
    });
  });

  it('writes each month’s outcomes in the table with the events’ names, and each reading’s value and σ', () => {
    const table = chartTable('tension', edge());
    const outcomes = table.columns.indexOf('Recorded outcomes');
    expect(table.rows[0][outcomes]).toBe(`✗ ${kazan.label.en}: did not happen; ✓ ${israel.label.en}: happened`);
    expect(table.rows[H][outcomes]).toBe(`✓ ${kazan.label.en}: happened`);
    const observed = table.columns.indexOf('Observed');
    expect([table.rows[0].slice(observed, observed + 2), table.rows[H].slice(observed, observed + 2)]).toEqual([
      [60, 5],
      [40, 3]
    ]);
    expect(table.rows[1].slice(observed, observed + 2)).toEqual([null, null]);
  });

  it('says in the tooltip the reading of the month pointed at', () => {
    const config = chartConfigs('tension', edge())[0] as any;
    const index = datasets(config).findIndex((d) => d.label === 'Observed (a judgement ± σ)');
    const say = (month: number) =>
      opts(config).plugins.tooltip.callbacks.label({ datasetIndex: index, dataIndex: month, parsed: { y: 0 } });
    expect([say(0), say(H)]).toEqual([
      'Observed (a judgement ± σ): 60.0 ± 5.0',
      'Observed (a judgement ± σ): 40.0 ± 3.0'
    ]);
  });

  it('draws no outcomes when the selected scenario’s line is not drawn', () => {
    const config = chartConfigs('tension', edge({ compared: ['escalation'] }))[0] as any;
    expect(Object.keys(annotations(config)).filter((k) => k.startsWith('outcomes-'))).toEqual([]);
    expect(chartTable('tension', edge({ compared: ['escalation'] })).columns).not.toContain('Recorded outcomes');
  });

  it('colours the odds by the scenarios’ own colours and says each in the tooltip in percent', () => {
    const config = chartConfigs('odds', trackedInput())[0] as any;
    expect(datasets(config).map((d) => d.backgroundColor)).toEqual(trackedDoc.scenarios.map((s) => s.color));
    const label = opts(config).plugins.tooltip.callbacks.label({
      dataset: { label: 'Baseline' },
      parsed: { y: 25.44 }
    });
    expect(label).toBe('Baseline: 25.4%');
    expect(opts(config).scales.x.title.text).toBe('Month');
    expect(opts(config).scales.y.title.text).toBe('Odds (%)');
    const nameless = { ...trackedDoc, scenarios: trackedDoc.scenarios.map((s) => ({ ...s, color: undefined })) };
    const fallback = chartConfigs('odds', trackedInput({ doc: nameless as never }))[0] as any;
    expect(new Set(datasets(fallback).map((d) => d.backgroundColor)).size).toBe(trackedDoc.scenarios.length);
  });
});

describe('the odds chart’s options', () => {
  it('reads by month like the other charts over time, its months reversed in Arabic with room for the edge labels', () => {
    const config = chartConfigs('odds', trackedInput())[0] as any;
    expect(config.type).toBe('line');
    expect(opts(config).interaction.mode).toBe('index');
    expect(opts(config).plugins.tooltip.mode).toBe('index');
    expect(opts(config).scales.x.ticks).toMatchObject({ maxRotation: 0, autoSkip: true, maxTicksLimit: 9 });
    expect(opts(config).scales.y.ticks).toMatchObject({ stepSize: 25 });
    expect(opts(config).layout.padding).toBe(8);
    const ar = chartConfigs('odds', trackedInput({ language: 'ar' }))[0] as any;
    expect(opts(ar).scales.x.reverse).toBe(true);
    expect(opts(ar).layout.padding).toEqual({ left: 36, right: 8, top: 8, bottom: 8 });
    expect(datasets(config).every((d) => d.tension === 0 && d.pointRadius === 0)).toBe(true);
  });

  it('leaves a scenario the odds do not know (a newer document than its analysis) without a line', () => {
    const t = tracked().tracking as { posteriorByMonth: Record<string, number[]> };
    const tracking = { ...tracked().tracking!, posteriorByMonth: { ...t.posteriorByMonth, baseline: undefined } };
    const stale = trackedInput({ analysis: { ...tracked(), tracking: JSON.parse(JSON.stringify(tracking)) } });
    expect(datasets(chartConfigs('odds', stale)[0] as any)[0].data).toEqual([]);
  });
});
