// Properties of the model on random documents (fast-check).
import fc from 'fast-check';
import { central } from '../../src/engine/format/central';
import { describe, expect, it } from 'vitest';
import type { MizanDoc } from '../../src/engine/format/schema';
import { compileScenario } from '../../src/engine/model/compile';
import { MonteCarlo, summariseTension } from '../../src/engine/model/montecarlo';
import { centralPath } from '../../src/engine/model/simulate';
import { arbitraryDocument } from '../support/documents';
import { referenceCentralTension } from '../support/referenceModel';

const runAll = (doc: MizanDoc, seed: number, runs = doc.simulation.runs) => {
  const mc = new MonteCarlo(compileScenario(doc, 0), { runs, seed });
  mc.advance();
  return mc;
};

describe('model properties', () => {
  it('the central path equals a plain line-by-line implementation of the spec', () => {
    fc.assert(
      fc.property(arbitraryDocument, (doc) => {
        const fast = centralPath(compileScenario(doc, 0));
        const plain = referenceCentralTension(doc);
        plain.tension.forEach((t, month) => expect(fast.tension[month]).toBeCloseTo(t, 9));
        const n = doc.factors.length;
        plain.levels.forEach((xs, month) => xs.forEach((x, i) => expect(fast.levels[month * n + i]).toBeCloseTo(x, 9)));
      }),
      { numRuns: 300 }
    );
  });

  it('keeps T within 0..100 and contributions adding up to T, central and in every run', () => {
    fc.assert(
      fc.property(arbitraryDocument, (doc) => {
        const m = compileScenario(doc, 0);
        const path = centralPath(m);
        for (let t = 0; t <= m.horizon; t++) {
          expect(path.tension[t]).toBeGreaterThanOrEqual(0);
          expect(path.tension[t]).toBeLessThanOrEqual(100 + 1e-9);
          let sum = 0;
          for (let i = 0; i < m.n; i++) sum += path.contributions[t * m.n + i];
          expect(sum).toBeCloseTo(path.tension[t], 9);
        }
        const s = runAll(doc, doc.simulation.seed).summary();
        for (let t = 0; t <= m.horizon; t++) {
          expect(s.quantiles[5][t]).toBeGreaterThanOrEqual(0);
          expect(s.quantiles[95][t]).toBeLessThanOrEqual(100 + 1e-9);
          let mean = 0;
          for (let i = 0; i < m.n; i++) mean += s.meanContributions[t * m.n + i];
          expect(mean).toBeGreaterThanOrEqual(-1e-9);
          expect(mean).toBeLessThanOrEqual(100 + 1e-9);
        }
      }),
      { numRuns: 150 }
    );
  });

  it('gives the same numbers, bit for bit, for the same seed and a different set for another seed', () => {
    fc.assert(
      fc.property(
        arbitraryDocument.filter((d) => central(d.scenarios[0].factors.f0.volatility) > 1),
        fc.integer({ min: 0, max: 0xffffffff }),
        (doc, seed) => {
          const a = runAll(doc, seed).summary();
          const b = runAll(doc, seed).summary();
          expect(Array.from(b.quantiles[50])).toEqual(Array.from(a.quantiles[50]));
          expect(Array.from(b.meanContributions)).toEqual(Array.from(a.meanContributions));
          const other = runAll(doc, (seed + 1) >>> 0).summary();
          expect(Array.from(other.meanContributions)).not.toEqual(Array.from(a.meanContributions));
        }
      ),
      { numRuns: 60 }
    );
  });

  it('a quick estimate of the first runs is exactly the prefix of the full set', () => {
    fc.assert(
      fc.property(arbitraryDocument, fc.integer({ min: 1, max: 600 }), (doc, quick) => {
        const m = compileScenario(doc, 0);
        const stepwise = new MonteCarlo(m, { runs: 700, seed: 3 });
        stepwise.advance(quick);
        const alone = new MonteCarlo(m, { runs: quick, seed: 3 });
        alone.advance();
        expect(Array.from(stepwise.summary().quantiles[25])).toEqual(Array.from(alone.summary().quantiles[25]));
        stepwise.advance();
        const full = new MonteCarlo(m, { runs: 700, seed: 3 });
        full.advance();
        expect(Array.from(stepwise.summary().quantiles[75])).toEqual(Array.from(full.summary().quantiles[75]));
      }),
      { numRuns: 40 }
    );
  });

  it('raising the start of a tension-raising factor never lowers T(0)', () => {
    fc.assert(
      fc.property(arbitraryDocument, fc.double({ min: 0, max: 100, noNaN: true }), (doc, raise) => {
        const f = doc.factors[0];
        fc.pre(f.direction === 1);
        const before = centralPath(compileScenario(doc, 0)).tension[0];
        const settings = doc.scenarios[0].factors[f.id];
        const start = settings.start;
        settings.start =
          typeof start === 'number'
            ? Math.min(100, start + raise)
            : { ...start, mode: Math.min(start.high, start.mode + raise) };
        const after = centralPath(compileScenario(doc, 0)).tension[0];
        expect(after).toBeGreaterThanOrEqual(before - 1e-12);
      }),
      { numRuns: 200 }
    );
  });
});

