// The streamed Monte Carlo (streamed.ts, quantileCells.ts): bounded memory, and the in-memory
// Monte Carlo's results bit for bit (Object.is on every number), whatever the windows, the chunks
// and the passes the importance's inputs need.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseDocument, documentSteps, type AnalysisStep } from '../../src/engine/analysis';
import { compileScenario } from '../../src/engine/model/compile';
import { MonteCarlo, summaryLevels } from '../../src/engine/model/montecarlo';
import { QuantileCells } from '../../src/engine/model/quantileCells';
import { quantilesOf } from '../../src/engine/model/stats';
import {
  inputGroups,
  keptRunBytes,
  streamedMonteCarlo,
  type StreamedOptions,
  type StreamedStep
} from '../../src/engine/model/streamed';
import { runToEnd } from '../../src/engine/steps';
import { monteCarloWorkload } from '../../bench/workloads';
import { arbitraryDocument, arbitraryFeatures, makeDocument, withModelFeatures } from '../support/documents';
import { drain } from '../support/steps';

/** Every number of two results, compared with Object.is (a −0 for a +0 fails), and their shapes. */
function expectSameNumbers(actual: unknown, expected: unknown, path = ''): void {
  if (typeof expected === 'number') {
    expect(Object.is(actual, expected), `${path}: ${String(actual)} is not ${expected}`).toBe(true);
  } else if (expected instanceof Float64Array || Array.isArray(expected)) {
    expect((actual as ArrayLike<number>).length, `${path}.length`).toBe(expected.length);
    Array.from(expected as ArrayLike<unknown>).forEach((value, k) =>
      expectSameNumbers((actual as ArrayLike<unknown>)[k], value, `${path}[${k}]`)
    );
  } else if (typeof expected === 'object' && expected !== null) {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected))
      expectSameNumbers((actual as never)[key], value, `${path}.${key}`);
  } else expect(actual, path).toBe(expected);
}

/** Values with ties and point masses (a share pinned at 0, 100 or one value), in [0, 100] as T is. */
const arbitraryValues = fc
  .tuple(
    fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 400 }),
    fc.array(fc.constantFrom(0, 100, 37.5), { maxLength: 300 }),
    fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 100 })
  )
  .chain(([spread, pinned, few]) =>
    fc.shuffledSubarray([...spread, ...pinned, ...few.map((k) => 40 + k / 1000)], {
      minLength: spread.length + pinned.length + few.length
    })
  )
  .map((values) => Float64Array.from(values));

