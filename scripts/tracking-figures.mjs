// The tables of docs/MODEL.md's "The default analysis, tracked", from the JSON of `mizan run` on
// standard input:
//   npx mizan run resources/scenarios/ashgabat-2024.mizan --runs 50000 --max-work 100000000000 --json | node scripts/tracking-figures.mjs

import { isMain, one, percent, readStdin, table } from './figures.mjs';

/** The odds by month (every month to `last`, then the horizon) and each scenario's figures. */
export function trackingTables(run, last = 12) {
  const { tracking, months, scenarios } = run;
  if (tracking === undefined) throw new Error('no observations: nothing to track');
  if ('problem' in tracking) return `${tracking.problem}\n`;
  const horizon = months.length - 1;
  const shown = [
    ...Array.from({ length: Math.min(last, horizon) + 1 }, (_, t) => t),
    ...(last < horizon ? [horizon] : [])
  ];
  const odds = table(
    ['month', ...tracking.scenarios.map((s) => s.id)],
    shown.map((t) => [months[t], ...tracking.scenarios.map((s) => percent(tracking.posteriorByMonth[s.id][t]))])
  );
  const band = (q, t) => `${one(q['50'][t])} (${one(q['5'][t])}–${one(q['95'][t])})`;
  const figures = table(
    [
      'scenario',
      'odds: prior → now',
      'effective runs',
      'Brier',
      `T(${months[horizon]}): forecast`,
      'given what happened',
      'P(crisis ever): forecast',
      'given what happened'
    ],
    tracking.scenarios.map((s, k) => {
      const mc = scenarios[k].monteCarlo;
      const c = s.conditioned;
      return [
        s.id,
        `${percent(s.prior)} → ${percent(s.posterior)}`,
        String(Math.round(s.effectiveRuns)),
        s.brier === null ? '—' : s.brier.toFixed(3),
        band(mc.quantiles, horizon),
        c ? band(c.quantiles, horizon) : 'no run fits',
        percent(mc.pCrisisEver),
        c ? percent(c.pCrisisEver) : '—'
      ];
    })
  );
  return `${odds}\n\n${figures}\n\nAll scenarios weighed by their odds: P(crisis ever | what happened) = ${percent(tracking.mixture.pCrisisEver)}.\n`;
}

if (isMain(import.meta.url)) process.stdout.write(trackingTables(JSON.parse(await readStdin())));
