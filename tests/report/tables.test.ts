// The report's texts and tables in detail, on small documents whose numbers each test shows:
// what a reader sees in the header, the summary cells, the settings and events tables, the
// evidence cards, a scenario that could not be computed, and the figures' sizes.
import { describe, expect, it } from 'vitest';
import { analyseForReport, buildReport } from '../../src/presentation/report';
import { makeDocument } from '../support/documents';
import type { MizanDoc } from '../../src/engine/format';

const date = new Date(Date.UTC(2026, 10, 29, 12));
const options = { fileName: 'test.mizan', date };

/** One factor "a" with a fixed weight and no ranges: nothing uncertain for the tornado. */
function certainDocument(runs = 0): MizanDoc {
  return makeDocument([{ id: 'a', weight: 2, start: 40, target: 60, pace: 0.25, volatility: 1.5 }], {
    simulation: { runs, seed: 5 },
    horizonMonths: 6
  });
}

describe('the report’s header', () => {
  it('gives the period from the first month to the last with its length, and the runs and seed', () => {
    const d = certainDocument(300);
    const meta = buildReport(d, analyseForReport(d), 'en', options).meta;
    expect(meta.map((m) => m.label)).toEqual(['File', 'Date', 'Period', 'Monte Carlo']);
    expect(meta.map((m) => m.value)).toEqual([
      'test.mizan',
      'November 29, 2026',
      'Oct 2024 – Apr 2025 (6 months)',
      '300 runs, seed 5'
    ]);
  });

  it('leaves out a blank author', () => {
    const d = { ...certainDocument(), author: '   ' };
    expect(buildReport(d, analyseForReport(d), 'en', options).meta.map((m) => m.label)).not.toContain('Author');
  });
});

describe('the summary', () => {
  it('says when no input is uncertain, and shows no probability without Monte Carlo', () => {
    const d = certainDocument();
    const row = buildReport(d, analyseForReport(d), 'en', options).summary.rows[0];
    expect(row.sensitivity).toEqual([]);
    expect(row.cells.sensitivity).toEqual(['No uncertain inputs']);
    expect(row.cells.median).toBeNull();
    expect(row.cells.range).toBeNull();
    expect(row.cells.crisisEver).toBeNull();
    expect(row.cells.now).toBe('40.0');
    expect(row.cells.nowBand).toBe('Elevated');
  });

  it('heads the columns with the headline’s words and the months, and writes the median with its low–high', () => {
    const d = certainDocument(200);
    const report = buildReport(d, analyseForReport(d), 'en', options);
    expect(report.summary.columns).toEqual([
      'Scenario',
      'Tension now\nOct 2024',
      'Central path at the horizon\nApr 2025',
      'Monte Carlo median (5–95 %)\nApr 2025',
      'P(crisis) in any month',
      'Largest contributions\nApr 2025',
      'Most sensitive inputs (swing)'
    ]);
    const row = report.summary.rows[0];
    const p = (v: number) => v.toFixed(1);
    const mc = row.headline.monteCarlo!;
    expect(row.cells.median).toBe(p(mc.median));
    expect(row.cells.range).toBe(`${p(mc.low)}–${p(mc.high)}`);
  });

  it('names the band of the tension now and of the central path at the horizon', () => {
    // Bands from 25, 50, 75. 40 now, elevated; toward 60 at pace 0.25 for six months: 40 + 20·(1 − 0.75⁶) = 56.4, high.
    const d = certainDocument();
    const row = buildReport(d, analyseForReport(d), 'en', options).summary.rows[0];
    expect(row.cells.centralAtHorizon).toBe('56.4');
    expect([row.cells.nowBand, row.cells.horizonBand]).toEqual(['Elevated', 'High']);
    const ar = buildReport(d, analyseForReport(d), 'ar', options).summary.rows[0];
    expect([ar.cells.nowBand, ar.cells.horizonBand]).toEqual(['مرتفع', 'عالٍ']);
  });
});

