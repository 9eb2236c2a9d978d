// The tables of docs/MODEL.md's "Structural diagnostics" (scripts/diagnostics-figures.mjs), from
// the JSON of `mizan run` on a small file whose figures are worked out by hand.
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticsTables } from '../../scripts/diagnostics-figures.mjs';
import { mizan, useTempDir } from '../cli/helpers';
import { makeDocument } from '../support/documents';

const temp = useTempDir('mizan-diagnostics-figures-');

describe('diagnostics figures', () => {
  it('tabulates steady states, T with and without links, and the loops', async () => {
    // j settles at 60; i (k = 0.2, g = 30) under c = 0.5 from j: (0.06 + 0.3)/(0.2 + 0.3) = 72.
    // Then i → j at −0.1 closes a balancing loop j → i → j of gain −0.05.
    const doc = makeDocument(
      [
        { id: 'j', start: 20, target: 60, pace: 0.3 },
        { id: 'i', start: 50, target: 30, pace: 0.2 }
      ],
      { interactions: [{ from: 'j', to: 'i', strength: 0.5 }] }
    );
    const file = join(temp.path, 'two.mizan');
    await writeFile(file, JSON.stringify(doc));
    const run = JSON.parse((await mizan('run', file, '--runs', '0', '--json')).stdout);
    const text = diagnosticsTables(run);
    const t = run.scenarios[0].diagnostics.tensionAtHorizon;
    expect(text).toContain('| j | 60.0 → 60.0 (+0.0) |\n| i | 30.0 → 72.0 (+42.0) |');
    expect(text).toContain('base: settles in ');
    expect(text).toContain(
      `| base | ${t.withLinks.toFixed(1)} | ${t.withoutLinks.toFixed(1)} | +${t.difference.toFixed(1)} | 0 |`
    );
    expect(text.trimEnd().endsWith('| loop | sign | gain |\n| --- | ---: | ---: |')).toBe(true);

    doc.interactions.push({ from: 'i', to: 'j', strength: -0.1 });
    await writeFile(file, JSON.stringify(doc));
    const looped = diagnosticsTables(JSON.parse((await mizan('run', file, '--runs', '0', '--json')).stdout));
    expect(looped).toContain('| j → i → j | balancing | -0.0500 |');
  });

  it('gives the tables docs/MODEL.md shows for the default analysis', async () => {
    const root = resolve(__dirname, '../..');
    const file = join(root, 'resources/scenarios/ashgabat-2024.mizan');
    const text = diagnosticsTables(JSON.parse((await mizan('run', file, '--runs', '0', '--json')).stdout));
    expect(await readFile(join(root, 'docs/MODEL.md'), 'utf8')).toContain(text);
  });
});
