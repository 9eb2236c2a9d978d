// The web's last file, reopened on load, and unsaved work restored tied to its file.
//
// The browser's own pickers cannot be driven headless, and the harness's fake handles cannot be
// stored in IndexedDB (they are plain objects). Files of the origin private file system (OPFS)
// are real FileSystemFileHandles, which IndexedDB stores and Chromium reads and writes, so the
// pickers here hand those out. Their permission is always granted; the "browser asks again"
// case overrides queryPermission/requestPermission on the handles' prototype.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  dialog,
  isDirty,
  openApp,
  screenshot,
  titleField,
  useBrowser,
  visibleText,
  waitForRecoveryCopy,
  type Lang
} from './harness';

const app = useBrowser();
const MINIMAL = readFileSync('tests/fixtures/v1/minimal.mizan', 'utf8');

/** Pickers that hand out OPFS files: Open puts `file` there first. Call before openApp(page, { fileAccess: 'native' }). */
async function installOpfsPickers(page: Page, file: { name: string; text: string }): Promise<void> {
  await page.addInitScript((f: { name: string; text: string }) => {
    const place = async (name: string) => (await navigator.storage.getDirectory()).getFileHandle(name, { create: true });
    Object.assign(window, {
      async showOpenFilePicker() {
        const handle = await place(f.name);
        const writable = await handle.createWritable();
        await writable.write(f.text);
        await writable.close();
        return [handle];
      },
      async showSaveFilePicker(options: { suggestedName?: string }) {
        return place(options.suggestedName ?? 'untitled.mizan');
      }
    });
  }, file);
}

/** The text of an OPFS file, as another program would read it. */
const opfsText = (page: Page, name: string) =>
  page.evaluate(async (n) => (await (await (await navigator.storage.getDirectory()).getFileHandle(n)).getFile()).text(), name);

/** From the next load on, the browser must ask again before the page may use a stored handle. */
async function browserAsksAgain(page: Page): Promise<void> {
  await page.addInitScript(() => {
    let granted = false;
    const proto = FileSystemHandle.prototype as unknown as Record<string, unknown>;
    proto.queryPermission = async () => (granted ? 'granted' : 'prompt');
    proto.requestPermission = async () => {
      granted = true;
      return 'granted';
    };
  });
}

async function openThroughPicker(page: Page, lang: Lang = 'en'): Promise<void> {
  await page.getByRole('button', { name: lang === 'ar' ? 'فتح…' : 'Open…' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="file-name"]')?.textContent === 'minimal.mizan');
}

describe('reopening the last file (web, stored handle)', () => {
  it('a reload opens the analyst’s file, not the sample; Save writes that file again', async () => {
    const { page } = app;
    await installOpfsPickers(page, { name: 'minimal.mizan', text: MINIMAL });
    await openApp(page, { fileAccess: 'native' });
    await openThroughPicker(page);

    await page.reload();
    await page.waitForSelector('html[data-app-state="ready"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="file-name"]')?.textContent === 'minimal.mizan');
    expect(await dialog(page).count()).toBe(0);
    expect(await titleField(page).inputValue()).toBe('Minimal');
    expect(await isDirty(page)).toBe(false);

    await titleField(page).fill('Minimal, edited after the reload');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="dirty-marker"]') === null);
    expect(JSON.parse(await opfsText(page, 'minimal.mizan')).title).toBe('Minimal, edited after the reload');
  });

  for (const lang of ['en', 'ar'] as const) {
    it(`${lang}: when the browser must ask again, the page offers “Reopen <name>”; one click opens it, declining keeps the sample`, async () => {
      const { page } = app;
      await installOpfsPickers(page, { name: 'minimal.mizan', text: MINIMAL });
      await openApp(page, { fileAccess: 'native', lang });
      await openThroughPicker(page, lang);
      await browserAsksAgain(page);

      await page.reload();
      const box = dialog(page);
      await box.waitFor();
      expect(await visibleText(box.locator('h2'))).toBe(lang === 'ar' ? 'إعادة فتح آخر ملف؟' : 'Reopen your last file?');
      await screenshot(page, 'reopen-last-file', lang);
      // The name is isolated (U+2068 … U+2069) inside the label, as every inserted name is.
      const reopen = lang === 'ar' ? /^إعادة فتح \u2068?minimal\.mizan\u2069?$/ : /^Reopen \u2068?minimal\.mizan\u2069?$/;
      const sample = lang === 'ar' ? 'استخدام التحليل النموذجي' : 'Use the sample analysis';
      await page.getByRole('button', { name: sample }).click();
      await page.waitForSelector('html[data-app-state="ready"]');
      expect(await page.getByTestId('file-name').textContent()).toBe('ashgabat-2024.mizan');

      await page.reload();
      await page.getByRole('button', { name: reopen }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid="file-name"]')?.textContent === 'minimal.mizan');
      expect(await titleField(page, lang).inputValue()).toBe('Minimal');
      expect(await isDirty(page)).toBe(false);
    });
  }
});

describe('restoring unsaved work keeps its file (web)', () => {
  it('after a crash, the restored work is tied to its file: Save writes there, no Save As', async () => {
    const { page } = app;
    await installOpfsPickers(page, { name: 'minimal.mizan', text: MINIMAL });
    await openApp(page, { fileAccess: 'native' });
    await openThroughPicker(page);
    await titleField(page).fill('Minimal, unsaved when the tab crashed');
    await waitForRecoveryCopy(page);
    await page.close({ runBeforeUnload: false });

    const next = await app.newPage();
    await installOpfsPickers(next, { name: 'unused.mizan', text: '' });
    await openApp(next, { fileAccess: 'native', until: 'recovery' });
    await next.getByRole('button', { name: 'Restore' }).click();
    await next.waitForSelector('html[data-app-state="ready"]');
    expect(await next.getByTestId('file-name').textContent()).toBe('minimal.mizan');
    expect(await isDirty(next)).toBe(true);
    expect(JSON.parse(await opfsText(next, 'minimal.mizan')).title).toBe('Minimal'); // not written yet

    await next.keyboard.press('Control+s');
    await next.waitForFunction(() => document.querySelector('[data-testid="dirty-marker"]') === null);
    expect(JSON.parse(await opfsText(next, 'minimal.mizan')).title).toBe('Minimal, unsaved when the tab crashed');
    expect(await next.getByTestId('file-name').textContent()).toBe('minimal.mizan');
  });
});
