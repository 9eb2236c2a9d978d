// The Structure tab (StructurePanel.svelte): the structural diagnostics of the selected scenario
// as an analyst reads them, on small files whose figures are worked out by hand.
import { readFileSync } from 'node:fs';
import { render, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { loadDocument, type Language, type MizanDoc } from '../../src/engine/format';
import StructurePanel from '../../src/renderer/src/ui/analysis/StructurePanel.svelte';
import { analysisMessages } from '../../src/renderer/src/ui/analysis/messages';

const label = (en: string, ar: string) => ({ en, ar });
const setting = (start: number, target: number, pace: number) => ({ start, target, pace, volatility: 2 });

/**
 * Two factors: A pulled to 60 at pace 0.5, B to 20 at pace 0.5, and A pushing B by `ab` (B
 * pushing A by `ba`). With ba = 0, A settles at 60 and B where 0.5·(0.2 − x) + ab·0.6·(1 − x) = 0.
 */
function twoFactors(ab: number, ba = 0): MizanDoc {
  const doc = JSON.parse(readFileSync('tests/fixtures/v2/minimal.mizan', 'utf8'));
  doc.factors = [
    { id: 'a', label: label('Arms transfers', 'نقل الأسلحة'), direction: 1, weight: 5 },
    { id: 'b', label: label('Border clashes', 'اشتباكات الحدود'), direction: 1, weight: 5 }
  ];
  doc.interactions = [{ from: 'a', to: 'b', strength: ab }, ...(ba ? [{ from: 'b', to: 'a', strength: ba }] : [])];
  doc.scenarios[0].factors = { a: setting(60, 60, 0.5), b: setting(20, 20, 0.5) };
  const loaded = loadDocument(JSON.stringify(doc));
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
  return loaded.document;
}

function show(doc: MizanDoc, language: Language = 'en') {
  const { container } = render(StructurePanel, {
    doc,
    scenarioId: 'baseline',
    language,
    t: analysisMessages(language)
  });
  return within(container);
}

/** The rows of the steady-state table as the cells' texts. */
const rows = (screen: ReturnType<typeof show>) =>
  within(screen.getByTestId('structure-steady'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim()));

describe('the Structure tab', () => {
  it('shows where each factor settles against its target, and marks one more than 5 points away', () => {
    // B: 0.5·(0.2 − x) + 0.06·(1 − x) = 0, so x = 0.16 / 0.56 = 0.2857…: 28.6 points, 8.6 above 20.
    const screen = show(twoFactors(0.1));
    expect(rows(screen)).toEqual([
      ['Arms transfers', '60.0', '60.0', '0.0'],
      ['Border clashes', '20.0', '28.6', '+8.6 (more than 5 points from its target)']
    ]);
    // A link of 0.05 leaves B 0.16 − … : x = (0.1 + 0.03) / 0.53 = 0.2453: 24.5, 4.5 above: not marked.
    expect(rows(show(twoFactors(0.05)))[1]).toEqual(['Border clashes', '20.0', '24.5', '+4.5']);
  });

  it('says what the links add to tension at the horizon', () => {
    const doc = twoFactors(0.1);
    // Without links both stay on target from the start: T = (60 + 20) / 2 = 40 at every month.
    const text = show(doc).getByTestId('structure-links').textContent;
    expect(text).toMatch(/^Tension at the horizon \(.+\): \d+\.\d with the links, 40\.0 with every link at 0/);
    const withLinks = Number(/: (\d+\.\d) with the links/.exec(text ?? '')?.[1]);
    expect(withLinks).toBeGreaterThan(40);
    expect(text).toContain(`so the links add +${(withLinks - 40).toFixed(1)} points.`);
  });

  it('says when the links form no loop, and lists a loop with its sign and gain', () => {
    expect(show(twoFactors(0.1)).getByTestId('structure-loops').textContent).toBe(
      'The links form no loop: no factor acts back on itself through the others.'
    );
    const screen = show(twoFactors(0.1, -0.05));
    expect(screen.getByTestId('structure-loops').textContent?.trim()).toBe(
      'Loops: 1 (reinforcing: 0, balancing: 1). A loop’s gain is the product of the monthly pushes along it.'
    );
    // 0.1 · (−0.05) = −0.005.
    expect(screen.getByRole('listitem').textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Arms transfers → Border clashes → Arms transfers · balancing · gain −0.005'
    );
  });

  it('is in Arabic for Arabic, the loop read from the right', () => {
    const screen = show(twoFactors(0.1, 0.05), 'ar');
    expect(screen.getByRole('heading', { name: 'أين يستقر كل عامل' })).toBeTruthy();
    expect(rows(screen)[1][0]).toBe('اشتباكات الحدود');
    // The sign stays before the number in the right-to-left table: the difference is isolated left to right.
    expect(rows(screen)[1][3]).toMatch(/^\u2068\+\d+\.\d\u2069/);
    expect(screen.getByRole('listitem').textContent).toContain('نقل الأسلحة ← اشتباكات الحدود ← نقل الأسلحة');
    expect(screen.getByRole('listitem').textContent).toContain('معزِّزة');
  });

  it('says when the levels do not settle', () => {
    // A reaches 100 in a month; B (pace 1, target 0, pushed by A at strength 1) then goes
    // x → 1 − x for ever: 0.25, 0.75, 0.25, …
    const doc = twoFactors(1);
    doc.scenarios[0].factors = { a: setting(50, 100, 1), b: setting(50, 0, 1) };
    const screen = show(doc);
    expect(screen.getByRole('note').textContent).toBe(
      'The levels do not settle (still moving after 100,000 months): the last levels are shown.'
    );
    expect(rows(screen)[1]).toEqual(['Border clashes', '0.0', '75.0', '+75.0 (more than 5 points from its target)']);
  });
});
