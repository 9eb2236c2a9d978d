// The Events panel: the selected scenario's timeline (markers moved by keys) and table (add,
// edit month / factor / shift / probability / labels, delete), checked in the store's document
// and on screen, then undone through the store.
import { screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import EventsPanel from '../../src/renderer/src/ui/editor/EventsPanel.svelte';
import { renderPanel, retype, type Rendered } from './harness';

let t: Rendered;
beforeEach(() => {
  t = renderPanel(EventsPanel);
});

const KAZAN = 'BRICS Kazan summit: partnership declaration';
const STRIKE = 'Israeli retaliatory strike on Iran';

const event = (scenarioId: string, id: string) =>
  t
    .doc()
    .scenarios.find((s) => s.id === scenarioId)
    ?.events.find((e) => e.id === id);
const marker = (label: string) =>
  within(screen.getByTestId('event-timeline')).getByRole('button', { name: new RegExp(`^${label}: month`) });
const field = (name: string) => screen.getByRole('spinbutton', { name }) as HTMLInputElement;
const messageOf = (input: HTMLElement) => document.getElementById(input.getAttribute('aria-describedby')!)?.textContent;

describe('the timeline', () => {
  it('shows the selected scenario; the picker chooses another', async () => {
    expect(screen.getByRole('region', { name: 'Timeline of Baseline: entrenched rivalry' })).toBeTruthy();
    expect(within(screen.getByTestId('event-timeline')).getAllByRole('button')).toHaveLength(4);

    await t.user.selectOptions(screen.getByRole('combobox', { name: 'Scenario' }), 'Escalation: axis hardens');

    expect(t.store.getState().view.scenarioId).toBe('escalation');
    expect(screen.getByRole('region', { name: 'Timeline of Escalation: axis hardens' })).toBeTruthy();
    expect(within(screen.getByTestId('event-timeline')).getAllByRole('button')).toHaveLength(5);
    expect(marker('Hezbollah front flares again')).toBeTruthy();
  });

  it('arrow keys move a marker a month, Home/End to the ends; one run of keys is one undo step', async () => {
    marker(KAZAN).focus();
    await t.user.keyboard('{ArrowRight}{ArrowRight}');

    expect(event('baseline', 'bl-kazan')?.month).toBe(3);
    expect(marker(KAZAN).dataset.month).toBe('3');
    expect(marker(KAZAN).getAttribute('aria-label')).toMatch(new RegExp(`^${KAZAN}: month 3 `));
    expect(marker(KAZAN).getAttribute('aria-pressed')).toBe('true');
    expect(field(`${KAZAN} month`).value).toBe('3');
    expect(t.steps()).toBe(1);

    t.nextAction();
    await t.user.keyboard('{End}');
    expect(event('baseline', 'bl-kazan')?.month).toBe(24);
    t.nextAction();
    await t.user.keyboard('{ArrowLeft}');
    expect(event('baseline', 'bl-kazan')?.month).toBe(23);

    await t.undo();
    await t.undo();
    await t.undo();
    expect(event('baseline', 'bl-kazan')?.month).toBe(1);
    expect(marker(KAZAN).dataset.month).toBe('1');
    expect(field(`${KAZAN} month`).value).toBe('1');
  });
});

describe('the table', () => {
  it('month, shift and probability typed; the marker says the new values', async () => {
    await retype(t.user, field(`${KAZAN} month`), '5');
    t.nextAction();
    await retype(t.user, field(`${KAZAN} shift`), '-20');
    t.nextAction();
    // Probabilities are typed in % (the file keeps 0–1).
    expect(field(`${KAZAN} probability`).value).toBe('90');
    await retype(t.user, field(`${KAZAN} probability`), '35');

    expect(event('baseline', 'bl-kazan')).toMatchObject({ month: 5, shift: -20, probability: 0.35 });
    expect(marker(KAZAN).getAttribute('aria-label')).toMatch(
      /: month 5 \(.+\), Russia–Iran strategic partnership -20 points, probability 35%$/
    );

    await t.undo();
    expect(event('baseline', 'bl-kazan')?.probability).toBe(0.9);
    await t.undo();
    expect(event('baseline', 'bl-kazan')?.shift).toBe(10);
    expect(field(`${KAZAN} shift`).value).toBe('10');
  });

  it('values out of range say why and change nothing: month 0, probability above 100 %', async () => {
    // One keystroke each: a longer entry applies its valid beginnings as it is typed (see the report).
    await retype(t.user, field(`${KAZAN} month`), '0');
    expect(t.doc()).toBe(t.original);
    const month = field(`${KAZAN} month`);
    expect(month.getAttribute('aria-invalid')).toBe('true');
    expect(messageOf(month)).toBe('Enter a whole number from 1 to 24.');

    // "1" and "10" apply on the way; "101" cannot, and the document goes back to 70 %.
    await retype(t.user, field(`${STRIKE} probability`), '101');
    expect(event('baseline', 'bl-israel-strike')?.probability).toBe(0.7);
    expect(messageOf(field(`${STRIKE} probability`))).toBe('Enter a number from 0 to 100.');
    expect(marker(STRIKE).getAttribute('aria-label')).toMatch(/probability 70%$/);
  });

  it('a value that cannot apply stays on screen with its message after the focus leaves, until Escape', async () => {
    const probability = () => field(`${STRIKE} probability`);
    await retype(t.user, probability(), '150');
    // "1" and "15" applied on the way; "150" cannot: the document is back at 70 %.
    expect(event('baseline', 'bl-israel-strike')?.probability).toBe(0.7);
    await t.user.tab();
    expect(probability()).not.toBe(document.activeElement);
    expect(probability().value).toBe('150');
    expect(probability().getAttribute('aria-invalid')).toBe('true');
    expect(messageOf(probability())).toBe('Enter a number from 0 to 100.');
    expect(event('baseline', 'bl-israel-strike')?.probability).toBe(0.7);

    await t.user.click(probability());
    await t.user.keyboard('{Escape}');
    expect(probability().value).toBe('70');
    expect(probability().getAttribute('aria-invalid')).toBeNull();
  });

  it('the factor is chosen from the list', async () => {
    await t.user.selectOptions(screen.getByRole('combobox', { name: `${KAZAN} factor` }), 'Hezbollah front');
    expect(event('baseline', 'bl-kazan')?.factor).toBe('hezbollah');
    expect(marker(KAZAN).getAttribute('aria-label')).toContain('Hezbollah front +10 points');
  });

  it('labels are edited in both languages; emptying both is refused with the reason', async () => {
    await retype(t.user, screen.getByRole('textbox', { name: `${KAZAN} label in English` }), 'Kazan summit');
    expect(event('baseline', 'bl-kazan')?.label.en).toBe('Kazan summit');
    expect(marker('Kazan summit')).toBeTruthy();

    t.nextAction();
    const arabic = screen.getByRole('textbox', { name: 'Kazan summit label in Arabic' });
    expect(arabic.getAttribute('dir')).toBe('rtl');
    expect(arabic.getAttribute('lang')).toBe('ar');
    await retype(t.user, arabic, 'قمة قازان');
    expect(event('baseline', 'bl-kazan')?.label).toEqual({ en: 'Kazan summit', ar: 'قمة قازان' });

    t.nextAction();
    await t.user.clear(screen.getByRole('textbox', { name: 'Kazan summit label in Arabic' }));
    const before = t.doc();
    await t.user.clear(screen.getByRole('textbox', { name: 'Kazan summit label in English' }));
    // The English field, emptied while the Arabic one is empty too: refused, and said.
    expect(t.doc()).toBe(before);
    expect(event('baseline', 'bl-kazan')?.label.en).toBe('Kazan summit');
    const english = screen.getByRole('textbox', { name: 'Kazan summit label in English' });
    expect(english.getAttribute('aria-invalid')).toBe('true');
    expect(messageOf(english)).toBe('Give a name in English or in Arabic.');
  });

  it('Add event: a new event in month 1 of the selected scenario, its English label focused', async () => {
    await t.user.click(screen.getByRole('button', { name: 'Add event' }));

    const events = t.doc().scenarios[0].events;
    expect(events).toHaveLength(5);
    const added = events.find((e) => !t.original.scenarios[0].events.some((o) => o.id === e.id))!;
    expect(added).toMatchObject({
      label: { en: 'New event', ar: '' },
      month: 1,
      factor: 'sanctions',
      shift: 10,
      probability: 0.5
    });
    expect(marker('New event')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'New event label in English' }));
    // The other scenarios are untouched.
    expect(t.doc().scenarios.slice(1)).toEqual(t.original.scenarios.slice(1));

    await t.undo();
    expect(t.doc().scenarios[0].events).toHaveLength(4);
    expect(screen.queryByRole('button', { name: /^New event: month/ })).toBeNull();
  });

  it('a new event takes an id from its name when the focus leaves its rows, one undo step with the typing', async () => {
    await t.user.click(screen.getByRole('button', { name: 'Add event' }));
    const input = document.activeElement as HTMLInputElement;
    expect(input.getAttribute('data-label')).toBe('en');
    t.nextAction();
    await t.user.keyboard('Port strike');
    // Typed a keystroke at a time: the id does not change, the field keeps the focus.
    expect(t.doc().scenarios[0].events.at(-1)).toMatchObject({ id: 'event1', label: { en: 'Port strike' } });
    expect(document.activeElement).toBe(input);
    await t.user.tab();
    // Within the event's rows (its Arabic name): still the automatic id.
    expect(document.activeElement?.getAttribute('data-label')).toBe('ar');
    expect(t.doc().scenarios[0].events.at(-1)!.id).toBe('event1');
    t.nextAction();
    await t.user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add event' }));
    expect(t.doc().scenarios[0].events.at(-1)!.id).toBe('port-strike');
    expect(marker('Port strike').dataset.event).toBe('port-strike');
    expect(t.steps()).toBe(2);

    await t.undo();
    expect(t.doc().scenarios[0].events.at(-1)).toMatchObject({ id: 'event1', label: { en: 'New event' } });
  });

  it('an event named in Arabic gets a transliterated id; its marker keeps the focus it was given', async () => {
    t.unmount();
    const ar = renderPanel(EventsPanel, { language: 'ar' });
    await ar.user.click(screen.getByRole('button', { name: 'إضافة حدث' }));
    const input = document.activeElement as HTMLInputElement;
    expect(input.getAttribute('data-label')).toBe('ar');
    await ar.user.keyboard('إضراب الميناء');
    expect(ar.doc().scenarios[0].events.at(-1)!.id).toBe('event1');
    within(screen.getByTestId('event-timeline'))
      .getByRole('button', { name: /^إضراب الميناء/ })
      .focus();
    // The panel gives the focus to the marker drawn afresh in a task of its own: after it.
    await new Promise((done) => setTimeout(done));
    expect(ar.doc().scenarios[0].events.at(-1)).toMatchObject({ id: 'adrab-al-myna', label: { ar: 'إضراب الميناء' } });
    expect((document.activeElement as HTMLElement).dataset.event).toBe('adrab-al-myna');
    expect(document.activeElement?.classList.contains('marker')).toBe(true);
  });

  it('leaving an event whose name was not typed, or that has a name, keeps its id', async () => {
    screen.getByRole('textbox', { name: `${KAZAN} label in English` }).focus();
    await t.user.tab();
    await t.user.tab();
    await t.user.click(screen.getByRole('button', { name: 'Add event' }));
    await t.user.tab();
    await t.user.tab();
    expect(t.doc().scenarios[0].events.map((e) => e.id)).toEqual([
      ...t.original.scenarios[0].events.map((e) => e.id),
      'event1'
    ]);
    await retype(t.user, screen.getByRole('textbox', { name: `${KAZAN} label in English` }), 'Kazan');
    await t.user.tab();
    await t.user.tab();
    expect(event('baseline', 'bl-kazan')?.label.en).toBe('Kazan');
  });

  it('delete removes the event and its marker, says so; undo brings it back', async () => {
    await t.user.click(screen.getByRole('button', { name: `Delete event ${STRIKE}` }));

    expect(event('baseline', 'bl-israel-strike')).toBeUndefined();
    expect(screen.queryByRole('button', { name: new RegExp(`^${STRIKE}: month`) })).toBeNull();
    expect(t.notice.current).toMatchObject({ kind: 'deleted', text: `Deleted “\u2068${STRIKE}\u2069”.` });

    await t.undo();
    expect(t.doc()).toEqual(t.original);
    expect(marker(STRIKE)).toBeTruthy();
  });
});