describe('a scenario’s tables', () => {
  it('lists each factor’s settings: ranges as mode (low–high), pace and volatility as written', () => {
    const d = makeDocument(
      [{ id: 'a', weight: 2, start: { low: 30, mode: 40, high: 55 }, target: 60.5, pace: 0.25, volatility: 1.5 }],
      {
        simulation: { runs: 0, seed: 1 }
      }
    );
    const settings = buildReport(d, analyseForReport(d), 'en', options).scenarios[0].settings;
    expect(settings.columns).toEqual([
      'Factor',
      'Weight',
      'Start',
      'Target',
      'Pace (per month)',
      'Volatility (points)'
    ]);
    expect(settings.rows).toEqual([['a', '2', '40 (30–55)', '60.5', '0.25', '1.5']]);
  });

  it('leaves out a factor the scenario does not set', () => {
    const d = makeDocument([{ id: 'a' }, { id: 'b' }], { simulation: { runs: 0, seed: 1 } });
    const { b: _unset, ...onlyA } = d.scenarios[0].factors;
    const partial = { ...d, scenarios: [{ ...d.scenarios[0], factors: onlyA }] };
    const settings = buildReport(partial, analyseForReport(d), 'en', options).scenarios[0].settings;
    expect(settings.rows.map((r) => r[0])).toEqual(['a']);
  });

  it('lists events by month with their month, name, factor, signed shift and probability', () => {
    const event = (id: string, month: number, shift: number, probability: number) => ({
      id,
      month,
      factor: 'a',
      shift,
      probability,
      label: { en: `Event ${id}`, ar: '' }
    });
    const d = makeDocument([{ id: 'a' }], {
      simulation: { runs: 0, seed: 1 },
      events: [event('late', 3, -4.5, 0.25), event('early', 1, 6, 0.5)]
    });
    const events = buildReport(d, analyseForReport(d), 'en', options).scenarios[0].events!;
    expect(events.columns).toEqual(['Month', 'Event', 'Factor', 'Shift (points)', 'Lasts', 'Probability']);
    expect(events.rows).toEqual([
      ['Nov 2024', 'Event early', 'a', '+6', 'once (fades)', '50%'],
      ['Jan 2025', 'Event late', 'a', '-4.5', 'once (fades)', '25%']
    ]);
  });

  it('says which events last and which depend on another, with what their probability comes to', () => {
    const d = makeDocument([{ id: 'a', target: { low: 10, mode: 20, high: 40, shape: 'pert' } }], {
      simulation: { runs: 0, seed: 1 },
      events: [
        { id: 'war', month: 2, factor: 'a', shift: 20, probability: 0.4, label: { en: 'War', ar: '' }, kind: 'target' },
        {
          id: 'talks',
          month: 3,
          factor: 'a',
          shift: -5,
          probability: 0.5,
          label: { en: 'Talks', ar: '' },
          condition: { event: 'war', occurred: false }
        }
      ]
    });
    const report = buildReport(d, analyseForReport(d), 'en', options);
    expect(report.scenarios[0].events!.rows.map((r) => r.slice(4))).toEqual([
      ['from then on (moves the target)', '40%'],
      ['once (fades)', '50% if “War” did not happen (30% overall)']
    ]);
    expect(JSON.stringify(report)).toContain('20 (10–40, PERT)');
  });

  it('names a factor the document does not have by its id, and takes an analysis that lists no problems', () => {
    const d = makeDocument([{ id: 'a' }], {
      simulation: { runs: 0, seed: 1 },
      events: [{ id: 'e', month: 1, factor: 'gone', shift: 1, probability: 1, label: { en: 'E', ar: '' } }]
    });
    const { problems: _none, ...analysis } = analyseForReport(d);
    const report = buildReport(d, analysis, 'en', options);
    expect(report.scenarios[0].events!.rows[0][2]).toBe('gone');
    expect(report.scenarios[0].problem).toBeNull();
  });

  it('explains a scenario the model could not compute, in the model’s words', () => {
    const d = certainDocument();
    const analysis = {
      ...analyseForReport(d),
      scenarios: [],
      problems: [
        {
          id: 'base',
          name: d.scenarios[0].name,
          path: 'scenarios[0].factors.a',
          problem: 'the start is out of range',
          zeroWeights: false
        }
      ]
    };
    const report = buildReport(d, analysis, 'en', options);
    expect(report.scenarios[0].problem).toBe('Not computed: the start is out of range (scenarios[0].factors.a).');
    expect(report.scenarios[0].figures).toEqual([]);
    expect(report.summary.rows).toEqual([]);
    // Nothing to compare and no factor paths to draw.
    expect(report.compared).toEqual([]);
    expect(report.factorPaths.figures).toEqual([]);
  });
});

