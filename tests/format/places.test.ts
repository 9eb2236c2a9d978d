// The places of problems named by labels (src/engine/format/places.ts): every kind of path, in
// both languages, and roots of any shape. Expected texts are written out by hand.
import { describe, expect, it } from 'vitest';
import { placeNamer, PLACE_NAME_CHARS } from '../../src/engine/format/places';
import { finishProblems, formatProblem, problemWhere, MAX_PROBLEMS } from '../../src/engine/format/problems';
import { loadDocument } from '../../src/engine/format/load';
import { fixtureJson } from './helpers';

const label = (en: string, ar = '') => ({ en, ar });

/** A small document as read: two factors, a scenario with an event, a link and an evidence card. */
const root = {
  title: 'Red Sea',
  factors: [
    { id: 'gaza', label: label('Gaza war', 'حرب غزة'), weight: 5 },
    { id: 'partnership', label: label('', 'الشراكة الروسية'), weight: 12 }
  ],
  scenarios: [
    {
      id: 'escalation',
      name: label('Escalation', 'التصعيد'),
      factors: { gaza: { pace: 1.5 } },
      weights: { gaza: 3 },
      events: [{ id: 'event2', label: label('Israeli retaliation', 'الرد الإسرائيلي'), month: 99 }]
    }
  ],
  interactions: [{ from: 'gaza', to: 'partnership', strength: 2 }],
  evidence: [{ id: 'e1', gist: 'Shipping insurers raise premiums', source: 'Lloyd’s List', quote: '…' }]
};

const placeOf = placeNamer(root);

