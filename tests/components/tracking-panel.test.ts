// The panel under the "Which scenario?" chart: what to do when nothing is recorded, a wait for
// the runs, the scores and odds once they are in (the report's words), and the inconsistency
// named — in English and Arabic.
import { readFileSync } from 'node:fs';
import { render, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../../src/engine/analysis';
import { loadDocument, type MizanDoc } from '../../src/engine/format';
import { trackingSummary } from '../../src/presentation/tracking';
import TrackingPanel from '../../src/renderer/src/ui/analysis/TrackingPanel.svelte';
import { analysisMessages } from '../../src/renderer/src/ui/analysis/messages';

const loaded = loadDocument(readFileSync('tests/fixtures/v2/tracked.mizan', 'utf8'));
if (!loaded.ok) throw new Error('tracked fixture');
const doc: MizanDoc = { ...loaded.document, simulation: { ...loaded.document.simulation, runs: 600 } };
const panel = (props: {
  doc: MizanDoc;
  tracking: ReturnType<typeof analyseDocument>['tracking'];
  language: 'en' | 'ar';
}) => render(TrackingPanel, { ...props, t: analysisMessages(props.language) }).container;

describe('the tracking panel', () => {
  it('says how to record what happened when nothing is, and waits for the runs when something is', () => {
    const none = panel({ doc: { ...doc, observations: undefined }, tracking: undefined, language: 'en' });
    expect(none.textContent).toContain(analysisMessages('en').trackingNone);
    const waiting = panel({ doc, tracking: undefined, language: 'ar' });
    expect(waiting.textContent).toContain(analysisMessages('ar').trackingWaiting);
    expect(waiting.querySelector('table')).toBeNull();
  });

  it.each(['en', 'ar'] as const)(
    '(%s) lists each scenario’s odds and scores, and a sentence per scored event',
    (language) => {
      const tracking = analyseDocument(doc, { importance: false }).tracking!;
      const summary = trackingSummary(doc, tracking, language);
      const container = panel({ doc, tracking, language });
      const rows = [...container.querySelectorAll('tbody tr')];
      expect(rows.map((r) => [...r.children].map((c) => c.textContent?.trim()))).toEqual(
        summary.rows.map((r) => [r.name, r.prior, r.posterior, r.effectiveRuns, r.pCrisisEver, r.brier])
      );
      for (const row of summary.rows) {
        const items = within(container.querySelector(`[data-scored="${row.id}"]`) as HTMLElement).getAllByRole(
          'listitem'
        );
        expect(items.map((li) => li.textContent)).toEqual(row.scored);
      }
      expect(container.textContent).toContain(summary.mixture);
      expect([...container.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(summary.columns);
      for (const note of summary.notes) expect(container.textContent).toContain(note);
    }
  );

  it('names the inconsistency instead of a table', () => {
    const container = panel({ doc, tracking: { observations: 4, problem: 'x' }, language: 'en' });
    expect(within(container).getByRole('alert').textContent).toMatch(
      /^No scenario is consistent with the observations/
    );
    expect(container.querySelector('table')).toBeNull();
  });
});
