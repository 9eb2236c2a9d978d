// The Structure tab: the structural diagnostics of the selected scenario in the app, reached by
// the keyboard, against the engine's own figures for the default analysis, in English and
// Arabic, with no serious axe violation, and the screenshots.
import { describe, expect, it } from 'vitest';
import { scenarioDiagnostics } from '../../src/engine';
import {
  analysisPane,
  ASHGABAT_DOC,
  keepScreenshot,
  openApp,
  screenshotFromTabs,
  seriousViolationsIn,
  useBrowser,
  type Lang
} from './harness';

const app = useBrowser();
const pane = analysisPane;
const doc = ASHGABAT_DOC;

describe('the Structure tab', () => {
  it.each(['en', 'ar'] as Lang[])(
    '(%s) shows where each factor of the selected scenario settles, and the links’ share',
    async (lang) => {
      const { page } = app;
      await openApp(page, { lang, theme: 'light' });
      // The keyboard: the first tab, then End, the last one.
      await pane(page).getByRole('tab').first().focus();
      await page.keyboard.press('End');
      const tab = pane(page).getByRole('tab', { name: lang === 'ar' ? 'البنية' : 'Structure', exact: true });
      expect(await tab.getAttribute('aria-selected')).toBe('true');
      const panel = page.getByTestId('structure-panel');
      await panel.waitFor();

      const selected = await pane(page).getByRole('combobox').first().inputValue();
      const index = doc.scenarios.findIndex((s) => s.id === selected);
      const expected = scenarioDiagnostics(doc, index);
      const rows = page.getByTestId('structure-steady').locator('tbody tr');
      expect(await rows.count()).toBe(doc.factors.length);
      const settles = await rows.locator('td:nth-child(3)').allTextContents();
      // Arabic shows the same figures (the app's numbers are in Latin digits in both languages).
      expect(settles.map((s) => Number(s.replace(/[^\d.]/g, '')))).toEqual(
        expected.steadyState.factors.map((f) => Number(f.steady.toFixed(1)))
      );
      const links = await page.getByTestId('structure-links').textContent();
      expect(links).toContain(expected.tensionAtHorizon.withoutLinks.toFixed(1));

      expect(await seriousViolationsIn(page, '[data-testid="structure-panel"]')).toEqual([]);
      keepScreenshot(await screenshotFromTabs(page, 'structure', lang), `structure-${lang}`);
    }
  );

  it('follows the scenario picked above the tabs', async () => {
    const { page } = app;
    await openApp(page, { lang: 'en', theme: 'light' });
    await pane(page).getByRole('tab', { name: 'Structure', exact: true }).click();
    const other = doc.scenarios[doc.scenarios.length - 1];
    await pane(page).getByRole('combobox').first().selectOption(other.id);
    const expected = scenarioDiagnostics(doc, doc.scenarios.length - 1);
    await expect
      .poll(() => page.getByTestId('structure-links').textContent())
      .toContain(`${expected.tensionAtHorizon.withLinks.toFixed(1)} with the links`);
  });
});
