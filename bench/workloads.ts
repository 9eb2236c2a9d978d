// The documents the benchmarks run: the default analysis, and the Monte Carlo
// workload of the issue — 10 factors, 15 interactions, 36 months, ranges on every
// weight/start/target, volatility on every factor and one event.
import { readFileSync } from 'node:fs';
import { FORMAT_VERSION, loadDocument, type MizanDoc } from '../src/engine/format';

export function defaultAnalysis(): MizanDoc {
  const loaded = loadDocument(readFileSync(new URL('../resources/scenarios/ashgabat-2024.mizan', import.meta.url)));
  if (!loaded.ok) throw new Error('the default analysis does not load');
  return loaded.document;
}

const around = (mode: number, spread: number, max: number) => ({
  low: Math.max(0, mode - spread),
  mode,
  high: Math.min(max, mode + spread)
});

export function monteCarloWorkload(): MizanDoc {
  const ids = Array.from({ length: 10 }, (_, i) => `f${i}`);
  return {
    format: 'mizan-scenario',
    version: FORMAT_VERSION,
    title: 'Benchmark',
    description: '',
    createdAt: '2024-10-11T00:00:00.000Z',
    modifiedAt: '2024-10-11T00:00:00.000Z',
    startMonth: '2024-10',
    horizonMonths: 36,
    thresholds: { elevated: 25, high: 50, crisis: 75 },
    simulation: { runs: 10_000, seed: 20241011 },
    factors: ids.map((id, i) => ({
      id,
      label: { en: id, ar: '' },
      direction: i % 4 === 3 ? -1 : 1,
      weight: around(3 + (i % 5), 1.5, 10)
    })),
    interactions: Array.from({ length: 15 }, (_, k) => ({
      from: ids[k % 10],
      to: ids[(k * 3 + 1) % 10],
      strength: 0.02 * ((k % 5) - 2) + 0.01
    })),
    scenarios: [
      {
        id: 'bench',
        name: { en: 'Benchmark', ar: '' },
        color: '#0072b2',
        factors: Object.fromEntries(
          ids.map((id, i) => [
            id,
            {
              start: around(30 + 4 * i, 10, 100),
              target: around(60 - 3 * i, 15, 100),
              pace: 0.05 + 0.02 * i,
              volatility: 2 + (i % 4)
            }
          ])
        ),
        events: [{ id: 'shock', label: { en: 'Shock', ar: '' }, month: 6, factor: 'f2', shift: 15, probability: 0.6 }]
      }
    ],
    evidence: []
  };
}
