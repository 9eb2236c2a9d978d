// The whole analysis the command line does, against the C loop: `mizan run` of the brief's
// 36-month × 10-factor document with 10 000 runs (quantiles of every month, P(crisis), histogram,
// tornado, importance) minus the same command with --runs 0 (start-up, loading, central paths,
// tornado), alternating, as a median; printed as a ratio to the C loop measured in the same run.
import { cliBundleState } from '../scripts/cli-bundle.mjs';
import { join } from 'node:path';
import { median, timeOnce } from './startup';

const ROOT = join(import.meta.dirname, '..');
const RUN = (runs: number) => [
  'bin/mizan.mjs',
  'run',
  'bench/reference/bench-36x10.mizan',
  '--runs',
  String(runs),
  '--json'
];

export function benchAnalysisRun(samples: number, cMs: number | null, numpyMs: number | null = null): void {
  if (cliBundleState(ROOT) !== 'current')
    console.log('\n(mizan run below runs the sources through tsx: `npm run build` first for the bundle’s figures)');
  timeOnce(RUN(0)); // warms the file cache
  const full: number[] = [];
  const bare: number[] = [];
  for (let k = 0; k < samples; k++) {
    full.push(timeOnce(RUN(10_000)));
    bare.push(timeOnce(RUN(0)));
  }
  const marginal = median(full) - median(bare);
  console.log(
    `\nThe whole analysis — mizan run bench/reference/bench-36x10.mizan --json, ${samples} runs of each, alternating`
  );
  console.log('median ms  task');
  console.log(`${median(full).toFixed(1).padStart(9)}  --runs 10000`);
  console.log(`${median(bare).toFixed(1).padStart(9)}  --runs 0`);
  console.log(
    `${marginal.toFixed(1).padStart(9)}  the difference: 10 000 runs' Monte Carlo, summaries and importance${cMs === null ? '' : ` — ${(marginal / cMs).toFixed(2)} × C (target ≤ 1.5)`}${numpyMs === null ? '' : `, ${(marginal / numpyMs).toFixed(2)} × numpy's loop alone`}`
  );
}
