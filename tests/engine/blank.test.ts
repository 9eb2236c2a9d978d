// The blank document New starts from: valid as it is, in the current format, dated now.
import { describe, expect, it } from 'vitest';
import { FORMAT_NAME, FORMAT_VERSION, makeBlankDocument, serializeDocument, loadDocument, validateDocument } from '../../src/engine/format';

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
});
