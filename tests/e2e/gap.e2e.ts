// The Gap tab: two scenarios picked (keyboard too), the horizon bars against the headline
// figures, Show data, CSV export, Arabic, a document with one scenario, and the screenshots.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  analysisPane,
  ASHGABAT_DOC,
  chartData,
  chartImage,
  dialog,
  openApp,
  openFileThroughChooser,
  readSave,
  keepScreenshot,
  screenshotFromTabs,
  seriousViolationsIn,
  tensionReadout,
  useBrowser,
  type Lang
} from './harness';

const app = useBrowser();
const pane = analysisPane;
/** A number as the tables show it ("1,234.5", "−3.2") or as the CSV writes it. */
const num = (text: string) => Number(text.replace(/,/g, '').replace('−', '-'));
const doc = ASHGABAT_DOC;
const nameOf = (id: string) => doc.scenarios.find((s) => s.id === id)!.name.en;

async function openGap(page: Page, lang: Lang = 'en') {
  await pane(page)
    .getByRole('tab', { name: lang === 'ar' ? 'الفجوة' : 'Gap', exact: true })
    .click();
  await chartImage(page, 'gapAtHorizon').waitFor();
}

describe('the Gap tab', () => {
  it('compares two scenarios picked by the analyst: the horizon bars are the difference of the headline figures, shown as data and exported as CSV', async () => {
    const { page } = app;
    await openApp(page);
    const headline = await tensionReadout(page);
    await openGap(page);
    // By default A is the selected scenario and B the one after it.
    expect(await page.getByTestId('gap-a').inputValue()).toBe('baseline');
    expect(await page.getByTestId('gap-b').inputValue()).toBe('escalation');

    // Escalation minus de-escalation, B chosen first; then A = de-escalation swaps them.
    await page.getByTestId('gap-b').selectOption('deescalation');
    await page.getByTestId('gap-a').selectOption('escalation');
    await expect
      .poll(() => chartImage(page, 'gapAtHorizon').getAttribute('aria-label'))
      .toContain(`${nameOf('escalation')} minus ${nameOf('deescalation')}`);

    const rows = await chartData(page, 'gapAtHorizon');
    const [total, ...factors] = rows;
    expect(total[0]).toBe('Tension (total)');
    // A's and B's T at the horizon are the headline's figures, and the bar their difference.
    expect(total[1]).toBe(headline.escalation.end);
    expect(total[2]).toBe(headline.deescalation.end);
    const difference = num(headline.escalation.end) - num(headline.deescalation.end);
    expect(Math.abs(num(total[3]) - difference)).toBeLessThanOrEqual(0.1 + 1e-9);
    expect(num(total[3])).toBeGreaterThan(0);
    // One row per factor, largest difference first, adding up to the gap (each shown to 0.1).
    expect(factors).toHaveLength(doc.factors.length);
    const shown = factors.map((r) => num(r[3]));
    expect(shown.map(Math.abs)).toEqual([...shown.map(Math.abs)].sort((a, b) => b - a));
    const sum = shown.reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - num(total[3]))).toBeLessThanOrEqual(0.05 * (factors.length + 1));

    // The month-by-month chart: its last row is the horizon, its total the same gap.
    const months = await chartData(page, 'gap');
    expect(months).toHaveLength(doc.horizonMonths + 1);
    expect(months.at(-1)!.at(-1)).toBe(total[3]);

    // The swap button, by keyboard, turns the gap around.
    await page.getByTestId('gap-swap').focus();
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('gap-a').inputValue()).toBe('deescalation');
    expect(await page.getByTestId('gap-b').inputValue()).toBe('escalation');
    await expect
      .poll(async () => (await chartData(page, 'gapAtHorizon'))[0][3])
      .toBe(total[3].startsWith('-') || total[3].startsWith('−') ? total[3].slice(1) : `-${total[3]}`);

    // Export CSV: the numbers of the table, under the names of A and B (the pickers' pair).
    await page
      .locator('[data-chart="gapAtHorizon"]')
      .getByRole('button', { name: /^Export/ })
      .click();
    await page.getByRole('menu').getByRole('menuitem', { name: 'Save CSV…' }).click();
    const csv = await readSave(page, () => dialog(page).getByRole('button', { name: 'Save…' }).click());
    expect(csv.name).toBe('ashgabat-2024-gapAtHorizon-deescalation-minus-escalation.csv');
    const [header, first] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe(
      `Factor,Contribution in ${nameOf('deescalation')},Contribution in ${nameOf('escalation')},Difference`
    );
    const cells = first.split(',');
    expect(cells[0]).toBe('Tension (total)');
    expect(Math.abs(num(cells[3]) + difference)).toBeLessThanOrEqual(0.1 + 1e-9);

    expect(await seriousViolationsIn(page, '[data-testid="analysis-pane"]')).toEqual([]);
  });

  it.each<Lang>(['en', 'ar'])(
    '%s: reads in the interface language, right to left in Arabic (screenshot)',
    async (lang) => {
      const { page } = app;
      await page.setViewportSize({ width: 1440, height: 1000 });
      await openApp(page, { lang, theme: 'light' });
      await openGap(page, lang);
      const a = page.getByRole('combobox', { name: lang === 'ar' ? 'السيناريو أ' : 'Scenario A' });
      const b = page.getByRole('combobox', { name: lang === 'ar' ? 'مطروحًا منه ب' : 'minus B' });
      expect(await a.inputValue()).toBe('baseline');
      expect(await b.inputValue()).toBe('escalation');

      // The tabs, the pickers and the horizon chart in view, before any table is opened.
      keepScreenshot(await screenshotFromTabs(page, 'gap', lang), `gap-${lang}`);

      const title = await chartImage(page, 'gapAtHorizon').getAttribute('aria-label');
      // A picker's label before its select in the reading direction: right of it in Arabic.
      const label = page.getByTestId('gap-a').locator('xpath=preceding-sibling::span');
      const labelX = (await label.boundingBox())!.x;
      const selectX = (await a.boundingBox())!.x;
      if (lang === 'ar') {
        expect(title).toMatch(/^فجوة التوتر في نهاية الأفق/);
        expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
        expect(labelX).toBeGreaterThan(selectX);
        const rows = await chartData(page, 'gapAtHorizon');
        expect(rows[0][0]).toBe('التوتر (المجموع)');
      } else {
        expect(title).toMatch(/^Tension gap at the horizon/);
        expect(labelX).toBeLessThan(selectX);
      }
      expect(await seriousViolationsIn(page, '[data-testid="analysis-pane"]')).toEqual([]);
    }
  );

  it('says that the gap needs two scenarios when the document has one', async () => {
    const { page } = app;
    await openApp(page);
    // Without the observations, which name events of the other scenarios.
    const { observations: _observations, ...rest } = doc;
    const single = { ...rest, scenarios: doc.scenarios.slice(0, 1) };
    await openFileThroughChooser(page, { name: 'single.mizan', content: JSON.stringify(single) });
    await expect.poll(() => page.locator('[data-testid="tension-index"] tbody tr').count()).toBe(1);
    await pane(page).getByRole('tab', { name: 'Gap', exact: true }).click();
    expect(await page.getByTestId('gap-needs-two').textContent()).toContain('The gap compares two scenarios');
    expect(await page.locator('[data-chart="gapAtHorizon"], [data-chart="gap"]').count()).toBe(0);
    expect(await page.getByTestId('gap-a').count()).toBe(0);
  });
});
