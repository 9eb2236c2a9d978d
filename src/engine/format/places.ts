// The place of a problem as an analyst names it: by the names of the things it lies in, not by
// list positions. `factors[1].weight` is `factor “Russian partnership” [partnership] › weight`,
// `scenarios[0].events[1].month` is `scenario “Base” [base] › event “Retaliation” [event2] › month`.
// The names come from the document as read, which may be anything (a refused file): every
// value is checked before it is used, and a thing with no usable name is named by its id, or
// by its position counted from 1. Pure: no Node, no DOM.
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
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A name from the file, safe and short enough to put in one line. */
function cleanName(text: string): string {
  const clean = text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  const head = Array.from(clean).slice(0, PLACE_NAME_CHARS).join('');
  return head.length < clean.length ? `${head}…` : head;
}

type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A field of a value that may be anything: only an own field of an object. */
const field = (value: unknown, key: string): unknown =>
  isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;

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

/** An item of a list of the document: the value at `index` when the list and the index are usable. */
function itemAt(list: unknown, index: PathSegment): unknown {
  return Array.isArray(list) && typeof index === 'number' ? list[index] : undefined;
}

/**
 * Names the places of one document. The factors are looked up by id, once: a scenario's
 * entries and a link's ends name factors by id.
 */
export function placeNamer(root: unknown): (at: readonly PathSegment[]) => Place | undefined {
  let factorLabels: Map<string, LocalizedLabel | undefined> | undefined;
  const factorNaming = (id: string): Naming => {
    if (factorLabels === undefined) {
      factorLabels = new Map();
      const list = field(root, 'factors');
      if (Array.isArray(list))
        for (const factor of list) {
          const factorId = idOf(field(factor, 'id'));
          // The first of two factors with one id is the one the file means (the second is refused).
          if (factorId !== undefined && !factorLabels.has(factorId))
            factorLabels.set(factorId, labelOf(field(factor, 'label')));
        }
    }
    return { label: factorLabels.get(id), id };
  };

  /** The steps of a place in a language, or undefined when the path is not inside a named thing. */
  const steps = (at: readonly PathSegment[], language: Language): string[] | undefined => {
    const [list, index, ...rest] = at;
    if (typeof index !== 'number') return undefined;
    const item = itemAt(field(root, String(list)), index);
    const own = (): Naming => ({ label: labelOf(field(item, 'label')), id: idOf(field(item, 'id')) });
    const words = WORDS[language];
    switch (list) {
      case 'factors':
        return [thing(language, 'factor', own(), index), ...restSteps(rest)];
      case 'evidence': {
        // An evidence card has no label: its gist, or else its source, says which one it is.
        const gist = cleanName(textOr(field(item, 'gist'))) || cleanName(textOr(field(item, 'source')));
        const naming = { label: gist === '' ? undefined : { en: gist, ar: gist }, id: idOf(field(item, 'id')) };
        return [thing(language, 'evidence', naming, index), ...restSteps(rest)];
      }
      case 'interactions': {
        const ends = [field(item, 'from'), field(item, 'to')].map(idOf);
        const link = ends.every((end) => end !== undefined)
          ? `${words.link} ${ends.map((end) => nameIn(language, factorNaming(end as string))).join(` ${words.arrow} `)}`
          : words.numbered(words.link, index + 1);
        return [link, ...restSteps(rest)];
      }
      case 'scenarios': {
        const scenario = thing(
          language,
          'scenario',
          { label: labelOf(field(item, 'name')), id: idOf(field(item, 'id')) },
          index
        );
        return [scenario, ...scenarioSteps(item, rest, language)];
      }
      default:
        return undefined;
    }
  };

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
    if (part === 'events' && typeof key === 'number') {
      const event = itemAt(field(scenario, 'events'), key);
      const naming = { label: labelOf(field(event, 'label')), id: idOf(field(event, 'id')) };
      return [thing(language, 'event', naming, key), ...restSteps(inner)];
    }
    return restSteps(rest);
  };

  return (at) => {
    const en = steps(at, 'en');
    const ar = steps(at, 'ar');
    if (en === undefined || ar === undefined) return undefined;
    return { en: en.join(PLACE_SEPARATOR), ar: ar.join(PLACE_SEPARATOR) };
  };
}

/** What is left of a path inside a named thing, written as a path: `weight.low`, `evidence[0]`. */
function restSteps(rest: readonly PathSegment[]): string[] {
  return rest.length === 0 ? [] : [formatPath(rest)];
}
