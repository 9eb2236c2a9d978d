// mizan sensitivity FILE [--scenario ID|NAME] [--metric final|peak|crisis] [--samples N] [--seed S] [--json] [--max-work N]
import { runWork } from '../engine/analysis';
import { BOUNDS } from '../engine/format';
import { compileScenario } from '../engine/model/compile';
import { ModelProblem } from '../engine/model/problems';
import {
  scenarioSobol,
  sobolGroups,
  spreadShares,
  type ScenarioSobol,
  type SobolMetric
} from '../engine/model/scenarioSobol';
import { approximately, DEFAULT_MAX_WORK } from './analyse';
import { readDocumentOrReport } from './files';
import { EXIT, UsageError, type CliIO } from './io';
import { formatFileProblem, terminalText } from './report';
import { integerOption, oneOf } from './run';
import { findScenario, scenarioName } from './scenarios';

export interface SensitivityOptions {
  scenario?: string;
  metric?: string;
  samples?: string;
  seed?: string;
  json?: boolean;
  'max-work'?: string;
}

export const SOBOL_METRICS: readonly SobolMetric[] = ['final', 'peak', 'crisis'];
/** N, the rows of the design: the model runs N·(groups + 2) times per scenario. */
export const DEFAULT_SAMPLES = 4096;
/** At most this many rows (some 60 groups would then be 8 million runs). */
export const MAX_SAMPLES = 131_072;

const METRIC_WORDS: Record<SobolMetric, string> = {
  final: 'tension at the horizon',
  peak: 'peak tension',
  crisis: 'whether tension reaches the crisis line in some month'
};

/** One decimal; a small negative estimate (an index is ≥ 0, its estimate need not be) shows as 0.0 when it rounds to it. */
const percent = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1).replace(/^-0\.0$/, '0.0')}%` : '—');
const interval = ([lo, hi]: [number, number]) => `${percent(lo)}–${percent(hi)}`;

/** One scenario's indices as a table, the groups by total index, largest first, and a line on noise. */
export function sensitivityReport(result: ScenarioSobol, name: string): string {
  const lines = [
    `${terminalText(name)} (${result.id}): Sobol indices of ${METRIC_WORDS[result.metric]}, ${result.samples} samples`
  ];
  if (result.groups.length === 0 || !(result.variance > 0)) {
    lines.push('  nothing varies: no range, no uncertain event and no noise move it');
    return lines.join('\n') + '\n';
  }
  const groups = [...result.groups].sort((a, b) => b.total - a.total);
  const width = Math.max(5, ...groups.map((g) => g.id.length));
  lines.push(`  ${'group'.padEnd(width)}  kind     first  (95 %)          total  (95 %)`);
  for (const g of groups)
    lines.push(
      `  ${g.id.padEnd(width)}  ${g.kind.padEnd(7)} ${percent(g.first).padStart(6)}  ${interval(g.firstInterval).padEnd(14)} ${percent(g.total).padStart(6)}  ${interval(g.totalInterval)}`
    );
  const shares = spreadShares(result);
  lines.push(
    result.groups.some((g) => g.kind === 'noise')
      ? `  Monthly noise alone explains ${percent(shares.noise)} of the variance; the judgements (ranges, events, links) alone ${percent(shares.judgement)}.`
      : `  The judgements (ranges, events, links) alone explain ${percent(shares.judgement)} of the variance; the scenario has no noise.`
  );
  return lines.join('\n') + '\n';
}

export async function sensitivityCommand(files: string[], options: SensitivityOptions, io: CliIO): Promise<number> {
  if (files.length !== 1) throw new UsageError('sensitivity takes exactly one FILE');
  const metric = oneOf('metric', options.metric, SOBOL_METRICS, 'final');
  const samples = integerOption('samples', options.samples, MAX_SAMPLES) ?? DEFAULT_SAMPLES;
  if (samples < 2)
    throw new UsageError(`--samples takes a whole number from 2 to ${MAX_SAMPLES} (got "${options.samples}")`);
  const seed = integerOption('seed', options.seed, BOUNDS.seed.max);
  if (options.scenario !== undefined && options.scenario.trim() === '')
    throw new UsageError('--scenario needs a scenario id or name');
  const [file] = files;
  const doc = await readDocumentOrReport(file, io);
  if (!doc) return EXIT.problems;
  let indices = doc.scenarios.map((_, k) => k);
  if (options.scenario !== undefined) {
    const found = findScenario(doc, options.scenario);
    if (typeof found !== 'string') {
      io.stderr(formatFileProblem(file, { path: '', message: found.problem }) + '\n');
      return EXIT.problems;
    }
    indices = [doc.scenarios.findIndex((s) => s.id === found)];
  }
  const maxWork = integerOption('max-work', options['max-work'], Number.MAX_SAFE_INTEGER) ?? DEFAULT_MAX_WORK;
  const results: ScenarioSobol[] = [];
  for (const k of indices) {
    try {
      const model = compileScenario(doc, k);
      // The design runs the model N·(groups + 2) times, each run the work of one Monte Carlo run.
      const work = samples * (sobolGroups(model).length + 2) * runWork(doc, k);
      if (work > maxWork) {
        io.stderr(
          formatFileProblem(file, {
            path: '',
            message:
              `the Sobol design of scenario ${doc.scenarios[k].id} is too large to run without asking: about ` +
              `${approximately(work)} steps, above the limit of ${approximately(maxWork)}. ` +
              `Run it anyway with --max-work ${Math.ceil(work)}, or use fewer --samples`
          }) + '\n'
        );
        return EXIT.problems;
      }
      results.push(scenarioSobol(model, { metric, samples, seed: seed ?? doc.simulation.seed }));
    } catch (error) {
      if (!(error instanceof ModelProblem)) throw error;
      io.stderr(formatFileProblem(file, { path: error.path, message: error.problem }) + '\n');
      return EXIT.problems;
    }
  }
  if (options.json) io.stdout(JSON.stringify({ file, scenarios: results }, null, 2) + '\n');
  else {
    const name = (id: string) => scenarioName(doc.scenarios.find((s) => s.id === id)!) || id;
    io.stdout(results.map((r) => sensitivityReport(r, name(r.id))).join('\n'));
  }
  return EXIT.ok;
}
