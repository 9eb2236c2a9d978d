// The end-to-end harness: every e2e test file uses it.
//
//   const app = useBrowser();                  // Chromium for this file, a fresh context per test
//   it('…', async () => {
//     await openApp(app.page, { lang: 'ar' }); // the web build, ready to use
//     …
//   });
//
// The web build and its server are set up once per run by globalSetup.ts (inject('baseUrl')).
// After each test the harness fails it if the page logged an error or a warning (Svelte's
// runtime warnings are console warnings), threw, or broke the CSP — unless the test said it
// expects that message (allowErrors).
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, VIEWPORT } from '../../scripts/chromium.mjs';
import { loadDocument, type MizanDoc } from '../../src/engine/format';

export const SCREENSHOTS = join(process.cwd(), 'tmp', 'screenshots');
export const ASHGABAT_TEXT = readFileSync(join(process.cwd(), 'resources/scenarios/ashgabat-2024.mizan'), 'utf8');
const ashgabat = loadDocument(ASHGABAT_TEXT);
if (!ashgabat.ok) throw new Error('the default analysis does not load');
/** The default analysis, loaded as the app loads it. */
export const ASHGABAT_DOC: MizanDoc = ashgabat.document;

/** The analysis pane (the headline's neighbour: tabs, charts, Structure). */
export const analysisPane = (page: Page): Locator => page.getByTestId('analysis-pane');

export type Lang = 'en' | 'ar';

export interface BrowserHandle {
  readonly browser: Browser;
  /** This test's context: its own storage (IndexedDB, localStorage), downloads accepted. */
  readonly context: BrowserContext;
  /** The context's first page. */
  readonly page: Page;
  /** Problems the pages of this test logged so far (console errors and warnings, uncaught exceptions, CSP). */
  readonly errors: string[];
  /** Another page in the same context (same IndexedDB), watched for errors too. */
  newPage(): Promise<Page>;
  /** Lets a test accept console errors or warnings it caused on purpose (matched against the message). */
  allowErrors(pattern: RegExp): void;
}

/** Launches Chromium for the file, and a fresh context + page for each test. */
export function useBrowser(): BrowserHandle {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const errors: string[] = [];
  let allowed: RegExp[] = [];

  const watch = (p: Page) => {
    p.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    p.on('console', (message) => {
      const type = message.type();
      if (type === 'error' || type === 'warning') errors.push(`console ${type}: ${message.text()}`);
    });
  };

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    errors.length = 0;
    allowed = [];
    context = await browser!.newContext({ viewport: VIEWPORT, locale: 'en-US', acceptDownloads: true });
    page = await context.newPage();
    watch(page);
  });
  afterEach(async () => {
    // A test may have closed its pages (or the browser closed a page itself): that is fine.
    await context?.close().catch(() => undefined);
    const unexpected = errors.filter((e) => !allowed.some((a) => a.test(e)));
    if (unexpected.length > 0) throw new Error(`The page reported errors or warnings:\n${unexpected.join('\n')}`);
  });

  return {
    get browser() {
      return browser!;
    },
    get context() {
      return context!;
    },
    get page() {
      return page!;
    },
    errors,
    async newPage() {
      const p = await context!.newPage();
      watch(p);
      return p;
    },
    allowErrors(pattern) {
      allowed.push(pattern);
    }
  };
}

export interface OpenAppOptions {
  /** Interface language, set as the stored preference before the app starts. */
  lang?: Lang;
  /** The theme preference; 'system' follows `colorScheme`. */
  theme?: 'system' | 'light' | 'dark';
  /** What the browser reports as prefers-color-scheme. */
  colorScheme?: 'light' | 'dark';
  /**
   * 'input' (default): the File System Access API is removed, so Open uses an
   * <input type=file> (a Playwright file chooser) and Save a download.
   * 'native': the browser's own API stays (for tests that inject a fake one).
   */
  fileAccess?: 'input' | 'native';
  /** What to wait for: the document shown (default) or the recovery offer. */
  until?: 'ready' | 'recovery';
}

