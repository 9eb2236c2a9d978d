// `mizan run`'s structural diagnostics: the `diagnostics` key of each scenario in --json, and the
// "Structure" block of the readable output, against the engine, the central paths of the same
// file with its links removed, and small files whose figures are worked out by hand.
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioDiagnostics } from '../../src/engine';
import { loadDocument } from '../../src/engine/format';
import type { MizanDoc } from '../../src/engine/format/schema';
import { makeDocument, type FactorSpec } from '../support/documents';
import { mizan, useTempDir } from './helpers';

const DEFAULT = join(resolve(__dirname, '../..'), 'tests/fixtures/as-first-written/ashgabat-2024.mizan');
const temp = useTempDir('mizan-diagnostics-');

async function fileOf(name: string, doc: MizanDoc): Promise<string> {
  const path = join(temp.path, name);
  await writeFile(path, JSON.stringify(doc));
  return path;
}

async function defaultDocument(): Promise<MizanDoc> {
  const loaded = loadDocument(await readFile(DEFAULT, 'utf8'));
  if (!loaded.ok) throw new Error('the default analysis does not load');
  return loaded.document;
}

/** The Structure block of scenario `id` in a readable run: its lines after the heading, unindented. */
function structureOf(stdout: string, id: string): string[] {
  const block = stdout.slice(stdout.indexOf(`(${id})\n`));
  const lines = block.slice(block.indexOf('  Structure')).split('\n');
  const end = lines.findIndex((line, k) => k > 0 && !line.startsWith('    '));
  return lines.slice(1, end).map((line) => line.trim());
}

