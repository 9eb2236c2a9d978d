// Tracking (issue 13): a hand-worked example to 1e-12, the inverted-CDF weighted quantiles, and
// the properties the issue names, on documents run through the engine.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseDocument, type DocumentAnalysis } from '../../src/engine/analysis';
import { loadDocument, type MizanDoc, type ObservationDef } from '../../src/engine/format';
import {
  effectiveRuns,
  logMeanExp,
  outcomeTerm,
  posteriorOdds,
  readingTerm,
  runLikelihoods,
  runWeights,
  scenarioEvidence,
  weightedQuantiles,
  type TrackedRuns
} from '../../src/engine/model/tracking';
import { compileScenario } from '../../src/engine/model/compile';
import { MonteCarlo } from '../../src/engine/model/montecarlo';
import {
  documentTracking,
  joinTerms,
  observationTerms,
  observedLevelsOf,
  scoreEvents,
  trackingOf as trackingFromScenarios
} from '../../src/engine/tracking';
import { makeDocument } from '../support/documents';

const c = -Math.log(5) - 0.5 * Math.log(2 * Math.PI);

/** Three runs of a two-month scenario: T in months 0..2, whether the event fired, whether a run reached crisis. */
function runsOf(tension: number[][], crisisEver: number[]): TrackedRuns {
  return {
    runs: crisisEver.length,
    horizon: 2,
    tension: (t) => tension[t],
    crisisEver,
    forecast: { quantiles: { '5': [], '25': [], '50': [], '75': [], '95': [] }, pCrisisEver: Number.NaN }
  };
}