/** Loads the app in `page` and waits until it is ready (or showing the recovery offer). */
export async function openApp(page: Page, options: OpenAppOptions = {}): Promise<void> {
  if ((options.fileAccess ?? 'input') === 'input') {
    await page.addInitScript(() => {
      for (const name of ['showOpenFilePicker', 'showSaveFilePicker', 'showDirectoryPicker']) {
        delete (window as unknown as Record<string, unknown>)[name];
        delete (Window.prototype as unknown as Record<string, unknown>)[name];
      }
    });
  }
  if (options.lang || options.theme) {
    await page.addInitScript((prefs) => localStorage.setItem('mizan.preferences', JSON.stringify(prefs)), {
      language: options.lang ?? 'en',
      theme: options.theme ?? 'system'
    });
  }
  await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light' });
  await page.goto(inject('baseUrl'));
  await page.waitForSelector(`html[data-app-state="${options.until ?? 'ready'}"]`);
}

/** Texts of the interface that tests click, in both languages. */
export const UI = {
  en: {
    open: 'Open…',
    save: 'Save',
    saveAs: 'Save As…',
    new: 'New',
    undo: 'Undo',
    redo: 'Redo',
    language: 'Language',
    title: 'Document title'
  },
  ar: {
    open: 'فتح…',
    save: 'حفظ',
    saveAs: 'حفظ باسم…',
    new: 'جديد',
    undo: 'تراجع',
    redo: 'إعادة',
    language: 'اللغة',
    title: 'عنوان المستند'
  }
} as const;

export type FileInput = string | { name: string; content: string | Buffer };

/**
 * Opens a file through the <input type=file> chooser (openApp's default file access).
 * `trigger` starts the open (default: the Open… button); the chooser must follow it.
 */
export async function openFileThroughChooser(
  page: Page,
  file: FileInput,
  trigger?: () => Promise<unknown>
): Promise<void> {
  const start = trigger ?? (() => page.getByRole('button', { name: /^(Open…|فتح…)$/ }).click());
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), start()]);
  if (typeof file === 'string') await chooser.setFiles(file);
  else {
    const buffer = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
    await chooser.setFiles({ name: file.name, mimeType: 'application/octet-stream', buffer });
  }
}

/** Runs `action` (a click on Save, a shortcut) and returns the file it downloaded. */
export async function readSave(page: Page, action: () => Promise<unknown>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** A PNG of the page in tmp/screenshots/<name>-<lang>.png, once fonts are in. */
export async function screenshot(page: Page, name: string, lang: Lang, path?: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const file = path ?? join(SCREENSHOTS, `${name}-${lang}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** With MIZAN_UPDATE_SCREENSHOTS=1, keeps a screenshot as docs/screenshots/NAME.png (the README's pictures). */
export function keepScreenshot(file: string, name: string): void {
  if (process.env.MIZAN_UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync('docs/screenshots', { recursive: true });
  copyFileSync(file, `docs/screenshots/${name}.png`);
}

/** A screenshot with the analysis pane's tabs at the top of the view. */
export async function screenshotFromTabs(page: Page, name: string, lang: Lang): Promise<string> {
  await page
    .getByTestId('analysis-pane')
    .getByRole('tablist')
    .evaluate((e) => e.scrollIntoView({ block: 'start' }));
  return screenshot(page, name, lang);
}

// ---- reading the app ----------------------------------------------------------------------

export const titleField = (page: Page, lang: Lang = 'en'): Locator =>
  page.getByRole('textbox', { name: UI[lang].title });

/** The weight slider of a factor, by its label in the interface language. */
export const weightSlider = (page: Page, label: string, lang: Lang = 'en'): Locator =>
  page.getByRole('slider', { name: lang === 'ar' ? `وزن ${label}` : `${label} weight`, exact: true });

export const weightField = (page: Page, label: string, lang: Lang = 'en'): Locator =>
  page.getByRole('spinbutton', { name: lang === 'ar' ? `وزن ${label}` : `${label} weight`, exact: true });

/** The index readout: scenario id → { start, end } as shown (text). */
export async function tensionReadout(page: Page): Promise<Record<string, { start: string; end: string }>> {
  return page.$$eval('[data-testid="tension-index"] tbody tr', (rows) =>
    Object.fromEntries(
      rows.map((row) => [
        (row as HTMLElement).dataset.scenario ?? '',
        {
          start: row.querySelector('[data-testid="t-start"]')?.textContent?.trim() ?? '',
          end: row.querySelector('[data-testid="t-end"]')?.textContent?.trim() ?? ''
        }
      ])
    )
  );
}

export const isDirty = async (page: Page) => (await page.getByTestId('dirty-marker').count()) > 0;

/** Waits until the app says it copied unsaved work for recovery. */
export async function waitForRecoveryCopy(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="recovery-status"]')?.textContent ?? '').trim() !== ''
  );
}

/** A locator's text as read, without the invisible bidi isolates the app puts around inserted names. */
export async function visibleText(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/[\u2066-\u2069]/g, '');
}

/** The dialog on screen (dialog or alertdialog). */
export const dialog = (page: Page): Locator => page.locator('dialog[open]');

// ---- accessibility ------------------------------------------------------------------------

/** The serious and critical ones of axe-core's violations, as readable lines. */
function seriousOf(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}`
    );
}

/** axe-core's serious and critical violations on the page, as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return seriousOf(results.violations);
}

// ---- a fake File System Access API --------------------------------------------------------

export interface FakeFsOptions {
  /** Files that showOpenFilePicker returns, in order. */
  openFiles?: { name: string; text: string }[];
  /** Name that showSaveFilePicker returns (default: the suggested name). */
  saveAs?: string;
}

