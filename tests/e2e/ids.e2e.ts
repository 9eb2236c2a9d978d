// Ids made from names, end to end: after New, a scenario added and named "Escalation" and an
// event named "Port strike" are saved under the ids `escalation` and `port-strike`; a scenario
// named in Arabic gets a transliterated id; the selection stays on the renamed scenario.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/engine/format';
import { editorTab, openApp, readSave, useBrowser } from './harness';

const app = useBrowser();

/** Adds a scenario and names it through the rename form that opens. */
async function addScenario(page: Page, names: Record<string, string>) {
  await page.getByRole('button', { name: 'Add scenario' }).click();
  const form = page.locator('form.label-form');
  for (const [field, text] of Object.entries(names)) await form.getByRole('textbox', { name: field }).fill(text);
  await form.getByRole('textbox', { name: Object.keys(names)[0] }).press('Enter');
  await expect.poll(() => form.count()).toBe(0);
}

describe('ids made from names', () => {
  it('New → a scenario named "Escalation", one named in Arabic, an event "Port strike": the saved ids', async () => {
    const { page } = app;
    await openApp(page);
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await editorTab(page, 'Scenarios').click();
    await addScenario(page, { 'Name in English': 'Escalation' });
    // Renamed under a new id, the scenario stays selected.
    expect(await page.locator('li[data-scenario="escalation"] input[type="radio"]').isChecked()).toBe(true);
    // Named in Arabic only (the English placeholder "Scenario 3" emptied): a transliterated id.
    await addScenario(page, { 'Name in Arabic': 'التهدئة', 'Name in English': '' });
    // The event goes into the scenario named first.
    await page.locator('li[data-scenario="escalation"] input[type="radio"]').check();

    await editorTab(page, 'Events').click();
    await page.getByRole('button', { name: 'Add event' }).click();
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('aria-label') === 'New event label in English'
    );
    await page.keyboard.type('Port strike');
    // Leaving the event's rows settles its id.
    await page.getByRole('button', { name: 'Add event' }).focus();
    await page.locator('[data-event="port-strike"]').first().waitFor();

    const saved = await readSave(page, () => page.getByRole('button', { name: 'Save', exact: true }).click());
    const loaded = loadDocument(saved.text);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const scenarios = loaded.document.scenarios;
    expect(scenarios.slice(-2).map((s) => s.id)).toEqual(['escalation', 'al-thdya']);
    expect(scenarios.find((s) => s.id === 'escalation')!.events.map((e) => e.id)).toEqual(['port-strike']);
    expect(saved.text).not.toMatch(/"(scenario|event)\d+"/);
  });

  it("the Gap tab's pick follows a scenario that takes its id from its first name", async () => {
    const { page } = app;
    await openApp(page);
    await editorTab(page, 'Scenarios').click();
    await page.getByRole('button', { name: 'Add scenario' }).click();
    await page.locator('form.label-form').getByRole('textbox', { name: 'Name in English' }).press('Escape');
    await page.locator('li[data-scenario="baseline"] input[type="radio"]').check();
    await page.getByTestId('analysis-pane').getByRole('tab', { name: 'Gap', exact: true }).click();
    await page.getByTestId('gap-b').selectOption('scenario1');

    await page.getByRole('button', { name: 'Rename Scenario 4', exact: true }).click();
    const form = page.locator('form.label-form');
    await form.getByRole('textbox', { name: 'Name in English' }).fill('Wider war');
    await form.getByRole('textbox', { name: 'Name in English' }).press('Enter');
    await page.locator('li[data-scenario="wider-war"]').waitFor();
    await expect.poll(() => page.getByTestId('gap-b').inputValue()).toBe('wider-war');
    expect(await page.getByTestId('gap-a').inputValue()).toBe('baseline');
  });
});
