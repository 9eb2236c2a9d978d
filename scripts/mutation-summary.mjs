#!/usr/bin/env node
// The mutation scores of docs/TESTING.md, from StrykerJS JSON reports:
//
//   node scripts/mutation-summary.mjs tmp/mutation/mutation.json [more.json …]
//   node scripts/mutation-summary.mjs --sources src/engine src/presentation
//
// Several reports (one run per file, or the engine's and the presentation's) are merged file by
// file, a later report's file replacing an earlier one's. Prints, in Markdown: per file the counts
// by status and Stryker's score — detected (killed + timed out) over detected + survived + no
// coverage; ignored mutants (equivalents marked `// Stryker disable … : reason`) are left out of
// the score, as Stryker does —, the total per folder given with --group, then every ignored
// mutant with its reason and every mutant left alive.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const STATUSES = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'Ignored'];

/** Merge reports file by file: a later report's file replaces an earlier one's. */
export function mergeReports(reports) {
  const files = {};
  for (const report of reports) Object.assign(files, report.files);
  return files;
}

/** Counts by status and the score (NaN when nothing counts) of a list of mutants. */
export function tally(mutants) {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  for (const m of mutants) if (m.status in counts) counts[m.status] += 1;
  const detected = counts.Killed + counts.Timeout;
  const counted = detected + counts.Survived + counts.NoCoverage;
  return { mutants: mutants.length, ...counts, score: counted === 0 ? NaN : (100 * detected) / counted };
}

const percent = (score) => (Number.isNaN(score) ? '—' : `${score.toFixed(1)} %`);
const row = (name, t) =>
  `| ${name} | ${t.mutants} | ${t.Killed} | ${t.Timeout} | ${t.Survived} | ${t.NoCoverage} | ${t.Ignored} | ${percent(t.score)} |`;
const where = (path, m) => `\`${path}:${m.location.start.line}\` ${m.mutatorName}`;

/** The Markdown summary of merged report files; `groups` are path prefixes totalled together. */
export function summary(files, groups = []) {
  const paths = Object.keys(files).sort();
  const lines = [
    '| file | mutants | killed | timed out | survived | no coverage | ignored | score |',
    '| ---- | ------: | -----: | --------: | -------: | ----------: | ------: | ----: |'
  ];
  for (const path of paths) lines.push(row(`\`${path}\``, tally(files[path].mutants)));
  for (const group of groups) {
    const inGroup = paths.filter((p) => p.startsWith(group)).flatMap((p) => files[p].mutants);
    lines.push(row(`**all of \`${group}\`**`, tally(inGroup)));
  }
  const listed = (status, text) =>
    paths.flatMap((p) => files[p].mutants.filter((m) => m.status === status).map((m) => text(p, m)));
  const ignored = listed('Ignored', (p, m) => `- ${where(p, m)}: ${m.statusReason ?? '(no reason given)'}`);
  const alive = listed('Survived', (p, m) => `- ${where(p, m)} → \`${m.replacement ?? ''}\``).concat(
    listed('NoCoverage', (p, m) => `- ${where(p, m)} (no test reaches it)`)
  );
  lines.push('', `Ignored as equivalent (${ignored.length}):`, '', ...ignored);
  lines.push('', `Alive (${alive.length}):`, '', ...(alive.length ? alive : ['- none']));
  return lines.join('\n');
}

const DISABLE = /\/\/ Stryker disable (?:next-line )?([\w,]+)(?::\s*(.*))?$/;

/** The `// Stryker disable` comments of source texts ({path: text}): where, which mutators, why. */
export function disabledInSources(sources) {
  const found = [];
  for (const path of Object.keys(sources).sort()) {
    sources[path].split('\n').forEach((line, i) => {
      const match = DISABLE.exec(line.trim());
      if (match) found.push({ path, line: i + 1, mutators: match[1], reason: match[2]?.trim() || '(no reason given)' });
    });
  }
  return found;
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

function listSources(dirs) {
  const sources = Object.fromEntries(dirs.flatMap(sourceFiles).map((path) => [path, readFileSync(path, 'utf8')]));
  const found = disabledInSources(sources);
  const lines = found.map((d) => `- \`${d.path}:${d.line + 1}\` ${d.mutators}: ${d.reason}`);
  return [`Marked equivalent in the source (${found.length} comments):`, '', ...lines].join('\n');
}

function main(argv) {
  if (argv[0] === '--sources') {
    process.stdout.write(`${listSources(argv.slice(1))}\n`);
    return 0;
  }
  const groups = [];
  const paths = [];
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--group') groups.push(argv[++i]);
    else paths.push(argv[i]);
  }
  if (paths.length === 0) {
    process.stderr.write('usage: node scripts/mutation-summary.mjs [--group src/engine/] report.json …\n');
    return 2;
  }
  const reports = [];
  for (const path of paths) {
    try {
      reports.push(JSON.parse(readFileSync(path, 'utf8')));
    } catch (error) {
      process.stderr.write(`${path}: cannot read a Stryker JSON report (${error.message})\n`);
      return 1;
    }
  }
  process.stdout.write(`${summary(mergeReports(reports), groups)}\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