/**
 * Replaces showOpenFilePicker/showSaveFilePicker with fakes that record what happens in
 * `window.__fakeFs` = { pickerCalls: [{ kind, options }], writes: [{ name, text }] }.
 * Each file has a lastModified that moves on every write; `window.__fakeDisk` plays another
 * program (see outsideWrite, outsideRemove). Call before openApp(page, { fileAccess: 'native' }).
 */
export async function installFakeFileSystemAccess(page: Page, options: FakeFsOptions = {}): Promise<void> {
  await page.addInitScript((opts: FakeFsOptions) => {
    type Write = { name: string; text: string };
    const state = { pickerCalls: [] as { kind: string; options: unknown }[], writes: [] as Write[] };
    (window as unknown as { __fakeFs: typeof state }).__fakeFs = state;
    const contents = new Map<string, string>();
    const modified = new Map<string, number>();
    let clock = 1_700_000_000_000;
    const put = (name: string, text: string) => {
      contents.set(name, text);
      modified.set(name, (clock += 1000));
    };
    (window as unknown as { __fakeDisk: unknown }).__fakeDisk = {
      write: put,
      remove: (name: string) => contents.delete(name)
    };
    const handle = (name: string) => ({
      kind: 'file',
      name,
      async getFile() {
        const text = contents.get(name);
        if (text === undefined) throw new DOMException('A requested file could not be found', 'NotFoundError');
        return new File([text], name, { lastModified: modified.get(name) });
      },
      async createWritable() {
        let text = '';
        return {
          async write(data: unknown) {
            text += typeof data === 'string' ? data : await new Blob([data as BlobPart]).text();
          },
          async close() {
            put(name, text);
            state.writes.push({ name, text });
          },
          async abort() {}
        };
      },
      async isSameEntry(other: { name: string }) {
        return other?.name === name;
      },
      async queryPermission() {
        return 'granted';
      },
      async requestPermission() {
        return 'granted';
      }
    });
    const openFiles = [...(opts.openFiles ?? [])];
    Object.assign(window, {
      async showOpenFilePicker(o: unknown) {
        state.pickerCalls.push({ kind: 'open', options: o });
        const file = openFiles.shift();
        if (!file) throw new DOMException('canceled', 'AbortError');
        put(file.name, file.text);
        return [handle(file.name)];
      },
      async showSaveFilePicker(o: { suggestedName?: string }) {
        state.pickerCalls.push({ kind: 'save', options: o });
        return handle(opts.saveAs ?? o.suggestedName ?? 'untitled.mizan');
      }
    });
  }, options);
}

