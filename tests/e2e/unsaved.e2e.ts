// The unsaved-changes prompt before New, Open and closing the tab.
import { describe, expect, it } from 'vitest';
import { dialog, isDirty, openApp, openFileThroughChooser, titleField, useBrowser, weightSlider, readSave } from './harness';
import { readFileSync } from 'node:fs';

const app = useBrowser();
const MINIMAL = readFileSync('tests/fixtures/v1/minimal.mizan', 'utf8');

async function editWeight(page: import('playwright-core').Page) {
  const slider = weightSlider(page, 'Hezbollah front');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  expect(await slider.inputValue()).toBe('6.1');
}

describe('unsaved changes', () => {
  it('New asks; Cancel keeps the edit and focus returns to New', async () => {
    const { page } = app;
    await openApp(page);
    await editWeight(page);
    const newButton = page.getByRole('button', { name: 'New', exact: true });
    await newButton.click();
    const box = dialog(page);
    await box.waitFor();
    expect(await box.getAttribute('role')).toBe('alertdialog');
    expect(await box.textContent()).toContain('has changes that are not saved');
    // The three answers; Save has the focus.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Save');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await box.waitFor({ state: 'detached' });
    expect(await weightSlider(page, 'Hezbollah front').inputValue()).toBe('6.1');
    expect(await isDirty(page)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('New');
  });

  it('Open asks; Escape cancels without showing a file chooser; focus stays in the dialog on Tab', async () => {
    const { page } = app;
    await openApp(page);
    await editWeight(page);
    let chooser = false;
    page.on('filechooser', () => (chooser = true));
    await page.getByRole('button', { name: 'Open…' }).click();
    await dialog(page).waitFor();
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('dialog[open]') !== null)).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    expect(chooser).toBe(false);
    expect(await weightSlider(page, 'Hezbollah front').inputValue()).toBe('6.1');
  });

  it('Don’t save on Open replaces the document; on New starts a blank one', async () => {
    const { page } = app;
    await openApp(page);
    await editWeight(page);
    await openFileThroughChooser(page, { name: 'minimal.mizan', content: MINIMAL }, async () => {
      await page.getByRole('button', { name: 'Open…' }).click();
      await page.getByRole('button', { name: 'Don’t save' }).click();
    });
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[aria-label="Document title"]')?.value === 'Minimal');
    expect(await isDirty(page)).toBe(false);

    await titleField(page).fill('Minimal, edited');
    await page.keyboard.press('Control+n');
    await page.getByRole('button', { name: 'Don’t save' }).click();
    expect(await titleField(page).inputValue()).toBe('');
    expect(await titleField(page).getAttribute('placeholder')).toBe('Untitled analysis');
  });

  it('Save in the prompt saves, then goes on', async () => {
    const { page } = app;
    await openApp(page);
    await editWeight(page);
    await page.getByRole('button', { name: 'New', exact: true }).click();
    const saved = await readSave(page, () => dialog(page).getByRole('button', { name: 'Save', exact: true }).click());
    expect(JSON.parse(saved.text).factors.find((f: { id: string }) => f.id === 'hezbollah').weight.mode).toBe(6.1);
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[aria-label="Document title"]')?.value === '');
  });

  it('closing the tab with unsaved changes asks the browser to confirm', async () => {
    const { page } = app;
    await openApp(page);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(dialogs).toEqual([]); // clean: closes without asking

    const second = await app.newPage();
    await openApp(second);
    await editWeight(second);
    const asked = new Promise<string>((resolve) =>
      second.once('dialog', (d) => {
        resolve(d.type());
        void d.accept(); // leave the page
      })
    );
    await second.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
    await second.waitForEvent('close');
  });
});
