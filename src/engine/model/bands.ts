// The bands of the tension index: calm below "elevated", and each other band from its
// threshold (inclusive) up to the next. "At or above the crisis threshold" is also what
// Monte Carlo counts as P(crisis) (montecarlo.ts), so a run the summary counts in crisis is
// one this classifier calls crisis.
import type { MizanDoc } from '../format/schema';

export const BANDS = ['calm', 'elevated', 'high', 'crisis'] as const;
export type Band = (typeof BANDS)[number];
/** The bands that begin at a threshold of the document (all but calm). */
export type ThresholdBand = Exclude<Band, 'calm'>;

export type Thresholds = MizanDoc['thresholds'];

/** The band of a value of T (in points). */
export function bandOf(value: number, thresholds: Thresholds): Band {
  if (value >= thresholds.crisis) return 'crisis';
  if (value >= thresholds.high) return 'high';
  if (value >= thresholds.elevated) return 'elevated';
  return 'calm';
}

/** Each band's [from, to) in points, lowest first, over the index's 0–100. */
export function bandRanges(thresholds: Thresholds): { band: Band; from: number; to: number }[] {
  const { elevated, high, crisis } = thresholds;
  return [
    { band: 'calm', from: 0, to: elevated },
    { band: 'elevated', from: elevated, to: high },
    { band: 'high', from: high, to: crisis },
    { band: 'crisis', from: crisis, to: 100 }
  ];
}
