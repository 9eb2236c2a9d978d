// File ▸ Export report (PDF) in the web mode: Ctrl+P lays the report out and calls the
// browser's print (stubbed here, to count the calls); then Chromium prints the page to PDF as
// Electron's printToPDF would, and the PDF is read back with poppler (pdftotext, pdfinfo):
// the document's title, every scenario's name, every chart's title and the page numbers,
// in English and in Arabic. The pages are also rendered to PNG (tmp/report/) to look at.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { monthLabels } from '../../src/engine/months';
import { analyseDocument } from '../../src/engine/analysis';
import { chartStrings } from '../../src/presentation/charts';
import { HEADLINE_STRINGS } from '../../src/presentation/headline';
import { REPORT_STRINGS } from '../../src/presentation/report';
import { formatters } from '../../src/presentation/charts/format';
import { hostileDocument } from '../support/hostile';
import {
  ASHGABAT_DOC,
  ASHGABAT_TEXT,
  countPrints,
  openApp,
  openFileThroughChooser,
  prints,
  titleField,
  useBrowser,
  type Lang
} from './harness';

const app = useBrowser();
const OUT = join(process.cwd(), 'tmp', 'report');

const doc = ASHGABAT_DOC;

/** Exports the report as the analyst would (Ctrl+P, File ▸ Export report) and waits for the print. */
async function exportReport(page: Page): Promise<void> {
  await countPrints(page);
  await page.keyboard.press('Control+P');
  await page.waitForFunction(() => (window as unknown as { __prints: number }).__prints > 0, null, { timeout: 90_000 });
}

interface PrintedReport {
  path: string;
  pages: number;
  /** pdftotext's output in reading order, and laid out as on the page (pages end with a form feed). */
  text: string;
  layout: string;
}

function printedReport(pdf: string): PrintedReport {
  const text = (...args: string[]) => execFileSync('pdftotext', [...args, pdf, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  return { path: pdf, pages, text: text(), layout: text('-layout') };
}

async function printToPdf(page: Page, name: string): Promise<PrintedReport> {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, `${name}.pdf`);
  rmSync(path, { force: true });
  await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
  return printedReport(path);
}

/** Text for comparing: compatibility forms folded, bidi controls dropped, spaces collapsed. */
const normalise = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

const ARABIC = /[\u0600-\u06ff]/;

/**
 * Arabic text as pdftotext gives it back, reduced to what survives: its letters come in
 * reading order, but with spaces wherever the shaped glyphs do not touch (and marks such as
 * tanwin before their letter). So: no spaces, no marks or tatweel, no punctuation.
 */
const letters = (text: string) =>
  normalise(text)
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[\s()،؛:.,—–-]/g, '');

/**
 * Whether the PDF's text holds `phrase`: as written, or (with Arabic in it) letter for letter.
 * A right-to-left phrase wrapped over two lines may come back with its second line first, so
 * that order counts too.
 */
function holds(pdf: PrintedReport, phrase: string): boolean {
  if (!ARABIC.test(phrase)) return normalise(pdf.text).includes(normalise(phrase));
  const text = letters(pdf.text);
  const words = normalise(phrase).split(' ');
  return words.some((_, k) => text.includes(letters(words.slice(k).join(' ')) + letters(words.slice(0, k).join(' '))));
}

/** Texts of the report's last section, "How the model works", from the model help. */
const MODEL_PARTS = {
  en: {
    heading: 'How the model works',
    caveat: 'Mizan is a judgement aid, not a forecast',
    // §1, §4 and §8 of the help, numbered as the report's own sections.
    sections: [
      '1. What Mizan computes, and what it does not',
      '2. The central path',
      '3. Limits of the model: what to challenge'
    ]
  },
  ar: {
    heading: 'كيف يعمل النموذج',
    caveat: 'ميزان أداةٌ تعين على التقدير، وليس أداةً للتنبؤ',
    sections: ['١. ماذا يحسب ميزان، وما الذي لا يدّعيه', '٢. المسار المركزي', '٣. حدود النموذج: ما الذي ينبغي مساءلته']
  }
};

