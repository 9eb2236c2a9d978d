// The report of a tracked analysis: a section of what happened since, with the odds by month,
// each scenario's scores and effective runs in words, its tension given the observations, and the
// observations themselves; none for a document without observations. Both languages.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../../src/engine/analysis';
import { loadDocument, type MizanDoc } from '../../src/engine/format';
import { analyseForReport, buildReport } from '../../src/presentation/report';
import { TRACKING_STRINGS, trackingSummary } from '../../src/presentation/tracking';
import { expectSameTexts, expectWrittenTable } from '../support/texts';
import { lazy } from '../charts/helpers';

const loaded = loadDocument(readFileSync('resources/scenarios/ashgabat-2024.mizan', 'utf8'));
if (!loaded.ok) throw new Error('the shipped analysis does not load');
const doc: MizanDoc = { ...loaded.document, simulation: { ...loaded.document.simulation, runs: 2000 } };
const analysis = lazy(() => analyseForReport(doc));
const options = { fileName: 'ashgabat-2024.mizan', date: new Date(Date.UTC(2026, 11, 5)) };
const observations = doc.observations ?? [];

describe('the report’s tracking section', () => {
  it('weighs the scenarios as the command line does', () => {
    expect(analysis().tracking).toEqual(analyseDocument(doc, { importance: false }).tracking);
  });

  it.each(['en', 'ar'] as const)('(%s) shows the odds, the scores and the observations', (language) => {
    const report = buildReport(doc, analysis(), language, options);
    const section = report.tracking!;
    expect(section).not.toBeNull();
    // The odds first, then a tension chart given the observations for each scenario some run of which agrees.
    const agreeing = analysis()
      .scenarios.filter((s) => s.evidence?.conditioned)
      .map((s) => s.id);
    expect(agreeing.length).toBeGreaterThan(0);
    expect(agreeing.length).toBeLessThan(doc.scenarios.length);
    expect(section.figures.map((f) => f.id)).toEqual(['odds', ...agreeing.map((id) => `conditioned-${id}`)]);
    expect(section.figures.map((f) => f.kind)).toEqual(['odds', ...agreeing.map(() => 'tension')]);
    const title =
      language === 'en'
        ? 'Which scenario? Odds given what was observed, by month'
        : 'أيّ سيناريو؟ الاحتمالات في ضوء ما رُصد، شهرًا بشهر';
    expect(section.figures[0].title).toBe(title);
    expect(section.figures[1].title).toMatch(language === 'en' ? /, given the observations$/ : /، في ضوء المشاهدات$/);
    // The conditioned fan is drawn in its figure.
    const fanData = (section.figures[1].config.data.datasets[1] as { data: number[] }).data;
    const own = analysis().scenarios.find((s) => s.id === agreeing[0])!;
    expect(fanData).toEqual(own.evidence!.conditioned!.quantiles['5']);

    expect(section.summary).toEqual(trackingSummary(doc, analysis().tracking!, language));
    expect(section.summary!.rows).toHaveLength(doc.scenarios.length);

    // Every observation, by month, with what was recorded.
    expect(section.observations.rows).toHaveLength(observations.length);
    const months = section.observations.rows.map((r) => r[0]);
    const fmt = new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    const sorted = [...observations].sort((a, b) => a.month.localeCompare(b.month));
    expect(months).toEqual(sorted.map((o) => fmt.format(new Date(`${o.month}-01T00:00:00Z`))));
    const reading = sorted.findIndex((o) => o.kind === 'index');
    const o = sorted[reading];
    if (o.kind !== 'index') throw new Error('no reading');
    expect(section.observations.rows[reading][1]).toBe(language === 'en' ? 'Tension index' : 'مؤشر التوتر');
    expect(section.observations.rows[reading][2]).toBe(`${o.value} ± ${o.uncertainty ?? 5}`);
    const outcome = sorted.findIndex((x) => x.kind === 'event' && !x.occurred);
    expect(section.observations.rows[outcome][2]).toBe(language === 'en' ? 'did not happen' : 'لم يقع');
  });

  it('is left out for a document without observations, and waits for the odds when a scenario is not computed', () => {
    const bare = { ...doc, observations: undefined };
    expect(buildReport(bare, analyseForReport(bare), 'en', options).tracking).toBeNull();
    const untracked = { ...analysis(), tracking: undefined };
    const report = buildReport(doc, untracked, 'en', options);
    expect(report.tracking?.summary).toBeNull();
    expect(report.tracking?.observations.rows).toHaveLength(observations.length);
  });
});

