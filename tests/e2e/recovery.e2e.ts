// Recovery after a crash: unsaved work is copied to IndexedDB and offered at the next start.
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
  weightSlider
} from './harness';

const app = useBrowser();

describe('recovery', () => {
  it('after a crash, the next start offers the unsaved work and Restore brings it back', async () => {
    const { page } = app;
    await openApp(page);
    const slider = weightSlider(page, 'Russian energy investment in Iran');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await slider.inputValue()).toBe('2.2');
    await waitForRecoveryCopy(page);
    expect(await page.getByTestId('recovery-status').textContent()).toMatch(/Unsaved changes kept safe at/);

    await page.close({ runBeforeUnload: false }); // the crash: no save, no prompt

    const next = await app.newPage();
    await openApp(next, { until: 'recovery' });
    const box = dialog(next);
    expect(await box.getAttribute('role')).toBe('alertdialog');
    expect(await visibleText(box)).toMatch(/Restore unsaved work from .+\?/);
    expect(await visibleText(box)).toContain('Analysis: “Ashgabat, 11 October 2024');
    await next.getByRole('button', { name: 'Restore' }).click();
    await next.waitForSelector('html[data-app-state="ready"]');
    expect(await weightSlider(next, 'Russian energy investment in Iran').inputValue()).toBe('2.2');
    expect(await isDirty(next)).toBe(true);
    expect(await next.getByTestId('file-name').textContent()).toBe('Not saved to a file yet');

    // Restored work is kept safe again under the new window, and offered only once.
    await waitForRecoveryCopy(next);
    await next.close({ runBeforeUnload: false });
    const third = await app.newPage();
    await openApp(third, { until: 'recovery' });
    await third.getByRole('button', { name: 'Discard' }).click();
    await third.waitForSelector('html[data-app-state="ready"]');
    expect(await weightSlider(third, 'Russian energy investment in Iran').inputValue()).toBe('2');
    expect(await isDirty(third)).toBe(false);
    await third.close();

    const fourth = await app.newPage();
    await openApp(fourth); // nothing left to offer
    expect(await dialog(fourth).count()).toBe(0);
  });

  it('a tab that is still open is not offered as a crash, and a clean document leaves nothing', async () => {
    const { page } = app;
    await openApp(page);
    await titleField(page).fill('Open in another tab');
    await waitForRecoveryCopy(page);
    const other = await app.newPage();
    await openApp(other);
    expect(await dialog(other).count()).toBe(0);

    // Undo back to the saved state: the copy is removed.
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction(() => (document.querySelector('[data-testid="recovery-status"]')?.textContent ?? '').trim() === '');
    await page.close({ runBeforeUnload: false });
    const again = await app.newPage();
    await openApp(again);
    expect(await dialog(again).count()).toBe(0);
  });

  it.each(['en', 'ar'] as const)(
    'work restored by another tab between the offer and Restore is reported, and the default analysis stays (%s)',
    async (lang) => {
      const { page } = app;
      await openApp(page);
      await titleField(page).fill('Left behind');
      await waitForRecoveryCopy(page);
      await page.close({ runBeforeUnload: false }); // the crash

      // Two tabs start and both offer the same work; the second restores it first.
      const first = await app.newPage();
      await openApp(first, { until: 'recovery', lang });
      const second = await app.newPage();
      await openApp(second, { until: 'recovery', lang: 'en' });
      await second.getByRole('button', { name: 'Restore' }).click();
      await second.waitForSelector('html[data-app-state="ready"]');
      expect(await titleField(second).inputValue()).toBe('Left behind');

      await first.getByRole('button', { name: lang === 'en' ? 'Restore' : 'استعادة' }).click();
      const box = dialog(first);
      await box.getByRole('heading').waitFor();
      expect(await box.getAttribute('role')).toBe('alertdialog');
      expect(await visibleText(box)).toMatch(
        lang === 'en' ? /is no longer there: another Mizan window or tab may have restored or discarded it/ : /لم يعد العمل غير المحفوظ على/
      );
      expect(await visibleText(box)).toContain('Left behind');
      await screenshot(first, 'recovery-gone', lang);
      await box.getByRole('button').click();
      await first.waitForSelector('html[data-app-state="ready"]');
      expect(await dialog(first).count()).toBe(0);
      expect(await titleField(first, lang).inputValue()).toMatch(/^Ashgabat/);
      expect(await isDirty(first)).toBe(false);
    }
  );
});