const nameIn = (label: { en: string; ar: string }, lang: Lang) => label[lang].trim() || label.en;

/** The texts of the report's figure captions (the charts' titles), as laid out. */
const captions = (page: Page) =>
  page
    .locator('[data-testid="report"] figcaption')
    .evaluateAll((list) => list.map((c) => (c.textContent ?? '').trim()));

describe.each(['en', 'ar'] as const)('the PDF report (%s)', (lang) => {
  it('holds the title, every scenario, every chart title and page numbers, on more than one page', async () => {
    const { page } = app;
    await openApp(page, { lang });
    // The author the analyst typed heads the report.
    const author = lang === 'ar' ? 'ليلى حداد' : 'Leila Haddad';
    await page.getByRole('textbox', { name: lang === 'ar' ? 'المؤلف' : 'Author' }).fill(author);
    await exportReport(page);
    expect(await prints(page)).toBe(1);

    const report = page.getByTestId('report');
    await expect(report.getAttribute('lang')).resolves.toBe(lang);
    await expect(report.getAttribute('dir')).resolves.toBe(lang === 'ar' ? 'rtl' : 'ltr');
    // Hidden on screen; the app is what shows.
    expect(await report.isVisible()).toBe(false);

    // Every chart the report draws has its title as a caption, among them every kind's.
    const titles = await captions(page);
    const t = chartStrings(lang);
    const names = doc.scenarios.map((s) => nameIn(s.name, lang));
    expect(titles).toEqual(
      expect.arrayContaining([t.titles.tension, ...names.map(t.titles.contributions), ...names.map(t.titles.tornado)])
    );
    expect(titles).toEqual(
      expect.arrayContaining([...names.map(t.titles.histogram), ...doc.factors.map((f) => nameIn(f.label, lang))])
    );
    const horizon = formatters(lang).month(monthLabels(doc.startMonth, doc.horizonMonths)[doc.horizonMonths]);
    expect(titles).toEqual(expect.arrayContaining([t.titles.contributionsAtHorizon(horizon), t.titles.radar(horizon)]));
    // The pictures are drawn and decoded before the print.
    const pictures = await page
      .locator('[data-testid="report"] figure img')
      .evaluateAll((imgs) =>
        imgs.map((i) => ({ complete: (i as HTMLImageElement).complete, width: (i as HTMLImageElement).naturalWidth }))
      );
    expect(pictures.length).toBe(titles.length);
    expect(pictures.every((p) => p.complete && p.width >= 900)).toBe(true);

    const pdf = await printToPdf(page, `report-${lang}`);
    expect(pdf.pages).toBeGreaterThan(1);
    const missing = [doc.title, author, ...names, ...titles].filter((phrase) => !holds(pdf, phrase));
    expect(missing).toEqual([]);
    // The page numbers at the foot: "1 / N" on the first page, "N / N" on the last.
    const first = pdf.layout.split('\f')[0];
    const last = pdf.layout.split('\f')[pdf.pages - 1];
    const pageNumber = (text: string, n: number) =>
      new RegExp(`(^|\\s)(${n} / ${pdf.pages}|${pdf.pages} / ${n})(\\s|$)`).test(normalise(text));
    expect(pageNumber(first, 1)).toBe(true);
    expect(pageNumber(last, pdf.pages)).toBe(true);
    // The judgement-aid caveat, and parts of the model help: §1, the index's formula, §4, §8.
    const model = MODEL_PARTS[lang];
    expect([model.heading, model.caveat, ...model.sections].filter((phrase) => !holds(pdf, phrase))).toEqual([]);
    expect(normalise(pdf.text)).toContain('C_i(t) = 100 · w_i e_i(t) / Σ_i w_i');

    execFileSync('pdftoppm', ['-png', '-r', '60', pdf.path, join(OUT, `report-${lang}`)]);

    // The summary: the headline's words heading its columns, and the engine's figures for
    // the file's runs and seed in the PDF (each formatted here by the browser's own Intl).
    const words = HEADLINE_STRINGS[lang];
    const heads = await page.locator('[data-testid="report"] .summary-table thead th').allTextContents();
    expect(
      heads
        .slice(1, 6)
        .map((h, k) =>
          h.startsWith([words.now, words.centralAtHorizon, words.median, words.crisisEver, words.contributions][k])
        )
    ).toEqual([true, true, true, true, true]);
    const H = doc.horizonMonths;
    const values = analyseDocument(doc).scenarios.map((s) => ({
      points: [
        s.central.tension[0],
        s.central.tension[H],
        s.monteCarlo!.quantiles['50'][H],
        s.monteCarlo!.quantiles['5'][H],
        s.monteCarlo!.quantiles['95'][H]
      ],
      share: s.monteCarlo!.pCrisisEver
    }));
    const figures = await page.evaluate(
      ({ values, lang }) => {
        const one = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
        const percent = new Intl.NumberFormat(lang, {
          style: 'percent',
          minimumFractionDigits: 1,
          maximumFractionDigits: 1
        });
        return values.flatMap((v) => [...v.points.map((p) => one.format(p)), percent.format(v.share)]);
      },
      { values, lang }
    );
    // The summary starts on page 1; its last rows may go over to page 2.
    const summaryPages = normalise(pdf.text.split('\f').slice(0, 2).join(' '));
    expect(figures.filter((f) => !summaryPages.includes(normalise(f)))).toEqual([]);
    // The default analysis has interactions and evidence cards: their parts are there.
    const headings = await page.locator('[data-testid="report"] h2').allTextContents();
    const text = REPORT_STRINGS[lang];
    expect(headings).toEqual(expect.arrayContaining([text.headings.interactions, text.headings.evidence]));
    // The shipped analysis records what happened since: its section, with the odds and the scores.
    expect(headings).toContain(text.headings.tracking);
    expect(titles).toContain(t.titles.odds);
    const tracking = page.getByTestId('report-tracking');
    expect(await tracking.locator('table').nth(1).locator('tbody tr').count()).toBe(doc.observations?.length);
    expect(holds(pdf, text.headings.tracking)).toBe(true);
  }, 180_000);

  it('leaves out the parts with nothing in them: events, interactions, evidence', async () => {
    const { page } = app;
    await openApp(page, { lang });
    const bare = JSON.parse(ASHGABAT_TEXT);
    bare.interactions = [];
    bare.evidence = [];
    for (const f of bare.factors) delete f.evidence;
    for (const s of bare.scenarios) s.events = [];
    // What happened is recorded against those events and cards: with them gone, so is the record.
    delete bare.observations;
    // A title of its own, so that the wait below is for this file and not the default analysis
    // (same title): pressing Ctrl+P before the file is open would print the other one.
    bare.title = `Bare: ${bare.title}`;
    await openFileThroughChooser(page, { name: 'bare.mizan', content: JSON.stringify(bare) });
    await expect.poll(() => titleField(page, lang).inputValue()).toBe(bare.title);
    await exportReport(page);
    const text = REPORT_STRINGS[lang];
    const headings = await page.locator('[data-testid="report"] :is(h2, h3)').allTextContents();
    expect(headings).toEqual(expect.arrayContaining([text.headings.factors, text.headings.settings]));
    expect(
      headings.filter((h) => [text.headings.interactions, text.headings.evidence, text.headings.events].includes(h))
    ).toEqual([]);
    const pdf = await printToPdf(page, `report-bare-${lang}`);
    expect(holds(pdf, text.headings.settings)).toBe(true);
  }, 180_000);
});

