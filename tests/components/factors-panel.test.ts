// The Factors panel, driven as a person would: sliders by keys, weights typed, direction,
// ranges, add, rename in both languages, reorder, delete; each time the document in the store
// and what the panel shows, then undo through the store and the panel following.
import { screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import FactorsPanel from '../../src/renderer/src/ui/editor/FactorsPanel.svelte';
import { pressOnSlider, renderPanel, retype, type Rendered } from './harness';

let t: Rendered;
beforeEach(() => {
  t = renderPanel(FactorsPanel);
});

const factor = (id: string) => t.doc().factors.find((f) => f.id === id);
const slider = (name: string) => screen.getByRole('slider', { name }) as HTMLInputElement;
const field = (name: string) => screen.getByRole('spinbutton', { name }) as HTMLInputElement;
const rowOf = (label: string) => screen.getByRole('rowheader', { name: label }).closest('tr')!;
const rowLabels = () => screen.getAllByRole('rowheader').map((th) => th.textContent?.trim());

describe('weight', () => {
  it('arrow keys on the slider move the mode of the range, in one undo step', async () => {
    const weight = slider('Western sanctions weight');
    expect(weight.value).toBe('5');

    await pressOnSlider(weight, 'ArrowRight');
    await pressOnSlider(weight, 'ArrowRight');

    expect(factor('sanctions')?.weight).toEqual({ low: 4, mode: 5.2, high: 7 });
    expect(weight.getAttribute('aria-valuetext')).toBe('5.2 (4–7)');
    expect(field('Western sanctions weight').value).toBe('5.2');
    expect(t.steps()).toBe(1);

    await t.undo();
    expect(factor('sanctions')?.weight).toEqual({ low: 4, mode: 5, high: 7 });
    expect(slider('Western sanctions weight').value).toBe('5');
    expect(field('Western sanctions weight').value).toBe('5');
  });

  it('End on the slider goes to 10 and widens the range to hold it', async () => {
    await pressOnSlider(slider('Western sanctions weight'), 'End');
    expect(factor('sanctions')?.weight).toEqual({ low: 4, mode: 10, high: 10 });
    expect(slider('Western sanctions weight').getAttribute('aria-valuetext')).toBe('10 (4–10)');
  });

  it('a typed value is applied and the slider follows', async () => {
    const name = 'Russia–Iran strategic partnership weight';
    await retype(t.user, field(name), '7.5');

    expect(factor('partnership')?.weight).toBe(7.5);
    expect(slider(name).value).toBe('7.5');
    expect(field(name).getAttribute('aria-invalid')).toBeNull();

    await t.undo();
    expect(factor('partnership')?.weight).toBe(5);
    expect(slider(name).value).toBe('5');
    expect(field(name).value).toBe('5');
  });

  it('a typed value out of 0–10 says why and changes nothing; Escape puts the stored value back', async () => {
    const name = 'Russia–Iran strategic partnership weight';
    // "-2": no prefix of it is a weight ("12" would apply 1 on the way, by design: values apply as typed).
    await retype(t.user, field(name), '-2');

    expect(factor('partnership')?.weight).toBe(5);
    expect(t.doc()).toBe(t.original);
    const input = field(name);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(input.getAttribute('aria-describedby')!);
    expect(message?.textContent).toBe('Enter a number from 0 to 10.');

    await t.user.keyboard('{Escape}');
    expect(field(name).value).toBe('5');
    expect(field(name).getAttribute('aria-invalid')).toBeNull();
  });

  it('a weight typed out of range does not leave a valid beginning of it behind', async () => {
    const name = 'Russia–Iran strategic partnership weight';
    // "1" is a weight, "12" is not: while the field says why, the document keeps the 5 it had.
    await retype(t.user, field(name), '12');
    expect(factor('partnership')?.weight).toBe(5);
    expect(slider(name).value).toBe('5');
    expect(field(name).value).toBe('12');
    expect(field(name).getAttribute('aria-invalid')).toBe('true');

    // Leaving the field keeps the entry and its message (nothing reverts silently); the document
    // keeps its 5 and nothing was recorded.
    await t.user.tab();
    expect(field(name).value).toBe('12');
    expect(field(name).getAttribute('aria-invalid')).toBe('true');
    expect(factor('partnership')?.weight).toBe(5);
    expect(t.steps()).toBe(0);
    // Corrected: applied, and the message goes.
    await retype(t.user, field(name), '7');
    expect(factor('partnership')?.weight).toBe(7);
    expect(field(name).getAttribute('aria-invalid')).toBeNull();
  });

  it('a central value typed into a range widens it only as far as the value typed', async () => {
    const name = 'Western sanctions weight';
    // "3" on the way to "3.5" would move the low end to 3.
    await retype(t.user, field(name), '3.5');
    expect(factor('sanctions')?.weight).toEqual({ low: 3.5, mode: 3.5, high: 7 });

    await t.user.tab();
    t.nextAction();
    // "1" on the way to "12" would leave a low end of 1 behind.
    await retype(t.user, field(name), '12');
    expect(factor('sanctions')?.weight).toEqual({ low: 3.5, mode: 3.5, high: 7 });
    await t.user.keyboard('{Escape}');
    expect(field(name).value).toBe('3.5');
    // The second visit ended where it began: it leaves no undo step.
    await t.user.tab();
    expect(t.steps()).toBe(1);

    await t.undo();
    expect(factor('sanctions')?.weight).toEqual({ low: 4, mode: 5, high: 7 });
  });
});

describe('share of the index', () => {
  /** w / Σw from the document, worked here apart from the panel, as "9.4%". */
  const expectedShare = (id: string) => {
    const central = (w: number | { mode: number }) => (typeof w === 'number' ? w : w.mode);
    const total = t.doc().factors.reduce((sum, f) => sum + central(f.weight), 0);
    return `${(Math.round((1000 * central(factor(id)!.weight)) / total) / 10).toString()}%`;
  };
  const shareOf = (label: string) => within(rowOf(label)).getByTestId('weight-share');

  it('shows each weight over the sum of the weights, and follows an edit of any weight', async () => {
    const sanctions = shareOf('Western sanctions');
    expect(sanctions.textContent).toBe(`${expectedShare('sanctions')} of the index`);
    expect(sanctions.getAttribute('aria-label')).toBe(`Western sanctions: ${expectedShare('sanctions')} of the index`);
    expect(sanctions.title).toBe(
      "T is a weighted average: more weight on a factor moves T toward that factor's own level."
    );
    const before = sanctions.textContent;

    // Another factor's weight changes the total, so this share too.
    await retype(t.user, field('Israeli military response weight'), '2');
    expect(factor('israel')?.weight).toEqual({ low: 2, mode: 2, high: 10 });
    expect(shareOf('Western sanctions').textContent).toBe(`${expectedShare('sanctions')} of the index`);
    expect(shareOf('Western sanctions').textContent).not.toBe(before);
    expect(shareOf('Israeli military response').textContent).toBe(`${expectedShare('israel')} of the index`);
  });

  it('speaks Arabic in Arabic', () => {
    t = renderPanel(FactorsPanel, { language: 'ar' });
    const share = screen.getAllByTestId('weight-share').at(-1)!;
    expect(share.textContent).toMatch(/ من المؤشر$/);
    expect(share.title).toBe('المؤشر T متوسط مرجّح: زيادة وزن عامل تقرّب T من مستوى ذلك العامل نفسه.');
  });

  it('the shares add up to the whole index', () => {
    const shares = screen.getAllByTestId('weight-share').map((el) => parseFloat(el.textContent!));
    expect(shares).toHaveLength(t.doc().factors.length);
    // Each is rounded to 0.1 %: the sum is 100 within half a tenth per factor.
    expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 100)).toBeLessThanOrEqual(0.05 * shares.length);
  });
});

