// The `mizan` command line, against real files in a temporary folder.
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { mizan, useTempDir } from './helpers';
import { loadDocument } from '../../src/engine/format';
import { compileScenario } from '../../src/engine/model/compile';
import { tornado } from '../../src/engine/model/sensitivity';

const ROOT = resolve(__dirname, '../..');
const DEFAULT = join(ROOT, 'tests/fixtures/as-first-written/ashgabat-2024.mizan');
const temp = useTempDir('mizan-cli-');

async function fileWith(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(temp.path, name);
  await writeFile(path, content);
  return path;
}

const defaultText = () => readFile(DEFAULT, 'utf8');
const edited = async (edit: (doc: any) => void) => {
  const doc = JSON.parse(await defaultText());
  edit(doc);
  return JSON.stringify(doc);
};

describe('mizan validate', () => {
  it('accepts the default analysis', async () => {
    const r = await mizan('validate', DEFAULT);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('valid');
  });

  it('gives one FILE: PLACE (PATH): message line per problem, exit 1, and never a stack trace', async () => {
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['empty.mizan', '', /^.*empty\.mizan: is empty$/m],
      ['binary.mizan', new Uint8Array([0xff, 0xfe, 0x00, 0x81, 0x9f]), /binary\.mizan: is not UTF-8 text/],
      [
        'truncated.mizan',
        (await defaultText()).slice(0, 900),
        /truncated\.mizan: is not valid JSON.*line \d+, column \d+/
      ],
      [
        'deep.mizan',
        '['.repeat(100_000) + ']'.repeat(100_000),
        /deep\.mizan: nests lists and objects more than 64 levels/
      ],
      ['types.mizan', await edited((d) => (d.horizonMonths = 'twenty')), /types\.mizan: horizonMonths: must be/],
      [
        'nan.mizan',
        await edited((d) => (d.scenarios[0].factors.sanctions.pace = 'NaN')),
        /nan\.mizan: scenario “Baseline: entrenched rivalry” \[baseline\] › factor “Western sanctions” \[sanctions\] › pace \(scenarios\[0\]\.factors\.sanctions\.pace\): must be a number/
      ],
      [
        'unknown.mizan',
        await edited((d) => (d.interactions[0].to = 'sanktions')),
        /unknown\.mizan: link “Western sanctions” \[sanctions\] → \[sanktions\] › to \(interactions\[0\]\.to\): unknown factor "sanktions"/
      ],
      ['future.mizan', await edited((d) => (d.version = 7)), /future\.mizan: .*newer Mizan/],
      ['array.mizan', '[1, 2, 3]', /array\.mizan: is not a Mizan scenario file/]
    ];
    for (const [name, content, expected] of cases) {
      const r = await mizan('validate', await fileWith(name, content));
      expect(r.code, name).toBe(1);
      expect(r.stderr, name).toMatch(expected);
      for (const line of r.stderr.trim().split('\n'))
        expect(line.startsWith(join(temp.path, name) + ': '), line).toBe(true);
      expect(r.stderr, name).not.toMatch(/\n\s+at /);
    }
  });

  it('refuses a 50 MB file without reading it', async () => {
    const big = await fileWith('big.mizan', new Uint8Array(50 * 1024 * 1024).fill(0x20));
    const r = await mizan('validate', big);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/big\.mizan: is too large \(50\.0 MB; Mizan opens files of at most 10 MB\)/);
  });

  it('reports a missing file and a folder, and checks every file given', async () => {
    const r = await mizan('validate', join(temp.path, 'nope.mizan'), temp.path, DEFAULT);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nope.mizan: cannot be read: no such file');
    expect(r.stderr).toContain(`${temp.path}: cannot be read: it is a folder, not a file`);
  });

  it('reports a file’s schema and reference problems in one run, each named by labels with its path', async () => {
    const file = await fileWith(
      'three.mizan',
      await edited((d) => {
        d.factors[0].weight = 12;
        d.scenarios[0].factors.partnership.pace = 1.5;
        d.interactions.push({ from: 'nowhere', to: 'arms', strength: 0.1 });
      })
    );
    const r = await mizan('validate', file);
    expect(r.code).toBe(1);
    // The default analysis has 14 links: the new one is interactions[14].
    expect(r.stderr).toBe(
      [
        `${file}: factor “Western sanctions” [sanctions] › weight (factors[0].weight): must be at most 10 (found 12)`,
        `${file}: link [nowhere] → “Russian arms transfers to Iran (S-400, Su-35)” [arms] › from (interactions[14].from): unknown factor "nowhere"`,
        `${file}: scenario “Baseline: entrenched rivalry” [baseline] › factor “Russia–Iran strategic partnership” [partnership] › pace (scenarios[0].factors.partnership.pace): must be at most 1 (found 1.5)`,
        ''
      ].join('\n')
    );
  });

  it('keeps a path that lies in no named thing as it is', async () => {
    const r = await mizan('validate', await fileWith('thresholds.mizan', await edited((d) => (d.thresholds.high = 5))));
    expect(r.stderr).toMatch(/thresholds\.mizan: thresholds\.high: must be above elevated/);
  });

  it('exits 2 on a usage error', async () => {
    expect((await mizan('validate')).code).toBe(2);
    expect((await mizan('validate', '--strict', DEFAULT)).code).toBe(2);
    expect((await mizan('frobnicate')).code).toBe(2);
    expect((await mizan()).code).toBe(2);
  });
});