/** Another program writes `text` to the fake file `name` (its lastModified moves on). */
export const outsideWrite = (page: Page, name: string, text: string) =>
  page.evaluate(
    ([n, t]) => (window as unknown as { __fakeDisk: { write(n: string, t: string): void } }).__fakeDisk.write(n, t),
    [name, text]
  );

/** Another program deletes (or moves away) the fake file `name`. */
export const outsideRemove = (page: Page, name: string) =>
  page.evaluate(
    (n) => void (window as unknown as { __fakeDisk: { remove(n: string): void } }).__fakeDisk.remove(n),
    name
  );

/** As if the person came back to the window from another program. */
export const focusWindow = (page: Page) => page.evaluate(() => void window.dispatchEvent(new Event('focus')));

export async function fakeFs(
  page: Page
): Promise<{ pickerCalls: { kind: string; options: any }[]; writes: { name: string; text: string }[] }> {
  return page.evaluate(() => (window as unknown as { __fakeFs: any }).__fakeFs);
}

// ---- helpers added for the editor tests ------------------------------------------------------

/** axe-core's serious and critical violations inside the elements `selector` matches (faster than the whole page). */
export async function seriousViolationsIn(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include(selector)
    .options({ resultTypes: ['violations'] })
    .analyze();
  return seriousOf(results.violations);
}

/** A tab of the editor (Factors, Scenarios, …) by its name in the interface language. */
export const editorTab = (page: Page, name: string): Locator =>
  page
    .locator('[role="tablist"]')
    .filter({ has: page.locator('#editor-tab-factors') })
    .getByRole('tab', { name, exact: true });

/** The start or target slider of a factor in the selected scenario (Scenarios tab), by its accessible name. */
export const levelSlider = (page: Page, label: string, field: 'start' | 'target', lang: Lang = 'en'): Locator =>
  page.getByRole('slider', {
    name: lang === 'ar' ? `${field === 'start' ? 'بداية' : 'هدف'} ${label}` : `${label} ${field}`,
    exact: true
  });

// ---- the analysis pane (charts) -------------------------------------------------------------

/** Waits until the Monte Carlo status reports the refined result (of `runs` runs, if given). */
export async function waitForRefined(page: Page, runs?: number): Promise<void> {
  const selector = `[data-testid="mc-status"][data-mc-stage="refined"]${runs === undefined ? '' : `[data-mc-runs="${runs}"]`}`;
  try {
    await page.waitForSelector(selector, { timeout: 30_000 });
  } catch (error) {
    const status = await page
      .getByTestId('mc-status')
      .evaluate(
        (e) => `${(e as HTMLElement).dataset.mcStage}/${(e as HTMLElement).dataset.mcRuns}: ${e.textContent?.trim()}`
      )
      .catch(() => 'no status');
    throw new Error(`The refined Monte Carlo did not arrive (status ${status})`, { cause: error });
  }
}

/** The chart of a kind ('tension', 'tornado', …): its container, role img, named for screen readers. */
export const chartImage = (page: Page, kind: string): Locator => page.locator(`[data-chart="${kind}"] [role="img"]`);

/** The rows of a chart's "Show data" table as text (the table is opened if it is closed). */
export async function chartData(page: Page, kind: string): Promise<string[][]> {
  const chart = page.locator(`[data-chart="${kind}"]`);
  const toggle = chart.getByRole('button', { name: /^(Show data|عرض البيانات)$/ });
  if ((await toggle.count()) > 0) await toggle.click();
  await chart.locator('table').waitFor();
  return chart
    .locator('table tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())));
}

/** Stubs window.print to count its calls (a real print dialog would block the page). */
export async function countPrints(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __prints: number };
    w.__prints = 0;
    window.print = () => {
      w.__prints++;
    };
  });
}

export const prints = (page: Page) => page.evaluate(() => (window as unknown as { __prints: number }).__prints);