describe('direction', () => {
  it('the toggle switches the direction and says the new one', async () => {
    await t.user.click(screen.getByRole('button', { name: 'Western sanctions direction: Raises tension' }));

    expect(factor('sanctions')?.direction).toBe(-1);
    expect(screen.getByRole('button', { name: 'Western sanctions direction: Lowers tension' })).toBeTruthy();

    await t.undo();
    expect(factor('sanctions')?.direction).toBe(1);
    expect(screen.getByRole('button', { name: 'Western sanctions direction: Raises tension' })).toBeTruthy();
  });
});

describe('range', () => {
  const name = 'Russia–Iran strategic partnership weight';

  it('± turns a plain weight into a range around it, whose ends can be typed', async () => {
    const toggle = screen.getByRole('button', { name: `${name}: uncertainty range` });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(screen.queryByRole('spinbutton', { name: `${name}, low` })).toBeNull();

    await t.user.click(toggle);
    expect(factor('partnership')?.weight).toEqual({ low: 4, mode: 5, high: 6 });
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(field(`${name}, low`).value).toBe('4');
    expect(field(`${name}, high`).value).toBe('6');

    t.nextAction();
    await retype(t.user, field(`${name}, low`), '3');
    expect(factor('partnership')?.weight).toEqual({ low: 3, mode: 5, high: 6 });
    expect(slider(name).getAttribute('aria-valuetext')).toBe('5 (3–6)');

    await t.undo();
    expect(factor('partnership')?.weight).toEqual({ low: 4, mode: 5, high: 6 });
    await t.undo();
    expect(factor('partnership')?.weight).toBe(5);
    expect(screen.queryByRole('spinbutton', { name: `${name}, low` })).toBeNull();
  });

  it('a low end above the central value is refused with the reason', async () => {
    await t.user.click(screen.getByRole('button', { name: `${name}: uncertainty range` }));
    const before = t.doc();

    await retype(t.user, field(`${name}, low`), '6');

    expect(t.doc()).toBe(before);
    const low = field(`${name}, low`);
    expect(low.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(low.getAttribute('aria-describedby')!)?.textContent).toBe(
      'The low end must not be above the central value (5).'
    );
  });

  it('a range can be PERT; its ends typed later keep the shape, and undo makes it triangular again', async () => {
    await t.user.click(screen.getByRole('button', { name: `${name}: uncertainty range` }));
    t.nextAction();
    const shape = screen.getByRole('combobox', { name: `${name}: shape of the range` }) as HTMLSelectElement;
    expect(shape.value).toBe('triangular');
    await t.user.selectOptions(shape, 'PERT');
    expect(factor('partnership')?.weight).toEqual({ low: 4, mode: 5, high: 6, shape: 'pert' });
    t.nextAction();
    await retype(t.user, field(`${name}, high`), '8');
    expect(factor('partnership')?.weight).toEqual({ low: 4, mode: 5, high: 8, shape: 'pert' });
    await t.undo();
    await t.undo();
    expect(factor('partnership')?.weight).toEqual({ low: 4, mode: 5, high: 6 });
    expect(shape.value).toBe('triangular');
  });

  it('± on a range goes back to its central value', async () => {
    await t.user.click(screen.getByRole('button', { name: 'Western sanctions weight: uncertainty range' }));
    expect(factor('sanctions')?.weight).toBe(5);
    expect(screen.queryByRole('spinbutton', { name: 'Western sanctions weight, low' })).toBeNull();
  });
});

