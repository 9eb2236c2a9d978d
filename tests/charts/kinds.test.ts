// The table of chart kinds: one row per kind, and each row tells the truth about its charts.
import { describe, expect, it } from 'vitest';
import {
  CHART_KIND_TRAITS,
  CHART_KINDS,
  chartAccessibleName,
  chartConfigs,
  chartParts,
  chartTable
} from '../../src/presentation/charts';
import { analyseDocument } from '../../src/engine/analysis';
import { doc, input, trackedInput, withoutMonteCarlo } from './helpers';

/** The default analysis with every weight of the first factor doubled: other numbers, the same scenarios and months. */
const otherNumbers = (() => {
  const changed = { ...doc, factors: doc.factors.map((f, i) => (i === 0 ? { ...f, weight: 10 } : f)) };
  return input({ doc: changed, analysis: analyseDocument(changed, { runs: 300 }) });
})();
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('CHART_KIND_TRAITS', () => {
  it('has exactly one row per chart kind', () => {
    expect(Object.keys(CHART_KIND_TRAITS).sort()).toEqual([...CHART_KINDS].sort());
  });

  describe.each(CHART_KINDS)('%s', (kind) => {
    const traits = CHART_KIND_TRAITS[kind];

    it('draws one chart, or one per factor with the factor in its name', () => {
      const parts = chartParts(kind, input());
      if (traits.layout === 'one') {
        expect(parts).toHaveLength(1);
        expect(parts[0]).toMatchObject({ name: kind, factorId: null });
      } else {
        // The app lays these out as small multiples with one legend for all.
        expect(traits.layout).toBe('perFactor');
        expect(parts.map((p) => p.factorId)).toEqual(doc.factors.map((f) => f.id));
        expect(parts.map((p) => p.name)).toEqual(doc.factors.map((f) => `${kind}-${f.id}`));
      }
      expect(plain(chartConfigs(kind, input()))).toEqual(plain(parts.map((p) => p.config)));
    });

    it('has a table that runs by month exactly when it says so', () => {
      const table = chartTable(kind, input());
      const monthColumn = table.columns[0] === 'Month' && table.rows.length === input().analysis.months.length;
      expect(monthColumn).toBe(traits.byMonth);
    });

    it('shows the Monte Carlo exactly when it says so (in an analysis without observations, or with)', () => {
      const changes = (of: typeof input) => {
        const withMc = plain(chartConfigs(kind, of()));
        const withoutMc = plain(chartConfigs(kind, of({ analysis: withoutMonteCarlo(of().analysis as never) })));
        return JSON.stringify(withMc) !== JSON.stringify(withoutMc);
      };
      expect(changes(input) || changes(trackedInput)).toBe(traits.showsMonteCarlo);
    });

    it('has an accessible name that carries numbers exactly when it says so', () => {
      const name = chartAccessibleName(kind, input());
      expect(name.trim()).not.toBe('');
      expect(chartAccessibleName(kind, otherNumbers) !== name).toBe(traits.nameHasNumbers);
      expect(chartAccessibleName(kind, input({ language: 'ar' }))).not.toBe(name);
    });
  });
});

describe('accessible names', () => {
  const horizonMonth = () =>
    new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${input().analysis.months.at(-1)}-01T00:00:00Z`)
    );
  const compared = () =>
    input()
      .compared.map((id) => input().analysis.scenarios.find((s) => s.id === id)!.name.en)
      .join(', ');

  it('name the horizon’s month and the compared scenarios, for the charts at the horizon', () => {
    expect(chartAccessibleName('contributionsAtHorizon', input())).toBe(
      `Contributions to tension at the horizon (${horizonMonth()}): ${compared()}`
    );
    expect(chartAccessibleName('radar', input())).toBe(
      `Factor profile at the horizon (${horizonMonth()}): ${compared()}`
    );
  });

  it('name the compared scenarios of the factors’ small multiples', () => {
    expect(chartAccessibleName('factors', input())).toBe(`Factor paths: ${compared()}`);
  });
});