describe('the place of a problem', () => {
  it('names a factor by its label and id, in English and in Arabic', () => {
    expect(placeOf(['factors', 0, 'weight'])).toEqual({
      en: 'factor “Gaza war” [gaza] › weight',
      ar: 'العامل «حرب غزة» [gaza] › weight'
    });
  });

  it('shows a label typed in one language only in the other language too', () => {
    expect(placeOf(['factors', 1, 'weight'])).toEqual({
      en: 'factor “الشراكة الروسية” [partnership] › weight',
      ar: 'العامل «الشراكة الروسية» [partnership] › weight'
    });
  });

  it('names the thing itself when the path ends at it', () => {
    expect(placeOf(['factors', 0])?.en).toBe('factor “Gaza war” [gaza]');
  });

  it('writes what is left of the path inside the thing as a path', () => {
    expect(placeOf(['factors', 0, 'weight', 'low'])?.en).toBe('factor “Gaza war” [gaza] › weight.low');
    expect(placeOf(['factors', 0, 'evidence', 2])?.en).toBe('factor “Gaza war” [gaza] › evidence[2]');
    expect(placeOf(['factors', 0, 'label', 'en'])?.en).toBe('factor “Gaza war” [gaza] › label.en');
  });

  it('names a scenario’s factor by the factor’s own label', () => {
    expect(placeOf(['scenarios', 0, 'factors', 'gaza', 'pace'])).toEqual({
      en: 'scenario “Escalation” [escalation] › factor “Gaza war” [gaza] › pace',
      ar: 'السيناريو «التصعيد» [escalation] › العامل «حرب غزة» [gaza] › pace'
    });
  });

  it('names a scenario’s weight for a factor', () => {
    expect(placeOf(['scenarios', 0, 'weights', 'gaza'])).toEqual({
      en: 'scenario “Escalation” [escalation] › weight of factor “Gaza war” [gaza]',
      ar: 'السيناريو «التصعيد» [escalation] › وزن العامل «حرب غزة» [gaza]'
    });
    expect(placeOf(['scenarios', 0, 'weights', 'gaza', 'mode'])?.en).toBe(
      'scenario “Escalation” [escalation] › weight of factor “Gaza war” [gaza] › mode'
    );
  });

  it('names an event inside its scenario', () => {
    expect(placeOf(['scenarios', 0, 'events', 0, 'month'])).toEqual({
      en: 'scenario “Escalation” [escalation] › event “Israeli retaliation” [event2] › month',
      ar: 'السيناريو «التصعيد» [escalation] › الحدث «الرد الإسرائيلي» [event2] › month'
    });
  });

  it('names the other fields and records of a scenario by the path', () => {
    expect(placeOf(['scenarios', 0, 'color'])?.en).toBe('scenario “Escalation” [escalation] › color');
    expect(placeOf(['scenarios', 0, 'factors'])?.en).toBe('scenario “Escalation” [escalation] › factors');
    expect(placeOf(['scenarios', 0, 'weights'])?.en).toBe('scenario “Escalation” [escalation] › weights');
    expect(placeOf(['scenarios', 0])?.en).toBe('scenario “Escalation” [escalation]');
    expect(placeOf(['scenarios', 0, 'events'])?.en).toBe('scenario “Escalation” [escalation] › events');
  });

  it('names a link by the factors at its two ends, the arrow pointing the way Arabic reads', () => {
    expect(placeOf(['interactions', 0, 'strength'])).toEqual({
      en: 'link “Gaza war” [gaza] → “الشراكة الروسية” [partnership] › strength',
      ar: 'الرابط «حرب غزة» [gaza] ← «الشراكة الروسية» [partnership] › strength'
    });
  });

  it('names an evidence card by its gist, else its source, else its id', () => {
    expect(placeOf(['evidence', 0, 'quote'])).toEqual({
      en: 'evidence card “Shipping insurers raise premiums” [e1] › quote',
      ar: 'بطاقة الدليل «Shipping insurers raise premiums» [e1] › quote'
    });
    const cards = placeNamer({
      evidence: [{ id: 'e2', gist: '  ', source: 'Reuters' }, { id: 'e3', source: '' }, {}]
    });
    expect(cards(['evidence', 0, 'quote'])?.en).toBe('evidence card “Reuters” [e2] › quote');
    expect(cards(['evidence', 1, 'quote'])?.en).toBe('evidence card [e3] › quote');
    expect(cards(['evidence', 2, 'quote'])).toEqual({
      en: 'evidence card #3 › quote',
      ar: 'بطاقة الدليل رقم 3 › quote'
    });
  });

  it('names a thing whose id is not text by its label alone (an id of null is no id "null")', () => {
    const named = placeNamer({ factors: [{ id: null, label: label('Gaza war') }, { id: 7 }] });
    expect(named(['factors', 0, 'weight'])?.en).toBe('factor “Gaza war” › weight');
    expect(named(['factors', 1, 'weight'])?.en).toBe('factor #2 › weight');
  });

  it('gives no place for a path that lies in no named thing: the path says it all', () => {
    expect(placeOf(['title'])).toBeUndefined();
    expect(placeOf(['thresholds', 'high'])).toBeUndefined();
    expect(placeOf(['factors'])).toBeUndefined();
    expect(placeOf([])).toBeUndefined();
    expect(placeOf(['view', 0])).toBeUndefined();
  });
});

