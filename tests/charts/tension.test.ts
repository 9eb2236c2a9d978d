import { describe, expect, it } from 'vitest';
import { tensionChart, tensionTable } from '../../src/presentation/charts';
import { ar, en } from '../../src/presentation/charts/strings';
import { analysis, doc, input, opts, scenario, withoutMonteCarlo } from './helpers';

describe('tension chart', () => {
  const config = () => tensionChart(input());
  const datasets = () => config().data.datasets;

  it('draws the central path of every compared scenario, in order, in its colour', () => {
    ['baseline', 'escalation', 'deescalation'].forEach((id, i) => {
      expect(datasets()[i].data).toEqual(scenario(id).central.tension);
      expect(datasets()[i].borderColor).toBe(doc.scenarios.find((s) => s.id === id)!.color);
    });
    expect(config().data.labels).toHaveLength(analysis().months.length);
    expect(config().data.labels![0]).toBe('Oct 2024');
    expect(config().data.labels!.at(-1)).toBe('Oct 2026');
  });

  it('follows the compared list and its order', () => {
    const two = tensionChart(input({ compared: ['deescalation', 'baseline'], selectedScenario: 'baseline' })).data
      .datasets;
    expect(two.slice(0, 2).map((d) => d.label)).toEqual([
      'De-escalation: managed pause',
      'Baseline: entrenched rivalry'
    ]);
    expect(two.slice(0, 2).map((d) => d.data)).toEqual([
      scenario('deescalation').central.tension,
      scenario('baseline').central.tension
    ]);
  });

  it("holds the selected scenario's quantiles as filled bands (5–95 %, 25–75 %)", () => {
    const q = scenario('escalation').monteCarlo!.quantiles;
    const fan = datasets().slice(3);
    expect(fan.map((d) => d.data)).toEqual([q['5'], q['95'], q['25'], q['75']]);
    expect(fan.map((d) => d.fill)).toEqual([false, '-1', false, '-1']);
    expect(fan[1].backgroundColor).toMatch(/^rgba\(213, 94, 0, /);
    // The lower edges stay out of the legend.
    const filter = opts(config()).plugins.legend.labels.filter;
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => filter({ datasetIndex: i }))).toEqual([
      true,
      true,
      true,
      false,
      true,
      false,
      true
    ]);
  });

  it('marks the bands from the document’s thresholds', () => {
    const annotations = opts(config()).plugins.annotation.annotations;
    const band = (name: string) => [annotations[`band-${name}`].yMin, annotations[`band-${name}`].yMax];
    expect([band('calm'), band('elevated'), band('high'), band('crisis')]).toEqual([
      [0, 25],
      [25, 50],
      [50, 75],
      [75, 100]
    ]);
    const moved = tensionChart(input({ doc: { ...doc, thresholds: { elevated: 30, high: 55, crisis: 80 } } }));
    const a = opts(moved).plugins.annotation.annotations;
    expect([a['band-elevated'].yMin, a['band-high'].yMin, a['band-crisis'].yMin]).toEqual([30, 55, 80]);
    expect(a['band-crisis'].label.content).toBe(en.bands.crisis);
  });

  it("marks the selected scenario's events at their month, with their labels", () => {
    const annotations = opts(config()).plugins.annotation.annotations;
    const events = doc.scenarios.find((s) => s.id === 'escalation')!.events;
    for (const e of events) {
      const marker = annotations[`event-${e.month}`];
      expect(marker.type).toBe('line');
      expect(marker.scaleID).toBe('x');
      expect(marker.value).toBe(e.month);
      expect(marker.label.content.some((line: string) => line.startsWith(e.label.en.slice(0, 20)))).toBe(true);
    }
    const lines = Object.keys(annotations).filter((k) => k.startsWith('event-'));
    expect(lines.sort()).toEqual([...new Set(events.map((e) => `event-${e.month}`))].sort());
    // Two events in month 1 share one marker.
    expect(annotations['event-1'].label.content).toHaveLength(2);
  });

  it('takes the selected scenario’s fan and events away with its line when it is not compared', () => {
    const off = input({ selectedScenario: 'escalation', compared: ['baseline', 'deescalation'] });
    const chart = tensionChart(off);
    expect(chart.data.datasets.map((d) => d.label)).toEqual([
      'Baseline: entrenched rivalry',
      'De-escalation: managed pause'
    ]);
    expect(Object.keys(opts(chart).plugins.annotation.annotations).filter((k) => !k.startsWith('band-'))).toEqual([]);
    const table = tensionTable(off);
    expect(table.columns).toEqual(['Month', 'Baseline: entrenched rivalry', 'De-escalation: managed pause', 'Events']);
    expect(table.rows.every((row) => row[3] === null)).toBe(true);
    // Compared again: its line, its fan (four edges) and its events come back.
    const on = tensionChart({ ...off, compared: ['baseline', 'escalation', 'deescalation'] });
    expect(on.data.datasets).toHaveLength(3 + 4);
    expect(Object.keys(opts(on).plugins.annotation.annotations).some((k) => k.startsWith('event-'))).toBe(true);
  });

  it('gives the same numbers as a table', () => {
    const table = tensionTable(input());
    expect(table.columns[0]).toBe('Month');
    expect(table.rows).toHaveLength(analysis().months.length);
    const q = scenario('escalation').monteCarlo!.quantiles;
    table.rows.forEach((row, t) => {
      expect(row[0]).toBe(config().data.labels![t]);
      expect(row.slice(1, 4)).toEqual([0, 1, 2].map((i) => datasets()[i].data[t]));
      expect(row.slice(4, 8)).toEqual([q['5'][t], q['25'][t], q['75'][t], q['95'][t]]);
    });
    expect(table.rows[1][8]).toContain('BRICS Kazan summit');
  });

  it('works without Monte Carlo: no bands, no throw', () => {
    const none = tensionChart(input({ analysis: withoutMonteCarlo() }));
    expect(none.data.datasets).toHaveLength(3);
    expect(opts(none).plugins.subtitle.text).toBe(en.noMonteCarlo);
    const table = tensionTable(input({ analysis: withoutMonteCarlo() }));
    expect(table.columns).toHaveLength(1 + 3 + 1);
  });

  it('mirrors for Arabic: Arabic texts, rtl legend and tooltip, reversed months, value axis on the right', () => {
    const arabic = tensionChart(input({ language: 'ar' }));
    const o = opts(arabic);
    expect(o.plugins.title.text).toBe(ar.titles.tension);
    expect(arabic.data.datasets[0].label).toBe('السيناريو الأساسي: تنافس راسخ');
    expect(o.plugins.legend.rtl).toBe(true);
    expect(o.plugins.legend.textDirection).toBe('rtl');
    expect(o.plugins.tooltip.rtl).toBe(true);
    expect(o.plugins.tooltip.textDirection).toBe('rtl');
    expect(o.scales.x.reverse).toBe(true);
    expect(o.scales.y.position).toBe('right');
    expect(arabic.data.labels![0]).toMatch(/أكتوبر/);
    expect(o.plugins.annotation.annotations['band-crisis'].label.content).toBe(ar.bands.crisis);
    expect(o.plugins.annotation.annotations['event-1'].label.content[0]).toMatch(/قمة البريكس/);
    const english = opts(config());
    expect([english.scales.x.reverse, english.scales.y.position, english.plugins.legend.rtl]).toEqual([
      false,
      'left',
      false
    ]);
  });

  it('formats tooltip values for the locale', () => {
    const label = opts(config()).plugins.tooltip.callbacks.label;
    expect(label({ datasetIndex: 0, parsed: { y: 62.345 } })).toBe('Baseline: entrenched rivalry: 62.3');
    expect(label({ datasetIndex: 3, parsed: { y: 70 } })).toBe('Escalation: axis hardens: 5th percentile: 70.0');
  });
});

