// The built command (out/cli/mizan.mjs, scripts/cli-bundle.mjs) against the sources: the same
// output byte for byte, `chart`'s dependencies loaded only by `chart`, and bin/mizan.mjs running
// the bundle only while it is current. The bundle tested is the one `npm ci` (prepare) built;
// it is rebuilt here only when it is missing or older than the sources.
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, CLI_BUNDLE, cliBundleState } from '../../scripts/cli-bundle.mjs';
import { mizan, useTempDir } from './helpers';

const ROOT = join(import.meta.dirname, '../..');
const DEFAULT = join(ROOT, 'resources/scenarios/ashgabat-2024.mizan');
const BUNDLE = join(ROOT, CLI_BUNDLE);
const temp = useTempDir('mizan-bundle-');

/** Runs `node ARGS…` to its end, whatever its exit code. */
async function node(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: unknown; stdout: string; stderr: string };
    if (typeof code !== 'number') throw error;
    return { code, stdout, stderr };
  }
}

/** Every file of a folder, by name, as bytes. */
async function filesOf(folder: string): Promise<Record<string, Buffer>> {
  const files: Record<string, Buffer> = {};
  for (const name of (await readdir(folder)).sort()) files[name] = await readFile(join(folder, name));
  return files;
}

beforeAll(async () => {
  if (cliBundleState(ROOT) !== 'current') await buildCli(ROOT);
}, 60_000);

describe('the built command', () => {
  it('is built by npm ci (prepare) and npm run build, and is current', async () => {
    const { scripts } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
    expect(scripts.prepare).toBe('node scripts/cli-bundle.mjs');
    expect(scripts.build).toMatch(/&& node scripts\/cli-bundle\.mjs$/);
    expect(cliBundleState(ROOT)).toBe('current');
    const stamp = JSON.parse(await readFile(join(ROOT, 'out/cli/build.json'), 'utf8'));
    expect(stamp.inputs).toEqual(
      expect.arrayContaining(['src/cli/entry.ts', 'src/cli/chart.ts', 'src/engine/format/load.ts'])
    );
  });

  it('validates as the sources do: the same lines and exit codes', async () => {
    const broken = join(temp.path, 'broken.mizan');
    await writeFile(broken, '{"format": "mizan-scenario", "version": 1, "title": 7}');
    for (const file of [DEFAULT, broken]) {
      const sources = await mizan('validate', file);
      expect(await node([BUNDLE, 'validate', file])).toEqual(sources);
    }
    expect((await mizan('validate', broken)).code).toBe(1);
  });

  it('prints the same run --json of the default analysis, byte for byte', async () => {
    const args = ['run', DEFAULT, '--json', '--runs', '300', '--seed', '5'];
    const sources = await mizan(...args);
    expect(sources.code).toBe(0);
    const built = await node([BUNDLE, ...args]);
    expect(built.code).toBe(0);
    expect(built.stderr).toBe('');
    expect(Buffer.from(built.stdout).equals(Buffer.from(sources.stdout))).toBe(true);
  });

  it('writes the same chart files (PNG, SVG, CSV) as the sources', async () => {
    const args = (out: string) => [
      'chart',
      DEFAULT,
      '--out',
      out,
      '--chart',
      'tension,tornado',
      '--format',
      'png,svg,csv',
      '--scale',
      '1',
      '--lang',
      'ar',
      '--runs',
      '100'
    ];
    const fromSources = join(temp.path, 'chart-sources');
    const fromBundle = join(temp.path, 'chart-bundle');
    const sources = await mizan(...args(fromSources));
    expect(sources.code).toBe(0);
    const built = await node([BUNDLE, ...args(fromBundle)]);
    expect({ ...built, stdout: built.stdout.replaceAll(fromBundle, fromSources) }).toEqual(sources);
    const expected = await filesOf(fromSources);
    expect(Object.keys(expected)).toHaveLength(2 * 3 * 3); // two charts of each of three scenarios, three formats
    expect(await filesOf(fromBundle)).toEqual(expected);
  });

  it('validates and runs with nothing from node_modules; only chart loads its dependencies', async () => {
    // A copy of out/cli where no node_modules can be found: the static imports of the entry must
    // not reach the chart chunk (Chart.js is bundled, @napi-rs/canvas is not).
    const alone = join(temp.path, 'alone');
    await cp(join(ROOT, 'out/cli'), alone, { recursive: true });
    const entry = join(alone, 'mizan.mjs');
    expect(await node([entry, 'validate', DEFAULT], alone)).toEqual(await mizan('validate', DEFAULT));
    const run = await node([entry, 'run', DEFAULT, '--runs', '20']);
    expect(run).toEqual(await mizan('run', DEFAULT, '--runs', '20'));
    const chart = await node([entry, 'chart', DEFAULT, '--out', join(temp.path, 'never'), '--runs', '0']);
    expect(chart.code).toBe(1);
    expect(chart.stderr).toMatch(/^mizan: unexpected failure: .*@napi-rs\/canvas/);
  });
});

describe('bin/mizan.mjs', () => {
  // A copy of the project's command (bin, scripts, sources, package.json) sharing node_modules,
  // with its own bundle marked so that the test sees which code ran.
  const MARK = '[the bundle ran]\n';
  let copy = '';
  let file = '';
  const mizanBin = () => node([join(copy, 'bin/mizan.mjs'), 'validate', file], copy);

  beforeAll(async () => {
    copy = join(temp.path, 'project');
    await mkdir(copy);
    for (const part of ['bin', 'src', 'scripts', 'package.json'])
      await cp(join(ROOT, part), join(copy, part), { recursive: true });
    await symlink(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
    file = join(temp.path, 'valid.mizan');
    await cp(DEFAULT, file);
    await buildCli(copy);
    const bundle = join(copy, CLI_BUNDLE);
    await writeFile(bundle, `process.stderr.write(${JSON.stringify(MARK)});\n` + (await readFile(bundle, 'utf8')));
  }, 60_000);

  it('runs the bundle while it is current', async () => {
    expect(cliBundleState(copy)).toBe('current');
    expect(await mizanBin()).toEqual({ code: 0, stdout: `${file}: valid\n`, stderr: MARK });
  });

  it('runs the sources once one of them changed since the build', async () => {
    const source = join(copy, 'src/cli/validate.ts');
    await writeFile(
      source,
      (await readFile(source, 'utf8')).replace('`${files[0]}: valid\\n`', '`${files[0]}: valid (edited)\\n`')
    );
    const later = new Date(Date.now() + 2000); // whatever the clock's and the file system's grain
    await utimes(source, later, later);
    expect(cliBundleState(copy)).toBe('stale');
    expect(await mizanBin()).toEqual({ code: 0, stdout: `${file}: valid (edited)\n`, stderr: '' });
  });

  it('runs the sources when there is no bundle', async () => {
    await rm(join(copy, 'out'), { recursive: true });
    expect(cliBundleState(copy)).toBe('missing');
    expect(await mizanBin()).toEqual({ code: 0, stdout: `${file}: valid (edited)\n`, stderr: '' });
  });
});
