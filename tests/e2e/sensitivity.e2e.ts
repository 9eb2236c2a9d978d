// The Sensitivity tab: the tornado measures tension at the horizon or peak tension, as the
// analyst picks (by keyboard too); the bars shown are the engine's own for that measure, in
// English and Arabic, with no serious axe violation, and the screenshots.
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/model/compile';
import { tornado, type TornadoMetric } from '../../src/engine/model/sensitivity';
import { inputLabel } from '../../src/presentation/charts/inputs';
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
  type Lang
} from './harness';

const app = useBrowser();
const pane = analysisPane;
const doc = ASHGABAT_DOC;

/** The engine's tornado of the first scenario on `metric`, as the data table shows it: the largest swings, one decimal. */
function expectedRows(metric: TornadoMetric, lang: Lang): string[][] {
  return tornado(compileScenario(doc, 0), metric)
    .sort((a, b) => b.swing - a.swing)
    .slice(0, 12)
    .map((b) => [inputLabel(doc, b.input, lang), b.low.toFixed(1), b.high.toFixed(1), b.swing.toFixed(1)]);
}

const TEXT = {
  en: {
    tab: 'Sensitivity',
    final: 'tension at the horizon',
    peak: 'peak tension',
    title: /^Sensitivity of peak tension/
  },
  ar: { tab: 'الحساسية', final: 'التوتر في نهاية الأفق', peak: 'ذروة التوتر', title: /^حساسية ذروة التوتر/ }
} as const;

describe('the Sensitivity tab', () => {
  it.each(['en', 'ar'] as Lang[])(
    '(%s) measures the tornado at the horizon or at the peak, as picked',
    async (lang) => {
      const { page } = app;
      const text = TEXT[lang];
      await openApp(page, { lang, theme: 'light' });
      await pane(page).getByRole('tab', { name: text.tab, exact: true }).click();
      const final = page.getByRole('radio', { name: text.final, exact: true });
      const peak = page.getByRole('radio', { name: text.peak, exact: true });
      expect(await final.isChecked()).toBe(true);
      // Latin digits in both languages: the rows compare as numbers written the same way.
      expect(await chartData(page, 'tornado')).toEqual(expectedRows('final', lang));

      // The keyboard: an arrow key moves the choice to the other measure.
      await final.focus();
      await page.keyboard.press(lang === 'ar' ? 'ArrowLeft' : 'ArrowRight');
      expect(await peak.isChecked()).toBe(true);
      await expect.poll(() => chartImage(page, 'tornado').getAttribute('aria-label')).toMatch(text.title);
      await expect.poll(() => chartData(page, 'tornado')).toEqual(expectedRows('peak', lang));

      expect(await seriousViolationsIn(page, '[data-testid="analysis-pane"] [role="tabpanel"]')).toEqual([]);
      keepScreenshot(await screenshotFromTabs(page, 'sensitivity-peak', lang), `sensitivity-peak-${lang}`);

      // And back.
      await final.check();
      await expect.poll(() => chartData(page, 'tornado')).toEqual(expectedRows('final', lang));
    }
  );
});