describe('mizan run', () => {
  it('prints the documented JSON shape', async () => {
    const r = await mizan('run', DEFAULT, '--runs', '400', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['file', 'runs', 'seed', 'months', 'tornadoMetric', 'scenarios']);
    expect(out).toMatchObject({ file: DEFAULT, runs: 400, seed: 20241011, tornadoMetric: 'final' });
    expect(out.months).toHaveLength(25);
    expect(out.months.slice(0, 4)).toEqual(['2024-10', '2024-11', '2024-12', '2025-01']);
    expect(out.scenarios.map((s: any) => s.id)).toEqual(['baseline', 'escalation', 'deescalation']);
    for (const s of out.scenarios) {
      expect(Object.keys(s)).toEqual(['id', 'name', 'central', 'monteCarlo', 'tornado', 'importance', 'diagnostics']);
      expect(Object.keys(s.central)).toEqual(['tension', 'contributions', 'factors']);
      expect(s.central.tension).toHaveLength(25);
      expect(Object.keys(s.central.factors)).toHaveLength(10);
      for (const series of Object.values(s.central.contributions) as number[][]) expect(series).toHaveLength(25);
      expect(Object.keys(s.monteCarlo)).toEqual([
        'quantiles',
        'pCrisisByMonth',
        'pCrisisEver',
        'histogram',
        'standardErrors',
        'meanContributions'
      ]);
      expect(Object.keys(s.monteCarlo.meanContributions)).toEqual(Object.keys(s.central.contributions));
      for (const series of Object.values(s.monteCarlo.meanContributions) as number[][]) expect(series).toHaveLength(25);
      expect(Object.keys(s.monteCarlo.standardErrors)).toEqual(['quantiles', 'pCrisisByMonth', 'pCrisisEver']);
      expect(s.monteCarlo.standardErrors.pCrisisEver).toBe(
        Math.sqrt((s.monteCarlo.pCrisisEver * (1 - s.monteCarlo.pCrisisEver)) / 400)
      );
      expect(Object.keys(s.monteCarlo.quantiles)).toEqual(['5', '25', '50', '75', '95']);
      expect(s.monteCarlo.histogram.edges).toEqual(Array.from({ length: 21 }, (_, k) => 5 * k));
      expect(s.monteCarlo.histogram.counts.reduce((a: number, b: number) => a + b, 0)).toBe(400);
      expect(s.tornado.length).toBeGreaterThan(0);
      expect(Object.keys(s.tornado[0])).toEqual(['input', 'low', 'high', 'swing']);
      expect(s.tornado[0].input).toMatch(/^(weight:|start:|target:|event:)/);
      expect(Object.keys(s.importance[0])).toEqual(['input', 'spearman']);
    }
  });

  it('gives identical numbers for the same seed and different ones for another seed', async () => {
    const a = await mizan('run', DEFAULT, '--runs', '300', '--seed', '5', '--json');
    const b = await mizan('run', DEFAULT, '--runs', '300', '--seed', '5', '--json');
    const c = await mizan('run', DEFAULT, '--runs', '300', '--seed', '6', '--json');
    expect(b.stdout).toBe(a.stdout);
    expect(JSON.parse(c.stdout).scenarios[0].monteCarlo).not.toEqual(JSON.parse(a.stdout).scenarios[0].monteCarlo);
  });

  it('skips Monte Carlo with --runs 0', async () => {
    const out = JSON.parse((await mizan('run', DEFAULT, '--runs', '0', '--json')).stdout);
    expect(out.scenarios[0].monteCarlo).toBeNull();
    expect(out.scenarios[0].importance).toEqual([]);
    expect(out.scenarios[0].tornado.length).toBeGreaterThan(0);
  });

  it('prints a readable table per scenario by default', async () => {
    const r = await mizan('run', DEFAULT, '--runs', '200');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Baseline');
    expect(r.stdout).toMatch(/2026-10\s+\d+\.\d/);
    expect(r.stdout).toMatch(/P\(crisis\) in any month: \d+\.\d%/);
  });

  it('heads the table with the title, or "Untitled analysis" for a file without one', async () => {
    const titled = await mizan('run', DEFAULT, '--runs', '0');
    expect(titled.stdout.split('\n')[0]).toBe(JSON.parse(await defaultText()).title);
    const untitled = await fileWith('untitled.mizan', await edited((doc) => void (doc.title = ' ')));
    expect((await mizan('run', untitled, '--runs', '0')).stdout.split('\n')[0]).toBe('Untitled analysis');
  });

  it('heads each scenario with the headline of the app and the report: the same words, the engine’s figures', async () => {
    const json = JSON.parse((await mizan('run', DEFAULT, '--runs', '300', '--json')).stdout);
    const doc = JSON.parse(await defaultText());
    const table = (await mizan('run', DEFAULT, '--runs', '300')).stdout;
    const H = json.months.length - 1;
    const one = (v: number) => v.toFixed(1);
    // A standard error to one significant digit.
    const oneDigit = (v: number) => String(Number(v.toPrecision(1)));
    // The bands by hand from the file's thresholds.
    const band = (v: number) =>
      v >= doc.thresholds.crisis
        ? 'Crisis'
        : v >= doc.thresholds.high
          ? 'High'
          : v >= doc.thresholds.elevated
            ? 'Elevated'
            : 'Calm';
    for (const s of json.scenarios) {
      const mc = s.monteCarlo;
      const block = table.slice(table.indexOf(`(${s.id})\n`));
      const tension = s.central.tension as number[];
      expect(block).toContain(
        [
          `(${s.id})`,
          `  Tension now, ${json.months[0]}: ${one(tension[0])} (${band(tension[0])})`,
          `  Central path at the horizon, ${json.months[H]}: ${one(tension[H])} (${band(tension[H])})`,
          `  Monte Carlo median (5–95 %), ${json.months[H]}: ${one(mc.quantiles['50'][H])} ± ${oneDigit(mc.standardErrors.quantiles['50'][H])} (${one(mc.quantiles['5'][H])}–${one(mc.quantiles['95'][H])})`,
          `  P(crisis) in any month: ${(100 * mc.pCrisisEver).toFixed(1)}% ± ${oneDigit(100 * mc.standardErrors.pCrisisEver)}%`,
          `  Largest contributions, ${json.months[H]}: `
        ].join('\n')
      );
    }
    // Without runs, the Monte Carlo lines say so.
    const central = (await mizan('run', DEFAULT, '--runs', '0')).stdout;
    expect(central).toContain(
      `  Monte Carlo median (5–95 %), ${json.months[H]}: no Monte Carlo\n  P(crisis) in any month: no Monte Carlo\n`
    );
  });

  it('names factors and inputs by their labels, with the id in brackets only where two labels are the same', async () => {
    const run = await mizan('run', DEFAULT, '--runs', '0', '--json');
    const json = JSON.parse(run.stdout);
    const doc = JSON.parse(await defaultText());
    const label = (id: string) => doc.factors.find((f: { id: string }) => f.id === id).label.en;
    const baseline = json.scenarios[0];
    const horizon = json.months.length - 1;
    const top = Object.entries(baseline.central.contributions as Record<string, number[]>)
      .sort((a, b) => b[1][horizon] - a[1][horizon])
      .slice(0, 3)
      .map(([id, series]) => `${label(id)} ${series[horizon].toFixed(1)}`);
    const table = (await mizan('run', DEFAULT, '--runs', '0')).stdout;
    expect(table).toContain(`Largest contributions, ${json.months[horizon]}: ${top.join(', ')}\n`);
    // The tornado's inputs are "target:<scenario>:<factor>" in the JSON; the table names the factor.
    const [first] = baseline.tornado;
    expect(first.input).toMatch(/^target:baseline:/);
    expect(table).toContain(
      `Largest swings of T(${json.months[horizon]}): ${label(first.input.split(':')[2])} — target `
    );
    expect(table).not.toMatch(/target:baseline:|weight:/);

    // Two factors given one name: each keeps its id beside it.
    const [a, b] = top.map(
      (line) => doc.factors.find((f: { label: { en: string } }) => line.startsWith(f.label.en)).id
    );
    const twins = await fileWith(
      'twins.mizan',
      await edited((d) => {
        for (const f of d.factors) if (f.id === a || f.id === b) f.label.en = 'Same name';
      })
    );
    const twinsTable = (await mizan('run', twins, '--runs', '0')).stdout;
    expect(twinsTable).toContain(`Same name [${a}]`);
    expect(twinsTable).toContain(`Same name [${b}]`);
  });

  it('prints names from the file without terminal escapes or leaking bidi controls', async () => {
    // A label is the file author's text: ESC would start an escape sequence on the reader's
    // terminal (clear the screen, retitle the window), an unclosed RLO would reverse the line.
    const hostile = await fileWith(
      'hostile-names.mizan',
      await edited((doc) => {
        doc.scenarios[0].name.en = 'Base\u001b[2J\u001b]0;owned\u0007line\u202E';
      })
    );
    const r = await mizan('run', hostile, '--runs', '0');
    expect(r.code).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).toContain('Base\uFFFD[2J\uFFFD]0;owned\uFFFDline\u202E\u202C (baseline)');
  });

  it('writes one CSV per scenario whose numbers parse back to the engine output', async () => {
    const out = join(temp.path, 'csv');
    const r = await mizan('run', DEFAULT, '--runs', '200', '--csv', out, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect((await readdir(out)).sort()).toEqual(['baseline.csv', 'deescalation.csv', 'escalation.csv']);
    const text = await readFile(join(out, 'escalation.csv'), 'utf8');
    const [header, ...rows] = text
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(header.slice(0, 8)).toEqual([
      'month',
      'tension_central',
      'tension_p5',
      'tension_p25',
      'tension_p50',
      'tension_p75',
      'tension_p95',
      'p_crisis'
    ]);
    expect(header).toContain('level_israel');
    expect(header).toContain('contribution_israel');
    const s = json.scenarios.find((x: any) => x.id === 'escalation');
    expect(rows).toHaveLength(25);
    rows.forEach((row, t) => {
      expect(row[0]).toBe(json.months[t]);
      expect(Number(row[1])).toBe(s.central.tension[t]);
      expect(Number(row[4])).toBe(s.monteCarlo.quantiles['50'][t]);
      expect(Number(row[7])).toBe(s.monteCarlo.pCrisisByMonth[t]);
      expect(Number(row[header.indexOf('contribution_israel')])).toBe(s.central.contributions.israel[t]);
    });
  });

  it('leaves nothing half-written when the CSV folder cannot be made', async () => {
    const blocker = await fileWith('not-a-folder', 'x');
    const r = await mizan('run', DEFAULT, '--runs', '0', '--csv', join(blocker, 'out'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/could not write the CSV files: (a part of the path is not a folder|.*exist)/);
    expect(r.stdout).toBe('');
  });

  it('--tornado peak measures the swings on peak tension, as the engine does, and says so', async () => {
    const doc = loadDocument(await defaultText());
    if (!doc.ok) throw new Error('the default analysis does not load');
    const final = JSON.parse((await mizan('run', DEFAULT, '--runs', '0', '--json')).stdout);
    const peak = JSON.parse((await mizan('run', DEFAULT, '--runs', '0', '--json', '--tornado', 'peak')).stdout);
    expect([final.tornadoMetric, peak.tornadoMetric]).toEqual(['final', 'peak']);
    doc.document.scenarios.forEach((_, k) => {
      const m = compileScenario(doc.document, k);
      expect(peak.scenarios[k].tornado).toEqual(tornado(m, 'peak'));
      expect(final.scenarios[k].tornado).toEqual(tornado(m, 'final'));
    });
    expect(peak.scenarios[0].tornado).not.toEqual(final.scenarios[0].tornado);
    // The rest of the analysis is the same.
    expect(peak.scenarios[0].central).toEqual(final.scenarios[0].central);
    const horizon = final.months.at(-1);
    const table = (await mizan('run', DEFAULT, '--runs', '0', '--tornado', 'peak')).stdout;
    expect(table).toContain(`Largest swings of peak T (to ${horizon}): `);
    expect(table).not.toContain(`Largest swings of T(`);
    const usage = await mizan('run', DEFAULT, '--tornado', 'mean');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--tornado takes final or peak (got "mean")');
  });

  it('reports a broken file as validate does, and usage errors with exit 2', async () => {
    const broken = await fileWith('zero.mizan', await edited((d) => d.factors.forEach((f: any) => (f.weight = 0))));
    const r = await mizan('run', broken);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /zero\.mizan: scenario “Baseline: entrenched rivalry” \[baseline\] › weights \(scenarios\[0\]\.weights\): all factor weights are zero/
    );
    expect((await mizan('run', DEFAULT, '--runs', 'many')).code).toBe(2);
    expect((await mizan('run', DEFAULT, '--runs', '200001')).code).toBe(2);
    expect((await mizan('run', DEFAULT, '--seed', '-1')).code).toBe(2);
    expect((await mizan('run')).code).toBe(2);
  });
});

