#!/usr/bin/env node
// npm run test:mutation: StrykerJS over a whole area (src/engine by default), one run per group of
// scripts/mutation-groups.mjs, each against the tests aimed at its files; then one merged JSON
// report and the score table of docs/TESTING.md.
//
//   node scripts/mutation.mjs [--area engine] [--only stats,edits] [--concurrency 2] [--force]
//
// Each group keeps its own incremental file (tmp/stryker-incremental-<area>-<group>.json), so a
// second run tests again only mutants whose code or tests changed. --force ignores those files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { areas } from './mutation-groups.mjs';
import { mergeReports, summary, tally } from './mutation-summary.mjs';

/** A glob of the groups (`*`, `**`) as a regular expression over `/`-separated paths. */
export function globPattern(glob) {
  const source = glob
    .split(/(\*\*\/|\*)/)
    .map((part) => (part === '**/' ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/** Source files of `root` that no group mutates, and those that more than one group does. */
export function unassigned(area, files) {
  const patterns = area.groups.map((g) => ({ name: g.name, res: g.mutate.map(globPattern) }));
  const missing = [];
  const twice = [];
  for (const file of files) {
    const owners = patterns.filter((p) => p.res.some((re) => re.test(file))).map((p) => p.name);
    if (owners.length === 0) missing.push(file);
    if (owners.length > 1) twice.push(`${file} (${owners.join(', ')})`);
  }
  return { missing, twice };
}

/** The TypeScript sources Stryker would mutate under a folder, as repository paths. */
export function sourcesUnder(root) {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath ?? e.path, e.name).replaceAll('\\', '/'))
    .sort();
}

const groupReport = (area, group) => `tmp/mutation/groups/${area}-${group}.json`;

function parseArgs(argv) {
  const options = { area: 'engine', only: null, concurrency: '2', force: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--force') options.force = true;
    else if (arg === '--area' || arg === '--only' || arg === '--concurrency') {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      options[arg.slice(2)] = arg === '--only' ? value.split(',') : value;
    } else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

function main(argv) {
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    process.stderr.write(
      `mutation: ${error.message}\nusage: node scripts/mutation.mjs [--area engine|presentation] [--only GROUP,…] [--concurrency N] [--force]\n`
    );
    return 2;
  }
  const area = areas[options.area];
  if (!area) {
    process.stderr.write(`mutation: no area "${options.area}" (${Object.keys(areas).join(', ')})\n`);
    return 2;
  }
  const { missing, twice } = unassigned(area, sourcesUnder(area.root));
  if (missing.length || twice.length) {
    for (const file of missing)
      process.stderr.write(`mutation: ${file} is in no group of scripts/mutation-groups.mjs\n`);
    for (const file of twice) process.stderr.write(`mutation: ${file} is in several groups\n`);
    return 2;
  }
  const unknown = (options.only ?? []).filter((name) => !area.groups.some((g) => g.name === name));
  if (unknown.length) {
    process.stderr.write(`mutation: no group ${unknown.join(', ')} in area ${options.area}\n`);
    return 2;
  }
  const base = JSON.parse(readFileSync(area.config, 'utf8'));
  mkdirSync('tmp/mutation/groups', { recursive: true });
  for (const group of area.groups) {
    if (options.only && !options.only.includes(group.name)) continue;
    const configFile = `tmp/mutation/groups/${options.area}-${group.name}.config.json`;
    const { $schema: _schema, htmlReporter: _html, ...rest } = base;
    writeFileSync(
      configFile,
      JSON.stringify({
        ...rest,
        mutate: group.mutate,
        incrementalFile: `tmp/stryker-incremental-${options.area}-${group.name}.json`,
        reporters: ['clear-text', 'progress-append-only', 'json'],
        jsonReporter: { fileName: groupReport(options.area, group.name) },
        tempDirName: `tmp/stryker-${options.area}-${group.name}`
      })
    );
    process.stdout.write(`\n=== mutation group ${options.area}/${group.name}: ${group.mutate.join(' ')} ===\n`);
    const args = ['stryker', 'run', configFile, '--concurrency', options.concurrency];
    if (options.force) args.push('--force');
    const run = spawnSync('npx', args, {
      stdio: 'inherit',
      env: { ...process.env, MIZAN_MUTATION_TESTS: group.tests.join(',') }
    });
    if (run.status !== 0) {
      process.stderr.write(`mutation: the run of group ${group.name} failed (exit ${run.status})\n`);
      return 1;
    }
  }
  const reports = area.groups
    .map((g) => groupReport(options.area, g.name))
    .filter((file) => existsSync(file))
    .map((file) => JSON.parse(readFileSync(file, 'utf8')));
  const files = mergeReports(reports);
  mkdirSync(dirname(area.report), { recursive: true });
  writeFileSync(area.report, JSON.stringify({ schemaVersion: '1.0', thresholds: base.thresholds, files }));
  const notRun = area.groups.filter((g) => !existsSync(groupReport(options.area, g.name))).map((g) => g.name);
  process.stdout.write(`\n${summary(files, [area.root])}\n`);
  const total = tally(Object.values(files).flatMap((f) => f.mutants));
  process.stdout.write(
    `\nmutation score of ${area.root}: ${total.score.toFixed(1)} % (${total.Killed + total.Timeout} of ${total.Killed + total.Timeout + total.Survived + total.NoCoverage} counted mutants detected)` +
      (notRun.length ? `; groups never run: ${notRun.join(', ')}` : '') +
      `\nmerged report: ${area.report}\n`
  );
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
