// The chart layer's texts (titles, axes, legends, tooltips) in English and Arabic.
import { describe, expect, it } from 'vitest';
import { ar, CHART_STRINGS, chartStrings, en } from '../../src/presentation/charts/strings';
import { expectSameTexts, expectWrittenTable } from '../support/texts';

describe('the charts’ texts', () => {
  it('are all written, each in its language, and keep the values put into them', () => {
    expect([chartStrings('en'), chartStrings('ar')]).toEqual([en, ar]);
    expect(CHART_STRINGS).toEqual({ en, ar });
    expectWrittenTable(en, 'en', ['accessibleList']);
    expectWrittenTable(ar, 'ar', ['accessibleList']);
    expectSameTexts(en, ar);
  });

  it('name a chart by its title alone, or its title and what it shows after a colon', () => {
    expect(en.accessibleList('Factor paths', [])).toBe('Factor paths');
    expect(en.accessibleList('Factor paths', ['Arms', 'Drones'])).toBe('Factor paths: Arms, Drones');
    expect(ar.accessibleList('مسارات العوامل', ['أ', 'ب'])).toBe('مسارات العوامل: أ، ب');
  });

  it('write a range with an en dash in English and a hyphen in Arabic (an en dash would turn it around)', () => {
    expect(en.range('70', '75')).toBe('70–75');
    expect(ar.range('٧٠', '٧٥')).toBe('٧٠-٧٥');
  });
});
