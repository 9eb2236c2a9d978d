// Exporting charts from the app: each chart's Export menu and the toolbar's (File ▸ Export in
// a browser), through a fake File System Access API that keeps the bytes written and a fake
// clipboard that keeps the image copied. The files are read back as the analyst would: PNG
// pixel size, SVG parsed strictly, CSV rows. Keyboard, axe and screenshots of the menu and the
// PNG dialog, in English and Arabic.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, Image } from '@napi-rs/canvas';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chartStrings } from '../../src/presentation/charts';
import { CAPTION_TEXTS, pngSize } from '../../src/presentation/export';
import { analyseDocument } from '../../src/engine/analysis';
import { compileScenario } from '../../src/engine/model/compile';
import { tornado } from '../../src/engine/model/sensitivity';
import {
  ASHGABAT_DOC,
  dialog,
  openApp,
  screenshot,
  SCREENSHOTS,
  seriousViolationsIn,
  useBrowser,
  waitForRefined,
  type Lang
} from './harness';

const app = useBrowser();
const ARABIC = /[\u0600-\u06FF]/;
const BOM = [0xef, 0xbb, 0xbf];

interface Captured {
  saves: { suggestedName: string; types: { accept: Record<string, string[]> }[] }[];
  files: { name: string; base64: string }[];
  clipboard: { type: string; base64: string }[];
}

/**
 * A save picker whose files keep their bytes (the harness's fake keeps text only), and a
 * clipboard that keeps what is written to it. Results in `window.__exports`.
 */
async function installExportCapture(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const state: Captured = { saves: [], files: [], clipboard: [] };
    (window as unknown as { __exports: Captured }).__exports = state;
    const base64 = async (blob: Blob) => {
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      return btoa(binary);
    };
    const handle = (name: string) => ({
      kind: 'file',
      name,
      async createWritable() {
        const parts: BlobPart[] = [];
        return {
          async write(data: BlobPart) {
            parts.push(data);
          },
          async close() {
            state.files.push({ name, base64: await base64(new Blob(parts)) });
          },
          async abort() {}
        };
      },
      async queryPermission() {
        return 'granted';
      },
      async requestPermission() {
        return 'granted';
      }
    });
    Object.assign(window, {
      async showOpenFilePicker() {
        throw new DOMException('canceled', 'AbortError');
      },
      async showSaveFilePicker(options: Captured['saves'][number]) {
        state.saves.push(options);
        return handle(options.suggestedName);
      }
    });
    Object.defineProperty(navigator.clipboard, 'write', {
      configurable: true,
      value: async (items: ClipboardItem[]) => {
        for (const item of items)
          for (const type of item.types) state.clipboard.push({ type, base64: await base64(await item.getType(type)) });
      }
    });
  });
}

/** An SVG as Chromium's strict XML parser reads it: its language, title and texts (throws if not well-formed). */
async function readSvg(
  page: Page,
  text: string
): Promise<{ lang: string | null; title: string; texts: { text: string; direction: string | null }[] }> {
  const read = await page.evaluate((source) => {
    const svg = new DOMParser().parseFromString(source, 'image/svg+xml');
    const error = svg.getElementsByTagName('parsererror')[0];
    if (error) return { error: error.textContent ?? 'parser error' };
    const ns = 'http://www.w3.org/2000/svg';
    return {
      lang: svg.documentElement.getAttribute('xml:lang'),
      title: svg.getElementsByTagNameNS(ns, 'title')[0]?.textContent ?? '',
      texts: [...svg.getElementsByTagNameNS(ns, 'text')].map((t) => ({
        text: t.textContent ?? '',
        direction: t.getAttribute('direction')
      }))
    };
  }, text);
  if ('error' in read) throw new Error(`not well-formed XML: ${read.error}`);
  return read;
}