describe('a hand-worked example: two scenarios, three runs each, one reading, one event', () => {
  // Month 1: the index read as 62 ± 5. Month 2: the event happened.
  // A: T(1) = 50, 60, 70; the event fired in runs 1 and 3. B: T(1) = 40, 45, 80; fired in run 3 only.
  const tensionA = [
    [55, 55, 55],
    [50, 60, 70],
    [52, 61, 78]
  ];
  const tensionB = [
    [55, 55, 55],
    [40, 45, 80],
    [41, 44, 85]
  ];
  const termsOf = (tension: number[][], fired: number[]) => [
    outcomeTerm('happened', 2, true, fired),
    readingTerm('reading', 1, 62, 5, tension[1])
  ];
  // Computed in each test, not here: code run while a test file loads counts, for a mutation run,
  // as reached by every test (docs/TESTING.md).
  const evidenceOf = () => ({
    a: scenarioEvidence(termsOf(tensionA, [1, 0, 1]), runsOf(tensionA, [0, 0, 1]), null),
    b: scenarioEvidence(termsOf(tensionB, [0, 0, 1]), runsOf(tensionB, [0, 0, 1]), null)
  });

  it('each run’s log-likelihood, and each scenario’s evidence month by month', () => {
    const { a, b } = evidenceOf();
    // A's runs: (62 − 50)/5 = 2.4 and (62 − 70)/5 = −1.6; run 2 did not see the event.
    const ellA = [c - 0.5 * 2.4 ** 2, -Infinity, c - 0.5 * 1.6 ** 2];
    const { logLikelihood } = runLikelihoods(termsOf(tensionA, [1, 0, 1]), 3, 2);
    ellA.forEach((l, r) => expect(logLikelihood[r]).toBeCloseTo(l, 12));
    // Month 0: no observation yet. Month 1: the reading alone. Month 2: the reading and the event.
    const readingOnlyA = Math.log((Math.exp(c - 2.88) + Math.exp(c - 0.08) + Math.exp(c - 1.28)) / 3);
    const finalA = Math.log((Math.exp(c - 2.88) + Math.exp(c - 1.28)) / 3);
    expect(a.logLikelihoodByMonth[0]).toBe(0);
    expect(a.logLikelihoodByMonth[1]).toBeCloseTo(readingOnlyA, 12);
    expect(a.logLikelihoodByMonth[2]).toBeCloseTo(finalA, 12);
    expect(a.logLikelihood).toBe(a.logLikelihoodByMonth[2]);
    // B: only run 3 saw the event; (62 − 80)/5 = −3.6.
    expect(b.logLikelihood).toBeCloseTo(c - 0.5 * 3.6 ** 2 - Math.log(3), 12);
  });

  it('the odds: π ∝ prior · L, at the end and before the event was known', () => {
    const { a, b } = evidenceOf();
    const end = posteriorOdds([0.5, 0.5], [a.logLikelihood, b.logLikelihood])!;
    const la = Math.exp(-2.88) + Math.exp(-1.28);
    const lb = Math.exp(-6.48);
    expect(end[0]).toBeCloseTo(la / (la + lb), 12);
    expect(end[1]).toBeCloseTo(lb / (la + lb), 12);
    // With priors 0.2 and 0.8 the same likelihoods weigh in.
    const tilted = posteriorOdds([0.2, 0.8], [a.logLikelihood, b.logLikelihood])!;
    expect(tilted[0]).toBeCloseTo((0.2 * la) / (0.2 * la + 0.8 * lb), 12);
    const month1 = posteriorOdds([0.5, 0.5], [a.logLikelihoodByMonth[1], b.logLikelihoodByMonth[1]])!;
    const ra = Math.exp(-2.88) + Math.exp(-0.08) + Math.exp(-1.28);
    const rb = Math.exp(-0.5 * 4.4 ** 2) + Math.exp(-0.5 * 3.4 ** 2) + Math.exp(-0.5 * 3.6 ** 2);
    expect(month1[0]).toBeCloseTo(ra / (ra + rb), 12);
  });

  it('the conditioned forecast: weighted quantiles by the inverted CDF, P(crisis ever), effective runs', () => {
    const { a, b } = evidenceOf();
    // A's weights: exp(ℓ − max ℓ) = e^(−1.6), 0, 1.
    const w = Math.exp(-1.6);
    expect(a.effectiveRuns).toBeCloseTo((1 + w) ** 2 / (1 + w * w), 12);
    // Month 1 values 50 (w), 60 (0), 70 (1): the CDF reaches w/(1 + w) = 0.168 at 50, then 1 at 70.
    expect(a.conditioned!.quantiles['5'][1]).toBe(50);
    expect(a.conditioned!.quantiles['25'][1]).toBe(70);
    expect(a.conditioned!.quantiles['95'][1]).toBe(70);
    expect(a.conditioned!.pCrisisEver).toBeCloseTo(1 / (1 + w), 12);
    // B: one run is left, run 3: every quantile is its path, and it reached the crisis line.
    expect(b.effectiveRuns).toBe(1);
    expect(b.conditioned!.quantiles['50']).toEqual([55, 80, 85]);
    expect(b.conditioned!.pCrisisEver).toBe(1);
  });

  it('no consistent run: no evidence, no conditioned forecast; no consistent scenario: no odds', () => {
    const none = scenarioEvidence([outcomeTerm('x', 1, true, [0, 0, 0])], runsOf(tensionA, [0, 0, 0]), null);
    expect(none.logLikelihood).toBe(-Infinity);
    expect(none.conditioned).toBeNull();
    expect(none.effectiveRuns).toBe(0);
    expect(posteriorOdds([0.5, 0.5], [-Infinity, -Infinity])).toBeNull();
    // A prior of 0 keeps a scenario out even when its runs fit.
    expect(posteriorOdds([0, 1], [0, -5])).toEqual([0, 1]);
    expect(posteriorOdds([1, 0], [-Infinity, 0])).toBeNull();
  });
});

