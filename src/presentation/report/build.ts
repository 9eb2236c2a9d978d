// The PDF report as plain data: every text already in the report's language, every number
// formatted for its locale, every chart as a Chart.js configuration with its title. The app's
// report view lays it out and prints it; nothing here touches the DOM.
import { eventProbabilities } from '../../engine/model/eventProbabilities';
import type { ChartConfiguration } from 'chart.js';
import type { ScenarioAnalysis } from '../../engine/analysis';
import { balanceBidi, isolateBidi, stripBidiControls } from '../../engine/export/bidi';
import type { MizanDoc, ScenarioDef, Uncertain } from '../../engine/format/schema';
import {
  chartAccessibleName,
  chartConfigs,
  chartStrings,
  chartParts,
  inputLabel,
  type ChartInput,
  type ChartKind
} from '../charts';
import { formatters, pick } from '../charts/format';
import { DEFAULT_EXPORT_SIZE } from '../export/types';
import { HEADLINE_STRINGS, headlineOf, headlineTexts, type Headline, type HeadlineTexts } from '../headline';
import type { ReportAnalysis } from './analysis';
import { REPORT_STRINGS, type ReportStrings } from './strings';
import { ownValue } from '../../engine/records';
import type { Language } from '../../engine/format';
import { untranslatedNames } from '../../engine/labels';
import { DEFAULT_UNCERTAINTY } from '../../engine/format/defaults';
import { trackingSummary, type TrackingSummary } from '../tracking';

export interface ReportOptions {
  /** The document's file name; null for a document not saved to a file yet. */
  fileName: string | null;
  /** When the report is made. */
  date: Date;
}

export interface ReportTable {
  columns: string[];
  rows: string[][];
}

export interface ReportFigure {
  /** Unique within the report: `<kind>-<scenario>` or `factors-<factor>`. */
  id: string;
  kind: ChartKind;
  /** The chart's title, shown as the figure's caption (and left out of the picture). */
  title: string;
  /** What the chart shows, for the picture's alternative text. */
  description: string;
  config: ChartConfiguration;
  /** Size of the picture in CSS pixels. */
  width: number;
  height: number;
}

export interface SummaryRow {
  id: string;
  name: string;
  colour: string;
  /** The headline figures, as the card on screen and `mizan run` show them. */
  headline: Headline;
  /** The headline's three largest contributions to T(H), largest first, named. */
  contributors: { factorId: string; label: string; value: number }[];
  /** The three largest tornado swings, largest first. */
  sensitivity: { input: string; label: string; swing: number }[];
  /** The same, as the table shows them; median and range are null without Monte Carlo. */
  cells: HeadlineTexts & { sensitivity: string[] };
}

export interface ReportScenario {
  id: string;
  name: string;
  colour: string;
  /** The analyst's notes, by paragraph. */
  notes: string[];
  /** Why the scenario has no results, or null. */
  problem: string | null;
  figures: ReportFigure[];
  settings: ReportTable;
  /** null: the scenario has no events. */
  events: ReportTable | null;
}

export interface ReportEvidence {
  id: string;
  /** The quote exactly as the file has it (bidirectional controls balanced, like every text of the report). */
  quote: string;
  gist: string;
  source: string;
  note: string;
  /** The factors and interactions it supports, by name. */
  supports: string[];
}

/** What was recorded since the analysis and what it says of the scenarios (documents with observations). */
export interface ReportTracking {
  intro: string;
  /** The odds by month, then each scenario's tension with the fan given the observations. */
  figures: ReportFigure[];
  /** Null until the scenarios are weighed (a scenario not computed leaves the odds undefined). */
  summary: TrackingSummary | null;
  observations: ReportTable;
}

export interface Report {
  language: Language;
  dir: 'ltr' | 'rtl';
  text: ReportStrings;
  title: string;
  /** The document's description, by paragraph (each may be in either language). */
  description: string[];
  meta: { label: string; value: string }[];
  /** noMonteCarlo: what stands for the Monte Carlo figures of an analysis without runs. */
  summary: { columns: string[]; rows: SummaryRow[]; noMonteCarlo: string };
  /** Figures comparing every scenario. */
  compared: ReportFigure[];
  scenarios: ReportScenario[];
  /** One small chart per factor. */
  factorPaths: { title: string; figures: ReportFigure[] };
  factors: ReportTable;
  /** null: the document has no interactions. */
  interactions: ReportTable | null;
  evidence: ReportEvidence[];
  /** null: the document records no observations. */
  tracking: ReportTracking | null;
}

/** A factor path is a small multiple, two to a row. */
export const FACTOR_FIGURE_SIZE = { width: 450, height: 300 } as const;
/** The most sensitive inputs the summary names. */
const TOP = 3;

