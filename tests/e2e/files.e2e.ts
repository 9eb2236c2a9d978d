// Editing, saving and opening files: the download/<input> path and the File System Access path.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadDocument, serializeDocument } from '../../src/engine/format';
import {
  UI,
  dialog,
  fakeFs,
  focusWindow,
  installFakeFileSystemAccess,
  isDirty,
  openApp,
  openFileThroughChooser,
  outsideRemove,
  outsideWrite,
  readSave,
  screenshot,
  tensionReadout,
  titleField,
  useBrowser,
  weightField,
  weightSlider
} from './harness';

const app = useBrowser();
const MINIMAL = readFileSync('tests/fixtures/v1/minimal.mizan', 'utf8');
const withoutStamp = (text: string) => {
  const { modifiedAt: _m, ...rest } = JSON.parse(text);
  return rest;
};

describe('files (download and file chooser)', () => {
  it('edit a weight with the keyboard, save, reopen the saved file: the same document', async () => {
    const { page } = app;
    await openApp(page);
    const before = await tensionReadout(page);
    const slider = weightSlider(page, 'Russian energy investment in Iran');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    expect(await slider.inputValue()).toBe('9.9');
    expect(await weightField(page, 'Russian energy investment in Iran').inputValue()).toBe('9.9');
    expect(await isDirty(page)).toBe(true);
    const after = await tensionReadout(page);
    expect(after.baseline.end).not.toBe(before.baseline.end); // live update
    expect(after.escalation.start).not.toBe(before.escalation.start);

    const saved = await readSave(page, () => page.getByRole('button', { name: 'Save', exact: true }).click());
    expect(saved.name).toBe('ashgabat-2024.mizan');
    // The marker clears when the save settles, a moment after the download is handed over.
    await expect.poll(() => isDirty(page)).toBe(false);
    const result = loadDocument(saved.text, { fileName: saved.name });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(serializeDocument(result.document)).toBe(saved.text);
    const energy = result.document.factors.find((f) => f.id === 'energy')!;
    expect(energy.weight).toEqual({ low: 1, mode: 9.9, high: 10 });

    // A different document in between, then the saved file again.
    await page.getByRole('button', { name: 'New', exact: true }).click();
    expect(await titleField(page).inputValue()).toBe('');
    expect(await titleField(page).getAttribute('placeholder')).toBe('Untitled analysis');
    await openFileThroughChooser(page, { name: 'ashgabat-2024.mizan', content: saved.text });
    // Opening is asynchronous: wait until the document is on screen before reading it.
    await expect.poll(() => titleField(page).inputValue()).toMatch(/^Ashgabat/);
    expect(await weightSlider(page, 'Russian energy investment in Iran').inputValue()).toBe('9.9');
    expect(await tensionReadout(page)).toEqual(after);
    expect(await isDirty(page)).toBe(false);

    // Saving the reopened document gives the same document back (only the save time moves).
    const again = await readSave(page, () => page.keyboard.press('Control+s'));
    expect(withoutStamp(again.text)).toEqual(withoutStamp(saved.text));
  });

  it('typing a weight and a title; Save As uses the file name; recent files are listed, with a note', async () => {
    const { page } = app;
    await openApp(page);
    const field = weightField(page, 'Hezbollah front');
    await field.fill('2.5');
    expect(await weightSlider(page, 'Hezbollah front').inputValue()).toBe('2.5');
    await titleField(page).fill('Hezbollah lower');
    const saved = await readSave(page, () => page.getByRole('button', { name: 'Save As…' }).click());
    expect(saved.name).toBe('ashgabat-2024.mizan');
    const doc = JSON.parse(saved.text);
    expect(doc.title).toBe('Hezbollah lower');
    expect(doc.factors.find((f: { id: string }) => f.id === 'hezbollah').weight).toEqual({
      low: 2.5,
      mode: 2.5,
      high: 8
    });

    await page.getByRole('button', { name: 'Recent' }).click();
    const panel = page.locator('#recent-files');
    expect(await panel.textContent()).toContain('ashgabat-2024.mizan');
    expect(await panel.textContent()).toContain('cannot reopen');
    await page.keyboard.press('Escape');
    expect(await panel.count()).toBe(0);
  });

  it('a new document is saved under a name made from its title', async () => {
    const { page } = app;
    await openApp(page);
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await titleField(page).fill('Gulf outlook: 2025');
    const saved = await readSave(page, () => page.getByRole('button', { name: 'Save', exact: true }).click());
    expect(saved.name).toBe('Gulf-outlook-2025.mizan');
    expect(loadDocument(saved.text).ok).toBe(true);
    await expect.poll(() => page.getByTestId('file-name').textContent()).toBe('Gulf-outlook-2025.mizan');
  });
});