/** The alpha of a PNG's top-left pixel. */
function cornerAlpha(png: Uint8Array): number {
  const image = new Image();
  image.src = Buffer.from(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return context.getImageData(0, 0, 1, 1).data[3];
}

const captured = (page: Page): Promise<Captured> =>
  page.evaluate(() => (window as unknown as { __exports: Captured }).__exports);

/** Waits for the `n`-th file written (1-based) and returns it: its name and bytes. */
async function nthFile(page: Page, n: number): Promise<{ name: string; bytes: Buffer }> {
  await page.waitForFunction(
    (count) => (window as unknown as { __exports: Captured }).__exports.files.length >= count,
    n
  );
  const file = (await captured(page)).files[n - 1];
  return { name: file.name, bytes: Buffer.from(file.base64, 'base64') };
}

async function start(page: Page, lang: Lang = 'en'): Promise<void> {
  await installExportCapture(page);
  await openApp(page, { lang, fileAccess: 'native' });
}

const ashgabat = ASHGABAT_DOC;

const chart = (page: Page, kind: string): Locator => page.locator(`[data-chart="${kind}"]`);
const exportButton = (page: Page, kind: string): Locator =>
  chart(page, kind).getByRole('button', { name: /^(Export|تصدير)/ });
const menu = (page: Page): Locator => page.getByRole('menu');

async function chooseFromChart(page: Page, kind: string, item: string): Promise<void> {
  await exportButton(page, kind).click();
  await menu(page).getByRole('menuitem', { name: item }).click();
}

/** True when every item of the open menu is on screen and on top (not clipped by a scrolling pane). */
const menuItemsOnTop = (page: Page): Promise<boolean> =>
  menu(page)
    .getByRole('menuitem')
    .evaluateAll((items) =>
      items.every((item) => {
        const box = item.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return box.bottom <= window.innerHeight && (hit === item || item.contains(hit));
      })
    );

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('exporting a chart', { timeout: 120_000 }, () => {
  it('saves the tension chart as PNG at 2× on a transparent background, and the dialog remembers the choice', async () => {
    const { page } = app;
    await start(page);
    await chooseFromChart(page, 'tension', 'Save PNG…');
    const box = dialog(page);
    await box.getByRole('heading', { name: 'Save the chart as PNG' }).waitFor();
    expect(await box.getByRole('radio', { name: /^2×/ }).isChecked()).toBe(true);
    await box.getByRole('radio', { name: /^1×/ }).check();
    await box.getByRole('radio', { name: /^2×/ }).check();
    await box.getByRole('radio', { name: 'Transparent' }).check();
    await box.getByRole('button', { name: 'Save…' }).click();

    const png = await nthFile(page, 1);
    expect(png.name).toBe('ashgabat-2024-tension-baseline.png');
    expect(pngSize(png.bytes)).toEqual({ width: 1800, height: 1040 });
    expect(cornerAlpha(png.bytes)).toBe(0);
    // Kept for a look beside the screenshots.
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, 'chart-export-tension-2x.png'), png.bytes);
    const saves = (await captured(page)).saves;
    expect(saves[0].types[0].accept).toEqual({ 'image/png': ['.png'] });
    expect(await page.getByTestId('export-status').textContent()).toContain('Saved ashgabat-2024-tension-baseline.png');
    expect(await dialog(page).count()).toBe(0);

    // The next PNG starts from the same choice; Escape cancels without a file.
    await chooseFromChart(page, 'tension', 'Save PNG…');
    expect(await dialog(page).getByRole('radio', { name: 'Transparent' }).isChecked()).toBe(true);
    expect(await dialog(page).getByRole('radio', { name: /^2×/ }).isChecked()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await dialog(page).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-haspopup'))).toBe('menu');
    expect((await captured(page)).saves).toHaveLength(1);
  });

  it('saves an SVG with the title as text, and in Arabic an Arabic title written right to left', async () => {
    const { page } = app;
    await start(page);
    await chooseFromChart(page, 'tension', 'Save SVG…');
    await dialog(page).getByRole('button', { name: 'Save…' }).click();
    const english = await nthFile(page, 1);
    expect(english.name).toBe('ashgabat-2024-tension-baseline.svg');
    const svg = await readSvg(page, english.bytes.toString('utf8'));
    expect(svg.lang).toBe('en');
    expect(svg.title).toMatch(/tension/i);
    expect(svg.texts.map((t) => t.text)).toContain(svg.title);

    await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
    await chooseFromChart(page, 'tension', 'حفظ SVG…');
    await dialog(page).getByRole('button', { name: 'حفظ…' }).click();
    const arabic = await readSvg(page, (await nthFile(page, 2)).bytes.toString('utf8'));
    expect(arabic.lang).toBe('ar');
    expect(arabic.title).toMatch(ARABIC);
    expect(arabic.texts.map((t) => t.text)).toContain(arabic.title);
    expect(arabic.texts.every((t) => t.direction === 'rtl')).toBe(true);
  });

  it('puts the caption under a saved picture unless unticked, and remembers the choice after a restart', async () => {
    const { page } = app;
    await start(page);
    const captionOf = async (n: number) =>
      (await readSvg(page, (await nthFile(page, n)).bytes.toString('utf8'))).texts
        .map((t) => t.text)
        .filter((t) => t === CAPTION_TEXTS.en.judgementAid || t.includes('Ashgabat, 11 October 2024'));
    await chooseFromChart(page, 'tension', 'Save SVG…');
    const caption = dialog(page).getByRole('checkbox', { name: 'Caption under the chart' });
    expect(await caption.isChecked()).toBe(true);
    await dialog(page).getByRole('button', { name: 'Save…' }).click();
    const today = new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date());
    expect(await captionOf(1)).toEqual([
      `\u2068${'Ashgabat, 11 October 2024: Russia–Iran rapprochement and regional tension'}\u2069 · ${today}`,
      CAPTION_TEXTS.en.judgementAid
    ]);

    await chooseFromChart(page, 'tension', 'Save PNG…');
    await caption.uncheck();
    await dialog(page).getByRole('button', { name: 'Save…' }).click();
    await nthFile(page, 2);
    await page.reload();
    await page.waitForSelector('html[data-app-state="ready"]');
    await chooseFromChart(page, 'tension', 'Save SVG…');
    expect(await caption.isChecked()).toBe(false);
    expect(await seriousViolationsIn(page, 'dialog[open]')).toEqual([]);
    await dialog(page).getByRole('button', { name: 'Save…' }).click();
    expect(await captionOf(1)).toEqual([]);

    await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
    await chooseFromChart(page, 'tension', 'حفظ SVG…');
    const arabicBox = dialog(page).getByRole('checkbox', { name: 'تعليق أسفل الرسم' });
    expect(await arabicBox.isChecked()).toBe(false);
    await arabicBox.check();
    await screenshot(page, 'chart-export-caption-dialog', 'ar');
    await dialog(page).getByRole('button', { name: 'حفظ…' }).click();
    const arabic = await readSvg(page, (await nthFile(page, 2)).bytes.toString('utf8'));
    expect(arabic.texts.map((t) => t.text)).toContain(CAPTION_TEXTS.ar.judgementAid);
  });

  it('saves the CSV of the data the chart shows: a header row, then one row per month as an ISO date', async () => {
    const { page } = app;
    await start(page);
    await chooseFromChart(page, 'tension', 'Save CSV…');
    await dialog(page).getByRole('heading', { name: 'Save the chart’s data as CSV' }).waitFor();
    await dialog(page).getByRole('button', { name: 'Save…' }).click();
    const csv = await nthFile(page, 1);
    expect([...csv.bytes.subarray(0, 3)]).not.toEqual(BOM);
    expect(csv.name).toBe('ashgabat-2024-tension-baseline.csv');
    // The first two columns hold no commas: the month, then the first scenario's tension.
    const [header, ...rows] = csv.bytes.toString('utf8').replace(/\r\n$/, '').split('\r\n');
    expect(header.startsWith('Month,Baseline: entrenched rivalry,')).toBe(true);
    const months = rows.map((row) => row.split(',')[0]);
    expect(months.slice(0, 4)).toEqual(['2024-10', '2024-11', '2024-12', '2025-01']);
    expect(months.every((month) => /^\d{4}-\d{2}$/.test(month))).toBe(true);
    expect(rows.every((row) => Number(row.split(',')[1]) > 0)).toBe(true);
  });

  it('saves the odds of the “Which scenario?” chart as CSV: the command line’s odds by month, in percent', async () => {
    const { page } = app;
    await start(page);
    await page.getByRole('tab', { name: 'Which scenario?' }).click();
    await waitForRefined(page, ashgabat.simulation.runs);
    await chooseFromChart(page, 'odds', 'Save CSV…');
    await dialog(page).getByRole('button', { name: 'Save…' }).click();
    const csv = await nthFile(page, 1);
    // The odds are the same whichever scenario is selected: the name says none.
    expect(csv.name).toBe('ashgabat-2024-odds.csv');
    const [header, ...rows] = csv.bytes.toString('utf8').replace(/\r\n$/, '').split('\r\n');
    expect(header).toBe(['Month', ...ashgabat.scenarios.map((s) => s.name.en)].join(','));
    const tracking = analyseDocument(ashgabat, { importance: false }).tracking;
    if (!tracking || !('posteriorByMonth' in tracking)) throw new Error('the shipped analysis is not tracked');
    const shown = (v: number) => Number(v.toFixed(1));
    expect(rows.map((row) => row.split(',').slice(1).map(Number))).toEqual(
      rows.map((_, t) => ashgabat.scenarios.map((s) => shown(100 * tracking.posteriorByMonth[s.id][t])))
    );
  });

  it('saves the tornado’s CSV on the measure picked: peak tension gives the engine’s peak bars', async () => {
    const { page } = app;
    await start(page);
    await page.getByRole('tab', { name: 'Sensitivity' }).click();
    await page.getByTestId('tornado-metric').getByRole('radio', { name: 'peak tension', exact: true }).check();
    await chooseFromChart(page, 'tornado', 'Save CSV…');
    await dialog(page).getByRole('button', { name: 'Save…' }).click();
    const csv = await nthFile(page, 1);
    const [header, ...rows] = csv.bytes.toString('utf8').replace(/\r\n$/, '').split('\r\n');
    const words = chartStrings('en');
    expect(header).toBe([words.axes.input, words.tornado.low, words.tornado.high, words.tornado.swing].join(','));
    const bars = tornado(compileScenario(ashgabat, 0), 'peak').sort((a, b) => b.swing - a.swing);
    // The three numbers end each row (an input's name may hold a comma, the numbers do not).
    const numbers = rows.map((row) => row.split(',').slice(-3).map(Number));
    expect(numbers).toHaveLength(Math.min(12, bars.length));
    // One decimal, as the chart's table shows them.
    const shown = (v: number) => Number(v.toFixed(1));
    expect(numbers).toEqual(bars.slice(0, numbers.length).map((b) => [b.low, b.high, b.swing].map(shown)));
  });

  it('writes a byte-order mark when its box is ticked, and remembers the choice after a restart', async () => {
    const { page } = app;
    await start(page);
    await chooseFromChart(page, 'tension', 'Save CSV…');
    const bom = dialog(page).getByRole('checkbox', { name: /byte-order mark/ });
    expect(await bom.isChecked()).toBe(false);
    await bom.check();
    await dialog(page).getByRole('button', { name: 'Save…' }).click();
    const marked = await nthFile(page, 1);
    expect([...marked.bytes.subarray(0, 3)]).toEqual(BOM);
    expect(marked.bytes.subarray(3).toString('utf8').startsWith('Month,')).toBe(true);

    // A new session of the app (the page loaded again): the box is still ticked; unticked, no mark.
    await page.reload();
    await page.waitForSelector('html[data-app-state="ready"]');
    await chooseFromChart(page, 'tension', 'Save CSV…');
    expect(await bom.isChecked()).toBe(true);
    expect(await seriousViolationsIn(page, 'dialog[open]')).toEqual([]);
    await screenshot(page, 'chart-export-csv-dialog', 'en');
    await bom.uncheck();
    await dialog(page).getByRole('button', { name: 'Save…' }).click();
    expect([...(await nthFile(page, 1)).bytes.subarray(0, 3)]).not.toEqual(BOM);

    // The same dialog in Arabic, remembering the unticked box.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
    await chooseFromChart(page, 'tension', 'حفظ CSV…');
    const arabicBox = dialog(page).getByRole('checkbox', { name: /علامة ترتيب البايتات/ });
    expect(await arabicBox.isChecked()).toBe(false);
    expect(await seriousViolationsIn(page, 'dialog[open]')).toEqual([]);
    await screenshot(page, 'chart-export-csv-dialog', 'ar');
    await page.keyboard.press('Escape');
  });

  it('copies the chart as a PNG image to the clipboard', async () => {
    const { page } = app;
    await start(page);
    await chooseFromChart(page, 'tension', 'Copy image');
    await page.waitForFunction(() => (window as unknown as { __exports: Captured }).__exports.clipboard.length > 0);
    const [item] = (await captured(page)).clipboard;
    expect(item.type).toBe('image/png');
    expect(pngSize(Buffer.from(item.base64, 'base64'))).toEqual({ width: 1800, height: 1040 });
    expect(await page.getByTestId('export-status').textContent()).toContain('clipboard');
    expect((await captured(page)).saves).toHaveLength(0);
  });

  it('asks which factor to draw for the factor paths, and names the file after it', async () => {
    const { page } = app;
    await start(page);
    await page.getByRole('tab', { name: 'Factor paths' }).click();
    await chooseFromChart(page, 'factors', 'Save SVG…');
    const box = dialog(page);
    const factor = box.getByRole('combobox', { name: 'Factor' });
    const second = (await factor.locator('option').nth(1).getAttribute('value')) ?? '';
    await factor.selectOption(second);
    expect(await seriousViolationsIn(page, 'dialog[open]')).toEqual([]);
    await screenshot(page, 'chart-export-factor-dialog', 'en');
    await box.getByRole('button', { name: 'Save…' }).click();
    const file = await nthFile(page, 1);
    expect(file.name).toBe(`ashgabat-2024-factors-${second}.svg`);
    expect((await readSvg(page, file.bytes.toString('utf8'))).texts.length).toBeGreaterThan(0);
  });

  it('is run from the keyboard: Enter opens, arrows move and wrap, Escape closes and returns the focus', async () => {
    const { page } = app;
    await start(page);
    const button = exportButton(page, 'tension');
    await button.focus();
    await page.keyboard.press('Enter');
    await menu(page).waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await focusedText(page)).toBe('Copy image');
    await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toBe('Save PNG…');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focusedText(page)).toBe('Save CSV…');
    await page.keyboard.press('Home');
    expect(await focusedText(page)).toBe('Copy image');
    await page.keyboard.press('End');
    expect(await focusedText(page)).toBe('Save CSV…');
    // The focused item shows the focus ring.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('Escape');
    expect(await menu(page).count()).toBe(0);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-haspopup'))).toBe('menu');

    // ↑ on the button opens the menu on its last item; Enter chooses it, and Enter saves in the
    // CSV dialog, whose Save button has the focus.
    await page.keyboard.press('ArrowUp');
    expect(await focusedText(page)).toBe('Save CSV…');
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    expect(await focusedText(page)).toBe('Save…');
    await page.keyboard.press('Enter');
    expect((await nthFile(page, 1)).name).toBe('ashgabat-2024-tension-baseline.csv');
    expect(await menu(page).count()).toBe(0);
  });

  it('the toolbar’s Export menu acts on the chart on screen', async () => {
    const { page } = app;
    await start(page);
    await page.getByRole('tab', { name: 'Sensitivity' }).click();
    const toolbarExport = page.locator('header.toolbar').getByRole('button', { name: /^Export/ });
    await toolbarExport.click();
    const items = await menu(page).getByRole('menuitem').allTextContents();
    expect(items.map((s) => s.trim())).toEqual([
      'Copy chart image',
      'Save chart as PNG…',
      'Save chart as SVG…',
      'Save chart data as CSV…',
      'Export report (PDF)… Ctrl+P' // the shortcut is shown beside the item
    ]);
    await menu(page).getByRole('menuitem', { name: 'Save chart data as CSV…' }).click();
    await dialog(page).getByRole('button', { name: 'Save…' }).click();
    const csv = await nthFile(page, 1);
    expect(csv.name).toBe('ashgabat-2024-tornado-baseline.csv');
    expect(csv.bytes.toString('utf8').startsWith('Input,')).toBe(true);

    // PNG from the toolbar goes through the same dialog.
    await toolbarExport.click();
    await menu(page).getByRole('menuitem', { name: 'Save chart as PNG…' }).click();
    await dialog(page).getByRole('radio', { name: /^1×/ }).check();
    await dialog(page).getByRole('button', { name: 'Save…' }).click();
    const png = await nthFile(page, 2);
    expect(png.name).toBe('ashgabat-2024-tornado-baseline.png');
    expect(pngSize(png.bytes)).toEqual({ width: 900, height: 520 });
  });

  it.each<Lang>(['en', 'ar'])(
    '%s: the open menu and the PNG dialog have no serious axe violations (screenshots)',
    async (lang) => {
      const { page } = app;
      await start(page, lang);
      await exportButton(page, 'tension').click();
      await menu(page).waitFor();
      expect(await menuItemsOnTop(page)).toBe(true);
      expect(await seriousViolationsIn(page, '[data-chart="tension"], [role="menu"]')).toEqual([]);
      await page.keyboard.press('ArrowDown');
      await screenshot(page, 'chart-export-menu', lang);

      await page.keyboard.press('Enter');
      await dialog(page).waitFor();
      expect(await seriousViolationsIn(page, 'dialog[open]')).toEqual([]);
      await screenshot(page, 'chart-export-dialog', lang);
      if (lang === 'ar') expect(await dialog(page).getByRole('radio', { name: 'شفافة' }).count()).toBe(1);

      await page.keyboard.press('Escape');
      await page
        .locator('header.toolbar')
        .getByRole('button', { name: /^(Export|تصدير)/ })
        .click();
      await menu(page).waitFor();
      expect(await menuItemsOnTop(page)).toBe(true);
      expect(await seriousViolationsIn(page, 'header.toolbar, [role="menu"]')).toEqual([]);
      await screenshot(page, 'toolbar-export-menu', lang);
    }
  );
});
