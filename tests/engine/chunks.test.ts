// The analysis in steps (what the command line runs, to show progress and stop on Ctrl+C) is the
// analysis in one call, bit for bit, whatever the size of the steps.
import { describe, expect, it } from 'vitest';
import { analyseDocument, analysisWork, documentSteps, runWork } from '../../src/engine/analysis';
import { monteCarloWorkload } from '../../bench/workloads';
import { makeDocument } from '../support/documents';
import { drain } from '../support/steps';

describe('documentSteps', () => {
  const doc = { ...monteCarloWorkload(), simulation: { runs: 1000, seed: 99 } };
  doc.scenarios = [doc.scenarios[0], { ...doc.scenarios[0], id: 'second', weights: { f1: 9 } }];
  // Computed on first use rather than when the file loads, so that a mutation run knows which
  // tests reach the engine (code run at load counts as reached by every test).
  let analysed: ReturnType<typeof analyseDocument> | undefined;
  const whole = () => (analysed ??= analyseDocument(doc));

  it.each([1, 37, 256, 300, 999, 1000, 5000])('in chunks of %i runs gives the same analysis, bit for bit', (chunk) => {
    const { result, steps } = drain(documentSteps(doc, {}, chunk));
    expect(result).toStrictEqual(whole());
    expect(JSON.stringify(result)).toBe(JSON.stringify(whole()));
    // Runs go up in chunks of `chunk` in each scenario, and end at 1000.
    const runs = steps.filter((s) => s.scenario === 1).map((s) => s.runsDone);
    expect(runs.slice(0, 2)).toEqual([Math.min(chunk, 1000), Math.min(2 * chunk, 1000)]);
    expect(runs.at(-1)).toBe(1000);
    expect(steps.map((s) => s.scenarioId)).toContain('second');
  });

  it('with other runs and seed, and without importance, as analyseDocument with the same options', () => {
    const options = { runs: 640, seed: 3, importance: false };
    expect(drain(documentSteps(doc, options, 100)).result).toStrictEqual(analyseDocument(doc, options));
  });
});

describe('runWork', () => {
  it('counts factor-months, interactions at a ninth, one per event and 20 per sampled input', () => {
    const doc = makeDocument(
      [
        { id: 'a', weight: { low: 1, mode: 2, high: 3 }, start: 40 },
        { id: 'b', start: { low: 10, mode: 20, high: 30 } }
      ],
      {
        horizonMonths: 12,
        interactions: Array.from({ length: 9 }, (_, k) => ({
          from: k % 2 ? 'a' : 'b',
          to: k % 2 ? 'b' : 'a',
          strength: 0.1
        })),
        events: [{ id: 'e', label: { en: 'e', ar: '' }, month: 2, factor: 'a', shift: 5, probability: 0.5 }]
      }
    );
    // 12 × (2 + 9/9) + 1 × 1 + 20 × (1 weight + 1 start + 1 event)
    expect(runWork(doc, 0)).toBe(36 + 1 + 60);
    expect(analysisWork(doc, 1000)).toBe(97_000);
    // A scenario override replaces the factor's range by a plain number: one input fewer.
    doc.scenarios[0].weights = { a: 2 };
    expect(runWork(doc, 0)).toBe(36 + 1 + 40);
  });
});