describe.each(['en', 'ar'] as const)('the PDF report of labels with bidirectional controls (%s)', (lang) => {
  it('shows what follows a label with an override left open the right way round', async () => {
    const { page } = app;
    await openApp(page, { lang });
    const hostile = hostileDocument();
    // "Sanctions\u202E" in English; in Arabic too, an override left open after the name.
    hostile.factors[4].label.ar = `${hostile.factors[4].label.ar}\u202E`;
    await openFileThroughChooser(page, { name: 'report\u202Egnp.mizan', content: JSON.stringify(hostile) });
    await expect.poll(() => titleField(page, lang).inputValue()).toBe(hostile.title);
    await exportReport(page);
    const pdf = await printToPdf(page, `report-bidi-${lang}`);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf.path, join(OUT, `report-bidi-${lang}`)]);
    const text = normalise(pdf.text);
    if (lang === 'en') {
      // Was "Sanctions2.41 :": the override turned the value after the name around. The
      // summary names it with its contribution (pdftotext may drop the space between them).
      const baseline = analyseDocument(hostile, { runs: 0 }).scenarios[0];
      const value = baseline.central.contributions[hostile.factors[4].id][hostile.horizonMonths].toFixed(1);
      expect(text).toMatch(new RegExp(`Sanctions ?${value.replace('.', '\\.')}`));
    }
    expect(holds(pdf, nameIn(hostile.factors[4].label, lang).replace(/\u202E/g, ''))).toBe(true);
    // The report names the file without the override.
    expect(text).toContain('reportgnp.mizan');
  }, 180_000);
});