describe('the tracking summary in words', () => {
  it('are all written, each in its language, and keep the values put into them', () => {
    expectWrittenTable(TRACKING_STRINGS.en, 'en', []);
    expectWrittenTable(TRACKING_STRINGS.ar, 'ar', []);
    expectSameTexts(TRACKING_STRINGS.en, TRACKING_STRINGS.ar);
  });

  it('says each scored event’s probability, outcome and score, and flags few effective runs', () => {
    const summary = trackingSummary(doc, analysis().tracking!, 'en');
    const baseline = summary.rows.find((r) => r.id === 'baseline')!;
    const kazan = doc.scenarios.find((s) => s.id === 'baseline')!.events.find((e) => e.id === 'kazan-signing')!;
    expect(baseline.scored[0]).toBe(
      `Your ${Math.round(kazan.probability * 100)}% for “${kazan.label.en}” did not come true: Brier ${(kazan.probability ** 2).toFixed(2)}.`
    );
    const t = analysis().tracking;
    if (!t || !('scenarios' in t)) throw new Error('no tracking');
    const deescalation = summary.rows.find((r) => r.id === 'deescalation')!;
    expect(t.scenarios.find((s) => s.id === 'deescalation')!.conditioned).toBeNull();
    expect([deescalation.effectiveRuns, deescalation.pCrisisEver]).toEqual(['no run agrees', '—']);
    expect(summary.rows.every((r) => r.fewRuns)).toBe(true);
    const escalation = summary.rows.find((r) => r.id === 'escalation')!;
    expect(escalation.effectiveRuns).toMatch(/^\d+ \(too few to trust\)$/);
    expect(summary.mixture).toMatch(
      /^P\(crisis ever\) given the observations, the scenarios weighed by their odds: \d+\.\d%$/
    );
    const inconsistent = trackingSummary(doc, { observations: 1, problem: 'x' }, 'ar');
    expect(inconsistent.rows).toEqual([]);
    expect(inconsistent.problem).toMatch(/^لا يتوافق أي سيناريو/);
  });
});

describe('the tracking summary, row by row', () => {
  const quantiles = { '5': [], '25': [], '50': [], '75': [], '95': [] };
  /** Odds as the engine gives them, with figures at the edges: 200 effective runs, none, no score. */
  const made = {
    observations: 17,
    scenarios: [
      {
        id: 'escalation',
        prior: 0.25,
        logLikelihood: -3,
        posterior: 0.6,
        effectiveRuns: 200,
        brier: null,
        conditioned: { quantiles, pCrisisEver: 0.125 }
      },
      {
        id: 'baseline',
        prior: 0.5,
        logLikelihood: -4,
        posterior: 0.4,
        effectiveRuns: 199.6,
        brier: 0.2345,
        conditioned: { quantiles, pCrisisEver: 0 }
      },
      {
        id: 'gone',
        prior: 0.25,
        logLikelihood: -Infinity,
        posterior: 0,
        effectiveRuns: 0,
        brier: 0.5,
        conditioned: null
      }
    ],
    posteriorByMonth: {},
    mixture: { pCrisisEver: 0.075 }
  };

  it('names each scenario and says its own scores; a scenario no longer in the document by its id', () => {
    const summary = trackingSummary(doc, made, 'en');
    const byId = Object.fromEntries(summary.rows.map((r) => [r.id, r]));
    expect(summary.rows.map((r) => r.id)).toEqual(['escalation', 'baseline', 'gone']);
    expect(byId.escalation).toMatchObject({
      name: doc.scenarios.find((s) => s.id === 'escalation')!.name.en,
      prior: '25.0%',
      posterior: '60.0%',
      effectiveRuns: '200',
      fewRuns: false,
      pCrisisEver: '12.5%',
      brier: '—'
    });
    expect(byId.baseline).toMatchObject({
      effectiveRuns: '200 (too few to trust)',
      fewRuns: true,
      brier: '0.23',
      pCrisisEver: '0.0%'
    });
    expect(byId.gone).toMatchObject({
      name: 'gone',
      effectiveRuns: 'no run agrees',
      pCrisisEver: '—',
      scored: ['None of its events has a recorded outcome yet.']
    });
    expect(summary.mixture).toBe('P(crisis ever) given the observations, the scenarios weighed by their odds: 7.5%');
    expect(summary.columns).toEqual([
      'Scenario',
      'Prior odds',
      'Odds now',
      'Effective runs',
      'P(crisis ever) given the observations',
      'Brier score'
    ]);
    expect(summary.notes).toEqual([summary.strings.brierNote, summary.strings.effectiveRunsNote('200')]);
    expect(summary.notes[1]).toContain('Below 200,');
    // Each row speaks of its own scenario's events, with the score of each.
    for (const id of ['escalation', 'baseline']) {
      const events = doc.scenarios.find((s) => s.id === id)!.events;
      const said = byId[id].scored;
      const outcomes = new Map(
        observations.flatMap((o) => (o.kind === 'event' ? [[o.event, o.occurred] as const] : []))
      );
      const own = events.filter((e) => outcomes.has(e.id));
      expect(said).toHaveLength(own.length);
      own.forEach((e, k) => expect(said[k]).toContain(`“${e.label.en}”`));
    }
    const struck = byId.escalation.scored.find((line) => line.includes('came true'))!;
    const p = Number(/Your (\d+)%/.exec(struck)![1]) / 100;
    expect(struck).toMatch(new RegExp(`Brier ${((p - 1) ** 2).toFixed(2).replace('.', '\\.')}\\.$`));
  });
});
