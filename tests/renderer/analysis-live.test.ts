// The analysis pane's pure parts: the central analysis on every edit, the Monte Carlo joined
// in, the worker pool's merging, the divider's arithmetic, the table cells and the messages.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../../src/engine/analysis';
import { withCentral } from '../../src/engine/edits';
import { loadDocument, type MizanDoc } from '../../src/engine/format';
import { tornado } from '../../src/engine/model/sensitivity';
import { compileScenario } from '../../src/engine/model/compile';
import { mergeUpdates, partitionRuns, withTracking, type PartProgress } from '../../src/renderer/src/simulation/merge';
import { defaultPoolSize } from '../../src/renderer/src/simulation/client';
import {
  runProgressive,
  type PartUpdate,
  type RunPiece,
  type UncertaintyUpdate
} from '../../src/renderer/src/simulation/progressive';
import {
  centralAnalysis,
  comparedOf,
  selectedScenarioOf,
  uncertaintyOf,
  withMeanContributions,
  withTornadoMetric,
  withUncertainty
} from '../../src/renderer/src/analysis/live';
import { analysisMessages, ar, en } from '../../src/renderer/src/ui/analysis/messages';
import {
  clampShare,
  loadShare,
  saveShare,
  shareAfterKey,
  shareAtPointer,
  SPLIT,
  SPLIT_STORAGE_KEY
} from '../../src/renderer/src/ui/analysis/splitter';
import { formatCell } from '../../src/renderer/src/ui/analysis/table';

const loaded = loadDocument(readFileSync('tests/fixtures/as-first-written/ashgabat-2024.mizan', 'utf8'));
if (!loaded.ok) throw new Error('default analysis does not load');
const doc = loaded.document;
const quick = analyseDocument(doc, { runs: 200 });

/** The document with every weight zero: the baseline cannot be computed (the others override a weight). */
const zeroFactors: MizanDoc = { ...doc, factors: doc.factors.map((f) => ({ ...f, weight: 0 })) };

function update(stage: UncertaintyUpdate['stage'], ids: string[], runs = 200): PartUpdate {
  return {
    stage,
    pieces: [],
    runs,
    seed: doc.simulation.seed,
    scenarios: ids.map((id) => {
      const s = quick.scenarios.find((x) => x.id === id)!;
      return { id, monteCarlo: s.monteCarlo!, importance: [] };
    })
  };
}

