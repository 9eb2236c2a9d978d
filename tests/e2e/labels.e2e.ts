// Names typed in one language in a new analysis (issue 15, item 1), in Chromium: after New, a
// factor named in English shows that name on the Arabic screen with a "needs translation"
// badge, not a placeholder; one named in Arabic shows on the English screen the same way; the
// toolbar counts them. Takes docs/screenshots/new-analysis-ar.png on the way.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, screenshot, useBrowser, visibleText } from './harness';

const app = useBrowser();

/** Renames a factor through its rename form: `names` are typed into the fields named. */
async function rename(page: Page, button: string, names: Record<string, string>) {
  const form = page.locator('form.label-form');
  if ((await form.count()) === 0) await page.getByRole('button', { name: button, exact: true }).click();
  for (const [field, text] of Object.entries(names)) await form.getByRole('textbox', { name: field }).fill(text);
  await form.getByRole('textbox', { name: Object.keys(names)[0] }).press('Enter');
  await expect.poll(() => form.count()).toBe(0);
}

const rowNames = (page: Page) =>
  page.locator('[data-testid="editor-panel-factors"] th[scope="row"]').evaluateAll((ths) =>
    ths.map((th) => ({
      name: th.querySelector('bdi')?.textContent,
      lang: th.querySelector('bdi')?.getAttribute('lang'),
      badge: th.querySelector('[data-testid="needs-translation"]')?.textContent ?? null
    }))
  );

async function setLanguage(page: Page, language: 'en' | 'ar') {
  await page.locator('header.toolbar select').first().selectOption(language);
  await page.waitForSelector(`html[lang="${language}"]`);
}

describe('names typed in one language', () => {
  it('New → factors named in English and in Arabic read right on both screens, marked until translated', async () => {
    const { page } = app;
    await openApp(page, { lang: 'en', theme: 'light' });
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.getByRole('button', { name: 'Add factor' }).waitFor();
    // The blank analysis's factor, named in both languages.
    await rename(page, 'Rename New factor', {
      'Name in English': 'Red Sea shipping',
      'Name in Arabic': 'الملاحة في البحر الأحمر'
    });
    // A new factor, named in English only.
    await page.getByRole('button', { name: 'Add factor' }).click();
    await rename(page, '', { 'Name in English': 'Houthi attacks' });

    await setLanguage(page, 'ar');
    // A new factor on the Arabic screen, named in Arabic only.
    await page.getByRole('button', { name: 'إضافة عامل' }).click();
    await rename(page, '', { 'الاسم بالعربية': 'الضربات الأمريكية' });
    expect(await rowNames(page)).toEqual([
      { name: 'الملاحة في البحر الأحمر', lang: 'ar', badge: null },
      { name: 'Houthi attacks', lang: 'en', badge: 'بحاجة إلى ترجمة' },
      { name: 'الضربات الأمريكية', lang: 'ar', badge: 'بحاجة إلى ترجمة' }
    ]);
    // No placeholder anywhere on the Arabic screen; the scenario of the blank analysis, named
    // in English when New was pressed, shows that name.
    const body = await visibleText(page.locator('body'));
    expect(body).not.toMatch(/عامل جديد/);
    expect(await visibleText(page.getByTestId('untranslated-count'))).toBe('للترجمة: 3');
    await screenshot(page, 'new-analysis', 'ar', join(process.cwd(), 'docs/screenshots/new-analysis-ar.png'));

    // The reverse: the name typed in Arabic, on the English screen.
    await setLanguage(page, 'en');
    expect(await rowNames(page)).toEqual([
      { name: 'Red Sea shipping', lang: 'en', badge: null },
      { name: 'Houthi attacks', lang: 'en', badge: 'needs translation' },
      { name: 'الضربات الأمريكية', lang: 'ar', badge: 'needs translation' }
    ]);
    expect(await visibleText(page.locator('body'))).not.toMatch(/New factor/);

    // The count filters the list to the names to translate.
    await page.getByTestId('untranslated-count').click();
    expect((await rowNames(page)).map((r) => r.name)).toEqual(['Houthi attacks', 'الضربات الأمريكية']);
    await page.getByRole('button', { name: 'Show all', exact: true }).click();
    expect(await rowNames(page)).toHaveLength(3);
  });
});