describe('the arithmetic', () => {
  it('logMeanExp is stable far from 0 and −∞ only when every value is', () => {
    expect(logMeanExp([-1000, -1000])).toBe(-1000);
    expect(logMeanExp([1000, 1000 + Math.log(3)])).toBeCloseTo(1000 + Math.log(2), 12);
    expect(logMeanExp([-Infinity, -2000])).toBeCloseTo(-2000 - Math.log(2), 9);
    expect(logMeanExp([-Infinity])).toBe(-Infinity);
    expect(logMeanExp([])).toBe(-Infinity);
  });

  it('weighted quantiles are numpy’s inverted_cdf: the smallest value whose weighted CDF reaches q', () => {
    // np.quantile([1, 2, 3, 4], q, weights=w, method="inverted_cdf")
    expect(weightedQuantiles([1, 2, 3, 4], [1, 1, 1, 1], [0.05, 0.25, 0.5, 0.75, 0.95])).toEqual([1, 1, 2, 3, 4]);
    expect(weightedQuantiles([4, 3, 2, 1], [0.4, 0.3, 0.2, 0.1], [0.1, 0.11, 0.3, 0.31, 0.6, 0.61])).toEqual([
      1, 2, 2, 3, 3, 4
    ]);
    // Zero weights never count; ties are one value.
    expect(weightedQuantiles([5, 1, 9], [0, 1, 1], [0.5, 0.51])).toEqual([1, 9]);
    // Against a plain count on random data.
    const values = Array.from({ length: 200 }, (_, i) => Math.sin(i * 12.9898) * 50 + 50);
    const weights = values.map((_, i) => (i % 7) / 3);
    const total = weights.reduce((x, y) => x + y, 0);
    for (const q of [0.05, 0.25, 0.5, 0.75, 0.95]) {
      const [found] = weightedQuantiles(values, weights, [q]);
      const below = values.reduce((sum, v, i) => sum + (v <= found ? weights[i] : 0), 0);
      const strictlyBelow = values.reduce((sum, v, i) => sum + (v < found ? weights[i] : 0), 0);
      expect(below).toBeGreaterThanOrEqual(q * total);
      expect(strictlyBelow).toBeLessThan(q * total);
    }
  });

  it('run weights: exp(ℓ − max ℓ), the largest 1, whatever the scale; all 0 when every run is −∞', () => {
    expect(Array.from(runWeights([0, -1000]))).toEqual([1, 0]);
    const w = runWeights([-3, -1, -2]);
    expect(w[1]).toBe(1);
    expect(w[0]).toBeCloseTo(Math.exp(-2), 15);
    expect(w[2]).toBeCloseTo(Math.exp(-1), 15);
    expect(Array.from(runWeights([-Infinity, -Infinity]))).toEqual([0, 0]);
    expect(Array.from(runWeights([-Infinity, 5]))).toEqual([0, 1]);
  });

  it('terms of one month are added in the order of their ids, whatever order they come in', () => {
    // Floating-point sums depend on their order: 0.1 + 1e16 − 1e16 + 1 is not 0.1 + 1 + 1e16 − 1e16.
    const term = (id: string, month: number, value: number) => ({ id, month, logDensity: Float64Array.of(value) });
    const early = term('z-early', 0, 0.1);
    const a = term('a', 1, 1e16);
    const b = term('b', 1, -1e16);
    const c = term('c', 1, 1);
    const expected = 0.1 + 1e16 + -1e16 + 1;
    const orders = (items: (typeof a)[]): (typeof a)[][] =>
      items.length <= 1
        ? [items]
        : items.flatMap((x, k) => orders(items.filter((_, j) => j !== k)).map((rest) => [x, ...rest]));
    const all = orders([early, a, b, c]);
    expect(all).toHaveLength(24);
    for (const order of all) expect(runLikelihoods(order, 1, 1).logLikelihood[0]).toBe(expected);
    expect(expected).not.toBe(0.1 + 1 + 1e16 + -1e16);
  });

  it('effective runs: n for equal weights, 1 for one, between otherwise', () => {
    expect(effectiveRuns([2, 2, 2, 2])).toBe(4);
    expect(effectiveRuns([0, 0, 3])).toBe(1);
    expect(effectiveRuns([1, 0.5])).toBeCloseTo(2.25 / 1.25, 15);
    expect(effectiveRuns([0, 0])).toBe(0);
  });

  it('the Brier score takes each event’s overall probability and its latest outcome', () => {
    const event = (id: string, probability: number, condition?: { event: string; occurred: boolean }) => ({
      id,
      label: { en: id, ar: '' },
      month: 1,
      factor: 'f',
      shift: 5,
      probability,
      ...(condition ? { condition } : {})
    });
    const events = [event('a', 0.7), event('b', 0.5, { event: 'a', occurred: true }), event('c', 0.2)];
    const seen = (id: string, event: string, month: string, occurred: boolean): ObservationDef => ({
      id,
      kind: 'event',
      month,
      event,
      occurred
    });
    // a: 0.7 came true, (0.3)²; b: 0.35 overall, did not, (0.35)²; a later outcome of b replaces an earlier one.
    const observations = [
      seen('o1', 'a', '2025-01', true),
      seen('o2', 'b', '2025-01', true),
      seen('o3', 'b', '2025-03', false),
      seen('o4', 'elsewhere', '2025-01', true)
    ];
    expect(scoreEvents(events, observations, '2024-10')).toBeCloseTo((0.3 ** 2 + 0.35 ** 2) / 2, 15);
    // Two outcomes in the same month: the later in the file counts; an earlier month never replaces a later one.
    const sameMonth = [
      seen('x', 'c', '2025-02', true),
      seen('y', 'c', '2025-02', false),
      seen('z', 'c', '2025-01', true)
    ];
    expect(scoreEvents(events, sameMonth, '2024-10')).toBeCloseTo(0.2 ** 2, 15);
    expect(scoreEvents(events, [], '2024-10')).toBeNull();
  });
});

