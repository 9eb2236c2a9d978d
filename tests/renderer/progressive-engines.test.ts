// The worker makes a scenario's Monte Carlo (its runs' inputs and T values, a WebAssembly memory)
// only when it first runs that scenario: a request cancelled early holds one, not all of them.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { loadDocument } from '../../src/engine/format';
import { runProgressive } from '../../src/renderer/src/simulation/progressive';

const made = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/engine/model/montecarlo', async (original) => {
  const real = await original<typeof import('../../src/engine/model/montecarlo')>();
  class CountedMonteCarlo extends real.MonteCarlo {
    constructor(...args: ConstructorParameters<typeof real.MonteCarlo>) {
      super(...args);
      made.count++;
    }
  }
  return { ...real, MonteCarlo: CountedMonteCarlo };
});

const loaded = loadDocument(readFileSync('tests/fixtures/as-first-written/ashgabat-2024.mizan'));
if (!loaded.ok) throw new Error('default analysis does not load');
const doc = { ...loaded.document, simulation: { ...loaded.document.simulation, runs: 600 } };

describe('progressive Monte Carlo, its engines', () => {
  it('makes the first scenario’s only, when cancelled during it', async () => {
    made.count = 0;
    let pauses = 0;
    const status = await runProgressive(
      doc,
      { quickRuns: 200, chunk: 100 },
      () => undefined,
      async () => void pauses++,
      () => pauses >= 1
    );
    expect(status).toBe('cancelled');
    expect(made.count).toBe(1);
  });

  it('makes each scenario’s once over both stages', async () => {
    made.count = 0;
    const stages: string[] = [];
    const status = await runProgressive(
      doc,
      { quickRuns: 200, chunk: 100 },
      (u) => stages.push(u.stage),
      async () => undefined,
      () => false
    );
    expect(status).toBe('done');
    expect(stages).toEqual(['quick', 'refined']);
    expect(made.count).toBe(doc.scenarios.length);
  });
});
