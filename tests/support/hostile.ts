// A document whose texts are hostile to the programs that open its exports: labels a
// spreadsheet would run as formulas, and bidirectional controls left open or closed without
// being opened. And an independent check that a text's bidi controls are balanced.
import { readFileSync } from 'node:fs';
import { analyseDocument, type DocumentAnalysis } from '../../src/engine/analysis';
import { loadDocument, type MizanDoc } from '../../src/engine/format';
import type { ChartInput } from '../../src/presentation/charts';

/** Factor labels (English) that a spreadsheet would take as formulas, or that leak their direction. */
export const FORMULA_LABELS = ['=HYPERLINK("http://x","click")', '+1+1', '-2+3', '@SUM(A1)'] as const;
export const BIDI_LABELS = ['Sanctions\u202E', '\u2067x', 'stray\u202C close'] as const;

/**
 * The default analysis with hostile English labels: the first factors carry FORMULA_LABELS then
 * BIDI_LABELS, the first scenario is "Base\u202Eline" (an RLO left open, in every title and
 * legend that names it), its first event "=cmd|' /C calc'!A0", and the title and author open
 * an override and an isolate.
 */
export function hostileDocument(): MizanDoc {
  const loaded = loadDocument(readFileSync('tests/fixtures/as-first-written/ashgabat-2024.mizan', 'utf8'));
  if (!loaded.ok) throw new Error('the default analysis does not load');
  const doc = loaded.document;
  const labels = [...FORMULA_LABELS, ...BIDI_LABELS];
  doc.factors.forEach((f, i) => {
    if (i < labels.length) f.label.en = labels[i];
  });
  doc.scenarios[0].name = { en: 'Base\u202Eline', ar: 'أساس\u202Eي' };
  doc.scenarios[0].events[0].label.en = "=cmd|' /C calc'!A0";
  doc.title = 'Report\u202Egnp.csv';
  doc.author = 'Author\u2067x';
  doc.simulation = { ...doc.simulation, runs: 200 };
  return doc;
}

// Analysed on first use, not at import: a mutation run counts code reached at import as
// reached by every test, and runs every test on it.
let hostile: { doc: MizanDoc; analysis: DocumentAnalysis } | undefined;

export function hostileInput(overrides: Partial<ChartInput> = {}): ChartInput {
  if (!hostile) {
    const doc = hostileDocument();
    hostile = { doc, analysis: analyseDocument(doc, { runs: 200 }) };
  }
  return {
    doc: hostile.doc,
    analysis: hostile.analysis,
    selectedScenario: 'baseline',
    compared: hostile.doc.scenarios.map((s) => s.id),
    language: 'en',
    theme: 'light',
    ...overrides
  };
}

const OPENERS: Record<string, 'embedding' | 'isolate'> = {
  '\u202A': 'embedding',
  '\u202B': 'embedding',
  '\u202D': 'embedding',
  '\u202E': 'embedding',
  '\u2066': 'isolate',
  '\u2067': 'isolate',
  '\u2068': 'isolate'
};

/**
 * Null when every embedding (LRE RLE LRO RLO) is closed by a PDF and every isolate (LRI RLI
 * FSI) by a PDI, properly nested, with no closer left over; else what is wrong.
 */
export function bidiProblem(text: string): string | null {
  const open: ('embedding' | 'isolate')[] = [];
  for (const [at, ch] of [...text].entries()) {
    if (OPENERS[ch]) open.push(OPENERS[ch]);
    else if (ch === '\u202C' && open.pop() !== 'embedding') return `a PDF at ${at} closes no embedding`;
    else if (ch === '\u2069' && open.pop() !== 'isolate') return `a PDI at ${at} closes no isolate`;
  }
  return open.length ? `${open.length} left open in ${JSON.stringify(text)}` : null;
}

/** Every bidirectional control or mark. */
export const ANY_BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