describe('a file of an older format version', () => {
  it('opens unchanged, says it was written in version 1, and saves as version 2 (then says no more)', async () => {
    const { page } = app;
    await installFakeFileSystemAccess(page, { openFiles: [{ name: 'minimal.mizan', text: MINIMAL }] });
    await openApp(page, { fileAccess: 'native' });
    await page.keyboard.press('Control+O');
    await expect.poll(() => page.getByTestId('file-name').textContent()).toBe('minimal.mizan');
    expect(await page.getByTestId('format-note').textContent()).toContain('Written in file format 1');
    expect(await isDirty(page)).toBe(false);
    await page.keyboard.press('Control+S');
    await page.waitForFunction(() => (window as any).__fakeFs.writes.length === 1);
    const written = (await fakeFs(page)).writes[0].text;
    expect(JSON.parse(written).version).toBe(2);
    expect(withoutStamp(written)).toEqual({ ...withoutStamp(MINIMAL), version: 2 });
    await page.getByTestId('format-note').waitFor({ state: 'detached' });
  });
});

describe('files (File System Access API)', () => {
  it('Save asks once with a .mizan filter, then writes the same file; Open reads through the picker', async () => {
    const { page } = app;
    await installFakeFileSystemAccess(page, {
      openFiles: [{ name: 'minimal.mizan', text: MINIMAL }],
      saveAs: 'mine.mizan'
    });
    await openApp(page, { fileAccess: 'native' });
    expect(await page.getByText('files are read and written where you choose').count()).toBe(1);

    await weightSlider(page, 'Western sanctions').focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForFunction(() => (window as any).__fakeFs.writes.length === 1);
    let fs = await fakeFs(page);
    expect(fs.pickerCalls).toHaveLength(1);
    expect(fs.pickerCalls[0].kind).toBe('save');
    expect(fs.pickerCalls[0].options.suggestedName).toBe('ashgabat-2024.mizan');
    expect(fs.pickerCalls[0].options.types[0].accept).toEqual({ 'application/x-mizan+json': ['.mizan'] });
    const first = loadDocument(fs.writes[0].text);
    expect(first.ok && first.document.factors[0].weight).toEqual({ low: 4, mode: 5.1, high: 7 });
    // The write resolves first; the app then marks the document saved.
    await expect.poll(() => page.getByTestId('file-name').textContent()).toBe('mine.mizan');
    expect(await isDirty(page)).toBe(false);

    // Edit and save again with the shortcut: the same file, no picker.
    await titleField(page).fill('Second version');
    await page.keyboard.press('Control+s');
    await page.waitForFunction(() => (window as any).__fakeFs.writes.length === 2);
    fs = await fakeFs(page);
    expect(fs.pickerCalls).toHaveLength(1);
    expect(fs.writes[1].name).toBe('mine.mizan');
    expect(JSON.parse(fs.writes[1].text).title).toBe('Second version');

    // Open through the picker.
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('input[aria-label="Document title"]')?.value === 'Minimal'
    );
    fs = await fakeFs(page);
    expect(fs.pickerCalls[1].kind).toBe('open');
    expect(fs.pickerCalls[1].options.types[0].accept).toEqual({ 'application/x-mizan+json': ['.mizan'] });
    await expect.poll(() => page.getByTestId('file-name').textContent()).toBe('minimal.mizan');

    // Recent files can be reopened here.
    await page.getByRole('button', { name: 'Recent' }).click();
    await page.locator('#recent-files').getByRole('button', { name: 'mine.mizan' }).click();
    await page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('input[aria-label="Document title"]')?.value === 'Second version'
    );
  });
});

