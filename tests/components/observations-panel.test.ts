// The Observations panel on tests/fixtures/v2/tracked.mizan (four observations, two scenarios
// with prior probabilities): the list by month, adding a reading, editing each field in place,
// a change of kind, evidence links, deleting with Undo, refusals said next to their field, the
// prior odds, and the panel in Arabic. Checked in the store's document and on screen.
import { fireEvent, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import ObservationsPanel from '../../src/renderer/src/ui/editor/ObservationsPanel.svelte';
import { renderPanel, retype, type Rendered } from './harness';

const TRACKED = 'tests/fixtures/v2/tracked.mizan';

let t: Rendered;
const observation = (id: string) => t.doc().observations?.find((o) => o.id === id);
const card = (name: string) => screen.getByRole('article', { name });
const cardNames = () => screen.getAllByRole('article').map((a) => a.getAttribute('aria-label'));
/** The message a field points to with aria-describedby ('' when none). */
const messageOf = (field: HTMLElement) =>
  document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent ?? '';

async function setMonth(field: HTMLElement, month: string) {
  (field as HTMLInputElement).value = month;
  await fireEvent.change(field);
}

describe('in English', () => {
  beforeEach(() => {
    t = renderPanel(ObservationsPanel, { fixture: TRACKED });
  });

  it('lists the observations by month, each with what it is about and what was seen', () => {
    expect(cardNames()).toEqual([
      'Tension index, Mar 2025',
      'Western sanctions, Jun 2025',
      'S-400 delivery, Dec 2025',
      'Resumed talks, Oct 2026'
    ]);
    const index = card('Tension index, Mar 2025');
    expect(index.textContent).toContain('Reading of the index');
    expect(index.textContent).toContain('55 ± 6');
    // No σ in the file: the default.
    expect(card('Western sanctions, Jun 2025').textContent).toContain('70 ± 5');
    expect(card('S-400 delivery, Dec 2025').textContent).toContain('did not happen');
    expect(card('Resumed talks, Oct 2026').textContent).toContain('happened');
    expect(within(index).getByRole('textbox', { name: 'Note in English' })).toHaveProperty(
      'value',
      'A judgement, not a measurement.'
    );
    expect(screen.getByText(/weighs each scenario’s runs by how well they agree with what was recorded/)).toBeTruthy();
  });

  it('Add observation: a reading of the index the month after the first, its month field focused; undo takes it back', async () => {
    await t.user.click(screen.getByRole('button', { name: 'Add observation' }));

    expect(t.doc().observations).toHaveLength(5);
    expect(observation('obs1')).toEqual({ id: 'obs1', kind: 'index', month: '2024-11', value: 50 });
    const added = card('Tension index, Nov 2024');
    expect(cardNames()[0]).toBe('Tension index, Nov 2024');
    expect(document.activeElement).toBe(within(added).getByLabelText('Month'));
    expect(within(added).getByLabelText('Month')).toMatchObject({ min: '2024-10', max: '2026-10' });

    await t.undo();
    expect(t.doc()).toEqual(t.original);
    expect(screen.queryByRole('article', { name: 'Tension index, Nov 2024' })).toBeNull();
  });

  it('edits a reading in place: month, value, σ (empty: the default), note; each an undo step', async () => {
    const own = () => card(cardNames().find((n) => n!.startsWith('Tension index'))!);
    await setMonth(within(own()).getByLabelText('Month'), '2025-05');
    expect(observation('t-2025-03')!.month).toBe('2025-05');
    expect(cardNames()[0]).toBe('Tension index, May 2025');

    t.nextAction();
    await retype(t.user, within(own()).getByRole('spinbutton', { name: 'Value (0–100)' }), '62');
    expect(observation('t-2025-03')).toMatchObject({ value: 62 });
    expect(own().textContent).toContain('62 ± 6');

    t.nextAction();
    const sigma = within(own()).getByRole('spinbutton', { name: 'Uncertainty ± σ' });
    await retype(t.user, sigma, '');
    expect(observation('t-2025-03')).not.toHaveProperty('uncertainty');
    expect(sigma.getAttribute('placeholder')).toBe('5');
    expect(own().textContent).toContain('62 ± 5');

    t.nextAction();
    await retype(t.user, within(own()).getByRole('textbox', { name: 'Note in Arabic' }), 'قراءة جديدة');
    expect(observation('t-2025-03')!.note).toEqual({ en: 'A judgement, not a measurement.', ar: 'قراءة جديدة' });

    const steps = t.steps();
    expect(steps).toBe(4);
    for (let k = 0; k < steps; k++) await t.undo();
    expect(t.doc()).toEqual(t.original);
    expect(within(own()).getByRole('spinbutton', { name: 'Value (0–100)' })).toHaveProperty('value', '55');
  });

  it('a change of kind: to a factor reading (keeps the value), another factor, then an event outcome', async () => {
    const kind = () => within(screen.getAllByRole('article')[0]).getByRole('combobox', { name: 'Kind' });
    await t.user.selectOptions(kind(), 'Reading of a factor');
    expect(observation('t-2025-03')).toMatchObject({
      kind: 'factor',
      factor: 'israel-iran',
      value: 55,
      uncertainty: 6
    });
    const asFactor = card('Israel–Iran confrontation, Mar 2025');

    t.nextAction();
    await t.user.selectOptions(within(asFactor).getByRole('combobox', { name: 'Factor' }), 'Diplomatic channels');
    expect(observation('t-2025-03')).toMatchObject({ kind: 'factor', factor: 'diplomacy' });

    t.nextAction();
    await t.user.selectOptions(kind(), 'Outcome of an event');
    expect(observation('t-2025-03')).toEqual({
      id: 't-2025-03',
      kind: 'event',
      month: '2025-03',
      event: 's400',
      occurred: true,
      note: { en: 'A judgement, not a measurement.', ar: 'تقدير لا قياس.' }
    });
    const asEvent = card('S-400 delivery, Mar 2025');
    expect(within(asEvent).queryByRole('spinbutton')).toBeNull();

    t.nextAction();
    await t.user.selectOptions(within(asEvent).getByRole('combobox', { name: 'Event' }), 'Resumed talks');
    t.nextAction();
    await t.user.selectOptions(
      within(card('Resumed talks, Mar 2025')).getByRole('combobox', { name: 'Did it happen?' }),
      'No, it did not'
    );
    expect(observation('t-2025-03')).toMatchObject({ event: 'talks', occurred: false });
    expect(card('Resumed talks, Mar 2025').textContent).toContain('did not happen');

    t.nextAction();
    await t.user.selectOptions(kind(), 'Reading of the index');
    expect(observation('t-2025-03')).toMatchObject({ kind: 'index', value: 50 });

    for (let k = 0; k < 6; k++) await t.undo();
    expect(t.doc()).toEqual(t.original);
  });

  it('links evidence to an observation and unlinks it', async () => {
    const index = () => card('Tension index, Mar 2025');
    expect(within(index()).getByText('None yet.')).toBeTruthy();
    await t.user.selectOptions(
      within(index()).getByRole('combobox', { name: 'Link evidence to Tension index, Mar 2025' }),
      'e2'
    );
    expect(observation('t-2025-03')!.evidence).toEqual(['e2']);

    t.nextAction();
    const talks = card('Resumed talks, Oct 2026');
    await t.user.click(within(talks).getByRole('button', { name: 'Unlink Card e1 from Resumed talks, Oct 2026' }));
    expect(observation('talks-held')).not.toHaveProperty('evidence');

    await t.undo();
    await t.undo();
    expect(t.doc()).toEqual(t.original);
  });

  it('delete: gone, "Deleted …" with Undo, and undo brings it back', async () => {
    await t.user.click(screen.getByRole('button', { name: 'Delete Western sanctions, Jun 2025' }));
    expect(observation('sanctions-2025-06')).toBeUndefined();
    expect(screen.queryByRole('article', { name: 'Western sanctions, Jun 2025' })).toBeNull();
    expect(t.notice.current).toMatchObject({
      kind: 'deleted',
      text: 'Deleted “\u2068Western sanctions, Jun 2025\u2069”.'
    });

    await t.undo();
    expect(t.doc()).toEqual(t.original);
    expect(card('Western sanctions, Jun 2025')).toBeTruthy();
  });

  it('refusals are said next to the field, and the document keeps its value', async () => {
    const index = card('Tension index, Mar 2025');
    const month = within(index).getByLabelText('Month');
    await setMonth(month, '2027-01');
    expect(observation('t-2025-03')!.month).toBe('2025-03');
    expect(month.getAttribute('aria-invalid')).toBe('true');
    expect(messageOf(month)).toBe(
      'Choose a month within the timeline (its first month and horizon are in the run settings).'
    );
    // A month that fits clears the message.
    await setMonth(month, '2025-04');
    expect(month.getAttribute('aria-invalid')).toBeNull();
    expect(observation('t-2025-03')!.month).toBe('2025-04');

    t.nextAction();
    const sigma = within(card('Tension index, Apr 2025')).getByRole('spinbutton', { name: 'Uncertainty ± σ' });
    await retype(t.user, sigma, '0');
    expect(observation('t-2025-03')).toMatchObject({ uncertainty: 6 });
    expect(messageOf(sigma)).toBe('Enter a number above 0, at most 100.');

    t.nextAction();
    const value = within(card('Tension index, Apr 2025')).getByRole('spinbutton', { name: 'Value (0–100)' });
    await retype(t.user, value, '120');
    expect(observation('t-2025-03')).toMatchObject({ value: 55 });
    expect(messageOf(value)).toBe('Enter a number from 0 to 100.');
  });
});

describe('prior odds', () => {
  beforeEach(() => {
    t = renderPanel(ObservationsPanel, { fixture: TRACKED });
  });
  const prior = (id: string) => t.doc().scenarios.find((s) => s.id === id)!.probability;

  it('one field per scenario in %, with its share of the total; empty takes the mean of the others', async () => {
    const baseline = screen.getByRole('spinbutton', { name: 'Prior odds of Baseline' });
    expect(baseline).toHaveProperty('value', '60');
    expect(screen.getByText('60% of the total')).toBeTruthy();

    await retype(t.user, baseline, '20');
    expect(prior('baseline')).toBe(0.2);
    // 0.2 against 0.4: a third.
    expect(screen.getByText('33.3% of the total')).toBeTruthy();

    t.nextAction();
    await retype(t.user, screen.getByRole('spinbutton', { name: 'Prior odds of De-escalation' }), '');
    expect(t.doc().scenarios[1]).not.toHaveProperty('probability');
    expect(screen.getAllByText('50% of the total')).toHaveLength(2);

    await t.undo();
    await t.undo();
    expect(t.doc()).toEqual(t.original);
  });

  it('all of them at zero is refused, and said', async () => {
    await retype(t.user, screen.getByRole('spinbutton', { name: 'Prior odds of Baseline' }), '0');
    expect(prior('baseline')).toBe(0);
    t.nextAction();
    const other = screen.getByRole('spinbutton', { name: 'Prior odds of De-escalation' });
    await retype(t.user, other, '0');
    expect(prior('deescalation')).toBe(0.4);
    expect(messageOf(other)).toBe('At least one scenario needs prior odds above zero.');
  });
});

describe('in Arabic', () => {
  beforeEach(() => {
    t = renderPanel(ObservationsPanel, { fixture: TRACKED, language: 'ar' });
  });

  it('names every card and field in Arabic; the Arabic note is right-to-left', () => {
    const names = cardNames();
    expect(names[0]).toMatch(/^مؤشر التوتر، /);
    expect(names[1]).toMatch(/^العقوبات الغربية، /);
    expect(names[3]).toMatch(/^استئناف المحادثات، /);
    const index = card(names[0]!);
    expect(within(index).getByLabelText('الشهر')).toBeTruthy();
    expect(within(index).getByRole('combobox', { name: 'النوع' })).toHaveProperty('value', 'index');
    expect(within(index).getByRole('option', { name: 'قراءة للمؤشر' })).toBeTruthy();
    expect(within(index).getByRole('spinbutton', { name: 'القيمة (0–100)' })).toBeTruthy();
    const arabicNote = within(index).getByRole('textbox', { name: 'الملاحظة بالعربية' });
    expect(arabicNote.getAttribute('dir')).toBe('rtl');
    expect(arabicNote).toHaveProperty('value', 'تقدير لا قياس.');
    expect(within(index).getByRole('textbox', { name: 'الملاحظة بالإنجليزية' }).getAttribute('dir')).toBe('ltr');
    expect(within(card(names[2]!)).getByRole('combobox', { name: 'هل وقع؟' })).toHaveProperty('value', 'no');
    expect(screen.getByRole('button', { name: 'إضافة مشاهدة' })).toBeTruthy();
    expect(screen.getByRole('spinbutton', { name: 'الاحتمال المسبق: المسار الأساسي' })).toBeTruthy();
    expect(screen.queryByText(/Reading of/)).toBeNull();
  });

  it('adds a reading and edits its value as in English; a refused month is said in Arabic', async () => {
    await t.user.click(screen.getByRole('button', { name: 'إضافة مشاهدة' }));
    const added = card(cardNames()[0]!);
    await retype(t.user, within(added).getByRole('spinbutton', { name: 'القيمة (0–100)' }), '42');
    expect(observation('obs1')).toMatchObject({ kind: 'index', month: '2024-11', value: 42 });

    const month = within(added).getByLabelText('الشهر');
    await setMonth(month, '2024-09');
    expect(observation('obs1')!.month).toBe('2024-11');
    expect(messageOf(month)).toBe('اختر شهرًا ضمن الخط الزمني (شهره الأول وأفقه في إعدادات التشغيل).');
  });
});
