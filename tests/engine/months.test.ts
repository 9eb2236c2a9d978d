// The month labels of the charts, tables and CSV: "YYYY-MM" for months 0..horizon, counted
// from the start month, worked out here by hand (a year turns after "-12").
import { describe, expect, it } from 'vitest';
import { monthLabels, monthsFrom, withinTimeline } from '../../src/engine/months';

describe('monthLabels', () => {
  it('one label per month 0..horizon, from the start month', () => {
    expect(monthLabels('2024-10', 0)).toEqual(['2024-10']);
    expect(monthLabels('2024-10', 2)).toEqual(['2024-10', '2024-11', '2024-12']);
  });

  it('turns the year after December, and counts whole years', () => {
    expect(monthLabels('2024-11', 3)).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    const two = monthLabels('2023-02', 24);
    expect(two).toHaveLength(25);
    expect([two[10], two[11], two[12], two[24]]).toEqual(['2023-12', '2024-01', '2024-02', '2025-02']);
  });

  it('writes a year with four digits and a month with two', () => {
    expect(monthLabels('0999-12', 1)).toEqual(['0999-12', '1000-01']);
    expect(monthLabels('2024-01', 8).at(-1)).toBe('2024-09');
  });
});

describe('monthsFrom and withinTimeline', () => {
  it('count the months from the start, across years and backwards', () => {
    expect(monthsFrom('2024-10', '2024-10')).toBe(0);
    expect(monthsFrom('2024-10', '2025-09')).toBe(11);
    expect(monthsFrom('2024-10', '2026-10')).toBe(24);
    expect(monthsFrom('2024-10', '2024-09')).toBe(-1);
    // Every label of a timeline is its own month.
    monthLabels('2023-11', 30).forEach((label, t) => expect(monthsFrom('2023-11', label)).toBe(t));
  });

  it('a month is on the timeline from the start month to the horizon’s month, both included', () => {
    expect(withinTimeline('2024-10', 24, '2024-10')).toBe(true);
    expect(withinTimeline('2024-10', 24, '2026-10')).toBe(true);
    expect(withinTimeline('2024-10', 24, '2026-11')).toBe(false);
    expect(withinTimeline('2024-10', 24, '2024-09')).toBe(false);
  });
});
