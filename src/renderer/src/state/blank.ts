// The document that New starts from: the smallest valid analysis (one factor, one scenario),
// named in the interface language.
import type { MizanDoc, Language } from '../../../engine/format';
import { messagesFor } from '../i18n';

export function blankDocument(language: Language, now: Date = new Date()): MizanDoc {
  const en = messagesFor('en');
  const ar = messagesFor('ar');
  const t = language === 'ar' ? ar : en;
  const iso = now.toISOString();
  const month = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  return {
    format: 'mizan-scenario',
    version: 1,
    title: t.untitledAnalysis,
    description: '',
    createdAt: iso,
    modifiedAt: iso,
    startMonth: month,
    horizonMonths: 24,
    thresholds: { elevated: 25, high: 50, crisis: 75 },
    simulation: { runs: 5000, seed: 1 },
    factors: [{ id: 'factor1', label: { en: en.blankFactor, ar: ar.blankFactor }, direction: 1, weight: 5 }],
    interactions: [],
    scenarios: [
      {
        id: 'baseline',
        name: { en: en.blankScenario, ar: ar.blankScenario },
        color: '#2e6db4',
        factors: { factor1: { start: 50, target: 50, pace: 0.1, volatility: 3 } },
        events: []
      }
    ],
    evidence: []
  };
}
