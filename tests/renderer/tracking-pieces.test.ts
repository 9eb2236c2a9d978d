// The app's workers weigh the scenarios against the observations as the command line does, to
// the last bit: whole scenarios in a worker, a scenario shared out between workers from its
// pieces' observation terms joined by the client, and the odds from the merged update.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../../src/engine/analysis';
import { loadDocument, type MizanDoc } from '../../src/engine/format';
import { mergeUpdates, partitionRuns, withTracking, type PartProgress } from '../../src/renderer/src/simulation/merge';
import { runProgressive, type PartUpdate } from '../../src/renderer/src/simulation/progressive';

function load(path: string, runs: number): MizanDoc {
  const loaded = loadDocument(readFileSync(path));
  if (!loaded.ok) throw new Error(`${path} does not load`);
  return { ...loaded.document, simulation: { ...loaded.document.simulation, runs } };
}

/** The update the client publishes once `workers` workers have simulated their shares of `doc`. */
async function appUpdate(doc: MizanDoc, workers: number, quickRuns: number) {
  const parts = partitionRuns(doc.scenarios.length, doc.simulation.runs, workers, quickRuns);
  const progress: PartProgress[] = [];
  for (const pieces of parts) {
    const part: PartProgress = {};
    await runProgressive(
      doc,
      { quickRuns, chunk: 250, pieces, importance: false },
      (u: PartUpdate) => (part[u.stage] = u),
      async () => {},
      () => false
    );
    progress.push(part);
  }
  const model = { horizon: doc.horizonMonths, crisis: doc.thresholds.crisis, factorIds: doc.factors.map((f) => f.id) };
  const quick = mergeUpdates(
    progress.map((p) => ({ quick: p.quick })),
    doc.scenarios.map((s) => s.id),
    model
  );
  const refined = mergeUpdates(
    progress,
    doc.scenarios.map((s) => s.id),
    model
  );
  if (!quick || !refined) throw new Error('no merged update');
  return { parts, quick: withTracking(quick, doc), refined: withTracking(refined, doc) };
}

describe('tracking in the workers', () => {
  it.each([
    ['the tracked fixture', 'tests/fixtures/v2/tracked.mizan', 1500, 3],
    ['the default analysis', 'resources/scenarios/ashgabat-2024.mizan', 1200, 2]
  ])(
    'gives the command line’s odds, evidence and conditioned forecasts for %s, with a scenario split between workers',
    async (_, path, runs, workers) => {
      const doc = load(path, runs);
      const { parts, quick, refined } = await appUpdate(doc, workers, 400);
      // The case this test is for: some scenario's runs lie in two workers' shares.
      const shares = doc.scenarios.map((_, s) => parts.filter((p) => p.some((piece) => piece.scenario === s)).length);
      expect(Math.max(...shares)).toBe(2);

      const cli = analyseDocument(doc, { importance: false });
      expect(cli.tracking).toBeDefined();
      expect(refined.tracking).toEqual(cli.tracking);
      refined.scenarios.forEach((s, k) => expect(s.evidence).toEqual(cli.scenarios[k].evidence));

      // The quick estimate already weighs its first runs (a Latin hypercube of all the runs, so not
      // the command line's 400-run design): odds that add up to 1, from at most 400 runs each.
      const odds = quick.tracking && 'scenarios' in quick.tracking ? quick.tracking.scenarios : [];
      expect(odds).toHaveLength(doc.scenarios.length);
      expect(odds.reduce((sum, s) => sum + s.posterior, 0)).toBeCloseTo(1, 12);
      for (const s of odds) expect(s.effectiveRuns).toBeLessThanOrEqual(400);
      expect(quick.tracking).not.toEqual(refined.tracking);
    }
  );

  it('adds no tracking to a document without observations, nor when a scenario brought no evidence', async () => {
    const doc = load('tests/fixtures/v2/tracked.mizan', 600);
    const bare = { ...doc, observations: undefined };
    const { refined } = await appUpdate(bare, 2, 400);
    expect(refined.tracking).toBeUndefined();
    expect(refined.scenarios.every((s) => s.evidence === undefined)).toBe(true);

    const { refined: tracked } = await appUpdate(doc, 1, 400);
    const missing = { ...tracked, tracking: undefined, scenarios: tracked.scenarios.slice(1) };
    expect(withTracking(missing, doc).tracking).toBeUndefined();
  });
});
