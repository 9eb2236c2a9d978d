// Latin hypercube sampling and correlated ranges (src/engine/model/design.ts): each range
// stratified over the runs, the file's rank correlations reached with the marginals untouched,
// and a run the same whichever MonteCarlo (a piece of the set, a quick estimate) simulates it.
import { describe, expect, it } from 'vitest';
import type { MizanDoc } from '../../src/engine/format/schema';
import { compileScenario } from '../../src/engine/model/compile';
import { runDesign, strata } from '../../src/engine/model/design';
import { MonteCarlo, runInputs } from '../../src/engine/model/montecarlo';
import { averageRanks, spearman } from '../../src/engine/model/stats';
import { rangeValue } from '../../src/engine/random/streams';
import { makeDocument } from '../support/documents';

const doc = (extra: Partial<MizanDoc['simulation']> = {}, correlations?: MizanDoc['scenarios'][0]['correlations']) => {
  const d = makeDocument(
    [
      {
        id: 'a',
        start: { low: 10, mode: 30, high: 60 },
        target: { low: 20, mode: 50, high: 90, shape: 'pert' },
        pace: 0.2,
        volatility: 2
      },
      { id: 'b', weight: { low: 1, mode: 3, high: 5 }, target: { low: 0, mode: 40, high: 100 }, pace: 0.1 }
    ],
    { simulation: { runs: 1000, seed: 17, ...extra } }
  );
  if (correlations) d.scenarios[0].correlations = correlations;
  return d;
};

/** The column of input k of a design of `runs` runs. */
const column = (design: Float64Array, k: number, runs: number) => design.slice(k * runs, (k + 1) * runs);

describe('Latin hypercube sampling', () => {
  it('puts exactly one run in each of the n strata of every range', () => {
    const m = compileScenario(doc({ sampling: 'latin-hypercube' }), 0);
    const runs = 500;
    const design = runDesign(m, 17, runs);
    m.uncertain.forEach((input, k) => {
      // Each value's stratum, read back through the inverse CDF: the values, sorted, lie one per stratum.
      const sorted = column(design, k, runs).sort();
      sorted.forEach((value, s) => {
        expect(value).toBeGreaterThanOrEqual(rangeValue(s / runs, input) - 1e-9);
        expect(value).toBeLessThanOrEqual(rangeValue(Math.min((s + 1) / runs, 1 - 1e-12), input) + 1e-9);
      });
    });
  });

  it('uses a permutation of the strata for each range, different between ranges and seeds', () => {
    const p = strata(17, 0, 100);
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect([...strata(17, 1, 100)]).not.toEqual([...p]);
    expect([...strata(18, 0, 100)]).not.toEqual([...p]);
    expect([...strata(17, 0, 100)]).toEqual([...p]);
  });

  it('gives the mean of a range far closer to its true mean than random sampling does, at the same runs', () => {
    const exact = (0 + 40 + 100) / 3; // triangular {0, 40, 100}
    const error = (sampling: 'random' | 'latin-hypercube') => {
      const m = compileScenario(doc({ sampling }), 0);
      const k = m.uncertain.findIndex((u) => u.key.startsWith('target:') && u.factor === 1);
      const values = column(runDesignOrDraws(m, 200), k, 200);
      return Math.abs(values.reduce((a, b) => a + b, 0) / 200 - exact);
    };
    expect(error('latin-hypercube')).toBeLessThan(0.05);
    expect(error('random')).toBeGreaterThan(error('latin-hypercube'));
  });
});

describe('runInputs without the size of the set', () => {
  it('takes run r of a design as run r of a set of r + 1 runs', () => {
    const m = compileScenario(
      makeDocument([{ id: 'a', start: { low: 10, mode: 30, high: 60 }, target: 50, pace: 0.2 }], {
        simulation: { runs: 100, seed: 17, sampling: 'latin-hypercube' }
      }),
      0
    );
    for (const r of [0, 1, 7]) expect(Array.from(runInputs(m, 17, r))).toEqual(Array.from(runInputs(m, 17, r, r + 1)));
    expect(Number.isFinite(runInputs(m, 17, 0)[0])).toBe(true);
  });
});

