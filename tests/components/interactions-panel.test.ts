// The Interactions panel: the matrix (a cell edited by click or keys, Delete removes, the
// diagonal refused, strengths kept within −1..1) and the list (edit, remove, add, evidence),
// checked in the store's document and on screen, then undone through the store.
import { screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import InteractionsPanel from '../../src/renderer/src/ui/editor/InteractionsPanel.svelte';
import { renderPanel, retype, type Rendered } from './harness';

let t: Rendered;
beforeEach(() => {
  t = renderPanel(InteractionsPanel);
});

const SANCTIONS = 'Western sanctions';
const PARTNERSHIP = 'Russia–Iran strategic partnership';
const ISRAEL = 'Israeli military response';
const HEZBOLLAH = 'Hezbollah front';
const WESTERN = 'Western (US) reaction';

const link = (from: string, to: string) => t.doc().interactions.find((i) => i.from === from && i.to === to);
const cell = (from: string, to: string, value: string) =>
  within(screen.getByRole('grid')).getByRole('button', { name: `${from} on ${to}: ${value}` });
const field = (name: string) => screen.getByRole('spinbutton', { name }) as HTMLInputElement;

describe('the matrix', () => {
  it('a click on an empty cell opens its field; a typed strength and Enter make the link', async () => {
    await t.user.click(cell(SANCTIONS, ISRAEL, 'none'));
    const strength = field(`Strength of ${SANCTIONS} on ${ISRAEL}`);
    expect(document.activeElement).toBe(strength);

    await retype(t.user, strength, '0.2');
    // Applied on Enter only: nothing yet.
    expect(link('sanctions', 'israel')).toBeUndefined();
    await t.user.keyboard('{Enter}');

    expect(link('sanctions', 'israel')).toEqual({ from: 'sanctions', to: 'israel', strength: 0.2 });
    expect(screen.queryByRole('spinbutton', { name: `Strength of ${SANCTIONS} on ${ISRAEL}` })).toBeNull();
    expect(document.activeElement).toBe(cell(SANCTIONS, ISRAEL, '0.2'));
    expect(cell(SANCTIONS, ISRAEL, '0.2').textContent?.trim()).toBe('0.2');

    await t.undo();
    expect(link('sanctions', 'israel')).toBeUndefined();
    expect(cell(SANCTIONS, ISRAEL, 'none')).toBeTruthy();
  });

  it('Enter on a cell edits its strength', async () => {
    cell(SANCTIONS, PARTNERSHIP, '0.06').focus();
    await t.user.keyboard('{Enter}');
    await retype(t.user, field(`Strength of ${SANCTIONS} on ${PARTNERSHIP}`), '-0.1');
    await t.user.keyboard('{Enter}');

    expect(link('sanctions', 'partnership')?.strength).toBe(-0.1);
    expect(cell(SANCTIONS, PARTNERSHIP, '-0.1')).toBeTruthy();
  });

  it('a strength outside −1..1 says why, is not applied, and Escape leaves the cell as it was', async () => {
    await t.user.click(cell(SANCTIONS, PARTNERSHIP, '0.06'));
    const strength = field(`Strength of ${SANCTIONS} on ${PARTNERSHIP}`);
    await retype(t.user, strength, '1.5');
    await t.user.keyboard('{Enter}');

    expect(t.doc()).toBe(t.original);
    expect(strength.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(strength.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Enter a number from -1 to 1.'
    );

    await t.user.keyboard('{Escape}');
    await t.user.keyboard('{Escape}');
    expect(screen.queryByRole('spinbutton', { name: `Strength of ${SANCTIONS} on ${PARTNERSHIP}` })).toBeNull();
    expect(cell(SANCTIONS, PARTNERSHIP, '0.06')).toBeTruthy();
    expect(t.doc()).toBe(t.original);
  });

  it('arrow keys move between cells; Delete removes the link under the cursor', async () => {
    const ARMS = 'Russian arms transfers to Iran (S-400, Su-35)';
    cell(SANCTIONS, PARTNERSHIP, '0.06').focus();
    await t.user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(cell(SANCTIONS, ARMS, 'none'));
    await t.user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(cell(PARTNERSHIP, ARMS, '0.05'));
    await t.user.keyboard('{ArrowLeft}{ArrowUp}');
    expect(document.activeElement).toBe(cell(SANCTIONS, PARTNERSHIP, '0.06'));

    await t.user.keyboard('{Delete}');
    expect(link('sanctions', 'partnership')).toBeUndefined();
    expect(t.doc().interactions).toHaveLength(t.original.interactions.length - 1);
    expect(cell(SANCTIONS, PARTNERSHIP, 'none')).toBeTruthy();

    await t.undo();
    expect(link('sanctions', 'partnership')?.strength).toBe(0.06);
    expect(cell(SANCTIONS, PARTNERSHIP, '0.06')).toBeTruthy();
  });

  it('the diagonal cannot be edited', async () => {
    const self = within(screen.getByRole('grid')).getByRole('button', { name: `${SANCTIONS} on itself: not allowed` });
    expect(self.getAttribute('aria-disabled')).toBe('true');
    await t.user.click(self);
    self.focus();
    await t.user.keyboard('{Enter}');
    expect(screen.queryByRole('spinbutton')).toBeNull();
    expect(t.doc()).toBe(t.original);
  });
});

describe('the list', () => {
  beforeEach(async () => {
    await t.user.click(screen.getByRole('button', { name: 'List' }));
  });

  const rowOf = (from: string, to: string) =>
    screen.getByRole('spinbutton', { name: `Strength of ${from} on ${to}` }).closest('tr')!;

  it('shows every link; a typed strength is applied', async () => {
    expect(screen.getByRole('button', { name: 'List' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByRole('grid')).toBeNull();
    expect(within(screen.getByTestId('interaction-list')).getAllByRole('spinbutton')).toHaveLength(
      t.original.interactions.length
    );

    await retype(t.user, field(`Strength of ${HEZBOLLAH} on ${ISRAEL}`), '1');
    expect(link('hezbollah', 'israel')?.strength).toBe(1);

    await t.undo();
    expect(link('hezbollah', 'israel')?.strength).toBe(0.05);
    expect(field(`Strength of ${HEZBOLLAH} on ${ISRAEL}`).value).toBe('0.05');
  });

  it('a strength typed from 0 ("0.15") is applied; the link, its row and the focus stay', async () => {
    const strength = field(`Strength of ${HEZBOLLAH} on ${ISRAEL}`);
    await retype(t.user, strength, '0.15');

    expect(link('hezbollah', 'israel')?.strength).toBe(0.15);
    expect(document.activeElement).toBe(field(`Strength of ${HEZBOLLAH} on ${ISRAEL}`));
    expect(t.steps()).toBe(1);

    await t.undo();
    expect(link('hezbollah', 'israel')?.strength).toBe(0.05);
  });

  it('a strength of 0 removes the link when it is committed, not while it is typed', async () => {
    const strength = field(`Strength of ${HEZBOLLAH} on ${ISRAEL}`);
    await retype(t.user, strength, '0');
    // Still typing: "0" may be the start of "0.15".
    expect(link('hezbollah', 'israel')?.strength).toBe(0.05);
    expect(strength.getAttribute('aria-invalid')).toBeNull();

    await t.user.keyboard('{Enter}');
    expect(link('hezbollah', 'israel')).toBeUndefined();
    expect(screen.queryByRole('spinbutton', { name: `Strength of ${HEZBOLLAH} on ${ISRAEL}` })).toBeNull();

    await t.undo();
    expect(link('hezbollah', 'israel')?.strength).toBe(0.05);
    expect(rowOf(HEZBOLLAH, ISRAEL)).toBeTruthy();
  });

  it('a strength of 0 left in the field removes the link on leaving it', async () => {
    await retype(t.user, field(`Strength of ${HEZBOLLAH} on ${ISRAEL}`), '0');
    await t.user.tab();
    expect(link('hezbollah', 'israel')).toBeUndefined();
  });

  it('a strength below −1 is refused with the reason', async () => {
    await retype(t.user, field(`Strength of ${HEZBOLLAH} on ${ISRAEL}`), '-2');
    expect(t.doc()).toBe(t.original);
    const strength = field(`Strength of ${HEZBOLLAH} on ${ISRAEL}`);
    expect(strength.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(strength.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Enter a number from -1 to 1.'
    );
  });

  it('Remove deletes the link and its row; undo brings both back', async () => {
    await t.user.click(screen.getByRole('button', { name: `Remove ${HEZBOLLAH} on ${ISRAEL}` }));
    expect(link('hezbollah', 'israel')).toBeUndefined();
    expect(screen.queryByRole('spinbutton', { name: `Strength of ${HEZBOLLAH} on ${ISRAEL}` })).toBeNull();

    await t.undo();
    expect(link('hezbollah', 'israel')).toEqual(
      t.original.interactions.find((i) => i.from === 'hezbollah' && i.to === 'israel')
    );
    expect(rowOf(HEZBOLLAH, ISRAEL)).toBeTruthy();
  });

  it('a new link: from, to and strength chosen, then Add link', async () => {
    const add = screen.getByRole('button', { name: 'Add link' });
    expect(add).toHaveProperty('disabled', true);

    await t.user.selectOptions(screen.getByRole('combobox', { name: 'New link from' }), HEZBOLLAH);
    await t.user.selectOptions(screen.getByRole('combobox', { name: 'New link to' }), WESTERN);
    // A factor does not act on itself: the "to" list leaves out the "from" factor.
    expect(
      within(screen.getByRole('combobox', { name: 'New link to' })).queryByRole('option', { name: HEZBOLLAH })
    ).toBeNull();
    await retype(t.user, field('New link strength'), '0.07');
    expect(add).toHaveProperty('disabled', false);
    expect(link('hezbollah', 'western')).toBeUndefined();
    await t.user.click(add);

    expect(link('hezbollah', 'western')).toEqual({ from: 'hezbollah', to: 'western', strength: 0.07 });
    expect(field(`Strength of ${HEZBOLLAH} on ${WESTERN}`).value).toBe('0.07');
    expect(field('New link strength').value).toBe('');

    await t.undo();
    expect(link('hezbollah', 'western')).toBeUndefined();
    expect(screen.queryByRole('spinbutton', { name: `Strength of ${HEZBOLLAH} on ${WESTERN}` })).toBeNull();
  });

  it('evidence: a card linked from the list shows as a chip, and unlinks', async () => {
    const row = rowOf(HEZBOLLAH, ISRAEL);
    await t.user.selectOptions(
      within(row).getByRole('combobox', { name: `Link evidence to ${HEZBOLLAH} → ${ISRAEL}` }),
      'e1'
    );
    expect(link('hezbollah', 'israel')?.evidence).toEqual(['e3', 'e1']);
    expect(
      within(rowOf(HEZBOLLAH, ISRAEL)).getByRole('button', { name: `Unlink Card e1 from ${HEZBOLLAH} → ${ISRAEL}` })
    ).toBeTruthy();

    t.nextAction();
    await t.user.click(screen.getByRole('button', { name: `Unlink Card e3 from ${HEZBOLLAH} → ${ISRAEL}` }));
    expect(link('hezbollah', 'israel')?.evidence).toEqual(['e1']);
    expect(screen.queryByRole('button', { name: `Unlink Card e3 from ${HEZBOLLAH} → ${ISRAEL}` })).toBeNull();
  });
});

describe('a link strength range (format version 2)', () => {
  it('± makes the strength a range of ±0.02, whose ends can be typed; ± again goes back to its central value', async () => {
    await t.user.click(screen.getByRole('button', { name: 'List' }));
    const name = `Strength of ${SANCTIONS} on ${PARTNERSHIP}`;
    const before = link('sanctions', 'partnership')!.strength as number;
    await t.user.click(screen.getByRole('button', { name: `${name}: uncertainty range` }));
    expect(link('sanctions', 'partnership')!.strength).toEqual({
      low: Math.round((before - 0.02) * 100) / 100,
      mode: before,
      high: Math.round((before + 0.02) * 100) / 100
    });
    t.nextAction();
    await retype(t.user, field(`${name}, high`), '0.2');
    expect(link('sanctions', 'partnership')!.strength).toMatchObject({ high: 0.2 });
    await t.user.tab();
    t.nextAction();
    await t.user.click(screen.getByRole('button', { name: `${name}: uncertainty range` }));
    expect(link('sanctions', 'partnership')!.strength).toBe(before);
    await t.undo();
    await t.undo();
    await t.undo();
    expect(link('sanctions', 'partnership')!.strength).toBe(before);
    expect(screen.queryByRole('spinbutton', { name: `${name}, high` })).toBeNull();
  });
});
