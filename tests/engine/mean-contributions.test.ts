// Mean contributions over the runs (analyseDocument, `mizan run --json`): each factor's C_i(t)
// averaged over the runs, checked against the runs computed one at a time and averaged here.
import { describe, expect, it } from 'vitest';
import { analyseDocument, seriesByFactor } from '../../src/engine/analysis';
import { compileScenario } from '../../src/engine/model/compile';
import { MonteCarlo } from '../../src/engine/model/montecarlo';
import { makeDocument } from '../support/documents';

const doc = makeDocument(
  [
    {
      id: 'a',
      weight: { low: 1, mode: 2, high: 4 },
      start: 40,
      target: { low: 30, mode: 60, high: 90 },
      pace: 0.2,
      volatility: 4
    },
    { id: 'b', direction: -1, weight: 1, start: { low: 20, mode: 40, high: 70 }, target: 55, pace: 0.1, volatility: 6 }
  ],
  {
    horizonMonths: 6,
    interactions: [{ from: 'a', to: 'b', strength: 0.2 }],
    events: [{ id: 'strike', label: { en: 'Strike', ar: '' }, month: 3, factor: 'a', shift: 15, probability: 0.4 }],
    simulation: { runs: 300, seed: 11 }
  }
);

describe('mean contributions', () => {
  const analysis = analyseDocument(doc);
  const mc = analysis.scenarios[0].monteCarlo!;
  const H = doc.horizonMonths;

  it('are the average of each run’s contributions, run by run', () => {
    const m = compileScenario(doc, 0);
    const sums = { a: new Array(H + 1).fill(0), b: new Array(H + 1).fill(0) };
    for (let r = 0; r < 300; r++) {
      // Run r alone (its own stream, whatever else is simulated with it).
      const one = new MonteCarlo(m, { runs: 1, seed: 11, firstRun: r });
      one.advance();
      const c = one.summary().meanContributions;
      for (let t = 0; t <= H; t++) {
        sums.a[t] += c[t * 2];
        sums.b[t] += c[t * 2 + 1];
      }
    }
    for (const id of ['a', 'b'] as const)
      mc.meanContributions![id].forEach((value, t) => expect(value).toBeCloseTo(sums[id][t] / 300, 10));
  });

  it('add up to the mean of T in every month, and differ from the central path’s', () => {
    const m = compileScenario(doc, 0);
    const all = new MonteCarlo(m, { runs: 300, seed: 11 });
    all.advance();
    const tension = all.tensionOfRuns();
    for (let t = 0; t <= H; t++) {
      let mean = 0;
      for (let r = 0; r < 300; r++) mean += tension[t * 300 + r];
      mean /= 300;
      expect(mc.meanContributions!.a[t] + mc.meanContributions!.b[t]).toBeCloseTo(mean, 9);
    }
    expect(mc.meanContributions!.a[H]).not.toBeCloseTo(analysis.scenarios[0].central.contributions.a[H], 3);
  });

  it('are read from a [t·n + i] matrix of totals by seriesByFactor, each divided by the runs (or as given)', () => {
    // Two factors, three months: totals over 4 runs.
    const totals = Float64Array.of(4, 8, 12, 16, 20, 24);
    expect(seriesByFactor(['a', 'b'], totals, (v) => v / 4)).toEqual({ a: [1, 3, 5], b: [2, 4, 6] });
    expect(seriesByFactor(['a', 'b'], totals)).toEqual({ a: [4, 12, 20], b: [8, 16, 24] });
    expect(Object.keys(seriesByFactor(['constructor', 'toString'], totals))).toEqual(['constructor', 'toString']);
  });
});
