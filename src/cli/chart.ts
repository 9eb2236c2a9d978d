// mizan chart FILE... --out DIR [--format png,svg,csv] [--scale 1|2|3] [--lang en|ar]
//   [--theme light|dark] [--background white|transparent|dark] [--chart KIND,...]
//   [--scenario ID|NAME] [--runs N] [--seed S] [--tornado final|peak] [--bom] [--no-caption] [--max-work N] [--progress]
import { basename, join } from 'node:path';
import { BOUNDS, LIMITS, type Language } from '../engine/format';
import { ModelProblem } from '../engine/model/problems';
import type { TornadoMetric } from '../engine/model/sensitivity';
import {
  CHART_KIND_TRAITS,
  CHART_KINDS,
  chartParts,
  GAP_KINDS,
  type ChartInput,
  type ChartKind,
  type ChartTheme
} from '../presentation/charts';
import {
  chartCsv,
  DEFAULT_EXPORT_SIZE,
  EXPORT_BACKGROUNDS,
  EXPORT_FORMATS,
  EXPORT_SCALES,
  exportCaption,
  exportDocumentName,
  exportFileName,
  exportScenarioPart,
  renderChartPng,
  renderChartSvg,
  type ExportBackground,
  type ExportFormat,
  type ExportScale
} from '../presentation/export';
import { analyse, checkWork, DEFAULT_MAX_WORK, Interrupted, TooMuchWork } from './analyse';
import { nodeCanvas } from './canvas';
import { describeSystemError, readDocumentOrReport, writeFilesAtomically } from './files';
import { EXIT, UsageError, type CliIO } from './io';
import { formatFileProblem } from './report';
import { integerOption, oneOf, TORNADO_METRICS } from './run';
import { findScenario } from './scenarios';

export interface ChartOptions {
  out?: string;
  format?: string[];
  scale?: string;
  lang?: string;
  theme?: string;
  background?: string;
  chart?: string[];
  scenario?: string;
  runs?: string;
  seed?: string;
  tornado?: string;
  bom?: boolean;
  'no-caption'?: boolean;
  'max-work'?: string;
  progress?: boolean;
}

export interface ChartSettings {
  out: string;
  formats: ExportFormat[];
  scale: ExportScale;
  language: Language;
  theme: ChartTheme;
  background: ExportBackground;
  kinds: ChartKind[];
  /** The scenario to draw, by id or name; undefined: every scenario, each selected in turn. */
  scenario: string | undefined;
  runs: number | undefined;
  seed: number | undefined;
  /** What the tornado chart measures. */
  tornadoMetric: TornadoMetric;
  /** CSV files start with a UTF-8 byte-order mark (for Excel). */
  bom: boolean;
  /** Pictures carry the caption (document title, date, judgement-aid line) dated this day; null: none. */
  captionDate: Date | null;
  maxWork: number;
  progress: boolean | undefined;
}

