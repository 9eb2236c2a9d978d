import { describe, expect, it } from 'vitest';
import {
  factorChart,
  factorCharts,
  factorsTable,
  factorTable,
  histogramChart,
  histogramTable,
  radarChart,
  radarTable
} from '../../src/presentation/charts';
import { binPosition } from '../../src/presentation/charts/histogram';
import { analysis, doc, H, input, opts, scenario, withoutMonteCarlo } from './helpers';

const ids = ['baseline', 'escalation', 'deescalation'];

describe('factor paths (small multiples)', () => {
  const charts = () => factorCharts(input());

  it('gives one chart per factor with each compared scenario’s central level path on 0–100', () => {
    expect(charts().map((c) => c.factorId)).toEqual(doc.factors.map((f) => f.id));
    charts().forEach(({ factorId, config }) => {
      // A long name is wrapped onto lines, not cut or squeezed.
      expect([opts(config).plugins.title.text].flat().join(' ')).toBe(
        doc.factors.find((f) => f.id === factorId)!.label.en
      );
      expect(config.data.datasets.map((d) => d.data)).toEqual(ids.map((id) => scenario(id).central.factors[factorId]));
      expect([opts(config).scales.y.min, opts(config).scales.y.max]).toEqual([0, 100]);
    });
    expect(opts(factorChart(input(), 'energy')!).plugins.subtitle.text).toBe('Lowers tension · Level (points)');
    const long = doc.factors.find((f) => f.label.en.length > 36)!;
    expect(opts(factorChart(input(), long.id)!).plugins.title.text.length).toBeGreaterThan(1);
    for (const line of opts(factorChart(input(), long.id)!).plugins.title.text)
      expect(line.length).toBeLessThanOrEqual(36);
    expect(factorChart(input(), 'nope')).toBeUndefined();
  });

  it('gives the same numbers as tables', () => {
    const one = factorTable(input(), 'israel');
    const config = factorChart(input(), 'israel')!;
    one.rows.forEach((row, t) => expect(row.slice(1)).toEqual(config.data.datasets.map((d) => d.data[t])));
    const all = factorsTable(input());
    expect(all.columns).toHaveLength(1 + doc.factors.length * ids.length);
    expect(all.columns[1]).toBe('Western sanctions — Baseline: entrenched rivalry');
    all.rows.forEach((row, t) =>
      expect(row.slice(1)).toEqual(charts().flatMap((c) => c.config.data.datasets.map((d) => d.data[t])))
    );
  });
});

describe('histogram of T(H)', () => {
  const config = () => histogramChart(input());
  const mc = () => scenario('escalation').monteCarlo!;

  it('holds the engine’s 20 bins of 5 points', () => {
    expect(config().data.labels).toHaveLength(20);
    expect(config().data.labels![0]).toBe('0–5');
    expect(config().data.datasets[0].data).toEqual(mc().histogram.counts);
    expect(mc().histogram.counts.reduce((a, b) => a + b, 0)).toBe(300);
  });

  it('gives P(crisis) ever and at the horizon, and marks the crisis threshold', () => {
    const percent = new Intl.NumberFormat('en', {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1
    });
    const subtitle = opts(config()).plugins.subtitle.text;
    // Each probability with its Monte Carlo standard error, to one significant digit.
    const error = new Intl.NumberFormat('en', { style: 'percent', maximumSignificantDigits: 1 });
    const errors = mc().standardErrors;
    expect(subtitle).toContain(`${percent.format(mc().pCrisisEver)} ± ${error.format(errors.pCrisisEver)}`);
    expect(subtitle).toContain(`${percent.format(mc().pCrisisByMonth[H])} ± ${error.format(errors.pCrisisByMonth[H])}`);
    const line = opts(config()).plugins.annotation.annotations.crisis;
    // 75 is the edge between bin 14 (70–75) and bin 15 (75–80), centred on 14 and 15.
    expect(line).toMatchObject({ type: 'line', scaleID: 'x', value: 14.5 });
    expect(binPosition(mc().histogram.edges, 0)).toBe(-0.5);
    expect(binPosition(mc().histogram.edges, 100)).toBe(19.5);
    expect(binPosition(mc().histogram.edges, 72.5)).toBe(14);
  });

  it('gives the same numbers as a table', () => {
    const table = histogramTable(input());
    expect(table.rows).toHaveLength(20);
    table.rows.forEach((row, k) =>
      expect(row).toEqual([config().data.labels![k], 5 * k, 5 * k + 5, mc().histogram.counts[k]])
    );
  });

  it('works without Monte Carlo', () => {
    const none = histogramChart(input({ analysis: withoutMonteCarlo() }));
    expect(none.data.datasets).toEqual([]);
    expect(opts(none).plugins.annotation.annotations).toEqual({});
    expect(histogramTable(input({ analysis: withoutMonteCarlo() })).rows).toEqual([]);
  });

  it('uses a hyphen for Arabic ranges (an en dash would be reordered by bidi)', () => {
    expect(histogramChart(input({ language: 'ar' })).data.labels![14]).toBe('70-75');
  });
});

describe('radar of factor levels at the horizon', () => {
  const config = () => radarChart(input());

  it('has one closed shape per compared scenario over the factors', () => {
    expect(config().data.labels!.map((l) => l.join(' '))).toEqual(doc.factors.map((f) => f.label.en));
    expect(config().data.datasets.map((d) => d.data)).toEqual(
      ids.map((id) => doc.factors.map((f) => scenario(id).central.factors[f.id][H]))
    );
    expect([opts(config()).scales.r.min, opts(config()).scales.r.max]).toEqual([0, 100]);
  });

  it('goes round the other way in Arabic: the first factor at the top, the others counter-clockwise, each with its value', () => {
    const ar = radarChart(input({ language: 'ar' }));
    const order = [doc.factors[0], ...doc.factors.slice(1).reverse()];
    expect(ar.data.labels!.map((l) => l.join(' '))).toEqual(order.map((f) => f.label.ar));
    expect(ar.data.datasets.map((d) => d.data)).toEqual(
      ids.map((id) => order.map((f) => scenario(id).central.factors[f.id][H]))
    );
    const tooltip = opts(ar).plugins.tooltip.callbacks.title;
    expect(tooltip([{ dataIndex: 1 }])).toBe(doc.factors.at(-1)!.label.ar);
    // The table keeps the document's order.
    expect(radarTable(input({ language: 'ar' })).rows.map((r) => r[0])).toEqual(doc.factors.map((f) => f.label.ar));
  });

  it('gives the same numbers as a table', () => {
    const table = radarTable(input());
    table.rows.forEach((row, i) => expect(row.slice(1)).toEqual(config().data.datasets.map((d) => d.data[i])));
    expect(analysis().months[H]).toBe('2026-10');
    expect(table.title).toBe('Factor profile at the horizon (Oct 2026)');
  });
});
