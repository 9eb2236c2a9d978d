// Human-readable output of the command line.
import type { DocumentAnalysis, ScenarioAnalysis } from '../engine/analysis';
import type { TornadoMetric } from '../engine/model/sensitivity';
import type { ScenarioDiagnostics } from '../engine';
import { FEW_EFFECTIVE_RUNS, type DocumentTracking } from '../engine/tracking';
import { balanceBidi } from '../engine/export/bidi';
import { problemWhere, type MizanDoc, type Problem } from '../engine/format';
import { showLabel } from '../engine/labels';
import { formatters } from '../presentation/charts/format';
import { inputLabel } from '../presentation/charts/inputs';
import { HEADLINE_STRINGS, headlineOf, headlineTexts } from '../presentation/headline';

// C0 and C1 control characters (ESC starts terminal escape sequences) but tab.
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

/**
 * A name from a file, safe to print on a terminal: control characters (a label could carry an
 * escape sequence that clears the screen or retitles the window) become U+FFFD, and bidi
 * controls are balanced so a label's direction cannot leak into the rest of the line.
 */
export function terminalText(text: string): string {
  return balanceBidi(text.replace(TERMINAL_CONTROLS, '\ufffd'));
}

/**
 * One line per problem: `FILE: PLACE (PATH): message` where the path lies in a named thing
 * (`bad.mizan: factor “Gaza” [gaza] › weight (factors[1].weight): must be at most 10 (found 12)`),
 * `FILE: PATH: message` where it names no thing (`thresholds.high`), or `FILE: message` for the
 * file as a whole.
 */
export function formatFileProblem(file: string, problem: Problem): string {
  return problem.path === ''
    ? `${file}: ${problem.message}`
    : `${file}: ${terminalText(problemWhere(problem))}: ${problem.message}`;
}

const fixed = (value: number | undefined, digits = 1) =>
  value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits);
/** As the headline writes a probability: "7.4%". */
const percent = formatters('en').percent;

/** Months shown in the table: every `step` months and the horizon. */
function shownMonths(horizon: number): number[] {
  const step = horizon <= 12 ? 1 : horizon <= 36 ? 3 : 6;
  const months = [];
  for (let t = 0; t < horizon; t += step) months.push(t);
  months.push(horizon);
  return months;
}

/** Names for the table, each with its id in brackets where two names are the same. */
function readableNames(items: { id: string; name: string }[]): string[] {
  const count = new Map<string, number>();
  for (const { name } of items) count.set(name, (count.get(name) ?? 0) + 1);
  return items.map(({ id, name }) => terminalText(count.get(name)! > 1 ? `${name} [${id}]` : name));
}

/**
 * The headline of a scenario in the words and figures of the app's card and the report's
 * summary (src/presentation/headline.ts), in English, each figure with its month.
 */
function headlineLines(
  doc: MizanDoc,
  analysis: DocumentAnalysis,
  s: ScenarioAnalysis,
  factorName: (id: string) => string
): string[] {
  const H = analysis.months.length - 1;
  const words = HEADLINE_STRINGS.en;
  const headline = headlineOf(s, doc.thresholds, H);
  const top = headline.contributors;
  const topNames = readableNames(top.map(({ factorId }) => ({ id: factorId, name: factorName(factorId) })));
  const names = new Map(top.map((c, k) => [c.factorId, topNames[k]]));
  const texts = headlineTexts(headline, 'en', (id) => names.get(id) ?? id);
  const at = (label: string, t: number) => `${label}, ${analysis.months[t]}`;
  return [
    `${at(words.now, 0)}: ${texts.now} (${texts.nowBand})`,
    `${at(words.centralAtHorizon, H)}: ${texts.centralAtHorizon} (${texts.horizonBand})`,
    `${at(words.median, H)}: ${texts.median === null ? words.noMonteCarlo : `${texts.median} ${texts.medianError} (${texts.range})`}`,
    `${words.crisisEver}: ${texts.crisisEver === null ? words.noMonteCarlo : `${texts.crisisEver} ${texts.crisisEverError}`}`,
    `${at(words.contributions, H)}: ${words.list(texts.contributors)}`
  ].map((line) => `  ${line}`);
}

/** A factor's English name (its Arabic one where the English is blank), or its id. */
const nameOf = (doc: MizanDoc) => (id: string) => {
  const label = doc.factors.find((f) => f.id === id)?.label;
  return label ? showLabel(label, 'en').text || id : id;
};