describe('centralAnalysis', () => {
  it('gives the engine’s central series and tornado for every scenario, without Monte Carlo', () => {
    const central = centralAnalysis(doc);
    expect(central.problems).toEqual([]);
    expect(central.months).toEqual(quick.months);
    central.scenarios.forEach((s, i) => {
      expect(s.id).toBe(quick.scenarios[i].id);
      expect(s.central).toEqual(quick.scenarios[i].central);
      expect(s.monteCarlo).toBeNull();
      expect(s.tornado).toEqual(tornado(compileScenario(doc, i)));
    });
  });

  it('sets aside a scenario the model cannot compute, named, and keeps the others', () => {
    const central = centralAnalysis(zeroFactors);
    expect(central.problems.map((p) => [p.id, p.zeroWeights, p.path])).toEqual([
      ['baseline', true, 'scenarios[0].weights']
    ]);
    expect(central.scenarios.map((s) => s.id)).toEqual(['escalation', 'deescalation']);
    const none = centralAnalysis({
      ...zeroFactors,
      scenarios: zeroFactors.scenarios.map((s) => ({ ...s, weights: {} }))
    });
    expect(none.scenarios).toEqual([]);
    expect(none.problems).toHaveLength(3);
  });

  it('given the analysis before an edit, gives what it gives without it, reusing the factors’ paths it can', () => {
    const central = centralAnalysis(doc);
    const earlier = { document: doc, central };
    const f0 = doc.factors[0].id;
    // The weight slider's edit: the central value moved, a range kept a range.
    const weighed: MizanDoc = {
      ...doc,
      factors: doc.factors.map((f, i) => (i === 0 ? { ...f, weight: withCentral(f.weight, 9.5) } : f))
    };
    const started: MizanDoc = {
      ...doc,
      scenarios: doc.scenarios.map((s, k) =>
        k === 1 ? { ...s, factors: { ...s.factors, [f0]: { ...s.factors[f0], start: 12 } } } : s
      )
    };
    const renamed: MizanDoc = { ...doc, title: 'Renamed', scenarios: [...doc.scenarios].reverse() };
    for (const next of [weighed, started, renamed, zeroFactors, doc]) {
      const fresh = centralAnalysis(next);
      const reused = centralAnalysis(next, earlier);
      expect(reused.problems).toEqual(fresh.problems);
      expect(reused.months).toEqual(fresh.months);
      reused.scenarios.forEach((s, i) => {
        expect(s.id).toBe(fresh.scenarios[i].id);
        expect(s.name).toBe(fresh.scenarios[i].name);
        expect(s.central).toEqual(fresh.scenarios[i].central);
        expect(s.tornado).toEqual(fresh.scenarios[i].tornado);
        expect(withTornadoMetric(reused, 'peak').scenarios[i].tornado).toEqual(
          withTornadoMetric(fresh, 'peak').scenarios[i].tornado
        );
      });
    }
    // A weight moves no factor: the factors' paths are the very ones of the analysis before.
    const reweighed = centralAnalysis(weighed, earlier);
    reweighed.scenarios.forEach((s, i) => expect(s.central.factors).toBe(central.scenarios[i].central.factors));
    // An edit of one scenario leaves the others' results as they were.
    const one = centralAnalysis(started, earlier);
    expect(one.scenarios[0].central).toBe(central.scenarios[0].central);
    expect(one.scenarios[1].central.factors).not.toBe(central.scenarios[1].central.factors);
    // And the analysis after a problem is computed afresh where it has no path to reuse.
    const afterZero = centralAnalysis(doc, { document: zeroFactors, central: centralAnalysis(zeroFactors) });
    expect(afterZero.scenarios.map((s) => s.central)).toEqual(central.scenarios.map((s) => s.central));
  });

  it('computes the tornado only when it is read', () => {
    const central = centralAnalysis(doc);
    const s = central.scenarios[0];
    const first = s.tornado;
    expect(s.tornado).toBe(first);
  });
});

describe('withTornadoMetric', () => {
  it('is the analysis itself for T at the horizon', () => {
    const central = centralAnalysis(doc);
    expect(withTornadoMetric(central, 'final')).toBe(central);
  });

  it('measures each scenario’s tornado on peak T, once, and keeps the rest of the analysis', () => {
    const central = centralAnalysis(doc);
    const peak = withTornadoMetric(central, 'peak');
    expect(peak.months).toBe(central.months);
    expect(peak.problems).toBe(central.problems);
    let differs = false;
    peak.scenarios.forEach((s, i) => {
      const bars = tornado(compileScenario(doc, i), 'peak');
      expect(s.tornado).toEqual(bars);
      expect(s.tornado).toBe(s.tornado);
      expect(s.central).toBe(central.scenarios[i].central);
      expect(s.id).toBe(central.scenarios[i].id);
      differs ||= JSON.stringify(bars) !== JSON.stringify(central.scenarios[i].tornado);
    });
    // The two measures tell different stories for the default analysis (else this test proves nothing).
    expect(differs).toBe(true);
    // A second view of the same analysis reuses the bars computed for the first.
    expect(withTornadoMetric(central, 'peak').scenarios[0].tornado).toBe(peak.scenarios[0].tornado);
  });

  it('refuses a scenario result that did not come from centralAnalysis', () => {
    const central = centralAnalysis(doc);
    const foreign = { ...central, scenarios: [{ ...central.scenarios[0] }] };
    expect(() => withTornadoMetric(foreign, 'peak')).toThrow(/baseline is not from centralAnalysis/);
  });
});