/** A paragraph of the document, trimmed, its bidirectional controls balanced (labels are also isolated, by `pick`). */
const plainText = (text: string | undefined): string => balanceBidi(text?.trim() ?? '');

/** A text's paragraphs: the parts between blank lines, trimmed, without empty ones. */
function paragraphs(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\n\s*\n/)
    .map(plainText)
    .filter((p) => p !== '');
}

function titleOf(config: ChartConfiguration): string {
  // Stryker disable next-line OptionalChaining: every chart config has options with a title plugin (baseOptions)
  const text = (config.options?.plugins as { title?: { text?: string | string[] } } | undefined)?.title?.text;
  // Stryker disable next-line StringLiteral: every chart's title is one string, always set (baseOptions takes a string)
  return Array.isArray(text) ? text.join(' ') : (text ?? '');
}

/** The configuration without its title: the figure's caption carries it, as real text. */
function withoutTitle(config: ChartConfiguration): ChartConfiguration {
  const options = config.options ?? {};
  const plugins = (options.plugins ?? {}) as Record<string, unknown>;
  return {
    ...config,
    options: { ...options, plugins: { ...plugins, title: { ...(plugins.title as object), display: false } } }
  } as ChartConfiguration;
}

function figure(
  id: string,
  kind: ChartKind,
  input: ChartInput,
  config: ChartConfiguration,
  title = titleOf(config)
): ReportFigure {
  return {
    id,
    kind,
    title,
    description: chartAccessibleName(kind, input),
    config: withoutTitle(config),
    ...DEFAULT_EXPORT_SIZE
  };
}

