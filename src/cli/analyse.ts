// The analysis behind `mizan run` and `mizan chart`: refused above a work limit unless raised,
// run in chunks with progress on a terminal, and stopped between chunks by Ctrl+C.
import { analysisWork, documentSteps, runWork, type AnalysisOptions, type DocumentAnalysis } from '../engine/analysis';
import type { MizanDoc } from '../engine/format';
import type { CliIO } from './io';

/**
 * The default limit on an analysis's work (units of runWork: one factor over one month in one
 * run). About a minute on one core of the 2-core test machine (docs/BENCHMARKS.md); the largest
 * ordinary analyses (20 000 runs × 120 months × 60 factors × 5 scenarios) stay below it.
 */
export const DEFAULT_MAX_WORK = 3_000_000_000;

/** Work per chunk of runs between two pauses: about a tenth of a second. */
const CHUNK_WORK = 5_000_000;

/** Thrown out of analyse() when Ctrl+C stopped it. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

/** A job above the work limit, and the message that says how to run it anyway. */
export class TooMuchWork extends Error {}

/** A count of steps as people read it: "3.2 billion", "41.5 million". */
export const approximately = (n: number) =>
  n >= 1e9
    ? `${Number((n / 1e9).toPrecision(3))} billion`
    : n >= 1e6
      ? `${Number((n / 1e6).toPrecision(3))} million`
      : String(Math.round(n));

/** Throws TooMuchWork when the Monte Carlo of `doc` would exceed `maxWork`. */
export function checkWork(doc: MizanDoc, runs: number, maxWork: number): void {
  const work = analysisWork(doc, runs);
  if (work <= maxWork) return;
  const events = doc.scenarios.reduce((sum, s) => sum + s.events.length, 0);
  const usual = maxWork === DEFAULT_MAX_WORK ? ' (about a minute)' : '';
  throw new TooMuchWork(
    `this analysis is too large to run without asking: about ${approximately(work)} steps ` +
      `(${runs} runs × ${doc.scenarios.length} scenarios of ${doc.horizonMonths} months, ${doc.factors.length} factors, ` +
      `${doc.interactions.length} interactions, ${events} events), above the limit of ${approximately(maxWork)}${usual}. ` +
      `Run it anyway with --max-work ${Math.ceil(work)}, or run fewer with --runs`
  );
}

/** A macrotask: lets a pending signal (Ctrl+C) be handled between two chunks. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The document's analysis, run in chunks. Shows `scenario: 40 %` on stderr when it is a terminal
 * (or when `progress` asks for it); throws Interrupted when Ctrl+C comes, leaving the caller to
 * write nothing.
 */
export async function analyse(
  doc: MizanDoc,
  options: AnalysisOptions,
  io: CliIO,
  progress = io.stderrIsTTY === true
): Promise<DocumentAnalysis> {
  let interrupted = false;
  const stopListening = io.onInterrupt?.(() => (interrupted = true)) ?? (() => {});
  let shown = '';
  const show = (text: string) => {
    if (!progress || text === shown) return;
    // \r and spaces redraw the line in place on a terminal.
    io.stderr(`\r${text.padEnd(shown.length)}`);
    shown = text;
  };
  try {
    const runs = options.runs ?? doc.simulation.runs;
    const perRun = Math.max(1, ...doc.scenarios.map((_, i) => runWork(doc, i)));
    const chunkRuns = Math.max(256, Math.floor(CHUNK_WORK / perRun / 256) * 256);
    const steps = documentSteps(doc, options, chunkRuns);
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
      const { scenario, scenarioId, runsDone, ranked, inputs, pass, passes } = next.value;
      const count = doc.scenarios.length > 1 ? ` (${scenario + 1}/${doc.scenarios.length})` : '';
      const percent = (done: number, total: number) => `${total > 0 ? Math.floor((100 * done) / total) : 100} %`;
      const streamed = pass === undefined ? '' : `pass ${pass}/${passes}, `;
      show(
        `${scenarioId}${count}: ${streamed}${ranked === undefined ? percent(runsDone, runs) : `ranking inputs ${percent(ranked, inputs ?? 0)}`}`
      );
      await breathe();
      if (interrupted) throw new Interrupted();
    }
  } finally {
    stopListening();
    if (shown !== '') io.stderr(`\r${' '.repeat(shown.length)}\r`);
  }
}
