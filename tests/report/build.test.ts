// The report's data: the numbers of the summary are the engine's, every scenario and chart is
// there with its title, and the document's inputs come through as written, in both languages.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../../src/engine/analysis';
import { loadDocument, type MizanDoc } from '../../src/engine/format';
import { chartStrings, inputLabel } from '../../src/presentation/charts';
import { analyseForReport, buildReport, type Report, type ReportFigure } from '../../src/presentation/report';
import { lazy } from '../charts/helpers';
import { makeDocument } from '../support/documents';
import { bidiProblem, hostileDocument } from '../support/hostile';

const loaded = loadDocument(readFileSync('tests/fixtures/as-first-written/ashgabat-2024.mizan', 'utf8'));
if (!loaded.ok) throw new Error('the default analysis does not load');
/** The default analysis with fewer runs, to keep the tests quick. */
const doc: MizanDoc = { ...loaded.document, simulation: { runs: 400, seed: 11 } };
const H = doc.horizonMonths;
const analysis = lazy(() => analyseForReport(doc));
const date = new Date(Date.UTC(2026, 10, 29, 12));
const options = { fileName: 'ashgabat-2024.mizan', date };
/** Built anew in each test that reads it: a mutation run credits a mutant only to the tests that run its code. */
const reports = () => ({
  en: buildReport(doc, analysis(), 'en', options),
  ar: buildReport(doc, analysis(), 'ar', options)
});
const LANGUAGES = ['en', 'ar'] as const;

const points = (language: string, value: number) =>
  new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
const nameIn = (label: { en: string; ar: string }, language: 'en' | 'ar') => label[language].trim() || label.en;
const figureTitles = (report: Report) =>
  [...report.compared, ...report.scenarios.flatMap((s) => s.figures), ...report.factorPaths.figures].map(
    (f) => f.title
  );
const titleShown = (f: ReportFigure) => (f.config.options?.plugins as { title?: { display?: boolean } }).title?.display;

describe('the analysis behind the report', () => {
  it('is the engine’s analysis of the document, without the importance ranking', () => {
    const engine = analyseDocument(doc);
    expect(analysis().runs).toBe(400);
    expect(analysis().seed).toBe(11);
    expect(analysis().months).toEqual(engine.months);
    expect(analysis().problems).toEqual([]);
    expect(analysis().scenarios.map((s) => ({ ...s, importance: [] }))).toEqual(
      engine.scenarios.map((s) => ({ ...s, importance: [] }))
    );
    expect(analysis().scenarios.every((s) => s.importance.length === 0)).toBe(true);
  });

  it('sets aside a scenario whose weights are all zero and analyses the others', () => {
    const two = makeDocument([{ id: 'a', weight: 1, start: 40 }]);
    two.scenarios.push({ ...two.scenarios[0], id: 'zero', name: { en: 'Zero', ar: 'صفر' }, weights: { a: 0 } });
    const result = analyseForReport(two);
    expect(result.scenarios.map((s) => s.id)).toEqual(['base']);
    expect(result.problems).toEqual([
      expect.objectContaining({ id: 'zero', path: 'scenarios[1].weights', zeroWeights: true })
    ]);
  });
});

