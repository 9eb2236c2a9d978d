// The place of a problem as an analyst names it: by the names of the things it lies in, not by
// list positions. `factors[1].weight` is `factor “Russian partnership” [partnership] › weight`,
// `scenarios[0].events[1].month` is `scenario “Base” [base] › event “Retaliation” [event2] › month`.
// The names come from the document as read, which may be anything (a refused file): every
// value is checked before it is used, and a thing with no usable name is named by its id, or
// by its position counted from 1. Pure: no Node, no DOM.
import { BIDI_CONTROLS } from '../export/bidi';
import { showLabel } from '../labels';
import { ID_PATTERN, type Language, type LocalizedLabel } from './schema';
import { formatPath, type PathSegment } from './paths';

/** A place in both languages of the interface; the JSON path stays beside it (Problem.path). */
export type Place = { en: string; ar: string };

type Words = {
  factor: string;
  scenario: string;
  event: string;
  link: string;
  evidence: string;
  observation: string;
  /** A scenario's weight for a factor (`scenarios[i].weights.<id>`). */
  weightOf: string;
  quote: (text: string) => string;
  /** A thing with neither name nor id: its position, counted from 1. */
  numbered: (kind: string, n: number) => string;
  /** The two ends of a link, in reading order. */
  arrow: string;
};

const WORDS: Record<Language, Words> = {
  en: {
    factor: 'factor',
    scenario: 'scenario',
    event: 'event',
    link: 'link',
    evidence: 'evidence card',
    observation: 'observation',
    weightOf: 'weight of factor',
    quote: (text) => `“${text}”`,
    numbered: (kind, n) => `${kind} #${n}`,
    arrow: '→'
  },
  ar: {
    factor: 'العامل',
    scenario: 'السيناريو',
    event: 'الحدث',
    link: 'الرابط',
    evidence: 'بطاقة الدليل',
    observation: 'الملاحظة',
    weightOf: 'وزن العامل',
    quote: (text) => `«${text}»`,
    numbered: (kind, n) => `${kind} رقم ${n}`,
    // Arabic reads right to left: the link runs from the right-hand end to the left-hand one.
    arrow: '←'
  }
};

/** Between the steps of a place. */
export const PLACE_SEPARATOR = ' › ';

/** The most characters (code points) of a name shown in a place; labels and gists may be thousands long. */
export const PLACE_NAME_CHARS = 60;

