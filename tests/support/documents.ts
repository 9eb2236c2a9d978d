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

/** Version 2's features to switch on in a document of arbitraryDocument (withModelFeatures). */
export interface ModelFeatures {
  /** Which of its (up to 4) events move a factor's target rather than its level. */
  targets: boolean[];
  /** Event k's condition on event k − 1: that it happened (true), that it did not (false), none (null). */
  conditions: (boolean | null)[];
  probabilities: number[];
  paceRange: boolean;
  volatilityRange: boolean;
  strengthRange: boolean;
  pert: boolean;
  latinHypercube: boolean;
}

export const arbitraryFeatures: fc.Arbitrary<ModelFeatures> = fc.record({
  targets: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  conditions: fc.array(fc.constantFrom(null, true, false), { minLength: 4, maxLength: 4 }),
  // Odds away from 0 and 1 (the arbitrary's lean there), so that conditions decide something.
  probabilities: fc.array(fc.double({ min: 0.1, max: 0.9, noNaN: true }), { minLength: 4, maxLength: 4 }),
  paceRange: fc.boolean(),
  volatilityRange: fc.boolean(),
  strengthRange: fc.boolean(),
  pert: fc.boolean(),
  latinHypercube: fc.boolean()
});

/** A document of the arbitrary with version 2's features switched on where `on` says. */
export function withModelFeatures(doc: MizanDoc, on: ModelFeatures): MizanDoc {
  const [scenario] = doc.scenarios;
  const shape = on.pert ? { shape: 'pert' as const } : {};
  return {
    ...doc,
    simulation: { ...doc.simulation, ...(on.latinHypercube ? { sampling: 'latin-hypercube' as const } : {}) },
    interactions: doc.interactions.map((link) =>
      on.strengthRange && typeof link.strength === 'number'
        ? {
            ...link,
            strength: {
              low: Math.max(-1, link.strength - 0.3),
              mode: link.strength,
              high: Math.min(1, link.strength + 0.2)
            }
          }
        : link
    ),
    scenarios: [
      {
        ...scenario,
        events: scenario.events.map((event, k) => ({
          ...event,
          // Odds away from 0 and 1 (the arbitrary's lean there), so that conditions decide something.
          probability: on.probabilities[k],
          ...(on.targets[k] ? { kind: 'target' as const } : {}),
          // A condition on the event before, that it happened (true) or not (false).
          ...(k > 0 && on.conditions[k] !== null
            ? { condition: { event: `e${k - 1}`, occurred: on.conditions[k] } }
            : {})
        })),
        factors: Object.fromEntries(
          Object.entries(scenario.factors).map(([id, f]) => {
            const pace = f.pace as number;
            const volatility = f.volatility as number;
            return [
              id,
              {
                ...f,
                pace: on.paceRange ? { low: pace / 2, mode: pace, high: Math.min(1, pace * 1.5), ...shape } : pace,
                volatility: on.volatilityRange ? { low: 0, mode: volatility / 2, high: volatility } : volatility
              }
            ];
          })
        )
      }
    ]
  };
}