describe('copy an event to other scenarios', () => {
  it('copies the event into the ticked scenarios under its own id, in one undo step', async () => {
    const source = event('baseline', 'bl-kazan')!;
    await t.user.click(screen.getByRole('button', { name: `Copy ${KAZAN} to other scenarios` }));
    const form = screen.getByRole('group', { name: `Copy “${KAZAN}” to` });
    // Every scenario but the one the event is in.
    expect(
      within(form)
        .getAllByRole('checkbox')
        .map((c) => c.closest('label')?.textContent?.trim())
    ).toEqual(['Escalation: axis hardens', 'De-escalation: managed pause']);
    const apply = within(form).getByRole('button', { name: 'Copy' });
    expect((apply as HTMLButtonElement).disabled).toBe(true);

    await t.user.click(within(form).getByRole('checkbox', { name: 'Escalation: axis hardens' }));
    await t.user.click(within(form).getByRole('checkbox', { name: 'De-escalation: managed pause' }));
    await t.user.click(apply);

    // The same real-world event in every scenario: one id (format version 2).
    expect(event('escalation', 'bl-kazan')).toEqual(source);
    expect(event('deescalation', 'bl-kazan')).toEqual(source);
    expect(event('baseline', 'bl-kazan')).toEqual(source);
    expect(t.steps()).toBe(1);
    expect(t.notice.current?.text).toBe('Copied “\u2068' + KAZAN + '\u2069” to 2 scenarios.');
    expect(screen.queryByTestId('event-copy')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: `Copy ${KAZAN} to other scenarios` }));

    await t.undo();
    expect(t.doc()).toBe(t.original);
  });

  it('Cancel copies nothing', async () => {
    await t.user.click(screen.getByRole('button', { name: `Copy ${STRIKE} to other scenarios` }));
    const form = screen.getByRole('group', { name: `Copy “${STRIKE}” to` });
    await t.user.click(within(form).getByRole('checkbox', { name: 'Escalation: axis hardens' }));
    await t.user.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('event-copy')).toBeNull();
    expect(t.doc()).toBe(t.original);
  });

  it('is offered in Arabic too', async () => {
    t.unmount();
    const ar = renderPanel(EventsPanel, { language: 'ar' });
    const name = 'قمة البريكس في قازان: إعلان الشراكة الاستراتيجية';
    await ar.user.click(screen.getByRole('button', { name: `نسخ ${name} إلى سيناريوهات أخرى` }));
    const form = screen.getByRole('group', { name: `نسخ «${name}» إلى` });
    await ar.user.click(within(form).getByRole('checkbox', { name: 'التصعيد: تصلّب المحور' }));
    await ar.user.click(within(form).getByRole('button', { name: 'نسخ' }));
    expect(ar.doc().scenarios[1].events.at(-1)).toMatchObject({ id: 'bl-kazan', label: { ar: name } });
    expect(ar.notice.current?.text).toBe(`نُسخ «\u2068${name}\u2069» إلى سيناريو واحد.`);
  });
});

