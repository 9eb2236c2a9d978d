// The gap charts (src/presentation/charts/gap.ts): the selected scenario minus another, factor by
// factor, month by month and at the horizon. Expected values are the differences of the analysis's
// own series, computed here.
import { describe, expect, it } from 'vitest';
import {
  FACTOR_PALETTE,
  gapAtHorizonChart,
  gapAtHorizonTable,
  gapChart,
  gapTable,
  gapVersus
} from '../../src/presentation/charts';
import { ar } from '../../src/presentation/charts/strings';
import { exportScenarioPart } from '../../src/presentation/export/fileName';
import { analysis, doc, H, input, opts, scenario } from './helpers';

const points = (v: number) =>
  new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
/** C_i^a(t) − C_i^b(t) of the default analysis. */
const difference = (a: string, b: string, factor: string, t: number) =>
  scenario(a).central.contributions[factor][t] - scenario(b).central.contributions[factor][t];

describe('gapVersus', () => {
  const ids = ['baseline', 'escalation', 'deescalation'];

  it('takes the scenario after A by default, the first after the last', () => {
    expect(gapVersus(ids, 'baseline')).toBe('escalation');
    expect(gapVersus(ids, 'escalation')).toBe('deescalation');
    expect(gapVersus(ids, 'deescalation')).toBe('baseline');
  });

  it('takes the scenario asked for, unless it is A itself or not in the analysis', () => {
    expect(gapVersus(ids, 'baseline', 'deescalation')).toBe('deescalation');
    expect(gapVersus(ids, 'baseline', 'baseline')).toBe('escalation');
    expect(gapVersus(ids, 'baseline', 'gone')).toBe('escalation');
  });

  it('has none with a single scenario', () => {
    expect(gapVersus(['only'], 'only')).toBeUndefined();
    expect(gapVersus(['only'], 'only', 'only')).toBeUndefined();
  });
});

describe('gap month by month', () => {
  // Selected "escalation": B is the one after it, "deescalation".
  const config = () => gapChart(input());
  const datasets = () => config().data.datasets;

  it('draws the gap in T as a line and each factor’s difference as a stacked bar in the palette', () => {
    const [total, ...factors] = datasets();
    expect(total).toMatchObject({ type: 'line', label: 'Gap in tension (total)' });
    total.data.forEach((v, t) =>
      expect(v).toBe(scenario('escalation').central.tension[t] - scenario('deescalation').central.tension[t])
    );
    expect(factors.map((d) => d.label)).toEqual(doc.factors.map((f) => f.label.en));
    expect(factors.map((d) => d.backgroundColor)).toEqual(FACTOR_PALETTE.slice(0, doc.factors.length));
    doc.factors.forEach((f, i) =>
      factors[i].data.forEach((v, t) => expect(v).toBe(difference('escalation', 'deescalation', f.id, t)))
    );
    expect(opts(config()).scales.x.stacked).toBe(true);
    expect(opts(config()).scales.y.stacked).toBe(true);
    // The line is a stack of its own: it is not added on top of the bars.
    expect(new Set(factors.map((d) => d.stack))).toEqual(new Set(['factors']));
    expect(total.stack).not.toBe('factors');
  });

  it('has bars that add up to the gap in T in every month', () => {
    const [total, ...factors] = datasets();
    analysis().months.forEach((_, t) => {
      const sum = factors.reduce((acc, d) => acc + d.data[t], 0);
      expect(Math.abs(sum - total.data[t])).toBeLessThan(1e-9);
    });
  });

  it('names both scenarios in its title and signs the differences in its tooltip', () => {
    expect(opts(config()).plugins.title.text).toBe(
      `Tension gap by month — ${scenario('escalation').name.en} minus ${scenario('deescalation').name.en}`
    );
    const label = opts(config()).plugins.tooltip.callbacks.label;
    expect(label({ dataset: { label: 'X' }, parsed: { y: 2.345 } })).toBe('X: +2.3');
    expect(label({ dataset: { label: 'X' }, parsed: { y: -0.26 } })).toBe('X: -0.3');
  });

  it('gives the same numbers as a table, by month', () => {
    const table = gapTable(input());
    expect(table.columns).toEqual(['Month', ...doc.factors.map((f) => f.label.en), 'Gap in tension (total)']);
    expect(table.rows).toHaveLength(H + 1);
    const [total, ...factors] = datasets();
    table.rows.forEach((row, t) => {
      expect(row[0]).toBe(config().data.labels![t]);
      expect(row.slice(1, -1)).toEqual(factors.map((d) => d.data[t]));
      expect(row.at(-1)).toBe(total.data[t]);
    });
  });

  it('is in Arabic, months running right to left, for Arabic', () => {
    const arabic = gapChart(input({ language: 'ar' }));
    expect(opts(arabic).plugins.title.text).toBe(
      ar.gap.title(scenario('escalation').name.ar, scenario('deescalation').name.ar)
    );
    expect(arabic.data.datasets[0].label).toBe('فجوة التوتر (المجموع)');
    expect(opts(arabic).scales.x.reverse).toBe(true);
    expect(opts(arabic).scales.y.position).toBe('right');
  });
});

