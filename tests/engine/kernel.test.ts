// The WebAssembly kernel (kernel/simulate.ts) against the JavaScript one (drawRunInputs and
// simulateBatch): the same numbers, bit for bit (Object.is: a −0 for a +0 fails), for random
// documents with every feature the kernel branches on — links, pulse and target events, conditions,
// ranges of pace, volatility and link strength, kept levels; PERT ranges and Latin hypercube
// designs, whose draws stay JavaScript's — and for runs that start and end at odd lanes, in uneven steps.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MizanDoc } from '../../src/engine/format/schema';
import { compileScenario } from '../../src/engine/model/compile';
import { WasmKernel } from '../../src/engine/model/kernel';
import { webAssembly } from '../../src/engine/model/wasmModule';
import { MonteCarlo, type MonteCarloOptions } from '../../src/engine/model/montecarlo';
import { arbitraryDocument, arbitraryFeatures, makeDocument, withModelFeatures } from '../support/documents';

const same = (a: ArrayLike<number>, b: ArrayLike<number>): boolean =>
  a.length === b.length && Array.from(a).every((value, k) => Object.is(value, b[k]));

/** Runs `body` while every new WebAssembly.Instance throws `error`, then puts the constructor back. */
function whileInstancesThrow<T>(error: Error, body: () => T): T {
  const api = webAssembly()!;
  const { Instance } = api;
  const set = (value: unknown) => Object.defineProperty(api, 'Instance', { configurable: true, writable: true, value });
  set(function throwing() {
    throw error;
  });
  try {
    return body();
  } finally {
    set(Instance);
  }
}

function bothKernels(doc: MizanDoc, options: MonteCarloOptions, step: number) {
  const m = compileScenario(doc, 0);
  const wasm = new MonteCarlo(m, options);
  const js = new MonteCarlo(m, { ...options, javascriptKernel: true });
  wasm.advance(step);
  wasm.advance();
  js.advance();
  return { m, wasm, js };
}

describe('the WebAssembly kernel', () => {
  it('is compiled here (else every test below would compare the JavaScript kernel with itself), and draws triangular ranges', () => {
    const m = compileScenario(sampleDocument(), 0);
    expect(WasmKernel.create(m, 256, false)?.drawsInputs).toBe(true);
    const pert = sampleDocument();
    pert.factors[2].weight = { low: 1, mode: 2, high: 5, shape: 'pert' };
    expect(WasmKernel.create(compileScenario(pert, 0), 256, false)?.drawsInputs).toBe(false);
  });

  it('gives the JavaScript kernel’s numbers bit for bit, for random documents, runs and steps', () => {
    fc.assert(
      fc.property(
        arbitraryDocument,
        arbitraryFeatures,
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 1, max: 700 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
        (base, on, firstRun, runs, split, kept) => {
          const doc = withModelFeatures(base, on);
          const n = doc.factors.length;
          const observedLevels = kept.map(([factor, month]) => ({
            factor: factor % n,
            month: month % (doc.horizonMonths + 1)
          }));
          const { m, wasm, js } = bothKernels(
            doc,
            { runs, seed: doc.simulation.seed, firstRun, observedLevels },
            Math.floor(split * runs)
          );
          expect(same(wasm.tensionOfRuns(), js.tensionOfRuns())).toBe(true);
          expect(same(wasm.contributionTotals(), js.contributionTotals())).toBe(true);
          observedLevels.forEach((_, k) => expect(same(wasm.observedLevel(k), js.observedLevel(k))).toBe(true));
          m.eventIds.forEach((_, e) => expect(same(wasm.eventFired(e), js.eventFired(e))).toBe(true));
          m.uncertain.forEach((_, k) => expect(same(wasm.sampledInput(k), js.sampledInput(k))).toBe(true));
        }
      ),
      { numRuns: 60 }
    );
  });

  it('refuses an odd batch (it simulates pairs of lanes) as a caller’s bug, not as a refused memory', () => {
    expect(() => WasmKernel.create(compileScenario(sampleDocument(), 0), 255, false)).toThrow(/even batch size/);
  });

  it('lets an error other than a refused memory through', () => {
    const broken = new TypeError('WebAssembly.Instance(): Import #0 "env" "exp": function import requires a callable');
    whileInstancesThrow(broken, () => {
      expect(() => WasmKernel.create(compileScenario(sampleDocument(), 0), 256, false)).toThrow(TypeError);
    });
  });

  it('runs in JavaScript, with the same numbers, where a thread is refused the kernel’s memory', () => {
    // Injected: "Cannot allocate Wasm memory" (a worker holding many instances), as V8 throws it.
    const refusal = new RangeError(
      'WebAssembly.Instance(): Out of memory: Cannot allocate Wasm memory for new instance'
    );
    const m = compileScenario(sampleDocument(), 0);
    const refused = whileInstancesThrow(refusal, () => {
      expect(WasmKernel.create(m, 256, false)).toBeNull();
      const mc = new MonteCarlo(m, { runs: 700, seed: 3 });
      mc.advance();
      return mc;
    });
    const { wasm } = bothKernels(sampleDocument(), { runs: 700, seed: 3 }, 300);
    expect(same(refused.tensionOfRuns(), wasm.tensionOfRuns())).toBe(true);
    expect(same(refused.contributionTotals(), wasm.contributionTotals())).toBe(true);
  });

  it('draws the tail of the normals (the JavaScript slow path, through its import) as the JavaScript does', () => {
    // 4 000 runs × 12 months × 3 noisy factors: about 1 500 draws take the slow path, a few the tail.
    const doc = withModelFeatures(sampleDocument(), {
      targets: [],
      conditions: [],
      probabilities: [0.5],
      paceRange: false,
      volatilityRange: false,
      strengthRange: false,
      pert: false,
      latinHypercube: false
    });
    const { wasm, js } = bothKernels(doc, { runs: 4000, seed: 11 }, 1234);
    expect(same(wasm.tensionOfRuns(), js.tensionOfRuns())).toBe(true);
    expect(same(wasm.summary().quantiles[50], js.summary().quantiles[50])).toBe(true);
  });
});

/** Three noisy factors with links and an event. */
function sampleDocument(): MizanDoc {
  return makeDocument(
    [
      { id: 'a', start: { low: 10, mode: 30, high: 60 }, target: 70, pace: 0.2, volatility: 20 },
      { id: 'b', direction: -1, start: 50, target: 40, pace: 0.1, volatility: 35 },
      { id: 'c', weight: { low: 1, mode: 2, high: 5 }, start: 80, target: 20, pace: 0.3, volatility: 10 }
    ],
    {
      horizonMonths: 12,
      interactions: [
        { from: 'a', to: 'b', strength: 0.3 },
        { from: 'c', to: 'a', strength: -0.2 }
      ],
      events: [{ id: 'e', label: { en: 'E', ar: '' }, month: 4, factor: 'b', shift: 20, probability: 0.5 }]
    }
  );
}