describe('a place in a document of any shape', () => {
  it('names things by id, or by position counted from 1, when the root is garbage', () => {
    const notLists = [
      null,
      42,
      'text',
      [],
      { factors: 'many' },
      { factors: [null, 7] },
      // numbered keys do not make a list
      { factors: { 1: { id: 'gaza', label: label('Gaza') } }, scenarios: { 0: { id: 'base', events: [] } } }
    ];
    for (const garbage of notLists) {
      const place = placeNamer(garbage);
      expect(place(['factors', 1, 'weight']), JSON.stringify(garbage)).toEqual({
        en: 'factor #2 › weight',
        ar: 'العامل رقم 2 › weight'
      });
      expect(place(['scenarios', 0, 'events', 3, 'month'])?.en).toBe('scenario #1 › event #4 › month');
      expect(place(['interactions', 4, 'from'])).toEqual({ en: 'link #5 › from', ar: 'الرابط رقم 5 › from' });
      expect(place(['scenarios', 0, 'factors', 'gaza', 'pace'])?.en).toBe('scenario #1 › factor [gaza] › pace');
    }
  });

  it('names a thing with an id but no usable label by its id alone', () => {
    const place = placeNamer({
      factors: [
        { id: 'a', label: { en: 5, ar: null } },
        { id: 'b', label: '  ' },
        { id: 'c', label: { en: '   ', ar: '\n' } },
        // an inherited label is no label of the factor's own
        { id: 'd', label: Object.create({ en: 'Inherited' }) }
      ]
    });
    expect(place(['factors', 0])?.en).toBe('factor [a]');
    expect(place(['factors', 1])?.en).toBe('factor [b]');
    expect(place(['factors', 2])?.en).toBe('factor [c]');
    expect(place(['factors', 3])?.en).toBe('factor [d]');
  });

  it('names a thing with a label but no valid id by its label alone', () => {
    const place = placeNamer({ factors: [{ id: '1 bad id', label: label('Gaza') }, { label: label('Oil') }] });
    expect(place(['factors', 0, 'id'])?.en).toBe('factor “Gaza” › id');
    expect(place(['factors', 1, 'id'])).toEqual({ en: 'factor “Oil” › id', ar: 'العامل «Oil» › id' });
  });

  it('names an id that no factor has by the id alone', () => {
    expect(placeOf(['scenarios', 0, 'factors', 'sanktions'])?.en).toBe(
      'scenario “Escalation” [escalation] › factor [sanktions]'
    );
    expect(placeNamer({ interactions: [{ from: 'gaza', to: 'nowhere' }] })(['interactions', 0, 'to'])?.en).toBe(
      'link [gaza] → [nowhere] › to'
    );
  });

  it('writes a scenario key that is no valid id as the path writes it', () => {
    expect(placeOf(['scenarios', 0, 'factors', 'oil price', 'pace'])?.en).toBe(
      'scenario “Escalation” [escalation] › factor ["oil price"] › pace'
    );
    expect(placeOf(['scenarios', 0, 'weights', '__proto__'])?.en).toBe(
      'scenario “Escalation” [escalation] › weight of factor ["__proto__"]'
    );
  });

  it('names a link whose ends are not both ids by its position', () => {
    const place = placeNamer({ factors: root.factors, interactions: [{ from: 'gaza', to: 7 }, { to: 'gaza' }] });
    expect(place(['interactions', 0, 'to'])?.en).toBe('link #1 › to');
    expect(place(['interactions', 1, 'from'])?.en).toBe('link #2 › from');
  });

  it('takes the first of two factors with one id, the one the file means', () => {
    const place = placeNamer({
      factors: [
        { id: 'gaza', label: label('First') },
        { id: 'gaza', label: label('Second') }
      ],
      scenarios: [{ factors: {} }]
    });
    expect(place(['scenarios', 0, 'factors', 'gaza'])?.en).toBe('scenario #1 › factor “First” [gaza]');
  });

  it('reads only a document’s own fields', () => {
    const inherited = Object.create({ factors: [{ id: 'gaza', label: label('Inherited') }] });
    expect(placeNamer(inherited)(['factors', 0])?.en).toBe('factor #1');
  });

  it('shortens a long name and keeps control and direction characters out of the line', () => {
    const long = 'ب'.repeat(PLACE_NAME_CHARS + 5);
    const place = placeNamer({
      factors: [
        { id: 'a', label: label(long) },
        { id: 'b', label: label('Gaza\u001b[2J\nwar\u202E') },
        { id: 'c', label: label('x'.repeat(PLACE_NAME_CHARS)) },
        { id: 'd', label: label('  Gaza \t  war  ') }
      ]
    });
    expect(place(['factors', 0])?.en).toBe(`factor “${'ب'.repeat(PLACE_NAME_CHARS)}…” [a]`);
    expect(place(['factors', 1])?.en).toBe('factor “Gaza [2J war” [b]');
    // exactly the limit: whole, no ellipsis
    expect(place(['factors', 2])?.en).toBe(`factor “${'x'.repeat(PLACE_NAME_CHARS)}” [c]`);
    expect(place(['factors', 3])?.en).toBe('factor “Gaza war” [d]');
  });
});

