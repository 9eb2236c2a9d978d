// The headline card at the top of the Analysis pane: one compact row for the selected scenario
// and each compared one, in the words the report and `mizan run` use, and small enough at
// 1280×800 to leave the charts in view. In English and Arabic.
import { describe, expect, it } from 'vitest';
import { HEADLINE_STRINGS } from '../../src/presentation/headline';
import { openApp, screenshot, useBrowser } from './harness';

const app = useBrowser();

const SCENARIOS = {
  en: ['Baseline: entrenched rivalry', 'Escalation: axis hardens', 'De-escalation: managed pause'],
  ar: ['السيناريو الأساسي: تنافس راسخ', 'التصعيد: تصلّب المحور', 'التهدئة: هدنة مُدارة']
};
const TAB = { en: 'Scenarios', ar: 'السيناريوهات' };
const COMPARE = { en: (name: string) => `Compare ${name}`, ar: (name: string) => `مقارنة ${name}` };

const shownRows = () =>
  app.page.$$eval('[data-testid="tension-index"] tbody tr', (rows) =>
    rows.map((r) => (r as HTMLElement).dataset.scenario)
  );

describe.each(['en', 'ar'] as const)('the headline card (%s)', (lang) => {
  it('heads its columns with the shared words and leaves the charts in view at 1280×800', async () => {
    const { page } = app;
    await openApp(page, { lang });
    const words = HEADLINE_STRINGS[lang];
    const headers = await page.$$eval('[data-testid="tension-index"] thead th', (ths) =>
      ths.map((th) => (th.textContent ?? '').trim())
    );
    expect(headers.slice(1)).toEqual([words.now, words.centralAtHorizon, words.median, words.crisisEver]);
    expect(await page.getByTestId('top-contributors').textContent()).toContain(words.contributions);

    await page.getByTestId('t-median').first().waitFor({ timeout: 60_000 });
    const card = (await page.getByTestId('tension-index').locator('xpath=ancestor::section[1]').boundingBox())!;
    const chart = (await page.locator('canvas').first().boundingBox())!;
    // The card ends, and the tension chart begins with a good part of it showing, above the fold.
    expect(card.y + card.height).toBeLessThan(450);
    expect(chart.y).toBeLessThan(800 - 150);
    // Each scenario's row is one or two lines, not three.
    const heights = await page.$$eval('[data-testid="tension-index"] tbody tr', (rows) =>
      rows.map((r) => r.getBoundingClientRect().height)
    );
    expect(Math.max(...heights)).toBeLessThan(48);
    await screenshot(page, 'headline', lang);
  });

  it('shows a row for the selected scenario and each compared one, following the Compare ticks', async () => {
    const { page } = app;
    await openApp(page, { lang });
    expect(await shownRows()).toEqual(['baseline', 'escalation', 'deescalation']);
    await page.getByRole('tab', { name: TAB[lang] }).click();
    await page.getByRole('checkbox', { name: COMPARE[lang](SCENARIOS[lang][1]) }).uncheck();
    await expect.poll(() => shownRows()).toEqual(['baseline', 'deescalation']);
    // The selected scenario keeps its row even when it is not compared.
    await page.getByRole('checkbox', { name: COMPARE[lang](SCENARIOS[lang][0]) }).uncheck();
    await expect.poll(() => shownRows()).toEqual(['baseline', 'deescalation']);
    expect(
      await page.locator('[data-testid="tension-index"] tr[aria-current="true"]').getAttribute('data-scenario')
    ).toBe('baseline');
    await page.getByRole('checkbox', { name: COMPARE[lang](SCENARIOS[lang][1]) }).check();
    await expect.poll(() => shownRows()).toEqual(['baseline', 'escalation', 'deescalation']);
  });
});
