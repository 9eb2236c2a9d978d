// The analysis pane: live charts (central paths at once, Monte Carlo bands a moment later),
// undo, every chart named and with its data table, Arabic, and a document the model cannot
// compute.
import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../../src/engine/analysis';
import type { MizanDoc } from '../../src/engine/format';
import { formatCell } from '../../src/renderer/src/ui/analysis/table';
import {
  ASHGABAT_DOC,
  ASHGABAT_TEXT,
  chartData,
  chartImage,
  editorTab,
  openApp,
  openFileThroughChooser,
  useBrowser,
  waitForRefined,
  weightSlider
} from './harness';

const app = useBrowser();

const doc = ASHGABAT_DOC;

/** The tension table the app should show for `d` (baseline selected, all compared, refined). */
function expectedTensionRows(d: MizanDoc): string[][] {
  const analysis = analyseDocument(d);
  const baseline = analysis.scenarios[0].monteCarlo!;
  return analysis.months.map((_, t) => [
    ...analysis.scenarios.map((s) => formatCell('en', s.central.tension[t])),
    ...(['5', '25', '75', '95'] as const).map((q) => formatCell('en', baseline.quantiles[q][t]))
  ]);
}
/** The numbers of a table row: each scenario's path and the selected one's fan (after the month; then come the events and what was observed). */
const numbers = (rows: string[][]) => rows.map((r) => r.slice(1, 1 + doc.scenarios.length + 4));

const pane = (page: import('playwright-core').Page) => page.getByTestId('analysis-pane');

