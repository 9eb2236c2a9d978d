// Ids named after members of Object.prototype ("constructor", "toString", "hasOwnProperty",
// "valueOf", …) work as any other id, everywhere: loading, the model, the chart data, the
// report and the editor's edits give what the same document with ordinary ids gives.
// "__proto__" cannot be an id (ids start with a letter) and, as a key, is refused by name.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../../src/engine/analysis';
import { loadDocument, serializeDocument, validateDocument, type MizanDoc } from '../../src/engine/format';
import { CHART_KINDS, chartConfigs, type ChartInput } from '../../src/presentation/charts';
import { analyseForReport, buildReport } from '../../src/presentation/report';
import { makeDocument } from '../support/documents';
import { canonicalIds, idsOf, prototypeIdMap, renameIds, type IdMap } from '../support/renameIds';

const original: any = JSON.parse(readFileSync('resources/scenarios/ashgabat-2024.mizan', 'utf8'));
/** Every kind of id renamed to prototype names: a factor, a scenario and an event may share one. */
const ids: IdMap = prototypeIdMap(original);
const renamed = renameIds(original, ids);
const everyId = idsOf(ids);

const canonical = (value: unknown) => canonicalIds(value, everyId);

function loaded(json: unknown): MizanDoc {
  const result = loadDocument(JSON.stringify(json));
  if (!result.ok) expect.fail(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.document;
}

// Loaded on first use, not at import: code a test file runs while it loads is counted by
// Stryker as reached by every test, which then runs every test against each of its mutants.
let loadedDocs: { docA: MizanDoc; docB: MizanDoc } | undefined;
const docs = () => (loadedDocs ??= { docA: loaded(original), docB: loaded(renamed) });

describe('ids named like Object.prototype members', () => {
  it('the renamed document really uses them, as factor, scenario, event and evidence ids and as record keys', () => {
    const { docB } = docs();
    expect(docB.factors.slice(0, 4).map((f) => f.id)).toEqual(['constructor', 'toString', 'hasOwnProperty', 'valueOf']);
    expect(docB.scenarios.map((s) => s.id)).toEqual(['toString', 'constructor', 'valueOf']);
    expect(Object.keys(docB.scenarios[0].factors).slice(0, 4)).toEqual([
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf'
    ]);
    expect(docB.evidence[0].id).toBe('constructor');
    expect(docB.scenarios[0].events[0].id).toBe('constructor');
  });

  it('load and save unchanged', () => {
    const { docA, docB } = docs();
    expect(serializeDocument(docB)).toBe(serializeDocument(renameIds(docA, ids)));
    expect(validateDocument(JSON.parse(serializeDocument(docB)))).toEqual({ ok: true, document: docB });
  });

  it('give the model the same numbers as ordinary ids (central paths, Monte Carlo, tornado, importance)', () => {
    const { docA, docB } = docs();
    const a = analyseDocument(docA, { runs: 300 });
    const b = analyseDocument(docB, { runs: 300 });
    expect(b.scenarios.map((s) => Object.keys(s.central.contributions).slice(0, 2))).toEqual([
      ['constructor', 'toString'],
      ['constructor', 'toString'],
      ['constructor', 'toString']
    ]);
    expect(canonical(b)).toEqual(canonical(a));
    // The comparison sees the numbers: another seed is another analysis.
    expect(canonical(b)).not.toEqual(canonical(analyseDocument(docA, { runs: 300, seed: 1 })));
  });

  it('find a scenario’s weight override stored under such an id, and a missing one falls back to the base weight', () => {
    // One factor "constructor" with base weight 2 and an override of 6 in one scenario; a second
    // factor "valueOf" with no override at all (where a plain lookup found Object.prototype.valueOf).
    const doc = makeDocument([
      { id: 'constructor', weight: 2, start: 80, target: 80 },
      { id: 'valueOf', weight: 2, start: 20, target: 20 }
    ]);
    doc.scenarios[0].weights = { constructor: 6 };
    const central = analyseDocument(validated(doc), { runs: 0 }).scenarios[0].central.tension[0];
    expect(central).toBeCloseTo((6 * 80 + 2 * 20) / 8, 9);
  });

  it.each(CHART_KINDS)('draw the same %s chart data', (kind) => {
    const { docA, docB } = docs();
    const analysisA = analyseDocument(docA, { runs: 200 });
    const analysisB = analyseDocument(docB, { runs: 200 });
    const input = (doc: MizanDoc, analysis: typeof analysisA, map: (id: string) => string): ChartInput => ({
      doc,
      analysis,
      selectedScenario: map('escalation'),
      compared: ['baseline', 'escalation', 'deescalation'].map(map),
      language: 'en',
      theme: 'light'
    });
    const a = chartConfigs(
      kind,
      input(docA, analysisA, (id) => id)
    );
    const b = chartConfigs(
      kind,
      input(docB, analysisB, (id) => ids.scenarios.get(id) ?? id)
    );
    expect(b.length).toBe(a.length);
    const data = (configs: typeof a) => configs.map((c) => ({ labels: c.data.labels, datasets: c.data.datasets }));
    expect(canonical(data(b))).toEqual(canonical(data(a)));
    // Every factor has its series: none is missing or taken for an inherited member.
    for (const c of b)
      for (const d of c.data.datasets)
        expect(d.data.every((v) => v === null || typeof v === 'number' || Array.isArray(v))).toBe(true);
  });

  it('fill the report with the same content', () => {
    const { docA, docB } = docs();
    const options = { fileName: 'x.mizan', date: new Date(Date.UTC(2026, 0, 1)) };
    const smallA = { ...docA, simulation: { runs: 200, seed: 3 } };
    const smallB = { ...docB, simulation: { runs: 200, seed: 3 } };
    for (const language of ['en', 'ar'] as const) {
      const a = buildReport(smallA, analyseForReport(smallA), language, options);
      const b = buildReport(smallB, analyseForReport(smallB), language, options);
      expect(b.summary.rows.map((r) => r.id)).toEqual(['toString', 'constructor', 'valueOf']);
      expect(b.scenarios[0].settings.rows).toHaveLength(docB.factors.length);
      expect(canonical(b)).toEqual(canonical(a));
    }
  });

  it('work for any mix of prototype names and ordinary ids (fuzz)', () => {
    const names = [
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'isPrototypeOf',
      'propertyIsEnumerable',
      'toLocaleString',
      'f1',
      'f2',
      'f3'
    ];
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...names), { minLength: 2, maxLength: 5 }),
        fc.integer({ min: 0, max: 3 }),
        (factorIds, overridden) => {
          const doc = makeDocument(factorIds.map((id, i) => ({ id, weight: 1 + i, start: 10 * (i + 1), target: 50 })));
          const plain = makeDocument(
            factorIds.map((_, i) => ({ id: `p${i}`, weight: 1 + i, start: 10 * (i + 1), target: 50 }))
          );
          const k = overridden % factorIds.length;
          doc.scenarios[0].weights = { [factorIds[k]]: 9 };
          plain.scenarios[0].weights = { [`p${k}`]: 9 };
          const a = analyseDocument(validated(plain), { runs: 50 }).scenarios[0];
          const b = analyseDocument(validated(doc), { runs: 50 }).scenarios[0];
          expect(b.central.tension).toEqual(a.central.tension);
          // The same numbers; the mean contributions are keyed by the factors' own ids.
          const { meanContributions: byName, ...restB } = b.monteCarlo!;
          const { meanContributions: byPlain, ...restA } = a.monteCarlo!;
          expect(restB).toEqual(restA);
          expect(Object.keys(byName!)).toEqual(factorIds);
          expect(Object.values(byName!)).toEqual(Object.values(byPlain!));
        }
      ),
      { numRuns: 30 }
    );
  });
});