// ---- properties on documents -------------------------------------------------------------------

const TRACKED: MizanDoc = (() => {
  const loaded = loadDocument(readFileSync('tests/fixtures/v2/tracked.mizan', 'utf8'));
  if (!loaded.ok) throw new Error('the tracked fixture does not load');
  return loaded.document;
})();

const withObservations = (observations: ObservationDef[], change: (d: MizanDoc) => void = () => {}): MizanDoc => {
  const doc = structuredClone(TRACKED);
  doc.observations = observations;
  change(doc);
  return doc;
};
const track = (doc: MizanDoc, runs = 600): DocumentAnalysis => analyseDocument(doc, { runs, importance: false });
const trackingOf = (doc: MizanDoc, runs = 600) => {
  const t = track(doc, runs).tracking;
  if (t === undefined || 'problem' in t) throw new Error('expected the odds');
  return t;
};

describe('tracking a document', () => {
  it('an observation every run agrees with: posterior = prior, conditioned = the forecast, bit for bit', () => {
    // An event of probability 1 in both scenarios, observed to have happened.
    const doc = withObservations(
      [{ id: 'sure', kind: 'event', month: '2025-06', event: 'sure', occurred: true }],
      (d) =>
        d.scenarios.forEach((s) =>
          s.events.push({
            id: 'sure',
            label: { en: 'Sure', ar: '' },
            month: 3,
            factor: 'sanctions',
            shift: 1,
            probability: 1
          })
        )
    );
    const analysis = track(doc);
    const t = analysis.tracking!;
    if ('problem' in t) throw new Error(t.problem);
    expect(t.scenarios.map((s) => s.posterior)).toEqual(t.scenarios.map((s) => s.prior));
    expect(t.scenarios.map((s) => s.prior)).toEqual([0.6, 0.4]);
    analysis.scenarios.forEach((s, k) => {
      expect(t.scenarios[k].conditioned!.quantiles).toEqual(s.monteCarlo!.quantiles);
      expect(t.scenarios[k].conditioned!.pCrisisEver).toBe(s.monteCarlo!.pCrisisEver);
      expect(t.scenarios[k].effectiveRuns).toBe(600);
    });
    for (const series of Object.values(t.posteriorByMonth)) expect(new Set(series).size).toBe(1);
  });

  it('a reading far outside a scenario’s runs drives its odds toward 0', () => {
    const t = trackingOf(
      withObservations([{ id: 'hot', kind: 'index', month: '2026-10', value: 100, uncertainty: 2 }])
    );
    const [baseline, deescalation] = t.scenarios;
    expect(deescalation.posterior).toBeLessThan(1e-6);
    expect(baseline.posterior).toBeGreaterThan(1 - 1e-6);
    // Before the reading's month, the odds are still the priors.
    expect(t.posteriorByMonth.baseline[23]).toBe(0.6);
    expect(t.posteriorByMonth.baseline[24]).toBe(baseline.posterior);
  });

  it('two identical readings with σ·√2 weigh as one reading with σ', () => {
    const reading = (id: string, sigma: number): ObservationDef => ({
      id,
      kind: 'index',
      month: '2025-06',
      value: 58,
      uncertainty: sigma
    });
    const one = trackingOf(withObservations([reading('r', 4)]));
    const two = trackingOf(withObservations([reading('r1', 4 * Math.SQRT2), reading('r2', 4 * Math.SQRT2)]));
    two.scenarios.forEach((s, k) => {
      expect(s.posterior).toBeCloseTo(one.scenarios[k].posterior, 12);
      expect(s.effectiveRuns).toBeCloseTo(one.scenarios[k].effectiveRuns, 9);
      expect(s.conditioned!.pCrisisEver).toBeCloseTo(one.scenarios[k].conditioned!.pCrisisEver, 12);
      expect(s.conditioned!.quantiles).toEqual(one.scenarios[k].conditioned!.quantiles);
    });
  });

  it('the order of the observations in the file changes nothing, to the last bit', () => {
    // Three readings in one month after earlier ones: added in another order, their sums could differ in the last bit.
    const sameMonth: ObservationDef[] = [57, 61, 66].map((value, k) => ({
      id: `r${k}`,
      kind: 'index',
      month: '2025-09',
      value,
      uncertainty: 3 + 2 * k
    }));
    const observations = [...TRACKED.observations!, ...sameMonth];
    const forward = trackingOf(withObservations(observations));
    const reversed = trackingOf(withObservations([...observations].reverse()));
    expect(reversed).toEqual(forward);
    const shuffled = trackingOf(
      withObservations([sameMonth[1], ...observations.slice(0, 4), sameMonth[2], sameMonth[0]])
    );
    expect(shuffled).toEqual(forward);
  });

  it('a factor reading weighs runs by the factor’s own level, and an event outcome only the scenarios that have it', () => {
    const t = trackingOf(
      withObservations([{ id: 'f', kind: 'factor', month: '2026-10', factor: 'sanctions', value: 95, uncertainty: 1 }])
    );
    const analysis = track(TRACKED);
    // The scenario whose central sanctions end nearer 95 gains.
    const ends = analysis.scenarios.map((s) => Math.abs(s.central.factors.sanctions[24] - 95));
    const nearer = ends[0] < ends[1] ? 0 : 1;
    expect(t.scenarios[nearer].posterior).toBeGreaterThan(TRACKED.scenarios[nearer].probability!);
    // "kazan" is the baseline's alone: its outcome leaves the de-escalation's weight as it was.
    const k = trackingOf(
      withObservations([{ id: 'k', kind: 'event', month: '2025-06', event: 'kazan', occurred: false }])
    );
    expect(k.scenarios[1].conditioned).toEqual(
      analysis.scenarios[1].monteCarlo && {
        quantiles: analysis.scenarios[1].monteCarlo.quantiles,
        pCrisisEver: analysis.scenarios[1].monteCarlo.pCrisisEver
      }
    );
    expect(k.scenarios[1].posterior).toBeGreaterThan(0.4);
  });

  it('no scenario consistent with the observations is a named problem, not NaN', () => {
    // s400 has probability 0.3 in the baseline and 0.1 in the de-escalation; "kazan" is the baseline's.
    // Make s400 impossible in both, then say it happened.
    const doc = withObservations(
      [{ id: 'seen', kind: 'event', month: '2025-06', event: 's400', occurred: true }],
      (d) => d.scenarios.forEach((s) => s.events.filter((e) => e.id === 's400').forEach((e) => (e.probability = 0)))
    );
    expect(track(doc).tracking).toEqual({
      observations: 1,
      problem:
        'no scenario is consistent with the observations: in every run, an event outcome contradicts what was recorded (baseline from 2025-06; deescalation from 2025-06)'
    });
  });

  it('names a scenario of probability 0 as such in that problem', () => {
    // Dated in the first month: the baseline is inconsistent from month 0.
    const doc = withObservations(
      [{ id: 'seen', kind: 'event', month: '2024-10', event: 'kazan', occurred: true }],
      (d) => {
        d.scenarios[0].events.find((e) => e.id === 'kazan')!.probability = 0;
        d.scenarios[1].probability = 0;
      }
    );
    const t = track(doc).tracking!;
    expect('problem' in t && t.problem).toBe(
      'no scenario is consistent with the observations: in every run, an event outcome contradicts what was recorded (baseline from 2024-10; deescalation (a probability of 0))'
    );
  });

  it('has no tracking without observations or without runs', () => {
    expect(track(withObservations([])).tracking).toBeUndefined();
    expect(analyseDocument(TRACKED, { runs: 0 }).tracking).toBeUndefined();
  });

  it('the mixture is Σ π_s · P_s(crisis ever | observations)', () => {
    const t = trackingOf(TRACKED);
    const sum = t.scenarios.reduce((acc, s) => acc + s.posterior * s.conditioned!.pCrisisEver, 0);
    expect(t.mixture.pCrisisEver).toBe(sum);
    expect(t.scenarios.reduce((acc, s) => acc + s.posterior, 0)).toBeCloseTo(1, 14);
    for (let m = 0; m <= TRACKED.horizonMonths; m++)
      expect(t.posteriorByMonth.baseline[m] + t.posteriorByMonth.deescalation[m]).toBeCloseTo(1, 14);
  });
});