export function scenarioReport(
  doc: MizanDoc,
  analysis: DocumentAnalysis,
  s: ScenarioAnalysis,
  tornadoMetric: TornadoMetric = 'final'
): string {
  const horizon = analysis.months.length - 1;
  const lines: string[] = [];
  const mc = s.monteCarlo;
  lines.push(`${terminalText(showLabel(s.name, 'en').text)} (${s.id})`);
  const factorName = nameOf(doc);
  lines.push(...headlineLines(doc, analysis, s, factorName));
  const columns = ['month  ', 'central', ...(mc ? ['p5', 'p25', 'p50', 'p75', 'p95', 'P(crisis)'] : [])];
  lines.push(
    '  ' + columns.map((c, k) => (k === 0 ? c : c.padStart(k === columns.length - 1 && mc ? 10 : 7))).join(' ')
  );
  for (const t of shownMonths(horizon)) {
    const cells = [analysis.months[t], fixed(s.central.tension[t]).padStart(7)];
    if (mc) {
      for (const q of ['5', '25', '50', '75', '95'] as const) cells.push(fixed(mc.quantiles[q][t]).padStart(7));
      cells.push(percent(mc.pCrisisByMonth[t]).padStart(10));
    }
    lines.push('  ' + cells.join(' '));
  }
  const swings = s.tornado.slice(0, 3);
  const swingNames = readableNames(swings.map((b) => ({ id: b.input, name: inputLabel(doc, b.input, 'en') })));
  if (swings.length > 0)
    lines.push(
      `  Largest swings of ${tornadoMetric === 'peak' ? `peak T (to ${analysis.months[horizon]})` : `T(${analysis.months[horizon]})`}: ${swings.map((b, k) => `${swingNames[k]} ${fixed(b.low)}→${fixed(b.high)}`).join(', ')}`
    );
  return lines.join('\n') + '\n';
}

/** A steady state more than this many points from its target gets its line in the Structure block. */
export const NOTABLE_GAP = 5;

/** One decimal with its sign, taken after rounding: −0.01 is +0.0, not -0.0. */
const signed = (value: number) => {
  const rounded = value.toFixed(1);
  return (Number(rounded) >= 0 ? '+' : '-') + rounded.replace('-', '');
};

/**
 * The "Structure" block of a scenario (docs/MODEL.md, Structural diagnostics): the factors that
 * settle more than NOTABLE_GAP points from their target under the links, the number of feedback
 * loops, and T at the horizon with the links and without them.
 */
export function structureReport(doc: MizanDoc, horizonMonth: string, d: ScenarioDiagnostics): string {
  const lines = ['Structure (the links at work, without events or noise):'];
  const { settled, months, factors } = d.steadyState;
  if (!settled)
    lines.push(`The levels do not settle in ${months} months (a cycle or a slow drift); their last levels:`);
  const far = factors.filter((f) => Math.abs(f.gap) > NOTABLE_GAP);
  const names = readableNames(far.map((f) => ({ id: f.id, name: nameOf(doc)(f.id) })));
  far.forEach((f, k) =>
    lines.push(
      `${names[k]}: ${settled ? 'settles at' : 'ends at'} ${fixed(f.steady)} against a target of ${fixed(f.target)} (${signed(f.gap)})`
    )
  );
  if (far.length === 0)
    lines.push(`Every factor ${settled ? 'settles' : 'ends'} within ${NOTABLE_GAP} points of its target`);
  const { total, reinforcing, complete } = d.loops;
  const split = `${reinforcing} reinforcing, ${total - reinforcing} balancing`;
  lines.push(
    `Feedback loops: ${total === 0 ? 'none' : complete ? `${total} (${split})` : `more than ${total} (of the first ${total}: ${split})`}`
  );
  const t = d.tensionAtHorizon;
  lines.push(
    `T(${horizonMonth}) with the links ${fixed(t.withLinks)}, without them ${fixed(t.withoutLinks)} (${signed(t.difference)})`
  );
  return lines.map((line, k) => (k === 0 ? '  ' : '    ') + line).join('\n') + '\n';
}

/**
 * What the observations say (docs/MODEL.md, "Tracking what happens"): the odds of each scenario
 * against its prior, its conditioned horizon, the runs it rests on and its score; the mixture.
 */
export function trackingReport(doc: MizanDoc, analysis: DocumentAnalysis, tracking: DocumentTracking): string {
  const lines = [`Tracking: ${tracking.observations} observation${tracking.observations === 1 ? '' : 's'}`];
  if ('problem' in tracking) {
    lines.push(`  ${tracking.problem}`);
    return lines.join('\n') + '\n';
  }
  const horizon = analysis.months.length - 1;
  const names = readableNames(
    tracking.scenarios.map((s) => {
      const def = doc.scenarios.find((d) => d.id === s.id);
      return { id: s.id, name: def ? terminalText(showLabel(def.name, 'en').text) : s.id };
    })
  );
  tracking.scenarios.forEach((s, k) => {
    const c = s.conditioned;
    const forecast = c
      ? `T(${analysis.months[horizon]}) ${fixed(c.quantiles['50'][horizon])} (${fixed(c.quantiles['5'][horizon])}–${fixed(c.quantiles['95'][horizon])}), P(crisis ever) ${percent(c.pCrisisEver)}`
      : 'no run is consistent with the observations';
    const few = s.effectiveRuns < FEW_EFFECTIVE_RUNS && c ? ' (few: read with care)' : '';
    const brier = s.brier === null ? '' : `; Brier ${s.brier.toFixed(2)}`;
    lines.push(`  ${names[k]}: odds ${percent(s.prior)} → ${percent(s.posterior)}; given what happened, ${forecast}`);
    const runs = Math.round(s.effectiveRuns);
    lines.push(`    ${runs} effective run${runs === 1 ? '' : 's'}${few}${brier}`);
  });
  lines.push(`  P(crisis ever), all scenarios weighed by their odds: ${percent(tracking.mixture.pCrisisEver)}`);
  return lines.join('\n') + '\n';
}
