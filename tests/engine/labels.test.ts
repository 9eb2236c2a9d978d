// Names in two languages (src/engine/labels.ts): a name typed in one language shows in the
// other too, marked as needing translation, in both directions; a name in both shows each side.
import { describe, expect, it } from 'vitest';
import { namedItems, needsTranslation, showLabel, untranslatedCount, untranslatedNames } from '../../src/engine/labels';
import { rich, thawed } from './edits-helpers';
import type { MizanDoc } from '../../src/engine/format';

describe('showLabel', () => {
  it('shows each language its own text when the name has both', () => {
    const label = { en: 'Sanctions', ar: 'العقوبات' };
    expect(showLabel(label, 'en')).toEqual({ text: 'Sanctions', language: 'en', needsTranslation: false });
    expect(showLabel(label, 'ar')).toEqual({ text: 'العقوبات', language: 'ar', needsTranslation: false });
  });

  it('typed in English only: Arabic shows the English text, marked, and English is marked too', () => {
    const label = { en: 'Houthi attacks', ar: '' };
    expect(showLabel(label, 'ar')).toEqual({ text: 'Houthi attacks', language: 'en', needsTranslation: true });
    expect(showLabel(label, 'en')).toEqual({ text: 'Houthi attacks', language: 'en', needsTranslation: true });
  });

  it('typed in Arabic only: English shows the Arabic text, marked', () => {
    const label = { en: '', ar: 'هجمات الحوثيين' };
    expect(showLabel(label, 'en')).toEqual({ text: 'هجمات الحوثيين', language: 'ar', needsTranslation: true });
    expect(showLabel(label, 'ar')).toEqual({ text: 'هجمات الحوثيين', language: 'ar', needsTranslation: true });
  });

  it('counts a side of spaces as empty, and shows the text without its outer spaces', () => {
    expect(showLabel({ en: '  Oil ', ar: ' \t' }, 'ar')).toEqual({
      text: 'Oil',
      language: 'en',
      needsTranslation: true
    });
  });

  it('a name with no text in either language shows empty, and there is nothing to translate', () => {
    for (const label of [
      { en: '', ar: '' },
      { en: ' ', ar: '\t ' }
    ])
      for (const language of ['en', 'ar'] as const)
        expect(showLabel(label, language)).toEqual({
          text: '',
          language: language === 'en' ? 'ar' : 'en',
          needsTranslation: false
        });
  });
});

describe('needsTranslation', () => {
  it('is true for a name in one language only, in either direction, and false otherwise', () => {
    expect(needsTranslation({ en: 'Oil', ar: '' })).toBe(true);
    expect(needsTranslation({ en: ' ', ar: 'النفط' })).toBe(true);
    expect(needsTranslation({ en: 'Oil', ar: 'النفط' })).toBe(false);
    expect(needsTranslation({ en: '', ar: '' })).toBe(false);
    // A side of spaces only is empty, on either side.
    expect(needsTranslation({ en: 'Oil', ar: '  ' })).toBe(true);
    expect(needsTranslation({ en: '  ', ar: ' ' })).toBe(false);
  });
});

describe('untranslatedNames', () => {
  it('lists the factors, scenarios and events named in one language, in document order', () => {
    const doc = thawed(rich());
    // The fixture is named in both languages throughout.
    expect(untranslatedNames(doc)).toEqual([]);
    doc.factors[1].label = { en: 'Sanctions', ar: '' };
    doc.scenarios[0].name = { en: '', ar: 'الأساس' };
    const event = doc.scenarios[0].events[0];
    event.label = { en: 'Talks', ar: '' };
    expect(untranslatedNames(doc).map((n) => [n.kind, n.id])).toEqual([
      ['factor', doc.factors[1].id],
      ['scenario', doc.scenarios[0].id],
      ['event', event.id]
    ]);
    // For a reader of one language: only the names with no text in it.
    expect(untranslatedNames(doc, 'ar').map((n) => n.id)).toEqual([doc.factors[1].id, event.id]);
    expect(untranslatedNames(doc, 'en').map((n) => n.id)).toEqual([doc.scenarios[0].id]);
    // Spaces are no text: an Arabic name of spaces is seen in English by an Arabic reader.
    doc.factors[1].label = { en: 'Sanctions', ar: '   ' };
    expect(untranslatedNames(doc, 'ar').map((n) => n.id)).toEqual([doc.factors[1].id, event.id]);
  });

  it('names every factor, scenario and event once (a second count by hand)', () => {
    const doc = rich();
    const events = doc.scenarios.reduce((n, s) => n + s.events.length, 0);
    expect(namedItems(doc)).toHaveLength(doc.factors.length + doc.scenarios.length + events);
    const event = namedItems(doc).find((n) => n.kind === 'event');
    expect(event).toMatchObject({ scenarioId: doc.scenarios.find((s) => s.events.length > 0)!.id });
  });
});

describe('untranslatedCount', () => {
  it('counts what untranslatedNames lists, after edits that share the scenarios they leave alone', () => {
    const doc = rich();
    expect(untranslatedCount(doc)).toBe(0);
    const named = (en: string, ar: string) => ({ en, ar });
    const edits: ((d: MizanDoc) => MizanDoc)[] = [
      (d) => ({ ...d, factors: d.factors.map((f, i) => (i === 1 ? { ...f, label: named('Sanctions', '') } : f)) }),
      (d) => ({ ...d, scenarios: d.scenarios.map((s, k) => (k === 0 ? { ...s, name: named('', 'الأساس') } : s)) }),
      (d) => ({
        ...d,
        scenarios: d.scenarios.map((s, k) =>
          k === 0 ? { ...s, events: s.events.map((e, j) => (j === 0 ? { ...e, label: named('Talks', '') } : e)) } : s
        )
      }),
      (d) => ({ ...d, scenarios: d.scenarios.map((s, k) => (k === 0 ? { ...s, name: named('Base', 'الأساس') } : s)) }),
      (d) => ({ ...d, scenarios: d.scenarios.slice(1) })
    ];
    let next = doc;
    for (const edit of edits) {
      next = edit(next);
      expect(untranslatedCount(next)).toBe(untranslatedNames(next).length);
    }
    expect(untranslatedCount(next)).toBeGreaterThan(0);
  });
});
