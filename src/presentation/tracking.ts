// The tracking of an analysis in words and figures, for the app's "Which scenario?" tab and the
// report: each scenario's prior and present odds, how many runs the forecast given the
// observations rests on, its P(crisis ever) given them, its Brier score, and one plain sentence
// per scored event ("your 70 % for X came true: Brier 0.09"). English and Arabic.
import type { Language, MizanDoc } from '../engine/format';
import { brier } from '../engine/model/tracking';
import { FEW_EFFECTIVE_RUNS, scoredEvents, type DocumentTracking } from '../engine/tracking';
import { formatters, pick } from './charts/format';

export interface TrackingStrings {
  heading: string;
  columns: {
    scenario: string;
    prior: string;
    posterior: string;
    effectiveRuns: string;
    pCrisisEver: string;
    brier: string;
  };
  /** One scored event: the probability given, whether it came true, its score. */
  cameTrue: (probability: string, event: string, brier: string) => string;
  didNotComeTrue: (probability: string, event: string, brier: string) => string;
  /** A scenario none of whose events has a recorded outcome. */
  noneScored: string;
  fewRuns: string;
  noRuns: string;
  mixture: (value: string) => string;
  brierNote: string;
  effectiveRunsNote: (few: string) => string;
  /** The observations contradict every run of every scenario. */
  inconsistent: string;
}

const en: TrackingStrings = {
  heading: 'Scores and odds given what was observed',
  columns: {
    scenario: 'Scenario',
    prior: 'Prior odds',
    posterior: 'Odds now',
    effectiveRuns: 'Effective runs',
    pCrisisEver: 'P(crisis ever) given the observations',
    brier: 'Brier score'
  },
  cameTrue: (p, e, b) => `Your ${p} for “${e}” came true: Brier ${b}.`,
  didNotComeTrue: (p, e, b) => `Your ${p} for “${e}” did not come true: Brier ${b}.`,
  noneScored: 'None of its events has a recorded outcome yet.',
  fewRuns: 'too few to trust',
  noRuns: 'no run agrees',
  mixture: (v) => `P(crisis ever) given the observations, the scenarios weighed by their odds: ${v}`,
  brierNote:
    'Brier score: the mean of (p − outcome)² over a scenario’s events with a recorded outcome, p being the probability the analysis gave. 0 is perfect; 0.25 is what saying 50 % to everything scores; 1 is certain and wrong.',
  effectiveRunsNote: (few) =>
    `Effective runs: how many equally weighted runs the runs weighed by the observations are worth. Below ${few}, the forecast given the observations rests on too few runs to trust.`,
  inconsistent:
    'No scenario is consistent with the observations: in every run of every scenario, a recorded outcome is contradicted.'
};

const ar: TrackingStrings = {
  heading: 'الدرجات والاحتمالات في ضوء ما رُصد',
  columns: {
    scenario: 'السيناريو',
    prior: 'الاحتمال المسبق',
    posterior: 'الاحتمال الآن',
    effectiveRuns: 'التشغيلات الفعلية',
    pCrisisEver: 'احتمال بلوغ الأزمة في ضوء المشاهدات',
    brier: 'درجة براير'
  },
  cameTrue: (p, e, b) => `احتمالك ${p} لـ«${e}» تحقّق: درجة براير ${b}.`,
  didNotComeTrue: (p, e, b) => `احتمالك ${p} لـ«${e}» لم يتحقّق: درجة براير ${b}.`,
  noneScored: 'لم تُسجَّل بعد نتيجة لأيّ من أحداثه.',
  fewRuns: 'أقل من أن يُعتمد عليها',
  noRuns: 'لا تشغيلة متوافقة',
  mixture: (v) => `احتمال بلوغ الأزمة في ضوء المشاهدات، مع ترجيح السيناريوهات باحتمالاتها: ${v}`,
  brierNote:
    'درجة براير: متوسط (p − النتيجة)² على أحداث السيناريو التي سُجّلت نتيجتها، حيث p هو الاحتمال الذي أعطاه التحليل. الصفر إصابة تامة، و0.25 درجة من يقول 50٪ لكل شيء، والواحد يقين مخطئ.',
  effectiveRunsNote: (few) =>
    `التشغيلات الفعلية: عدد التشغيلات المتساوية الوزن التي تعادلها التشغيلات بعد ترجيحها بالمشاهدات. إذا قلّت عن ${few} فالتوقع في ضوء المشاهدات قائم على تشغيلات أقل من أن يُعتمد عليها.`,
  inconsistent: 'لا يتوافق أي سيناريو مع المشاهدات: في كل تشغيلة من كل سيناريو نتيجة مسجّلة تناقضها.'
};

