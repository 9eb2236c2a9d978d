// The "why" of a scenario: its largest contributions to T in a month, named alike by the headline,
// the report's summary and `mizan run` (src/engine/analysis.ts largestContributions).
import { describe, expect, it } from 'vitest';
import { largestContributions, type CentralSeries } from '../../src/engine/analysis';

const series = (contributions: Record<string, number[]>): CentralSeries => ({
  tension: [],
  contributions,
  factors: {}
});

describe('largestContributions', () => {
  const central = series({ a: [1, 5], b: [2, 3], c: [0, 4], d: [9, 1] });

  it('gives the three largest of the month asked for, largest first', () => {
    expect(largestContributions(central, 1)).toEqual([
      { factorId: 'a', value: 5 },
      { factorId: 'c', value: 4 },
      { factorId: 'b', value: 3 }
    ]);
    expect(largestContributions(central, 0)).toEqual([
      { factorId: 'd', value: 9 },
      { factorId: 'b', value: 2 },
      { factorId: 'a', value: 1 }
    ]);
  });

  it('gives as many as asked, and all when there are fewer', () => {
    expect(largestContributions(central, 1, 1)).toEqual([{ factorId: 'a', value: 5 }]);
    expect(largestContributions(series({ x: [2] }), 0)).toEqual([{ factorId: 'x', value: 2 }]);
  });
});
