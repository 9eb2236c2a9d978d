// Import factors from a spreadsheet, driven as a person would in the Factors panel: pick a real
// CSV (tests/fixtures/import), read the preview — what is added, what changes, each problem by
// row and column, in English and in Arabic — then Apply (one undo step) or Cancel (nothing changes).
import { readFileSync } from 'node:fs';
import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import FactorsPanel from '../../src/renderer/src/ui/editor/FactorsPanel.svelte';
import { renderPanel, type Rendered } from './harness';

const fixture = (name: string, as = name) =>
  new File([readFileSync(`tests/fixtures/import/${name}`)], as, { type: 'text/csv' });

/** A CSV made here: the default analysis's "arms" factor changed, and a new factor. */
const CSV = [
  'id,label_en,label_ar,direction,weight',
  'arms,Russian arms to Iran,نقل الأسلحة الروسية إلى إيران,1,9',
  'oil,Oil prices,أسعار النفط,-1,2.5',
  'bad id,Bad,,1,3',
  'gas,Gas,الغاز,1,12'
].join('\n');

async function pick(t: Rendered, file: File) {
  await t.user.upload(screen.getByTestId('import-file'), file);
  return await screen.findByTestId('import-preview');
}

describe('import factors from a spreadsheet', () => {
  it('previews what would be added and changed and names each problem, changing nothing yet', async () => {
    const t = renderPanel(FactorsPanel);
    const preview = await pick(t, new File([CSV], 'factors.csv', { type: 'text/csv' }));

    expect(within(preview).getByRole('heading', { level: 2 }).textContent).toContain('factors.csv');
    expect(screen.getByTestId('import-summary').textContent).toBe('1 new · 1 changed · 0 unchanged · 2 problems');
    const added = within(screen.getByTestId('import-added')).getAllByRole('row').slice(1);
    const cells = (row: HTMLElement) => Array.from(row.children, (cell) => cell.textContent?.trim()).join(' | ');
    expect(added.map(cells)).toEqual(['3 | oil | Oil prices | ▼ lowers | 2.5']);
    const changed = screen.getByTestId('import-changed').textContent!;
    // The default analysis weighs "arms" 7 in a range 5–9 and names it "Russian arms transfers to Iran (…)".
    expect(changed).toContain('Weight: 7 (5–9) → 9');
    expect(changed).toContain('Russian arms to Iran');
    const problems = within(screen.getByTestId('import-problems'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(problems).toEqual([
      'Row 4, column \u2068id\u2069: an id starts with a letter and uses only letters, digits, “_” and “-” (at most 64) (found “\u2068bad id\u2069”).',
      'Row 5, column \u2068weight\u2069: must be a number from 0 to 10 (found “\u206812\u2069”).'
    ]);
    expect(t.doc()).toBe(t.original);
    expect(t.steps()).toBe(0);
  });

  it('Apply imports in one undo step; undo puts every factor back', async () => {
    const t = renderPanel(FactorsPanel);
    await pick(t, new File([CSV], 'factors.csv', { type: 'text/csv' }));
    await t.user.click(screen.getByRole('button', { name: 'Import 2 factors' }));

    expect(screen.queryByTestId('import-preview')).toBeNull();
    const arms = t.doc().factors.find((f) => f.id === 'arms')!;
    expect(arms).toMatchObject({ label: { en: 'Russian arms to Iran' }, weight: 9, direction: 1 });
    expect(t.doc().factors.at(-1)).toEqual({
      id: 'oil',
      label: { en: 'Oil prices', ar: 'أسعار النفط' },
      direction: -1,
      weight: 2.5
    });
    expect(screen.getByRole('rowheader', { name: 'Oil prices' })).toBeTruthy();
    expect(t.notice.current?.text).toBe('Imported: 1 new, 1 changed factors.');
    expect(t.steps()).toBe(1);

    await t.undo();
    expect(t.doc()).toBe(t.original);
    expect(screen.queryByRole('rowheader', { name: 'Oil prices' })).toBeNull();
  });

  it('Cancel leaves the analysis as it was', async () => {
    const t = renderPanel(FactorsPanel);
    await pick(t, fixture('factors.csv'));
    await t.user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('import-preview')).toBeNull();
    expect(t.doc()).toBe(t.original);
  });

  it('speaks Arabic: the preview, the problems and the button', async () => {
    const t = renderPanel(FactorsPanel, { language: 'ar' });
    await pick(t, fixture('factors-problems.csv'));
    // Numbers as Arabic formats them here (Intl's own digits for "ar").
    const n = (x: number) => new Intl.NumberFormat('ar').format(x);
    expect(screen.getByTestId('import-summary').textContent).toBe(
      `جديدة: ${n(1)} · معدّلة: ${n(0)} · دون تغيير: ${n(0)} · مشكلات: ${n(7)}`
    );
    const first = within(screen.getByTestId('import-problems')).getAllByRole('listitem')[0].textContent;
    expect(first).toBe(
      `الصف ${n(2)}، العمود \u2068weight\u2069: يجب أن يكون رقمًا من 0 إلى 10 (القيمة الموجودة «\u206812\u2069»).`
    );
    await t.user.click(screen.getByRole('button', { name: `استيراد العوامل (${n(1)})` }));
    expect(t.doc().factors.at(-1)).toMatchObject({ id: 'ok', label: { en: 'Fine', ar: 'جيد' } });
  });

  it('a file that is not a spreadsheet says so, and offers only Close', async () => {
    const t = renderPanel(FactorsPanel);
    const preview = await pick(t, fixture('factors.csv', 'factors.mizan'));
    expect(within(preview).getByRole('alert').textContent).toBe(
      'Choose a CSV file (.csv, .tsv, .txt) or an Excel workbook (.xlsx).'
    );
    expect(screen.queryByRole('button', { name: /^Import \d/ })).toBeNull();
    await t.user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByTestId('import-preview')).toBeNull());
    expect(t.doc()).toBe(t.original);
  });
});
