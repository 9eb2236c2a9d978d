// The analysis as the app, the CLI and the charts read it: each scenario's central series in
// points, the Monte Carlo summary with the document's runs and seed unless told otherwise,
// the tornado and importance it was asked for, and scenarios the model cannot compute set aside.
import { describe, expect, it } from 'vitest';
import {
  analyseDocument,
  analyseScenario,
  analysisWork,
  computableScenarios,
  documentSteps,
  runWork,
  type AnalysisStep
} from '../../src/engine/analysis';
import { compileScenario } from '../../src/engine/model/compile';
import { MonteCarlo } from '../../src/engine/model/montecarlo';
import { ModelProblem } from '../../src/engine/model/problems';
import { tornado } from '../../src/engine/model/sensitivity';
import { makeDocument } from '../support/documents';

/** Two factors, a weight range, a target range and an event: every part of the analysis has something to show. */
const doc = () =>
  makeDocument(
    [
      { id: 'a', weight: { low: 1, mode: 3, high: 5 }, start: 20, target: 60, pace: 0.5, volatility: 4 },
      { id: 'b', direction: -1, start: 30, target: { low: 10, mode: 30, high: 50 }, pace: 0.25 }
    ],
    {
      horizonMonths: 2,
      simulation: { runs: 40, seed: 11 },
      events: [{ id: 'flare', label: { en: 'Flare', ar: '' }, month: 1, factor: 'a', shift: 20, probability: 0.5 }]
    }
  );

describe('analyseDocument', () => {
  it('gives the central series in points: T, each factor’s contribution and level, by month', () => {
    const { scenarios, months } = analyseDocument(doc(), { runs: 0 });
    expect(months).toEqual(['2024-10', '2024-11', '2024-12']);
    const { central } = scenarios[0];
    // Month 0: a = 20, b = 30 lowering (1 − 0.3 = 0.7); T = 100·(3·0.2 + 1·0.7)/4 = 32.5.
    // Month 1: a = 0.2 + ½·0.4 + 0.5·0.2 = 0.5, b = 0.3: T = 100·(1.5 + 0.7)/4 = 55.
    // Month 2: a = 0.5 + ½·0.1 = 0.55: T = 100·(1.65 + 0.7)/4 = 58.75.
    expect(central.tension.map((t) => +t.toFixed(10))).toEqual([32.5, 55, 58.75]);
    expect(central.factors.a.map((x) => +x.toFixed(10))).toEqual([20, 50, 55]);
    expect(central.factors.b.map((x) => +x.toFixed(10))).toEqual([30, 30, 30]);
    expect(central.contributions.a.map((c) => +c.toFixed(10))).toEqual([15, 37.5, 41.25]);
    expect(central.contributions.b.map((c) => +c.toFixed(10))).toEqual([17.5, 17.5, 17.5]);
  });

  it('runs the document’s runs with its seed unless told otherwise, and reports which', () => {
    const d = doc();
    const summary = (runs: number, seed: number) => {
      const mc = new MonteCarlo(compileScenario(d, 0), { runs, seed });
      mc.advance();
      return mc.summary();
    };
    const byDefault = analyseDocument(d);
    expect([byDefault.runs, byDefault.seed]).toEqual([40, 11]);
    const own = summary(40, 11);
    const mc = byDefault.scenarios[0].monteCarlo!;
    expect(mc.pCrisisByMonth).toEqual(Array.from(own.pCrisisByMonth));
    expect(mc.pCrisisEver).toBe(own.pCrisisEver);
    expect(mc.histogram).toEqual(own.histogram);
    for (const q of ['5', '25', '50', '75', '95'] as const)
      expect(mc.quantiles[q]).toEqual(Array.from(own.quantiles[Number(q) as 5 | 25 | 50 | 75 | 95]));
    expect(mc.quantiles['5'][2]).toBeLessThan(mc.quantiles['95'][2]);

    const told = analyseDocument(d, { runs: 25, seed: 3 });
    expect([told.runs, told.seed]).toEqual([25, 3]);
    expect(told.scenarios[0].monteCarlo!.quantiles['50']).toEqual(Array.from(summary(25, 3).quantiles[50]));
  });

  it('leaves out the Monte Carlo and the importance with no runs, and the importance when not asked for', () => {
    const none = analyseDocument(doc(), { runs: 0 }).scenarios[0];
    expect(none.monteCarlo).toBeNull();
    expect(none.importance).toEqual([]);
    const ranked = analyseDocument(doc()).scenarios[0];
    expect(ranked.importance.map((e) => e.input).sort()).toEqual(['event:flare', 'target:base:b', 'weight:a']);
    const unranked = analyseDocument(doc(), { importance: false }).scenarios[0];
    expect(unranked.importance).toEqual([]);
    expect(unranked.monteCarlo).toEqual(ranked.monteCarlo);
  });

  it('measures the tornado as asked: T(H) by default, the peak when told', () => {
    // T falls from 80 towards 10–30: the peak is T(0) at both ends, T(H) is not.
    const d = makeDocument([{ id: 'a', start: 80, target: { low: 10, mode: 20, high: 30 }, pace: 0.5 }], {
      horizonMonths: 3
    });
    const m = compileScenario(d, 0);
    expect(analyseDocument(d, { runs: 0 }).scenarios[0].tornado).toEqual(tornado(m, 'final'));
    expect(analyseDocument(d, { runs: 0, tornadoMetric: 'peak' }).scenarios[0].tornado).toEqual(tornado(m, 'peak'));
    expect(tornado(m, 'peak')).not.toEqual(tornado(m, 'final'));
  });
});

