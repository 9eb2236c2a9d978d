// The contributions charts as drawn: their kind, how the tooltip picks its items, the month axis,
// the titles with the scenario and the horizon's month, the tables' columns; and an analysis
// without scenarios, which gives empty charts rather than a crash.
import { describe, expect, it } from 'vitest';
import {
  contributionsAtHorizonChart,
  contributionsAtHorizonTable,
  contributionsChart,
  contributionsTable
} from '../../src/presentation/charts';
import { analysis, doc, input, opts } from './helpers';

const noScenarios = () => input({ analysis: { ...analysis(), scenarios: [] }, compared: [] });

describe('contributions over time, as drawn', () => {
  it('is a line chart whose tooltip lists every factor of the month pointed at, months thinned to 9 flat ticks', () => {
    const config = contributionsChart(input());
    expect(config.type).toBe('line');
    expect(opts(config).interaction.mode).toBe('index');
    expect(opts(config).plugins.tooltip.mode).toBe('index');
    expect(opts(config).scales.x.ticks).toMatchObject({ maxRotation: 0, autoSkip: true, maxTicksLimit: 9 });
  });

  it('keeps room at the left in Arabic for the last month’s label (the axis is reversed)', () => {
    expect(opts(contributionsChart(input({ language: 'ar' }))).layout.padding).toEqual({
      left: 36,
      right: 8,
      top: 8,
      bottom: 8
    });
    expect(opts(contributionsChart(input())).layout.padding).toBe(8);
  });

  it('names the selected scenario in the table’s title', () => {
    expect(contributionsTable(input()).title).toBe('Contributions to tension — Escalation: axis hardens');
  });

  it('is empty, titled without a name, when the analysis has no scenarios', () => {
    const table = contributionsTable(noScenarios());
    expect(table.title).toBe('Contributions to tension — ');
    expect(opts(contributionsChart(noScenarios())).plugins.title.text).toBe(table.title);
    expect(table.rows).toEqual([]);
    expect(contributionsChart(noScenarios()).data.datasets).toEqual([]);
  });
});

describe('contributions at the horizon, as drawn', () => {
  it('is a bar chart whose tooltip lists every factor of the scenario pointed at', () => {
    const config = contributionsAtHorizonChart(input());
    expect(config.type).toBe('bar');
    expect(opts(config).interaction.mode).toBe('index');
  });

  it('names the horizon’s month in the chart’s and the table’s title', () => {
    const title = contributionsAtHorizonTable(input()).title;
    // The default document runs 24 months from October 2024.
    expect(title).toBe('Contributions to tension at the horizon (Oct 2026)');
    expect(opts(contributionsAtHorizonChart(input())).plugins.title.text).toBe(title);
  });

  it('heads the table with the scenario, each factor and the total', () => {
    expect(contributionsAtHorizonTable(input()).columns).toEqual([
      'Scenario',
      ...doc.factors.map((f) => f.label.en),
      'Tension (total)'
    ]);
  });
});