describe('the report laid out for print', () => {
  it('keeps every figure and table row whole, shows the report alone, and is rebuilt after an edit', async () => {
    const { page } = app;
    await openApp(page, { lang: 'en' });
    await exportReport(page);
    await page.emulateMedia({ media: 'print' });
    const layout = await page.evaluate(() => {
      const report = document.querySelector('[data-testid="report"]')!;
      const breakInside = (selector: string) =>
        [...report.querySelectorAll(selector)].map((e) => getComputedStyle(e).breakInside);
      const app = document.querySelector('.app')!;
      return {
        figures: breakInside('figure'),
        rows: breakInside('tr'),
        headings: [...report.querySelectorAll('h2, h3')].map((e) => getComputedStyle(e).breakAfter),
        reportShown: getComputedStyle(report).display !== 'none',
        appShown: getComputedStyle(app).display !== 'none'
      };
    });
    expect(layout.figures.length).toBeGreaterThan(10);
    expect(new Set(layout.figures)).toEqual(new Set(['avoid']));
    expect(new Set(layout.rows)).toEqual(new Set(['avoid']));
    expect(new Set(layout.headings)).toEqual(new Set(['avoid']));
    expect(layout).toMatchObject({ reportShown: true, appShown: false });
    await page.emulateMedia({ media: 'screen' });

    // An edit makes the laid-out report stale: it goes, and the app prints as itself again.
    await titleField(page).fill('Another title');
    await page.getByTestId('report').waitFor({ state: 'detached' });
    await exportReport(page);
    expect(await page.locator('[data-testid="report"] h1').textContent()).toBe('Another title');
  }, 180_000);

  it('prints the report of the document as it was, even when an edit comes while it is being prepared', async () => {
    const { page } = app;
    await openApp(page, { lang: 'en' });
    // The print records what it would print: the report's title, or nothing when the app would print as itself.
    await page.evaluate(() => {
      const w = window as unknown as { __printed: (string | null)[] };
      w.__printed = [];
      window.print = () => {
        w.__printed.push(document.querySelector('[data-testid="report"] h1')?.textContent ?? null);
      };
    });
    await page.keyboard.press('Control+P');
    await titleField(page).fill('Typed while the report was prepared');
    await page.waitForFunction(() => (window as unknown as { __printed: unknown[] }).__printed.length > 0, null, {
      timeout: 90_000
    });
    const printed = await page.evaluate(() => (window as unknown as { __printed: (string | null)[] }).__printed);
    expect(printed).toEqual([doc.title]);
    // Afterwards the stale report goes.
    await page.getByTestId('report').waitFor({ state: 'detached' });
  }, 180_000);
});