describe('analyseScenario', () => {
  it('is the scenario of that index in the whole analysis, with the same options (the report analyses one at a time)', () => {
    const d = doc();
    d.scenarios.push({ ...structuredClone(d.scenarios[0]), id: 'other', weights: { a: 1 } });
    const options = { runs: 30, importance: false };
    const one = analyseScenario(d, 1, options);
    expect(one.id).toBe('other');
    expect(one).toEqual(analyseDocument(d, options).scenarios[1]);
  });
});

describe('documentSteps', () => {
  it('advances at least one run per step, however small the chunk', () => {
    const steps: AnalysisStep[] = [];
    const run = documentSteps(doc(), { runs: 3, importance: false }, 0.5);
    for (let next = run.next(); !next.done; next = run.next()) steps.push(next.value);
    expect(steps.map((s) => s.runsDone)).toEqual([1, 2, 3]);
  });

  it('yields after each ranked input when chunked, and not at all in one go', () => {
    const chunked: AnalysisStep[] = [];
    const run = documentSteps(doc(), { runs: 10 }, 10);
    for (let next = run.next(); !next.done; next = run.next()) chunked.push(next.value);
    expect(chunked.map((s) => [s.runsDone, s.ranked, s.inputs])).toEqual([
      [10, undefined, undefined],
      [10, 1, 3],
      [10, 2, 3],
      [10, 3, 3]
    ]);
    const whole = documentSteps(doc(), { runs: 10 });
    const first = whole.next();
    expect(first.value).toMatchObject({ runsDone: 10, runs: 10 });
    expect(whole.next().done).toBe(true);
  });
});

describe('runWork and analysisWork', () => {
  it('count a target range as a sampled input, nothing for a scenario that does not exist, and the document’s runs by default', () => {
    const d = doc();
    // 2 × 2 factor-months + 1 event + 20 × (weight a, target b, event).
    expect(runWork(d, 0)).toBe(4 + 1 + 60);
    expect(runWork(d, 1)).toBe(0);
    expect(analysisWork(d)).toBe(40 * 65);
  });
});

describe('computableScenarios', () => {
  it('sets aside a scenario with every weight zero, naming where and why, and keeps the others in order', () => {
    const d = doc();
    d.scenarios.push({ ...structuredClone(d.scenarios[0]), id: 'zero', weights: { a: 0, b: 0 } });
    d.scenarios.push({ ...structuredClone(d.scenarios[0]), id: 'third' });
    const { scenarios, problems } = computableScenarios(d, (index) => compileScenario(d, index).id);
    expect(scenarios).toEqual(['base', 'third']);
    expect(problems).toEqual([
      {
        id: 'zero',
        name: d.scenarios[1].name,
        path: 'scenarios[1].weights',
        problem: 'all factor weights are zero, so the tension index is not defined',
        zeroWeights: true
      }
    ]);
  });

  it('tells another model problem from zero weights, and lets a programming error through', () => {
    const d = doc();
    const problem = computableScenarios(d, () => {
      throw new ModelProblem('scenarios[0].events[0].month', 'must be a month from 1 to 2');
    });
    expect(problem.problems).toMatchObject([{ path: 'scenarios[0].events[0].month', zeroWeights: false }]);
    expect(() =>
      computableScenarios(d, () => {
        throw new TypeError('a bug');
      })
    ).toThrow(TypeError);
  });
});
