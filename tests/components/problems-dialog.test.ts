// The dialog of a file that could not be opened: each problem named by the labels of the things
// it lies in, in the interface's language, with its path and its message (in English).
import { readFileSync } from 'node:fs';
import { screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import { loadDocument, type Problem } from '../../src/engine/format';
import DialogHost from '../../src/renderer/src/ui/DialogHost.svelte';
import { renderPanel } from './harness';

/** The default analysis with a factor weight of 12 and a link to a factor that does not exist. */
function brokenProblems(): Problem[] {
  const doc = JSON.parse(readFileSync('tests/fixtures/as-first-written/ashgabat-2024.mizan', 'utf8'));
  doc.factors[0].weight = 12;
  doc.interactions[0].to = 'nowhere';
  doc.title = 5;
  const loaded = loadDocument(JSON.stringify(doc));
  if (loaded.ok) throw new Error('the broken file loaded');
  return loaded.problems;
}

async function showProblems(language: 'en' | 'ar') {
  const t = renderPanel(DialogHost, { language });
  void t.dialogs.ask({ kind: 'problems', fileName: 'bad.mizan', problems: brokenProblems() });
  await tick();
  return within(screen.getByTestId('problems')).getAllByRole('listitem');
}

describe('the problems of a file that could not be opened', () => {
  it('name each place by labels over its path and message', async () => {
    const items = await showProblems('en');
    expect(items.map((item) => item.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'title: must be text (found 5)',
      'factor “Western sanctions” [sanctions] › weight factors[0].weight: must be at most 10 (found 12)',
      'link “Western sanctions” [sanctions] → [nowhere] › to interactions[0].to: unknown factor "nowhere"'
    ]);
    const place = items[1].querySelector('.problem-place')!;
    expect(place.getAttribute('lang')).toBe('en');
    expect(items[1].querySelector('code')?.textContent).toBe('factors[0].weight');
    // a path in no named thing has no place line
    expect(items[0].querySelector('.problem-place')).toBeNull();
  });

  it('name them by the Arabic labels, right to left, when the interface is in Arabic', async () => {
    const items = await showProblems('ar');
    const place = items[1].querySelector('.problem-place')!;
    expect(place.textContent).toBe('العامل «العقوبات الغربية» [sanctions] › weight');
    expect(place.getAttribute('lang')).toBe('ar');
    expect(place.getAttribute('dir')).toBe('rtl');
    expect(items[2].querySelector('.problem-place')?.textContent).toBe(
      'الرابط «العقوبات الغربية» [sanctions] ← [nowhere] › to'
    );
    // the path and the message stay as they are, in English
    expect(items[1].querySelector('code')?.textContent).toBe('factors[0].weight');
    expect(items[1].textContent).toContain('must be at most 10 (found 12)');
  });
});
