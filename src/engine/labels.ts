// Names in two languages, as every reader shows them (the editor, the charts, the exports, the
// report, the CLI). A name is typed in one language or both; a side left empty is not a
// translation, so it shows the typed side instead and the name is marked as needing translation.
// The file never holds a made-up translation: new and copied items are named in the language
// they were made in only (docs/FILE-FORMAT.md, "Names in two languages").
import type { Language, LocalizedLabel, MizanDoc } from './format/schema';

export const otherLanguage = (language: Language): Language => (language === 'en' ? 'ar' : 'en');

/** What to show of a name in a language. */
export interface ShownLabel {
  /** The name in the language asked for, or in the other one when it has none in this one. */
  text: string;
  /** The language `text` is in (the other one for a fallback). */
  language: Language;
  /** The name is typed in one language only. */
  needsTranslation: boolean;
}

/** The name to show in `language`: its own text, else the other language's (see ShownLabel). */
export function showLabel(label: LocalizedLabel, language: Language): ShownLabel {
  const own = label[language].trim();
  const other = label[otherLanguage(language)].trim();
  if (own !== '') return { text: own, language, needsTranslation: other === '' };
  return { text: other, language: otherLanguage(language), needsTranslation: other !== '' };
}

/** True when the name has a text in one language and none in the other. */
export const needsTranslation = (label: LocalizedLabel): boolean =>
  (label.en.trim() === '') !== (label.ar.trim() === '');

/** A named item of a document: a factor, a scenario or an event (of `scenarioId`). */
export type NamedItem =
  | { kind: 'factor'; id: string; label: LocalizedLabel }
  | { kind: 'scenario'; id: string; label: LocalizedLabel }
  | { kind: 'event'; id: string; scenarioId: string; label: LocalizedLabel };

/** Every name of the document, in its order: factors, then scenarios, each followed by its events. */
export function namedItems(doc: Pick<MizanDoc, 'factors' | 'scenarios'>): NamedItem[] {
  const items: NamedItem[] = doc.factors.map((f) => ({ kind: 'factor' as const, id: f.id, label: f.label }));
  for (const s of doc.scenarios) {
    items.push({ kind: 'scenario', id: s.id, label: s.name });
    for (const e of s.events) items.push({ kind: 'event', id: e.id, scenarioId: s.id, label: e.label });
  }
  return items;
}

/**
 * The names typed in one language only; with `language`, only those that have no text in it
 * (the ones a reader of that language sees in the other language).
 */
export function untranslatedNames(doc: Pick<MizanDoc, 'factors' | 'scenarios'>, language?: Language): NamedItem[] {
  return namedItems(doc).filter(
    (item) => needsTranslation(item.label) && (language === undefined || item.label[language].trim() === '')
  );
}

/** The names of each scenario object (its own and its events') typed in one language only, counted once. */
const scenarioUntranslated = new WeakMap<MizanDoc['scenarios'][number], number>();

/**
 * untranslatedNames(doc).length, counting each scenario's names once per scenario object: edits
 * share the scenarios they leave alone, and the largest document has 10 000 events to look at.
 */
export function untranslatedCount(doc: Pick<MizanDoc, 'factors' | 'scenarios'>): number {
  let count = doc.factors.filter((f) => needsTranslation(f.label)).length;
  for (const s of doc.scenarios) {
    let own = scenarioUntranslated.get(s);
    if (own === undefined) {
      own = (needsTranslation(s.name) ? 1 : 0) + s.events.filter((e) => needsTranslation(e.label)).length;
      scenarioUntranslated.set(s, own);
    }
    count += own;
  }
  return count;
}
