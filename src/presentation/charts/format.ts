// Locale-aware texts for numbers, percentages, months and bilingual labels.
import { balanceBidi, isolateBidi } from '../../engine/export/bidi';
import type { LocalizedLabel } from '../../engine/format/schema';
import { showLabel } from '../../engine/labels';
import type { Language } from '../../engine/format';

export interface Formatters {
  /** A value in points, one decimal: "62.3". */
  points: (value: number) => string;
  /** A whole number: "1,234". */
  count: (value: number) => string;
  /** A probability 0..1 as a percentage: "45.2%". */
  percent: (value: number) => string;
  /** A probability 0..1 as a whole percentage: "45%". */
  probability: (value: number) => string;
  /** A Monte Carlo standard error in points, "± 0.05": one significant digit (its own uncertainty is larger). */
  errorPoints: (value: number) => string;
  /** A standard error of a probability, "± 0.4%": one significant digit. */
  errorPercent: (value: number) => string;
  /** "2024-10" as "Oct 2024" / "أكتوبر 2024". */
  month: (month: string) => string;
}

/** Decimals the charts and their tables ("Show data", CSV) show of a value that is not whole. */
export const SHOWN_DECIMALS = 1;

/**
 * A value as the chart shows it: to SHOWN_DECIMALS, rounded as the chart's number format
 * rounds (the nearest, halves away from zero). For the charts' CSV; `mizan run --csv` keeps
 * every digit.
 */
export function asShown(value: number): number {
  return Number.isFinite(value) ? Number(value.toFixed(SHOWN_DECIMALS)) : value;
}

const cache = new Map<Language, Formatters>();

/** The formatters of a language, built once: Intl objects cost ~0.2 ms each, and every chart update asks. */
export function formatters(language: Language): Formatters {
  let fmt = cache.get(language);
  // Stryker disable next-line ConditionalExpression: always rebuilding gives equal formatters; the cache only saves time
  if (!fmt) {
    fmt = buildFormatters(language);
    cache.set(language, fmt);
  }
  return fmt;
}

function buildFormatters(language: Language): Formatters {
  const points = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(language, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1
  });
  const whole = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  const errorPoints = new Intl.NumberFormat(language, { maximumSignificantDigits: 1 });
  const errorPercent = new Intl.NumberFormat(language, { style: 'percent', maximumSignificantDigits: 1 });
  const month = new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  /** Month labels already made: every chart labels the same few dozen months. */
  const months = new Map<string, string>();
  return {
    points: (v) => points.format(v),
    count: (v) => count.format(v),
    percent: (v) => percent.format(v),
    probability: (v) => whole.format(v),
    errorPoints: (v) => `± ${errorPoints.format(v)}`,
    errorPercent: (v) => `± ${errorPercent.format(v)}`,
    month: (m) => {
      let label = months.get(m);
      // Stryker disable next-line ConditionalExpression: always recomputing gives the same label; the cache only saves time
      if (label === undefined) {
        const [year, mm] = m.split('-').map(Number);
        label = Number.isInteger(year) && Number.isInteger(mm) ? month.format(new Date(Date.UTC(year, mm - 1, 1))) : m;
        months.set(m, label);
      }
      return label;
    }
  };
}

/**
 * The label in the language, or in the other one when that is all there is, with its
 * bidirectional controls balanced and isolated (isolateBidi): a label put into a longer text
 * ("<scenario>: 5–95%") never turns the text after it around.
 */
export function pick(label: LocalizedLabel | undefined, language: Language, fallback = ''): string {
  if (!label) return fallback;
  return isolateBidi(showLabel(label, language).text || fallback);
}

/** Splits a long label into lines of about `width` characters, at spaces. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  // Stryker disable next-line Regex: splitting at each space instead of each run only adds empty words, which filter(Boolean) drops
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  // Stryker disable next-line ConditionalExpression: line is empty only for a text without words, and then [''] is returned either way
  if (line) lines.push(line);
  // A line may have been cut between an embedding and its closer: each is drawn on its own.
  return lines.length ? lines.map(balanceBidi) : [''];
}

/** Cuts a label to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${balanceBidi(text.slice(0, max - 1).trimEnd())}…`;
}
