// The Evidence panel: add a card of one's own and fill it in, edit a card, link it to a factor
// and to an interaction and unlink it, delete it; checked in the store's document and on
// screen, then undone through the store.
import { screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import EvidencePanel from '../../src/renderer/src/ui/editor/EvidencePanel.svelte';
import { renderPanel, retype, type Rendered } from './harness';

let t: Rendered;
beforeEach(() => {
  t = renderPanel(EvidencePanel);
});

const card = (id: string) => t.doc().evidence.find((e) => e.id === id);
const article = (id: string) => screen.getByRole('article', { name: `Card ${id}` });
const factor = (id: string) => t.doc().factors.find((f) => f.id === id)!;
const link = (from: string, to: string) => t.doc().interactions.find((i) => i.from === from && i.to === to)!;

describe('cards', () => {
  it('shows every card, the Arabic quote right-to-left', () => {
    expect(screen.getAllByRole('article')).toHaveLength(t.original.evidence.length);
    const quote = within(article('e1')).getByText(t.original.evidence[0].quote);
    expect(quote.getAttribute('dir')).toBe('rtl');
    expect(quote.getAttribute('lang')).toBe('ar');
  });

  it('Add card: a new empty card, opened for editing with the quote focused; what is typed is its own', async () => {
    await t.user.click(screen.getByRole('button', { name: 'Add card' }));

    expect(t.doc().evidence).toHaveLength(t.original.evidence.length + 1);
    const added = t.doc().evidence.at(-1)!;
    expect(added).toMatchObject({ quote: '', source: '' });
    const own = article(added.id);
    const quote = within(own).getByRole('textbox', { name: 'Quote (Arabic)' });
    expect(document.activeElement).toBe(quote);

    t.nextAction();
    await t.user.type(quote, 'نص الاقتباس');
    t.nextAction();
    await t.user.type(within(own).getByRole('textbox', { name: 'Source' }), 'My notes, 2024');
    expect(card(added.id)).toMatchObject({ quote: 'نص الاقتباس', source: 'My notes, 2024' });

    await t.user.click(within(own).getByRole('button', { name: `Done editing Card ${added.id}` }));
    expect(within(article(added.id)).getByText('نص الاقتباس')).toBeTruthy();
    expect(within(article(added.id)).getByText('My notes, 2024')).toBeTruthy();

    await t.undo();
    await t.undo();
    await t.undo();
    expect(t.doc().evidence).toHaveLength(t.original.evidence.length);
    expect(screen.queryByRole('article', { name: `Card ${added.id}` })).toBeNull();
  });

  it('Edit: the gist and note typed are the card’s; undo puts them back', async () => {
    await t.user.click(within(article('e1')).getByRole('button', { name: 'Edit Card e1' }));
    const gist = within(article('e1')).getByRole('textbox', { name: 'Gist (English)' });
    expect(gist.getAttribute('dir')).toBe('ltr');
    await retype(t.user, gist, 'Israel prepares to respond.');
    t.nextAction();
    await retype(t.user, within(article('e1')).getByRole('textbox', { name: 'Note' }), 'Checked.');

    expect(card('e1')).toMatchObject({ gist: 'Israel prepares to respond.', note: 'Checked.' });

    await t.user.click(within(article('e1')).getByRole('button', { name: 'Done editing Card e1' }));
    expect(within(article('e1')).getByText('Israel prepares to respond.')).toBeTruthy();
    expect(within(article('e1')).getByText('Checked.')).toBeTruthy();

    await t.undo();
    await t.undo();
    expect(card('e1')).toEqual(t.original.evidence[0]);
    expect(within(article('e1')).getByText(t.original.evidence[0].gist!)).toBeTruthy();
  });

  it('delete removes the card and every link to it, says so; undo brings it all back', async () => {
    expect(factor('hezbollah').evidence).toContain('e3');
    expect(link('hezbollah', 'israel').evidence).toContain('e3');

    await t.user.click(within(article('e3')).getByRole('button', { name: 'Delete Card e3' }));

    expect(card('e3')).toBeUndefined();
    expect(factor('hezbollah').evidence ?? []).not.toContain('e3');
    expect(link('hezbollah', 'israel').evidence ?? []).not.toContain('e3');
    expect(screen.queryByRole('article', { name: 'Card e3' })).toBeNull();
    expect(t.notice.current).toMatchObject({ kind: 'deleted', text: 'Deleted “\u2068Card e3\u2069”.' });

    await t.undo();
    expect(t.doc()).toEqual(t.original);
    expect(article('e3')).toBeTruthy();
  });
});

describe('links', () => {
  it('a card linked to a factor and to an interaction shows both, and unlinks', async () => {
    const e1 = () => article('e1');
    const linkName = 'Hezbollah front → Israeli military response';
    expect(within(e1()).queryByRole('button', { name: /^Unlink Card e1 from .+ → / })).toBeNull();
    await t.user.click(within(e1()).getByRole('button', { name: 'Link… (Card e1)' }));

    await t.user.selectOptions(
      within(e1()).getByRole('combobox', { name: 'Link Card e1 to a factor' }),
      'Hezbollah front'
    );
    expect(factor('hezbollah').evidence).toEqual(['e3', 'e1']);
    expect(within(e1()).getByRole('button', { name: 'Unlink Card e1 from Hezbollah front' })).toBeTruthy();

    t.nextAction();
    await t.user.selectOptions(
      within(e1()).getByRole('combobox', { name: 'Link Card e1 to an interaction' }),
      'Hezbollah front → Israeli military response'
    );
    expect(link('hezbollah', 'israel').evidence).toEqual(['e3', 'e1']);
    expect(within(e1()).getByRole('button', { name: `Unlink Card e1 from ${linkName}` })).toBeTruthy();

    t.nextAction();
    await t.user.click(within(e1()).getByRole('button', { name: 'Unlink Card e1 from Hezbollah front' }));
    expect(factor('hezbollah').evidence).toEqual(['e3']);
    expect(within(e1()).queryByRole('button', { name: 'Unlink Card e1 from Hezbollah front' })).toBeNull();

    await t.undo();
    expect(factor('hezbollah').evidence).toEqual(['e3', 'e1']);
    await t.undo();
    await t.undo();
    expect(t.doc()).toEqual(t.original);
    expect(within(e1()).queryByRole('button', { name: `Unlink Card e1 from ${linkName}` })).toBeNull();
  });
});