describe('withMeanContributions', () => {
  it('is null while a scenario has no mean contributions (no Monte Carlo yet)', () => {
    expect(withMeanContributions(centralAnalysis(doc))).toBeNull();
  });

  it('takes each scenario’s mean contributions over the runs, and their sum as T', () => {
    const analysis = analyseDocument(doc, { runs: 200 });
    const mean = withMeanContributions(analysis)!;
    expect(mean.months).toBe(analysis.months);
    mean.scenarios.forEach((s, i) => {
      const given = analysis.scenarios[i];
      const means = given.monteCarlo!.meanContributions!;
      expect(s.id).toBe(given.id);
      expect(s.central.contributions).toBe(means);
      expect(s.central.factors).toBe(given.central.factors);
      s.central.tension.forEach((value, t) =>
        expect(value).toBeCloseTo(
          Object.values(means).reduce((sum, c) => sum + c[t], 0),
          12
        )
      );
      expect(s.monteCarlo).toBe(given.monteCarlo);
      expect(s.tornado).toBe(given.tornado);
    });
    // The runs' mean T is not the central path's T.
    expect(mean.scenarios[0].central.tension.at(-1)).not.toBeCloseTo(analysis.scenarios[0].central.tension.at(-1)!, 2);
  });
});

describe('withUncertainty', () => {
  it('joins the Monte Carlo by scenario id, keeping the central series', () => {
    const central = centralAnalysis(doc);
    const joined = withUncertainty(central, uncertaintyOf(update('quick', ['escalation'])));
    expect(joined.scenarios.map((s) => s.monteCarlo !== null)).toEqual([false, true, false]);
    expect(joined.scenarios[1].monteCarlo).toEqual(quick.scenarios[1].monteCarlo);
    expect(joined.scenarios[1].central).toBe(central.scenarios[1].central);
    expect(joined.scenarios[1].tornado).toBe(central.scenarios[1].tornado);
  });

  it('keeps older bands after an edit, but not when the horizon changed', () => {
    const bands = uncertaintyOf(update('refined', ['baseline', 'escalation', 'deescalation']));
    const edited = centralAnalysis({ ...doc, factors: doc.factors.map((f, i) => (i === 0 ? { ...f, weight: 9 } : f)) });
    expect(withUncertainty(edited, bands).scenarios.every((s) => s.monteCarlo !== null)).toBe(true);
    const longer = centralAnalysis({ ...doc, horizonMonths: doc.horizonMonths + 6 });
    expect(withUncertainty(longer, bands).scenarios.every((s) => s.monteCarlo === null)).toBe(true);
    expect(withUncertainty(longer, null)).toBe(longer);
  });

  it('carries each scenario’s evidence and the odds, and leaves odds of another timeline out', async () => {
    const loadedTracked = loadDocument(readFileSync('tests/fixtures/v2/tracked.mizan', 'utf8'));
    if (!loadedTracked.ok) throw new Error('tracked fixture');
    const tracked = { ...loadedTracked.document, simulation: { ...loadedTracked.document.simulation, runs: 300 } };
    const updates: UncertaintyUpdate[] = [];
    await runProgressive(
      tracked,
      { quickRuns: 300, chunk: 300, importance: false },
      (u) => updates.push(u),
      async () => {},
      () => false
    );
    const refined = withTracking(updates[0], tracked);
    const cli = analyseDocument(tracked, { importance: false });
    const joined = withUncertainty(centralAnalysis(tracked), uncertaintyOf(refined));
    expect(joined.tracking).toEqual(cli.tracking);
    joined.scenarios.forEach((s, k) => expect(s.evidence).toEqual(cli.scenarios[k].evidence));
    // The tornado is still computed only when read, and the central series kept.
    expect(joined.scenarios[0].central).toEqual(cli.scenarios[0].central);
    const longer = centralAnalysis({ ...tracked, horizonMonths: tracked.horizonMonths + 3 });
    expect(withUncertainty(longer, uncertaintyOf(refined)).tracking).toBeUndefined();
    expect(withUncertainty(centralAnalysis(tracked), uncertaintyOf(updates[0])).tracking).toBeUndefined();
  });
});

