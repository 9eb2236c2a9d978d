// Noise is drawn only for factors with a volatility, in factor order: a quiet factor listed
// before a noisy one takes no draw and no row of the month's normals, so the noisy factor keeps
// its own draws (docs/MODEL.md section 5).
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/model/compile';
import { MonteCarlo } from '../../src/engine/model/montecarlo';
import { makeDocument } from '../support/documents';
import { withoutNoise } from '../support/inputs';
import { referenceRunTension } from '../support/referenceModel';

describe('noise with quiet factors among noisy ones', () => {
  // Quiet, noisy, quiet, noisy: every noisy factor comes after a quiet one.
  const doc = makeDocument(
    [
      { id: 'calm', weight: 2, start: 40, target: 60, pace: 0.2 },
      { id: 'storm', weight: 3, start: 50, target: 50, pace: 0.1, volatility: 8 },
      { id: 'still', direction: -1, start: 30, target: 30 },
      { id: 'gust', weight: 1, start: 20, target: 70, pace: 0.3, volatility: 5 }
    ],
    { horizonMonths: 6 }
  );

  it('gives each run the reference run’s tension, month by month, in every lane', () => {
    const runs = 260;
    const mc = new MonteCarlo(compileScenario(doc, 0), { runs, seed: 4 });
    mc.advance();
    const tension = mc.tensionOfRuns();
    for (const r of [0, 1, 200, 259]) {
      const reference = referenceRunTension(doc, 4, r);
      reference.forEach((t, month) => expect(tension[month * runs + r]).toBeCloseTo(t, 9));
      // The noise moved this run away from the noiseless path.
      expect(Math.abs(reference[6] - referenceRunTension(withoutNoise(doc), 4, r)[6])).toBeGreaterThan(0.01);
    }
  });
});