describe('QuantileCells', () => {
  /** The quantiles of `values` at `levels` from cells fed block by block (a second pass only when plan() asks). */
  function cellQuantiles(
    values: Float64Array,
    pilot: Float64Array,
    levels: number[],
    blocks: number[],
    margin?: number
  ) {
    const cells = new QuantileCells(pilot, levels, values.length, margin);
    const inBlocks = (each: (block: Float64Array) => void) => {
      for (let at = 0, k = 0; at < values.length; at += blocks[k++ % blocks.length])
        each(values.subarray(at, at + blocks[k % blocks.length]));
    };
    inBlocks((block) => cells.count(block));
    const again = cells.plan();
    if (again) inBlocks((block) => cells.keep(block));
    return { quantiles: cells.quantiles(), again, cells };
  }

  it('gives quantilesOf’s quantiles bit for bit, whatever the pilot, the blocks and the margin, with a second pass or without', () => {
    const seen = { again: 0, once: 0 };
    fc.assert(
      fc.property(
        arbitraryValues,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
        fc.constantFrom(0, 0, 1, 8),
        (values, pilotShare, blocks, more, margin) => {
          const n = values.length;
          const levels = [...summaryLevels(n), ...more, 0, 1];
          const pilot = values.subarray(0, Math.max(1, Math.floor(pilotShare * n)));
          const { quantiles, again } = cellQuantiles(values, pilot, levels, blocks, margin);
          seen[again ? 'again' : 'once']++;
          expectSameNumbers(quantiles, quantilesOf(values, levels));
        }
      ),
      { numRuns: 300 }
    );
    expect(Math.min(seen.again, seen.once)).toBeGreaterThan(0);
  });

  it('takes an empty block in its stride, and a pilot of one value, or of values all equal', () => {
    const values = Float64Array.from({ length: 400 }, (_, k) => (k % 3 === 0 ? 50 : k / 4));
    const levels = summaryLevels(400);
    // A pilot of the first 40: most values fall between its edges, in cells that must be kept.
    const cells = new QuantileCells(values.subarray(0, 40), levels, 400);
    cells.count(new Float64Array());
    cells.count(values);
    // Nothing let go for an empty block: the whole first pass kept what the quantiles need.
    expect(cells.plan()).toBe(false);
    expectSameNumbers(cells.quantiles(), quantilesOf(values, levels));
    for (const pilot of [values.subarray(1, 2), new Float64Array(10).fill(50)])
      expectSameNumbers(cellQuantiles(values, pilot, levels, [100]).quantiles, quantilesOf(values, levels));
    const equal = new Float64Array(300).fill(12.5);
    expectSameNumbers(cellQuantiles(equal, equal.subarray(0, 9), levels, [64]).quantiles, quantilesOf(equal, levels));
  });

  it('finds the cells of values whose spread is too small (subnormal) for slots', () => {
    const values = Float64Array.from({ length: 300 }, (_, k) => (k % 7) * 5e-324);
    const levels = summaryLevels(300);
    expectSameNumbers(
      cellQuantiles(values, values.subarray(0, 20), levels, [64]).quantiles,
      quantilesOf(values, levels)
    );
  });

  it('holds only the values near the levels, and none of a value the pilot holds often', () => {
    // 200 000 values, a fifth pinned at 100, the rest spread evenly below it, in windows of 8 192.
    const n = 200_000;
    const values = Float64Array.from({ length: n }, (_, k) => (k % 5 === 0 ? 100 : ((k * 7919) % n) / 2000));
    const levels = summaryLevels(n);
    const { quantiles, again, cells } = cellQuantiles(values, values.subarray(0, 8192), levels, [8192]);
    expect(again).toBe(false);
    // The levels' reach at 200 000 values: about 8 · √(p(1 − p) / n) each side, a few per cent in all.
    expect(cells.heldValues).toBeGreaterThan(100);
    expect(cells.heldValues).toBeLessThan(0.08 * n);
    expectSameNumbers(quantiles, quantilesOf(values, levels));
    // The 95th percentile is the pinned 100, an edge: with it alone nothing is held.
    const top = cellQuantiles(values, values.subarray(0, 8192), [0.95], [8192]);
    expect(top.cells.heldValues).toBe(0);
    expect(top.quantiles).toEqual([100]);
  });

  it('says when it is used out of order, or the passes do not see the values it was told of', () => {
    expect(() => new QuantileCells(new Float64Array(), [0.5], 1)).toThrow(/at least one value/);
    const values = Float64Array.from({ length: 50 }, (_, k) => k);
    // A pilot of the 5 smallest, and no margin: after the first 10 values (0 to 9), the 40th
    // percentile lies between the edges 3 and 4, and the cell above the pilot, where it is among
    // all 50, is let go.
    const cells = new QuantileCells(values.subarray(0, 5), [0.4], 50, 0);
    expect(() => cells.keep(values)).toThrow(/plan\(\) comes between/);
    expect(() => cells.quantiles()).toThrow(/after count\(\) and plan\(\)/);
    cells.count(values.subarray(0, 10));
    cells.count(values.subarray(10));
    expect(cells.heldValues).toBe(0);
    expect(cells.plan()).toBe(true);
    // The second pass holds the 45 values above the pilot (5 to 49).
    expect(cells.heldValues).toBe(45);
    expect(() => cells.count(values)).toThrow(/already counted/);
    cells.keep(values.subarray(0, 10));
    expect(() => cells.quantiles()).toThrow(/did not see the values/);
    const short = new QuantileCells(values, [0.5], 60);
    short.count(values);
    expect(() => short.plan()).toThrow(/counted 50 values of 60/);
  });
});

