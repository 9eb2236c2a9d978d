// The index readout: central T at month 0 and at the horizon, per scenario.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { centralSeries } from '../../src/engine/analysis';
import { loadDocument, type MizanDoc } from '../../src/engine/format';
import { compileScenario } from '../../src/engine/model/compile';
import { bandOf } from '../../src/engine/model/bands';
import { scenarioTensions } from '../../src/renderer/src/state/tension';

const result = loadDocument(readFileSync('resources/scenarios/ashgabat-2024.mizan', 'utf8'));
if (!result.ok) throw new Error('default analysis does not load');
const doc = result.document;

describe('scenarioTensions', () => {
  it('gives the engine’s central T at 0 and at the horizon for each scenario, each with its band', () => {
    const rows = scenarioTensions(doc);
    expect(rows.map((r) => r.id)).toEqual(['baseline', 'escalation', 'deescalation']);
    rows.forEach((row, i) => {
      const tension = centralSeries(compileScenario(doc, i)).tension;
      expect(row.ok).toBe(true);
      if (row.ok) {
        expect(row.start).toBe(tension[0]);
        expect(row.end).toBe(tension[doc.horizonMonths]);
        expect(row.band).toBe(bandOf(row.end, doc.thresholds));
        expect(row.startBand).toBe(bandOf(row.start, doc.thresholds));
      }
    });
  });

  it('reports a scenario the model cannot compute (all weights zero) instead of throwing', () => {
    const zero: MizanDoc = { ...doc, factors: doc.factors.map((f) => ({ ...f, weight: 0 })), scenarios: [{ ...doc.scenarios[0], weights: {} }] };
    const [row] = scenarioTensions(zero);
    expect(row.ok).toBe(false);
    if (!row.ok) expect(row.problem).toMatch(/weights are zero/);
  });
});
