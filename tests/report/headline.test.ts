// The headline shared by the app's card, the report's summary and `mizan run`: its words in
// both languages, and its figures read from a scenario's results at the right months.
import { describe, expect, it } from 'vitest';
import type { CentralSeries, MonteCarloSeries } from '../../src/engine/analysis';
import { HEADLINE_STRINGS, headlineOf, headlineTexts } from '../../src/presentation/headline';
import { expectSameTexts, expectWrittenTable } from '../support/texts';

const thresholds = { elevated: 25, high: 50, crisis: 75 };

/** Three months; contributions that add up to T in each. */
const central: CentralSeries = {
  tension: [20, 40, 60],
  contributions: { a: [10, 10, 5], b: [5, 20, 30], c: [3, 6, 15], d: [2, 4, 10] },
  factors: {}
};
const quantile = (h: number) => [0, 0, h];
const monteCarlo: MonteCarloSeries = {
  quantiles: {
    '5': quantile(48.25),
    '25': quantile(55),
    '50': quantile(61.04),
    '75': quantile(66),
    '95': quantile(77.5)
  },
  pCrisisByMonth: [0, 0, 0.1],
  pCrisisEver: 0.125,
  histogram: { edges: [], counts: [] },
  standardErrors: {
    quantiles: {
      '5': quantile(1.5),
      '25': quantile(0.8),
      '50': quantile(0.34),
      '75': quantile(0.7),
      '95': quantile(1.6)
    },
    pCrisisByMonth: [0, 0, 0.004],
    pCrisisEver: 0.0052
  }
};

describe('the headline’s words', () => {
  it('are written in each language, and keep the values put into them', () => {
    expectWrittenTable(HEADLINE_STRINGS.en, 'en', ['list']);
    expectWrittenTable(HEADLINE_STRINGS.ar, 'ar', ['list']);
    expectSameTexts(HEADLINE_STRINGS.en, HEADLINE_STRINGS.ar);
    expect(HEADLINE_STRINGS.en.list(['a 1.0', 'b 2.0'])).toBe('a 1.0, b 2.0');
    expect(HEADLINE_STRINGS.ar.list(['a 1.0', 'b 2.0'])).toBe('a 1.0، b 2.0');
  });

  it('name the two figures at the horizon for what they are', () => {
    expect(HEADLINE_STRINGS.en.centralAtHorizon).toBe('Central path at the horizon');
    expect(HEADLINE_STRINGS.en.median).toBe('Monte Carlo median (5–95 %)');
    expect(HEADLINE_STRINGS.en.crisisEver).toBe('P(crisis) in any month');
  });
});

describe('the headline of a scenario', () => {
  it('takes T now and on the central path at the horizon, with bands, the runs’ quantiles and the three largest contributions', () => {
    expect(headlineOf({ central, monteCarlo }, thresholds, 2)).toEqual({
      now: 20,
      nowBand: 'calm',
      centralAtHorizon: 60,
      horizonBand: 'high',
      monteCarlo: {
        median: 61.04,
        medianError: 0.34,
        low: 48.25,
        high: 77.5,
        pCrisisEver: 0.125,
        pCrisisEverError: 0.0052
      },
      contributors: [
        { factorId: 'b', value: 30 },
        { factorId: 'c', value: 15 },
        { factorId: 'd', value: 10 }
      ]
    });
    // At an earlier horizon, that month's figures.
    const atOne = headlineOf({ central, monteCarlo: null }, thresholds, 1);
    expect([atOne.centralAtHorizon, atOne.horizonBand, atOne.monteCarlo]).toEqual([40, 'elevated', null]);
    expect(atOne.contributors.map((c) => c.factorId)).toEqual(['b', 'a', 'c']);
  });

  it('is written with one decimal, a percentage and band names, in each language', () => {
    const headline = headlineOf({ central, monteCarlo }, thresholds, 2);
    const names: Record<string, string> = { b: 'Bee', c: 'Sea', d: 'Dee' };
    expect(headlineTexts(headline, 'en', (id) => names[id])).toEqual({
      now: '20.0',
      nowBand: 'Calm',
      centralAtHorizon: '60.0',
      horizonBand: 'High',
      median: '61.0',
      medianError: '± 0.3',
      range: '48.3–77.5',
      crisisEver: '12.5%',
      crisisEverError: '± 0.5%',
      contributors: ['Bee 30.0', 'Sea 15.0', 'Dee 10.0']
    });
    const one = new Intl.NumberFormat('ar', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const ar = headlineTexts(headline, 'ar', (id) => names[id]);
    expect(ar.range).toBe(`${one.format(48.25)}-${one.format(77.5)}`);
    expect([ar.nowBand, ar.horizonBand]).toEqual(['هادئ', 'عالٍ']);
    expect(ar.crisisEver).toBe(
      new Intl.NumberFormat('ar', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
        0.125
      )
    );
  });

  it('writes a standard error to one significant digit, in each language', () => {
    const texts = (medianError: number, pCrisisEverError: number, language: 'en' | 'ar' = 'en') => {
      const errors = { ...monteCarlo.standardErrors, pCrisisEver: pCrisisEverError };
      errors.quantiles = { ...errors.quantiles, '50': [0, 0, medianError] };
      const t = headlineTexts(
        headlineOf({ central, monteCarlo: { ...monteCarlo, standardErrors: errors } }, thresholds, 2),
        language,
        (id) => id
      );
      return [t.medianError, t.crisisEverError];
    };
    expect(texts(0.046, 0.00051)).toEqual(['± 0.05', '± 0.05%']);
    expect(texts(1.46, 0.0149)).toEqual(['± 1', '± 1%']);
    expect(texts(0, 0)).toEqual(['± 0', '± 0%']);
    const ar = texts(0.34, 0.0052, 'ar');
    expect(ar).toEqual([
      `± ${new Intl.NumberFormat('ar', { maximumSignificantDigits: 1 }).format(0.34)}`,
      `± ${new Intl.NumberFormat('ar', { style: 'percent', maximumSignificantDigits: 1 }).format(0.0052)}`
    ]);
  });

  it('has no Monte Carlo figures without runs', () => {
    const texts = headlineTexts(headlineOf({ central, monteCarlo: null }, thresholds, 2), 'en', (id) => id);
    expect([texts.median, texts.medianError, texts.range, texts.crisisEver, texts.crisisEverError]).toEqual([
      null,
      null,
      null,
      null,
      null
    ]);
  });
});
