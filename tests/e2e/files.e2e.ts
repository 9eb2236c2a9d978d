// Editing, saving and opening files: the download/<input> path and the File System Access path.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument, serializeDocument } from '../../src/engine/format';
import {
  fakeFs,
  installFakeFileSystemAccess,
  isDirty,
  openApp,
  openFileThroughChooser,
  readSave,
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
    expect(await isDirty(page)).toBe(false);
    const result = loadDocument(saved.text, { fileName: saved.name });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(serializeDocument(result.document)).toBe(saved.text);
    const energy = result.document.factors.find((f) => f.id === 'energy')!;
    expect(energy.weight).toEqual({ low: 1, mode: 9.9, high: 10 });

    // A different document in between, then the saved file again.
    await page.getByRole('button', { name: 'New', exact: true }).click();
    expect(await titleField(page).inputValue()).toBe('Untitled analysis');
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
    expect(doc.factors.find((f: { id: string }) => f.id === 'hezbollah').weight).toEqual({ low: 2.5, mode: 2.5, high: 8 });

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

describe('files (File System Access API)', () => {
  it('Save asks once with a .mizan filter, then writes the same file; Open reads through the picker', async () => {
    const { page } = app;
    await installFakeFileSystemAccess(page, { openFiles: [{ name: 'minimal.mizan', text: MINIMAL }], saveAs: 'mine.mizan' });
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
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[aria-label="Document title"]')?.value === 'Minimal');
    fs = await fakeFs(page);
    expect(fs.pickerCalls[1].kind).toBe('open');
    expect(fs.pickerCalls[1].options.types[0].accept).toEqual({ 'application/x-mizan+json': ['.mizan'] });
    await expect.poll(() => page.getByTestId('file-name').textContent()).toBe('minimal.mizan');

    // Recent files can be reopened here.
    await page.getByRole('button', { name: 'Recent' }).click();
    await page.locator('#recent-files').getByRole('button', { name: 'mine.mizan' }).click();
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[aria-label="Document title"]')?.value === 'Second version');
  });
});
