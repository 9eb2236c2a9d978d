// Broken files: a clear message naming the file and the place, and the open document untouched.
import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION } from '../../src/engine/format';
import {
  dialog,
  isDirty,
  openApp,
  openFileThroughChooser,
  screenshot,
  titleField,
  useBrowser,
  visibleText,
  weightSlider,
  ASHGABAT_DOC,
  ASHGABAT_TEXT
} from './harness';

const app = useBrowser();
const doc = JSON.parse(ASHGABAT_TEXT);

const CASES: { name: string; content: string | Buffer; expect: RegExp[] }[] = [
  { name: 'empty.mizan', content: '', expect: [/empty\.mizan is empty/] },
  {
    name: 'picture.mizan',
    content: Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52
    ]),
    expect: [/picture\.mizan is not UTF-8 text/]
  },
  {
    name: 'truncated.mizan',
    content: ASHGABAT_TEXT.slice(0, 700),
    expect: [/truncated\.mizan is not valid JSON/, /line \d+, column \d+/]
  },
  {
    name: 'future.mizan',
    content: JSON.stringify({ ...doc, version: FORMAT_VERSION + 1 }),
    expect: [/future\.mizan was written by a newer Mizan/]
  },
  {
    name: 'unknown-factor.mizan',
    content: JSON.stringify({
      ...doc,
      interactions: [...doc.interactions, { from: 'sanctionz', to: 'energy', strength: 0.1 }]
    }),
    expect: [
      /unknown-factor\.mizan could not be opened/,
      /link \[sanctionz\] → “Russian energy investment in Iran” \[energy\] › from/,
      new RegExp(`interactions\\[${ASHGABAT_DOC.interactions.length}\\]\\.from: unknown factor "sanctionz"`)
    ]
  },
  {
    name: 'out-of-range.mizan',
    content: ASHGABAT_TEXT.replace('"pace": 0.15', '"pace": 1.5'),
    expect: [
      /out-of-range\.mizan could not be opened/,
      /scenario “Baseline: entrenched rivalry” \[baseline\] › factor “Israeli military response” \[israel\] › pace/,
      /scenarios\[0\]\.factors\.israel\.pace: must be at most 1 \(found 1\.5\)/
    ]
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

  it.each(['en', 'ar'] as const)(
    'names each place by the labels in the interface’s language, the path and message beside (%s)',
    async (lang) => {
      const { page } = app;
      await openApp(page, { lang });
      const broken = JSON.parse(ASHGABAT_TEXT);
      broken.factors[0].weight = 12;
      broken.scenarios[0].factors.partnership.pace = 1.5;
      broken.interactions.push({ from: 'nowhere', to: 'arms', strength: 0.1 });
      await openFileThroughChooser(page, { name: 'three.mizan', content: JSON.stringify(broken) });
      const box = dialog(page);
      await box.waitFor();
      const places = await box.locator('.problem-place').allInnerTexts();
      expect(places).toEqual(
        lang === 'en'
          ? [
              'factor “Western sanctions” [sanctions] › weight',
              'link [nowhere] → “Russian arms transfers to Iran (S-400, Su-35)” [arms] › from',
              'scenario “Baseline: entrenched rivalry” [baseline] › factor “Russia–Iran strategic partnership” [partnership] › pace'
            ]
          : [
              'العامل «العقوبات الغربية» [sanctions] › weight',
              'الرابط [nowhere] ← «نقل الأسلحة الروسية إلى إيران (S-400 وسوخوي Su-35)» [arms] › from',
              'السيناريو «السيناريو الأساسي: تنافس راسخ» [baseline] › العامل «الشراكة الاستراتيجية الروسية الإيرانية» [partnership] › pace'
            ]
      );
      const text = await visibleText(box);
      expect(text).toMatch(/factors\[0\]\.weight: must be at most 10 \(found 12\)/);
      expect(text).toMatch(
        new RegExp(`interactions\\[${ASHGABAT_DOC.interactions.length}\\]\\.from: unknown factor "nowhere"`)
      );
      expect(text).toMatch(/scenarios\[0\]\.factors\.partnership\.pace: must be at most 1 \(found 1\.5\)/);
      await screenshot(page, 'problems-dialog', lang);
    }
  );

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
