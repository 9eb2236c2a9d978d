// The app keeps a chart's accessible name while accessibleNameKey stays the same (a slider drag
// changes only numbers): the key must change whenever the name does, or the name goes stale.
import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../../src/engine/analysis';
import { CHART_KIND_TRAITS, CHART_KINDS, chartAccessibleName, type ChartInput } from '../../src/presentation/charts';
import { accessibleNameKey } from '../../src/renderer/src/ui/analysis/chartName';
import { DEFAULT_DOC as doc, defaultChartInput } from '../support/defaultChartInput';

const analysis = analyseDocument(doc, { runs: 300 });
const input = (overrides: Partial<ChartInput> = {}): ChartInput => defaultChartInput(analysis, overrides);

/** Inputs that differ from the default in one thing a chart's name may show. */
const variants: [string, ChartInput][] = [
  ['language', input({ language: 'ar' })],
  ['selected scenario', input({ selectedScenario: doc.scenarios[1].id })],
  ['compared scenarios', input({ compared: [doc.scenarios[2].id] })],
  ['the gap’s B', input({ versus: doc.scenarios[2].id })],
  ['the contributions’ source', input({ contributionsOf: 'mean' })],
  [
    'the tornado’s measure',
    input({ analysis: analyseDocument(doc, { runs: 300, tornadoMetric: 'peak' }), tornadoMetric: 'peak' })
  ]
];

describe('accessibleNameKey', () => {
  describe.each(CHART_KINDS)('%s', (kind) => {
    it.each(variants)('changes when the name does: %s', (_, changed) => {
      const before = chartAccessibleName(kind, input());
      const after = chartAccessibleName(kind, changed);
      if (after === before) return;
      const key = accessibleNameKey(kind, input());
      // A name that carries numbers is never kept.
      if (CHART_KIND_TRAITS[kind].nameHasNumbers) expect(key).toBeNull();
      else expect(accessibleNameKey(kind, changed)).not.toBe(key);
    });
  });

  it('names the tornado on peak tension apart from the one at the horizon', () => {
    const peak = variants.at(-1)![1];
    expect(chartAccessibleName('tornado', peak)).not.toBe(chartAccessibleName('tornado', input()));
    expect(accessibleNameKey('tornado', peak)).not.toBe(accessibleNameKey('tornado', input()));
  });
});
