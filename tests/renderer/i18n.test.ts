// The message dictionaries and the locale-aware formatting.
import { describe, expect, it } from 'vitest';
import { ar } from '../../src/renderer/src/i18n/ar';
import { en } from '../../src/renderer/src/i18n/en';
import { directionOf, formatMonth, formatNumber, isLanguage, messagesFor } from '../../src/renderer/src/i18n';

describe('messages', () => {
  it('Arabic has every English key, of the same kind (the type checks this too)', () => {
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en) as (keyof typeof en)[]) expect(typeof ar[k]).toBe(typeof en[k]);
  });

  it('no text is empty, and the Arabic texts are Arabic', () => {
    for (const [k, v] of Object.entries(ar)) {
      const text = typeof v === 'function' ? (v as (...a: string[]) => string)('X', 'Y') : v;
      expect(text.trim(), k).not.toBe('');
      if (!['weightRange'].includes(k)) expect(text, k).toMatch(/[\u0600-\u06ff]/);
    }
  });

  it('names the language control and the weight sliders as the tests and screen readers expect', () => {
    expect(messagesFor('en').language).toBe('Language');
    expect(messagesFor('ar').language).toBe('اللغة');
    expect(messagesFor('en').weightOf('Hezbollah front')).toBe('Hezbollah front weight');
    expect(messagesFor('ar').weightOf('جبهة حزب الله')).toBe('وزن جبهة حزب الله');
  });
});

describe('formatting', () => {
  it('direction and language checks', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
    expect(isLanguage('ar')).toBe(true);
    expect(isLanguage('fr')).toBe(false);
  });

  it('numbers follow the locale', () => {
    expect(formatNumber('en', 62.25)).toBe('62.3');
    expect(formatNumber('en', 1234.5, 0)).toBe('1,235');
    const arabic = formatNumber('ar', 62.5);
    expect(arabic).toBe(
      new Intl.NumberFormat('ar', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(62.5)
    );
  });

  it('months', () => {
    expect(formatMonth('en', '2024-10')).toBe('Oct 2024');
    expect(formatMonth('ar', '2024-10')).toMatch(/أكتوبر/);
  });
});
