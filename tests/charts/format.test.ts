// The texts charts and the report put around numbers: values, counts, percentages and months
// in each language, labels picked from a bilingual pair, and long labels wrapped or cut.
import { describe, expect, it } from 'vitest';
import { asShown, formatters, pick, truncate, wrap } from '../../src/presentation/charts/format';

describe('formatters', () => {
  it('write English numbers with one decimal for points, none for counts, and month names', () => {
    const fmt = formatters('en');
    expect([fmt.points(62.34), fmt.points(62), fmt.points(-3.04)]).toEqual(['62.3', '62.0', '-3.0']);
    expect([fmt.count(1234.6), fmt.count(12)]).toEqual(['1,235', '12']);
    expect([fmt.percent(0.4523), fmt.percent(0.45), fmt.percent(1)]).toEqual(['45.2%', '45.0%', '100.0%']);
    expect([fmt.probability(0.456), fmt.probability(0.05)]).toEqual(['46%', '5%']);
    expect([fmt.errorPoints(0.046), fmt.errorPoints(1.46), fmt.errorPoints(0)]).toEqual(['± 0.05', '± 1', '± 0']);
    expect([fmt.errorPercent(0.0052), fmt.errorPercent(0.0149)]).toEqual(['± 0.5%', '± 1%']);
    expect(['2024-01', '2024-10', '2026-12'].map(fmt.month)).toEqual(['Jan 2024', 'Oct 2024', 'Dec 2026']);
  });

  it('write Arabic month names, and the same values as English (Node’s Arabic locale uses Latin digits)', () => {
    const fmt = formatters('ar');
    expect(['2024-01', '2024-10'].map(fmt.month)).toEqual(['يناير 2024', 'أكتوبر 2024']);
    expect([fmt.points(62.34), fmt.count(1234.6)]).toEqual(['62.3', '1,235']);
    // Percentages carry left-to-right marks around the sign, so that it stays after the number.
    expect(fmt.percent(0.4523).replace(/\u200E/g, '')).toBe('45.2%');
    expect(fmt.probability(0.456).replace(/\u200E/g, '')).toBe('46%');
  });

  it('give the same month label on a second call, and leave a month that is not YYYY-MM as written', () => {
    const fmt = formatters('en');
    expect(fmt.month('2025-03')).toBe('Mar 2025');
    expect(fmt.month('2025-03')).toBe('Mar 2025');
    expect(['2024-xx', 'xx-10', 'soon', ''].map(fmt.month)).toEqual(['2024-xx', 'xx-10', 'soon', '']);
  });
});

describe('pick', () => {
  const label = { en: ' Sanctions ', ar: ' عقوبات ' };

  it('takes the label in the language, trimmed', () => {
    expect(pick(label, 'en')).toBe('Sanctions');
    expect(pick(label, 'ar')).toBe('عقوبات');
  });

  it('falls back to the other language, then to the fallback, when a side is blank', () => {
    expect(pick({ en: '  ', ar: 'عقوبات' }, 'en')).toBe('عقوبات');
    expect(pick({ en: 'Sanctions', ar: '' }, 'ar')).toBe('Sanctions');
    expect(pick({ en: ' ', ar: ' ' }, 'ar', 'sanctions')).toBe('sanctions');
    expect(pick(undefined, 'en', 'sanctions')).toBe('sanctions');
    expect(pick(undefined, 'en')).toBe('');
  });

  it('isolates a label that holds a bidirectional control, closing what it left open', () => {
    expect(pick({ en: 'Base\u202Eline', ar: '' }, 'en')).toBe('\u2068Base\u202Eline\u202C\u2069');
  });
});

describe('wrap', () => {
  it('breaks at spaces before a line would pass the width', () => {
    expect(wrap('a bb ccc dddd', 6)).toEqual(['a bb', 'ccc', 'dddd']);
    // Exactly the width fits; one more character does not.
    expect(wrap('ab cd', 5)).toEqual(['ab cd']);
    expect(wrap('ab cd', 4)).toEqual(['ab', 'cd']);
  });

  it('keeps a word longer than the width whole, on its own line', () => {
    expect(wrap('abcdefgh ij', 4)).toEqual(['abcdefgh', 'ij']);
  });

  it('collapses runs of spaces and ignores spaces at the ends', () => {
    expect(wrap('  a \n  b\t', 10)).toEqual(['a b']);
  });

  it('gives one empty line for an empty or blank text', () => {
    expect(wrap('', 10)).toEqual(['']);
    expect(wrap('   ', 10)).toEqual(['']);
  });

  it('closes an override on the line it opens on, and drops its closer on the next', () => {
    expect(wrap('\u202Eabc def\u202C', 4)).toEqual(['\u202Eabc\u202C', 'def']);
  });
});

describe('truncate', () => {
  it('keeps a text that fits and cuts a longer one to the length, ellipsis included', () => {
    expect(truncate('abcdef', 6)).toBe('abcdef');
    expect(truncate('abcdef', 5)).toBe('abcd…');
    expect(truncate('abcdef', 5)).toHaveLength(5);
  });

  it('drops the spaces before the ellipsis', () => {
    expect(truncate('abc def', 5)).toBe('abc…');
  });

  it('closes an override cut before its closer', () => {
    expect(truncate('\u202Eabcdef\u202C', 4)).toBe('\u202Eab\u202C…');
  });
});

describe('asShown', () => {
  it('rounds to the one decimal the charts show, halves away from zero, as their number format does', () => {
    const shown = new Intl.NumberFormat('en', { maximumFractionDigits: 1, useGrouping: false });
    for (const v of [2.25, -2.25, 41.44003954954309, 82.4291195484276, 7])
      expect(asShown(v)).toBe(Number(shown.format(v)));
    expect([2.25, -2.25, 41.44003954954309].map(asShown)).toEqual([2.3, -2.3, 41.4]);
  });

  it('leaves a value that is not a finite number as it is', () => {
    expect(asShown(NaN)).toBeNaN();
    expect(asShown(Infinity)).toBe(Infinity);
  });
});