describe('chunking', () => {
  it('gives the same numbers, bit for bit, however the runs are split into steps', () => {
    fc.assert(
      fc.property(
        arbitraryDocument,
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 6 }),
        (doc, steps) => {
          const m = compileScenario(doc, 0);
          const whole = new MonteCarlo(m, { runs: 700, seed: 9 });
          whole.advance();
          const stepwise = new MonteCarlo(m, { runs: 700, seed: 9 });
          let until = 0;
          for (const step of steps) stepwise.advance((until += step));
          stepwise.advance();
          const [a, b] = [whole.summary(), stepwise.summary()];
          for (const q of [5, 25, 50, 75, 95] as const)
            expect(Array.from(b.quantiles[q])).toEqual(Array.from(a.quantiles[q]));
          expect(Array.from(b.pCrisisByMonth)).toEqual(Array.from(a.pCrisisByMonth));
          expect(Array.from(b.meanContributions)).toEqual(Array.from(a.meanContributions));
          expect(stepwise.importance()).toEqual(whole.importance());
        }
      ),
      { numRuns: 60 }
    );
  });

  it('gives the same numbers, bit for bit, when the runs are shared out over several simulations and put together', () => {
    fc.assert(
      fc.property(
        arbitraryDocument,
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 4 }),
        (doc, sizes) => {
          const m = compileScenario(doc, 0);
          const total = sizes.reduce((a, b) => a + b, 0);
          const whole = new MonteCarlo(m, { runs: total, seed: 11 });
          whole.advance();
          // Pieces of runs [first, first + size), each its own MonteCarlo (as in separate workers).
          const rows: Float64Array[] = [];
          let first = 0;
          for (const size of sizes) {
            const piece = new MonteCarlo(m, { runs: size, seed: 11, firstRun: first });
            piece.advance();
            rows.push(piece.tensionOfRuns());
            first += size;
          }
          const points = m.horizon + 1;
          const joined = new Float64Array(points * total);
          for (let t = 0; t < points; t++) {
            let at = t * total;
            rows.forEach((row, k) => {
              joined.set(row.subarray(t * sizes[k], (t + 1) * sizes[k]), at);
              at += sizes[k];
            });
          }
          expect(Array.from(joined)).toEqual(Array.from(whole.tensionOfRuns()));
          const [a, b] = [whole.summary(), summariseTension(joined, total, total, m.horizon, m.crisis)];
          for (const q of [5, 25, 50, 75, 95] as const)
            expect(Array.from(b.quantiles[q])).toEqual(Array.from(a.quantiles[q]));
          expect(Array.from(b.pCrisisByMonth)).toEqual(Array.from(a.pCrisisByMonth));
          expect(b.pCrisisEver).toBe(a.pCrisisEver);
          expect(b.histogram).toEqual(a.histogram);
        }
      ),
      { numRuns: 60 }
    );
  });
});
