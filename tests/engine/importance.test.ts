// The importance ranking: Spearman's correlation of each sampled input with T(H) over the
// runs, the strongest (by |r|) first, events named "event:<id>".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MizanDoc } from '../../src/engine/format/schema';
import { compileScenario } from '../../src/engine/model/compile';
import { MonteCarlo, runInputs } from '../../src/engine/model/montecarlo';
import { spearman } from '../../src/engine/model/stats';
import { arbitraryDocument, makeDocument } from '../support/documents';

const simulate = (doc: MizanDoc, runs: number, seed: number, firstRun = 0) => {
  const mc = new MonteCarlo(compileScenario(doc, 0), { runs, seed, firstRun });
  mc.advance();
  return mc;
};

describe('importance', () => {
  it('ranks by the strength of the correlation whatever its sign, and names events event:<id>', () => {
    // T = 100·(xa + 3·(1 − xb)) / 4: b's start drives T(H) down strongly, a's start up less,
    // the strike (±10 points on a, half the time) least.
    const doc = makeDocument(
      [
        { id: 'a', weight: 1, start: { low: 0, mode: 50, high: 100 } },
        { id: 'b', direction: -1, weight: 3, start: { low: 0, mode: 50, high: 100 } }
      ],
      {
        horizonMonths: 3,
        events: [{ id: 'strike', label: { en: 'Strike', ar: '' }, month: 2, factor: 'a', shift: 10, probability: 0.5 }]
      }
    );
    const entries = simulate(doc, 4000, 3).importance();
    expect(entries.map((e) => e.input)).toEqual(['start:base:b', 'start:base:a', 'event:strike']);
    expect(entries[0].spearman).toBeLessThan(-0.8);
    expect(entries[1].spearman).toBeGreaterThan(0.2);
    expect(entries[2].spearman).toBeGreaterThan(0);
  });

  it('gives 0 to every input when T(H) does not vary, and then orders them by name', () => {
    // Only a (weight 1, fixed at 50) counts: T = 50 in every run, whatever b, c and the event do.
    const doc = makeDocument(
      [
        { id: 'a', weight: 1, start: 50 },
        { id: 'b', weight: 0, start: { low: 0, mode: 20, high: 100 } },
        { id: 'c', weight: 0, target: { low: 0, mode: 20, high: 100 }, pace: 0.5 }
      ],
      {
        horizonMonths: 2,
        events: [{ id: 'quiet', label: { en: 'Quiet', ar: '' }, month: 1, factor: 'b', shift: 30, probability: 0.5 }]
      }
    );
    expect(simulate(doc, 200, 1).importance()).toEqual([
      { input: 'event:quiet', spearman: 0 },
      { input: 'start:base:b', spearman: 0 },
      { input: 'target:base:c', spearman: 0 }
    ]);
  });

  it('is Spearman of each run’s sampled inputs with its T(H), for a piece of a split run set too', () => {
    fc.assert(
      fc.property(
        arbitraryDocument,
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 2, max: 80 }),
        (doc, firstRun, runs) => {
          const m = compileScenario(doc, 0);
          const seed = doc.simulation.seed;
          const mc = simulate(doc, runs, seed, firstRun);
          const final = mc.tensionOfRuns().subarray(m.horizon * runs, (m.horizon + 1) * runs);
          const inputs = Array.from({ length: runs }, (_, r) => runInputs(m, seed, firstRun + r));
          const names = [...m.uncertain.map((u) => u.key), ...m.eventIds.map((id) => `event:${id}`)];
          const expected = names.flatMap((input, k) => {
            const sample = Float64Array.from(inputs, (values) => values[k]);
            if (sample.every((v) => v === sample[0])) return [];
            const r = spearman(sample, final);
            return [{ input, spearman: Number.isNaN(r) ? 0 : r }];
          });
          const entries = mc.importance();
          expect(entries.map((e) => e.input).sort()).toEqual(expected.map((e) => e.input).sort());
          for (const e of entries) expect(e.spearman).toBe(expected.find((x) => x.input === e.input)!.spearman);
          for (let k = 1; k < entries.length; k++) {
            const [a, b] = [entries[k - 1], entries[k]];
            expect(Math.abs(a.spearman)).toBeGreaterThanOrEqual(Math.abs(b.spearman));
            if (Math.abs(a.spearman) === Math.abs(b.spearman)) expect(a.input.localeCompare(b.input)).toBeLessThan(0);
          }
        }
      ),
      { numRuns: 100 }
    );
  });
});
