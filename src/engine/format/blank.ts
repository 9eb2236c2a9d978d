// The document that New starts from: the smallest valid analysis (one factor, one scenario).
// Its words come from the caller (the app's interface texts), in both languages.
import { SCENARIO_COLORS } from '../colour';
import { FORMAT_NAME, FORMAT_VERSION, type LocalizedLabel, type MizanDoc } from './schema';

export interface BlankTexts {
  title: string;
  factor: LocalizedLabel;
  scenario: LocalizedLabel;
}

/** A new, valid document dated `now` (its first month is now's month, in UTC). */
export function makeBlankDocument(texts: BlankTexts, now: Date = new Date()): MizanDoc {
  const iso = now.toISOString();
  const month = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  return {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    title: texts.title,
    description: '',
    createdAt: iso,
    modifiedAt: iso,
    startMonth: month,
    horizonMonths: 24,
    thresholds: { elevated: 25, high: 50, crisis: 75 },
    simulation: { runs: 5000, seed: 1 },
    factors: [{ id: 'factor1', label: { ...texts.factor }, direction: 1, weight: 5 }],
    interactions: [],
    scenarios: [
      {
        id: 'baseline',
        name: { ...texts.scenario },
        color: SCENARIO_COLORS[0],
        factors: { factor1: { start: 50, target: 50, pace: 0.1, volatility: 3 } },
        events: []
      }
    ],
    evidence: []
  };
}
