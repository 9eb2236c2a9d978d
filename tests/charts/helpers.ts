// The default analysis (tests/fixtures/as-first-written/ashgabat-2024.mizan, 300 runs) as chart input.
// The analysis runs on first use, not at import: a file that imports these helpers but runs
// no chart test (or a mutation run, which counts code reached at import as covered by every
// test) does not pay for it.
import { readFileSync } from 'node:fs';
import { analyseDocument, type DocumentAnalysis } from '../../src/engine/analysis';
import { loadDocument, type MizanDoc } from '../../src/engine/format';
import type { ChartInput } from '../../src/presentation/charts';

const loaded = loadDocument(readFileSync('tests/fixtures/as-first-written/ashgabat-2024.mizan', 'utf8'));
if (!loaded.ok) throw new Error('the default analysis does not load');
export const doc: MizanDoc = loaded.document;
let defaultAnalysis: DocumentAnalysis | undefined;
export function analysis(): DocumentAnalysis {
  defaultAnalysis ??= analyseDocument(doc, { runs: 300 });
  return defaultAnalysis;
}
export const H = doc.horizonMonths;

export const scenario = (id: string) => {
  const s = analysis().scenarios.find((a) => a.id === id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
};

export function input(overrides: Partial<ChartInput> = {}): ChartInput {
  return {
    doc,
    analysis: analysis(),
    selectedScenario: 'escalation',
    compared: ['baseline', 'escalation', 'deescalation'],
    language: 'en',
    theme: 'light',
    ...overrides
  };
}

/** The same analysis (or `of`) with Monte Carlo not computed: no bands, no evidence, no odds. */
export const withoutMonteCarlo = (of: DocumentAnalysis = analysis()): DocumentAnalysis => ({
  ...of,
  runs: 0,
  scenarios: of.scenarios.map(({ evidence: _evidence, ...s }) => ({ ...s, monteCarlo: null, importance: [] })),
  tracking: undefined
});

const shipped = loadDocument(readFileSync('resources/scenarios/ashgabat-2024.mizan', 'utf8'));
if (!shipped.ok) throw new Error('the shipped analysis does not load');
/** The analysis as shipped, with its observations (what happened since October 2024). */
export const trackedDoc: MizanDoc = shipped.document;
let trackedAnalysis: DocumentAnalysis | undefined;
/** The tracked analysis with 2 000 runs: enough for some runs of every scenario to agree with the recorded outcomes. */
export function tracked(): DocumentAnalysis {
  trackedAnalysis ??= analyseDocument(trackedDoc, { runs: 2000, importance: false });
  return trackedAnalysis;
}

export function trackedInput(overrides: Partial<ChartInput> = {}): ChartInput {
  return input({ doc: trackedDoc, analysis: tracked(), ...overrides });
}

/** Options of a config as a plain record, for reading nested keys in tests. */
export const opts = (config: { options?: unknown }): any => config.options;

/**
 * A value made on first use and then kept. Only for what src/presentation does not compute (or
 * computes the same for every test, like the report's analysis): a mutation run credits a
 * mutant only to the tests that run its code, so a chart or report made once and reused would
 * be checked by the first test alone.
 */
export function lazy<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
