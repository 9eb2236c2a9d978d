// Where the engine has no WebAssembly (a runtime without it), or may not compile it synchronously
// (a browser's main thread refuses modules over 4 KB): the JavaScript computes, with the same
// numbers, and in the second case the kernel comes once the compilation in the background is done.
// Each case loads the engine afresh (vi.resetModules), as a new thread would.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileScenario } from '../../src/engine/model/compile';
import { MonteCarlo } from '../../src/engine/model/montecarlo';
import { scenarioSobol } from '../../src/engine/model/scenarioSobol';
import { makeDocument } from '../support/documents';

const doc = makeDocument(
  [
    { id: 'a', start: { low: 10, mode: 30, high: 60 }, target: 70, pace: 0.2, volatility: 20 },
    { id: 'b', direction: -1, weight: { low: 1, mode: 2, high: 4 }, start: 50, target: 40, pace: 0.1, volatility: 35 }
  ],
  {
    horizonMonths: 10,
    interactions: [{ from: 'a', to: 'b', strength: 0.3 }],
    events: [{ id: 'e', label: { en: 'E', ar: '' }, month: 3, factor: 'a', shift: 25, probability: 0.4 }]
  }
);

/** The runs and summary of a fresh engine's Monte Carlo of the document. */
async function freshRun() {
  vi.resetModules();
  const engine = await import('../../src/engine/model/montecarlo');
  const { WasmKernel } = await import('../../src/engine/model/kernel');
  const { statsKernel } = await import('../../src/engine/model/statsKernel');
  const { compileScenario: compile } = await import('../../src/engine/model/compile');
  const m = compile(doc, 0);
  const mc = new engine.MonteCarlo(m, { runs: 900, seed: 5 });
  mc.advance();
  return { kernel: WasmKernel.create(m, 256, false), stats: statsKernel(), mc, summary: mc.summary() };
}

function withKernel() {
  const mc = new MonteCarlo(compileScenario(doc, 0), { runs: 900, seed: 5 });
  mc.advance();
  return { mc, summary: mc.summary() };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('an engine without WebAssembly', () => {
  it('has no kernels and gives the kernel’s numbers', async () => {
    vi.stubGlobal('WebAssembly', undefined);
    const without = await freshRun();
    expect(without.kernel).toBeNull();
    expect(without.stats).toBeNull();
    const expected = withKernel();
    expect(Array.from(without.mc.tensionOfRuns())).toEqual(Array.from(expected.mc.tensionOfRuns()));
    expect(Array.from(without.summary.quantiles[50])).toEqual(Array.from(expected.summary.quantiles[50]));
    expect(without.summary.pCrisisEver).toBe(expected.summary.pCrisisEver);
    expect(Array.from(without.mc.importance(), (e) => e.spearman)).toEqual(
      Array.from(expected.mc.importance(), (e) => e.spearman)
    );
  });

  it('gives the kernel’s Sobol indices, its runs simulated in JavaScript batches', async () => {
    vi.stubGlobal('WebAssembly', undefined);
    vi.resetModules();
    const fresh = await import('../../src/engine/model/scenarioSobol');
    const { compileScenario: compile } = await import('../../src/engine/model/compile');
    for (const metric of ['final', 'peak', 'crisis'] as const) {
      const options = { samples: 300, seed: 4, bootstrap: 40, metric };
      expect(fresh.scenarioSobol(compile(doc, 0), options)).toEqual(scenarioSobol(compileScenario(doc, 0), options));
    }
  });

  it('where synchronous compilation is refused, runs in JavaScript until the module compiled in the background is there', async () => {
    const real = (
      globalThis as unknown as { WebAssembly: { Instance: unknown; compile(b: Uint8Array): Promise<unknown> } }
    ).WebAssembly;
    vi.stubGlobal('WebAssembly', {
      Module: function refused() {
        throw new RangeError(
          'WebAssembly.Module(): Wasm code generation disallowed on the main thread, use WebAssembly.compile'
        );
      },
      Instance: real.Instance,
      compile: (bytes: Uint8Array) => real.compile(bytes)
    });
    const first = await freshRun();
    expect(first.kernel).toBeNull();
    // The background compilation settles after a few turns of the event loop.
    await vi.waitFor(async () => {
      const { WasmKernel } = await import('../../src/engine/model/kernel');
      expect(WasmKernel.create(compileScenario(doc, 0), 256, false)).not.toBeNull();
    });
    expect(Array.from(first.mc.tensionOfRuns())).toEqual(Array.from(withKernel().mc.tensionOfRuns()));
  });
});
