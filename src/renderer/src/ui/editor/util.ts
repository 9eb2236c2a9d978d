// Small helpers shared by the editor panels: names in the interface language, numbers for
// people, and the check a typed value goes through before it reaches the store.
import type { LocalizedLabel, Language } from '../../../../engine/format';
import type { Bounds } from '../../../../engine/edits';
import { westernDigits } from '../../../../engine/digits';
import { showLabel } from '../../../../engine/labels';
import type { EditorMessages } from './messages';

/** A name in the interface language, or in the other one when it has none in this one. */
export function labelOf(label: LocalizedLabel, language: Language): string {
  return showLabel(label, language).text;
}

const formats = new Map<string, Intl.NumberFormat>();

/**
 * The formatter of `kind` for the language, made once: making one costs far more than formatting
 * (a weight step on 60 factors formats 60 shares).
 */
function formatter(language: Language, kind: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}:${kind}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, options);
    formats.set(key, format);
  }
  return format;
}

/** A number as people read it in the language: at most `digits` decimals, no trailing zeros. */
export function fmt(language: Language, value: number, digits = 2): string {
  return formatter(language, String(digits), { maximumFractionDigits: digits }).format(value);
}

/** A signed number: "+15", "−20". */
export function fmtSigned(language: Language, value: number): string {
  return formatter(language, 'signed', { maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(value);
}

/** A share as a percentage in the language: "80%", "٨٠٪". */
export function fmtPercent(language: Language, share: number): string {
  return formatter(language, 'percent', { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** Why a typed number does not fit `bounds` (a message), or null when it fits. */
export function boundsError(value: number, bounds: Bounds, m: EditorMessages, language: Language): string | null {
  const min = fmt(language, bounds.min);
  const max = fmt(language, bounds.max);
  if (!Number.isFinite(value)) return m.errNumber;
  if (bounds.whole && !Number.isInteger(value)) return m.errWhole(min, max);
  if (value < bounds.min || value > bounds.max) return bounds.whole ? m.errWhole(min, max) : m.errRange(min, max);
  return null;
}

/** Reads a typed number; Arabic-Indic digits and the Arabic decimal separator are accepted too. */
export function parseNumber(raw: string): number | null {
  const text = westernDigits(raw.trim())
    .replace(/[\u066b,]/g, '.')
    .replace(/[\u2212]/g, '-');
  if (text === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Wraps a name inserted into a sentence in bidi isolates (see i18n/isolate). */
export { isolate } from '../../i18n';