describe('problems with their places', () => {
  it('carry a place only where the path lies in a named thing', () => {
    const problems = finishProblems(
      [
        { at: ['title'], message: 'must be text (found 5)' },
        { at: ['factors', 0, 'weight'], message: 'must be at most 10 (found 12)' }
      ],
      root
    );
    expect(problems).toStrictEqual([
      { path: 'title', message: 'must be text (found 5)' },
      {
        path: 'factors[0].weight',
        message: 'must be at most 10 (found 12)',
        place: { en: 'factor “Gaza war” [gaza] › weight', ar: 'العامل «حرب غزة» [gaza] › weight' }
      }
    ]);
  });

  it('names the places of the kept problems, and none for the summary line', () => {
    const located = Array.from({ length: MAX_PROBLEMS + 5 }, () => ({ at: ['factors', 0], message: 'bad' }));
    const problems = finishProblems(located, root);
    expect(problems).toHaveLength(MAX_PROBLEMS);
    expect(problems[MAX_PROBLEMS - 2].place?.en).toBe('factor “Gaza war” [gaza]');
    expect(problems[MAX_PROBLEMS - 1]).toStrictEqual({ path: '', message: '… and 6 more problems' });
  });

  it('are written as one line with the place, the path and the message', () => {
    const [titleProblem, weightProblem] = finishProblems(
      [
        { at: ['title'], message: 'must be text (found 5)' },
        { at: ['factors', 0, 'weight'], message: 'must be at most 10 (found 12)' }
      ],
      root
    );
    expect(formatProblem(weightProblem, 'bad.mizan')).toBe(
      'bad.mizan: factor “Gaza war” [gaza] › weight (factors[0].weight): must be at most 10 (found 12)'
    );
    expect(formatProblem(weightProblem)).toBe(
      'factor “Gaza war” [gaza] › weight (factors[0].weight): must be at most 10 (found 12)'
    );
    expect(formatProblem(weightProblem, 'bad.mizan', 'ar')).toBe(
      'bad.mizan: العامل «حرب غزة» [gaza] › weight (factors[0].weight): must be at most 10 (found 12)'
    );
    expect(formatProblem(titleProblem, 'bad.mizan')).toBe('bad.mizan: title: must be text (found 5)');
    expect(problemWhere(titleProblem)).toBe('title');
    // English unless asked otherwise.
    expect(problemWhere(weightProblem)).toBe('factor “Gaza war” [gaza] › weight (factors[0].weight)');
    expect(problemWhere(weightProblem, 'ar')).toBe('العامل «حرب غزة» [gaza] › weight (factors[0].weight)');
  });

  it('name the three problems of the issue’s file by labels', () => {
    const doc = fixtureJson();
    doc.factors[1].weight = 12;
    doc.scenarios[0].factors.partnership.pace = 1.5;
    doc.interactions.push({ from: 'sanctions', to: 'unknown-factor', strength: 0.2 });
    const result = loadDocument(JSON.stringify(doc));
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => p.place)).toEqual([
      { en: 'factor “Western sanctions” [sanctions] › weight', ar: 'العامل «العقوبات الغربية» [sanctions] › weight' },
      {
        en: 'link “Western sanctions” [sanctions] → [unknown-factor] › to',
        ar: 'الرابط «العقوبات الغربية» [sanctions] ← [unknown-factor] › to'
      },
      {
        en: 'scenario “Baseline” [baseline] › factor “Russia–Iran partnership” [partnership] › pace',
        ar: 'السيناريو «المسار الأساسي» [baseline] › العامل «الشراكة الروسية الإيرانية» [partnership] › pace'
      }
    ]);
  });
});
