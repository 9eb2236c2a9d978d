// The default analysis's document as chart input for tests: its scenarios all compared, the
// escalation selected, in English and light, with the analysis the test gives.
import { readFileSync } from 'node:fs';
import type { DocumentAnalysis } from '../../src/engine/analysis';
import { loadDocument } from '../../src/engine/format';
import type { ChartInput } from '../../src/presentation/charts';

const loaded = loadDocument(readFileSync('tests/fixtures/as-first-written/ashgabat-2024.mizan', 'utf8'));
if (!loaded.ok) throw new Error('the default analysis does not load');
export const DEFAULT_DOC = loaded.document;

export function defaultChartInput(
  analysis: Pick<DocumentAnalysis, 'months' | 'scenarios'>,
  overrides: Partial<ChartInput> = {}
): ChartInput {
  return {
    doc: DEFAULT_DOC,
    analysis,
    selectedScenario: 'escalation',
    compared: DEFAULT_DOC.scenarios.map((s) => s.id),
    language: 'en',
    theme: 'light',
    ...overrides
  };
}
