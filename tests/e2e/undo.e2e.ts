// Undo and redo of weight edits: buttons, shortcuts, and a slider drag as one step.
import { describe, expect, it } from 'vitest';
import { isDirty, openApp, tensionReadout, titleField, useBrowser, weightSlider } from './harness';

const app = useBrowser();

describe('undo and redo', () => {
  it('undo and redo a keyboard weight edit, with the buttons and the shortcuts', async () => {
    const { page } = app;
    await openApp(page);
    const undo = page.getByRole('button', { name: 'Undo' });
    const redo = page.getByRole('button', { name: 'Redo' });
    expect(await undo.isDisabled()).toBe(true);
    const original = await tensionReadout(page);

    const slider = weightSlider(page, 'Western (US) reaction');
    // The edit's first effect: the factor's share of the index, 6/56 → 6.1/56.1. (Its pressure is
    // near T in every scenario, so the index itself may not move at one decimal.)
    const share = page.getByRole('note', { name: /^Western \(US\) reaction: / });
    const shareBefore = await share.textContent();
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    expect(await slider.inputValue()).toBe('6.1');
    expect(await share.textContent()).not.toBe(shareBefore);
    const edited = await tensionReadout(page);

    await undo.click();
    expect(await slider.inputValue()).toBe('6');
    expect(await tensionReadout(page)).toEqual(original);
    expect(await share.textContent()).toBe(shareBefore);
    expect(await isDirty(page)).toBe(false);
    expect(await undo.isDisabled()).toBe(true);

    await redo.click();
    expect(await slider.inputValue()).toBe('6.1');
    expect(await tensionReadout(page)).toEqual(edited);
    expect(await isDirty(page)).toBe(true);

    await page.keyboard.press('Control+z');
    expect(await slider.inputValue()).toBe('6');
    await page.keyboard.press('Control+Shift+z');
    expect(await slider.inputValue()).toBe('6.1');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+y');
    expect(await slider.inputValue()).toBe('6.1');
  });

  it('a slider drag is one undo step', async () => {
    const { page } = app;
    await openApp(page);
    const slider = weightSlider(page, 'Russia–Iran strategic partnership');
    const box = (await slider.boundingBox())!;
    const y = box.y + box.height / 2;
    const thumbX = box.x + box.width / 2; // weight 5 of 10: the middle
    await page.mouse.move(thumbX, y);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(thumbX + i * 6, y);
    await page.mouse.up();
    const dragged = Number(await slider.inputValue());
    expect(dragged).toBeGreaterThan(5.5);

    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await slider.inputValue()).toBe('5');
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Redo' }).click();
    expect(Number(await slider.inputValue())).toBe(dragged);
  });

  it('undo reaches the title too, and Ctrl+Z in the title field is the document’s undo', async () => {
    const { page } = app;
    await openApp(page);
    const title = titleField(page);
    const original = await title.inputValue();
    await title.fill('Renamed');
    await title.press('Control+z');
    expect(await title.inputValue()).toBe(original);
  });
});
