// `mizan chart`: exports against real files in a temporary folder.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../src/cli/main';
import { mizan, useTempDir } from './helpers';
import { CHART_KIND_TRAITS, CHART_KINDS, chartStrings, THEMES } from '../../src/presentation/charts';
import { CAPTION_TEXTS, pngSize } from '../../src/presentation/export';
import { parseCsv, parseSvg, pixel, pngPixels, svgTexts } from '../export/helpers';
import { loadDocument } from '../../src/engine/format';
import { compileScenario } from '../../src/engine/model/compile';
import { tornado } from '../../src/engine/model/sensitivity';

const ROOT = resolve(__dirname, '../..');
const DEFAULT = join(ROOT, 'tests/fixtures/as-first-written/ashgabat-2024.mizan');
const FACTORS = [
  'sanctions',
  'partnership',
  'arms',
  'drones',
  'israel',
  'hezbollah',
  'nuclear',
  'western',
  'energy',
  'arab'
];
const temp = useTempDir('mizan-chart-');

const out = (name: string) => join(temp.path, name);
const files = async (folder: string) => (await readdir(folder)).sort();

describe('mizan chart', () => {
  it('writes every chart of every scenario of the default analysis as a 2× PNG by default', async () => {
    const r = await mizan('chart', DEFAULT, '--out', out('default'), '--runs', '200');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const scenarios = ['baseline', 'escalation', 'deescalation'];
    // A gap names both scenarios: the one selected minus the next.
    const part = (kind: string, s: string) =>
      kind.startsWith('gap') ? `${s}-minus-${scenarios[(scenarios.indexOf(s) + 1) % scenarios.length]}` : s;
    // The charts that show the selected scenario, for each selected in turn; those that draw every
    // scenario alike (the factor paths, one per factor, the contributions at the horizon, the radar,
    // the odds) once, with no scenario in the name.
    const ofSelected = CHART_KINDS.filter((k) => CHART_KIND_TRAITS[k].showsSelected);
    expect(ofSelected).not.toContain('factors');
    const expected = [
      ...scenarios.flatMap((s) => ofSelected.map((k) => `ashgabat-2024-${k}-${part(k, s)}.png`)),
      'ashgabat-2024-contributionsAtHorizon.png',
      'ashgabat-2024-radar.png',
      'ashgabat-2024-odds.png',
      ...FACTORS.map((f) => `ashgabat-2024-factors-${f}.png`)
    ].sort();
    expect(r.stdout).toBe(`${DEFAULT}: ${expected.length} files written to ${out('default')}\n`);
    expect(await files(out('default'))).toEqual(expected);
    for (const name of expected) {
      const png = new Uint8Array(await readFile(join(out('default'), name)));
      expect(pngSize(png), name).toEqual({ width: 1800, height: 1040 });
    }
    // Each scenario's own charts: its contributions table differs from the others'.
    const tables = await Promise.all(
      scenarios.map(async (s) => {
        const folder = out(`default-${s}`);
        await mizan('chart', DEFAULT, '--out', folder, '--runs', '0', '--chart', 'contributions', '--format', 'csv');
        return readFile(join(folder, `ashgabat-2024-contributions-${s}.csv`), 'utf8');
      })
    );
    expect(new Set(tables).size).toBe(3);
    // Some 60 charts drawn: more than the default 30 s on a busy two-core machine.
  }, 120_000);

  it('draws the tornado on peak tension with --tornado peak: its title and its table say so', async () => {
    const draw = async (name: string, ...extra: string[]) => {
      const folder = out(name);
      const args = ['--runs', '0', '--chart', 'tornado', '--scenario', 'baseline', '--format', 'csv,svg', ...extra];
      const r = await mizan('chart', DEFAULT, '--out', folder, ...args);
      expect(r.code, r.stderr).toBe(0);
      const read = (ext: string) => readFile(join(folder, `ashgabat-2024-tornado-baseline.${ext}`), 'utf8');
      return { csv: parseCsv(await read('csv')), svg: svgTexts(parseSvg(await read('svg'))).map((x) => x.text) };
    };
    const final = await draw('tornado-final');
    const peak = await draw('tornado-peak', '--tornado', 'peak');
    const t = chartStrings('en');
    expect(peak.svg).toContain(t.titles.tornadoPeak('Baseline: entrenched rivalry'));
    expect(final.svg).toContain(t.titles.tornado('Baseline: entrenched rivalry'));
    const loaded = loadDocument(await readFile(DEFAULT, 'utf8'));
    if (!loaded.ok) throw new Error('the default analysis does not load');
    const bars = tornado(compileScenario(loaded.document, 0), 'peak').sort((a, b) => b.swing - a.swing);
    const rows = peak.csv.slice(1);
    // The chart's table, as shown: one decimal.
    expect(rows.map((row) => row.slice(-3))).toEqual(
      bars.slice(0, rows.length).map((b) => [b.low, b.high, b.swing].map((v) => String(Number(v.toFixed(1)))))
    );
    expect(peak.csv).not.toEqual(final.csv);
  });

  it('finds the scenario of --scenario by its id, or its English or Arabic name', async () => {
    const chosen = async (name: string, given: string) => {
      const folder = out(name);
      const r = await mizan(
        'chart',
        DEFAULT,
        '--out',
        folder,
        '--chart',
        'tension',
        '--runs',
        '0',
        '--scenario',
        given
      );
      return { ...r, files: r.code === 0 ? await files(folder) : [] };
    };
    for (const [name, given] of [
      ['by-id', 'escalation'],
      ['by-english', 'Escalation: axis hardens'],
      ['by-english-case', '  escalation: AXIS hardens '],
      ['by-arabic', 'التصعيد: تصلّب المحور']
    ]) {
      const r = await chosen(name, given);
      expect(r.code, given).toBe(0);
      expect(r.files, given).toEqual(['ashgabat-2024-tension-escalation.png']);
    }
  });

  it('refuses a scenario name two scenarios share, naming both and asking for the id', async () => {
    const doc = JSON.parse(await readFile(DEFAULT, 'utf8'));
    doc.scenarios[2].name.en = doc.scenarios[1].name.en;
    const twins = join(temp.path, 'twins.mizan');
    await writeFile(twins, JSON.stringify(doc));
    const r = await mizan(
      'chart',
      twins,
      '--out',
      out('twins'),
      '--runs',
      '0',
      '--scenario',
      'Escalation: axis hardens'
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `${twins}: scenarios: "Escalation: axis hardens" names 2 scenarios, escalation (Escalation: axis hardens), ` +
        `deescalation (Escalation: axis hardens): give the id\n`
    );
  });

  it('writes PNG, SVG and CSV in Arabic for a chosen scenario and charts', async () => {
    const folder = out('arabic');
    const r = await mizan(
      'chart',
      DEFAULT,
      '--out',
      folder,
      '--format',
      'png,svg,csv',
      '--scale',
      '1',
      '--lang',
      'ar',
      '--chart',
      'tension,tornado',
      '--scenario',
      'escalation',
      '--runs',
      '200'
    );
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(await files(folder)).toEqual(
      ['tension', 'tornado'].flatMap((k) => ['csv', 'png', 'svg'].map((e) => `ashgabat-2024-${k}-escalation.${e}`))
    );
    const png = new Uint8Array(await readFile(join(folder, 'ashgabat-2024-tension-escalation.png')));
    expect(pngSize(png)).toEqual({ width: 900, height: 520 });

    const ar = chartStrings('ar');
    const svg = parseSvg(await readFile(join(folder, 'ashgabat-2024-tension-escalation.svg'), 'utf8'));
    const texts = svgTexts(svg);
    expect(texts.map((t) => t.text)).toContain(ar.titles.tension);
    expect(texts.map((t) => t.text)).toContain(ar.axes.month);
    expect(texts.every((t) => t.element.getAttribute('direction') === 'rtl')).toBe(true);

    const [header, ...rows] = parseCsv(await readFile(join(folder, 'ashgabat-2024-tension-escalation.csv'), 'utf8'));
    expect(header[0]).toBe(ar.axes.month);
    expect(rows[0][0]).toBe('2024-10');
    expect(rows).toHaveLength(25);
    const json = JSON.parse((await mizan('run', DEFAULT, '--runs', '200', '--json')).stdout);
    // As the chart shows them, one decimal (mizan run --json and --csv keep every digit).
    const oneDecimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1, useGrouping: false });
    rows.forEach((row, t) =>
      expect(Number(row[1])).toBe(Number(oneDecimal.format(json.scenarios[0].central.tension[t])))
    );
  });

  it('puts the caption under each picture (the file’s title, today, the judgement-aid line), and leaves it out with --no-caption', async () => {
    const caption = (texts: string[]) =>
      texts.filter((t) => t.includes('Ashgabat, 11 October 2024') || t === CAPTION_TEXTS.en.judgementAid);
    const args = ['chart', DEFAULT, '--format', 'svg', '--chart', 'tension', '--scenario', 'baseline', '--runs', '0'];
    const on = out('caption-on');
    expect(await mizan(...args, '--out', on)).toMatchObject({ code: 0, stderr: '' });
    const texts = svgTexts(parseSvg(await readFile(join(on, 'ashgabat-2024-tension-baseline.svg'), 'utf8'))).map(
      (t) => t.text
    );
    const today = new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date());
    expect(caption(texts)).toEqual([
      `\u2068Ashgabat, 11 October 2024: Russia–Iran rapprochement and regional tension\u2069 · ${today}`,
      CAPTION_TEXTS.en.judgementAid
    ]);
    const off = out('caption-off');
    expect(await mizan(...args, '--out', off, '--no-caption')).toMatchObject({ code: 0, stderr: '' });
    const plain = svgTexts(parseSvg(await readFile(join(off, 'ashgabat-2024-tension-baseline.svg'), 'utf8'))).map(
      (t) => t.text
    );
    expect(caption(plain)).toEqual([]);
    expect(plain).toContain(chartStrings('en').titles.tension);
  });

  it('scales 3× on a transparent background, and follows the dark theme', async () => {
    const r = await mizan(
      'chart',
      DEFAULT,
      '--out',
      out('big'),
      '--scale',
      '3',
      '--background',
      'transparent',
      '--chart',
      'histogram',
      '--runs',
      '200'
    );
    expect(r.code).toBe(0);
    const big = new Uint8Array(await readFile(join(out('big'), 'ashgabat-2024-histogram-baseline.png')));
    expect(pngSize(big)).toEqual({ width: 2700, height: 1560 });
    expect(pixel(pngPixels(big), 0, 0)[3]).toBe(0);

    expect(
      (
        await mizan(
          'chart',
          DEFAULT,
          '--out',
          out('dark'),
          '--theme',
          'dark',
          '--chart',
          'radar',
          '--scale',
          '1',
          '--runs',
          '0'
        )
      ).code
    ).toBe(0);
    const dark = new Uint8Array(await readFile(join(out('dark'), 'ashgabat-2024-radar.png')));
    const surface = [1, 3, 5].map((i) => parseInt(THEMES.dark.surface.slice(i, i + 2), 16));
    expect(pixel(pngPixels(dark), 0, 0)).toEqual([...surface, 255]);
  });

  it('charts the good files of a batch, and gives the broken one a line and exit 1', async () => {
    const second = join(temp.path, 'second.mizan');
    await copyFile(DEFAULT, second);
    const broken = join(temp.path, 'broken.mizan');
    const doc = JSON.parse(await readFile(DEFAULT, 'utf8'));
    doc.scenarios[1].factors.sanctions.pace = 'fast';
    await writeFile(broken, JSON.stringify(doc));
    const folder = out('batch');
    const r = await mizan(
      'chart',
      DEFAULT,
      broken,
      second,
      '--out',
      folder,
      '--chart',
      'tension',
      '--format',
      'svg,csv',
      '--scenario',
      'baseline',
      '--runs',
      '0'
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^${escape(broken)}: scenario “Escalation: axis hardens” \\[escalation\\] › factor “Western sanctions” \\[sanctions\\] › pace \\(scenarios\\[1\\]\\.factors\\.sanctions\\.pace\\): must be a number[^\\n]*\\n$`
      )
    );
    expect(await files(folder)).toEqual([
      'ashgabat-2024-tension-baseline.csv',
      'ashgabat-2024-tension-baseline.svg',
      'second-tension-baseline.csv',
      'second-tension-baseline.svg'
    ]);
    expect(r.stdout).toContain(`${second}: 2 files written`);
  });

  it('reports a missing file, an unknown scenario and a duplicate name, each on its own line', async () => {
    const copy = join(temp.path, 'sub');
    await mkdir(copy, { recursive: true });
    await copyFile(DEFAULT, join(copy, 'ashgabat-2024.mizan'));
    const missing = join(temp.path, 'nope.mizan');
    const r = await mizan(
      'chart',
      missing,
      DEFAULT,
      join(copy, 'ashgabat-2024.mizan'),
      '--out',
      out('errors'),
      '--chart',
      'radar',
      '--scenario',
      'baseline',
      '--runs',
      '0'
    );
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${missing}: cannot be read: no such file or folder (it may have been moved, deleted or disconnected)`,
      `${join(copy, 'ashgabat-2024.mizan')}: its charts would overwrite those of ${DEFAULT} (same file name); rename one of them`
    ]);
    expect(await files(out('errors'))).toEqual(['ashgabat-2024-radar.png']);

    const unknown = await mizan('chart', DEFAULT, '--out', out('unknown'), '--scenario', 'nope', '--runs', '0');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(
      `${DEFAULT}: scenarios: no scenario "nope" (the file has baseline (Baseline: entrenched rivalry), ` +
        `escalation (Escalation: axis hardens), deescalation (De-escalation: managed pause))\n`
    );
  });

  it('leaves nothing half-written when the folder cannot be made', async () => {
    const blocker = join(temp.path, 'blocker');
    await writeFile(blocker, 'x');
    const r = await mizan('chart', DEFAULT, '--out', join(blocker, 'charts'), '--chart', 'tension', '--runs', '0');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${escape(DEFAULT)}: could not write the charts to .*blocker/charts: `));
    expect((await readdir(temp.path)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    [['chart', DEFAULT], /needs --out DIR/],
    [['chart', '--out', 'x'], /at least one FILE/],
    [['chart', DEFAULT, '--out', 'x', '--format', 'gif'], /--format takes png, svg, csv \(got "gif"\)/],
    [['chart', DEFAULT, '--out', 'x', '--format', ','], /--format needs at least one/],
    [['chart', DEFAULT, '--out', 'x', '--scale', '4'], /--scale takes 1 or 2 or 3/],
    [['chart', DEFAULT, '--out', 'x', '--lang', 'fr'], /--lang takes en or ar/],
    [['chart', DEFAULT, '--out', 'x', '--theme', 'blue'], /--theme takes light or dark/],
    [['chart', DEFAULT, '--out', 'x', '--background', 'pink'], /--background takes white or transparent or dark/],
    [['chart', DEFAULT, '--out', 'x', '--chart', 'pie'], /--chart takes tension, .*gapAtHorizon, odds \(got "pie"\)/],
    [['chart', DEFAULT, '--out', 'x', '--tornado', 'mean'], /--tornado takes final or peak \(got "mean"\)/],
    [['chart', DEFAULT, '--out', 'x', '--runs', 'many'], /--runs takes a whole number/],
    [['chart', DEFAULT, '--out', 'x', '--seed', '-1'], /./],
    [['chart', DEFAULT, '--out', 'x', '--scenario', ''], /--scenario needs a scenario id or name/],
    [['chart', DEFAULT, '--out', 'x', '--width', '3'], /Unknown option '--width'/]
  ])('exits 2 on %j', async (argv, message) => {
    const r = await mizan(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('mizan chart FILE...');
    // The usage of this command only.
    expect(r.stderr).not.toContain('mizan run FILE');
    expect(r.stdout).toBe('');
  });

  it('draws the gap of each scenario minus the next (the last minus the first)', async () => {
    const folder = out('gap');
    const r = await mizan(
      'chart',
      DEFAULT,
      '--out',
      folder,
      '--runs',
      '0',
      '--chart',
      'gapAtHorizon',
      '--format',
      'csv'
    );
    expect(r.code).toBe(0);
    // Each file names both scenarios of its gap: each minus the next (the last minus the first).
    const pairs = ['baseline-minus-escalation', 'escalation-minus-deescalation', 'deescalation-minus-baseline'];
    expect(await files(folder)).toEqual(pairs.map((p) => `ashgabat-2024-gapAtHorizon-${p}.csv`).sort());
    // T at the horizon of each scenario, from `mizan run --json`.
    const run = JSON.parse((await mizan('run', DEFAULT, '--runs', '0', '--json')).stdout);
    const horizon = (id: string) => {
      const tension: number[] = run.scenarios.find((s: { id: string }) => s.id === id).central.tension;
      return tension[tension.length - 1];
    };
    for (const [a, b] of [
      ['baseline', 'escalation'],
      ['escalation', 'deescalation'],
      ['deescalation', 'baseline']
    ]) {
      const [header, total, ...factors] = parseCsv(
        await readFile(join(folder, `ashgabat-2024-gapAtHorizon-${a}-minus-${b}.csv`), 'utf8')
      );
      expect(header[1], a).toBe(`Contribution in ${run.scenarios.find((s: { id: string }) => s.id === a).name.en}`);
      expect(total[0]).toBe('Tension (total)');
      // Within the CSV's rounding.
      expect(Math.abs(Number(total[3]) - (horizon(a) - horizon(b))), a).toBeLessThan(0.051);
      expect(factors).toHaveLength(FACTORS.length);
    }
  });

  it('leaves the gap charts out for a file with one scenario, and refuses them when they are all asked for', async () => {
    const doc = JSON.parse(await readFile(DEFAULT, 'utf8'));
    doc.scenarios = doc.scenarios.slice(0, 1);
    const single = join(temp.path, 'single.mizan');
    await writeFile(single, JSON.stringify(doc));
    const all = await mizan('chart', single, '--out', out('single'), '--runs', '0', '--format', 'csv');
    expect(all.code).toBe(0);
    expect(await files(out('single'))).toEqual(
      CHART_KINDS.filter((k) => k !== 'gap' && k !== 'gapAtHorizon')
        .map((k) => (CHART_KIND_TRAITS[k].showsSelected ? `single-${k}-baseline.csv` : `single-${k}.csv`))
        .sort()
    );
    const gap = await mizan('chart', single, '--out', out('single-gap'), '--runs', '0', '--chart', 'gap');
    expect(gap.code).toBe(1);
    expect(gap.stderr).toBe(`${single}: scenarios: the gap charts need two scenarios, and the file has one\n`);
  });

  it('is in the usage text', () => {
    expect(USAGE).toContain('mizan chart FILE... --out DIR [--format png,svg,csv]');
  });

  it.each([[['chart', '--help']], [['chart', DEFAULT, '--out', 'x', '-h']], [['help', 'chart']]])(
    '%j prints the usage of chart alone and exits 0',
    async (argv) => {
      const r = await mizan(...argv);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toContain('mizan chart FILE... --out DIR');
      expect(r.stdout).toContain('--max-work N raises the limit');
      expect(r.stdout).toContain('Exit status:');
      expect(r.stdout).not.toContain('mizan run FILE');
      expect(await files(temp.path)).not.toContain('x');
    }
  );

  it('runs from bin/mizan.mjs', async () => {
    const run = promisify(execFile);
    const folder = out('bin');
    const r = await run(process.execPath, [
      join(ROOT, 'bin/mizan.mjs'),
      'chart',
      DEFAULT,
      '--out',
      folder,
      '--chart',
      'tornado',
      '--format',
      'svg',
      '--scenario',
      'baseline',
      '--runs',
      '0'
    ]);
    expect(r.stdout).toContain('1 file written');
    parseSvg(await readFile(join(folder, 'ashgabat-2024-tornado-baseline.svg'), 'utf8'));
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