describe('help', () => {
  it.each(['validate', 'format', 'run', 'sensitivity', 'chart'])(
    'mizan %s --help prints that command alone and exits 0',
    async (command) => {
      for (const argv of [
        [command, '--help'],
        [command, '-h'],
        ['help', command]
      ]) {
        const r = await mizan(...argv);
        expect(r, argv.join(' ')).toMatchObject({ code: 0, stderr: '' });
        expect(r.stdout).toMatch(new RegExp(`^Usage:\\n  mizan ${command} FILE`));
        expect(r.stdout.match(/^ {2}mizan /gm)).toHaveLength(1);
        expect(r.stdout).toContain('Exit status:');
      }
    }
  );

  it('mizan --help lists every command; help for an unknown command is a usage error', async () => {
    const all = await mizan('--help');
    expect(all.code).toBe(0);
    for (const command of ['validate', 'format', 'run', 'chart'])
      expect(all.stdout).toContain(`  mizan ${command} FILE`);
    const unknown = await mizan('help', 'plot');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^mizan: unknown command "plot"/);
  });

  it('takes --help after -- as a file name', async () => {
    const r = await mizan('validate', '--', '--help');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^--help: cannot be read/);
  });
});

describe('the installed command', () => {
  it('runs from bin/mizan.mjs with the documented exit codes', async () => {
    const run = promisify(execFile);
    const ok = await run(process.execPath, [join(ROOT, 'bin/mizan.mjs'), 'validate', DEFAULT]);
    expect(ok.stdout).toContain('valid');
    const broken = await fileWith('cli-broken.mizan', '{"format": "mizan-scenario", "version": 1}');
    const failure = await run(process.execPath, [join(ROOT, 'bin/mizan.mjs'), 'validate', broken]).catch((e) => e);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toMatch(/cli-broken\.mizan: title: is required/);
  });
});
