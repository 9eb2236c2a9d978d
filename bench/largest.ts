// The largest document the format allows (LIMITS in src/engine/format/limits.ts): 60 factors,
// 120 months, 20 scenarios, 200 000 runs, 500 events per scenario, every pair of factors linked,
// a range on every weight, start and target. Generated, never committed (about 3 MB).
//
//   npx tsx bench/largest.ts FILE [--scenarios N] [--runs N]
//
// writes it to FILE; --scenarios and --runs make a smaller one of the same shape.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { FORMAT_VERSION, LIMITS, serializeDocument, validateDocument, type MizanDoc } from '../src/engine/format';

const around = (mode: number, spread: number, max: number) => ({
  low: Math.max(0, mode - spread),
  mode,
  high: Math.min(max, mode + spread)
});

export interface LargestOptions {
  scenarios?: number;
  runs?: number;
  /** false: no interactions and no events, for a document of the same size that runs about 14× faster. */
  links?: boolean;
}

export function largestDocument(options: LargestOptions = {}): MizanDoc {
  const links = options.links ?? true;
  const n = LIMITS.factors;
  const H = LIMITS.horizonMonths;
  const ids = Array.from({ length: n }, (_, i) => `f${i}`);
  const scenarios = options.scenarios ?? LIMITS.scenarios;
  return {
    format: 'mizan-scenario',
    version: FORMAT_VERSION,
    title: 'Largest allowed document',
    description: '',
    createdAt: '2024-10-11T00:00:00.000Z',
    modifiedAt: '2024-10-11T00:00:00.000Z',
    startMonth: '2024-10',
    horizonMonths: H,
    thresholds: { elevated: 25, high: 50, crisis: 75 },
    simulation: { runs: options.runs ?? LIMITS.runs, seed: 20241011 },
    factors: ids.map((id, i) => ({
      id,
      label: { en: id, ar: '' },
      direction: i % 4 === 3 ? -1 : 1,
      weight: around(3 + (i % 5), 1.5, 10)
    })),
    // Every ordered pair once (60 × 59 = LIMITS.interactions), weak so the index stays in range.
    interactions: links
      ? ids.flatMap((from, i) =>
          ids.flatMap((to, j) => (i === j ? [] : [{ from, to, strength: (((i * 7 + j * 3) % 11) - 5) / 500 }]))
        )
      : [],
    scenarios: Array.from({ length: scenarios }, (_, s) => ({
      id: `s${s}`,
      name: { en: `Scenario ${s}`, ar: '' },
      color: '#0072b2',
      factors: Object.fromEntries(
        ids.map((id, i) => [
          id,
          {
            start: around(20 + ((i * 13 + s) % 60), 10, 100),
            target: around(30 + ((i * 17 + s) % 60), 15, 100),
            pace: 0.1,
            volatility: 3
          }
        ])
      ),
      events: Array.from({ length: links ? LIMITS.eventsPerScenario : 0 }, (_, k) => ({
        id: `s${s}e${k}`,
        label: { en: `Event ${k}`, ar: '' },
        month: 1 + (k % H),
        factor: ids[(k * 7) % n],
        shift: ((k % 9) - 4) * 2,
        probability: 0.1 + (k % 8) / 10
      }))
    })),
    evidence: []
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { scenarios: { type: 'string' }, runs: { type: 'string' } }
  });
  const doc = largestDocument({
    scenarios: values.scenarios === undefined ? undefined : Number(values.scenarios),
    runs: values.runs === undefined ? undefined : Number(values.runs)
  });
  const checked = validateDocument(doc);
  if (!checked.ok) throw new Error(checked.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  const text = serializeDocument(doc);
  writeFileSync(positionals[0], text);
  console.log(`${positionals[0]}: ${(text.length / 2 ** 20).toFixed(1)} MB`);
}
