// npm run bench: medians of the engine's hot paths, then the command line's start-up
// (bench/startup.ts); see docs/BENCHMARKS.md.
import { loadavg } from 'node:os';
import { Bench } from 'tinybench';
import { analyseDocument, monteCarloSeries } from '../src/engine/analysis';
import { observedLevelsOf, scenarioTracking } from '../src/engine/tracking';
import { validateDocument } from '../src/engine/format';
import { compileScenario } from '../src/engine/model/compile';
import { MonteCarlo } from '../src/engine/model/montecarlo';
import { scenarioSobol, sobolRuns } from '../src/engine/model/scenarioSobol';
import { tornado } from '../src/engine/model/sensitivity';
import { centralPath } from '../src/engine/model/simulate';
import { buildReference, timeNumpy, timeReference } from './reference';
import { benchAnalysisRun } from './analysisRun';
import { benchStartup } from './startup';
import { defaultAnalysis, monteCarloWorkload } from './workloads';

const quick = process.argv.includes('--quick');
const doc = defaultAnalysis();
const workload = monteCarloWorkload();
const compiled = compileScenario(workload, 0);
let sink = 0;
// A hostile file: one scenario's factor record with 200 000 bad entries (it must be refused with
// one problem, quickly, not walked entry by entry).
const hostile = structuredClone(doc) as unknown as { scenarios: { factors: Record<string, unknown> }[] };
hostile.scenarios[1].factors = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`f${i}`, i]));

const bench = new Bench({ time: quick ? 300 : 3000, warmupTime: quick ? 100 : 1000 });
bench
  .add('(a) central paths, every scenario of the default analysis (compile + path)', () => {
    for (let s = 0; s < doc.scenarios.length; s++) sink += centralPath(compileScenario(doc, s)).tension[0];
  })
  .add('(b) Monte Carlo 10 000 runs × 36 months × 10 factors, 15 interactions (runs + summary)', () => {
    const mc = new MonteCarlo(compiled, { runs: 10_000, seed: 20241011 });
    mc.advance();
    sink += mc.summary().pCrisisEver;
  })
  .add('    of which: Spearman importance of the 31 sampled inputs', () => {
    const mc = new MonteCarlo(compiled, { runs: 10_000, seed: 20241011 });
    mc.advance();
    const t0 = performance.now();
    sink += mc.importance().length;
    return { overriddenDuration: performance.now() - t0 };
  })
  .add('tornado of the workload (62 paths)', () => {
    sink += tornado(compiled).length;
  })
  .add('validation of a hostile file (one record of 200 000 bad entries)', () => {
    sink += validateDocument(hostile).ok ? 1 : 0;
  })
  .add('full analysis of the default file (3 scenarios × 5 000 runs, tornado, importance)', () => {
    sink += analyseDocument(doc).scenarios.length;
  })
  .add(
    `Sobol indices of one scenario of the default file (4 096 samples, the app's default: ${sobolRuns(compileScenario(doc, 0), 4096).toLocaleString('en')} runs)`,
    () => {
      sink += scenarioSobol(compileScenario(doc, 0), { samples: 4096, seed: doc.simulation.seed }).variance;
    }
  )
  .add(
    'tracking of one scenario of the default file (5 000 runs, its observations; the main thread, when split)',
    () => {
      const m = compileScenario(doc, 0);
      const { runs, seed } = doc.simulation;
      const mc = new MonteCarlo(m, { runs, seed, observedLevels: observedLevelsOf(doc, m) });
      mc.advance();
      const forecast = monteCarloSeries(mc.summary());
      const t0 = performance.now();
      sink += scenarioTracking(doc, 0, m, mc, forecast).effectiveRuns;
      return { overriddenDuration: performance.now() - t0 };
    }
  );

// The C loop just before and just after the engine's tasks: its faster time is the yardstick
// (a ratio to it is the engine's time in C's units; ≤ 1 is the speed of C).
const reference = buildReference();
const cTimes: number[] = [];
if ('binary' in reference) cTimes.push(timeReference(reference.binary));
await bench.run();
if ('binary' in reference) cTimes.push(timeReference(reference.binary));
const c = cTimes.length ? Math.min(...cTimes) : null;
const numpy = timeNumpy();

const targets: Record<number, number> = { 0: 0.2, 1: 90, 6: 1000 };
console.log(
  `Mizan engine benchmarks — Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, load average ${loadavg()[0].toFixed(1)}`
);
if ('missing' in reference) console.log(reference.missing);
else
  console.log(
    `C loop (bench/reference/mc_ref.c, -O2 -march=native, 10 000 × 36 × 10): ${cTimes.map((t) => t.toFixed(1)).join(' ms before, ')} ms after; × C is a median over the faster`
  );
console.log(
  numpy === null
    ? 'numpy: not here (python3 with numpy), so no figure for the same loop in numpy'
    : `numpy (bench/reference/mc_numpy.py, vectorised over the runs): ${numpy.toFixed(1)} ms${c === null ? '' : `, ${(numpy / c).toFixed(2)} × C`}`
);
console.log('median ms   p75 ms    × C   samples  task');
bench.tasks.forEach((task, k) => {
  const result = task.result;
  if (result.state !== 'completed') {
    console.log(`   failed                     ${task.name}: ${result.state}`);
    return;
  }
  const { p50, p75, samplesCount } = result.latency;
  const target =
    targets[k] === undefined ? '' : `   (target < ${targets[k]} ms: ${p50 < targets[k] ? 'met' : 'NOT met'})`;
  console.log(
    `${p50.toFixed(3).padStart(9)} ${p75.toFixed(3).padStart(8)} ${(c === null ? '—' : (p50 / c).toPrecision(2)).padStart(6)} ${String(samplesCount).padStart(9)}  ${task.name}${target}`
  );
});
if (!Number.isFinite(sink)) console.log(sink);

benchAnalysisRun(quick ? 5 : 11, c, numpy);
benchStartup(quick ? 7 : 21);
