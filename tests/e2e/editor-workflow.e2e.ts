// The editor at work: start sliders by keyboard, scenarios, events on the timeline,
// interaction cells, deleting a factor and undoing it, the horizon, typed values out of range,
// and the Arabic accessible names.
import { describe, expect, it } from 'vitest';
import {
  editorTab,
  isDirty,
  levelSlider,
  openApp,
  tensionReadout,
  useBrowser,
  visibleText,
  weightField,
  weightSlider
} from './harness';

const app = useBrowser();

describe('the editor', () => {
  it('a start slider by keyboard changes the index; undo puts it back; a typed value out of range is not applied', async () => {
    const { page } = app;
    await openApp(page);
    await editorTab(page, 'Scenarios').click();
    const original = await tensionReadout(page);
    const slider = levelSlider(page, 'Western sanctions', 'start');
    expect(await slider.inputValue()).toBe('75');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await slider.inputValue()).toBe('77');
    // The typed-in value follows, and the index of the baseline moved.
    expect(await page.getByRole('spinbutton', { name: 'Western sanctions start', exact: true }).inputValue()).toBe(
      '77'
    );
    const edited = await tensionReadout(page);
    expect(edited.baseline.start).not.toBe(original.baseline.start);
    expect(edited.escalation).toEqual(original.escalation);

    // Two quick key presses are one undo step.
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    expect(await slider.inputValue()).toBe('75');
    expect(await tensionReadout(page)).toEqual(original);
    expect(await isDirty(page)).toBe(false);

    // Out of range: shown, explained, not applied (no clamp).
    const target = page.getByRole('spinbutton', { name: 'Western sanctions target', exact: true });
    await target.fill('150');
    expect(await target.getAttribute('aria-invalid')).toBe('true');
    const message = page.locator(`#${await target.getAttribute('aria-describedby')}`);
    expect(await visibleText(message)).toBe('Enter a number from 0 to 100.');
    expect(await levelSlider(page, 'Western sanctions', 'target').inputValue()).toBe('80');
    expect(await isDirty(page)).toBe(false);
    await target.press('Escape');
    expect(await target.inputValue()).toBe('80');
    expect(await target.getAttribute('aria-invalid')).toBeNull();

    // A drag of a start slider is one undo step.
    const drag = levelSlider(page, 'Hezbollah front', 'start');
    await drag.scrollIntoViewIfNeeded();
    const box = (await drag.boundingBox())!;
    const y = box.y + box.height / 2;
    const x0 = box.x + box.width * 0.8; // start 80 of 100
    await page.mouse.move(x0, y);
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) await page.mouse.move(x0 - i * 5, y);
    await page.mouse.up();
    expect(Number(await drag.inputValue())).toBeLessThan(75);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    expect(await drag.inputValue()).toBe('80');
    expect(await page.getByRole('button', { name: 'Undo', exact: true }).isDisabled()).toBe(true);

    // The same on the Factors tab, for a weight.
    await editorTab(page, 'Factors').click();
    const weight = weightField(page, 'Western (US) reaction');
    await weight.fill('11');
    expect(await weight.getAttribute('aria-invalid')).toBe('true');
    expect(await weightSlider(page, 'Western (US) reaction').inputValue()).toBe('6');
    await weight.fill('7.5');
    expect(await weight.getAttribute('aria-invalid')).toBeNull();
    expect(await weightSlider(page, 'Western (US) reaction').inputValue()).toBe('7.5');
  });

  it('add a scenario, rename it: it is in the scenario list and in the index; compare needs one at least', async () => {
    const { page } = app;
    await openApp(page);
    await editorTab(page, 'Scenarios').click();
    await page.getByRole('button', { name: 'Add scenario' }).click();
    // The rename form opens with the English name selected.
    const english = page.getByRole('textbox', { name: 'Name in English' });
    expect(await english.inputValue()).toBe('Scenario 4');
    await english.fill('Sanctions relief');
    await page.getByRole('textbox', { name: 'Name in Arabic' }).fill('تخفيف العقوبات');
    await page.getByRole('button', { name: 'Apply' }).click();

    const radio = page.getByRole('radio', { name: 'Sanctions relief' });
    expect(await radio.isChecked()).toBe(true);
    const readout = await tensionReadout(page);
    expect(Object.keys(readout)).toEqual(['baseline', 'escalation', 'deescalation', 'scenario1']);
    expect(await visibleText(page.locator('[data-testid="tension-index"] tr[data-scenario="scenario1"] th'))).toContain(
      'Sanctions relief'
    );
    // Its levels table shows: every factor starts where it starts in the first scenario.
    expect(await levelSlider(page, 'Western sanctions', 'start').inputValue()).toBe('75');

    // Compare: unticking all but one leaves the last one ticked and disabled.
    for (const name of ['Baseline: entrenched rivalry', 'Escalation: axis hardens', 'De-escalation: managed pause']) {
      await page.getByRole('checkbox', { name: `Compare ${name}` }).uncheck();
    }
    const last = page.getByRole('checkbox', { name: 'Compare Sanctions relief' });
    expect(await last.isChecked()).toBe(true);
    expect(await last.isDisabled()).toBe(true);
  });

  it('add an event: it is on the timeline; arrow keys move it a month; edit an interaction cell', async () => {
    const { page } = app;
    await openApp(page);
    await editorTab(page, 'Events').click();
    const timeline = page.getByTestId('event-timeline');
    const before = await timeline.getByRole('button').count();
    await page.getByRole('button', { name: 'Add event' }).click();
    // The new event's English label is selected for typing.
    const label = page.getByRole('textbox', { name: 'New event label in English' });
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('aria-label') === 'New event label in English'
    );
    await page.keyboard.type('Snap election');
    expect(await label.count()).toBe(0); // renamed as typed

    const named = timeline.getByRole('button', {
      name: /^Snap election: month 1 \(Nov 2024\), Western sanctions \+10 points/
    });
    expect(await timeline.getByRole('button').count()).toBe(before + 1);
    // The marker by its event id: its name changes as it moves.
    const marker = timeline.locator(`[data-event="${await named.getAttribute('data-event')}"]`);
    expect(await marker.getAttribute('data-month')).toBe('1');
    await marker.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await marker.getAttribute('data-month')).toBe('3');
    expect(await page.getByRole('spinbutton', { name: 'Snap election month', exact: true }).inputValue()).toBe('3');
    await page.keyboard.press('End');
    expect(await marker.getAttribute('data-month')).toBe('24');

    await editorTab(page, 'Interactions').click();
    const cell = page.getByRole('button', { name: 'Western sanctions on Russia–Iran strategic partnership: 0.06' });
    await cell.click();
    const field = page.getByRole('spinbutton', {
      name: 'Strength of Western sanctions on Russia–Iran strategic partnership'
    });
    await field.fill('1.5');
    await field.press('Enter');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.fill('-0.25');
    await field.press('Enter');
    const edited = page.getByRole('button', { name: 'Western sanctions on Russia–Iran strategic partnership: -0.25' });
    await edited.waitFor();
    // Focus is back on the cell; the arrow keys walk the matrix; the diagonal is not editable.
    expect(await edited.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowLeft');
    const self = page.getByRole('button', { name: 'Western sanctions on itself: not allowed' });
    expect(await self.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.getByRole('spinbutton', { name: /^Strength of/ }).count()).toBe(0);
  });

  it('delete a factor and undo it from the notice; shorten the horizon and be told about moved events', async () => {
    const { page } = app;
    await openApp(page);
    const original = await tensionReadout(page);
    await page.getByRole('button', { name: 'Delete Hezbollah front' }).click();
    expect(await weightSlider(page, 'Hezbollah front').count()).toBe(0);
    expect(await tensionReadout(page)).not.toEqual(original);
    const notice = page.getByTestId('editor-notice');
    expect(await visibleText(notice)).toContain('Deleted “Hezbollah front”.');
    // The focus is on the notice's Undo.
    await page.keyboard.press('Enter');
    expect(await weightSlider(page, 'Hezbollah front').count()).toBe(1);
    expect(await tensionReadout(page)).toEqual(original);
    expect(await isDirty(page)).toBe(false);
    expect(await visibleText(notice)).toBe('');

    await editorTab(page, 'Run settings').click();
    const horizon = page.getByRole('spinbutton', { name: 'Horizon in months' });
    await horizon.fill('6');
    await horizon.press('Enter');
    expect(await visibleText(page.getByTestId('horizon-status'))).toBe('3 events after month 6 moved to month 6.');
    expect(await visibleText(page.locator('[data-testid="tension-index"] thead'))).toContain('After 6 months');
    await editorTab(page, 'Events').click();
    const months = await page
      .getByTestId('event-timeline')
      .getByRole('button')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-month'))));
    expect(Math.max(...months)).toBeLessThanOrEqual(6);
  });

  it('in Arabic, the sliders are named “بداية …”, “هدف …” and “وزن …”', async () => {
    const { page } = app;
    await openApp(page);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
    expect(await weightSlider(page, 'العقوبات الغربية', 'ar').count()).toBe(1);
    await editorTab(page, 'السيناريوهات').click();
    expect(await levelSlider(page, 'العقوبات الغربية', 'start', 'ar').inputValue()).toBe('75');
    expect(await levelSlider(page, 'العقوبات الغربية', 'target', 'ar').inputValue()).toBe('80');
    expect(await page.getByRole('slider', { name: /^بداية / }).count()).toBe(10);
    expect(await page.getByRole('slider', { name: 'بداية الرد العسكري الإسرائيلي', exact: true }).count()).toBe(1);
  });
});
