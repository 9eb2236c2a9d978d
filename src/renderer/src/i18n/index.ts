// The interface language: texts, <html lang dir>, and locale-aware numbers and dates.
import type { Language } from '../../../engine/format';
import { ar } from './ar';
import { en } from './en';
import type { Messages } from './messages';

export type { Messages } from './messages';

export const LANGUAGES: readonly { code: Language; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'ar', name: 'العربية' }
];

const MESSAGES: Record<Language, Messages> = { en, ar };

export function messagesFor(language: Language): Messages {
  return MESSAGES[language];
}

export function directionOf(language: Language): 'ltr' | 'rtl' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'ar';
}

/** Sets `<html lang dir>` (pass document.documentElement); called on start and on every switch. */
export function applyLanguage(language: Language, root: { lang: string; dir: string }): void {
  root.lang = language;
  root.dir = directionOf(language);
}

/**
 * Wraps text inserted into a sentence (a title, a file name) in Unicode bidi isolates, so an
 * English title inside an Arabic sentence (or the reverse) keeps its own order and does not
 * reorder the words around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number for people, in the language's digits and separators. */
export function formatNumber(language: Language, value: number, fractionDigits = 1): string {
  const key = `${language}:${fractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits
    });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

const monthFormats = new Map<Language, Intl.DateTimeFormat>();

/** "2024-10" as "Oct 2024" / "أكتوبر 2024" (the formatter made once per language). */
export function formatMonth(language: Language, month: string): string {
  const [year, m] = month.split('-').map(Number);
  let format = monthFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    monthFormats.set(language, format);
  }
  return format.format(new Date(Date.UTC(year, m - 1, 1)));
}

/** An ISO time as a date and time of day in the language. */
export function formatDateTime(language: Language, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatTime(language: Language, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { timeStyle: 'medium' }).format(date);
}
