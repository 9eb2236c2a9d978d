// The histogram's crisis line on bins of unequal width, its chart kind and tooltip mode, and
// an analysis without scenarios (nothing drawn, no name in the title).
import { describe, expect, it } from 'vitest';
import { histogramChart, histogramTable } from '../../src/presentation/charts';
import { binPosition } from '../../src/presentation/charts/histogram';
import { analysis, input, opts, scenario } from './helpers';

describe('the histogram', () => {
  it('places a value in the bin that holds it, on bins of unequal width', () => {
    // Bins 0–10, 10–15, 15–40 centred on 0, 1, 2: a value at a fraction f of bin k sits at k − 0.5 + f.
    const edges = [0, 10, 15, 40];
    expect([5, 12, 30, 10, 15].map((v) => binPosition(edges, v))).toEqual([0, 0.9, 2.1, 0.5, 1.5]);
    // Below the first edge, on the first bin's scale; past the last, on the last bin's.
    expect(binPosition(edges, -5)).toBe(-1);
    expect(binPosition(edges, 50)).toBe(2.9);
  });

  it('draws the crisis line at the threshold on bins of unequal width', () => {
    const crisis = input().doc.thresholds.crisis;
    const edges = [0, crisis - 20, crisis - 10, crisis + 30, 200];
    const uneven = {
      ...analysis(),
      scenarios: analysis().scenarios.map((s) =>
        s.monteCarlo ? { ...s, monteCarlo: { ...s.monteCarlo, histogram: { edges, counts: [100, 100, 50, 50] } } } : s
      )
    };
    // The threshold is a quarter into the third bin (width 40): 2 − 0.5 + 0.25.
    const line = opts(histogramChart(input({ analysis: uneven }))).plugins.annotation.annotations.crisis;
    expect(line.value).toBe(1.75);
  });

  it('is a bar chart titled with the scenario, its tooltip for the nearest bar', () => {
    const config = histogramChart(input());
    expect(config.type).toBe('bar');
    const name = scenario('escalation').name.en;
    expect(opts(config).plugins.title.text).toBe(`Distribution of tension at the horizon — ${name}`);
    expect(opts(config).interaction.mode).toBe('nearest');
    expect(opts(config).plugins.tooltip.mode).toBe('nearest');
  });

  it('draws nothing and names no scenario for an analysis without scenarios', () => {
    const none = input({ analysis: { ...analysis(), scenarios: [] } });
    const config = histogramChart(none);
    expect(config.data.datasets).toEqual([]);
    expect(config.data.labels).toEqual([]);
    expect(opts(config).plugins.title.text).toBe('Distribution of tension at the horizon — ');
    expect(opts(config).plugins.subtitle.text).toBe('Monte Carlo not computed');
    expect(opts(config).plugins.annotation.annotations).toEqual({});
    expect(histogramTable(none)).toMatchObject({
      title: 'Distribution of tension at the horizon —  — Monte Carlo not computed',
      rows: []
    });
  });
});
