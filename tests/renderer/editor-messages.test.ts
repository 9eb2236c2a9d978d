// The editor's texts: Arabic has every English key with the same parameters, no text is empty,
// and every reason an edit can be refused has words of its own.
import { describe, expect, it } from 'vitest';
import type { EditError } from '../../src/engine/edits';
import { nameIn, copyLabel, editorMessages, reasonText } from '../../src/renderer/src/ui/editor/messages';

const en = editorMessages('en');
const ar = editorMessages('ar');

describe('editor messages', () => {
  it('Arabic has exactly the English keys, functions of the same arity, and no empty text', () => {
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const e = en[key];
      const a = ar[key];
      expect(typeof a, key).toBe(typeof e);
      if (typeof e === 'function') {
        expect((a as (...x: unknown[]) => string).length, key).toBe(e.length);
        const args = Array.from({ length: e.length }, (_, i) => (key === 'eventsMoved' && i === 0 ? 2 : `x${i}`));
        expect(((a as (...x: unknown[]) => string)(...args) as string).trim(), key).not.toBe('');
      } else {
        expect((a as string).trim(), key).not.toBe('');
        expect(
          /[\u0600-\u06ff]|^(Enter|Home|End)/.test(a as string) || key === 'matrixCorner',
          `${key} is Arabic`
        ).toBe(true);
      }
    }
  });

  it('the accessible names the tests and screen readers rely on', () => {
    expect(en.startOf('Western sanctions')).toBe('Western sanctions start');
    expect(en.targetOf('Western sanctions')).toBe('Western sanctions target');
    expect(ar.startOf('العقوبات الغربية')).toBe('بداية العقوبات الغربية');
    expect(ar.targetOf('العقوبات الغربية')).toBe('هدف العقوبات الغربية');
  });

  it('every refusal has its own words (except the generic ones)', () => {
    const reasons: EditError[] = [
      'zero-weights',
      'last-factor',
      'last-scenario',
      'empty-label',
      'too-long',
      'too-many',
      'self-interaction',
      'threshold-order',
      'bad-month',
      'bad-color',
      'not-number'
    ];
    const texts = reasons.map((r) => reasonText(en, r));
    expect(new Set(texts).size).toBe(reasons.length);
    expect(texts).not.toContain(en.reasonOther);
    expect(reasonText(ar, 'last-scenario')).toBe(ar.reasonLastScenario);
  });

  it('names new things in the language they are made in only, the other side empty', () => {
    expect(nameIn('en', (m) => m.newScenario('4'))).toEqual({ en: 'Scenario 4', ar: '' });
    expect(nameIn('ar', (m) => m.newScenario('4'))).toEqual({ en: '', ar: 'سيناريو 4' });
  });

  it('names a copy after the name as it shows, in that name\'s language only', () => {
    // Both sides typed: the copy takes the interface language's, not a stale other side.
    expect(copyLabel({ en: 'Baseline', ar: 'الأساسي' }, 'en')).toEqual({ en: 'Baseline (copy)', ar: '' });
    expect(copyLabel({ en: 'Baseline', ar: 'الأساسي' }, 'ar')).toEqual({ en: '', ar: 'الأساسي (نسخة)' });
    // Typed in English only, copied from the Arabic screen: the English name, copied in English.
    expect(copyLabel({ en: 'Baseline', ar: '' }, 'ar')).toEqual({ en: 'Baseline (copy)', ar: '' });
    expect(copyLabel({ en: '', ar: 'تصعيد' }, 'en')).toEqual({ en: '', ar: 'تصعيد (نسخة)' });
    expect(copyLabel({ en: 'x'.repeat(500), ar: 'أ' }, 'en').en).toHaveLength(500);
  });
});
