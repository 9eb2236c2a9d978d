// The before → after table of docs/MODEL.md's "The default analysis, revised"
// (scripts/analysis-figures.mjs), on a small file worked out by hand, and on the two files the
// docs compare: the analysis as first written and the one the app ships.
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysisRows, analysisTable } from '../../scripts/analysis-figures.mjs';
import { mizan, useTempDir } from '../cli/helpers';
import { makeDocument } from '../support/documents';

const temp = useTempDir('mizan-analysis-figures-');
const root = resolve(__dirname, '../..');
const figures = async (file: string) => {
  const json = async (command: string) => JSON.parse((await mizan(command, file, '--json')).stdout);
  return [await json('run'), await json('sensitivity')] as const;
};

describe('analysis figures', () => {
  it('gives T now, T at the horizon, P(crisis) ever and the noise share of each scenario', async () => {
    // One factor that raises tension, so T = x: 20 pulled toward 40 at 0.2 a month, 12 months,
    // central T(12) = 40 − 20·0.8¹². Noise (volatility 3) is its only uncertainty, and a path that
    // stays near 40 never reaches the crisis line at 75. The second scenario has no noise at all.
    const doc = makeDocument([{ id: 'a', start: 20, target: 40, pace: 0.2, volatility: 3 }], {
      simulation: { runs: 400, seed: 3 }
    });
    const quiet = structuredClone(doc.scenarios[0]);
    quiet.id = 'quiet';
    quiet.factors.a.volatility = 0;
    doc.scenarios.push(quiet);
    const file = join(temp.path, 'one.mizan');
    await writeFile(file, JSON.stringify(doc));
    const [run, sensitivity] = await figures(file);
    const [noisy, still] = analysisRows(run, sensitivity);
    expect(noisy.id).toBe(doc.scenarios[0].id);
    expect(noisy.now).toBe('20.0');
    expect(noisy.horizon.startsWith(`${(40 - 20 * 0.8 ** 12).toFixed(1)} (`)).toBe(true);
    expect(noisy.crisis).toBe('0.0 %');
    const [first, total] = noisy.noise.split(' / ').map((x: string) => Number.parseFloat(x));
    expect(first).toBeGreaterThan(90);
    expect(total).toBeGreaterThan(90);
    // Without noise every run is the central path: median and 5–95 % are T(12) itself.
    const t = (40 - 20 * 0.8 ** 12).toFixed(1);
    expect(still).toEqual({
      id: 'quiet',
      now: '20.0',
      horizon: `${t} (${t}; ${t}–${t})`,
      crisis: '0.0 %',
      noise: '0.0 % / 0.0 %'
    });
    expect(analysisTable(run, sensitivity)).toContain(
      `| quiet | 20.0 | ${t} (${t}; ${t}–${t}) | 0.0 % | 0.0 % / 0.0 % |`
    );
  });

  it('gives the tables docs/MODEL.md shows for the analysis as first written and as revised', async () => {
    const docs = await readFile(join(root, 'docs/MODEL.md'), 'utf8');
    for (const file of [
      'tests/fixtures/as-first-written/ashgabat-2024.mizan',
      'resources/scenarios/ashgabat-2024.mizan'
    ])
      expect(docs).toContain(analysisTable(...(await figures(join(root, file)))));
  });
});
