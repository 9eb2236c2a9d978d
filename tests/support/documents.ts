// Small documents for tests, built in code so each test shows the numbers it uses.
import fc from 'fast-check';
import {
  FORMAT_VERSION,
  type FactorDef,
  type MizanDoc,
  type ScenarioDef,
  type ScenarioFactorDef,
  type Uncertain
} from '../../src/engine/format/schema';

export interface FactorSpec {
  id: string;
  direction?: 1 | -1;
  weight?: Uncertain;
  start?: Uncertain;
  target?: Uncertain;
  pace?: number;
  volatility?: number;
}

export function makeDocument(
  factors: FactorSpec[],
  extra: Partial<Pick<MizanDoc, 'interactions' | 'horizonMonths' | 'thresholds' | 'simulation'>> & {
    events?: ScenarioDef['events'];
    weights?: ScenarioDef['weights'];
  } = {}
): MizanDoc {
  return {
    format: 'mizan-scenario',
    version: FORMAT_VERSION,
    title: 'Test',
    description: '',
    createdAt: '2024-10-11T00:00:00.000Z',
    modifiedAt: '2024-10-11T00:00:00.000Z',
    startMonth: '2024-10',
    horizonMonths: extra.horizonMonths ?? 12,
    thresholds: extra.thresholds ?? { elevated: 25, high: 50, crisis: 75 },
    simulation: extra.simulation ?? { runs: 1000, seed: 7 },
    factors: factors.map((f): FactorDef => ({
      id: f.id,
      label: { en: f.id, ar: '' },
      direction: f.direction ?? 1,
      weight: f.weight ?? 1
    })),
    interactions: extra.interactions ?? [],
    scenarios: [
      {
        id: 'base',
        name: { en: 'Base', ar: 'الأساس' },
        color: '#0072b2',
        ...(extra.weights ? { weights: extra.weights } : {}),
        factors: Object.fromEntries(
          factors.map((f): [string, ScenarioFactorDef] => [
            f.id,
            { start: f.start ?? 50, target: f.target ?? 50, pace: f.pace ?? 0, volatility: f.volatility ?? 0 }
          ])
        ),
        events: extra.events ?? []
      }
    ],
    evidence: []
  };
}

const point = fc.double({ min: 0, max: 100, noNaN: true });
const rangeIn = (min: number, max: number) =>
  fc
    .tuple(
      fc.double({ min, max, noNaN: true }),
      fc.double({ min, max, noNaN: true }),
      fc.double({ min, max, noNaN: true })
    )
    .map(([a, b, c]) => {
      const [low, mode, high] = [a, b, c].sort((p, q) => p - q);
      return { low, mode, high };
    });
const uncertain = (min: number, max: number) => fc.oneof(fc.double({ min, max, noNaN: true }), rangeIn(min, max));

/** Random valid documents: 1–8 factors, interactions, events, ranges anywhere. */
export const arbitraryDocument: fc.Arbitrary<MizanDoc> = fc
  .record({
    n: fc.integer({ min: 1, max: 8 }),
    horizon: fc.integer({ min: 1, max: 36 }),
    seed: fc.integer({ min: 0, max: 0xffffffff })
  })
  .chain(({ n, horizon, seed }) => {
    const ids = Array.from({ length: n }, (_, i) => `f${i}`);
    const factor = (id: string) =>
      fc.record({
        id: fc.constant(id),
        direction: fc.constantFrom<1 | -1>(1, -1),
        weight: uncertain(0.1, 10),
        start: uncertain(0, 100),
        target: uncertain(0, 100),
        pace: fc.double({ min: 0, max: 1, noNaN: true }),
        volatility: fc.double({ min: 0, max: 50, noNaN: true })
      });
    const pairs = ids.flatMap((a) => ids.filter((b) => b !== a).map((b) => [a, b] as const));
    return fc
      .record({
        factors: fc.tuple(...ids.map(factor)),
        interactions: fc
          .subarray(pairs, { maxLength: Math.min(12, pairs.length) })
          .chain((chosen) =>
            fc.tuple(
              ...chosen.map(([from, to]) =>
                fc.double({ min: -1, max: 1, noNaN: true }).map((strength) => ({ from, to, strength }))
              )
            )
          ),
        events: fc.array(
          fc.record({
            month: fc.integer({ min: 1, max: horizon }),
            factor: fc.constantFrom(...ids),
            shift: fc.double({ min: -100, max: 100, noNaN: true }),
            probability: fc.double({ min: 0, max: 1, noNaN: true })
          }),
          { maxLength: 4 }
        ),
        crisis: point.filter((c) => c > 2)
      })
      .map(({ factors, interactions, events, crisis }) =>
        makeDocument(factors, {
          horizonMonths: horizon,
          interactions,
          simulation: { runs: 64, seed },
          thresholds: { elevated: crisis / 3, high: (2 * crisis) / 3, crisis },
          events: events.map((e, k) => ({ id: `e${k}`, label: { en: `E${k}`, ar: '' }, ...e }))
        })
      );
  });