/** A comma-separated (or repeated) option whose values must come from `allowed`, without duplicates. */
function listOption<T extends string>(
  name: string,
  given: string[] | undefined,
  allowed: readonly T[],
  fallback: T[]
): T[] {
  if (!given) return fallback;
  const values = given
    .flatMap((g) => g.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  const chosen: T[] = [];
  for (const value of values) {
    if (!(allowed as readonly string[]).includes(value))
      throw new UsageError(`--${name} takes ${allowed.join(', ')} (got "${value}")`);
    if (!chosen.includes(value as T)) chosen.push(value as T);
  }
  if (chosen.length === 0) throw new UsageError(`--${name} needs at least one of ${allowed.join(', ')}`);
  return chosen;
}

export function chartSettings(options: ChartOptions): ChartSettings {
  if (options.out === undefined || options.out.trim() === '')
    throw new UsageError('chart needs --out DIR, the folder to write to');
  const theme = oneOf<ChartTheme>('theme', options.theme, ['light', 'dark'], 'light');
  const scale = Number(oneOf('scale', options.scale, EXPORT_SCALES.map(String), '2')) as ExportScale;
  if (options.scenario !== undefined && options.scenario.trim() === '')
    throw new UsageError('--scenario needs a scenario id or name');
  const formats = listOption('format', options.format, EXPORT_FORMATS, ['png']);
  if (options.bom && !formats.includes('csv'))
    throw new UsageError('--bom goes with --format csv (it marks the CSV files)');
  return {
    out: options.out,
    formats,
    scale,
    language: oneOf<Language>('lang', options.lang, ['en', 'ar'], 'en'),
    theme,
    background: oneOf('background', options.background, EXPORT_BACKGROUNDS, theme === 'dark' ? 'dark' : 'white'),
    kinds: listOption('chart', options.chart, CHART_KINDS, [...CHART_KINDS]),
    scenario: options.scenario,
    runs: integerOption('runs', options.runs, LIMITS.runs),
    seed: integerOption('seed', options.seed, BOUNDS.seed.max),
    tornadoMetric: oneOf('tornado', options.tornado, TORNADO_METRICS, 'final'),
    bom: options.bom ?? false,
    captionDate: options['no-caption'] ? null : new Date(),
    maxWork: integerOption('max-work', options['max-work'], Number.MAX_SAFE_INTEGER) ?? DEFAULT_MAX_WORK,
    progress: options.progress || undefined
  };
}

interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

/** The images and tables of one document, named `<document>-<chart>-<scenario>.<ext>`. */
export function chartFiles(documentName: string, input: ChartInput, settings: ChartSettings): OutputFile[] {
  const { width, height } = DEFAULT_EXPORT_SIZE;
  const name = (kind: ChartKind, chart: string, ext: string) =>
    join(settings.out, exportFileName(documentName, chart, exportScenarioPart(kind, input), ext));
  const caption = settings.captionDate ? exportCaption(input.doc, settings.language, settings.captionDate) : undefined;
  const files: OutputFile[] = [];
  for (const kind of settings.kinds) {
    // One picture per factor for the factor paths; one table for every chart.
    const pictures = chartParts(kind, input);
    for (const format of settings.formats) {
      if (format === 'csv') {
        files.push({ path: name(kind, kind, 'csv'), content: chartCsv(kind, input, { bom: settings.bom }) });
        continue;
      }
      for (const { name: chart, config } of pictures) {
        const content =
          format === 'png'
            ? renderChartPng(
                config,
                { width, height, scale: settings.scale, background: settings.background, caption },
                nodeCanvas
              )
            : renderChartSvg(
                config,
                { width, height, background: settings.background, language: settings.language, caption },
                nodeCanvas
              );
        files.push({ path: name(kind, chart, format), content });
      }
    }
  }
  return files;
}

/** Draws one file's charts and writes them all or none; false (with its lines on stderr) if it failed. */
async function chartOneFile(file: string, settings: ChartSettings, io: CliIO): Promise<boolean> {
  const fail = (path: string, message: string) => {
    io.stderr(formatFileProblem(file, { path, message }) + '\n');
    return false;
  };
  const doc = await readDocumentOrReport(file, io);
  if (!doc) return false;
  const ids = doc.scenarios.map((s) => s.id);
  // The gap charts compare two scenarios: with one there is nothing to draw, so they are left out.
  const kinds = ids.length > 1 ? settings.kinds : settings.kinds.filter((kind) => !GAP_KINDS.includes(kind));
  if (kinds.length === 0) return fail('scenarios', 'the gap charts need two scenarios, and the file has one');
  let selected = ids;
  if (settings.scenario !== undefined) {
    const found = findScenario(doc, settings.scenario);
    if (typeof found !== 'string') return fail('scenarios', found.problem);
    selected = [found];
  }
  let analysis;
  try {
    checkWork(doc, settings.runs ?? doc.simulation.runs, settings.maxWork);
    analysis = await analyse(
      doc,
      { runs: settings.runs, seed: settings.seed, tornadoMetric: settings.tornadoMetric },
      io,
      settings.progress
    );
  } catch (error) {
    if (error instanceof Interrupted) throw error;
    if (error instanceof TooMuchWork) return fail('', error.message);
    if (error instanceof ModelProblem) return fail(error.path, error.problem);
    return fail('', `could not be analysed: ${error instanceof Error ? error.message : String(error)}`);
  }
  let files: OutputFile[];
  try {
    // A chart that does not show the selected scenario is the same for each: drawn with the first.
    files = selected.flatMap((scenario, k) =>
      chartFiles(
        basename(file),
        {
          doc,
          analysis,
          selectedScenario: scenario,
          compared: ids,
          language: settings.language,
          theme: settings.theme,
          tornadoMetric: settings.tornadoMetric
        },
        { ...settings, kinds: k === 0 ? kinds : kinds.filter((kind) => CHART_KIND_TRAITS[kind].showsSelected) }
      )
    );
  } catch (error) {
    return fail('', `could not draw the charts: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    await writeFilesAtomically(files);
  } catch (error) {
    return fail('', `could not write the charts to ${settings.out}: ${describeSystemError(error)}`);
  }
  io.stdout(`${file}: ${files.length} ${files.length === 1 ? 'file' : 'files'} written to ${settings.out}\n`);
  return true;
}

export async function chartCommand(files: string[], options: ChartOptions, io: CliIO): Promise<number> {
  if (files.length === 0) throw new UsageError('chart needs at least one FILE');
  const settings = chartSettings(options);
  // Two files of the same name would write the same chart files: the later one is refused.
  const names = new Map<string, string>();
  let failed = 0;
  for (const file of files) {
    // Case-insensitive: so are the usual file systems of Windows and macOS.
    const key = exportDocumentName(basename(file)).toLowerCase();
    const earlier = names.get(key);
    if (earlier !== undefined) {
      io.stderr(`${file}: its charts would overwrite those of ${earlier} (same file name); rename one of them\n`);
      failed++;
      continue;
    }
    names.set(key, file);
    try {
      if (!(await chartOneFile(file, settings, io))) failed++;
    } catch (error) {
      if (!(error instanceof Interrupted)) throw error;
      // The files charted before stay whole; this one's charts were not written.
      io.stderr(`interrupted\n`);
      return EXIT.interrupted;
    }
  }
  return failed === 0 ? EXIT.ok : EXIT.problems;
}
