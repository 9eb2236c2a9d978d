// The Sensitivity tab: the tornado measures tension at the horizon or peak tension, as the
// analyst picks (by keyboard too); the bars shown are the engine's own for that measure, in
// English and Arabic, with no serious axe violation, and the screenshots.
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/model/compile';
import { scenarioSobol, spreadShares } from '../../src/engine/model/scenarioSobol';
import { formatters } from '../../src/presentation/charts/format';
import { tornado, type TornadoMetric } from '../../src/engine/model/sensitivity';
import { inputLabel } from '../../src/presentation/charts/inputs';
import {
  analysisPane,
  ASHGABAT_DOC,
  chartData,
  chartImage,
  keepScreenshot,
  openApp,
  screenshot,
  screenshotFromTabs,
  seriousViolationsIn,
  useBrowser,
  weightSlider,
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
      const choice = page.getByTestId('tornado-metric');
      const final = choice.getByRole('radio', { name: text.final, exact: true });
      const peak = choice.getByRole('radio', { name: text.peak, exact: true });
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

describe('the Sobol indices of the Sensitivity tab', () => {
  it.each(['en', 'ar'] as Lang[])(
    '(%s) computes in the worker what the engine computes, and says how much is shocks and how much judgement',
    async (lang) => {
      const { page } = app;
      await openApp(page, { lang, theme: 'light' });
      await pane(page).getByRole('tab', { name: TEXT[lang].tab, exact: true }).click();
      const panel = page.getByTestId('sobol-panel');
      // Cancel stops a computation: the button comes back, with nothing shown.
      await panel.getByTestId('sobol-compute').click();
      await panel.getByRole('button', { name: lang === 'en' ? 'Cancel' : 'إلغاء', exact: true }).click();
      await panel.getByTestId('sobol-compute').waitFor();
      expect(await panel.getByTestId('sobol-table').count()).toBe(0);

      await panel.getByTestId('sobol-compute').click();
      await panel.getByTestId('sobol-summary').waitFor({ timeout: 60_000 });
      const result = scenarioSobol(compileScenario(doc, 0), { samples: 4096, seed: doc.simulation.seed });
      const shares = spreadShares(result);
      const percent = formatters(lang).probability;
      const summary = (await panel.getByTestId('sobol-summary').textContent())!.trim();
      for (const share of [shares.noise, shares.judgement, shares.rest]) expect(summary).toContain(percent(share));
      // One row per group, the largest total first, with the engine's numbers.
      const rows = panel.locator('[data-testid="sobol-table"] tbody tr');
      const ids = await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.group));
      expect(ids).toEqual([...result.groups].sort((a, b) => b.total - a.total).map((g) => g.id));
      const noise = result.groups.find((g) => g.kind === 'noise')!;
      expect(await panel.locator('tr[data-group="noise"] td').nth(1).textContent()).toContain(percent(noise.total));
      await panel.getByTestId('sobol-summary').evaluate((e) => e.scrollIntoView({ block: 'center' }));
      keepScreenshot(await screenshot(page, 'sensitivity-sobol', lang), `sensitivity-sobol-${lang}`);

      // Another tab and back: the result is still there.
      await pane(page).getByRole('tab', { name: lang === 'en' ? 'Tension' : 'التوتر', exact: true }).click();
      await pane(page).getByRole('tab', { name: TEXT[lang].tab, exact: true }).click();
      expect((await panel.getByTestId('sobol-summary').textContent())!.trim()).toBe(summary);

      // An edit marks the result as of an earlier version of the file.
      expect(await panel.getByTestId('sobol-stale').count()).toBe(0);
      if (lang === 'en') {
        await weightSlider(page, 'Western sanctions').press('ArrowRight');
        await panel.getByTestId('sobol-stale').waitFor();
      }
    },
    120_000
  );
});
