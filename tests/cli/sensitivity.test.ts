// mizan sensitivity: the engine's Sobol indices of each scenario, as JSON and as a table.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/engine/format';
import { compileScenario } from '../../src/engine/model/compile';
import { scenarioSobol } from '../../src/engine/model/scenarioSobol';
import { mizan } from './helpers';

const DEFAULT = join(resolve(__dirname, '../..'), 'tests/fixtures/as-first-written/ashgabat-2024.mizan');

async function defaultDoc() {
  const loaded = loadDocument(await readFile(DEFAULT, 'utf8'));
  if (!loaded.ok) throw new Error('the default analysis does not load');
  return loaded.document;
}

describe('mizan sensitivity', () => {
  it('--json gives the engine’s indices of the scenario named, in the documented shape', async () => {
    const r = await mizan('sensitivity', DEFAULT, '--scenario', 'escalation', '--samples', '512', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['file', 'scenarios']);
    expect(out.scenarios).toHaveLength(1);
    const [s] = out.scenarios;
    expect(Object.keys(s)).toEqual(['id', 'metric', 'samples', 'variance', 'groups']);
    expect(Object.keys(s.groups[0])).toEqual(['id', 'kind', 'first', 'total', 'firstInterval', 'totalInterval']);
    const doc = await defaultDoc();
    const expected = scenarioSobol(compileScenario(doc, 1), { samples: 512, seed: doc.simulation.seed });
    expect(s).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(new Set(s.groups.map((g: { kind: string }) => g.kind))).toEqual(new Set(['factor', 'event', 'noise']));
  });

  it('takes the metric and the seed, and every scenario by default', async () => {
    const r = await mizan('sensitivity', DEFAULT, '--metric', 'peak', '--samples', '64', '--seed', '9', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const doc = await defaultDoc();
    expect(out.scenarios.map((s: { id: string }) => s.id)).toEqual(doc.scenarios.map((s) => s.id));
    expect(out.scenarios.every((s: { metric: string }) => s.metric === 'peak')).toBe(true);
    expect(out.scenarios[0]).toEqual(
      JSON.parse(JSON.stringify(scenarioSobol(compileScenario(doc, 0), { metric: 'peak', samples: 64, seed: 9 })))
    );
  });

  it('prints a table by total index, and what share noise and the judgements explain', async () => {
    const r = await mizan('sensitivity', DEFAULT, '--scenario', 'Baseline: entrenched rivalry', '--samples', '256');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'Baseline: entrenched rivalry (baseline): Sobol indices of tension at the horizon, 256 samples'
    );
    expect(lines[1]).toMatch(/^ {2}group +kind +first +\(95 %\) +total +\(95 %\)$/);
    const doc = await defaultDoc();
    const result = scenarioSobol(compileScenario(doc, 0), { samples: 256, seed: doc.simulation.seed });
    const byTotal = [...result.groups].sort((a, b) => b.total - a.total).map((g) => g.id);
    expect(lines.slice(2, 2 + byTotal.length).map((line) => line.trim().split(/\s+/)[0])).toEqual(byTotal);
    const noise = result.groups.find((g) => g.kind === 'noise')!;
    expect(lines.at(-1)).toContain(`Monthly noise alone explains ${(100 * noise.first).toFixed(1)}% of the variance`);
  });

  it('refuses wrong use with exit 2, names an unknown scenario and a design too large with exit 1', async () => {
    for (const [args, message] of [
      [['--metric', 'mean'], /--metric takes final or peak or crisis \(got "mean"\)/],
      [['--samples', '1'], /--samples takes a whole number from 2 to 131072 \(got "1"\)/],
      [['--samples', 'many'], /--samples takes a whole number/],
      [['--seed', '-1'], /--seed/]
    ] as const) {
      const r = await mizan('sensitivity', DEFAULT, ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect((await mizan('sensitivity')).code).toBe(2);
    const unknown = await mizan('sensitivity', DEFAULT, '--scenario', 'nowhere');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no scenario "nowhere"');
    const large = await mizan('sensitivity', DEFAULT, '--max-work', '1000');
    expect(large.code).toBe(1);
    expect(large.stderr).toMatch(
      /the Sobol design of scenario baseline is too large to run without asking: .*--max-work \d+/
    );
    expect(large.stdout).toBe('');
  });
});
