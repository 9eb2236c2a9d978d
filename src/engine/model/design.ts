// The sampled inputs of all the runs at once, for the two ways of drawing that need the runs
// together (docs/MODEL.md section 5):
// - Latin hypercube sampling: each range's [0, 1) is cut into as many strata as there are runs,
//   and each run gets one stratum of each range (a random permutation per range), at the
//   point its own uniform picks within it;
// - correlations: Iman–Conover re-orders the values of the correlated ranges across the runs,
//   so that their rank correlations approach the file's, each keeping exactly its values.
// Run r still draws its uniforms from its own stream (seed, r) in the usual order, so its events
// and noise are the same as with plain sampling; its ranges now depend on the run count too.
// A quick estimate takes the first runs of this design of all the runs, so it is still exactly
// the first runs of the refined result.
import type { CompiledScenario } from './compile';
import { imanConover, rankTarget } from './imanConover';
import { ModelProblem } from './problems';
import { statsKernel } from './statsKernel';
import { rangeValue, StreamBank } from '../random/streams';

/** Whether the scenario's ranges are drawn over all the runs together (runDesign), not run by run. */
export const needsDesign = (m: CompiledScenario): boolean =>
  m.sampling === 'latin-hypercube' || m.correlations.length > 0;

/** A seed for the strata's permutations apart from the runs' own (same seed, another stream family). */
const STRATA_SEED = 0x2545f491;

/** A random permutation of 0 … n − 1 for range k (Fisher–Yates from a stream of its own). */
export function strata(seed: number, k: number, n: number): Uint32Array {
  const order = Uint32Array.from({ length: n }, (_, r) => r);
  const streams = new StreamBank(1);
  streams.seed(0, (seed ^ STRATA_SEED) >>> 0, k);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(streams.uniform(0) * (i + 1));
    const swap = order[i];
    order[i] = order[j];
    order[j] = swap;
  }
  return order;
}

/** The value of each uncertain input k in each run r of `runs`, at [k·runs + r] (file units). */
export function runDesign(m: CompiledScenario, seed: number, runs: number): Float64Array {
  const inputs = m.uncertain.length;
  const values = new Float64Array(inputs * runs);
  // Each run's uniforms for its ranges: the first draws of its stream, as in drawRunInputs.
  if (!statsKernel()?.runUniforms(seed, runs, inputs, values)) {
    const streams = new StreamBank(1);
    for (let r = 0; r < runs; r++) {
      streams.seed(0, seed, r);
      for (let k = 0; k < inputs; k++) values[k * runs + r] = streams.uniform(0);
    }
  }
  for (let k = 0; k < inputs; k++) {
    const column = values.subarray(k * runs, (k + 1) * runs);
    if (m.sampling === 'latin-hypercube') {
      const order = strata(seed, k, runs);
      for (let r = 0; r < runs; r++) column[r] = (order[r] + column[r]) / runs;
    }
    for (let r = 0; r < runs; r++) column[r] = rangeValue(column[r], m.uncertain[k]);
  }
  if (m.correlations.length > 0) correlate(m, values, runs);
  return values;
}

/** Imposes the scenario's correlations on the columns of the ranges they name (in place). */
function correlate(m: CompiledScenario, values: Float64Array, runs: number): void {
  const involved = [...new Set(m.correlations.flatMap((c) => [c.a, c.b]))].sort((x, y) => x - y);
  const target = rankTarget(
    involved.length,
    m.correlations.map((c) => ({ a: involved.indexOf(c.a), b: involved.indexOf(c.b), rank: c.rank }))
  );
  const samples = new Float64Array(involved.length * runs);
  involved.forEach((k, c) => samples.set(values.subarray(k * runs, (k + 1) * runs), c * runs));
  const result = imanConover(samples, runs, target);
  // The file's checks refuse such correlations before any run (references.ts): this is a bug.
  if (!result.ok) throw new ModelProblem(`scenarios[${m.index}].correlations`, 'cannot all hold together');
  involved.forEach((k, c) => values.set(result.samples.subarray(c * runs, (c + 1) * runs), k * runs));
}
