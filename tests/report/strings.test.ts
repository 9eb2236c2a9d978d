// The report's own texts (headings, table columns, captions, sentences around numbers) in
// English and Arabic.
import { describe, expect, it } from 'vitest';
import { ar, en, REPORT_STRINGS } from '../../src/presentation/report/strings';
import { expectWrittenTable } from '../support/texts';

describe('the report’s texts', () => {
  it('are all written, each in its language, and keep the values put into them', () => {
    expect(REPORT_STRINGS).toEqual({ en, ar });
    expectWrittenTable(en, 'en', ['list']);
    expectWrittenTable(ar, 'ar', ['list']);
  });

  it('join evidence ids with the language’s comma', () => {
    expect(en.list(['e1', 'e7'])).toBe('e1, e7');
    expect(ar.list(['e1', 'e7'])).toBe('e1، e7');
    expect(en.list([])).toBe('');
  });

  it('put the band under the median, low to high, with the language’s range sign', () => {
    expect(en.summary.band('50.1', '40.2', '60.3')).toBe('50.1\n(40.2–60.3)');
    expect(ar.summary.band('٥٠', '٤٠', '٦٠')).toBe('٥٠\n(٤٠-٦٠)');
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