describe('tracking from pieces of the runs (as the workers simulate them)', () => {
  it('the terms of two pieces, joined, are the terms of all the runs, to the last bit', () => {
    const doc = TRACKED;
    for (let index = 0; index < doc.scenarios.length; index++) {
      const m = compileScenario(doc, index);
      const observedLevels = observedLevelsOf(doc, m);
      const { seed } = doc.simulation;
      const whole = new MonteCarlo(m, { runs: 600, seed, observedLevels });
      whole.advance();
      const pieces = [
        [0, 250],
        [250, 350]
      ].map(([firstRun, runs]) => {
        const mc = new MonteCarlo(m, { runs, seed, firstRun, totalRuns: 600, observedLevels });
        mc.advance();
        return observationTerms(doc, m, mc);
      });
      const joined = joinTerms(pieces);
      const all = observationTerms(doc, m, whole);
      expect(joined.map((t) => [t.id, t.month])).toEqual(all.map((t) => [t.id, t.month]));
      joined.forEach((t, k) => expect(Array.from(t.logDensity)).toEqual(Array.from(all[k].logDensity)));
      // The factor reading is one of them: the kept levels came through the pieces too.
      expect(all.some((t) => t.id === 'sanctions-2025-06')).toBe(true);
    }
    expect(joinTerms([])).toEqual([]);
  });
});

