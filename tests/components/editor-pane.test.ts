// The panels inside the editor as the app shows them (EditorPane): the tabs, and the notice
// line whose Undo takes back a deletion made in a panel.
import { screen } from '@testing-library/svelte';
import { expect, it } from 'vitest';
import EditorPane from '../../src/renderer/src/ui/editor/EditorPane.svelte';
import { renderPanel } from './harness';

it('a deletion in a panel: "Deleted … Undo" in the notice line, the focus on Undo, and Undo restores', async () => {
  const t = renderPanel(EditorPane);
  await t.user.click(screen.getByRole('tab', { name: 'Events' }));
  expect(screen.getByRole('tab', { name: 'Events' }).getAttribute('aria-selected')).toBe('true');

  await t.user.click(screen.getByRole('button', { name: 'Delete event Israeli retaliatory strike on Iran' }));

  expect(t.doc().scenarios[0].events.map((e) => e.id)).not.toContain('bl-israel-strike');
  const notice = screen.getByTestId('editor-notice');
  expect(notice.textContent).toContain('Deleted “\u2068Israeli retaliatory strike on Iran\u2069”.');
  const undo = screen.getByRole('button', { name: 'Undo' });
  expect(document.activeElement).toBe(undo);

  await t.user.click(undo);
  expect(t.doc()).toEqual(t.original);
  expect(screen.getByRole('button', { name: 'Delete event Israeli retaliatory strike on Iran' })).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
});

it('the tabs: arrow keys move between panels, each showing its own controls', async () => {
  const t = renderPanel(EditorPane);
  screen.getByRole('tab', { name: 'Factors' }).focus();
  expect(screen.getByRole('slider', { name: 'Western sanctions weight' })).toBeTruthy();

  await t.user.keyboard('{ArrowRight}');
  expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Scenarios' }));
  expect(screen.getByRole('slider', { name: 'Western sanctions start' })).toBeTruthy();
  expect(screen.queryByRole('slider', { name: 'Western sanctions weight' })).toBeNull();

  await t.user.keyboard('{End}');
  expect(screen.getByRole('tab', { name: 'Run settings' }).getAttribute('aria-selected')).toBe('true');
  expect(screen.getByRole('spinbutton', { name: 'Monte Carlo runs' })).toBeTruthy();

  // Observations: between Evidence and Run settings.
  await t.user.keyboard('{ArrowLeft}');
  expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Observations' }));
  expect(screen.getByRole('button', { name: 'Add observation' })).toBeTruthy();
  await t.user.keyboard('{ArrowLeft}');
  expect(screen.getByRole('tab', { name: 'Evidence' }).getAttribute('aria-selected')).toBe('true');
});