describe.each(LANGUAGES)('the summary (%s)', (language) => {
  const report = () => reports()[language];

  it('has one row per scenario, in the document’s order, named in the language', () => {
    expect(report().summary.rows.map((r) => r.id)).toEqual(doc.scenarios.map((s) => s.id));
    expect(report().summary.rows.map((r) => r.name)).toEqual(doc.scenarios.map((s) => nameIn(s.name, language)));
    expect(report().summary.rows.map((r) => r.colour)).toEqual(doc.scenarios.map((s) => s.color));
  });

  it('holds the engine’s tension now, the median and 5–95 % band at the horizon and P(crisis) ever', () => {
    const engine = analyseDocument(doc);
    for (const row of report().summary.rows) {
      const s = engine.scenarios.find((e) => e.id === row.id)!;
      const mc = s.monteCarlo!;
      expect(row.headline.now).toBe(s.central.tension[0]);
      expect(row.headline.centralAtHorizon).toBe(s.central.tension[H]);
      expect(row.headline.monteCarlo).toEqual({
        median: mc.quantiles['50'][H],
        medianError: mc.standardErrors.quantiles['50'][H],
        low: mc.quantiles['5'][H],
        high: mc.quantiles['95'][H],
        pCrisisEver: mc.pCrisisEver,
        pCrisisEverError: mc.standardErrors.pCrisisEver
      });
      expect(row.headline.monteCarlo!.low).toBeLessThanOrEqual(row.headline.monteCarlo!.median);
      expect(row.headline.monteCarlo!.median).toBeLessThanOrEqual(row.headline.monteCarlo!.high);
    }
  });

  it('names the three largest contributions at the horizon and the three largest tornado swings', () => {
    for (const row of report().summary.rows) {
      const s = analysis().scenarios.find((e) => e.id === row.id)!;
      const byContribution = Object.entries(s.central.contributions)
        .map(([id, series]) => [id, series[H]] as const)
        .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
      expect(row.contributors.map((c) => [c.factorId, c.value])).toEqual(byContribution.slice(0, 3));
      expect(row.contributors.map((c) => c.label)).toEqual(
        byContribution.slice(0, 3).map(([id]) => nameIn(doc.factors.find((f) => f.id === id)!.label, language))
      );
      const bySwing = [...s.tornado].sort((a, b) => b.swing - a.swing).slice(0, 3);
      expect(row.sensitivity.map((b) => [b.input, b.swing])).toEqual(bySwing.map((b) => [b.input, b.swing]));
      expect(row.sensitivity.map((b) => b.label)).toEqual(bySwing.map((b) => inputLabel(doc, b.input, language)));
    }
  });

  it('shows the numbers formatted for the locale', () => {
    const row = report().summary.rows[0];
    const pct = new Intl.NumberFormat(language, {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1
    });
    const mc = row.headline.monteCarlo!;
    expect(row.cells.now).toBe(points(language, row.headline.now));
    expect(row.cells.centralAtHorizon).toBe(points(language, row.headline.centralAtHorizon));
    expect(row.cells.median).toBe(points(language, mc.median));
    expect(row.cells.range).toBe(
      `${points(language, mc.low)}${language === 'en' ? '–' : '-'}${points(language, mc.high)}`
    );
    expect(row.cells.crisisEver).toBe(pct.format(mc.pCrisisEver));
    expect(row.cells.contributors).toEqual(row.contributors.map((c) => `${c.label} ${points(language, c.value)}`));
    expect(row.cells.sensitivity).toEqual(row.sensitivity.map((b) => `${b.label}: ${points(language, b.swing)}`));
  });

  it('heads its columns with the first and last months', () => {
    const month = new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    expect(report().summary.columns).toHaveLength(7);
    expect(report().summary.columns[1]).toContain(month.format(new Date(Date.UTC(2024, 9, 1))));
    for (const k of [2, 3, 5])
      expect(report().summary.columns[k]).toContain(month.format(new Date(Date.UTC(2026, 9, 1))));
  });
});

describe.each(LANGUAGES)('the charts (%s)', (language) => {
  const report = () => reports()[language];
  const t = chartStrings(language);
  const horizon = new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, 9, 1))
  );

  it('compares every scenario in the tension, contributions-at-the-horizon and profile charts', () => {
    expect(report().compared.map((f) => f.title)).toEqual([
      t.titles.tension,
      t.titles.contributionsAtHorizon(horizon),
      t.titles.radar(horizon)
    ]);
    for (const f of report().compared) {
      const labels = (f.config.data.datasets as { label?: string }[]).map((d) => d.label ?? '').join('\n');
      for (const s of doc.scenarios)
        expect(labels + (f.config.data.labels ?? []).join('\n')).toContain(nameIn(s.name, language));
    }
  });

  it('gives every scenario its tension, contributions, sensitivity and distribution charts, titled with its name', () => {
    for (const section of report().scenarios) {
      expect(section.figures.map((f) => f.title)).toEqual([
        `${t.titles.tension} — ${section.name}`,
        t.titles.contributions(section.name),
        t.titles.tornado(section.name),
        t.titles.histogram(section.name)
      ]);
      expect(section.figures.map((f) => f.kind)).toEqual(['tension', 'contributions', 'tornado', 'histogram']);
    }
  });

  it('draws one factor path per factor, titled with the factor’s name', () => {
    expect(report().factorPaths.title).toBe(t.titles.factors);
    expect(report().factorPaths.figures.map((f) => f.title)).toEqual(doc.factors.map((f) => nameIn(f.label, language)));
    expect(report().factorPaths.figures.every((f) => f.width === 450 && f.height === 300)).toBe(true);
  });

  it('leaves the title out of the pictures (the caption carries it) and keeps the figures unique', () => {
    const figures = [
      ...report().compared,
      ...report().scenarios.flatMap((s) => s.figures),
      ...report().factorPaths.figures
    ];
    expect(figures.map(titleShown).every((shown) => shown === false)).toBe(true);
    expect(new Set(figures.map((f) => f.id)).size).toBe(figures.length);
    expect(figures.every((f) => f.description.length > 0 && f.config.options?.animation === false)).toBe(true);
    expect(new Set(figureTitles(report())).size).toBe(figures.length);
  });
});