describe('tension over time: the fan’s edges, the table’s columns, a scenario the document lacks', () => {
  it('draws the fan’s edges without an outline, transparent (the tooltip’s colour box too)', () => {
    const fan = tensionChart(input()).data.datasets.slice(3);
    expect(fan).toHaveLength(4);
    for (const edge of fan) expect(edge).toMatchObject({ borderColor: 'transparent', borderWidth: 0 });
  });

  it('names the selected scenario’s percentiles in the table’s columns', () => {
    const name = scenario('escalation').name.en;
    expect(tensionTable(input()).columns).toEqual([
      'Month',
      ...['baseline', 'escalation', 'deescalation'].map((id) => scenario(id).name.en),
      `${name}: 5th percentile`,
      `${name}: 25th percentile`,
      `${name}: 75th percentile`,
      `${name}: 95th percentile`,
      'Events'
    ]);
  });

  it('lists no events for an analysed scenario the document no longer has', () => {
    const without = { ...doc, scenarios: doc.scenarios.filter((s) => s.id !== 'escalation') };
    const table = tensionTable(input({ doc: without }));
    expect(table.rows).toHaveLength(analysis().months.length);
    expect(table.rows.map((row) => row.at(-1))).toEqual(analysis().months.map(() => null));
    expect(table.rows[1].slice(1, 4)).toEqual(tensionTable(input()).rows[1].slice(1, 4));
  });
});