function validated(doc: MizanDoc): MizanDoc {
  const result = validateDocument(JSON.parse(JSON.stringify(doc)));
  if (!result.ok) expect.fail(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.document;
}

describe('"__proto__"', () => {
  const minimal = () => JSON.parse(readFileSync('tests/fixtures/v2/minimal.mizan', 'utf8'));
  /** The text of a document with `key: value` added as an own key of the object at `path`. */
  const withKey = (path: (doc: any) => any, key: string, value: unknown) => {
    const doc = minimal();
    Object.defineProperty(path(doc), key, { value, enumerable: true, writable: true, configurable: true });
    return JSON.stringify(doc);
  };

  it.each([
    [
      'a scenario’s factors',
      (d: any) => d.scenarios[0].factors,
      'scenarios[0].factors.__proto__',
      { start: 1, target: 2, pace: 0.1, volatility: 1 },
      'scenario “Baseline” [baseline] › factor ["__proto__"]'
    ],
    [
      'a scenario’s weights',
      (d: any) => (d.scenarios[0].weights = {}),
      'scenarios[0].weights.__proto__',
      3,
      'scenario “Baseline” [baseline] › weight of factor ["__proto__"]'
    ],
    ['the view', (d: any) => (d.view = { a: 1 }), 'view.__proto__', { polluted: true }, undefined],
    ['something deep in the view', (d: any) => (d.view = { a: [{ b: 1 }] }).a[0], 'view.a[0].__proto__', 2, undefined]
  ])('as a key of %s is refused by name, not dropped', (_, path, where, value, place) => {
    const text = withKey(path, '__proto__', value);
    expect(text).toContain('"__proto__"');
    const result = loadDocument(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map(({ path, message }) => ({ path, message }))).toEqual([
        { path: where, message: 'uses the name "__proto__", which is reserved: rename or remove this entry' }
      ]);
      expect(result.problems[0].place?.en).toBe(place);
    }
  });

  it('as an id is refused with the rule for ids', () => {
    const doc = minimal();
    doc.factors[0].id = '__proto__';
    const result = loadDocument(JSON.stringify(doc));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems[0]).toEqual({
        path: 'factors[0].id',
        message: expect.stringMatching(/must start with a letter.*found text "__proto__"/),
        // no id of a shape ids cannot have in the place: the factor is named by its label
        place: { en: 'factor “Military pressure” › id', ar: 'العامل «Military pressure» › id' }
      });
  });

  it('never changes a prototype or throws on the way', () => {
    const text = withKey((d) => d.scenarios[0].factors, '__proto__', { polluted: 1 });
    expect(() => loadDocument(text)).not.toThrow();
    expect(({} as any).polluted).toBeUndefined();
  });
});
