// The Contributions tab: the contributions of the central path, or their mean over the Monte
// Carlo runs once the runs are in (the engine's own figures), picked by keyboard too; in English
// and Arabic, with no serious axe violation, and the screenshots.
import { describe, expect, it } from 'vitest';
import { analyseScenario } from '../../src/engine/analysis';
import {
  analysisPane,
  ASHGABAT_DOC,
  chartData,
  chartImage,
  keepScreenshot,
  openApp,
  screenshotFromTabs,
  seriousViolationsIn,
  useBrowser,
  waitForRefined,
  type Lang
} from './harness';

const app = useBrowser();
const pane = analysisPane;
const doc = ASHGABAT_DOC;
const H = doc.horizonMonths;

const TEXT = {
  en: {
    tab: 'Contributions',
    central: 'on the central path',
    mean: 'mean over the runs',
    title: /^Mean contributions/
  },
  ar: { tab: 'المساهمات', central: 'في المسار المركزي', mean: 'متوسطها عبر التشغيلات', title: /^متوسط مساهمات/ }
} as const;

describe('the Contributions tab', () => {
  it.each(['en', 'ar'] as Lang[])(
    '(%s) shows the mean over the runs when picked, as the engine computes it',
    async (lang) => {
      const { page } = app;
      const text = TEXT[lang];
      await openApp(page, { lang, theme: 'light' });
      await pane(page).getByRole('tab', { name: text.tab, exact: true }).click();
      const central = page.getByRole('radio', { name: text.central, exact: true });
      const mean = page.getByRole('radio', { name: text.mean, exact: true });
      expect(await central.isChecked()).toBe(true);
      await waitForRefined(page, doc.simulation.runs);
      expect(await mean.isDisabled()).toBe(false);

      await central.focus();
      await page.keyboard.press(lang === 'ar' ? 'ArrowLeft' : 'ArrowRight');
      expect(await mean.isChecked()).toBe(true);
      await expect.poll(() => chartImage(page, 'contributions').getAttribute('aria-label')).toMatch(text.title);

      // The last row of the table: the horizon's mean contributions, then their sum (the runs' mean T).
      const means = analyseScenario(doc, 0, { importance: false }).monteCarlo!.meanContributions!;
      const values = doc.factors.map((f) => means[f.id][H]);
      const expected = [...values, values.reduce((a, b) => a + b, 0)].map((v) => v.toFixed(1));
      await expect.poll(async () => (await chartData(page, 'contributions')).at(-1)!.slice(1)).toEqual(expected);

      expect(await seriousViolationsIn(page, '[data-testid="analysis-pane"] [role="tabpanel"]')).toEqual([]);
      keepScreenshot(await screenshotFromTabs(page, 'contributions-mean', lang), `contributions-mean-${lang}`);
    }
  );
});
