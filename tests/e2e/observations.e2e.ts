// The Observations panel in the browser, in English and Arabic: add a reading of the index and
// an event's outcome, change the reading's value, and take it all back with Ctrl+Z. Takes
// docs/screenshots/observations-<lang>.png on the way (with MIZAN_UPDATE_SCREENSHOTS=1).
import { describe, expect, it } from 'vitest';
import { editorTab, keepScreenshot, openApp, screenshot, useBrowser, visibleText } from './harness';

const app = useBrowser();

const WORDS = {
  en: {
    tab: 'Observations',
    add: 'Add observation',
    value: 'Value (0–100)',
    kind: 'Kind',
    event: 'Outcome of an event',
    month: 'Month',
    happened: 'happened'
  },
  ar: {
    tab: 'المشاهدات',
    add: 'إضافة مشاهدة',
    value: 'القيمة (0–100)',
    kind: 'النوع',
    event: 'نتيجة حدث',
    month: 'الشهر',
    happened: 'وقع'
  }
} as const;

describe('the Observations panel', () => {
  it.each(['en', 'ar'] as const)('adds a reading, changes its value, and Ctrl+Z takes it back (%s)', async (lang) => {
    const { page } = app;
    const w = WORDS[lang];
    await openApp(page, { lang });
    await editorTab(page, w.tab).click();
    const panel = page.getByTestId('editor-panel-observations');
    const cards = panel.getByRole('article');
    // The default analysis records what happened up to 2025-09.
    const recorded = await cards.count();
    expect(recorded).toBeGreaterThan(0);
    /** A number as the panel writes it in this language. */
    const number = (n: number) => page.evaluate(([l, v]) => new Intl.NumberFormat(l).format(v), [lang, n] as const);

    await panel.getByRole('button', { name: w.add }).click();
    expect(await cards.count()).toBe(recorded + 1);
    const reading = panel.locator('[data-observation="obs1"]');
    // The new reading's month field has the focus; its value is 50, σ the default 5.
    expect(await reading.getByLabel(w.month, { exact: true }).evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await visibleText(reading)).toContain(`${await number(50)} ± ${await number(5)}`);

    const value = reading.getByRole('spinbutton', { name: w.value, exact: true });
    await value.fill('64');
    await value.press('Tab');
    expect(await visibleText(reading)).toContain(`${await number(64)} ± ${await number(5)}`);

    // A second observation, made an event's outcome, for the picture.
    await panel.getByRole('button', { name: w.add }).click();
    expect(await cards.count()).toBe(recorded + 2);
    const outcome = panel.locator('[data-observation="obs2"]');
    await outcome.getByRole('combobox', { name: w.kind, exact: true }).selectOption({ label: w.event });
    expect(await visibleText(outcome.locator('.outcome'))).toBe(w.happened);
    await page.locator('#editor-tab-observations').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    keepScreenshot(await screenshot(page, 'observations', lang), `observations-${lang}`);

    // Undo, from the keyboard: the kind, the second observation, the value, the first.
    await value.focus();
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    expect(await cards.count()).toBe(recorded + 1);
    await page.keyboard.press('Control+z');
    expect(await value.inputValue()).toBe('50');
    expect(await visibleText(reading)).toContain(`${await number(50)} ± ${await number(5)}`);
    // The last undo takes the card away: the focus first leaves its field (NumberField reads
    // its values when Chromium blurs a field as it is removed, and Svelte warns of that).
    await panel.getByRole('button', { name: w.add }).focus();
    await page.keyboard.press('Control+z');
    expect(await cards.count()).toBe(recorded);
  });
});