/** The ranges of runs 0 … runs − 1 as the Monte Carlo uses them. */
function runDesignOrDraws(m: ReturnType<typeof compileScenario>, runs: number): Float64Array {
  const out = new Float64Array(m.uncertain.length * runs);
  for (let r = 0; r < runs; r++) {
    const inputs = runInputs(m, 17, r, runs);
    for (let k = 0; k < m.uncertain.length; k++) out[k * runs + r] = inputs[k];
  }
  return out;
}

describe('correlated ranges', () => {
  it('reach the rank correlation asked for, and keep each range’s values exactly', () => {
    const runs = 2000;
    const plain = compileScenario(doc({ runs }), 0);
    const correlated = compileScenario(doc({ runs }, [{ between: ['a.target', 'b.target'], rank: 0.7 }]), 0);
    const [ka, kb] = ['target:base:a', 'target:base:b'].map((key) =>
      correlated.uncertain.findIndex((u) => u.key === key)
    );
    const before = runDesignOrDraws(plain, runs);
    const after = runDesign(correlated, 17, runs);
    const rho = spearman(averageRanks(column(after, ka, runs)), averageRanks(column(after, kb, runs)));
    expect(rho).toBeGreaterThan(0.67);
    expect(rho).toBeLessThan(0.73);
    for (let k = 0; k < correlated.uncertain.length; k++)
      expect([...column(after, k, runs)].sort((x, y) => x - y)).toEqual(
        [...column(before, k, runs)].sort((x, y) => x - y)
      );
    // The ranges not named keep their values in their runs.
    const other = correlated.uncertain.findIndex((u) => u.key === 'weight:b');
    expect([...column(after, other, runs)]).toEqual([...column(before, other, runs)]);
  });

  it('change neither the events nor the noise of a run', () => {
    const d = doc({}, [{ between: ['a.start', 'b.weight'], rank: -0.5 }]);
    d.scenarios[0].events = [
      { id: 'e', label: { en: 'e', ar: '' }, month: 2, factor: 'a', shift: 10, probability: 0.5 }
    ];
    const plain = structuredClone(d);
    delete plain.scenarios[0].correlations;
    const [m1, m0] = [compileScenario(d, 0), compileScenario(plain, 0)];
    for (let r = 0; r < 100; r++) expect(runInputs(m1, 17, r, 1000).at(-1)).toBe(runInputs(m0, 17, r, 1000).at(-1));
  });
});

describe('a design shared out', () => {
  it.each([
    ['latin-hypercube', undefined],
    ['random', [{ between: ['a.start', 'a.target'], rank: 0.4 }]]
  ] as const)('gives each run the same T whichever piece simulates it (%s)', (sampling, correlations) => {
    const m = compileScenario(
      doc(
        { sampling, runs: 600 },
        correlations
          ? correlations.map((c) => ({ between: [...c.between] as [string, string], rank: c.rank }))
          : undefined
      ),
      0
    );
    const whole = new MonteCarlo(m, { runs: 600, seed: 17 });
    whole.advance();
    const first = new MonteCarlo(m, { runs: 250, seed: 17, totalRuns: 600 });
    const second = new MonteCarlo(m, { runs: 350, seed: 17, firstRun: 250, totalRuns: 600 });
    first.advance();
    second.advance();
    const all = whole.tensionOfRuns();
    const [a, b] = [first.tensionOfRuns(), second.tensionOfRuns()];
    const H = m.horizon;
    for (let r = 0; r < 250; r++) expect(a[H * 250 + r]).toBe(all[H * 600 + r]);
    for (let r = 0; r < 350; r++) expect(b[H * 350 + r]).toBe(all[H * 600 + 250 + r]);
    // A quick estimate of the first runs is the same runs of the whole set.
    const quick = new MonteCarlo(m, { runs: 600, seed: 17 });
    quick.advance(100);
    expect(quick.summary().runs).toBe(100);
    expect(quick.tensionOfRuns().subarray(H * 100, H * 100 + 100)).toEqual(all.subarray(H * 600, H * 600 + 100));
  });
});
