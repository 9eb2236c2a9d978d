// The `mizan` command: the same engine as the app, headless.
import { parseArgs } from 'node:util';
import { CHART_KINDS } from '../presentation/charts/types';
import { STREAM_ABOVE_BYTES } from '../engine/analysis';
import { DEFAULT_MAX_WORK } from './analyse';
import { formatCommand } from './format';
import { EXIT, processIO, UsageError, type CliIO } from './io';
import { runCommand } from './run';
import { sensitivityCommand } from './sensitivity';
import { validateCommand } from './validate';

/** What each command takes, as `mizan COMMAND --help` prints it. */
export const COMMAND_USAGE = {
  validate: `  mizan validate FILE...
      Checks .mizan files; prints one line per problem (FILE: PLACE (PATH): message),
      the place named by labels: factor “Gaza” [gaza] › weight (factors[1].weight).
`,
  format: `  mizan format FILE... [--check]
      Rewrites each file in the canonical form Mizan writes (stable key order, 2-space
      indent, the newest format version), safely; a file already canonical is left alone.
      --check changes nothing and exits 1 if a file is not in canonical form.
`,
  run: `  mizan run FILE [--runs N] [--seed S] [--tornado final|peak] [--json] [--csv DIR [--bom]]
        [--max-work N] [--progress] [--stream]
      Simulates every scenario. --runs 0 skips Monte Carlo; runs and seed default
      to the file's own. --tornado peak measures the tornado's swings on peak tension
      over the months instead of tension at the horizon (final, the default). --json prints every series and each scenario's structural
      diagnostics (steady states, feedback loops, T without links); --csv writes one CSV per scenario.
      --bom starts each CSV with a UTF-8 byte-order mark, for Excel.
      --stream analyses in bounded memory whatever the runs (as runs that would hold more
      than ${STREAM_ABOVE_BYTES / 2 ** 20} MB always are): each scenario's runs go by in windows,
      summarised as they go, with the same results.
`,
  sensitivity: `  mizan sensitivity FILE [--scenario ID|NAME] [--metric final|peak|crisis] [--samples N] [--seed S]
        [--json] [--max-work N]
      Sobol indices: which groups of inputs (each factor's ranges, each event, the monthly
      noise) drive the spread of tension at the horizon (final, the default), of peak
      tension, or of whether tension reaches the crisis line. First-order and total indices
      with 95 % bootstrap intervals, for every scenario or the one --scenario names.
      Defaults: 4096 samples (the model runs samples × (groups + 2) times), the file's seed.
`,
  chart: `  mizan chart FILE... --out DIR [--format png,svg,csv] [--scale 1|2|3] [--lang en|ar]
        [--theme light|dark] [--background white|transparent|dark] [--chart KIND,...]
        [--scenario ID|NAME] [--runs N] [--seed S] [--tornado final|peak] [--bom] [--no-caption]
        [--max-work N] [--progress]
      Exports charts as DIR/<file>-<chart>-<scenario>.<format> (a chart that draws every
      scenario alike, as factors, contributionsAtHorizon, radar and odds do, once as
      DIR/<file>-<chart>.<format>), each file's set written
      whole or not at all. Defaults: png, scale 2 (1800x1040 pixels), en, light, a
      background matching the theme, every chart, every scenario (each selected in turn,
      all compared), the file's runs and seed. --scenario draws one scenario, named by its
      id or its English or Arabic name. KIND: ${CHART_KINDS.join(', ')}.
      gap and gapAtHorizon show each scenario minus the next (the last minus the first).
      --tornado peak draws the tornado on peak tension (as run --tornado).
      --bom starts each CSV with a UTF-8 byte-order mark, for Excel.
      --no-caption leaves out the lines under each picture (the file's title, today's
      date and "a judgement aid, not a forecast").
`
} as const;

type Command = keyof typeof COMMAND_USAGE;
const isCommand = (name: string | undefined): name is Command =>
  name !== undefined && Object.hasOwn(COMMAND_USAGE, name);