describe.each(LANGUAGES)('the document’s inputs (%s)', (language) => {
  const report = () => reports()[language];
  const t = chartStrings(language);

  it('lists every factor with its direction and weight, ranges as mode (low–high)', () => {
    expect(report().factors.rows.map((r) => r[0])).toEqual(doc.factors.map((f) => nameIn(f.label, language)));
    const sanctions = report().factors.rows[doc.factors.findIndex((f) => f.id === 'sanctions')];
    expect(sanctions[1]).toBe(t.direction.raises);
    expect(sanctions[2]).toBe(language === 'en' ? '5 (4–7)' : '5 (4-7)');
    const energy = report().factors.rows[doc.factors.findIndex((f) => f.id === 'energy')];
    expect(energy[1]).toBe(t.direction.lowers);
    expect(sanctions[4]).toBe(['e4', 'e7', 'e13', 'e17'].join(language === 'en' ? ', ' : '، '));
  });

  it('gives each scenario its settings, with its own weights where it overrides them', () => {
    const escalation = report().scenarios.find((s) => s.id === 'escalation')!;
    const def = doc.scenarios.find((s) => s.id === 'escalation')!;
    expect(escalation.settings.rows).toHaveLength(doc.factors.length);
    const hezbollah = escalation.settings.rows[doc.factors.findIndex((f) => f.id === 'hezbollah')];
    expect(hezbollah[1]).toBe(language === 'en' ? '8 (6–9)' : '8 (6-9)');
    expect(hezbollah[4]).toBe(
      new Intl.NumberFormat(language, { maximumFractionDigits: 3 }).format(def.factors.hezbollah.pace as number)
    );
  });

  it('lists each scenario’s events by month, with signed shifts and probabilities', () => {
    for (const section of report().scenarios) {
      const def = doc.scenarios.find((s) => s.id === section.id)!;
      expect(section.events!.rows.map((r) => r[1])).toEqual(
        [...def.events].sort((a, b) => a.month - b.month).map((e) => nameIn(e.label, language))
      );
    }
    const first = doc.scenarios[0].events.find((e) => e.id === 'bl-kazan')!;
    const row = report().scenarios[0].events!.rows.find((r) => r[1] === nameIn(first.label, language))!;
    expect(row[3]).toBe(new Intl.NumberFormat(language, { signDisplay: 'exceptZero' }).format(first.shift));
    expect(row[4]).toBe(language === 'en' ? 'once (fades)' : 'مرة واحدة (يتلاشى)');
    expect(row[5]).toBe(new Intl.NumberFormat(language, { style: 'percent' }).format(first.probability));
  });

  it('lists every interaction with its signed strength', () => {
    expect(report().interactions!.rows).toHaveLength(doc.interactions.length);
    const first = doc.interactions[0];
    expect(report().interactions!.rows[0].slice(0, 3)).toEqual([
      nameIn(doc.factors.find((f) => f.id === first.from)!.label, language),
      nameIn(doc.factors.find((f) => f.id === first.to)!.label, language),
      new Intl.NumberFormat(language, { signDisplay: 'exceptZero', maximumFractionDigits: 3 }).format(first.strength as number)
    ]);
  });

  it('quotes every piece of evidence verbatim, with what it supports', () => {
    expect(report().evidence.map((e) => e.quote)).toEqual(doc.evidence.map((e) => e.quote));
    expect(report().evidence.map((e) => e.source)).toEqual(doc.evidence.map((e) => e.source));
    const e1 = report().evidence.find((e) => e.id === 'e1')!;
    expect(e1.supports).toContain(nameIn(doc.factors.find((f) => f.id === 'israel')!.label, language));
  });

  it('keeps the analyst’s notes of each scenario and the document’s description, by paragraph', () => {
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    expect(report().scenarios.map((s) => words(s.notes.join(' ')))).toEqual(
      doc.scenarios.map((s) => words(s.notes ?? ''))
    );
    expect(report().scenarios.every((s) => s.notes.length > 0)).toBe(true);
    expect(words(report().description.join(' '))).toEqual(words(doc.description));
    // English, then Arabic: two paragraphs, so that each takes its own direction.
    expect(report().description).toHaveLength(doc.description.split(/\n\s*\n/).length);
    expect(report().description.length).toBeGreaterThan(1);
  });

  it('splits texts into paragraphs at blank lines only', () => {
    const d = {
      ...doc,
      description: '  One\nline two.\n\n \n\nOther.  ',
      scenarios: [{ ...doc.scenarios[0], notes: undefined }]
    };
    const r = buildReport(d, analysis(), language, options);
    expect(r.description).toEqual(['One\nline two.', 'Other.']);
    expect(r.scenarios[0].notes).toEqual([]);
  });

  it('names the file, the date in the locale, the period and the Monte Carlo settings', () => {
    expect(report().title).toBe(doc.title);
    expect(report().dir).toBe(language === 'ar' ? 'rtl' : 'ltr');
    const values = report().meta.map((m) => m.value);
    expect(values[0]).toBe('ashgabat-2024.mizan');
    expect(values[1]).toBe(new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(date));
    expect(values[2]).toContain(new Intl.NumberFormat(language).format(24));
    expect(values[3]).toContain(new Intl.NumberFormat(language).format(400));
    expect(values[3]).toContain('11');
  });
});

