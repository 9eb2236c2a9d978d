// `mizan run`'s table names a scenario and its factors as the other readers do
// (src/engine/labels.ts): a name with an English side of spaces only shows its Arabic text.
import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../../src/engine/analysis';
import { scenarioReport } from '../../src/cli/report';
import { makeDocument } from '../support/documents';

describe('names in the run table', () => {
  it('takes the Arabic name of a scenario and a factor whose English side is blank', () => {
    const doc = makeDocument([{ id: 'a' }], { simulation: { runs: 0, seed: 1 } });
    doc.scenarios[0].name = { en: '   ', ar: 'تصعيد' };
    doc.factors[0].label = { en: ' ', ar: 'هجمات' };
    const analysis = analyseDocument(doc);
    const lines = scenarioReport(doc, analysis, analysis.scenarios[0]).split('\n');
    expect(lines[0]).toBe(`تصعيد (${doc.scenarios[0].id})`);
    expect(lines.some((line) => line.includes('هجمات'))).toBe(true);
  });
});