describe('a MonteCarlo with a window', () => {
  it('stops at the window’s end, keeps only its runs, and draws the same inputs without simulating', () => {
    const m = compileScenario(monteCarloWorkload(), 0);
    const whole = new MonteCarlo(m, { runs: 700, seed: 9 });
    whole.advance();
    const windowed = new MonteCarlo(m, { runs: 700, seed: 9, window: 300 });
    windowed.advance();
    expect([windowed.runsDone, windowed.keptRuns]).toEqual([300, 300]);
    windowed.nextWindow();
    windowed.advance(650);
    expect([windowed.runsDone, windowed.keptRuns]).toEqual([600, 300]);
    windowed.nextWindow();
    windowed.advance(650);
    expect([windowed.runsDone, windowed.keptRuns]).toEqual([650, 50]);
    const drawn = new MonteCarlo(m, { runs: 700, seed: 9, window: 300, observedLevels: [{ factor: 0, month: 3 }] });
    drawn.drawInputsOnly();
    drawn.nextWindow();
    drawn.drawInputsOnly();
    expect([drawn.runsDone, drawn.keptRuns]).toEqual([600, 300]);
    expect(windowed.tensionInMonth(m.horizon)).toEqual(whole.tensionInMonth(m.horizon).subarray(600, 650));
    for (let k = 0; k < m.uncertain.length; k++) {
      expect(windowed.sampledInput(k)).toEqual(whole.sampledInput(k).subarray(600, 650));
      expect(drawn.sampledInput(k)).toEqual(whole.sampledInput(k).subarray(300, 600));
    }
    m.eventIds.forEach((_, e) => expect(drawn.eventFired(e)).toEqual(whole.eventFired(e).subarray(300, 600)));
    expect(m.uncertain.length + m.eventIds.length).toBeGreaterThan(0);
    // Drawing only simulates nothing: no contributions added up.
    expect(drawn.contributionTotals().every((total) => total === 0)).toBe(true);
    expect(drawn.observedLevel(0).every((level) => level === 0)).toBe(true);
    expect(() => windowed.summary()).toThrow(/every run kept/);
  });
});

describe('inputGroups', () => {
  it('puts as many inputs in a pass as the memory holds, a range at 8 bytes a run and an event at 1, at least one a pass', () => {
    const doc = makeDocument(
      [
        { id: 'a', weight: { low: 1, mode: 2, high: 3 }, start: { low: 10, mode: 20, high: 30 } },
        { id: 'b', target: { low: 10, mode: 20, high: 30 } }
      ],
      {
        events: ['e1', 'e2', 'e3'].map((id) => ({
          id,
          label: { en: id, ar: '' },
          month: 1,
          factor: 'a',
          shift: 5,
          probability: 0.5
        }))
      }
    );
    const m = compileScenario(doc, 0);
    expect(m.uncertain.length).toBe(3);
    expect(inputGroups(m, 100, 1600)).toEqual([
      [0, 1],
      [2, 3, 4, 5]
    ]);
    expect(inputGroups(m, 100, 1000)).toEqual([[0], [1], [2, 3, 4], [5]]);
    expect(inputGroups(m, 100, 1)).toEqual([[0], [1], [2], [3], [4], [5]]);
    expect(keptRunBytes(m, 100)).toBe(100 * (8 * (doc.horizonMonths + 1) + 8 * 3 + 3));
  });
});