describe('documents that are not the default', () => {
  it('reports a scenario the model cannot compute, and still charts the others', () => {
    const d = makeDocument([{ id: 'a', weight: 2, start: 60, volatility: 2 }], { simulation: { runs: 50, seed: 1 } });
    d.scenarios.push({ ...d.scenarios[0], id: 'zero', name: { en: 'Zero', ar: 'صفر' }, weights: { a: 0 } });
    for (const language of LANGUAGES) {
      const report = buildReport(d, analyseForReport(d), language, options);
      expect(report.summary.rows.map((r) => r.id)).toEqual(['base']);
      const zero = report.scenarios.find((s) => s.id === 'zero')!;
      expect(zero.problem).toBe(report.text.problems.zeroWeights);
      expect(zero.figures).toEqual([]);
      expect(report.scenarios.find((s) => s.id === 'base')!.figures).toHaveLength(4);
      expect(report.compared).toHaveLength(3);
    }
  });

  it('shows the central path at the horizon and no distribution when Monte Carlo is off', () => {
    const d = makeDocument([{ id: 'a', weight: { low: 1, mode: 2, high: 3 }, start: 60, target: 70, pace: 0.2 }], {
      simulation: { runs: 0, seed: 1 }
    });
    const report = buildReport(d, analyseForReport(d), 'en', options);
    const row = report.summary.rows[0];
    expect(row.headline.monteCarlo).toBeNull();
    expect(row.cells.centralAtHorizon).toBe(points('en', row.headline.centralAtHorizon));
    expect(row.cells.median).toBeNull();
    expect(report.summary.noMonteCarlo).toBe('no Monte Carlo');
    expect(report.scenarios[0].figures.map((f) => f.kind)).toEqual(['tension', 'contributions', 'tornado']);
    expect(report.meta[3].value).toBe(report.text.simulationOff);
    expect(report.interactions).toBeNull();
    expect(report.scenarios[0].events).toBeNull();
  });

  it('names the author first when the document has one, and no author row when it has none', () => {
    const d = { ...makeDocument([{ id: 'a' }], { simulation: { runs: 0, seed: 1 } }), author: ' Leila Haddad ' };
    const named = buildReport(d, analyseForReport(d), 'ar', options);
    expect(named.meta[0]).toEqual({ label: 'المؤلف', value: 'Leila Haddad' });
    const anonymous = buildReport({ ...d, author: undefined }, analyseForReport(d), 'en', options);
    expect(anonymous.meta.map((m) => m.label)).not.toContain('Author');
  });

  it('shows a name typed in one language in the other report too, and lists it there as not translated', () => {
    const d = structuredClone(doc);
    d.factors[0].label = { en: 'Houthi attacks', ar: '' };
    d.scenarios[1].name = { en: '', ar: 'تصعيد البحر الأحمر' };
    const ar = buildReport(d, analysis(), 'ar', options);
    const en = buildReport(d, analysis(), 'en', options);
    // The factors table and the scenario sections carry the typed name, not an empty one.
    expect(ar.factors.rows.map((r) => r[0])).toContain('Houthi attacks');
    expect(en.scenarios[1].name).toBe('تصعيد البحر الأحمر');
    // Each report lists only the names missing in its own language, as shown.
    expect(ar.meta.at(-1)).toEqual({
      label: 'أسماء لم تُترجم إلى العربية بعد (معروضة بالإنجليزية)',
      value: 'Houthi attacks'
    });
    expect(en.meta.at(-1)).toEqual({
      label: 'Names not yet in English (shown in Arabic)',
      value: 'تصعيد البحر الأحمر'
    });
    // A document named in both languages has no such line.
    expect(reports().en.meta.map((m) => m.label)).not.toContain('Names not yet in English (shown in Arabic)');
  });

  it('gives an untitled document a title, and says when it is not saved to a file', () => {
    const d = { ...makeDocument([{ id: 'a' }], { simulation: { runs: 0, seed: 1 } }), title: '  ' };
    const report = buildReport(d, analyseForReport(d), 'ar', { fileName: null, date });
    expect(report.title).toBe('تحليل بلا عنوان');
    expect(report.meta[0].value).toBe('لم يُحفظ في ملف بعد');
  });
});

