// Broken files: a clear message naming the file and the place, and the open document untouched.
import { describe, expect, it } from 'vitest';
import { dialog, isDirty, openApp, openFileThroughChooser, titleField, useBrowser, visibleText, weightSlider, ASHGABAT_TEXT } from './harness';

const app = useBrowser();
const doc = JSON.parse(ASHGABAT_TEXT);

const CASES: { name: string; content: string | Buffer; expect: RegExp[] }[] = [
  { name: 'empty.mizan', content: '', expect: [/empty\.mizan is empty/] },
  {
    name: 'picture.mizan',
    content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    expect: [/picture\.mizan is not UTF-8 text/]
  },
  { name: 'truncated.mizan', content: ASHGABAT_TEXT.slice(0, 700), expect: [/truncated\.mizan is not valid JSON/, /line \d+, column \d+/] },
  { name: 'future.mizan', content: JSON.stringify({ ...doc, version: 2 }), expect: [/future\.mizan was written by a newer Mizan/] },
  {
    name: 'unknown-factor.mizan',
    content: JSON.stringify({ ...doc, interactions: [...doc.interactions, { from: 'sanctionz', to: 'energy', strength: 0.1 }] }),
    expect: [/unknown-factor\.mizan could not be opened/, /interactions\[14\]\.from: unknown factor "sanctionz"/]
  },
  {
    name: 'out-of-range.mizan',
    content: ASHGABAT_TEXT.replace('"pace": 0.15', '"pace": 1.5'),
    expect: [/out-of-range\.mizan could not be opened/, /scenarios\[0\]\.factors\.israel\.pace: must be at most 1 \(found 1\.5\)/]
  }
];

describe('broken files', () => {
  it.each(CASES)('$name: a message naming the file and the place; the document stays', async (file) => {
    const { page } = app;
    await openApp(page);
    const title = await titleField(page).inputValue();
    const weight = await weightSlider(page, 'Israeli military response').inputValue();

    await openFileThroughChooser(page, { name: file.name, content: file.content });
    const box = dialog(page);
    await box.waitFor();
    expect(await box.getAttribute('role')).toBe('alertdialog');
    expect(await box.getAttribute('aria-modal')).toBe('true');
    const text = await visibleText(box);
    for (const pattern of file.expect) expect(text).toMatch(pattern);
    expect(text).not.toMatch(/at \w+ \(|Error:|stack/); // never a stack trace
    // Focus is inside the dialog, on OK.
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);

    await page.getByRole('button', { name: 'OK' }).click();
    await box.waitFor({ state: 'detached' });
    expect(await titleField(page).inputValue()).toBe(title);
    expect(await weightSlider(page, 'Israeli military response').inputValue()).toBe(weight);
    expect(await page.getByTestId('file-name').textContent()).toBe('ashgabat-2024.mizan');
    expect(await isDirty(page)).toBe(false);
  });

  it('an edited document survives "Don’t save" followed by a broken file', async () => {
    const { page } = app;
    await openApp(page);
    await titleField(page).fill('Kept edit');
    await openFileThroughChooser(page, { name: 'empty.mizan', content: '' }, async () => {
      await page.getByRole('button', { name: 'Open…' }).click();
      await page.getByRole('button', { name: 'Don’t save' }).click();
    });
    await dialog(page).waitFor();
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    expect(await titleField(page).inputValue()).toBe('Kept edit');
    expect(await isDirty(page)).toBe(true);
  });
});