// Control characters (a label could carry a terminal escape sequence or a line break) and
// bidirectional controls (a label's direction must not leak into the rest of the line).
// The bidirectional ones are the exports' own list (BIDI_CONTROLS), so the two cannot drift apart.
const UNSAFE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f]|${BIDI_CONTROLS.source}`, 'g');

/** A name from the file, safe and short enough to put in one line. */
function cleanName(text: string): string {
  const clean = text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  const head = Array.from(clean).slice(0, PLACE_NAME_CHARS).join('');
  return head.length < clean.length ? `${head}…` : head;
}

/** A field of a value that may be anything: only an own field (nothing inherited), else undefined. */
const field = (value: unknown, key: string): unknown =>
  value !== null && value !== undefined && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;

const textOr = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The label of a thing as read, or undefined when it has no text in either language. */
function labelOf(value: unknown): LocalizedLabel | undefined {
  const label = { en: cleanName(textOr(field(value, 'en'))), ar: cleanName(textOr(field(value, 'ar'))) };
  return label.en === '' && label.ar === '' ? undefined : label;
}

/** An id as read, when it is a valid id (anything else is no id: it may be any length or shape). */
const idOf = (value: unknown): string | undefined =>
  typeof value === 'string' && ID_PATTERN.test(value) ? value : undefined;

/** What a thing is called: its label (either language), its id, or neither. */
type Naming = { label?: LocalizedLabel; id?: string };

/**
 * One thing named in a language. The id goes in brackets after every label: labels need not be
 * unique (two factors may both be "Sanctions") and may be in the other language, while the id is
 * unique and is what the file uses to refer to the thing, so it is what one searches for to fix
 * the file by hand.
 */
function nameIn(language: Language, naming: Naming): string {
  const { label, id } = naming;
  const bracket = id === undefined ? '' : `[${id}]`;
  if (label === undefined) return bracket;
  const quoted = WORDS[language].quote(showLabel(label, language).text);
  return id === undefined ? quoted : `${quoted} ${bracket}`;
}

/** "factor “Gaza” [gaza]", or "factor #3" when it has neither label nor id. */
function thing(language: Language, kind: keyof Words, naming: Naming, index: number): string {
  const words = WORDS[language];
  const word = words[kind] as string;
  const name = nameIn(language, naming);
  return name === '' ? words.numbered(word, index + 1) : `${word} ${name}`;
}

/** The item at `index` of what should be a list of the document, or undefined when it is no list. */
const itemAt = (list: unknown, index: number): unknown => (Array.isArray(list) ? list[index] : undefined);

/** The steps of a place inside a thing of a top-level list (`factors[i]…`), in a language. */
type Steps = (item: unknown, index: number, rest: readonly PathSegment[], language: Language) => string[];

/**
 * Names the places of one document. The factors are looked up by id, once: a scenario's
 * entries and a link's ends name factors by id.
 */
export function placeNamer(root: unknown): (at: readonly PathSegment[]) => Place | undefined {
  let factorLabels: Map<string, LocalizedLabel | undefined> | undefined;
  const factorNaming = (id: string): Naming => {
    // Stryker disable next-line ConditionalExpression: a cache; the labels read again are the same
    if (factorLabels === undefined) {
      factorLabels = new Map();
      const list = field(root, 'factors');
      if (Array.isArray(list))
        for (const factor of list) {
          const factorId = idOf(field(factor, 'id'));
          // The first of two factors with one id is the one the file means (the second is refused).
          // Stryker disable next-line ConditionalExpression: an entry under undefined is never looked up (ids looked up are valid ids)
          if (factorId !== undefined && !factorLabels.has(factorId))
            factorLabels.set(factorId, labelOf(field(factor, 'label')));
        }
    }
    return { label: factorLabels.get(id), id };
  };
  const ownNaming = (item: unknown): Naming => ({ label: labelOf(field(item, 'label')), id: idOf(field(item, 'id')) });

  /** The steps inside a scenario: one of its factors, its weight for one, one of its events. */
  const scenarioSteps = (scenario: unknown, rest: readonly PathSegment[], language: Language): string[] => {
    const [part, key, ...inner] = rest;
    if ((part === 'factors' || part === 'weights') && key !== undefined) {
      const id = String(key);
      const word = part === 'factors' ? WORDS[language].factor : WORDS[language].weightOf;
      // A key that is no valid id names no factor: it is shown quoted, as the file has it.
      const name = idOf(id) === undefined ? `[${JSON.stringify(cleanName(id))}]` : nameIn(language, factorNaming(id));
      return [`${word} ${name}`, ...restSteps(inner)];
    }
    // Stryker disable next-line ConditionalExpression: the events are a scenario's only list, so only they have a numbered place inside a scenario
    if (part === 'events' && typeof key === 'number') {
      const event = itemAt(field(scenario, 'events'), key);
      return [thing(language, 'event', ownNaming(event), key), ...restSteps(inner)];
    }
    return restSteps(rest);
  };

  /** The lists of named things: each names its item, then what lies inside it. */
  const named = new Map<PathSegment, Steps>([
    [
      'factors',
      (item, index, rest, language) => [thing(language, 'factor', ownNaming(item), index), ...restSteps(rest)]
    ],
    [
      'scenarios',
      (item, index, rest, language) => [
        thing(language, 'scenario', { label: labelOf(field(item, 'name')), id: idOf(field(item, 'id')) }, index),
        ...scenarioSteps(item, rest, language)
      ]
    ],
    [
      'interactions',
      (item, index, rest, language) => {
        const words = WORDS[language];
        const from = idOf(field(item, 'from'));
        const to = idOf(field(item, 'to'));
        const link =
          from === undefined || to === undefined
            ? words.numbered(words.link, index + 1)
            : `${words.link} ${nameIn(language, factorNaming(from))} ${words.arrow} ${nameIn(language, factorNaming(to))}`;
        return [link, ...restSteps(rest)];
      }
    ],
    [
      'evidence',
      (item, index, rest, language) => {
        // An evidence card has no label: its gist, or else its source, says which one it is.
        const gist = cleanName(textOr(field(item, 'gist'))) || cleanName(textOr(field(item, 'source')));
        const naming = { label: gist === '' ? undefined : { en: gist, ar: gist }, id: idOf(field(item, 'id')) };
        return [thing(language, 'evidence', naming, index), ...restSteps(rest)];
      }
    ],
    [
      'observations',
      // An observation has no label: its id names it, and its month says when.
      (item, index, rest, language) => [
        thing(language, 'observation', { id: idOf(field(item, 'id')) }, index),
        ...restSteps(rest)
      ]
    ]
  ]);

  return (at) => {
    const [list, index, ...rest] = at;
    // Anything else (the title, the thresholds, a whole list) is named well enough by its path.
    if (typeof index !== 'number') return undefined;
    const steps = named.get(list);
    if (steps === undefined) return undefined;
    const item = itemAt(field(root, String(list)), index);
    const inLanguage = (language: Language) => steps(item, index, rest, language).join(PLACE_SEPARATOR);
    return { en: inLanguage('en'), ar: inLanguage('ar') };
  };
}

/** What is left of a path inside a named thing, written as a path: `weight.low`, `evidence[0]`. */
function restSteps(rest: readonly PathSegment[]): string[] {
  return rest.length === 0 ? [] : [formatPath(rest)];
}