describe.each(LANGUAGES)('bidirectional controls in the document’s texts (%s)', (language) => {
  const hostileDoc = hostileDocument();
  hostileDoc.scenarios[1].notes = 'Notes \u202Bopen';
  hostileDoc.evidence[0].quote = `${hostileDoc.evidence[0].quote}\u2068`;
  const report = () =>
    buildReport(hostileDoc, analyseForReport(hostileDoc), language, {
      fileName: 'report\u202Egnp.mizan',
      date
    });

  /** Every string in the report, the charts' configurations included (labels, titles, legends). */
  function strings(value: unknown, out: string[] = []): string[] {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) for (const item of value) strings(item, out);
    else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) strings(item, out);
    return out;
  }

  it('leaves no text with an embedding or isolate open, nor a closer without an opener', () => {
    const all = strings(report());
    expect(all.filter((text) => bidiProblem(text) !== null)).toEqual([]);
    // The hostile labels are there, balanced, not removed.
    expect(all.some((text) => text.includes('\u202E'))).toBe(true);
  });

  it('closes the title’s override and the author’s isolate where they end', () => {
    if (language === 'en') {
      expect(report().title).toBe('\u2068Report\u202Egnp.csv\u202C\u2069');
      expect(report().meta[0]).toEqual({ label: report().text.meta.author, value: '\u2068Author\u2067x\u2069\u2069' });
    }
    expect(report().meta.find((m) => m.label === report().text.meta.file)?.value).toBe('reportgnp.mizan');
  });

  it('closes a name’s override before the text that follows it in the same line', () => {
    if (language !== 'en') return;
    const sanctions = report()
      .summary.rows.flatMap((r) => r.cells.contributors)
      .find((c) => c.includes('Sanctions'));
    // Was "Sanctions\u202E 14.2": the value shown reversed after the name.
    expect(sanctions).toMatch(/^\u2068Sanctions\u202E\u202C\u2069 \d/);
    expect(report().scenarios[0].figures[0].title).toMatch(/\u2068Base\u202Eline\u202C\u2069/);
  });
});
