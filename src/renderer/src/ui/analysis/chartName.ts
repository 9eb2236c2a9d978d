// When a chart's accessible name must be recomputed: most names depend only on the scenarios
// and months shown, so a slider drag keeps them; the kinds whose name carries numbers
// (CHART_KIND_TRAITS' nameHasNumbers) are named anew on every update.
import { CHART_KIND_TRAITS, type ChartInput, type ChartKind } from '../../../../presentation/charts';

/**
 * What the accessible name of a chart of `kind` depends on, as a string; null for the charts
 * whose name carries numbers (the histogram's probabilities of crisis).
 */
export function accessibleNameKey(kind: ChartKind, input: ChartInput): string | null {
  if (CHART_KIND_TRAITS[kind].nameHasNumbers) return null;
  const { months } = input.analysis;
  const names = input.doc.scenarios.map((s) => [s.id, s.name.en, s.name.ar]);
  return JSON.stringify([
    kind,
    input.language,
    input.selectedScenario,
    input.compared,
    input.versus,
    input.tornadoMetric ?? 'final',
    input.contributionsOf ?? 'central',
    months[0],
    months.length,
    names
  ]);
}
