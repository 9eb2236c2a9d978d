// The before → after table of docs/MODEL.md's "The default analysis, revised": for each scenario
// of a file, T now, T at the horizon, P(crisis) ever and the share of T(H)'s variance that is
// monthly noise, from `mizan run --json` and `mizan sensitivity --json` of that file:
//   node scripts/analysis-figures.mjs resources/scenarios/ashgabat-2024.mizan
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isMain, one, percent, table } from './figures.mjs';

/** One row per scenario, from the JSON of `mizan run` and of `mizan sensitivity` of one file. */
export function analysisRows(run, sensitivity) {
  const horizon = run.months.length - 1;
  return run.scenarios.map((s) => {
    const sobol = sensitivity.scenarios.find((x) => x.id === s.id);
    // A scenario without volatility has no noise group: its noise explains nothing.
    const noise = sobol.groups.find((g) => g.kind === 'noise') ?? { first: 0, total: 0 };
    const q = s.monteCarlo.quantiles;
    return {
      id: s.id,
      now: one(s.central.tension[0]),
      horizon: `${one(s.central.tension[horizon])} (${one(q['50'][horizon])}; ${one(q['5'][horizon])}–${one(q['95'][horizon])})`,
      crisis: percent(s.monteCarlo.pCrisisEver),
      noise: `${percent(noise.first)} / ${percent(noise.total)}`
    };
  });
}

/** The rows as a Markdown table. */
export function analysisTable(run, sensitivity) {
  const end = run.months[run.months.length - 1];
  const header = ['scenario', 'T now', `T(${end}): central (median; 5–95 %)`, 'P(crisis) ever', 'noise: first / total'];
  const rows = analysisRows(run, sensitivity).map((r) => [r.id, r.now, r.horizon, r.crisis, r.noise]);
  return table(header, rows) + '\n';
}

if (isMain(import.meta.url)) {
  const file = process.argv[2];
  const mizan = fileURLToPath(new URL('../bin/mizan.mjs', import.meta.url));
  const json = (...args) =>
    JSON.parse(execFileSync(process.execPath, [mizan, ...args, file, '--json'], { encoding: 'utf8' }));
  process.stdout.write(analysisTable(json('run'), json('sensitivity')));
}
