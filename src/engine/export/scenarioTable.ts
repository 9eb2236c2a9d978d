// One scenario's numbers by month, as a tidy table: month, central tension, the
// five quantiles, P(crisis), each factor's level and each factor's contribution.
import type { DocumentAnalysis, ScenarioAnalysis } from '../analysis';
import { ownValue } from '../records';
import { toCsv, type CsvCell, type CsvOptions } from './csv';

const QUANTILES = ['5', '25', '50', '75', '95'] as const;

export function scenarioTable(analysis: DocumentAnalysis, scenario: ScenarioAnalysis): { header: string[]; rows: CsvCell[][] } {
  const factorIds = Object.keys(scenario.central.factors);
  const header = [
    'month',
    'tension_central',
    ...QUANTILES.map((q) => `tension_p${q}`),
    'p_crisis',
    ...factorIds.map((id) => `level_${id}`),
    ...factorIds.map((id) => `contribution_${id}`)
  ];
  const mc = scenario.monteCarlo;
  const rows = analysis.months.map((month, t): CsvCell[] => [
    month,
    scenario.central.tension[t],
    ...QUANTILES.map((q) => (mc ? mc.quantiles[q][t] : null)),
    mc ? mc.pCrisisByMonth[t] : null,
    // Stryker disable next-line OptionalChaining: factorIds are the keys of central.factors, so every id has a series
    ...factorIds.map((id) => ownValue(scenario.central.factors, id)?.[t] ?? null),
    // Stryker disable next-line OptionalChaining: central.contributions has the same factors as central.factors (centralSeries)
    ...factorIds.map((id) => ownValue(scenario.central.contributions, id)?.[t] ?? null)
  ]);
  return { header, rows };
}

export function scenarioCsv(analysis: DocumentAnalysis, scenario: ScenarioAnalysis, options: CsvOptions = {}): string {
  const { header, rows } = scenarioTable(analysis, scenario);
  return toCsv(header, rows, options);
}