describe('gap at the horizon', () => {
  const chosen = () => input({ selectedScenario: 'baseline', versus: 'escalation' });
  const config = () => gapAtHorizonChart(chosen());

  it('puts the gap in T first, then the factors by the size of their difference', () => {
    const [bars] = config().data.datasets;
    const gapT = scenario('baseline').central.tension[H] - scenario('escalation').central.tension[H];
    expect(config().data.labels![0]).toBe('Tension (total)');
    expect(bars.data[0]).toBe(gapT);
    const byFactor = doc.factors
      .map((f) => ({ label: f.label.en, value: difference('baseline', 'escalation', f.id, H) }))
      .sort((p, q) => Math.abs(q.value) - Math.abs(p.value));
    expect(config().data.labels!.slice(1)).toEqual(byFactor.map((f) => f.label));
    expect(bars.data.slice(1)).toEqual(byFactor.map((f) => f.value));
    expect(Math.abs(bars.data.slice(1).reduce((a, b) => a + b, 0) - gapT)).toBeLessThan(1e-9);
  });

  it('colours each factor as the other charts do, and marks zero', () => {
    const [bars] = config().data.datasets;
    const colours = bars.backgroundColor as string[];
    (config().data.labels as string[]).slice(1).forEach((label, k) => {
      const index = doc.factors.findIndex((f) => f.label.en === label);
      expect(colours[k + 1]).toBe(FACTOR_PALETTE[index]);
    });
    expect(opts(config()).plugins.annotation.annotations.zero).toMatchObject({ type: 'line', value: 0 });
    expect(opts(config()).indexAxis).toBe('y');
  });

  it('gives both scenarios’ T and the gap in its subtitle', () => {
    const a = scenario('baseline').central.tension[H];
    const b = scenario('escalation').central.tension[H];
    expect(opts(config()).plugins.subtitle.text).toBe(
      `${scenario('baseline').name.en}: ${points(a)} · ${scenario('escalation').name.en}: ${points(b)} · gap ${points(a - b)}`
    );
  });

  it('gives each row’s contributions in A and B and their difference as a table', () => {
    const table = gapAtHorizonTable(chosen());
    expect(table.columns).toEqual([
      'Factor',
      `Contribution in ${scenario('baseline').name.en}`,
      `Contribution in ${scenario('escalation').name.en}`,
      'Difference'
    ]);
    expect(table.rows[0]).toEqual([
      'Tension (total)',
      scenario('baseline').central.tension[H],
      scenario('escalation').central.tension[H],
      config().data.datasets[0].data[0]
    ]);
    table.rows.slice(1).forEach((row, k) => {
      const f = doc.factors.find((x) => x.label.en === row[0])!;
      expect(row).toEqual([
        f.label.en,
        scenario('baseline').central.contributions[f.id][H],
        scenario('escalation').central.contributions[f.id][H],
        config().data.datasets[0].data[k + 1]
      ]);
    });
  });

  it('says it needs two scenarios when there is one', () => {
    const one = input({
      analysis: { ...analysis(), scenarios: [scenario('baseline')] },
      selectedScenario: 'baseline',
      compared: ['baseline']
    });
    expect(opts(gapAtHorizonChart(one)).plugins.title.text).toBe('The gap needs two scenarios');
    expect(gapAtHorizonChart(one).data.datasets[0].data).toEqual([]);
    expect(gapAtHorizonTable(one).rows).toEqual([]);
    expect(gapChart(one).data.datasets).toEqual([]);
    expect(gapTable(one)).toMatchObject({ title: 'The gap needs two scenarios', rows: [] });
    expect(opts(gapAtHorizonChart({ ...one, language: 'ar' })).plugins.title.text).toBe(ar.gap.needsTwo);
  });
});

