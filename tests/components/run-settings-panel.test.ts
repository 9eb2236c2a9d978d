// The Run settings panel: runs, seed, horizon (applied on Enter), first month and the band
// thresholds; invalid values give a clear message and leave the document as it was.
import { fireEvent, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import RunSettingsPanel from '../../src/renderer/src/ui/editor/RunSettingsPanel.svelte';
import { renderPanel, retype, type Rendered } from './harness';

let t: Rendered;
beforeEach(() => {
  t = renderPanel(RunSettingsPanel);
});

const field = (name: string) => screen.getByRole('spinbutton', { name }) as HTMLInputElement;
const messageOf = (input: HTMLElement) => document.getElementById(input.getAttribute('aria-describedby')!)?.textContent;
const monthField = () => screen.getByLabelText('First month') as HTMLInputElement;

describe('simulation', () => {
  it('runs typed are applied as one undo step; undo puts the field back', async () => {
    expect(field('Monte Carlo runs').value).toBe('5000');
    await retype(t.user, field('Monte Carlo runs'), '20000');

    expect(t.doc().simulation.runs).toBe(20000);
    expect(t.steps()).toBe(1);

    await t.undo();
    expect(t.doc().simulation.runs).toBe(5000);
    expect(field('Monte Carlo runs').value).toBe('5000');
  });

  it('runs that are not a whole number of 0–200,000 are refused with the reason', async () => {
    await retype(t.user, field('Monte Carlo runs'), '-1');
    expect(t.doc()).toBe(t.original);
    expect(field('Monte Carlo runs').getAttribute('aria-invalid')).toBe('true');
    expect(messageOf(field('Monte Carlo runs'))).toBe('Enter a whole number from 0 to 200,000.');
  });

  it('runs typed beyond the limit keep the runs from before the typing; Escape shows them again', async () => {
    // "25000" on the way to "250000" is valid, and applied as typed: it must not stay.
    await retype(t.user, field('Monte Carlo runs'), '250000');
    expect(t.doc().simulation.runs).toBe(5000);
    expect(field('Monte Carlo runs').value).toBe('250000');
    expect(messageOf(field('Monte Carlo runs'))).toBe('Enter a whole number from 0 to 200,000.');

    await t.user.keyboard('{Escape}');
    expect(field('Monte Carlo runs').value).toBe('5000');
    expect(field('Monte Carlo runs').getAttribute('aria-invalid')).toBeNull();
    expect(t.doc().simulation.runs).toBe(5000);

    // The visit ended where it began: no undo step, and the very document from before.
    await t.user.tab();
    expect(t.steps()).toBe(0);
    expect(t.doc()).toBe(t.original);
  });

  it('typing in a field is one undo step however slowly it is typed', async () => {
    const runs = field('Monte Carlo runs');
    await t.user.click(runs);
    await t.user.keyboard('{Backspace}{Backspace}{Backspace}{Backspace}');
    for (const digit of '12000') {
      t.nextAction();
      await t.user.keyboard(digit);
    }
    await t.user.tab();
    expect(t.doc().simulation.runs).toBe(12000);
    expect(t.steps()).toBe(1);

    await t.undo();
    expect(t.doc().simulation.runs).toBe(5000);
  });

  it('a seed typed beyond the limit falls back to the seed from before the typing', async () => {
    await retype(t.user, field('Random seed'), '42949672950');
    expect(t.doc().simulation.seed).toBe(20241011);
    // Leaving the field: the entry and its message stay (nothing reverts silently), the document
    // is the one from before; Escape abandons the entry.
    await t.user.tab();
    expect(field('Random seed').value).toBe('42949672950');
    expect(field('Random seed').getAttribute('aria-invalid')).toBe('true');
    expect(t.doc()).toBe(t.original);
    await t.user.click(field('Random seed'));
    await t.user.keyboard('{Escape}');
    expect(field('Random seed').value).toBe('20241011');
    expect(field('Random seed').getAttribute('aria-invalid')).toBeNull();
  });

  it('the seed typed is applied; a negative seed is refused', async () => {
    await retype(t.user, field('Random seed'), '42');
    expect(t.doc().simulation.seed).toBe(42);
    // Leaving the field ends the edit: the next visit falls back to 42, not to the seed before.
    await t.user.tab();

    const before = t.doc();
    t.nextAction();
    await retype(t.user, field('Random seed'), '-7');
    expect(t.doc()).toBe(before);
    expect(messageOf(field('Random seed'))).toBe('Enter a whole number from 0 to 4,294,967,295.');

    await t.undo();
    expect(t.doc().simulation.seed).toBe(20241011);
    expect(field('Random seed').value).toBe('20241011');
  });
});

describe('time', () => {
  it('the horizon applies on Enter only, moves later events to the new last month and says how many', async () => {
    await retype(t.user, field('Horizon in months'), '6');
    // Typed but not applied yet: "12" would otherwise pass through a horizon of 1.
    expect(t.doc().horizonMonths).toBe(24);
    await t.user.keyboard('{Enter}');

    expect(t.doc().horizonMonths).toBe(6);
    const months = t.doc().scenarios.flatMap((s) => s.events.map((e) => e.month));
    expect(Math.max(...months)).toBe(6);
    // Later than month 6 in the file: bl-s400 (12), es-nuclear (9), de-sanctions-talks (8).
    expect(screen.getByRole('status').textContent).toBe('3 events after month 6 moved to month 6.');

    await t.undo();
    expect(t.doc()).toEqual(t.original);
    expect(field('Horizon in months').value).toBe('24');
  });

  it('a horizon of 0 or 121 says why on typing and is never applied', async () => {
    await retype(t.user, field('Horizon in months'), '0');
    expect(messageOf(field('Horizon in months'))).toBe('Enter a whole number from 1 to 120.');
    await t.user.keyboard('{Enter}');
    expect(t.doc()).toBe(t.original);

    await retype(t.user, field('Horizon in months'), '121');
    await t.user.keyboard('{Enter}');
    expect(t.doc()).toBe(t.original);
    expect(field('Horizon in months').getAttribute('aria-invalid')).toBe('true');
  });

  it('the first month is chosen; an emptied month is refused with the reason', async () => {
    expect(monthField().value).toBe('2024-10');
    // A month field is a picker: the browser sets the value and fires change.
    await fireEvent.change(monthField(), { target: { value: '2025-03' } });
    expect(t.doc().startMonth).toBe('2025-03');

    const before = t.doc();
    await fireEvent.change(monthField(), { target: { value: '' } });
    expect(t.doc()).toBe(before);
    expect(monthField().getAttribute('aria-invalid')).toBe('true');
    expect(messageOf(monthField())).toBe('Choose a month.');

    await t.undo();
    expect(t.doc().startMonth).toBe('2024-10');
    expect(monthField().value).toBe('2024-10');
  });
});

describe('bands', () => {
  it('a threshold out of order keeps the band from before the typing, not the "5" of "55"', async () => {
    await retype(t.user, field('Elevated from'), '55');
    expect(t.doc().thresholds).toEqual({ elevated: 25, high: 50, crisis: 75 });
    expect(messageOf(field('Elevated from'))).toBe('The bands must rise: elevated below high, high below crisis.');

    await t.user.tab();
    expect(field('Elevated from').value).toBe('55');
    expect(messageOf(field('Elevated from'))).toBe('The bands must rise: elevated below high, high below crisis.');
    expect(t.doc()).toBe(t.original);
  });

  it('a threshold typed moves its band; bands out of order are refused with the reason', async () => {
    await retype(t.user, field('High from'), '60');
    expect(t.doc().thresholds).toEqual({ elevated: 25, high: 60, crisis: 75 });
    expect((screen.getByText('elevated') as HTMLElement).style.inlineSize).toBe('35%');

    const before = t.doc();
    t.nextAction();
    // Crisis below high: each keystroke ("4", "40") is refused.
    await retype(t.user, field('Crisis from'), '40');
    expect(t.doc()).toBe(before);
    expect(messageOf(field('Crisis from'))).toBe('The bands must rise: elevated below high, high below crisis.');

    await t.undo();
    expect(t.doc().thresholds).toEqual({ elevated: 25, high: 50, crisis: 75 });
    expect(field('High from').value).toBe('50');
  });
});

describe('sampling (format version 2)', () => {
  it('switches to Latin hypercube and back; random leaves the file as it was', async () => {
    const select = screen.getByRole('combobox', { name: 'Sampling' }) as HTMLSelectElement;
    expect(select.value).toBe('random');
    await t.user.selectOptions(select, 'Latin hypercube: each range spread evenly over the runs');
    expect(t.doc().simulation).toEqual({ ...t.original.simulation, sampling: 'latin-hypercube' });
    t.nextAction();
    await t.user.selectOptions(select, 'Random: each run draws on its own');
    expect(t.doc().simulation).toEqual(t.original.simulation);
    await t.undo();
    expect(select.value).toBe('latin-hypercube');
  });
});