export const TRACKING_STRINGS: Record<Language, TrackingStrings> = { en, ar };

export interface TrackingRow {
  id: string;
  name: string;
  prior: string;
  posterior: string;
  effectiveRuns: string;
  /** Fewer effective runs than FEW_EFFECTIVE_RUNS (or none). */
  fewRuns: boolean;
  pCrisisEver: string;
  brier: string;
  /** One sentence per event with a recorded outcome, in the scenario's order. */
  scored: string[];
}

/** The table's columns, in order: the row's fields each shows. */
export const TRACKING_COLUMNS = ['name', 'prior', 'posterior', 'effectiveRuns', 'pCrisisEver', 'brier'] as const;
export type TrackingColumn = (typeof TRACKING_COLUMNS)[number];

export interface TrackingSummary {
  strings: TrackingStrings;
  /** The heads of TRACKING_COLUMNS. */
  columns: string[];
  rows: TrackingRow[];
  /** What the Brier score and the effective runs are, under the table. */
  notes: string[];
  mixture: string | null;
  /** Set when no scenario is consistent with the observations. */
  problem: string | null;
}

const DASH = '—';

/** The tracking of `doc` as the app's tab and the report show it. */
export function trackingSummary(doc: MizanDoc, tracking: DocumentTracking, language: Language): TrackingSummary {
  const strings = TRACKING_STRINGS[language];
  const fmt = formatters(language);
  const score = new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const heads: Record<TrackingColumn, string> = { ...strings.columns, name: strings.columns.scenario };
  const columns = TRACKING_COLUMNS.map((c) => heads[c]);
  const notes = [strings.brierNote, strings.effectiveRunsNote(fmt.count(FEW_EFFECTIVE_RUNS))];
  if ('problem' in tracking) return { strings, columns, rows: [], notes, mixture: null, problem: strings.inconsistent };
  const rows = tracking.scenarios.map((t): TrackingRow => {
    const def = doc.scenarios.find((s) => s.id === t.id);
    // Stryker disable next-line ArrayDeclaration: an entry that is not an event has no id an outcome names
    const events = def?.events ?? [];
    // Stryker disable next-line ArrayDeclaration: an entry that is not an observation records no event's outcome
    const scored = scoredEvents(events, doc.observations ?? [], doc.startMonth).map((e) => {
      const event = events[e.index];
      const say = e.occurred ? strings.cameTrue : strings.didNotComeTrue;
      return say(
        fmt.probability(e.probability),
        pick(event.label, language, event.id),
        score.format(brier(e.probability, e.occurred))
      );
    });
    const fewRuns = t.effectiveRuns < FEW_EFFECTIVE_RUNS;
    const runs = fmt.count(t.effectiveRuns);
    return {
      id: t.id,
      name: pick(def?.name, language, t.id),
      prior: fmt.percent(t.prior),
      posterior: fmt.percent(t.posterior),
      effectiveRuns: t.conditioned === null ? strings.noRuns : fewRuns ? `${runs} (${strings.fewRuns})` : runs,
      fewRuns,
      pCrisisEver: t.conditioned ? fmt.percent(t.conditioned.pCrisisEver) : DASH,
      brier: t.brier === null ? DASH : score.format(t.brier),
      scored: scored.length ? scored : [strings.noneScored]
    };
  });
  return {
    strings,
    columns,
    rows,
    notes,
    mixture: strings.mixture(fmt.percent(tracking.mixture.pCrisisEver)),
    problem: null
  };
}
