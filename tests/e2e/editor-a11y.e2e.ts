// The editor's panels in English and Arabic: no serious or critical axe violations on any
// panel, the tabs work by keyboard (mirrored in right-to-left), and a screenshot of each
// panel in tmp/screenshots/editor-<panel>-<scheme>-<lang>.png.
import { describe, expect, it } from 'vitest';
import { editorTab, openApp, screenshot, seriousViolationsIn, useBrowser, type Lang } from './harness';

const app = useBrowser();

const TABS: Record<Lang, [id: string, name: string][]> = {
  en: [
    ['factors', 'Factors'],
    ['scenarios', 'Scenarios'],
    ['interactions', 'Interactions'],
    ['events', 'Events'],
    ['evidence', 'Evidence'],
    ['observations', 'Observations'],
    ['run', 'Run settings']
  ],
  ar: [
    ['factors', 'العوامل'],
    ['scenarios', 'السيناريوهات'],
    ['interactions', 'التفاعلات'],
    ['events', 'الأحداث'],
    ['evidence', 'الأدلة'],
    ['observations', 'المشاهدات'],
    ['run', 'إعدادات التشغيل']
  ]
};

async function checkPanels(lang: Lang, scheme: 'light' | 'dark') {
  const { page } = app;
  for (const [id, name] of TABS[lang]) {
    await editorTab(page, name).click();
    const panel = page.getByTestId(`editor-panel-${id}`);
    await panel.waitFor();
    // Open what a panel keeps folded, so that it is checked too.
    if (id === 'factors') await panel.locator('[aria-controls^="factor-evidence-"]').first().click();
    if (id === 'interactions' && lang === 'en') {
      // Both views in English; the matrix (the more complex of the two) in Arabic. Each axe
      // run costs 2-5 s on a 2-core machine.
      await panel.getByRole('button', { name: 'List', exact: true }).click();
      expect(await seriousViolationsIn(page, '.editor'), `${lang} ${scheme} ${id} (list)`).toEqual([]);
      await screenshot(page, `editor-${id}-list-${scheme}`, lang);
      await panel.getByRole('button', { name: 'Matrix', exact: true }).click();
    }
    if (id === 'evidence') {
      await panel
        .getByRole('button', { name: lang === 'ar' ? 'تحرير البطاقة e1' : 'Edit Card e1', exact: true })
        .click();
      await panel.locator('[data-evidence="e2"] .link-toggle').click();
    }
    expect(await seriousViolationsIn(page, '.editor'), `${lang} ${scheme} ${id}`).toEqual([]);
    await screenshot(page, `editor-${id}-${scheme}`, lang);
  }
}

describe('editor panels: accessibility and screenshots', () => {
  it('English, light: every panel has no serious or critical axe violations', async () => {
    await openApp(app.page, { lang: 'en', colorScheme: 'light' });
    await checkPanels('en', 'light');
  }, 150_000);

  it('Arabic, light: tabs by keyboard (mirrored), and every panel has no serious or critical axe violations', async () => {
    const { page } = app;
    await openApp(page, { lang: 'ar', colorScheme: 'light' });
    const selected = () => page.locator('.editor [role="tab"][aria-selected="true"]').getAttribute('id');
    await editorTab(page, 'العوامل').focus();
    await page.keyboard.press('ArrowLeft');
    expect(await selected()).toBe('editor-tab-scenarios');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('editor-tab-scenarios');
    await page.keyboard.press('ArrowRight');
    expect(await selected()).toBe('editor-tab-factors');
    await page.keyboard.press('End');
    expect(await selected()).toBe('editor-tab-run');
    expect(await page.getByTestId('editor-panel-run').isVisible()).toBe(true);
    expect(await page.getByTestId('editor-panel-factors').isVisible()).toBe(false);
    await page.keyboard.press('Home');
    expect(await selected()).toBe('editor-tab-factors');

    await checkPanels('ar', 'light');
  }, 150_000);

  it.each(['en', 'ar'] as Lang[])(
    '%s, dark: every panel',
    async (lang) => {
      await openApp(app.page, { lang, colorScheme: 'dark' });
      await checkPanels(lang, 'dark');
    },
    150_000 // six panels × axe on a 2-core machine
  );
});
