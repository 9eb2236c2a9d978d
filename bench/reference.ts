// The speed anchor of `npm run bench`: the plain C loop of the model (bench/reference/mc_ref.c,
// 10 000 runs × 36 months × 10 factors, the shape of the engine's Monte Carlo workload), built
// here with the machine's C compiler and timed in the same run as the engine, so that every
// figure can be printed as a ratio to it (these machines are shared and noisy: ratios hold
// where absolute times move by half).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const SOURCE = join(ROOT, 'bench', 'reference', 'mc_ref.c');
const BINARY = join(ROOT, 'tmp', 'bench', 'mc_ref');

/** Builds the C loop (gcc or cc, -O2 -march=native); null and why not when there is no compiler. */
export function buildReference(): { binary: string } | { missing: string } {
  mkdirSync(join(ROOT, 'tmp', 'bench'), { recursive: true });
  for (const compiler of ['gcc', 'cc']) {
    const built = spawnSync(compiler, ['-O2', '-march=native', '-o', BINARY, SOURCE, '-lm'], { encoding: 'utf8' });
    if (built.error) continue;
    if (built.status !== 0) return { missing: `${compiler} could not build ${SOURCE}: ${built.stderr.trim()}` };
    return { binary: BINARY };
  }
  return { missing: 'no C compiler (gcc or cc) on this machine: the figures are printed without their ratio to C' };
}

/**
 * The same loop in vectorised numpy (bench/reference/mc_numpy.py: what an analyst's script
 * would be), its time in ms, or null when python3 with numpy is not here.
 */
export function timeNumpy(runs = 10_000, months = 36, factors = 10): number | null {
  const script = join(ROOT, 'bench', 'reference', 'mc_numpy.py');
  const ran = spawnSync('python3', [script, String(runs), String(months), String(factors)], { encoding: 'utf8' });
  if (ran.error || ran.status !== 0) return null;
  const seconds = Number(ran.stdout.trim());
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null;
}

/** The C loop's time in ms for runs × months × factors (its own best of three). */
export function timeReference(binary: string, runs = 10_000, months = 36, factors = 10): number {
  const ran = spawnSync(binary, [String(runs), String(months), String(factors)], { encoding: 'utf8' });
  if (ran.status !== 0) throw new Error(`${binary} exited with ${ran.status}: ${ran.stderr}`);
  const seconds = Number(ran.stdout.trim());
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new Error(`${binary} printed "${ran.stdout.trim()}", not a time`);
  return seconds * 1000;
}
