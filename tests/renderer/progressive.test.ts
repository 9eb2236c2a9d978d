// The worker's progressive Monte Carlo gives the command line's numbers, quick
// estimate first, and stops when a newer request arrives.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../../src/engine/analysis';
import { loadDocument, type MizanDoc } from '../../src/engine/format';
import { BURST_MS, SETTLE_MS, settleMs } from '../../src/renderer/src/simulation/client';
import { runProgressive, type UncertaintyUpdate } from '../../src/renderer/src/simulation/progressive';

function defaultDoc(runs: number): MizanDoc {
  const loaded = loadDocument(readFileSync('tests/fixtures/as-first-written/ashgabat-2024.mizan'));
  if (!loaded.ok) throw new Error('default analysis does not load');
  return { ...loaded.document, simulation: { ...loaded.document.simulation, runs } };
}

async function collect(doc: MizanDoc, quickRuns: number, cancelAfter = Infinity) {
  const updates: UncertaintyUpdate[] = [];
  let pauses = 0;
  const status = await runProgressive(
    doc,
    { quickRuns, chunk: 150 },
    (u) => updates.push(u),
    async () => void pauses++,
    () => pauses >= cancelAfter
  );
  return { status, updates, pauses };
}

describe('progressive Monte Carlo', () => {
  it('publishes a quick estimate, then the refined result, both equal to the command line', async () => {
    const doc = defaultDoc(900);
    const { status, updates } = await collect(doc, 200);
    expect(status).toBe('done');
    expect(updates.map((u) => [u.stage, u.runs])).toEqual([
      ['quick', 200],
      ['refined', 900]
    ]);
    const quick = analyseDocument(doc, { runs: 200 });
    const full = analyseDocument(doc);
    updates[0].scenarios.forEach((s, i) => expect(s.monteCarlo).toEqual(quick.scenarios[i].monteCarlo));
    updates[1].scenarios.forEach((s, i) => {
      expect(s.monteCarlo).toEqual(full.scenarios[i].monteCarlo);
      expect(s.importance).toEqual(full.scenarios[i].importance);
    });
  });

  it('pauses between chunks and stops, publishing nothing more, once cancelled', async () => {
    const { status, updates, pauses } = await collect(defaultDoc(900), 200, 2);
    expect(status).toBe('cancelled');
    expect(updates).toEqual([]);
    expect(pauses).toBe(2);
  });

  it('skips the quick stage when the document asks for few runs, and does nothing for 0 runs', async () => {
    expect((await collect(defaultDoc(150), 400)).updates.map((u) => u.stage)).toEqual(['refined']);
    expect(await collect(defaultDoc(0), 400)).toMatchObject({ status: 'done', updates: [], pauses: 0 });
  });
});

describe('the pause before the refined runs (settleMs)', () => {
  it('is none for a single edit, and at least SETTLE_MS in a burst', () => {
    expect(settleMs(Infinity)).toBe(0);
    expect(settleMs(BURST_MS)).toBe(0);
    expect(settleMs(500)).toBe(0);
    expect(settleMs(5)).toBe(SETTLE_MS);
    expect(settleMs(16)).toBe(SETTLE_MS);
  });

  it('outlasts the pace of a burst, so that the refined runs start only when the edits stop', () => {
    for (const pace of [30, 60, 80, 100, BURST_MS - 1]) {
      const pause = settleMs(pace);
      expect(pause, `${pace} ms apart`).toBeGreaterThan(pace);
      expect(pause).toBeLessThanOrEqual(1.5 * BURST_MS);
    }
  });
});