export function buildReport(
  doc: MizanDoc,
  analysis: ReportAnalysis,
  language: Language,
  options: ReportOptions
): Report {
  const text = REPORT_STRINGS[language];
  const headline = HEADLINE_STRINGS[language];
  const charts = chartStrings(language);
  const fmt = formatters(language);
  // Stryker disable next-line ObjectLiteral: at most three fraction digits is Intl.NumberFormat's default
  const plain = new Intl.NumberFormat(language, { maximumFractionDigits: 3 });
  const signed = new Intl.NumberFormat(language, { maximumFractionDigits: 3, signDisplay: 'exceptZero' });
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'long' });
  const count = (n: number) => fmt.count(n);

  const months = analysis.months;
  const H = months.length - 1;
  // Stryker disable next-line StringLiteral: only months 0 and H and event months (≤ H) are asked for, all present
  const monthLabel = (t: number) => fmt.month(months[t] ?? '');
  const factorName = (id: string) => pick(doc.factors.find((f) => f.id === id)?.label, language, id);
  /** A number, or a range's mode with its ends (and PERT when it is one), each written by `format`. */
  const uncertain = (value: Uncertain, format: Intl.NumberFormat = plain) =>
    typeof value === 'number'
      ? format.format(value)
      : `${format.format(value.mode)} (${charts.range(format.format(value.low), format.format(value.high))}${value.shape === 'pert' ? `, ${text.pert}` : ''})`;

  const untranslated = untranslatedNames(doc, language);
  const ids = analysis.scenarios.map((s) => s.id);
  const inputFor = (selected: string, compared: string[] = ids): ChartInput => ({
    doc,
    analysis,
    selectedScenario: selected,
    compared,
    language,
    theme: 'light'
  });
  const one = (kind: ChartKind, input: ChartInput) => chartConfigs(kind, input)[0];

  // ---- summary --------------------------------------------------------------------------

  function summaryRow(s: ScenarioAnalysis, def: ScenarioDef): SummaryRow {
    const headline = headlineOf(s, doc.thresholds, H);
    // The engine sorts the tornado by swing, largest first.
    const sensitivity = s.tornado.slice(0, TOP).map((bar) => ({
      input: bar.input,
      label: inputLabel(doc, bar.input, language),
      swing: bar.swing
    }));
    return {
      id: s.id,
      name: pick(s.name, language, s.id),
      colour: def.color,
      headline,
      contributors: headline.contributors.map(({ factorId, value }) => ({
        factorId,
        label: factorName(factorId),
        value
      })),
      sensitivity,
      cells: {
        ...headlineTexts(headline, language, factorName),
        sensitivity: sensitivity.length
          ? sensitivity.map((b) => text.summary.item(b.label, fmt.points(b.swing)))
          : [text.summary.noSensitivity]
      }
    };
  }

  const computed = new Map(analysis.scenarios.map((s) => [s.id, s]));
  // Stryker disable next-line ArrayDeclaration: an entry that is not a problem has no id, so no scenario finds it
  const problems = new Map((analysis.problems ?? []).map((p) => [p.id, p]));
  const summaryRows = doc.scenarios.flatMap((def) => {
    const s = computed.get(def.id);
    return s ? [summaryRow(s, def)] : [];
  });

  // ---- scenarios ------------------------------------------------------------------------

  function settingsTable(def: ScenarioDef): ReportTable {
    const t = text.settings;
    return {
      columns: [t.factor, t.weight, t.start, t.target, t.pace, t.volatility],
      rows: doc.factors.flatMap((f) => {
        const setting = ownValue(def.factors, f.id);
        if (!setting) return [];
        return [
          [
            factorName(f.id),
            uncertain(ownValue(def.weights, f.id) ?? f.weight),
            uncertain(setting.start),
            uncertain(setting.target),
            uncertain(setting.pace),
            uncertain(setting.volatility)
          ]
        ];
      })
    };
  }

  function eventsTable(def: ScenarioDef): ReportTable | null {
    if (def.events.length === 0) return null;
    const t = text.events;
    const overall = eventProbabilities(def.events);
    const nameOf = (id: string) => {
      const event = def.events.find((e) => e.id === id);
      return event ? pick(event.label, language, id) : id;
    };
    return {
      columns: [t.month, t.event, t.factor, t.shift, t.kind, t.probability],
      rows: def.events
        .map((e, k) => ({ e, k }))
        .sort((a, b) => a.e.month - b.e.month)
        .map(({ e, k }) => [
          monthLabel(e.month),
          pick(e.label, language, e.id),
          factorName(e.factor),
          signed.format(e.shift),
          e.kind === 'target' ? t.lasting : t.pulse,
          e.condition
            ? t.conditional(
                fmt.probability(e.probability),
                (e.condition.occurred ? t.ifHappened : t.ifNotHappened)(nameOf(e.condition.event)),
                fmt.probability(overall[k])
              )
            : fmt.probability(e.probability)
        ])
    };
  }

  function scenarioSection(def: ScenarioDef): ReportScenario {
    const name = pick(def.name, language, def.id);
    const problem = problems.get(def.id);
    const figures: ReportFigure[] = [];
    const s = computed.get(def.id);
    if (s) {
      const own = inputFor(def.id, [def.id]);
      const input = inputFor(def.id);
      const tension = one('tension', own);
      figures.push(
        figure(`tension-${def.id}`, 'tension', own, tension, text.scenarioChart(titleOf(tension), name)),
        figure(`contributions-${def.id}`, 'contributions', input, one('contributions', input)),
        figure(`tornado-${def.id}`, 'tornado', input, one('tornado', input))
      );
      // Without Monte Carlo the histogram would be an empty frame.
      if (s.monteCarlo) figures.push(figure(`histogram-${def.id}`, 'histogram', input, one('histogram', input)));
    }
    return {
      id: def.id,
      name,
      colour: def.color,
      notes: paragraphs(def.notes),
      problem: problem
        ? problem.zeroWeights
          ? text.problems.zeroWeights
          : text.problems.other(problem.path, problem.problem)
        : null,
      figures,
      settings: settingsTable(def),
      events: eventsTable(def)
    };
  }

  // ---- the comparison and the factor paths ------------------------------------------------

  // Stryker disable next-line LogicalOperator,StringLiteral: a chart whose selected scenario is unknown selects the first compared, ids[0]; without ids no chart is drawn
  const overview = inputFor(ids[0] ?? '');
  const compared =
    ids.length > 0
      ? (['tension', 'contributionsAtHorizon', 'radar'] as const).map((kind) =>
          figure(`${kind}-all`, kind, overview, one(kind, overview))
        )
      : [];
  const factorFigures =
    // Stryker disable next-line ConditionalExpression,EqualityOperator: with no scenario analysed the factor charts have no factors (a chart's factors are its selected scenario's), so the list is empty either way
    ids.length > 0
      ? chartParts('factors', overview).map(({ name, config }) => ({
          ...figure(name, 'factors', overview, config),
          description: titleOf(config),
          ...FACTOR_FIGURE_SIZE
        }))
      : [];

  // ---- the document's inputs --------------------------------------------------------------

  const evidenceIds = (refs: string[] | undefined) => text.list(refs ?? []);
  const factors: ReportTable = {
    columns: [
      text.factors.factor,
      text.factors.direction,
      text.factors.weight,
      text.factors.description,
      text.factors.evidence
    ],
    rows: doc.factors.map((f) => [
      factorName(f.id),
      f.direction === 1 ? charts.direction.raises : charts.direction.lowers,
      uncertain(f.weight),
      pick(f.description, language),
      evidenceIds(f.evidence)
    ])
  };
  const interactions: ReportTable | null =
    doc.interactions.length === 0
      ? null
      : {
          columns: [
            text.interactions.from,
            text.interactions.to,
            text.interactions.strength,
            text.interactions.evidence
          ],
          rows: doc.interactions.map((i) => [
            factorName(i.from),
            factorName(i.to),
            uncertain(i.strength, signed),
            evidenceIds(i.evidence)
          ])
        };
  const evidence: ReportEvidence[] = doc.evidence.map((e) => ({
    id: e.id,
    quote: balanceBidi(e.quote),
    gist: plainText(e.gist),
    source: balanceBidi(e.source),
    note: plainText(e.note),
    supports: [
      ...doc.factors.filter((f) => f.evidence?.includes(e.id)).map((f) => factorName(f.id)),
      ...doc.interactions
        .filter((i) => i.evidence?.includes(e.id))
        .map((i) => text.evidence.link(factorName(i.from), factorName(i.to)))
    ]
  }));

  // ---- what happened since -------------------------------------------------------------------

  function trackingSection(): ReportTracking | null {
    const observations = doc.observations ?? [];
    if (observations.length === 0) return null;
    const t = text.tracking;
    const events = doc.scenarios.flatMap((s) => s.events);
    const eventName = (id: string) => pick(events.find((e) => e.id === id)?.label, language, id);
    const figures: ReportFigure[] = [];
    if (ids.length > 0) {
      figures.push(figure('odds', 'odds', overview, one('odds', overview)));
      for (const s of analysis.scenarios) {
        if (!s.evidence?.conditioned) continue;
        const own: ChartInput = { ...inputFor(s.id, [s.id]), fan: 'conditioned' };
        const config = one('tension', own);
        figures.push(
          figure(
            `conditioned-${s.id}`,
            'tension',
            own,
            config,
            t.conditionedChart(titleOf(config), pick(s.name, language, s.id))
          )
        );
      }
    }
    const ordered = [...observations].sort((a, b) => a.month.localeCompare(b.month));
    return {
      intro: t.intro,
      figures,
      summary: analysis.tracking ? trackingSummary(doc, analysis.tracking, language) : null,
      observations: {
        columns: [t.columns.month, t.columns.observation, t.columns.recorded, t.columns.note, t.columns.evidence],
        rows: ordered.map((o) => [
          fmt.month(o.month),
          o.kind === 'index' ? t.index : o.kind === 'factor' ? factorName(o.factor) : eventName(o.event),
          o.kind === 'event'
            ? o.occurred
              ? t.happened
              : t.didNotHappen
            : t.reading(plain.format(o.value), plain.format(o.uncertainty ?? DEFAULT_UNCERTAINTY)),
          pick(o.note, language),
          evidenceIds(o.evidence)
        ])
      }
    };
  }

  const runs = analysis.runs;
  return {
    language,
    dir: language === 'ar' ? 'rtl' : 'ltr',
    text,
    title: isolateBidi(doc.title.trim()) || text.untitled,
    description: paragraphs(doc.description),
    meta: [
      ...(doc.author?.trim() ? [{ label: text.meta.author, value: isolateBidi(doc.author.trim()) }] : []),
      { label: text.meta.file, value: options.fileName !== null ? stripBidiControls(options.fileName) : text.notSaved },
      { label: text.meta.date, value: date.format(options.date) },
      { label: text.meta.period, value: text.period(monthLabel(0), monthLabel(H), count(H)) },
      {
        label: text.meta.simulation,
        value: runs > 0 ? text.simulation(count(runs), String(analysis.seed)) : text.simulationOff
      },
      // The names a reader of this language sees in the other one (src/engine/labels.ts).
      ...(untranslated.length > 0
        ? [{ label: text.meta.untranslated, value: text.list(untranslated.map((n) => pick(n.label, language))) }]
        : [])
    ],
    summary: {
      columns: [
        text.summary.scenario,
        text.summary.at(headline.now, monthLabel(0)),
        text.summary.at(headline.centralAtHorizon, monthLabel(H)),
        text.summary.at(headline.median, monthLabel(H)),
        headline.crisisEver,
        text.summary.at(headline.contributions, monthLabel(H)),
        text.summary.sensitivity
      ],
      rows: summaryRows,
      noMonteCarlo: headline.noMonteCarlo
    },
    compared,
    scenarios: doc.scenarios.map(scenarioSection),
    factorPaths: { title: charts.titles.factors, figures: factorFigures },
    factors,
    interactions,
    evidence,
    tracking: trackingSection()
  };
}