describe('live analysis', () => {
  it('a keyboard weight edit moves the central paths at once, the bands settle on the refined run, and undo puts it all back', async () => {
    const { page } = app;
    await openApp(page);
    await waitForRefined(page, 5000);
    const before = await chartData(page, 'tension');
    expect(before).toHaveLength(doc.horizonMonths + 1);
    expect(numbers(before)).toEqual(expectedTensionRows(doc));

    await weightSlider(page, 'Western sanctions').focus();
    await page.keyboard.press('End'); // 5 → 10: enough to move the index at one decimal
    // The central paths change first…
    await page.waitForFunction(
      (old) => {
        const rows = [...document.querySelectorAll('[data-chart="tension"] tbody tr')];
        return rows.length > 0 && rows[rows.length - 1].children[1]?.textContent?.trim() !== old;
      },
      before[before.length - 1][1]
    );
    // …then the Monte Carlo of the edited document: quick estimate, then the 5,000 runs.
    await waitForRefined(page, 5000);
    await expect.poll(() => page.getByTestId('mc-status').textContent()).toContain('5,000 runs');
    const edited: MizanDoc = {
      ...doc,
      factors: doc.factors.map((f) => (f.id === 'sanctions' ? { ...f, weight: { low: 4, mode: 10, high: 10 } } : f))
    };
    await expect.poll(async () => numbers(await chartData(page, 'tension'))).toEqual(expectedTensionRows(edited));

    await page.keyboard.press('Control+z');
    await expect.poll(async () => numbers(await chartData(page, 'tension'))).toEqual(numbers(before));
    await waitForRefined(page, 5000);
    expect(await chartData(page, 'tension')).toEqual(before);
  });

  it('unticking Compare on the selected scenario takes its bands and event markers with its line; ticking it brings them back', async () => {
    const { page } = app;
    await openApp(page);
    await waitForRefined(page, 5000);
    await editorTab(page, 'Scenarios').click();
    await page.getByRole('radio', { name: 'Escalation: axis hardens' }).check();
    const tension = page.locator('[data-chart="tension"]');
    const headers = async () => (await tension.locator('thead th').allTextContents()).map((h) => h.trim());
    const events = async () => {
      const column = (await headers()).indexOf('Events');
      return (await chartData(page, 'tension')).map((row) => row[column]);
    };
    await chartData(page, 'tension');
    await expect.poll(headers).toContain('Escalation: axis hardens: 95th percentile');
    expect((await events()).filter(Boolean).length).toBeGreaterThan(0);
    const drawn = await chartImage(page, 'tension').screenshot();

    await page.getByRole('checkbox', { name: 'Compare Escalation: axis hardens' }).uncheck();
    await expect
      .poll(headers)
      .toEqual([
        'Month',
        'Baseline: entrenched rivalry',
        'De-escalation: managed pause',
        'Events',
        // The index readings stay; the outcomes were of the escalation's events, which are no longer drawn.
        'Observed',
        'Observed: σ'
      ]);
    expect((await events()).filter(Boolean)).toEqual([]);
    expect((await chartImage(page, 'tension').screenshot()).equals(drawn)).toBe(false);

    await page.getByRole('checkbox', { name: 'Compare Escalation: axis hardens' }).check();
    await expect.poll(headers).toContain('Escalation: axis hardens: 5th percentile');
    expect((await events()).filter(Boolean).length).toBeGreaterThan(0);
  });

  it('every chart is an image with a name, draws on its canvas, and shows its data as a table', async () => {
    const { page } = app;
    await openApp(page);
    const tabs = pane(page).getByRole('tab');
    const names = await tabs.allTextContents();
    expect(names.map((n) => n.trim())).toEqual([
      'Tension',
      'Contributions',
      'Sensitivity',
      'Factor paths',
      'Distribution',
      'Profile',
      'Gap',
      'Which scenario?',
      'Structure'
    ]);
    const kinds: Record<string, string[]> = {
      Tension: ['tension'],
      Contributions: ['contributions', 'contributionsAtHorizon'],
      Sensitivity: ['tornado'],
      'Factor paths': ['factors'],
      Distribution: ['histogram'],
      Profile: ['radar'],
      Gap: ['gapAtHorizon', 'gap'],
      'Which scenario?': ['odds'],
      // A table, not a chart (tests/e2e/structure.e2e.ts).
      Structure: []
    };
    await waitForRefined(page);
    for (const [tab, charts] of Object.entries(kinds)) {
      await pane(page).getByRole('tab', { name: tab, exact: true }).click();
      expect(await pane(page).getByRole('tab', { name: tab, exact: true }).getAttribute('aria-selected')).toBe('true');
      for (const kind of charts) {
        const image = chartImage(page, kind);
        const name = (await image.getAttribute('aria-label')) ?? '';
        expect(name.length, kind).toBeGreaterThan(10);
        const canvases = image.locator('canvas');
        expect(await canvases.count(), kind).toBe(kind === 'factors' ? doc.factors.length : 1);
        const box = (await canvases.first().boundingBox())!;
        expect(box.width * box.height, kind).toBeGreaterThan(150 * 150);
        const rows = await chartData(page, kind);
        expect(rows.length, kind).toBeGreaterThan(0);
        const table = page.locator(`[data-chart="${kind}"] table`);
        expect((await table.locator('caption').textContent())?.trim().length, kind).toBeGreaterThan(0);
        expect(await table.locator('thead th[scope="col"]').count(), kind).toBeGreaterThan(1);
        expect(await table.locator('tbody th[scope="row"]').count(), kind).toBe(rows.length);
      }
    }
    // The arrow keys move between the tabs (and Home / End).
    await pane(page).getByRole('tab', { name: 'Profile', exact: true }).focus();
    await page.keyboard.press('Home');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Tension');
    await page.keyboard.press('ArrowRight');
    expect(
      await pane(page).getByRole('tab', { name: 'Contributions', exact: true }).getAttribute('aria-selected')
    ).toBe('true');
  });

  it('in Arabic: chart titles in Arabic, right to left, the editor on the right and the divider mirrored', async () => {
    const { page } = app;
    await openApp(page);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect
      .poll(() => chartImage(page, 'tension').getAttribute('aria-label'))
      .toMatch(/^مؤشر التوتر الإقليمي عبر الزمن: /);
    const rows = await chartData(page, 'tension');
    expect(await page.locator('[data-chart="tension"] caption').textContent()).toContain(
      'مؤشر التوتر الإقليمي عبر الزمن'
    );
    expect(rows[0][0]).toMatch(/أكتوبر/);
    await pane(page).getByRole('tab', { name: 'الحساسية', exact: true }).click();
    expect(await chartImage(page, 'tornado').getAttribute('aria-label')).toMatch(/^حساسية التوتر في نهاية الأفق/);

    const editor = (await page.locator('#editor-pane').boundingBox())!;
    const analysis = (await pane(page).boundingBox())!;
    expect(editor.x).toBeGreaterThan(analysis.x);
    const divider = page.getByRole('separator', { name: 'الفاصل بين المحرّر والتحليل' });
    const share = Number(await divider.getAttribute('aria-valuenow'));
    await divider.focus();
    await page.keyboard.press('ArrowLeft'); // moves the divider left: the editor, on the right, widens
    expect(Number(await divider.getAttribute('aria-valuenow'))).toBe(share + 2);
    expect((await page.locator('#editor-pane').boundingBox())!.width).toBeGreaterThan(editor.width);
  });

  it('the divider: keyboard and pointer, remembered', async () => {
    const { page } = app;
    await openApp(page);
    const divider = page.getByRole('separator', { name: 'Divider between the editor and the analysis' });
    expect(await divider.getAttribute('aria-orientation')).toBe('vertical');
    const start = Number(await divider.getAttribute('aria-valuenow'));
    const width = async () => (await page.locator('#editor-pane').boundingBox())!.width;
    const before = await width();
    await divider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(Number(await divider.getAttribute('aria-valuenow'))).toBe(start + 4);
    expect(await width()).toBeGreaterThan(before);
    await page.keyboard.press('Home');
    expect(Number(await divider.getAttribute('aria-valuenow'))).toBe(30);

    const box = (await divider.boundingBox())!;
    const workbench = (await page.locator('.workbench').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 100);
    await page.mouse.down();
    await page.mouse.move(workbench.x + workbench.width * 0.6, box.y + 100, { steps: 5 });
    await page.mouse.up();
    const dragged = Number(await divider.getAttribute('aria-valuenow'));
    expect(dragged).toBeGreaterThanOrEqual(58);
    expect(dragged).toBeLessThanOrEqual(62);

    await page.reload();
    await page.waitForSelector('html[data-app-state="ready"]');
    expect(Number(await page.getByRole('separator').getAttribute('aria-valuenow'))).toBe(dragged);
  });
});

describe('a document the model cannot compute', () => {
  // Such a document cannot be opened or made in the app: the loader refuses it (below) and the
  // editing side refuses the edit that would zero the last weight. How the analysis pane shows
  // one anyway is tested in tests/renderer/analysis-pane.test.ts.
  it('a file with all weights zero: the problem is named, and the charts stay on the open analysis', async () => {
    const { page } = app;
    await openApp(page);
    await waitForRefined(page);
    const before = await chartData(page, 'tension');
    const zero = JSON.parse(ASHGABAT_TEXT);
    zero.factors.forEach((f: { weight: unknown }) => (f.weight = 0));
    zero.scenarios.forEach((s: { weights?: unknown }) => delete s.weights);
    await openFileThroughChooser(page, { name: 'zero.mizan', content: JSON.stringify(zero) });
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('all factor weights are zero, so the tension index is not defined');
    await dialog.getByRole('button', { name: 'OK' }).click();
    expect(await chartData(page, 'tension')).toEqual(before);
    expect(await page.getByTestId('analysis-problems').count()).toBe(0);
  });
});