describe('selected and compared scenarios', () => {
  const central = centralAnalysis(zeroFactors);
  it('falls back to the first computable scenario', () => {
    expect(selectedScenarioOf('escalation', central)).toBe('escalation');
    expect(selectedScenarioOf('baseline', central)).toBe('escalation');
    expect(selectedScenarioOf(null, central)).toBe('escalation');
    expect(selectedScenarioOf(null, centralAnalysis({ ...doc, scenarios: [] }))).toBe('');
  });
  it('compares all (null) in the document’s order, or the chosen ones in their order, computable only', () => {
    expect(comparedOf(null, central)).toEqual(['escalation', 'deescalation']);
    expect(comparedOf(['deescalation', 'baseline', 'escalation', 'deescalation'], central)).toEqual([
      'deescalation',
      'escalation'
    ]);
    expect(comparedOf([], central)).toEqual([]);
  });
});

describe('the worker pool', () => {
  it('shares the runs out evenly, splitting a scenario where needed, never within its quick estimate', () => {
    const covered = (parts: RunPiece[][], scenarios: number, runs: number) => {
      const all = parts.flat().sort((a, b) => a.scenario - b.scenario || a.first - b.first);
      const next = new Array(scenarios).fill(0);
      for (const p of all) {
        expect(p.first).toBe(next[p.scenario]);
        next[p.scenario] += p.count;
      }
      return next.every((n) => n === runs);
    };
    const two = partitionRuns(3, 5000, 2, 400);
    expect(two).toEqual([
      [
        { scenario: 0, first: 0, count: 5000 },
        { scenario: 1, first: 0, count: 2500 }
      ],
      [
        { scenario: 1, first: 2500, count: 2500 },
        { scenario: 2, first: 0, count: 5000 }
      ]
    ]);
    expect(covered(two, 3, 5000)).toBe(true);
    expect(partitionRuns(3, 5000, 3, 400).map((p) => p.length)).toEqual([1, 1, 1]);
    // A cut that would fall within the first 400 runs of a scenario moves past them.
    const moved = partitionRuns(2, 1000, 3, 400);
    expect(
      moved
        .flat()
        .filter((p) => p.first > 0)
        .every((p) => p.first >= 400)
    ).toBe(true);
    expect(covered(moved, 2, 1000)).toBe(true);
    // Fewer runs than a quick estimate: whole scenarios only.
    expect(
      partitionRuns(3, 300, 2, 400)
        .flat()
        .every((p) => p.first === 0 && p.count === 300)
    ).toBe(true);
    expect(partitionRuns(0, 5000, 2, 400)).toEqual([]);
    expect(partitionRuns(3, 0, 2, 400)).toEqual([]);
    for (const [s, r, w] of [
      [1, 5000, 4],
      [5, 777, 3],
      [2, 401, 2]
    ] as const)
      expect(covered(partitionRuns(s, r, w, 400), s, r)).toBe(true);
  });

  it('is as many workers as cores, from one to four', () => {
    expect([1, 2, 3, 4, 16].map(defaultPoolSize)).toEqual([1, 2, 3, 4, 4]);
    expect(defaultPoolSize(undefined)).toBe(2);
  });

  it('publishes a stage once every part reached it, in the document’s order', () => {
    const order = ['baseline', 'escalation', 'deescalation'];
    const model = {
      horizon: doc.horizonMonths,
      crisis: doc.thresholds.crisis,
      factorIds: doc.factors.map((f) => f.id)
    };
    const progress = (...updates: PartUpdate[]): PartProgress => Object.fromEntries(updates.map((u) => [u.stage, u]));
    expect(mergeUpdates([progress(update('quick', ['baseline'])), {}], order, model)).toBeNull();
    const merged = mergeUpdates(
      [progress(update('refined', ['deescalation'], 5000)), progress(update('quick', ['baseline', 'escalation']))],
      order,
      model
    )!;
    expect(merged.stage).toBe('quick');
    expect(merged.runs).toBe(200);
    expect(merged.scenarios.map((s) => s.id)).toEqual(order);
    const refined = mergeUpdates(
      [progress(update('refined', ['escalation'], 5000)), progress(update('refined', [], 5000))],
      order,
      model
    )!;
    expect([refined.stage, refined.runs, refined.scenarios.map((s) => s.id)]).toEqual([
      'refined',
      5000,
      ['escalation']
    ]);
  });

  it('gives the command line’s numbers when a scenario’s runs are split between workers', async () => {
    const small: MizanDoc = { ...doc, simulation: { ...doc.simulation, runs: 900 } };
    const parts = partitionRuns(3, 900, 2, 100);
    expect(parts.flat().some((p) => p.first > 0)).toBe(true);
    const progress: PartProgress[] = [];
    for (const pieces of parts) {
      const part: PartProgress = {};
      await runProgressive(
        small,
        { quickRuns: 100, chunk: 250, pieces, importance: false },
        (u) => (part[u.stage] = u),
        async () => undefined,
        () => false
      );
      progress.push(part);
    }
    const model = {
      horizon: small.horizonMonths,
      crisis: small.thresholds.crisis,
      factorIds: small.factors.map((f) => f.id)
    };
    const order = small.scenarios.map((s) => s.id);
    // Quick: every scenario from its first 100 runs; refined: all 900, joined where split.
    const quickOnly = progress.map((p) => ({ quick: p.quick }));
    const quickMerged = mergeUpdates(quickOnly, order, model)!;
    const quickFull = analyseDocument(small, { runs: 100 });
    quickMerged.scenarios.forEach((s, i) => expect(s.monteCarlo).toEqual(quickFull.scenarios[i].monteCarlo));
    const merged = mergeUpdates(progress, order, model)!;
    expect(merged.stage).toBe('refined');
    const full = analyseDocument(small);
    expect(merged.scenarios.map((s) => s.id)).toEqual(order);
    merged.scenarios.forEach((s, i) => {
      // Everything the same bit for bit, but the mean contributions of a split scenario: its
      // pieces' totals are added in another order than one worker adds its runs.
      const { meanContributions: joined, ...rest } = s.monteCarlo;
      const { meanContributions: whole, ...expected } = full.scenarios[i].monteCarlo!;
      expect(rest).toEqual(expected);
      expect(Object.keys(joined!)).toEqual(Object.keys(whole!));
      for (const id of Object.keys(whole!)) joined![id].forEach((v, t) => expect(v).toBeCloseTo(whole![id][t], 9));
    });
  });
});

