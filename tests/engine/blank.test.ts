// The blank document New starts from: valid as it is, in the current format, dated now.
import { describe, expect, it } from 'vitest';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  makeBlankDocument,
  serializeDocument,
  loadDocument,
  validateDocument
} from '../../src/engine/format';

const TEXTS = { title: 'Untitled', factor: { en: 'Factor', ar: 'عامل' }, scenario: { en: 'Baseline', ar: 'الأساس' } };

describe('makeBlankDocument', () => {
  it('is a valid document of the current format, that saves and loads back unchanged', () => {
    const doc = makeBlankDocument(TEXTS, new Date('2025-03-04T05:06:07Z'));
    expect(validateDocument(doc).ok).toBe(true);
    expect([doc.format, doc.version]).toEqual([FORMAT_NAME, FORMAT_VERSION]);
    const loaded = loadDocument(serializeDocument(doc));
    expect(loaded.ok && loaded.document).toEqual(doc);
  });

  it('is dated now, its first month the current month in UTC (not local time)', () => {
    const doc = makeBlankDocument(TEXTS, new Date('2025-12-31T23:30:00Z'));
    expect(doc.createdAt).toBe('2025-12-31T23:30:00.000Z');
    expect(doc.modifiedAt).toBe(doc.createdAt);
    expect(doc.startMonth).toBe('2025-12');
  });

  it('carries the given words, and a later change to them does not reach the document', () => {
    const texts = structuredClone(TEXTS);
    const doc = makeBlankDocument(texts);
    expect(doc.title).toBe('Untitled');
    expect(doc.factors[0].label).toEqual({ en: 'Factor', ar: 'عامل' });
    expect(doc.scenarios[0].name).toEqual({ en: 'Baseline', ar: 'الأساس' });
    texts.factor.en = 'changed';
    expect(doc.factors[0].label.en).toBe('Factor');
  });

  it('is the smallest analysis, written out in full: one factor at 50 in one baseline scenario', () => {
    // Every field, by hand: the settings a new analysis starts from are what the analyst sees first.
    expect(makeBlankDocument(TEXTS, new Date('2025-03-04T05:06:07Z'))).toStrictEqual({
      format: 'mizan-scenario',
      version: 2,
      title: 'Untitled',
      description: '',
      createdAt: '2025-03-04T05:06:07.000Z',
      modifiedAt: '2025-03-04T05:06:07.000Z',
      startMonth: '2025-03',
      horizonMonths: 24,
      thresholds: { elevated: 25, high: 50, crisis: 75 },
      simulation: { runs: 5000, seed: 1 },
      factors: [{ id: 'factor1', label: { en: 'Factor', ar: 'عامل' }, direction: 1, weight: 5 }],
      interactions: [],
      scenarios: [
        {
          id: 'baseline',
          name: { en: 'Baseline', ar: 'الأساس' },
          color: '#0072b2',
          factors: { factor1: { start: 50, target: 50, pace: 0.1, volatility: 3 } },
          events: []
        }
      ],
      evidence: []
    });
  });
});
