// Ids made from names: a new factor's automatic id (`factor3`) becomes a readable one
// (`houthi-attacks`) the first time it is named, and never changes after that, so the CLI's
// tables, chart file names and messages read by themselves (docs/FILE-FORMAT.md, "id").
import { westernDigits } from './digits';
import { ID_PATTERN, type LocalizedLabel } from './format/schema';

/** Arabic (and Persian) letters in plain ASCII, one simple spelling each; marks and tatweel are dropped. */
// Letters with a hamza or madda on a carrier (آ أ ؤ إ ئ) are not here: NFKD (transliterate)
// splits them into the carrier (ا و ي) and a mark, and the mark is dropped.
const ARABIC_LETTERS: Record<string, string> = {
  ء: '',
  ا: 'a',
  ب: 'b',
  ة: 'a',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: 'a',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  و: 'w',
  ى: 'a',
  ي: 'y',
  ٱ: 'a',
  پ: 'p',
  چ: 'ch',
  ژ: 'zh',
  گ: 'g',
  ک: 'k',
  ی: 'y'
};

/** The text in ASCII letters: Latin accents dropped, Arabic letters and digits transliterated. */
export function transliterate(text: string): string {
  return westernDigits(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/(^|\s)ال/g, '$1al-')
    .replace(/[\u0600-\u06ff]/g, (c) => ARABIC_LETTERS[c] ?? '');
}

/** Lower-case ASCII words joined by hyphens ("Houthi attacks" → "houthi-attacks"); "" when none. */
export function slugOf(text: string): string {
  return transliterate(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, ''); // one hyphen at most at each end: the line above joins runs
}

const MAX_ID = 64;

/**
 * An id for a thing named `label`, valid (ID_PATTERN) and not in `taken`: the slug of its
 * English name, else of its Arabic one; after `prefix` when the slug is empty or starts with a
 * digit; `-2`, `-3`… added when taken.
 */
export function idFromName(label: LocalizedLabel, taken: Iterable<string>, prefix: string): string {
  const used = new Set(taken);
  const slug = slugOf(label.en) || slugOf(label.ar);
  // An empty slug gives `${prefix}-`, whose hyphen the cut below drops: the prefix alone.
  const base = /^[a-z]/.test(slug) ? slug : `${prefix}-${slug}`;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `-${n}`;
    // A slug has no two hyphens in a row, so a cut leaves one at most at its end.
    const id = `${base.slice(0, MAX_ID - suffix.length).replace(/-$/, '')}${suffix}`;
    if (!used.has(id) && ID_PATTERN.test(id)) return id;
  }
}

/** True for an id the app gave automatically (`factor3`): it takes a name's id when first named. */
export const isAutoId = (id: string, prefix: string): boolean => new RegExp(`^${prefix}\\d+$`).test(id);
