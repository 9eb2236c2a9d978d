// The Scenarios panel: the scenario list (select, compare, colour, rename, duplicate, delete,
// add) and the selected scenario's notes and per-factor start / target / pace / volatility,
// ranges and weight override; each checked in the store's document (or view) and on screen,
// then undone through the store.
import { fireEvent, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import ScenariosPanel from '../../src/renderer/src/ui/editor/ScenariosPanel.svelte';
import { pressOnSlider, renderPanel, retype, type Rendered } from './harness';

let t: Rendered;
beforeEach(() => {
  t = renderPanel(ScenariosPanel);
});

const BASELINE = 'Baseline: entrenched rivalry';
const ESCALATION = 'Escalation: axis hardens';
const DEESCALATION = 'De-escalation: managed pause';

const scenario = (id: string) => t.doc().scenarios.find((s) => s.id === id);
const slider = (name: string) => screen.getByRole('slider', { name }) as HTMLInputElement;
const field = (name: string) => screen.getByRole('spinbutton', { name }) as HTMLInputElement;
const levelsHeading = () => screen.getAllByRole('heading', { level: 3 })[0].textContent?.trim();
const isolated = (name: string) => `\u2068${name}\u2069`;
const listNames = () =>
  within(screen.getByRole('group', { name: 'Scenario to edit' }))
    .getAllByRole('radio')
    .map((r) => r.closest('label')?.textContent?.trim());

describe('choosing the scenario', () => {
  it('the radio selects a scenario (a view change, no undo step) and the levels table shows it', async () => {
    expect(levelsHeading()).toBe(`How each factor evolves in “${isolated(BASELINE)}”`);
    expect(field('Western sanctions target').value).toBe('80');

    await t.user.click(screen.getByRole('radio', { name: ESCALATION }));

    expect(t.store.getState().view.scenarioId).toBe('escalation');
    expect(t.steps()).toBe(0);
    expect(screen.getByRole('radio', { name: ESCALATION })).toHaveProperty('checked', true);
    expect(levelsHeading()).toBe(`How each factor evolves in “${isolated(ESCALATION)}”`);
    expect(field('Western sanctions target').value).toBe('85');
  });

  it('compare: unticking leaves the others compared, the last one cannot be unticked, ticking all is "all"', async () => {
    const compare = (name: string) => screen.getByRole('checkbox', { name: `Compare ${name}` }) as HTMLInputElement;
    expect(t.store.getState().view.compared).toBeNull();

    await t.user.click(compare(ESCALATION));
    expect(t.store.getState().view.compared).toEqual(['baseline', 'deescalation']);
    expect(compare(ESCALATION).checked).toBe(false);

    await t.user.click(compare(DEESCALATION));
    expect(t.store.getState().view.compared).toEqual(['baseline']);
    expect(compare(BASELINE).disabled).toBe(true);

    await t.user.click(compare(ESCALATION));
    await t.user.click(compare(DEESCALATION));
    expect(t.store.getState().view.compared).toBeNull();
    expect(compare(BASELINE).disabled).toBe(false);
    // Choosing what the charts compare is not an edit of the analysis.
    expect(t.doc()).toBe(t.original);
  });
});

describe('the selected scenario’s factors', () => {
  it('start by slider keys, target typed: applied to the selected scenario only; undo follows', async () => {
    await pressOnSlider(slider('Western sanctions start'), 'ArrowRight');
    expect(scenario('baseline')?.factors.sanctions.start).toBe(76);
    expect(field('Western sanctions start').value).toBe('76');

    t.nextAction();
    await retype(t.user, field('Western sanctions target'), '90');
    expect(scenario('baseline')?.factors.sanctions.target).toBe(90);
    expect(slider('Western sanctions target').value).toBe('90');
    expect(scenario('escalation')?.factors.sanctions).toEqual(t.original.scenarios[1].factors.sanctions);

    await t.undo();
    expect(scenario('baseline')?.factors.sanctions.target).toBe(80);
    expect(slider('Western sanctions target').value).toBe('80');
    await t.undo();
    expect(scenario('baseline')?.factors.sanctions.start).toBe(75);
    expect(slider('Western sanctions start').value).toBe('75');
  });

  it('pace and volatility typed; out of range says why and changes nothing', async () => {
    await retype(t.user, field('Western sanctions pace'), '0.25');
    expect(scenario('baseline')?.factors.sanctions.pace).toBe(0.25);

    t.nextAction();
    await retype(t.user, field('Western sanctions volatility'), '7');
    expect(scenario('baseline')?.factors.sanctions.volatility).toBe(7);
    // Leaving the field ends the edit: the next visit falls back to 7, not to the 3 before.
    await t.user.tab();

    const before = t.doc();
    t.nextAction();
    await retype(t.user, field('Western sanctions volatility'), '-1');
    expect(t.doc()).toBe(before);
    const volatility = field('Western sanctions volatility');
    expect(volatility.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(volatility.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Enter a number from 0 to 50.'
    );

    await t.undo();
    expect(scenario('baseline')?.factors.sanctions.volatility).toBe(3);
    expect(field('Western sanctions volatility').value).toBe('3');
    expect(field('Western sanctions volatility').getAttribute('aria-invalid')).toBeNull();
  });

  it('a range on a start, then its high end typed', async () => {
    await t.user.click(screen.getByRole('button', { name: 'Western sanctions start: uncertainty range' }));
    expect(scenario('baseline')?.factors.sanctions.start).toEqual({ low: 65, mode: 75, high: 85 });

    t.nextAction();
    await retype(t.user, field('Western sanctions start, high'), '90');
    expect(scenario('baseline')?.factors.sanctions.start).toEqual({ low: 65, mode: 75, high: 90 });
    expect(slider('Western sanctions start').getAttribute('aria-valuetext')).toBe('75 (65–90)');

    await t.undo();
    await t.undo();
    expect(scenario('baseline')?.factors.sanctions.start).toBe(75);
    expect(screen.queryByRole('spinbutton', { name: 'Western sanctions start, high' })).toBeNull();
  });

  it('the scenario weight: typed sets an override, emptied goes back to the factor’s weight', async () => {
    const name = 'Western sanctions weight in this scenario';
    expect(field(name).value).toBe('');
    expect(field(name).placeholder).toBe('(5)');

    await retype(t.user, field(name), '8');
    expect(scenario('baseline')?.weights).toEqual({ sanctions: 8 });
    // One visit to the field is one undo step: the next edit is a visit of its own.
    await t.user.tab();

    await t.user.clear(field(name));
    expect(scenario('baseline')?.weights?.sanctions).toBeUndefined();

    await t.undo();
    expect(scenario('baseline')?.weights).toEqual({ sanctions: 8 });
    expect(field(name).value).toBe('8');
  });

  it('an override that is a range keeps its ends around the typed value', async () => {
    await t.user.click(screen.getByRole('radio', { name: ESCALATION }));
    const name = 'Hezbollah front weight in this scenario';
    expect(field(name).value).toBe('8');
    expect(field(name).closest('td')?.textContent).toContain('6–9');

    await retype(t.user, field(name), '9.5');
    expect(scenario('escalation')?.weights?.hezbollah).toEqual({ low: 6, mode: 9.5, high: 9.5 });
    expect(field(name).closest('td')?.textContent).toContain('6–9.5');
  });

  it('a value typed into a range override widens it only as far as the value typed', async () => {
    await t.user.click(screen.getByRole('radio', { name: ESCALATION }));
    const name = 'Hezbollah front weight in this scenario';
    // "5" on the way to "5.5" would move the low end to 5.
    await retype(t.user, field(name), '5.5');
    expect(scenario('escalation')?.weights?.hezbollah).toEqual({ low: 5.5, mode: 5.5, high: 9 });
    expect(field(name).closest('td')?.textContent).toContain('5.5–9');
    expect(t.steps()).toBe(1);
    await t.undo();
    expect(scenario('escalation')?.weights?.hezbollah).toEqual({ low: 6, mode: 8, high: 9 });
  });

  it('notes are typed into the selected scenario', async () => {
    const notes = screen.getByRole('textbox', { name: `Notes on ${BASELINE}` }) as HTMLTextAreaElement;
    const before = scenario('baseline')?.notes ?? '';
    await t.user.click(notes);
    await t.user.keyboard('{Control>}{End}{/Control} Revisit in March.');

    expect(scenario('baseline')?.notes).toBe(`${before} Revisit in March.`);
    expect(t.steps()).toBe(1);

    await t.undo();
    expect(scenario('baseline')?.notes).toBe(before);
    expect((screen.getByRole('textbox', { name: `Notes on ${BASELINE}` }) as HTMLTextAreaElement).value).toBe(before);
  });
});

describe('the scenario list', () => {
  it('colour: a new colour from the picker is the scenario’s', async () => {
    const colour = screen.getByLabelText(`${ESCALATION} colour`) as HTMLInputElement;
    // A colour picker cannot be typed into: the browser sets its value and fires input.
    await fireEvent.input(colour, { target: { value: '#123456' } });

    expect(scenario('escalation')?.color).toBe('#123456');
    await t.undo();
    expect(scenario('escalation')?.color).toBe('#d55e00');
    expect((screen.getByLabelText(`${ESCALATION} colour`) as HTMLInputElement).value).toBe('#d55e00');
  });

  it('add: a new scenario, selected, with its rename form open', async () => {
    await t.user.click(screen.getByRole('button', { name: 'Add scenario' }));

    const added = t.doc().scenarios.at(-1)!;
    expect(t.doc().scenarios).toHaveLength(4);
    // Named in the interface language only: the Arabic side is left for a translation.
    expect(added.name).toEqual({ en: 'Scenario 4', ar: '' });
    expect(Object.keys(added.factors).sort()).toEqual(
      t
        .doc()
        .factors.map((f) => f.id)
        .sort()
    );
    expect(t.store.getState().view.scenarioId).toBe(added.id);
    expect(screen.getByRole('radio', { name: 'Scenario 4 needs translation' })).toHaveProperty('checked', true);
    expect(screen.getByRole('form', { name: 'Rename “Scenario 4”' })).toBeTruthy();

    await t.undo();
    expect(t.doc().scenarios).toHaveLength(3);
    expect(screen.queryByRole('radio', { name: /^Scenario 4/ })).toBeNull();
  });

  it('a new scenario takes an id from its first name, stays selected, the focus on its pencil', async () => {
    await t.user.click(screen.getByRole('button', { name: 'Add scenario' }));
    expect(t.doc().scenarios.at(-1)!.id).toBe('scenario1');
    const form = screen.getByRole('form', { name: 'Rename “Scenario 4”' });
    await retype(t.user, within(form).getByRole('textbox', { name: 'Name in English' }), 'Wider war');
    await t.user.click(within(form).getByRole('button', { name: 'Apply' }));

    expect(t.doc().scenarios.at(-1)).toMatchObject({ id: 'wider-war', name: { en: 'Wider war', ar: '' } });
    expect(t.store.getState().view.scenarioId).toBe('wider-war');
    expect(screen.getByRole('radio', { name: 'Wider war needs translation' })).toHaveProperty('checked', true);
    await tick();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rename Wider war' }));
    // Named again: the id stays.
    t.nextAction();
    await t.user.click(screen.getByRole('button', { name: 'Rename Wider war' }));
    const again = screen.getByRole('form', { name: 'Rename “Wider war”' });
    await retype(t.user, within(again).getByRole('textbox', { name: 'Name in Arabic' }), 'حرب أوسع');
    await t.user.click(within(again).getByRole('button', { name: 'Apply' }));
    expect(t.doc().scenarios.at(-1)).toMatchObject({ id: 'wider-war', name: { en: 'Wider war', ar: 'حرب أوسع' } });

    await t.undo();
    await t.undo();
    expect(t.doc().scenarios.at(-1)!.id).toBe('scenario1');
    expect(t.store.getState().view.scenarioId).toBe('scenario1');
  });

  it('duplicate: a copy right after the original, with the same events (ids too), selected', async () => {
    await t.user.click(screen.getByRole('button', { name: `Duplicate ${BASELINE}` }));

    const copy = t.doc().scenarios[1];
    // The copy is named in the interface language only: an Arabic "(نسخة)" would stay behind
    // as a stale translation once the copy is renamed in English.
    expect(copy.name).toEqual({ en: `${BASELINE} (copy)`, ar: '' });
    expect(copy.factors).toEqual(t.original.scenarios[0].factors);
    expect(copy.events.map((e) => e.label)).toEqual(t.original.scenarios[0].events.map((e) => e.label));
    // The same real-world events: an outcome recorded of one applies to the copy too.
    expect(copy.events.map((e) => e.id)).toEqual(t.original.scenarios[0].events.map((e) => e.id));
    const copyName = `${BASELINE} (copy) needs translation`;
    expect(listNames()).toEqual([BASELINE, copyName, ESCALATION, DEESCALATION]);
    expect(screen.getByRole('radio', { name: copyName })).toHaveProperty('checked', true);
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: copyName }));

    await t.undo();
    expect(listNames()).toEqual([BASELINE, ESCALATION, DEESCALATION]);
  });

  it('rename in both languages', async () => {
    await t.user.click(screen.getByRole('button', { name: `Rename ${ESCALATION}` }));
    const form = screen.getByRole('form', { name: `Rename “${ESCALATION}”` });
    await retype(t.user, within(form).getByRole('textbox', { name: 'Name in English' }), 'Escalation');
    await retype(t.user, within(form).getByRole('textbox', { name: 'Name in Arabic' }), 'التصعيد');
    await t.user.click(within(form).getByRole('button', { name: 'Apply' }));

    expect(scenario('escalation')?.name).toEqual({ en: 'Escalation', ar: 'التصعيد' });
    expect(listNames()).toEqual([BASELINE, 'Escalation', DEESCALATION]);
    expect(screen.queryByRole('form')).toBeNull();

    await t.undo();
    expect(listNames()).toEqual([BASELINE, ESCALATION, DEESCALATION]);
  });

  it('delete: the scenario goes, the deletion is said; undo brings it back; the last one cannot be deleted', async () => {
    await t.user.click(screen.getByRole('radio', { name: ESCALATION }));
    await t.user.click(screen.getByRole('button', { name: `Delete ${ESCALATION}` }));

    expect(scenario('escalation')).toBeUndefined();
    expect(listNames()).toEqual([BASELINE, DEESCALATION]);
    // The selection moves to the scenario that took its place.
    expect(t.store.getState().view.scenarioId).toBe('deescalation');
    expect(levelsHeading()).toBe(`How each factor evolves in “${isolated(DEESCALATION)}”`);
    expect(t.notice.current).toMatchObject({ kind: 'deleted', text: `Deleted “${isolated(ESCALATION)}”.` });

    await t.undo();
    expect(t.doc()).toEqual(t.original);
    expect(listNames()).toEqual([BASELINE, ESCALATION, DEESCALATION]);

    t.nextAction();
    await t.user.click(screen.getByRole('button', { name: `Delete ${ESCALATION}` }));
    t.nextAction();
    await t.user.click(screen.getByRole('button', { name: `Delete ${DEESCALATION}` }));
    expect(screen.getByRole('button', { name: `Delete ${BASELINE}` })).toHaveProperty('disabled', true);
    expect(t.doc().scenarios.map((s) => s.id)).toEqual(['baseline']);
  });
});

