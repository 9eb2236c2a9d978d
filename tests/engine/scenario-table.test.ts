// The table `mizan run --csv` writes for one scenario: a row per month with the central
// tension, the fan's quantiles, P(crisis), and each factor's level and contribution.
import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../../src/engine/analysis';
import { CSV_BOM } from '../../src/engine/export/csv';
import { scenarioCsv, scenarioTable } from '../../src/engine/export/scenarioTable';
import { makeDocument } from '../support/documents';

/**
 * No ranges, noise or events: every Monte Carlo run is the central path, worked out by hand
 * (numbers exact in binary, so the CSV shows them as written here).
 * Month 0: a = 25, b = 50 lowering (1 − 0.5): T = 100·(3·0.25 + 1·0.5)/4 = 31.25 (18.75 + 12.5).
 * Month 1: a = 0.25 + ½·(0.75 − 0.25) = 0.5: T = 100·(1.5 + 0.5)/4 = 50 (37.5 + 12.5).
 * Month 2: a = 0.5 + ½·0.25 = 0.625: T = 100·(1.875 + 0.5)/4 = 59.375 (46.875 + 12.5).
 */
const doc = () =>
  makeDocument(
    [
      { id: 'a', weight: 3, start: 25, target: 75, pace: 0.5 },
      { id: 'b', direction: -1, weight: 1, start: 50, target: 50 }
    ],
    { horizonMonths: 2, thresholds: { elevated: 20, high: 40, crisis: 50 }, simulation: { runs: 20, seed: 4 } }
  );

describe('scenarioTable', () => {
  it('names the columns: month, central tension, the five quantiles, P(crisis), then levels and contributions by factor', () => {
    const analysis = analyseDocument(doc(), { runs: 0 });
    expect(scenarioTable(analysis, analysis.scenarios[0]).header).toEqual([
      'month',
      'tension_central',
      'tension_p5',
      'tension_p25',
      'tension_p50',
      'tension_p75',
      'tension_p95',
      'p_crisis',
      'level_a',
      'level_b',
      'contribution_a',
      'contribution_b'
    ]);
  });

  it('gives a row per month, with the fan and P(crisis) of the runs (T ≥ 50 from month 1, 50 itself included)', () => {
    const analysis = analyseDocument(doc());
    expect(scenarioTable(analysis, analysis.scenarios[0]).rows).toEqual([
      ['2024-10', 31.25, 31.25, 31.25, 31.25, 31.25, 31.25, 0, 25, 50, 18.75, 12.5],
      ['2024-11', 50, 50, 50, 50, 50, 50, 1, 50, 50, 37.5, 12.5],
      ['2024-12', 59.375, 59.375, 59.375, 59.375, 59.375, 59.375, 1, 62.5, 50, 46.875, 12.5]
    ]);
  });

  it('leaves the fan and P(crisis) empty when no runs were made', () => {
    const analysis = analyseDocument(doc(), { runs: 0 });
    const { rows } = scenarioTable(analysis, analysis.scenarios[0]);
    expect(rows[1]).toEqual(['2024-11', 50, null, null, null, null, null, null, 50, 50, 37.5, 12.5]);
  });

  it('writes it as CSV, empty cells for what was not computed, with a byte-order mark when asked', () => {
    const analysis = analyseDocument(doc(), { runs: 0 });
    const csv = scenarioCsv(analysis, analysis.scenarios[0]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'month,tension_central,tension_p5,tension_p25,tension_p50,tension_p75,tension_p95,p_crisis,level_a,level_b,contribution_a,contribution_b'
    );
    expect(lines[1]).toBe('2024-10,31.25,,,,,,,25,50,18.75,12.5');
    expect(lines).toHaveLength(5); // a header, three months and the empty string after the last line end
    expect(csv.startsWith(CSV_BOM)).toBe(false);
    expect(scenarioCsv(analysis, analysis.scenarios[0], { bom: true })).toBe(CSV_BOM + csv);
  });
});