describe('add, rename, reorder, delete', () => {
  it('Add factor appends one, with an entry in every scenario, and opens its rename form', async () => {
    await t.user.click(screen.getByRole('button', { name: 'Add factor' }));

    const added = t.doc().factors.at(-1)!;
    expect(t.doc().factors).toHaveLength(t.original.factors.length + 1);
    // Named in the interface language only: the Arabic side waits for a translation.
    expect(added.label).toEqual({ en: 'New factor 11', ar: '' });
    for (const s of t.doc().scenarios) expect(s.factors[added.id]).toBeDefined();
    expect(slider('New factor 11 weight').value).toBe('5');
    const form = screen.getByRole('form', { name: 'Rename “New factor 11”' });
    expect(within(form).getByRole('textbox', { name: 'Name in English' })).toBe(document.activeElement);

    await t.undo();
    expect(t.doc().factors).toHaveLength(t.original.factors.length);
    expect(screen.queryByRole('slider', { name: 'New factor 11 weight' })).toBeNull();
  });

  it('rename in English and Arabic: Enter applies both, the row shows the new name', async () => {
    await t.user.click(screen.getByRole('button', { name: 'Rename Hezbollah front' }));
    const form = screen.getByRole('form', { name: 'Rename “Hezbollah front”' });
    await retype(t.user, within(form).getByRole('textbox', { name: 'Name in English' }), 'Lebanese front');
    await retype(t.user, within(form).getByRole('textbox', { name: 'Name in Arabic' }), 'الجبهة اللبنانية');
    await t.user.keyboard('{Enter}');

    expect(factor('hezbollah')?.label).toEqual({ en: 'Lebanese front', ar: 'الجبهة اللبنانية' });
    expect(screen.queryByRole('form')).toBeNull();
    expect(rowOf('Lebanese front')).toBeTruthy();
    expect(slider('Lebanese front weight')).toBeTruthy();
    // The focus goes back to the row's Rename button.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rename Lebanese front' }));

    await t.undo();
    expect(factor('hezbollah')?.label.en).toBe('Hezbollah front');
    expect(rowOf('Hezbollah front')).toBeTruthy();
  });

  it('a name empty in both languages is refused with the reason; Escape cancels', async () => {
    await t.user.click(screen.getByRole('button', { name: 'Rename Hezbollah front' }));
    const form = screen.getByRole('form', { name: 'Rename “Hezbollah front”' });
    await t.user.clear(within(form).getByRole('textbox', { name: 'Name in English' }));
    await t.user.clear(within(form).getByRole('textbox', { name: 'Name in Arabic' }));
    await t.user.click(within(form).getByRole('button', { name: 'Apply' }));

    expect(t.doc()).toBe(t.original);
    expect(within(form).getByText('Give a name in English or in Arabic.')).toBeTruthy();
    expect(within(form).getByRole('textbox', { name: 'Name in English' }).getAttribute('aria-invalid')).toBe('true');

    within(form).getByRole('textbox', { name: 'Name in English' }).focus();
    await t.user.keyboard('{Escape}');
    expect(screen.queryByRole('form')).toBeNull();
    expect(t.doc()).toBe(t.original);
  });

  it('move up and down reorder the rows; the first row cannot move up', async () => {
    expect(screen.getByRole('button', { name: 'Move Western sanctions up' })).toHaveProperty('disabled', true);
    const before = rowLabels();
    const index = before.indexOf('Hezbollah front');

    await t.user.click(screen.getByRole('button', { name: 'Move Hezbollah front up' }));

    const ids = t.doc().factors.map((f) => f.id);
    expect(ids.indexOf('hezbollah')).toBe(index - 1);
    expect(ids.indexOf('israel')).toBe(index);
    expect(rowLabels()[index - 1]).toBe('Hezbollah front');
    expect(rowLabels()[index]).toBe('Israeli military response');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Hezbollah front up' }));

    t.nextAction();
    await t.user.click(screen.getByRole('button', { name: 'Move Western sanctions down' }));
    expect(
      t
        .doc()
        .factors.slice(0, 2)
        .map((f) => f.id)
    ).toEqual(['partnership', 'sanctions']);
    expect(rowLabels().slice(0, 2)).toEqual(['Russia–Iran strategic partnership', 'Western sanctions']);

    await t.undo();
    await t.undo();
    expect(rowLabels()).toEqual(before);
    expect(t.doc().factors.map((f) => f.id)).toEqual(t.original.factors.map((f) => f.id));
  });

  it('delete removes the factor, its interactions and scenario entries, says so; undo brings it all back', async () => {
    const linked = t.original.interactions.filter((i) => i.from === 'hezbollah' || i.to === 'hezbollah');
    expect(linked.length).toBeGreaterThan(0);

    await t.user.click(screen.getByRole('button', { name: 'Delete Hezbollah front' }));

    expect(factor('hezbollah')).toBeUndefined();
    expect(t.doc().interactions.filter((i) => i.from === 'hezbollah' || i.to === 'hezbollah')).toEqual([]);
    for (const s of t.doc().scenarios) expect(s.factors.hezbollah).toBeUndefined();
    expect(screen.queryByRole('rowheader', { name: 'Hezbollah front' })).toBeNull();
    expect(t.notice.current).toMatchObject({ kind: 'deleted', text: 'Deleted “\u2068Hezbollah front\u2069”.' });
    expect(t.notice.current?.after).toBe(t.doc());

    await t.undo();
    expect(t.doc()).toEqual(t.original);
    expect(rowOf('Hezbollah front')).toBeTruthy();
  });
});

