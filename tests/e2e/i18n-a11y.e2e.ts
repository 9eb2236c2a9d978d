// Arabic and right-to-left, themes, accessibility (axe), and the screenshots.
import { describe, expect, it } from 'vitest';
import {
  dialog,
  keepScreenshot,
  openApp,
  screenshot,
  seriousViolations,
  useBrowser,
  weightSlider,
  type Lang
} from './harness';

const app = useBrowser();

describe('languages', () => {
  it('switching to Arabic sets <html dir="rtl" lang="ar">, Arabic labels and the bundled Arabic font; and back', async () => {
    const { page } = app;
    await openApp(page);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'en',
      'ltr'
    ]);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'ar',
      'rtl'
    ]);
    expect(await page.getByRole('heading', { name: 'العوامل' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'مؤشر التوتر الإقليمي' }).count()).toBe(1);
    expect(await weightSlider(page, 'العقوبات الغربية', 'ar').inputValue()).toBe('5');
    expect(await page.getByRole('button', { name: 'حفظ', exact: true }).count()).toBe(1);
    expect(await page.getByTestId('tension-index').getByText('التصعيد: تصلّب المحور').count()).toBe(1);
    // The factor table's first column is on the right.
    const [labelX, sliderX] = await Promise.all([
      page.getByRole('rowheader', { name: 'العقوبات الغربية' }).boundingBox(),
      weightSlider(page, 'العقوبات الغربية', 'ar').boundingBox()
    ]);
    expect(labelX!.x).toBeGreaterThan(sliderX!.x);
    // Arabic text is drawn with the bundled Noto Naskh Arabic (nothing from the network).
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Naskh Arabic"', 'ميزان'))).toBe(true);
    const loaded = await page.evaluate(() =>
      [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family)
    );
    expect(loaded).toContain('Noto Naskh Arabic');

    // The choice is kept.
    await page.reload();
    await page.waitForSelector('html[data-app-state="ready"]');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('combobox', { name: 'اللغة' }).selectOption('en');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'en',
      'ltr'
    ]);
  });

  it('the theme follows the system unless chosen', async () => {
    const { page } = app;
    await openApp(page, { colorScheme: 'dark' });
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(await background()).toBe('rgb(18, 21, 25)');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
    expect(await background()).toBe('rgb(243, 245, 248)');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
    expect(await background()).toBe('rgb(18, 21, 25)');
  });
});

describe('accessibility and screenshots', () => {
  const combos: [Lang, 'light' | 'dark'][] = [
    ['en', 'light'],
    ['ar', 'light'],
    ['en', 'dark'],
    ['ar', 'dark']
  ];

  it.each(combos)('%s, %s: no serious or critical axe violations, with and without a dialog', async (lang, scheme) => {
    const { page } = app;
    await openApp(page, { lang, colorScheme: scheme });
    expect(await seriousViolations(page)).toEqual([]);
    const file = await screenshot(page, `main-${scheme}`, lang);
    if (scheme === 'light') keepScreenshot(file, `main-${lang}`);

    // The unsaved-changes dialog.
    await weightSlider(page, lang === 'ar' ? 'جبهة حزب الله' : 'Hezbollah front', lang).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('button', { name: lang === 'ar' ? 'جديد' : 'New', exact: true }).click();
    await dialog(page).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `dialog-${scheme}`, lang);
  });
});
