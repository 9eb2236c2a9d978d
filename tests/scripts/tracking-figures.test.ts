// The tables of docs/MODEL.md's "The default analysis, tracked" (scripts/tracking-figures.mjs),
// on a small file, and the ones the page shows for the default analysis.
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trackingTables } from '../../scripts/tracking-figures.mjs';
import { mizan, useTempDir } from '../cli/helpers';

const temp = useTempDir('mizan-tracking-figures-');
const root = resolve(__dirname, '../..');

describe('tracking figures', () => {
  it('tabulates the odds by month, each scenario’s figures and the mixture', async () => {
    const doc = JSON.parse(await readFile(join(root, 'tests/fixtures/v2/tracked.mizan'), 'utf8'));
    const file = join(temp.path, 'tracked.mizan');
    await writeFile(file, JSON.stringify(doc));
    const run = JSON.parse((await mizan('run', file, '--runs', '400', '--json')).stdout);
    const text = trackingTables(run, 3);
    const t = run.tracking;
    const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
    // Months 0–3, then the horizon; before the first observation (2025-03), the priors.
    expect(text).toContain(`| 2024-10 | 60.0 % | 40.0 % |\n| 2024-11 | 60.0 % | 40.0 % |`);
    expect(text).toContain(
      `| 2026-10 | ${pct(t.posteriorByMonth.baseline[24])} | ${pct(t.posteriorByMonth.deescalation[24])} |`
    );
    expect(text).not.toContain('| 2025-02 |');
    const [baseline] = t.scenarios;
    expect(text).toContain(
      `| baseline | 60.0 % → ${pct(baseline.posterior)} | ${Math.round(baseline.effectiveRuns)} | ${baseline.brier.toFixed(3)} |`
    );
    expect(text.trimEnd().endsWith(`P(crisis ever | what happened) = ${pct(t.mixture.pCrisisEver)}.`)).toBe(true);
  });

  it('gives the tables docs/MODEL.md shows for the default analysis', async () => {
    const file = join(root, 'resources/scenarios/ashgabat-2024.mizan');
    const r = await mizan('run', file, '--runs', '50000', '--max-work', '100000000000', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(await readFile(join(root, 'docs/MODEL.md'), 'utf8')).toContain(trackingTables(JSON.parse(r.stdout)));
  }, 60_000);
});