describe('the document’s inputs', () => {
  it('lists interactions with signed strengths and names, on each card, what the evidence supports', () => {
    const d: MizanDoc = {
      ...makeDocument([{ id: 'a' }, { id: 'b' }], { simulation: { runs: 0, seed: 1 } }),
      interactions: [
        { from: 'a', to: 'b', strength: -0.125, evidence: ['e1'] },
        { from: 'b', to: 'a', strength: 0.5 }
      ],
      evidence: [
        { id: 'e1', quote: 'A quote.', gist: '  The gist.  ', source: 'A source', note: ' A note. ' },
        { id: 'e2', quote: 'Other.', source: '' }
      ]
    };
    d.factors[0] = { ...d.factors[0], evidence: ['e1', 'e2'], description: { en: 'What a does.', ar: '' } };
    const report = buildReport(d, analyseForReport(d), 'en', options);
    expect(report.factors.columns).toEqual(['Factor', 'Direction', 'Weight', 'Description', 'Evidence']);
    expect(report.interactions!.columns).toEqual(['From', 'To', 'Monthly push', 'Evidence']);
    expect(report.interactions!.rows).toEqual([
      ['a', 'b', '-0.125', 'e1'],
      ['b', 'a', '+0.5', '']
    ]);
    expect(report.factors.rows[0]).toEqual(['a', 'Raises tension', '1', 'What a does.', 'e1, e2']);
    expect(report.evidence).toEqual([
      { id: 'e1', quote: 'A quote.', gist: 'The gist.', source: 'A source', note: 'A note.', supports: ['a', 'a → b'] },
      { id: 'e2', quote: 'Other.', gist: '', source: '', note: '', supports: ['a'] }
    ]);
  });
});

describe('paragraphs', () => {
  it('break at a line holding only spaces or tabs, and not at a single line break', () => {
    const d = { ...certainDocument(), description: 'First\nstill first\n  \t\nSecond\n\n\n\nThird' };
    expect(buildReport(d, analyseForReport(d), 'en', options).description).toEqual([
      'First\nstill first',
      'Second',
      'Third'
    ]);
  });
});

describe('the figures', () => {
  it('are 900 × 520 pixels, the factor paths 450 × 300, each factor path described by its factor', () => {
    const d = certainDocument(100);
    const report = buildReport(d, analyseForReport(d), 'en', options);
    for (const f of [...report.compared, ...report.scenarios[0].figures])
      expect([f.width, f.height]).toEqual([900, 520]);
    expect(report.factorPaths.figures.map((f) => [f.description, f.width, f.height])).toEqual([['a', 450, 300]]);
    expect(report.compared.map((f) => f.id)).toEqual(['tension-all', 'contributionsAtHorizon-all', 'radar-all']);
    // A scenario's own tension chart draws its path.
    expect(report.scenarios[0].figures[0].config.data.datasets[0].label).toBe('Base');
    expect(report.scenarios[0].figures.map((f) => f.id)).toEqual([
      'tension-base',
      'contributions-base',
      'tornado-base',
      'histogram-base'
    ]);
  });
});
