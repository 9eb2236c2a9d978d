// The analysis pane for everyone: axe with the charts (and a data table) shown in English and
// Arabic, light and dark; the model help; screenshots of the main screen with the charts.
import { describe, expect, it } from 'vitest';
import { chartData, openApp, screenshot, seriousViolationsIn, useBrowser, waitForRefined, type Lang } from './harness';

const app = useBrowser();

const combos: [Lang, 'light' | 'dark'][] = [
  ['en', 'light'],
  ['ar', 'light'],
  ['en', 'dark'],
  ['ar', 'dark']
];

describe('accessibility of the charts', () => {
  // axe over the analysis pane and the divider (the whole page is checked in i18n-a11y.e2e.ts).
  const scope = '.analysis-pane, .splitter';

  it.each(combos)('%s, %s: no serious or critical axe violations with the charts and a data table shown', async (lang, scheme) => {
    const { page } = app;
    await openApp(page, { lang, colorScheme: scheme });
    await chartData(page, 'tension');
    await waitForRefined(page, 5000);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await screenshot(page, `analysis-${scheme}`, lang);
    expect(await seriousViolationsIn(page, scope)).toEqual([]);
    if (lang === 'en' && scheme === 'light') {
      // Another tab, with two charts, one of them with its data table open.
      await page.getByTestId('analysis-pane').getByRole('tab').nth(1).click();
      await chartData(page, 'contributionsAtHorizon');
      expect(await seriousViolationsIn(page, scope)).toEqual([]);
    }
  });
});

describe('model help', () => {
  it('explains the formula, says it is not a forecast, lists the shortcuts, in both languages; Escape closes it', async () => {
    const { page } = app;
    await openApp(page);
    const help = page.getByRole('button', { name: 'Model help' });
    expect(await help.getAttribute('aria-expanded')).toBe('false');
    await help.click();
    const panel = page.getByRole('region', { name: 'How Mizan computes the index' });
    await panel.getByRole('heading', { name: '3. The monthly update' }).waitFor();
    expect(await help.getAttribute('aria-expanded')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('model-help-heading');
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('judgement aid, not a forecast');
    expect(text).toContain('T(t)   = 100 · Σ_i w_i e_i(t) / Σ_i w_i');
    expect(text).toContain('Ctrl/⌘ + Shift + Z');
    expect(text).toContain('Page Up, Page Down');
    expect(await panel.getByRole('heading', { name: 'Keyboard shortcuts' }).count()).toBe(1);
    expect(await seriousViolationsIn(page, '.analysis-pane')).toEqual([]);
    await screenshot(page, 'analysis-help', 'en');

    await panel.getByRole('button', { name: 'اقرأ بالعربية' }).click();
    await panel.getByRole('heading', { name: '٣. التحديث الشهري' }).waitFor();
    expect(await panel.locator('[lang="ar"][dir="rtl"]').count()).toBe(1);
    expect((await panel.textContent()) ?? '').toContain('ميزان أداةٌ تعين على التقدير، وليس أداةً للتنبؤ');

    await page.keyboard.press('Escape');
    expect(await panel.count()).toBe(0);
    expect(await help.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await help.getAttribute('aria-expanded')).toBe('false');
  });
});
