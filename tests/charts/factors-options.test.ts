// The small factor charts as drawn: their kind, how the tooltip picks its items, the reversed
// month axis in Arabic, where a long title is wrapped, and the table of one factor.
import { describe, expect, it } from 'vitest';
import { factorChart, factorTable } from '../../src/presentation/charts';
import { doc, input, opts, scenario } from './helpers';

/** The default document with the first factor renamed (English). */
const renamed = (label: string) =>
  input({
    doc: { ...doc, factors: doc.factors.map((f, i) => (i === 0 ? { ...f, label: { ...f.label, en: label } } : f)) }
  });

describe('a factor’s chart, as drawn', () => {
  const id = doc.factors[0].id;

  it('is a line chart whose tooltip lists every scenario at the month pointed at', () => {
    const config = factorChart(input(), id)!;
    expect(config.type).toBe('line');
    expect(opts(config).interaction.mode).toBe('index');
    expect(opts(config).scales.x.reverse).toBe(false);
  });

  it('runs its months right to left in Arabic, with room at the left for the last one’s label', () => {
    const config = factorChart(input({ language: 'ar' }), id)!;
    expect(opts(config).scales.x.reverse).toBe(true);
    expect(opts(config).layout.padding).toEqual({ left: 36, right: 8, top: 8, bottom: 8 });
  });

  it('keeps a title of 36 characters on one line and wraps one of 37', () => {
    const of36 = 'aaaa bbbb cccc dddd eeee ffff gggg h';
    const of37 = 'aaaa bbbb cccc dddd eeee ffff gggg hh';
    expect([of36.length, of37.length]).toEqual([36, 37]);
    expect(opts(factorChart(renamed(of36), id)!).plugins.title.text).toBe(of36);
    expect(opts(factorChart(renamed(of37), id)!).plugins.title.text).toEqual([
      'aaaa bbbb cccc dddd eeee ffff gggg',
      'hh'
    ]);
  });

  it('gives its table titled with the factor, one column per compared scenario, a row per month', () => {
    const table = factorTable(input(), id);
    expect(table.title).toBe(doc.factors[0].label.en);
    expect(table.rows).toHaveLength(doc.horizonMonths + 1);
    expect(table.rows[doc.horizonMonths].slice(1)).toEqual(
      ['baseline', 'escalation', 'deescalation'].map((s) => scenario(s).central.factors[id][doc.horizonMonths])
    );
  });
});
