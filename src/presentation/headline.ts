// The headline of an analysis — how tense now, at the horizon on the central path and in the
// Monte Carlo, how likely a crisis, and why — in one set of words and one set of figures, for
// the card at the top of the Analysis pane, the report's summary and `mizan run`. Two numbers
// "at the horizon" are each named for what they are: the central path's value and the
// median of the runs.
import { largestContributions, type CentralSeries, type MonteCarloSeries } from '../engine/analysis';
import type { Language } from '../engine/format';
import { bandOf, type Band, type Thresholds } from '../engine/model/bands';
import { chartStrings } from './charts/strings';
import { formatters } from './charts/format';

export interface HeadlineStrings {
  now: string;
  centralAtHorizon: string;
  /** The Monte Carlo median at the horizon, with its 5–95 % range. */
  median: string;
  crisisEver: string;
  contributions: string;
  /** "62.1–72.9": an en dash in English; a hyphen in Arabic, which bidi does not turn around. */
  range: (low: string, high: string) => string;
  /** Where the Monte Carlo figures would be, when the analysis has none. */
  noMonteCarlo: string;
  /** "Israeli military response 11.7". */
  contribution: (label: string, value: string) => string;
  /** Joins the contributions into one line. */
  list: (items: string[]) => string;
  /** What "± x" beside a Monte Carlo figure is. */
  errorNote: string;
}

const en: HeadlineStrings = {
  now: 'Tension now',
  centralAtHorizon: 'Central path at the horizon',
  median: 'Monte Carlo median (5–95 %)',
  crisisEver: 'P(crisis) in any month',
  contributions: 'Largest contributions',
  range: (low, high) => `${low}–${high}`,
  noMonteCarlo: 'no Monte Carlo',
  contribution: (label, value) => `${label} ${value}`,
  list: (items) => items.join(', '),
  errorNote:
    '± one Monte Carlo standard error: how far the figure would move with another seed, not how right the model is.'
};

const ar: HeadlineStrings = {
  now: 'التوتر الآن',
  centralAtHorizon: 'المسار المركزي في نهاية الأفق',
  median: 'وسيط مونت كارلو (5-95٪)',
  crisisEver: 'احتمال الأزمة في أي شهر',
  contributions: 'أكبر المساهمات',
  range: (low, high) => `${low}-${high}`,
  noMonteCarlo: 'بلا مونت كارلو',
  contribution: (label, value) => `${label} ${value}`,
  list: (items) => items.join('، '),
  errorNote: '± خطأ معياري واحد لمونت كارلو: كم يتغيّر الرقم لو تغيّرت البذرة، لا مدى صحّة النموذج.'
};

export const HEADLINE_STRINGS: Record<Language, HeadlineStrings> = { en, ar };

/** What a scenario's analysis says at a glance, in numbers. */
export interface Headline {
  /** T(0) of the central path, and its band. */
  now: number;
  nowBand: Band;
  /** T(H) of the central path, and its band. */
  centralAtHorizon: number;
  horizonBand: Band;
  /**
   * The runs' median of T(H) with its 5 % and 95 % quantiles, and P(T ≥ crisis in some month),
   * with the Monte Carlo standard errors of the median and of P; null without Monte Carlo.
   */
  monteCarlo: {
    median: number;
    medianError: number;
    low: number;
    high: number;
    pCrisisEver: number;
    pCrisisEverError: number;
  } | null;
  /** The three largest contributions to T(H) on the central path, largest first. */
  contributors: { factorId: string; value: number }[];
}

/** The headline of one scenario's results (H: the horizon's month index). */
export function headlineOf(
  scenario: { central: CentralSeries; monteCarlo: MonteCarloSeries | null },
  thresholds: Thresholds,
  H: number
): Headline {
  const { central, monteCarlo: mc } = scenario;
  return {
    now: central.tension[0],
    nowBand: bandOf(central.tension[0], thresholds),
    centralAtHorizon: central.tension[H],
    horizonBand: bandOf(central.tension[H], thresholds),
    monteCarlo: mc
      ? {
          median: mc.quantiles['50'][H],
          medianError: mc.standardErrors.quantiles['50'][H],
          low: mc.quantiles['5'][H],
          high: mc.quantiles['95'][H],
          pCrisisEver: mc.pCrisisEver,
          pCrisisEverError: mc.standardErrors.pCrisisEver
        }
      : null,
    contributors: largestContributions(central, H)
  };
}

/** The headline as people read it: every figure formatted for the language, bands named. */
export interface HeadlineTexts {
  now: string;
  nowBand: string;
  centralAtHorizon: string;
  horizonBand: string;
  /** null without Monte Carlo. */
  median: string | null;
  /** "± 0.2": the median's standard error, to one significant digit; null without Monte Carlo. */
  medianError: string | null;
  range: string | null;
  crisisEver: string | null;
  /** "± 0.6%": the standard error of P(crisis) in any month; null without Monte Carlo. */
  crisisEverError: string | null;
  /** "name value" for each of the largest contributions. */
  contributors: string[];
}

export function headlineTexts(
  headline: Headline,
  language: Language,
  factorName: (factorId: string) => string
): HeadlineTexts {
  const fmt = formatters(language);
  const words = HEADLINE_STRINGS[language];
  const bands = chartStrings(language).bands;
  const mc = headline.monteCarlo;
  return {
    now: fmt.points(headline.now),
    nowBand: bands[headline.nowBand],
    centralAtHorizon: fmt.points(headline.centralAtHorizon),
    horizonBand: bands[headline.horizonBand],
    median: mc && fmt.points(mc.median),
    medianError: mc && fmt.errorPoints(mc.medianError),
    range: mc && words.range(fmt.points(mc.low), fmt.points(mc.high)),
    crisisEver: mc && fmt.percent(mc.pCrisisEver),
    crisisEverError: mc && fmt.errorPercent(mc.pCrisisEverError),
    contributors: headline.contributors.map((c) => words.contribution(factorName(c.factorId), fmt.points(c.value)))
  };
}
