// Names typed in one language only (issue 15, item 1): the other language shows the typed name,
// never a placeholder, with a "needs translation" badge; the toolbar counts such names and its
// count filters the editor's lists to them. Both directions, in English and in Arabic.
import { screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import type { MizanDoc } from '../../src/engine/format';
import EventsPanel from '../../src/renderer/src/ui/editor/EventsPanel.svelte';
import FactorsPanel from '../../src/renderer/src/ui/editor/FactorsPanel.svelte';
import ScenariosPanel from '../../src/renderer/src/ui/editor/ScenariosPanel.svelte';
import Toolbar from '../../src/renderer/src/ui/Toolbar.svelte';
import { renderPanel, retype, type Rendered } from './harness';

const badges = () => screen.queryAllByTestId('needs-translation');

/** Opens the document with some names cleared on one side (an edit the store validates as a file). */
function openWith(t: Rendered, change: (doc: MizanDoc) => void) {
  const doc = structuredClone(t.doc());
  change(doc);
  t.store.getState().newDocument(doc);
}

async function setLanguage(t: Rendered, language: 'en' | 'ar') {
  t.store.getState().setLanguage(language);
  await tick();
}

describe('a new factor named in one language', () => {
  it('typed in English: the Arabic screen shows the English name with the badge, not a placeholder', async () => {
    const t = renderPanel(FactorsPanel);
    await t.user.click(screen.getByRole('button', { name: 'Add factor' }));
    const form = screen.getByRole('form', { name: 'Rename “New factor 11”' });
    await retype(t.user, within(form).getByRole('textbox', { name: 'Name in English' }), 'Houthi attacks');
    await t.user.keyboard('{Enter}');
    expect(t.doc().factors.at(-1)!.label).toEqual({ en: 'Houthi attacks', ar: '' });
    // First named: the automatic id gives way to one made from the name, and the focus stays on the row.
    expect(t.doc().factors.at(-1)!.id).toBe('houthi-attacks');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rename Houthi attacks' }));
    expect(screen.getByRole('rowheader', { name: 'Houthi attacks needs translation' })).toBeTruthy();

    await setLanguage(t, 'ar');
    const row = screen.getByRole('rowheader', { name: 'Houthi attacks بحاجة إلى ترجمة' });
    // The English text keeps its language for screen readers, inside the Arabic page.
    expect(row.querySelector('bdi')?.getAttribute('lang')).toBe('en');
    expect(within(row).getByTestId('needs-translation').title).toBe(
      'لا اسم عربيًا بعد: تعرض الشاشات والرسوم والتقارير العربية هذا الاسم.'
    );
    expect(screen.queryByText(/عامل جديد/)).toBeNull();
    // Only the new factor is marked: the others are named in both languages.
    expect(badges()).toHaveLength(1);
  });

  it('typed in Arabic: the English screen shows the Arabic name with the badge', async () => {
    const t = renderPanel(FactorsPanel, { language: 'ar' });
    await t.user.click(screen.getByRole('button', { name: 'إضافة عامل' }));
    const form = screen.getByRole('form', { name: /^إعادة تسمية/ });
    await retype(t.user, within(form).getByRole('textbox', { name: 'الاسم بالعربية' }), 'هجمات الحوثيين');
    await t.user.keyboard('{Enter}');
    expect(t.doc().factors.at(-1)!.label).toEqual({ en: '', ar: 'هجمات الحوثيين' });

    await setLanguage(t, 'en');
    const row = screen.getByRole('rowheader', { name: 'هجمات الحوثيين needs translation' });
    expect(row.querySelector('bdi')?.getAttribute('lang')).toBe('ar');
    expect(within(row).getByTestId('needs-translation').title).toBe(
      'No English name yet: English screens, charts and reports show this one.'
    );
    expect(screen.queryByText(/New factor/)).toBeNull();
  });

  it('typing the other language takes the badge away', async () => {
    const t = renderPanel(FactorsPanel);
    openWith(t, (doc) => (doc.factors[0].label = { en: 'Western sanctions', ar: '' }));
    await tick();
    expect(badges()).toHaveLength(1);
    await t.user.click(screen.getByRole('button', { name: 'Rename Western sanctions' }));
    const form = screen.getByRole('form', { name: 'Rename “Western sanctions”' });
    await retype(t.user, within(form).getByRole('textbox', { name: 'Name in Arabic' }), 'العقوبات الغربية');
    await t.user.keyboard('{Enter}');
    expect(badges()).toHaveLength(0);
  });
});

describe('scenarios and events', () => {
  it('a duplicated scenario renamed in English shows that name in Arabic, marked', async () => {
    const t = renderPanel(ScenariosPanel);
    await t.user.click(screen.getByRole('button', { name: 'Duplicate Baseline: entrenched rivalry' }));
    const copyId = t.doc().scenarios[1].id;
    t.store.getState().renameScenario(copyId, { ...t.doc().scenarios[1].name, en: 'Red Sea escalation' });
    await setLanguage(t, 'ar');
    expect(screen.getByRole('radio', { name: 'Red Sea escalation بحاجة إلى ترجمة' })).toBeTruthy();
    expect(screen.queryByText(/\(نسخة\)/)).toBeNull();
  });

  it('an event named in Arabic only is marked in its label row', async () => {
    const t = renderPanel(EventsPanel);
    openWith(t, (doc) => (doc.scenarios[0].events[0].label.en = ''));
    await tick();
    const row = screen.getByTestId('event-table').querySelector('tbody[data-event="bl-kazan"]')!;
    expect(within(row as HTMLElement).getByTestId('needs-translation').textContent).toBe('needs translation');
    expect(badges()).toHaveLength(1);
  });
});

describe('the toolbar count and the filter', () => {
  it('counts the names typed in one language, in the interface language; nothing when there are none', async () => {
    const t = renderPanel(Toolbar);
    expect(screen.queryByTestId('untranslated-count')).toBeNull();
    openWith(t, (doc) => {
      doc.factors[0].label.ar = '';
      doc.factors[3].label.en = '';
      doc.scenarios[2].name.ar = '';
      doc.scenarios[1].events[0].label.en = '';
    });
    await tick();
    const count = screen.getByTestId('untranslated-count');
    expect(count.textContent?.trim()).toBe('To translate: 4');
    expect(count.getAttribute('aria-pressed')).toBe('false');
    await setLanguage(t, 'ar');
    expect(count.textContent?.trim()).toBe('للترجمة: 4');

    await t.user.click(count);
    expect(t.store.getState().view.untranslatedOnly).toBe(true);
    expect(count.getAttribute('aria-pressed')).toBe('true');
    await t.user.click(count);
    expect(t.store.getState().view.untranslatedOnly).toBe(false);
  });

  it('the filter lists only the factors that need translation; Show all lists every one again', async () => {
    const t = renderPanel(FactorsPanel);
    openWith(t, (doc) => {
      doc.factors[1].label.ar = '';
      doc.factors[4].label.en = '';
    });
    t.store.getState().setUntranslatedOnly(true);
    await tick();
    const names = () => screen.getAllByRole('rowheader').map((th) => th.querySelector('bdi')?.textContent);
    expect(names()).toEqual([t.doc().factors[1].label.en, t.doc().factors[4].label.ar]);
    expect(screen.getByTestId('untranslated-note').textContent).toContain(
      'Only names that need translation are listed.'
    );

    await t.user.click(screen.getByRole('button', { name: 'Show all' }));
    expect(names()).toHaveLength(t.doc().factors.length);
    expect(screen.queryByTestId('untranslated-note')).toBeNull();
  });

  it('in Arabic: the filter on a list with nothing to translate says so, in Arabic', async () => {
    const t = renderPanel(ScenariosPanel, { language: 'ar' });
    openWith(t, (doc) => (doc.factors[0].label.ar = ''));
    t.store.getState().setUntranslatedOnly(true);
    await tick();
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
    const note = screen.getByTestId('untranslated-note');
    expect(note.textContent).toContain('كل الأسماء هنا باللغتين.');
    await t.user.click(within(note).getByRole('button', { name: 'عرض الكل' }));
    expect(screen.getAllByRole('radio')).toHaveLength(3);
  });
});