describe('the runs that reach the crisis line', () => {
  it('are those whose T touches it in some month, as many as the Monte Carlo summary counts', () => {
    const doc = makeDocument([{ id: 'a', start: 60, target: 75, pace: 0.2, volatility: 8 }], {
      horizonMonths: 10,
      simulation: { runs: 500, seed: 3 }
    });
    const m = compileScenario(doc, 0);
    const mc = new MonteCarlo(m, { runs: 500, seed: 3 });
    mc.advance();
    const ever = mc.crisisEver();
    expect(ever).toHaveLength(500);
    for (let r = 0; r < 500; r++) {
      let peak = -Infinity;
      for (let t = 0; t <= 10; t++) peak = Math.max(peak, mc.tensionInMonth(t)[r]);
      expect(ever[r], `run ${r}`).toBe(peak >= 75 ? 1 : 0);
    }
    const share = ever.reduce((a, b) => a + b, 0) / 500;
    expect(share).toBe(mc.summary().pCrisisEver);
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.95);
    // On the line counts: a factor held at 75 without noise is at the crisis line in every run.
    const held = compileScenario(makeDocument([{ id: 'a', start: 75, target: 75 }], { horizonMonths: 3 }), 0);
    const still = new MonteCarlo(held, { runs: 10, seed: 3 });
    still.advance();
    expect(Array.from(still.crisisEver())).toEqual(Array(10).fill(1));
  });
});