const WORK_LIMIT = `
run and chart refuse an analysis of more than ${DEFAULT_MAX_WORK / 1e9} billion steps (runs × months × factors,
about a minute) unless --max-work N raises the limit. They show progress on stderr when it is
a terminal (--progress: always), and Ctrl+C stops them between steps without writing anything.
`;

const EXIT_STATUS = `
Exit status: 0 all good, 1 a file has problems (or its analysis is over the limit, or, with
format --check, is not in canonical form), 2 the command was used wrongly, 130 stopped by Ctrl+C.
`;

export const USAGE = `Usage:
${Object.values(COMMAND_USAGE).join('')}  mizan --help | mizan COMMAND --help | mizan --version
${WORK_LIMIT}${EXIT_STATUS}`;

/** The usage of one command (with the work limit where it applies), or of them all. */
const usageOf = (command: string | undefined) =>
  isCommand(command)
    ? `Usage:\n${COMMAND_USAGE[command]}${command === 'run' || command === 'chart' ? WORK_LIMIT : ''}${EXIT_STATUS}`
    : USAGE;

/** --help or -h among the options (not after `--`, where a file may be called so). */
const asksForHelp = (args: string[]) => {
  const options = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  return options.includes('--help') || options.includes('-h');
};

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [command, ...rest] = argv;
  if (isCommand(command) && asksForHelp(rest)) {
    io.stdout(usageOf(command));
    return EXIT.ok;
  }
  try {
    switch (command) {
      case 'validate': {
        const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
        return await validateCommand(positionals, io);
      }
      case 'format': {
        const { positionals, values } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { check: { type: 'boolean' } }
        });
        return await formatCommand(positionals, values, io);
      }
      case 'run': {
        const { positionals, values } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            runs: { type: 'string' },
            seed: { type: 'string' },
            tornado: { type: 'string' },
            json: { type: 'boolean' },
            csv: { type: 'string' },
            bom: { type: 'boolean' },
            'max-work': { type: 'string' },
            progress: { type: 'boolean' },
            stream: { type: 'boolean' }
          }
        });
        return await runCommand(positionals, values, io);
      }
      case 'sensitivity': {
        const { positionals, values } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            scenario: { type: 'string' },
            metric: { type: 'string' },
            samples: { type: 'string' },
            seed: { type: 'string' },
            json: { type: 'boolean' },
            'max-work': { type: 'string' }
          }
        });
        return await sensitivityCommand(positionals, values, io);
      }
      case 'chart': {
        const { positionals, values } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            out: { type: 'string' },
            format: { type: 'string', multiple: true },
            scale: { type: 'string' },
            lang: { type: 'string' },
            theme: { type: 'string' },
            background: { type: 'string' },
            chart: { type: 'string', multiple: true },
            scenario: { type: 'string' },
            runs: { type: 'string' },
            seed: { type: 'string' },
            tornado: { type: 'string' },
            bom: { type: 'boolean' },
            'no-caption': { type: 'boolean' },
            'max-work': { type: 'string' },
            progress: { type: 'boolean' }
          }
        });
        // Loaded on demand: Chart.js and the native canvas are needed by this command only.
        const { chartCommand } = await import('./chart');
        return await chartCommand(positionals, values, io);
      }
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return EXIT.ok;
      case 'help':
        if (rest[0] !== undefined && !isCommand(rest[0])) throw new UsageError(`unknown command "${rest[0]}"`);
        io.stdout(usageOf(rest[0]));
        return EXIT.ok;
      case '--version':
        io.stdout('mizan 0.1.0 (file format 1)\n');
        return EXIT.ok;
      default:
        throw new UsageError(command === undefined ? 'a command is needed' : `unknown command "${command}"`);
    }
  } catch (error) {
    // parseArgs reports unknown or malformed options with a TypeError carrying ERR_PARSE_ARGS_*.
    const code = (error as { code?: string }).code ?? '';
    if (error instanceof UsageError || code.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`mizan: ${(error as Error).message}\n\n${usageOf(command)}`);
      return EXIT.usage;
    }
    io.stderr(`mizan: unexpected failure: ${(error as Error).message}\n`);
    return EXIT.problems;
  }
}
