// CHART_KIND_TRAITS.showsSelected says whether a chart shows the selected scenario; a chart that
// does not is exported once, its name without a scenario (mizan chart, the app's export). Held to
// what each chart draws: the same table and pictures for every selection, or not.
import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../../src/engine/analysis';
import { CHART_KIND_TRAITS, CHART_KINDS, chartParts, chartTable } from '../../src/presentation/charts';
import { DEFAULT_DOC, defaultChartInput } from '../support/defaultChartInput';

describe('showsSelected', () => {
  const analysis = analyseDocument(DEFAULT_DOC, { runs: 200 });
  /** What a chart shows with `selected` selected: its table and its pictures' data and titles. */
  const drawn = (kind: (typeof CHART_KINDS)[number], selected: string) => {
    const input = defaultChartInput(analysis, { selectedScenario: selected });
    const pictures = chartParts(kind, input).map(({ name, config }) => ({
      name,
      data: config.data,
      title: config.options?.plugins?.title
    }));
    return JSON.stringify({ table: chartTable(kind, input), pictures });
  };

  it.each(CHART_KINDS)('of %s is true exactly when the chart differs from one selected scenario to another', (kind) => {
    const shown = new Set(DEFAULT_DOC.scenarios.map((s) => drawn(kind, s.id)));
    expect(shown.size > 1).toBe(CHART_KIND_TRAITS[kind].showsSelected);
  });
});