describe('a factor reading', () => {
  it('reads 100·x of its factor in its month: with one factor weighing, the same as reading the index', () => {
    // T = 100 · 3·x_a / 3: a reading of factor a is a reading of T (to rounding). Factor b weighs 0.
    const doc = makeDocument(
      [
        { id: 'a', weight: 3, start: 20, target: 60, pace: 0.2, volatility: 4 },
        { id: 'b', weight: 0, start: 50, target: 30, pace: 0.1, volatility: 3 }
      ],
      { simulation: { runs: 300, seed: 5 } }
    );
    const reading = (id: string, kind: 'index' | 'factor', month: string, value: number, factor?: string) =>
      ({ id, kind, month, value, uncertainty: 5, ...(factor ? { factor } : {}) }) as ObservationDef;
    doc.observations = [
      reading('fb', 'factor', '2024-12', 45, 'b'),
      reading('fa3', 'factor', '2025-01', 40, 'a'),
      reading('ia3', 'index', '2025-01', 40),
      reading('fa6', 'factor', '2025-04', 50, 'a'),
      reading('ia6', 'index', '2025-04', 50)
    ];
    const m = compileScenario(doc, 0);
    const mc = new MonteCarlo(m, { runs: 300, seed: 5, observedLevels: observedLevelsOf(doc, m) });
    mc.advance();
    const terms = Object.fromEntries(observationTerms(doc, m, mc).map((t) => [t.id, t]));
    for (const [factor, index] of [
      ['fa3', 'ia3'],
      ['fa6', 'ia6']
    ]) {
      expect(terms[factor].month).toBe(terms[index].month);
      expect(terms[factor].logDensity).toHaveLength(300);
      terms[factor].logDensity.forEach((l, r) => expect(l).toBeCloseTo(terms[index].logDensity[r], 9));
    }
    // Factor b's reading is of b, not of a (nor of T).
    expect(Array.from(terms.fb.logDensity)).not.toEqual(Array.from(terms.ia3.logDensity));
  });
});

describe('the tracking of a document from its scenarios’ evidence (trackingOf)', () => {
  it('is the odds of every scenario matched by id, in any order; none without observations or while a scenario lacks its evidence', () => {
    const analysis = track(TRACKED, 400);
    const evidence = analysis.scenarios.map((s) => s.evidence!);
    expect(trackingFromScenarios(TRACKED, [...analysis.scenarios].reverse())).toEqual(
      documentTracking(TRACKED, evidence)
    );
    expect(trackingFromScenarios(TRACKED, analysis.scenarios.slice(1))).toBeUndefined();
    expect(
      trackingFromScenarios(TRACKED, [
        { ...analysis.scenarios[0], evidence: undefined },
        ...analysis.scenarios.slice(1)
      ])
    ).toBeUndefined();
    expect(trackingFromScenarios({ ...TRACKED, observations: undefined }, analysis.scenarios)).toBeUndefined();
    expect(trackingFromScenarios({ ...TRACKED, observations: [] }, analysis.scenarios)).toBeUndefined();
  });
});
