// The report's own texts (headings, table columns, captions, sentences around numbers) in
// English and Arabic.
import { describe, expect, it } from 'vitest';
import { ar, en, REPORT_STRINGS } from '../../src/presentation/report/strings';
import { expectSameTexts, expectWrittenTable } from '../support/texts';

describe('the report’s texts', () => {
  it('are all written, each in its language, and keep the values put into them', () => {
    expect(REPORT_STRINGS).toEqual({ en, ar });
    expectWrittenTable(en, 'en', ['list']);
    expectWrittenTable(ar, 'ar', ['list']);
    expectSameTexts(en, ar);
  });

  it('join evidence ids with the language’s comma', () => {
    expect(en.list(['e1', 'e7'])).toBe('e1, e7');
    expect(ar.list(['e1', 'e7'])).toBe('e1، e7');
    expect(en.list([])).toBe('');
  });

  it('put the month under a headline’s words, and a swing after its input', () => {
    expect(en.summary.at('Tension now', 'Oct 2024')).toBe('Tension now\nOct 2024');
    expect(ar.summary.at('التوتر الآن', 'أكتوبر 2024')).toBe('التوتر الآن\nأكتوبر 2024');
    expect(en.summary.item('Sanctions', '14.2')).toBe('Sanctions: 14.2');
  });

  it('point an interaction from its source to its target in the reading direction', () => {
    expect(en.evidence.link('Sanctions', 'Partnership')).toBe('Sanctions → Partnership');
    expect(ar.evidence.link('العقوبات', 'الشراكة')).toBe('العقوبات ← الشراكة');
  });

  it('say the period from its first month to its last, with its length', () => {
    expect(en.period('Oct 2024', 'Oct 2026', '24')).toBe('Oct 2024 – Oct 2026 (24 months)');
    expect(en.simulation('2,000', '42')).toBe('2,000 runs, seed 42');
  });
});