describe('how long an event lasts and when it can happen (format version 2)', () => {
  const S400 = 'S-400 delivery to Iran reported';
  const kindOf = (label: string) =>
    screen.getByRole('combobox', { name: `How long ${label} lasts` }) as HTMLSelectElement;
  const conditionOf = (label: string) =>
    screen.getByRole('combobox', { name: `When ${label} can happen` }) as HTMLSelectElement;

  it('makes an event lasting, and conditional on an earlier one, showing what its probability comes to; undo takes both back', async () => {
    expect(kindOf(STRIKE).value).toBe('pulse');
    await t.user.selectOptions(kindOf(STRIKE), 'Lasting: moves the target');
    expect(event('baseline', 'bl-israel-strike')?.kind).toBe('target');
    t.nextAction();

    // Only earlier events can be conditions: the first event offers none, the last all three before it.
    expect(
      within(conditionOf(KAZAN))
        .getAllByRole('option')
        .map((o) => o.textContent)
    ).toEqual(['Whatever else happens']);
    expect(within(conditionOf(S400)).getAllByRole('option')).toHaveLength(7);
    await t.user.selectOptions(conditionOf(S400), `Only if “${STRIKE}” did not happen`);
    expect(event('baseline', 'bl-s400')?.condition).toEqual({ event: 'bl-israel-strike', occurred: false });
    // 25 % given no strike, and the strike has 70 %: 7.5 % overall.
    expect(screen.getByTestId('event-overall').textContent).toBe('7.5% overall');

    await t.undo();
    expect(event('baseline', 'bl-s400')).not.toHaveProperty('condition');
    expect(screen.queryByTestId('event-overall')).toBeNull();
    await t.undo();
    expect(event('baseline', 'bl-israel-strike')).not.toHaveProperty('kind');
    expect(kindOf(STRIKE).value).toBe('pulse');
  });

  it('deleting the event a condition names leaves the other event without it', async () => {
    await t.user.selectOptions(conditionOf(S400), `Only if “${STRIKE}” happened`);
    t.nextAction();
    await t.user.click(screen.getByRole('button', { name: `Delete event ${STRIKE}` }));
    expect(event('baseline', 'bl-s400')).not.toHaveProperty('condition');
    expect(conditionOf(S400).value).toBe('');
  });
});
