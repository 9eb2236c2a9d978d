// The engine against the plain second implementation (tests/support/referenceModel.ts) on
// documents that use what format version 2 added: ranges of pace, volatility and link strength
// (some PERT), lasting (target) events, and conditional events. The reference draws PERT through
// @stdlib's inverse incomplete beta, not the engine's own.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MizanDoc, Uncertain } from '../../src/engine/format/schema';
import { validateDocument } from '../../src/engine/format';
import { compileScenario } from '../../src/engine/model/compile';
import { MonteCarlo } from '../../src/engine/model/montecarlo';
import { centralPath } from '../../src/engine/model/simulate';
import { referenceCentralTension, referenceRunTension } from '../support/referenceModel';
import { arbitraryDocument } from '../support/documents';

/** A range around `value` within [min, max], triangular or PERT. */
const around = (value: number, min: number, max: number, spread: number, pert: boolean): Uncertain => ({
  low: Math.max(min, value - spread),
  mode: value,
  high: Math.min(max, value + spread),
  ...(pert ? { shape: 'pert' as const } : {})
});

/** Random documents of format version 1 made into version 2 ones, choice by choice. */
const arbitraryV2 = fc
  .tuple(arbitraryDocument, fc.array(fc.nat(7), { minLength: 64, maxLength: 64 }))
  .map(([doc, choices]): MizanDoc => {
    const d = structuredClone(doc);
    let c = 0;
    const next = () => choices[c++ % choices.length];
    const scenario = d.scenarios[0];
    for (const f of d.factors) {
      const settings = scenario.factors[f.id];
      const pace = settings.pace as number;
      const volatility = settings.volatility as number;
      if (next() < 4) settings.pace = around(pace, 0, 1, 0.1, next() < 3);
      if (next() < 4) settings.volatility = around(volatility, 0, 50, 2, next() < 3);
    }
    for (const link of d.interactions)
      if (next() < 4) link.strength = around(link.strength as number, -1, 1, 0.1, next() < 3);
    scenario.events.forEach((e, j) => {
      if (next() < 3) e.kind = 'target';
      if (j > 0 && next() < 4) e.condition = { event: scenario.events[next() % j].id, occurred: next() < 4 };
    });
    return d;
  });

describe('format version 2 against the reference model', () => {
  it('gives the central path of the reference (modes, lasting events, overall probabilities)', () => {
    fc.assert(
      fc.property(arbitraryV2, (doc) => {
        expect(validateDocument(doc).ok).toBe(true);
        const engine = centralPath(compileScenario(doc, 0)).tension;
        referenceCentralTension(doc).tension.forEach((t, month) => expect(engine[month]).toBeCloseTo(t, 9));
      }),
      { numRuns: 150 }
    );
  });

  it('gives each Monte Carlo run of the reference (draws of paces, volatilities, strengths; conditions)', () => {
    fc.assert(
      fc.property(arbitraryV2, fc.integer({ min: 0, max: 600 }), (doc, firstRun) => {
        const seed = doc.simulation.seed;
        const mc = new MonteCarlo(compileScenario(doc, 0), { runs: 3, seed, firstRun });
        mc.advance();
        const tension = mc.tensionOfRuns();
        const months = tension.length / 3;
        for (let r = 0; r < 3; r++) {
          const reference = referenceRunTension(doc, seed, firstRun + r);
          // 6 digits, as for version 1 documents (montecarlo-runs.test.ts): sums in another order.
          for (let t = 0; t < months; t++) expect(tension[t * 3 + r]).toBeCloseTo(reference[t], 6);
        }
      }),
      { numRuns: 150 }
    );
  });
});