describe('evidence under a factor', () => {
  it('the count opens the cards; a card linked from the list shows, and unlinks', async () => {
    const toggle = screen.getByRole('button', { name: 'Evidence for Hezbollah front: 1' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await t.user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('article', { name: 'Card e3' })).toBeTruthy();

    await t.user.selectOptions(screen.getByRole('combobox', { name: 'Link evidence to Hezbollah front' }), 'e1');

    expect(factor('hezbollah')?.evidence).toEqual(['e3', 'e1']);
    expect(screen.getByRole('button', { name: 'Evidence for Hezbollah front: 2' })).toBeTruthy();
    expect(screen.getByRole('article', { name: 'Card e1' })).toBeTruthy();

    t.nextAction();
    await t.user.click(screen.getByRole('button', { name: 'Unlink Card e3 from Hezbollah front' }));
    expect(factor('hezbollah')?.evidence).toEqual(['e1']);
    expect(screen.queryByRole('article', { name: 'Card e3' })).toBeNull();

    await t.undo();
    await t.undo();
    expect(factor('hezbollah')?.evidence).toEqual(['e3']);
    expect(screen.getByRole('button', { name: 'Evidence for Hezbollah front: 1' })).toBeTruthy();
  });
});

describe('click a name to rename', () => {
  it('a click on a factor’s name opens its rename form, the field of the interface language focused', async () => {
    const name = within(rowOf('Hezbollah front')).getByText('Hezbollah front');
    expect(name.closest('button')?.title).toBe('Click to rename');
    await t.user.click(name);
    const form = screen.getByRole('form', { name: 'Rename “Hezbollah front”' });
    expect(document.activeElement).toBe(within(form).getByRole('textbox', { name: 'Name in English' }));
    await retype(t.user, document.activeElement as HTMLElement, 'Lebanese front');
    await t.user.keyboard('{Enter}');
    expect(factor('hezbollah')?.label.en).toBe('Lebanese front');
    // The name is no second tab stop: the pencil is the keyboard's way.
    expect(name.closest('button')?.tabIndex).toBe(-1);
  });

  it('in Arabic too', async () => {
    t.unmount();
    const ar = renderPanel(FactorsPanel, { language: 'ar' });
    const label = ar.doc().factors.find((f) => f.id === 'hezbollah')!.label.ar;
    const name = within(screen.getByRole('rowheader', { name: label })).getByText(label);
    expect(name.closest('button')?.title).toBe('انقر لإعادة التسمية');
    await ar.user.click(name);
    const form = screen.getByRole('form', { name: `إعادة تسمية «${label}»` });
    expect(document.activeElement).toBe(within(form).getByRole('textbox', { name: 'الاسم بالعربية' }));
  });
});