describe('click a name to rename', () => {
  const nameIn = (name: string) =>
    screen.getByRole('radio', { name }).closest('li')!.querySelector<HTMLElement>('[data-action="rename-by-name"]')!;

  it('the first click on a name selects its scenario; a click on the selected one’s name opens its rename form', async () => {
    await t.user.click(nameIn(ESCALATION));
    expect(t.store.getState().view.scenarioId).toBe('escalation');
    expect(screen.queryByRole('form')).toBeNull();

    await t.user.click(nameIn(ESCALATION));
    const form = screen.getByRole('form', { name: `Rename “${ESCALATION}”` });
    expect(document.activeElement).toBe(within(form).getByRole('textbox', { name: 'Name in English' }));
    expect(nameIn(ESCALATION).closest('[title]')?.getAttribute('title')).toBe('Click to rename');
    expect(t.steps()).toBe(0);
  });
});

describe('correlations (format version 2)', () => {
  const section = () => within(screen.getByTestId('scenario-correlations'));
  const ARMS = 'Russian arms transfers to Iran (S-400, Su-35) target';
  const ISRAEL = 'Israeli military response target';

  it('pairs two ranges of the scenario, sets their rank, and removes the pair; each one undo step', async () => {
    expect(section().getByText('No correlations: the ranges of this scenario are drawn independently.')).toBeTruthy();
    // Only ranges are offered: the sanctions target is a plain number in the baseline.
    const first = section().getByRole('combobox', { name: 'First range' }) as HTMLSelectElement;
    expect([...first.options].map((o) => o.value)).not.toContain('sanctions.target');
    expect([...first.options].map((o) => o.value)).toContain('arms.target');
    await t.user.selectOptions(first, 'arms.target');
    await t.user.selectOptions(section().getByRole('combobox', { name: 'Second range' }), 'israel.target');
    await t.user.click(section().getByRole('button', { name: 'Add correlation' }));
    expect(scenario('baseline')?.correlations).toEqual([{ between: ['arms.target', 'israel.target'], rank: 0.5 }]);
    t.nextAction();

    await retype(t.user, field(`Rank correlation of ${ARMS} and ${ISRAEL}`), '-0.3');
    expect(scenario('baseline')?.correlations?.[0].rank).toBe(-0.3);
    await t.user.tab();
    t.nextAction();
    // ±1 would make one a copy of the other: refused, and said.
    await retype(t.user, field(`Rank correlation of ${ARMS} and ${ISRAEL}`), '1');
    expect(scenario('baseline')?.correlations?.[0].rank).toBe(-0.3);
    expect(field(`Rank correlation of ${ARMS} and ${ISRAEL}`).getAttribute('aria-invalid')).toBe('true');
    await t.user.tab();
    t.nextAction();

    await t.user.click(section().getByRole('button', { name: `Remove the correlation of ${ARMS} and ${ISRAEL}` }));
    expect(scenario('baseline')).not.toHaveProperty('correlations');
    await t.undo();
    expect(scenario('baseline')?.correlations?.[0].rank).toBe(-0.3);
    await t.undo();
    await t.undo();
    expect(scenario('baseline')).not.toHaveProperty('correlations');
  });
});

describe('pace and volatility ranges (format version 2)', () => {
  it('± makes a pace a range around it, whose ends can be typed; its central value typed keeps them', async () => {
    const name = 'Western sanctions pace';
    await t.user.click(screen.getByRole('button', { name: `${name}: uncertainty range` }));
    const pace = scenario('baseline')?.factors.sanctions.pace;
    expect(typeof pace).toBe('object');
    const range = pace as { low: number; mode: number; high: number };
    expect(range.low).toBeLessThan(range.mode);
    expect(range.high).toBeGreaterThan(range.mode);
    t.nextAction();
    await retype(t.user, field(`${name}, high`), '0.5');
    expect(scenario('baseline')?.factors.sanctions.pace).toMatchObject({ high: 0.5 });
    await t.user.tab();
    t.nextAction();
    await retype(t.user, field(name), '0.2');
    expect(scenario('baseline')?.factors.sanctions.pace).toEqual({ low: range.low, mode: 0.2, high: 0.5 });
    await t.undo();
    await t.undo();
    await t.undo();
    expect(scenario('baseline')?.factors.sanctions.pace).toBe(t.original.scenarios[0].factors.sanctions.pace);
  });
});