describe('gap charts: their kind, axes and tooltips', () => {
  const none = () => input({ analysis: { ...analysis(), scenarios: [] } });

  it('draw bars by month, stacked from a month axis without a grid, the tooltip reading every series of a month', () => {
    const config = gapChart(input());
    expect(config.type).toBe('bar');
    expect(config.data.datasets.slice(1).map((d) => d.type)).toEqual(doc.factors.map(() => 'bar'));
    const o = opts(config);
    expect(o.interaction.mode).toBe('index');
    expect(o.plugins.tooltip.mode).toBe('index');
    expect(o.scales.x.grid.display).toBe(false);
    expect(o.scales.x.ticks).toMatchObject({ maxRotation: 0, autoSkip: true, maxTicksLimit: 9 });
    expect(o.layout.padding).toBe(8);
    // In Arabic the months run right to left: room on the left for the last month's label.
    expect(opts(gapChart(input({ language: 'ar' }))).layout.padding).toEqual({ left: 36, right: 8, top: 8, bottom: 8 });
  });

  it('say they need two scenarios, drawing nothing, for an analysis without any', () => {
    expect(opts(gapChart(none())).plugins.title.text).toBe('The gap needs two scenarios');
    expect(gapChart(none()).data.datasets).toEqual([]);
    expect(gapAtHorizonChart(none()).data.datasets[0].data).toEqual([]);
  });

  it('at the horizon: name the month in the title, no legend, every factor named on the axis', () => {
    const chosen = input({ selectedScenario: 'baseline', versus: 'escalation' });
    const config = gapAtHorizonChart(chosen);
    expect(config.type).toBe('bar');
    const month = new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${analysis().months[H]}-01T00:00:00Z`)
    );
    const o = opts(config);
    expect(o.plugins.title.text).toBe(
      `Tension gap at the horizon (${month}) — ${scenario('baseline').name.en} minus ${scenario('escalation').name.en}`
    );
    expect(o.plugins.legend.display).toBe(false);
    expect(o.scales.x.title).toMatchObject({ display: true, text: 'Difference in contribution (points)' });
    expect(o.scales.y.grid.display).toBe(false);
    expect(o.scales.y.ticks.autoSkip).toBe(false);
  });

  it('at the horizon: the tooltip gives the signed difference and both scenarios’ values', () => {
    const chosen = input({ selectedScenario: 'baseline', versus: 'escalation' });
    const label = opts(gapAtHorizonChart(chosen)).plugins.tooltip.callbacks.label;
    const a = scenario('baseline').central.tension[H];
    const b = scenario('escalation').central.tension[H];
    const signed = (v: number) => (v > 0 ? '+' : '') + points(v);
    expect(a - b).not.toBeCloseTo(0, 1);
    expect(label({ dataIndex: 0 })).toBe(
      `${signed(a - b)} (${scenario('baseline').name.en}: ${points(a)}, ${scenario('escalation').name.en}: ${points(b)})`
    );
  });

  it('at the horizon: a table of one column, the factor, when there is no second scenario', () => {
    const one = input({
      analysis: { ...analysis(), scenarios: [scenario('baseline')] },
      selectedScenario: 'baseline',
      compared: ['baseline']
    });
    expect(gapAtHorizonTable(one).columns).toEqual(['Factor']);
  });
});

describe('an exported gap chart’s file name', () => {
  it('names both scenarios, for the chart by month and the one at the horizon', () => {
    expect(exportScenarioPart('gap', input())).toBe('escalation-minus-deescalation');
    expect(exportScenarioPart('gapAtHorizon', input())).toBe('escalation-minus-deescalation');
    expect(exportScenarioPart('tension', input())).toBe('escalation');
  });
});