describe('streamedMonteCarlo', () => {
  it('gives the in-memory Monte Carlo’s summary and importance bit for bit, for random documents, windows, chunks and passes', () => {
    // What the cases covered: several windows, more than two passes, a design.
    const seen = { windows: 0, passes: 0, designs: 0 };
    fc.assert(
      fc.property(
        arbitraryDocument,
        arbitraryFeatures,
        fc.integer({ min: 1, max: 900 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom(0, 8),
        (base, features, runs, window, chunkRuns, inputsPerPass, cellMargin) => {
          const doc = withModelFeatures(base, features);
          const m = compileScenario(doc, 0);
          const seed = doc.simulation.seed;
          const mc = new MonteCarlo(m, { runs, seed });
          mc.advance();
          const options: StreamedOptions = {
            runs,
            seed,
            window,
            chunkRuns,
            inputBytes: inputsPerPass * 8 * runs,
            cellMargin
          };
          const { result, steps } = drain(streamedMonteCarlo(m, options));
          expectSameNumbers(result.summary, mc.summary());
          expect(result.importance).toStrictEqual(mc.importance());
          // One pass a group of inputs, or two when a second simulation keeps what the cells let go.
          const groups = inputGroups(m, runs, options.inputBytes!).length;
          const passes = steps.at(-1)!.passes;
          expect(passes === Math.max(1, groups) || (passes === 2 && groups < 2)).toBe(true);
          expect(new Set(steps.map((s) => s.pass))).toEqual(new Set(Array.from({ length: passes }, (_, k) => k + 1)));
          if (runs > window) seen.windows++;
          if (groups > 2) seen.passes++;
          if (features.latinHypercube) seen.designs++;
          // No pause covers more runs than a chunk, nor more than a window's.
          const runsSteps = steps.filter((s) => s.ranked === undefined);
          runsSteps.forEach((s, k) => {
            const before = k > 0 && runsSteps[k - 1].pass === s.pass ? runsSteps[k - 1].runsDone : 0;
            expect(s.runsDone - before).toBeLessThanOrEqual(Math.min(chunkRuns, window));
            expect(s.runsDone).toBeGreaterThan(before);
          });
        }
      ),
      { numRuns: 80 }
    );
    expect(Math.min(seen.windows, seen.passes, seen.designs)).toBeGreaterThan(5);
  });

  it('without the importance simulates once, or twice when the cells let go of values too soon, and ranks nothing', () => {
    const m = compileScenario(monteCarloWorkload(), 0);
    const mc = new MonteCarlo(m, { runs: 600, seed: 5 });
    mc.advance();
    const once = drain(streamedMonteCarlo(m, { runs: 600, seed: 5, importance: false, window: 256 }));
    expect(once.result.importance).toEqual([]);
    expect(once.steps.map((s) => [s.pass, s.passes, s.runsDone])).toEqual([
      [1, 1, 256],
      [1, 1, 512],
      [1, 1, 600]
    ]);
    expectSameNumbers(once.result.summary, mc.summary());
    const twice = drain(streamedMonteCarlo(m, { runs: 600, seed: 5, importance: false, window: 256, cellMargin: 0 }));
    expect(twice.steps.map((s) => [s.pass, s.passes, s.runsDone])).toEqual([
      [1, 1, 256],
      [1, 1, 512],
      [1, 1, 600],
      [2, 2, 256],
      [2, 2, 512],
      [2, 2, 600]
    ]);
    expectSameNumbers(twice.result.summary, mc.summary());
  });

  it('refuses no runs', () => {
    const m = compileScenario(monteCarloWorkload(), 0);
    expect(() => runToEnd(streamedMonteCarlo(m, { runs: 0, seed: 1 }))).toThrow(/at least one run/);
  });
});

describe('an analysis whose runs would take more memory than streamAbove', () => {
  const doc = { ...monteCarloWorkload(), simulation: { runs: 1500, seed: 17 } };

  it('is streamed, in passes the steps name, with the same results as in memory', () => {
    const inMemory = analyseDocument(doc);
    const bytes = keptRunBytes(compileScenario(doc, 0), 1500);
    const { result, steps } = drain<AnalysisStep, ReturnType<typeof analyseDocument>>(
      documentSteps(doc, { streamAbove: bytes - 1 }, 500)
    );
    expectSameNumbers(JSON.parse(JSON.stringify(result)), JSON.parse(JSON.stringify(inMemory)));
    expect(result.scenarios[0].importance).toStrictEqual(inMemory.scenarios[0].importance);
    expect(steps.some((s) => s.pass === 1 && s.runsDone === 1500)).toBe(true);
    // At exactly the limit the runs are kept: no passes.
    const kept = drain(documentSteps(doc, { streamAbove: bytes }, 500)).steps;
    expect(kept.every((s) => s.pass === undefined)).toBe(true);
  });

  it('keeps its runs when the document has observations (the tracking reads every run)', () => {
    const tracked = {
      ...doc,
      observations: [{ id: 'o1', month: '2024-12', kind: 'index' as const, value: 40, uncertainty: 10 }]
    };
    const steps = drain(documentSteps(tracked, { streamAbove: 0 }, 500)).steps;
    expect(steps.every((s) => s.pass === undefined)).toBe(true);
  });
});

describe('a streamed step', () => {
  it('has the fields of a step of the runs or of the ranking', () => {
    const m = compileScenario(monteCarloWorkload(), 0);
    const steps: StreamedStep[] = drain(streamedMonteCarlo(m, { runs: 300, seed: 2, window: 300 })).steps;
    const ranking = steps.filter((s) => s.ranked !== undefined);
    expect(ranking.length).toBeGreaterThan(0);
    ranking.forEach((s) => expect(s).toMatchObject({ runsDone: 300, inputs: m.uncertain.length + m.eventIds.length }));
    // Inputs ranked so far: up by one or more (an input that did not vary is passed over) to at most all of them.
    const ranked = ranking.map((s) => s.ranked!);
    ranked.forEach((r, k) => expect(r).toBeGreaterThan(k > 0 ? ranked[k - 1] : 0));
    expect(ranked.at(-1)).toBeLessThanOrEqual(m.uncertain.length + m.eventIds.length);
  });
});
