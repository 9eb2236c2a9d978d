// What every chart reads from a ChartInput, resolved once: the selected and compared
// scenarios with their names and colours, the factors with theirs, the months, the texts.
import type { ScenarioAnalysis } from '../../engine/analysis';
import type { ScenarioDef } from '../../engine/format/schema';
import { formatters, pick, type Formatters } from './format';
import { factorColour, themeColours, type ThemeColours } from './palette';
import { chartStrings, type ChartStrings } from './strings';
import type { ChartInput } from './types';
import type { Language } from '../../engine/format';

export interface ScenarioView {
  id: string;
  name: string;
  colour: string;
  analysis: ScenarioAnalysis;
  /** The scenario in the document (absent if the analysis is of another version of it). */
  def: ScenarioDef | undefined;
}

export interface FactorView {
  id: string;
  label: string;
  colour: string;
}

export interface ChartContext {
  input: ChartInput;
  language: Language;
  rtl: boolean;
  text: ChartStrings;
  fmt: Formatters;
  colours: ThemeColours;
  /** "YYYY-MM" of months 0..H, and the same as display labels. */
  months: string[];
  monthLabels: string[];
  horizon: number;
  selected: ScenarioView | null;
  compared: ScenarioView[];
  /** The document's factors (in its order) that the analysis has results for. */
  factors: FactorView[];
}

export function chartContext(input: ChartInput): ChartContext {
  const { doc, analysis, language } = input;
  const fmt = formatters(language);
  const view = (a: ScenarioAnalysis, index: number): ScenarioView => {
    const def = doc.scenarios.find((s) => s.id === a.id);
    return {
      id: a.id,
      name: pick(a.name, language, a.id),
      colour: def?.color ?? factorColour(index),
      analysis: a,
      def
    };
  };
  const byId = new Map(analysis.scenarios.map((a, i) => [a.id, view(a, i)]));
  const compared = input.compared.flatMap((id) => byId.get(id) ?? []);
  const selected = byId.get(input.selectedScenario) ?? compared[0] ?? byId.values().next().value ?? null;
  const known = selected?.analysis.central.contributions;
  const factors = doc.factors.flatMap((f, i) =>
    known !== undefined && Object.hasOwn(known, f.id)
      ? [{ id: f.id, label: pick(f.label, language, f.id), colour: factorColour(i) }]
      : []
  );
  return {
    input,
    language,
    rtl: language === 'ar',
    text: chartStrings(language),
    fmt,
    colours: themeColours(input.theme),
    months: analysis.months,
    monthLabels: analysis.months.map(fmt.month),
    horizon: analysis.months.length - 1,
    selected,
    compared,
    factors
  };
}
