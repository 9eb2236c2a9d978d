// How long `mizan validate` of the default file takes as a process, against a bare `node -e 0`
// (see docs/BENCHMARKS.md). Part of `npm run bench`; alone: `npm run bench:startup`.
// The two commands alternate so that a change in the machine's load hits both alike.
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { cliBundleState } from '../scripts/cli-bundle.mjs';

const ROOT = join(import.meta.dirname, '..');
const VALIDATE = ['bin/mizan.mjs', 'validate', 'resources/scenarios/ashgabat-2024.mizan'];
const BARE = ['-e', '0'];
/** validate may take at most this many times as long as the bare Node (medians). */
const TARGET_RATIO = 4;

export function timeOnce(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  return elapsed;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function benchStartup(samples: number): void {
  const state = cliBundleState(ROOT);
  const load = loadavg()[0];
  timeOnce(VALIDATE); // warms the file cache (and tsx's cache when it runs the sources)
  const validate: number[] = [];
  const bare: number[] = [];
  for (let k = 0; k < samples; k++) {
    validate.push(timeOnce(VALIDATE));
    bare.push(timeOnce(BARE));
  }
  const ratio = median(validate) / median(bare);
  console.log(
    `\nCommand-line start-up — ${samples} runs of each, alternating; load average ${load.toFixed(2)} at the start`
  );
  console.log(
    `bin/mizan.mjs runs ${state === 'current' ? 'the bundle out/cli/mizan.mjs' : `the sources through tsx (bundle ${state})`}`
  );
  console.log('median ms  task');
  console.log(`${median(validate).toFixed(1).padStart(9)}  node ${VALIDATE.join(' ')}`);
  console.log(`${median(bare).toFixed(1).padStart(9)}  node ${BARE.join(' ')}`);
  console.log(`ratio ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'})`);
}

if (process.argv[1] && realpathSync(process.argv[1]) === import.meta.filename)
  benchStartup(process.argv.includes('--quick') ? 7 : 21);
