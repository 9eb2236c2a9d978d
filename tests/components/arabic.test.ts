// The editor in Arabic: accessible names in Arabic ("وزن <label>"), Arabic text fields
// right-to-left, the Arabic name field first in the rename form, and edits working the same.
import { screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import EventsPanel from '../../src/renderer/src/ui/editor/EventsPanel.svelte';
import FactorsPanel from '../../src/renderer/src/ui/editor/FactorsPanel.svelte';
import { pressOnSlider, renderPanel, retype, type Rendered } from './harness';

describe('the Factors panel in Arabic', () => {
  let t: Rendered;
  beforeEach(() => {
    t = renderPanel(FactorsPanel, { language: 'ar' });
  });

  it('names every control in Arabic, with the factors’ Arabic labels', () => {
    for (const f of t.original.factors) {
      expect(screen.getByRole('slider', { name: `وزن ${f.label.ar}` })).toBeTruthy();
      expect(screen.getByRole('spinbutton', { name: `وزن ${f.label.ar}` })).toBeTruthy();
      expect(screen.getByRole('rowheader', { name: f.label.ar })).toBeTruthy();
    }
    expect(screen.queryByRole('slider', { name: 'Western sanctions weight' })).toBeNull();
    expect(screen.getByRole('button', { name: 'اتجاه العقوبات الغربية: يرفع التوتر' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'إضافة عامل' })).toBeTruthy();
  });

  it('a slider and a typed value edit the weight as in English', async () => {
    await pressOnSlider(screen.getByRole('slider', { name: 'وزن العقوبات الغربية' }), 'ArrowRight');
    expect(t.doc().factors[0].weight).toEqual({ low: 4, mode: 5.1, high: 7 });

    t.nextAction();
    const partnership = screen.getByRole('spinbutton', { name: 'وزن الشراكة الاستراتيجية الروسية الإيرانية' });
    await retype(t.user, partnership, '-3');
    expect(t.doc().factors[1].weight).toBe(5);
    expect(document.getElementById(partnership.getAttribute('aria-describedby')!)?.textContent).toBe(
      'أدخل رقمًا من 0 إلى 10.'
    );
  });

  it('the rename form: the Arabic field is right-to-left and has the focus first', async () => {
    await t.user.click(screen.getByRole('button', { name: 'إعادة تسمية جبهة حزب الله' }));
    const form = screen.getByRole('form', { name: 'إعادة تسمية «جبهة حزب الله»' });
    const arabic = within(form).getByRole('textbox', { name: 'الاسم بالعربية' });
    const english = within(form).getByRole('textbox', { name: 'الاسم بالإنجليزية' });
    expect(arabic.getAttribute('dir')).toBe('rtl');
    expect(arabic.getAttribute('lang')).toBe('ar');
    expect(english.getAttribute('dir')).toBe('ltr');
    expect(document.activeElement).toBe(arabic);

    await retype(t.user, arabic, 'الجبهة اللبنانية');
    await t.user.keyboard('{Enter}');
    expect(t.doc().factors.find((f) => f.id === 'hezbollah')?.label).toEqual({
      en: 'Hezbollah front',
      ar: 'الجبهة اللبنانية'
    });
    expect(screen.getByRole('slider', { name: 'وزن الجبهة اللبنانية' })).toBeTruthy();
  });
});

describe('the Events panel in Arabic', () => {
  it('arrow keys follow the axis on screen: in right-to-left, Left is later', async () => {
    const t = renderPanel(EventsPanel, { language: 'ar' });
    const marker = within(screen.getByTestId('event-timeline')).getByRole('button', {
      name: /^قمة البريكس في قازان: إعلان الشراكة الاستراتيجية: الشهر/
    });
    marker.focus();
    await t.user.keyboard('{ArrowLeft}');
    expect(t.doc().scenarios[0].events.find((e) => e.id === 'bl-kazan')?.month).toBe(2);
    t.nextAction();
    await t.user.keyboard('{ArrowRight}');
    expect(t.doc().scenarios[0].events.find((e) => e.id === 'bl-kazan')?.month).toBe(1);
  });
});
