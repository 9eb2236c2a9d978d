// mizan run on a file with observations (issue 13 item 3): `tracking` in the JSON, in the shape
// the issue gives and with the engine's numbers; the odds and the conditioned horizon in the
// readable output; a named problem when no scenario is consistent.
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../../src/engine/analysis';
import { loadDocument, type MizanDoc } from '../../src/engine/format';
import { mizan, useTempDir } from './helpers';

const TRACKED = join(resolve(__dirname, '../..'), 'tests/fixtures/v2/tracked.mizan');
const temp = useTempDir('mizan-tracking-');

async function trackedDoc(): Promise<MizanDoc> {
  const loaded = loadDocument(await readFile(TRACKED, 'utf8'));
  if (!loaded.ok) throw new Error('the tracked fixture does not load');
  return loaded.document;
}

describe('mizan run with observations', () => {
  it('--json gives `tracking` in the documented shape, with the engine’s numbers to the last bit', async () => {
    const r = await mizan('run', TRACKED, '--runs', '800', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['file', 'runs', 'seed', 'months', 'tornadoMetric', 'scenarios', 'tracking']);
    const { tracking } = out;
    expect(Object.keys(tracking)).toEqual(['observations', 'scenarios', 'posteriorByMonth', 'mixture']);
    expect(tracking.observations).toBe(4);
    expect(Object.keys(tracking.scenarios[0])).toEqual([
      'id',
      'prior',
      'logLikelihood',
      'posterior',
      'effectiveRuns',
      'brier',
      'conditioned'
    ]);
    expect(Object.keys(tracking.scenarios[0].conditioned)).toEqual(['quantiles', 'pCrisisEver']);
    expect(Object.keys(tracking.scenarios[0].conditioned.quantiles)).toEqual(['5', '25', '50', '75', '95']);
    expect(tracking.posteriorByMonth.baseline).toHaveLength(out.months.length);
    // A scenario's evidence is under `tracking`, not repeated under the scenario.
    expect(out.scenarios[0]).not.toHaveProperty('evidence');
    const engine = analyseDocument(await trackedDoc(), { runs: 800 });
    expect(tracking).toEqual(JSON.parse(JSON.stringify(engine.tracking)));
  });

  it('prints the odds, the conditioned horizon, the effective runs and the scores', async () => {
    const r = await mizan('run', TRACKED, '--runs', '800');
    expect(r.code, r.stderr).toBe(0);
    const engine = analyseDocument(await trackedDoc(), { runs: 800 }).tracking!;
    if ('problem' in engine) throw new Error(engine.problem);
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    const [baseline] = engine.scenarios;
    expect(r.stdout).toContain('\nTracking: 4 observations\n');
    expect(r.stdout).toContain(`  Baseline: odds 60.0% → ${pct(baseline.posterior)}; given what happened, T(2026-10) `);
    expect(r.stdout).toContain(
      `    ${Math.round(baseline.effectiveRuns)} effective runs; Brier ${baseline.brier!.toFixed(2)}\n`
    );
    expect(r.stdout).toContain(
      `P(crisis ever), all scenarios weighed by their odds: ${pct(engine.mixture.pCrisisEver)}`
    );
  });

  it('says when a conditioned forecast rests on few runs', async () => {
    const doc = await trackedDoc();
    doc.observations = [{ id: 'hot', kind: 'index', month: '2026-10', value: 90, uncertainty: 1 }];
    const file = join(temp.path, 'few.mizan');
    await writeFile(file, JSON.stringify(doc));
    const r = await mizan('run', file, '--runs', '300');
    expect(r.stdout).toMatch(/\d+ effective runs? \(few: read with care\)/);
  });

  it('names the problem when no scenario is consistent, and prints the rest', async () => {
    const doc = await trackedDoc();
    for (const s of doc.scenarios) for (const e of s.events) if (e.id === 's400') e.probability = 0;
    doc.observations = [{ id: 'seen', kind: 'event', month: '2025-06', event: 's400', occurred: true }];
    const file = join(temp.path, 'none.mizan');
    await writeFile(file, JSON.stringify(doc));
    const r = await mizan('run', file, '--runs', '200', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).tracking).toEqual({
      observations: 1,
      problem:
        'no scenario is consistent with the observations: in every run, an event outcome contradicts what was recorded (baseline from 2025-06; deescalation from 2025-06)'
    });
    const readable = await mizan('run', file, '--runs', '200');
    expect(readable.stdout).toContain('Tracking: 1 observation\n  no scenario is consistent with the observations');
  });

  it('has no tracking for a file without observations', async () => {
    const doc = await trackedDoc();
    delete doc.observations;
    const file = join(temp.path, 'plain.mizan');
    await writeFile(file, JSON.stringify(doc));
    const out = JSON.parse((await mizan('run', file, '--runs', '100', '--json')).stdout);
    expect(out).not.toHaveProperty('tracking');
    expect((await mizan('run', file, '--runs', '100')).stdout).not.toContain('Tracking');
  });
});
