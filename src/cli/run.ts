// mizan run FILE [--runs N] [--seed S] [--tornado final|peak] [--json] [--csv DIR [--bom]] [--max-work N] [--progress] [--stream]
import { join } from 'node:path';
import { scenarioCsv } from '../engine/export/scenarioTable';
import { BOUNDS, LIMITS } from '../engine/format';
import { CAPTION_TEXTS } from '../presentation/export/caption';
import { ModelProblem } from '../engine/model/problems';
import type { TornadoMetric } from '../engine/model/sensitivity';
import { scenarioDiagnostics } from '../engine';
import { analyse, checkWork, DEFAULT_MAX_WORK, Interrupted, TooMuchWork } from './analyse';
import { describeSystemError, readDocumentOrReport, writeFilesAtomically } from './files';
import { EXIT, UsageError, type CliIO } from './io';
import { formatFileProblem, scenarioReport, structureReport, trackingReport } from './report';

export interface RunOptions {
  runs?: string;
  seed?: string;
  /** What the tornado measures: T at the horizon (final, the default) or peak T. */
  tornado?: string;
  json?: boolean;
  csv?: string;
  /** Starts each CSV file with a UTF-8 byte-order mark (for Excel). */
  bom?: boolean;
  'max-work'?: string;
  progress?: boolean;
  /** Streams every scenario's runs (bounded memory, the same results), not only those too large to keep. */
  stream?: boolean;
}

export function integerOption(name: string, text: string | undefined, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) > max)
    throw new UsageError(`--${name} takes a whole number from 0 to ${max} (got "${text}")`);
  return Number(text);
}

/** An option that takes one of `allowed` (else `fallback` when not given). */
export function oneOf<T extends string>(
  name: string,
  given: string | undefined,
  allowed: readonly T[],
  fallback: T
): T {
  if (given === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(given))
    throw new UsageError(`--${name} takes ${allowed.join(' or ')} (got "${given}")`);
  return given as T;
}

export const TORNADO_METRICS: readonly TornadoMetric[] = ['final', 'peak'];

export async function runCommand(files: string[], options: RunOptions, io: CliIO): Promise<number> {
  if (files.length !== 1) throw new UsageError('run takes exactly one FILE');
  const runs = integerOption('runs', options.runs, LIMITS.runs);
  const seed = integerOption('seed', options.seed, BOUNDS.seed.max);
  const tornadoMetric = oneOf('tornado', options.tornado, TORNADO_METRICS, 'final');
  if (options.bom && options.csv === undefined)
    throw new UsageError('--bom goes with --csv DIR (it marks the CSV files)');
  const maxWork = integerOption('max-work', options['max-work'], Number.MAX_SAFE_INTEGER) ?? DEFAULT_MAX_WORK;
  const [file] = files;
  const doc = await readDocumentOrReport(file, io);
  if (!doc) return EXIT.problems;
  let analysis;
  try {
    checkWork(doc, runs ?? doc.simulation.runs, maxWork);
    analysis = await analyse(
      doc,
      { runs, seed, tornadoMetric, ...(options.stream ? { streamAbove: 0 } : {}) },
      io,
      options.progress || undefined
    );
  } catch (error) {
    if (error instanceof Interrupted) {
      // Nothing was written: the CSV files and the JSON come after the analysis.
      io.stderr('interrupted\n');
      return EXIT.interrupted;
    }
    if (error instanceof TooMuchWork) {
      io.stderr(formatFileProblem(file, { path: '', message: error.message }) + '\n');
      return EXIT.problems;
    }
    if (!(error instanceof ModelProblem)) throw error;
    io.stderr(formatFileProblem(file, { path: error.path, message: error.problem }) + '\n');
    return EXIT.problems;
  }

  if (options.csv !== undefined) {
    const dir = options.csv;
    try {
      await writeFilesAtomically(
        analysis.scenarios.map((s) => ({
          path: join(dir, `${s.id}.csv`),
          content: scenarioCsv(analysis, s, { bom: options.bom })
        }))
      );
    } catch (error) {
      io.stderr(`${dir}: could not write the CSV files: ${describeSystemError(error)}\n`);
      return EXIT.problems;
    }
  }
  // Each scenario compiled when the analysis above did, so none of them throws here.
  const diagnostics = doc.scenarios.map((_, k) => scenarioDiagnostics(doc, k));
  if (options.json) {
    // A scenario's evidence is in `tracking`, with the odds: not repeated under the scenario.
    const scenarios = analysis.scenarios.map(({ evidence: _evidence, ...s }, k) => ({
      ...s,
      diagnostics: diagnostics[k]
    }));
    const { runs: ran, seed: used, months, tracking } = analysis;
    io.stdout(
      JSON.stringify(
        { file, runs: ran, seed: used, months, tornadoMetric, scenarios, ...(tracking ? { tracking } : {}) },
        null,
        2
      ) + '\n'
    );
  } else {
    const header = `${doc.title.trim() || CAPTION_TEXTS.en.untitled}\n${analysis.runs > 0 ? `${analysis.runs} Monte Carlo runs, seed ${analysis.seed}` : 'central paths only (--runs 0)'}; months ${analysis.months[0]} to ${analysis.months.at(-1)}\n`;
    const horizon = analysis.months[analysis.months.length - 1];
    io.stdout(
      header +
        analysis.scenarios
          .map(
            (s, k) =>
              '\n' + scenarioReport(doc, analysis, s, tornadoMetric) + structureReport(doc, horizon, diagnostics[k])
          )
          .join('') +
        (analysis.tracking ? '\n' + trackingReport(doc, analysis, analysis.tracking) : '')
    );
    if (options.csv !== undefined) io.stdout(`\nCSV written to ${options.csv}\n`);
  }
  return EXIT.ok;
}
