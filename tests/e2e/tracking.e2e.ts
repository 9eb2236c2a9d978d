// Tracking in the app: the shipped analysis records what happened since October 2024; the
// "Which scenario?" tab shows the odds by month and the scores, and the Tension tab draws the
// readings and, on request, the fan given the observations — the engine's own numbers, computed
// in the workers, in English and Arabic, with no serious axe violation, and the screenshots.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../../src/engine/analysis';
import { monthsFrom } from '../../src/engine/months';
import { scoredEvents } from '../../src/engine/tracking';
import {
  analysisPane,
  ASHGABAT_DOC,
  chartData,
  keepScreenshot,
  openApp,
  SCREENSHOTS,
  screenshotFromTabs,
  seriousViolationsIn,
  useBrowser,
  waitForRefined,
  type Lang
} from './harness';

const app = useBrowser();
const doc = ASHGABAT_DOC;
const H = doc.horizonMonths;
let engine: ReturnType<typeof analyseDocument> | undefined;
/** The command line's analysis of the shipped file (computed once, on first use). */
const cli = () => (engine ??= analyseDocument(doc, { importance: false }));
const tracking = () => {
  const t = cli().tracking;
  if (!t || !('scenarios' in t)) throw new Error('the shipped analysis is not tracked');
  return t;
};

/** A number as the "Show data" table writes it. */
const cell = (lang: Lang, value: number) =>
  new Intl.NumberFormat(lang, {
    maximumFractionDigits: Number.isInteger(value) ? 0 : 1,
    minimumFractionDigits: Number.isInteger(value) ? 0 : 1
  }).format(value);

const TEXT = {
  en: {
    tab: 'Which scenario?',
    tension: 'Tension',
    prior: 'all runs',
    conditioned: 'given the observations',
    sentence: /^Your \d+% for “.+” (came|did not come) true: Brier \d\.\d\d\.$/,
    observed: 'Observed'
  },
  ar: {
    tab: 'أيّ سيناريو؟',
    tension: 'التوتر',
    prior: 'كل التشغيلات',
    conditioned: 'في ضوء المشاهدات',
    sentence: /^احتمالك .+ لـ«.+» (تحقّق|لم يتحقّق): درجة براير .+\.$/,
    observed: 'المرصود'
  }
} as const;

describe('tracking what happened', () => {
  it.each(['en', 'ar'] as Lang[])(
    '(%s) shows the odds by month and the scores of the shipped analysis, as the command line computes them',
    async (lang) => {
      const { page } = app;
      const text = TEXT[lang];
      await openApp(page, { lang, theme: 'light' });
      const pane = analysisPane(page);
      await pane.getByRole('tab', { name: text.tab, exact: true }).click();
      await waitForRefined(page, doc.simulation.runs);

      const t = tracking();
      // The odds at the horizon, in percent, as the table writes them.
      const expected = doc.scenarios.map((s) => cell(lang, 100 * t.posteriorByMonth[s.id][H]));
      await expect.poll(async () => (await chartData(page, 'odds')).at(-1)!.slice(1)).toEqual(expected);
      const first = (await chartData(page, 'odds'))[0].slice(1);
      expect(first).toEqual(doc.scenarios.map((s) => cell(lang, 100 * t.posteriorByMonth[s.id][0])));

      const panel = page.getByTestId('tracking-panel');
      for (const s of t.scenarios) {
        const row = panel.locator(`tr[data-scenario="${s.id}"]`);
        const percent = new Intl.NumberFormat(lang, {
          style: 'percent',
          minimumFractionDigits: 1,
          maximumFractionDigits: 1
        });
        await expect.poll(() => row.locator('td').nth(1).textContent()).toBe(percent.format(s.posterior));
        const scenario = doc.scenarios.find((d) => d.id === s.id)!;
        const scored = scoredEvents(scenario.events, doc.observations ?? [], doc.startMonth);
        const sentences = await panel.locator(`[data-scored="${s.id}"] li`).allTextContents();
        expect(sentences).toHaveLength(scored.length);
        for (const line of sentences) expect(line).toMatch(text.sentence);
      }
      expect(await seriousViolationsIn(page, '[data-testid="analysis-pane"] [role="tabpanel"]')).toEqual([]);
      keepScreenshot(await screenshotFromTabs(page, 'tracking', lang), `tracking-${lang}`);
      await panel.screenshot({ path: join(SCREENSHOTS, `tracking-panel-${lang}.png`) });
    }
  );

  it.each(['en', 'ar'] as Lang[])(
    '(%s) draws the readings on the tension chart and the fan given the observations when asked',
    async (lang) => {
      const { page } = app;
      const text = TEXT[lang];
      await openApp(page, { lang, theme: 'light' });
      const pane = analysisPane(page);
      await pane.getByRole('tab', { name: text.tension, exact: true }).click();
      await waitForRefined(page, doc.simulation.runs);

      // The index readings, in their months.
      const rows = await chartData(page, 'tension');
      const header = await page.locator('[data-chart="tension"] table thead th').allTextContents();
      const observedColumn = header.map((h) => h.trim()).indexOf(text.observed);
      expect(observedColumn).toBeGreaterThan(0);
      for (const o of doc.observations ?? [])
        if (o.kind === 'index')
          expect(rows[monthsFrom(doc.startMonth, o.month)][observedColumn]).toBe(cell(lang, o.value));

      // The selected scenario's fan given the observations: the engine's weighted quantiles.
      const given = page.getByRole('radio', { name: text.conditioned, exact: true });
      await expect.poll(() => given.isDisabled()).toBe(false);
      await given.click();
      const selected = cli().scenarios[0];
      const quantiles = selected.evidence?.conditioned?.quantiles;
      const fanColumn = header.map((h) => h.trim()).findIndex((h) => /25/.test(h));
      if (quantiles) {
        const want = quantiles['25'].map((v) => cell(lang, v));
        await expect.poll(async () => (await chartData(page, 'tension')).map((r) => r[fanColumn])).toEqual(want);
      }
      const prior = page.getByRole('radio', { name: text.prior, exact: true });
      expect(await prior.isChecked()).toBe(false);
      keepScreenshot(
        await screenshotFromTabs(page, 'tension-given-observations', lang),
        `tension-given-observations-${lang}`
      );
      await prior.click();
      const mc = selected.monteCarlo!.quantiles['25'].map((v) => cell(lang, v));
      await expect.poll(async () => (await chartData(page, 'tension')).map((r) => r[fanColumn])).toEqual(mc);
    }
  );
});