describe('a worker’s part of a simulation', () => {
  const small: MizanDoc = { ...doc, simulation: { ...doc.simulation, runs: 300 } };
  const run = async (d: MizanDoc, options: Partial<Parameters<typeof runProgressive>[1]>, cancelAt = Infinity) => {
    const updates: UncertaintyUpdate[] = [];
    let calls = 0;
    const status = await runProgressive(
      d,
      { quickRuns: 100, chunk: 1000, ...options },
      (u) => updates.push(u),
      async () => undefined,
      () => ++calls > cancelAt
    );
    return { status, updates };
  };

  it('runs only the scenarios given, without the importance when asked, the same numbers as the command line', async () => {
    const { updates } = await run(small, {
      pieces: [
        { scenario: 2, first: 0, count: 300 },
        { scenario: 0, first: 0, count: 300 }
      ],
      importance: false
    });
    expect(updates.map((u) => [u.stage, u.scenarios.map((s) => s.id)])).toEqual([
      ['quick', ['deescalation', 'baseline']],
      ['refined', ['deescalation', 'baseline']]
    ]);
    const full = analyseDocument(small);
    expect(updates[1].scenarios[0].monteCarlo).toEqual(full.scenarios[2].monteCarlo);
    expect(updates[1].scenarios.every((s) => s.importance.length === 0)).toBe(true);
  });

  it('waits before the refined stage when asked, and stops there if a newer request came', async () => {
    let waited = 0;
    const beforeRefined = async () => void waited++;
    expect((await run(small, { beforeRefined })).updates.map((u) => u.stage)).toEqual(['quick', 'refined']);
    expect(waited).toBe(1);
    // Cancelled during the wait: the quick estimate only.
    const cancelled = await run(small, { beforeRefined }, 3);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.updates.map((u) => u.stage)).toEqual(['quick']);
  });

  it('leaves out a scenario the model cannot compute, and fails only when none can be', async () => {
    const some = await run({ ...zeroFactors, simulation: small.simulation }, {});
    expect(some.updates[1].scenarios.map((s) => s.id)).toEqual(['escalation', 'deescalation']);
    await expect(
      run({ ...zeroFactors, simulation: small.simulation }, { pieces: [{ scenario: 0, first: 0, count: 300 }] })
    ).rejects.toThrow(/weights are zero/);
  });
});