describe('mizan run: diagnostics', () => {
  it('gives each scenario the engine’s diagnostics in --json, with or without Monte Carlo', async () => {
    const doc = await defaultDocument();
    for (const runs of ['0', '200']) {
      const r = await mizan('run', DEFAULT, '--runs', runs, '--json');
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout);
      json.scenarios.forEach((s: any, k: number) => {
        expect(Object.keys(s.diagnostics)).toEqual(['steadyState', 'loops', 'tensionAtHorizon']);
        expect(s.diagnostics).toEqual(JSON.parse(JSON.stringify(scenarioDiagnostics(doc, k))));
        expect(Object.keys(s.diagnostics.steadyState.factors[0])).toEqual(['id', 'target', 'steady', 'gap']);
        expect(s.diagnostics.loops.listed[0] && Object.keys(s.diagnostics.loops.listed[0])).toEqual([
          'factors',
          'sign',
          'gain'
        ]);
        // T with the links is the central path's at the horizon.
        expect(s.diagnostics.tensionAtHorizon.withLinks).toBe(s.central.tension[json.months.length - 1]);
      });
    }
  });

  it('gives T without links as the central path of the same file with its links removed', async () => {
    const linked = JSON.parse((await mizan('run', DEFAULT, '--runs', '0', '--json')).stdout);
    const doc = await defaultDocument();
    doc.interactions = [];
    const unlinked = JSON.parse(
      (await mizan('run', await fileOf('unlinked.mizan', doc), '--runs', '0', '--json')).stdout
    );
    const H = linked.months.length - 1;
    linked.scenarios.forEach((s: any, k: number) => {
      const without = unlinked.scenarios[k];
      expect(s.diagnostics.tensionAtHorizon.withoutLinks).toBe(without.central.tension[H]);
      expect(s.diagnostics.tensionAtHorizon.difference).toBe(s.central.tension[H] - without.central.tension[H]);
      expect(without.diagnostics.tensionAtHorizon.difference).toBe(0);
      expect(without.diagnostics.loops).toEqual({ listed: [], total: 0, reinforcing: 0, complete: true });
      // Without links every factor settles on its target (to about 1e-10·(1 − k)/k points: the
      // update stops when a month moves less than 1e-12, and the slowest pace here is 0.08).
      for (const f of without.diagnostics.steadyState.factors) expect(Math.abs(f.gap)).toBeLessThan(1e-8);
    });
  });

  it('prints a Structure block per scenario: the factors settling more than 5 points off, the loops, T with and without links', async () => {
    const json = JSON.parse((await mizan('run', DEFAULT, '--runs', '0', '--json')).stdout);
    const doc = await defaultDocument();
    const table = (await mizan('run', DEFAULT, '--runs', '0')).stdout;
    const label = (id: string) => doc.factors.find((f) => f.id === id)!.label.en;
    const one = (v: number) => v.toFixed(1);
    const H = json.months.length - 1;
    for (const s of json.scenarios) {
      const d = s.diagnostics;
      const far = d.steadyState.factors.filter((f: any) => Math.abs(f.gap) > 5);
      expect(far.length).toBeGreaterThan(0);
      expect(structureOf(table, s.id)).toEqual([
        ...far.map(
          (f: any) =>
            `${label(f.id)}: settles at ${one(f.steady)} against a target of ${one(f.target)} (+${one(f.gap)})`
        ),
        `Feedback loops: ${d.loops.total} (${d.loops.reinforcing} reinforcing, ${d.loops.total - d.loops.reinforcing} balancing)`,
        `T(${json.months[H]}) with the links ${one(s.central.tension[H])}, without them ${one(d.tensionAtHorizon.withoutLinks)} (+${one(d.tensionAtHorizon.difference)})`
      ]);
    }
    // The baseline's arms transfers: a target of 40, held above it by the partnership's push.
    expect(structureOf(table, 'baseline')).toContain(
      'Russian arms transfers to Iran (S-400, Su-35): settles at 59.8 against a target of 40.0 (+19.8)'
    );
    expect(table).toContain('  Structure (the links at work, without events or noise):\n');
  });

  it('lists a factor more than 5 points off, either way, and not one exactly 5 off', async () => {
    // Pace 0, no links: each factor stays at its start (50 = 0.5 · 100 exactly).
    const factors: FactorSpec[] = [
      { id: 'five', start: 50, target: 45, pace: 0 },
      { id: 'above', start: 50, target: 44.9, pace: 0 },
      { id: 'below', start: 50, target: 55.1, pace: 0 }
    ];
    const r = await mizan('run', await fileOf('gaps.mizan', makeDocument(factors)), '--runs', '0');
    expect(r.code).toBe(0);
    expect(structureOf(r.stdout, 'base')).toEqual([
      'above: settles at 50.0 against a target of 44.9 (+5.1)',
      'below: settles at 50.0 against a target of 55.1 (-5.1)',
      'Feedback loops: none',
      'T(2025-10) with the links 50.0, without them 50.0 (+0.0)'
    ]);
    const calm = await mizan('run', await fileOf('calm.mizan', makeDocument([factors[0]])), '--runs', '0');
    expect(structureOf(calm.stdout, 'base')[0]).toBe('Every factor settles within 5 points of its target');
    // A difference that rounds to 0 is +0.0, whatever its sign before rounding.
    const faint = makeDocument(
      [
        { id: 'a', start: 50, target: 50, pace: 0.5 },
        { id: 'b', start: 50, target: 50, pace: 0.5 }
      ],
      { interactions: [{ from: 'a', to: 'b', strength: -1e-9 }] }
    );
    const faintRun = await mizan('run', await fileOf('faint.mizan', faint), '--runs', '0', '--json');
    expect(JSON.parse(faintRun.stdout).scenarios[0].diagnostics.tensionAtHorizon.difference).toBeLessThan(0);
    expect(
      structureOf((await mizan('run', await fileOf('faint.mizan', faint), '--runs', '0')).stdout, 'base')
    ).toContain('T(2025-10) with the links 50.0, without them 50.0 (+0.0)');
  });

  it('says when the levels do not settle, with their last levels', async () => {
    // j reaches 100 in a month, then i alternates 25, 75, 25, …: after 100 000 months, 75.
    const doc = makeDocument(
      [
        { id: 'j', start: 50, target: 100, pace: 1 },
        { id: 'i', start: 50, target: 0, pace: 1 }
      ],
      { interactions: [{ from: 'j', to: 'i', strength: 1 }] }
    );
    const r = await mizan('run', await fileOf('cycle.mizan', doc), '--runs', '0');
    expect(structureOf(r.stdout, 'base').slice(0, 2)).toEqual([
      'The levels do not settle in 100000 months (a cycle or a slow drift); their last levels:',
      'i: ends at 75.0 against a target of 0.0 (+75.0)'
    ]);
    const calm = makeDocument([
      { id: 'j', start: 50, target: 100, pace: 1 },
      { id: 'i', start: 50, target: 0, pace: 1 }
    ]);
    calm.interactions = [{ from: 'j', to: 'i', strength: 1 }];
    calm.scenarios[0].factors.i.target = 75;
    const near = await mizan('run', await fileOf('cycle-near.mizan', calm), '--runs', '0');
    expect(structureOf(near.stdout, 'base')[1]).toBe('Every factor ends within 5 points of its target');
  });

  it('says "more than" when the loops are too many to count', async () => {
    // Every pair of 8 factors linked both ways: 16 064 loops, counted up to 10 000.
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const doc = makeDocument(
      ids.map((id) => ({ id, pace: 0.5 })),
      {
        interactions: ids.flatMap((from) =>
          ids.filter((to) => to !== from).map((to) => ({ from, to, strength: -0.01 }))
        )
      }
    );
    const file = await fileOf('dense.mizan', doc);
    const { reinforcing } = JSON.parse((await mizan('run', file, '--runs', '0', '--json')).stdout).scenarios[0]
      .diagnostics.loops;
    // Every strength is negative: a loop of even length reinforces, one of odd length balances.
    expect(reinforcing).toBeGreaterThan(0);
    expect(reinforcing).toBeLessThan(10_000);
    const r = await mizan('run', file, '--runs', '0');
    expect(structureOf(r.stdout, 'base')).toContain(
      `Feedback loops: more than 10000 (of the first 10000: ${reinforcing} reinforcing, ${10_000 - reinforcing} balancing)`
    );
  });
});
