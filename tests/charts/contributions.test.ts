import { describe, expect, it } from 'vitest';
import {
  chartAccessibleName,
  contributionsAtHorizonChart,
  contributionsAtHorizonTable,
  contributionsChart,
  contributionsTable,
  FACTOR_PALETTE
} from '../../src/presentation/charts';
import { ar } from '../../src/presentation/charts/strings';
import { chartContext } from '../../src/presentation/charts/context';
import { analysis, doc, H, input, opts, scenario } from './helpers';

describe('contributions over time', () => {
  const config = () => contributionsChart(input());
  const datasets = () => config().data.datasets;
  const s = () => scenario('escalation');

  it('stacks one area per factor, labelled in the UI language, in the palette', () => {
    expect(datasets().map((d) => d.label)).toEqual(doc.factors.map((f) => f.label.en));
    expect(datasets().map((d) => d.backgroundColor)).toEqual(FACTOR_PALETTE.slice(0, doc.factors.length));
    // Opaque layers, parted by a line of the surface.
    expect(datasets().map((d) => d.borderColor)).toEqual(doc.factors.map(() => '#ffffff'));
    expect(datasets().map((d) => d.fill)).toEqual(['origin', ...doc.factors.slice(1).map(() => '-1')]);
    expect(opts(config()).scales.y.stacked).toBe(true);
    doc.factors.forEach((f, i) => expect(datasets()[i].data).toEqual(s().central.contributions[f.id]));
  });

  it('sums to the central T at every month', () => {
    analysis().months.forEach((_, t) => {
      const sum = datasets().reduce((acc, d) => acc + d.data[t], 0);
      expect(Math.abs(sum - s().central.tension[t])).toBeLessThan(1e-9);
    });
  });

  it('shows the total in the tooltip footer', () => {
    const footer = opts(config()).plugins.tooltip.callbacks.footer;
    expect(footer([{ dataIndex: H }])).toBe(
      `Tension (total): ${new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(s().central.tension[H])}`
    );
  });

  it('gives the same numbers as a table', () => {
    const table = contributionsTable(input());
    expect(table.columns).toEqual(['Month', ...doc.factors.map((f) => f.label.en), 'Tension (total)']);
    table.rows.forEach((row, t) => {
      expect(row[0]).toBe(config().data.labels![t]);
      expect(row.slice(1, -1)).toEqual(datasets().map((d) => d.data[t]));
      expect(row.at(-1)).toBe(s().central.tension[t]);
    });
  });

  it('is in Arabic for Arabic', () => {
    const arabic = contributionsChart(input({ language: 'ar' }));
    expect(arabic.data.datasets[0].label).toBe('العقوبات الغربية');
    expect(opts(arabic).plugins.title.text).toBe(ar.titles.contributions('التصعيد: تصلّب المحور'));
    expect(opts(arabic).scales.x.reverse).toBe(true);
  });
});

describe('contributions at the horizon', () => {
  const config = () => contributionsAtHorizonChart(input());
  const ids = ['baseline', 'escalation', 'deescalation'];

  it('has one bar per compared scenario and one stacked dataset per factor', () => {
    expect(config().data.labels).toEqual(ids.map((id) => scenario(id).name.en));
    expect(opts(config()).scales.x.stacked).toBe(true);
    expect(opts(config()).scales.y.stacked).toBe(true);
    doc.factors.forEach((f, i) => {
      expect(config().data.datasets[i].label).toBe(f.label.en);
      expect(config().data.datasets[i].data).toEqual(ids.map((id) => scenario(id).central.contributions[f.id][H]));
    });
  });

  it('stacks to T(H) of each scenario', () => {
    ids.forEach((id, k) => {
      const sum = config().data.datasets.reduce((acc, d) => acc + (d.data[k] ?? 0), 0);
      expect(Math.abs(sum - scenario(id).central.tension[H])).toBeLessThan(1e-9);
    });
  });

  it('gives the same numbers as a table', () => {
    const table = contributionsAtHorizonTable(input());
    table.rows.forEach((row, k) => {
      expect(row[0]).toBe(config().data.labels![k]);
      expect(row.slice(1, -1)).toEqual(config().data.datasets.map((d) => d.data[k]));
      expect(row.at(-1)).toBe(scenario(ids[k]).central.tension[H]);
    });
  });

  it('reads right to left in Arabic', () => {
    const o = opts(contributionsAtHorizonChart(input({ language: 'ar' })));
    expect(o.scales.x.reverse).toBe(true);
    expect(o.scales.y.position).toBe('right');
  });
});

describe('contributions as the mean over the runs', () => {
  // The caller (the app's Contributions tab) puts the mean contributions where the central ones
  // were; the charts say which they show in every title, in both languages.
  const month = () => chartContext(input()).monthLabels[H];

  it('name the mean over the runs in the title of each chart and table, and in the accessible name', () => {
    const mean = input({ contributionsOf: 'mean' });
    const name = scenario('escalation').name.en;
    expect(opts(contributionsChart(mean)).plugins.title.text).toBe(
      `Mean contributions to tension over the runs — ${name}`
    );
    expect(contributionsTable(mean).title).toBe(`Mean contributions to tension over the runs — ${name}`);
    expect(chartAccessibleName('contributions', mean)).toBe(`Mean contributions to tension over the runs — ${name}`);
    const atHorizon = `Mean contributions to tension over the runs, at the horizon (${month()})`;
    expect(opts(contributionsAtHorizonChart(mean)).plugins.title.text).toBe(atHorizon);
    expect(contributionsAtHorizonTable(mean).title).toBe(atHorizon);
    expect(chartAccessibleName('contributionsAtHorizon', mean).startsWith(atHorizon)).toBe(true);
    // The central path's, by default and when asked.
    expect(contributionsTable(input({ contributionsOf: 'central' })).title).toBe(contributionsTable(input()).title);
    expect(contributionsTable(input()).title).toBe(`Contributions to tension — ${name}`);
  });

  it('in Arabic too', () => {
    const mean = input({ contributionsOf: 'mean', language: 'ar' });
    const name = scenario('escalation').name.ar;
    expect(contributionsTable(mean).title).toBe(ar.titles.contributionsMean(name));
    expect(ar.titles.contributionsMean(name)).toBe(`متوسط مساهمات العوامل في التوتر عبر التشغيلات — ${name}`);
    expect(contributionsAtHorizonTable(mean).title).toBe(
      ar.titles.contributionsAtHorizonMean(chartContext(mean).monthLabels[H])
    );
  });
});