describe('the divider', () => {
  it('keeps the editor’s share within bounds', () => {
    expect(clampShare(10)).toBe(SPLIT.min);
    expect(clampShare(95)).toBe(SPLIT.max);
    expect(clampShare(Number.NaN)).toBe(SPLIT.initial);
    expect(clampShare(44.44)).toBe(44.4);
  });

  it('moves the way the arrow points, also right to left', () => {
    expect(shareAfterKey(50, 'ArrowRight', false)).toBe(52);
    expect(shareAfterKey(50, 'ArrowLeft', false)).toBe(48);
    // In Arabic the editor is on the right: moving the divider left widens it.
    expect(shareAfterKey(50, 'ArrowLeft', true)).toBe(52);
    expect(shareAfterKey(50, 'ArrowRight', true)).toBe(48);
    expect(shareAfterKey(50, 'PageUp', false)).toBe(60);
    expect(shareAfterKey(50, 'Home', true)).toBe(SPLIT.min);
    expect(shareAfterKey(50, 'End', false)).toBe(SPLIT.max);
    expect(shareAfterKey(50, 'Enter', false)).toBeNull();
  });

  it('follows the pointer from the start edge', () => {
    expect(shareAtPointer(600, 100, 1000, false)).toBe(50);
    expect(shareAtPointer(400, 100, 1000, false)).toBe(SPLIT.min);
    expect(shareAtPointer(400, 100, 1000, true)).toBe(SPLIT.max);
    expect(shareAtPointer(500, 100, 1000, true)).toBe(60);
  });

  it('is remembered, and a broken memory is ignored', () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v)
    };
    expect(loadShare(storage)).toBe(SPLIT.initial);
    saveShare(storage, 61);
    expect(JSON.parse(data.get(SPLIT_STORAGE_KEY)!)).toEqual({ editorShare: 61 });
    expect(loadShare(storage)).toBe(61);
    data.set(SPLIT_STORAGE_KEY, '{not json');
    expect(loadShare(storage)).toBe(SPLIT.initial);
    expect(loadShare(undefined)).toBe(SPLIT.initial);
  });
});

describe('table cells', () => {
  it('shows numbers in the language, whole numbers whole, others to one decimal', () => {
    expect(formatCell('en', 62.2345)).toBe('62.2');
    expect(formatCell('en', 5000)).toBe('5,000');
    expect(formatCell('ar', 62.25)).toBe(
      new Intl.NumberFormat('ar', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(62.25)
    );
    expect(formatCell('ar', 5000)).toBe(new Intl.NumberFormat('ar').format(5000));
    expect(formatCell('en', null)).toBe('');
    expect(formatCell('en', Number.NaN)).toBe('—');
    expect(formatCell('ar', 'Oct 2024')).toBe('Oct 2024');
  });
});

describe('messages', () => {
  it('has the same keys in English and Arabic, every text filled', () => {
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
    for (const messages of [en, ar]) {
      for (const [key, value] of Object.entries(messages)) {
        const text =
          typeof value === 'function' ? (value as (...a: string[]) => string)('x', 'y', 'z') : JSON.stringify(value);
        expect(text.trim(), key).not.toBe('');
      }
    }
    expect(ar.shortcuts).toHaveLength(en.shortcuts.length);
    expect(analysisMessages('ar')).toBe(ar);
  });
});
