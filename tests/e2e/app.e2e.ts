// The app starts with the default analysis, under its CSP, usable from the keyboard.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { analyseDocument } from '../../src/engine/analysis';
import { loadDocument } from '../../src/engine/format';
import {
  ASHGABAT_DOC,
  countPrints,
  dialog,
  isDirty,
  openApp,
  prints,
  tensionReadout,
  titleField,
  useBrowser,
  waitForRefined,
  weightSlider
} from './harness';

const app = useBrowser();

describe('start', () => {
  it('opens the default analysis: its title, its factors and the three scenarios', async () => {
    const { page } = app;
    await openApp(page);
    expect(await titleField(page).inputValue()).toBe(
      'Ashgabat, 11 October 2024: Russia–Iran rapprochement and regional tension'
    );
    expect(await page.getByTestId('file-name').textContent()).toBe('ashgabat-2024.mizan');
    expect(await isDirty(page)).toBe(false);
    expect(await page.getByRole('slider').count()).toBe(ASHGABAT_DOC.factors.length);
    expect(await weightSlider(page, 'Western sanctions').inputValue()).toBe('5');
    const index = page.getByTestId('tension-index');
    for (const name of ['Baseline: entrenched rivalry', 'Escalation: axis hardens', 'De-escalation: managed pause']) {
      expect(await index.getByText(name).count()).toBe(1);
    }
    const readout = await tensionReadout(page);
    expect(Object.keys(readout)).toEqual(['baseline', 'escalation', 'deescalation']);
    for (const row of Object.values(readout)) expect(row.end).toMatch(/^\d+\.\d$/);
    expect(await page.title()).toBe(
      'Ashgabat, 11 October 2024: Russia–Iran rapprochement and regional tension — Mizan'
    );
  });

  it('heads the analysis with each scenario’s central path, Monte Carlo median and range, P(crisis), as the engine computes them', async () => {
    const { page } = app;
    await openApp(page);
    // The status says which stage is on screen (and names it if the refined result never comes).
    await waitForRefined(page, 5000);
    // The same document, seed and runs, analysed here in Node: the app's workers give the same numbers bit for bit.
    const loaded = loadDocument(readFileSync('resources/scenarios/ashgabat-2024.mizan', 'utf8'));
    if (!loaded.ok) throw new Error('the default analysis does not load');
    const doc = loaded.document;
    const analysis = analyseDocument(doc);
    const H = doc.horizonMonths;
    const one = (v: number) => v.toFixed(1);
    const index = page.getByTestId('tension-index');
    for (const s of analysis.scenarios) {
      const row = index.locator(`tr[data-scenario="${s.id}"]`);
      const mc = s.monteCarlo!;
      expect(await row.getByTestId('t-end').textContent()).toBe(one(s.central.tension[H]));
      expect((await row.getByTestId('t-median').textContent())!.trim()).toMatch(
        new RegExp(`^${one(mc.quantiles['50'][H]).replace('.', '\\.')}\\s`)
      );
      expect(await row.getByTestId('t-range').textContent()).toBe(
        `${one(mc.quantiles['5'][H])}–${one(mc.quantiles['95'][H])}`
      );
      expect(await row.getByTestId('t-crisis-ever').textContent()).toBe(`${(100 * mc.pCrisisEver).toFixed(1)}%`);
      // The Monte Carlo standard errors, to one significant digit.
      const oneDigit = (v: number) => String(Number(v.toPrecision(1)));
      expect(await row.getByTestId('t-median-error').textContent()).toBe(
        `± ${oneDigit(mc.standardErrors.quantiles['50'][H])}`
      );
      expect(await row.getByTestId('t-crisis-ever-error').textContent()).toBe(
        `± ${oneDigit(100 * mc.standardErrors.pCrisisEver)}%`
      );
    }
    // The selected scenario (the first) is marked, and its three largest contributions named.
    expect(await index.locator('tr[aria-current="true"]').getAttribute('data-scenario')).toBe('baseline');
    const baseline = analysis.scenarios[0];
    const top = Object.entries(baseline.central.contributions)
      .sort((a, b) => b[1][H] - a[1][H])
      .slice(0, 3)
      .map(([id, series]) => `${doc.factors.find((f) => f.id === id)!.label.en} ${one(series[H])}`);
    expect(await page.getByTestId('top-contributors').textContent()).toBe(
      `Largest contributions, Oct 2026 — Baseline: entrenched rivalry: ${top.join(', ')}`
    );
  });

  it('is served with the CSP as a header too, and nothing breaks it', async () => {
    const { page } = app;
    await page.addInitScript(() => {
      (window as unknown as { __csp: string[] }).__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`)
      );
    });
    const response = await page.request.get(inject('baseUrl'));
    const csp = response.headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/(?<!wasm-)unsafe-eval/);
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    await openApp(page);
    // Exercise the engine (validation, simulation) and the UI under the policy.
    await weightSlider(page, 'Hezbollah front').focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  });

  it('lets the engine’s workers compile WebAssembly (the Monte Carlo kernel) under the policy', async () => {
    const { page } = app;
    await openApp(page);
    await expect.poll(() => page.workers().length).toBeGreaterThan(0);
    // The smallest module (its magic number and version): what the policy allows or refuses.
    const compiled = await Promise.all(
      page.workers().map((worker) =>
        worker.evaluate(() => {
          try {
            new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
            return 'compiled';
          } catch (error) {
            return String(error);
          }
        })
      )
    );
    expect(compiled.every((result) => result === 'compiled')).toBe(true);
  });

  it('the server serves only the build: no listing, no escaping the folder', async () => {
    const base = inject('baseUrl');
    const get = (path: string) => fetch(new URL(path, base)).then((r) => r.status);
    expect(await get('/assets/')).toBe(404);
    expect(await get('/../package.json')).toBe(404);
    expect(await get('/%2e%2e/package.json')).toBe(404);
    expect(await get('/favicon.svg')).toBe(200);
    const post = await fetch(base, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('every control is reachable with Tab, with a visible focus ring', async () => {
    const { page } = app;
    await openApp(page);
    const seen: { name: string; outline: string }[] = [];
    // Tab through the page once, until the focus comes back round.
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const now = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName;
        return { name: `${el.tagName.toLowerCase()}:${name}`, outline: `${style.outlineStyle} ${style.outlineWidth}` };
      });
      if (seen.length > 0 && now.name === seen[0].name) break;
      seen.push(now);
    }
    const names = seen.map((s) => s.name);
    for (const expected of [
      'button:New',
      'button:Open…',
      'button:Save',
      'button:Save As…',
      'input:Document title',
      'input:Western sanctions weight'
    ]) {
      expect(
        names.some((n) => n.startsWith(expected)),
        expected
      ).toBe(true);
    }
    expect(names.filter((n) => n === 'input:Western sanctions weight')).toHaveLength(2); // slider and number
    expect(names.some((n) => n.startsWith('select:'))).toBe(true);
    for (const s of seen.filter((x) => !x.name.startsWith('body'))) expect(s.outline, s.name).toMatch(/^solid [1-9]/);
  });

  it('draws the charts first and mounts the editor after them', async () => {
    const { page } = app;
    await page.addInitScript(() => {
      const w = window as unknown as { __editorAt?: number; __chartsAt?: number };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === 'mizan:charts-updated') w.__chartsAt ??= e.startTime;
      }).observe({ type: 'mark', buffered: true });
      new MutationObserver(() => {
        if (w.__editorAt === undefined && (document.getElementById('editor-pane')?.childElementCount ?? 0) > 0) {
          w.__editorAt = performance.now();
        }
      }).observe(document, { subtree: true, childList: true });
    });
    await openApp(page);
    await weightSlider(page, 'Western sanctions').waitFor();
    const { charts, editor } = await page.evaluate(() => {
      const w = window as unknown as { __editorAt?: number; __chartsAt?: number };
      return { charts: w.__chartsAt ?? NaN, editor: w.__editorAt ?? NaN };
    });
    expect(charts).toBeLessThan(editor);
    expect(await page.locator('#editor-pane').getAttribute('aria-busy')).toBe('false');
  });

  it('names a failed load of the editor in the editor pane, in either language, and keeps the charts', async () => {
    const { page } = app;
    app.allowErrors(/ERR_FAILED|Failed to fetch dynamically imported module|EditorPane/);
    await page.route(/EditorPane-[^/]*\.js$/, (route) => route.abort());
    await openApp(page);
    const alert = page.locator('#editor-pane [role="alert"]');
    await alert.waitFor();
    expect(await alert.locator('p').first().textContent()).toBe('The editor could not be loaded. Restart Mizan.');
    expect(await alert.locator('bdi').textContent()).toMatch(/EditorPane/);
    expect(await page.locator('#editor-pane').getAttribute('aria-busy')).toBe('false');
    expect(await page.getByRole('slider').count()).toBe(0);
    expect(await page.locator('[data-chart="tension"] canvas').count()).toBe(1);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
    expect(await alert.locator('p').first().textContent()).toBe('تعذّر تحميل المحرّر. أعد تشغيل ميزان.');
  });

  it('Export report asked for before the report view has loaded waits for it, then prints', async () => {
    const { page } = app;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/ReportView-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await openApp(page);
    await countPrints(page);
    expect(await page.locator('[data-testid="report"]').count()).toBe(0);
    await page.keyboard.press('Control+P');
    await page.waitForTimeout(300);
    expect(await prints(page)).toBe(0);
    release();
    await page.waitForFunction(() => (window as unknown as { __prints: number }).__prints === 1, null, {
      timeout: 90_000
    });
    expect(await page.locator('[data-testid="report"] h1').textContent()).toBe(await titleField(page).inputValue());
  });

  it('a report view that cannot be loaded makes Export report say so, in the UI language', async () => {
    const { page } = app;
    app.allowErrors(/ERR_FAILED|Failed to fetch dynamically imported module|ReportView/);
    await page.route(/ReportView-[^/]*\.js$/, (route) => route.abort());
    await openApp(page, { lang: 'ar' });
    await page.keyboard.press('Control+P');
    await dialog(page).waitFor();
    expect(await dialog(page).textContent()).toContain('تعذّر تحميل عرض التقرير. أعد تشغيل ميزان.');
    // The editor loads on its own and works.
    expect(await page.getByRole('slider').count()).toBe(ASHGABAT_DOC.factors.length);
  });
});