describe('files changed by another program (File System Access API)', () => {
  const THEIRS = MINIMAL.replace('"title": "Minimal"', '"title": "Changed elsewhere"');
  const TEXT = {
    en: {
      changed: 'The file changed on disk',
      gone: 'The file is no longer on disk',
      atSave: ['Save As…', 'Overwrite', 'Reload from disk', 'Cancel'],
      onFocus: ['Reload from disk', 'Keep mine'],
      goneOnFocus: ['Save As…', 'Save it there again', 'Keep it open']
    },
    ar: {
      changed: 'تغيّر الملف على القرص',
      gone: 'الملف لم يعد على القرص',
      atSave: ['حفظ باسم…', 'الكتابة فوقه', 'إعادة التحميل من القرص', 'إلغاء'],
      onFocus: ['إعادة التحميل من القرص', 'الإبقاء على نسختي'],
      goneOnFocus: ['حفظ باسم…', 'حفظه هناك من جديد', 'إبقاؤه مفتوحًا']
    }
  } as const;
  const buttons = (page: Page) => dialog(page).getByRole('button').allTextContents();
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim());

  for (const lang of ['en', 'ar'] as const) {
    it(`${lang}: Save over a file changed elsewhere asks first (Save As by default); coming back offers a reload`, async () => {
      const { page } = app;
      const t = TEXT[lang];
      await installFakeFileSystemAccess(page, { openFiles: [{ name: 'minimal.mizan', text: MINIMAL }] });
      await openApp(page, { fileAccess: 'native', lang });
      await page.getByRole('button', { name: UI[lang].open }).click();
      await expect.poll(() => titleField(page, lang).inputValue()).toBe('Minimal');
      await titleField(page, lang).fill('My edit');

      await outsideWrite(page, 'minimal.mizan', THEIRS);
      await page.getByRole('button', { name: UI[lang].save, exact: true }).click();
      await expect.poll(() => dialog(page).count()).toBe(1);
      expect(await dialog(page).getByRole('heading').textContent()).toBe(t.changed);
      expect((await buttons(page)).map((b) => b.trim())).toEqual(t.atSave);
      expect(await focused(page)).toBe(t.atSave[0]);
      await screenshot(page, 'disk-changed-save', lang);
      expect((await fakeFs(page)).writes).toEqual([]); // nothing written over the other program's file
      await dialog(page).getByRole('button', { name: t.atSave[3] }).click();
      await expect.poll(() => dialog(page).count()).toBe(0);
      expect(await titleField(page, lang).inputValue()).toBe('My edit');
      expect(await isDirty(page)).toBe(true);

      // Back in the window: the change is offered as a reload; with edits, keeping them is the default.
      await focusWindow(page);
      await expect.poll(() => dialog(page).count()).toBe(1);
      expect(await dialog(page).getByRole('heading').textContent()).toBe(t.changed);
      expect((await buttons(page)).map((b) => b.trim())).toEqual(t.onFocus);
      expect(await focused(page)).toBe(t.onFocus[1]);
      expect(await titleField(page, lang).inputValue()).toBe('My edit');
      await screenshot(page, 'disk-changed-focus', lang);
      await dialog(page).getByRole('button', { name: t.onFocus[0] }).click();
      await expect.poll(() => titleField(page, lang).inputValue()).toBe('Changed elsewhere');
      expect(await isDirty(page)).toBe(false);
      expect((await fakeFs(page)).writes).toEqual([]);
    });
  }

  it('Keep mine keeps the edits; the next Save asks, and Overwrite writes; a deleted file is offered Save / Save As', async () => {
    const { page } = app;
    await installFakeFileSystemAccess(page, { openFiles: [{ name: 'minimal.mizan', text: MINIMAL }] });
    await openApp(page, { fileAccess: 'native' });
    await page.getByRole('button', { name: 'Open…' }).click();
    await expect.poll(() => titleField(page).inputValue()).toBe('Minimal');
    await titleField(page).fill('My edit');
    await outsideWrite(page, 'minimal.mizan', THEIRS);
    await focusWindow(page);
    await expect.poll(() => dialog(page).count()).toBe(1);
    await dialog(page).getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => dialog(page).count()).toBe(0);
    await focusWindow(page); // not asked again
    await page.keyboard.press('Control+s');
    await expect.poll(() => dialog(page).count()).toBe(1);
    expect((await buttons(page)).map((b) => b.trim())).toEqual(TEXT.en.atSave);
    await dialog(page).getByRole('button', { name: 'Overwrite' }).click();
    await page.waitForFunction(() => (window as any).__fakeFs.writes.length === 1);
    expect(JSON.parse((await fakeFs(page)).writes[0].text).title).toBe('My edit');
    await expect.poll(() => isDirty(page)).toBe(false);

    // Deleted behind the app's back: noticed on focus; the document stays open, unsaved.
    await outsideRemove(page, 'minimal.mizan');
    await focusWindow(page);
    await expect.poll(() => dialog(page).count()).toBe(1);
    expect(await dialog(page).getByRole('heading').textContent()).toBe(TEXT.en.gone);
    expect((await buttons(page)).map((b) => b.trim())).toEqual(TEXT.en.goneOnFocus);
    await screenshot(page, 'disk-gone-focus', 'en');
    await dialog(page).getByRole('button', { name: 'Keep it open' }).click();
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(await titleField(page).inputValue()).toBe('My edit');
    expect(await isDirty(page)).toBe(true);
  });
});
