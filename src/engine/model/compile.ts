// Turns one scenario of a document into flat typed arrays that the simulation
// kernels read. Levels are stored in model units x ∈ [0,1] (points / 100).
import { central } from '../format/central';
import type { MizanDoc, RangeShape, Sampling, Uncertain } from '../format/schema';
import { float64Arrays, int32Arrays } from './arena';
import { ModelProblem, ZeroWeightsProblem } from './problems';
import { ownValue } from '../records';

export type InputKind = 'weight' | 'start' | 'target' | 'pace' | 'volatility' | 'strength';

/** An input given as a range {low, mode, high}; values in the file's units. */
export interface UncertainInput {
  /**
   * "weight:<factorId>", "start:<scenarioId>:<factorId>", "target:…", "pace:…", "volatility:…"
   * (the same form), or "strength:<from>><to>" for a link.
   */
  key: string;
  kind: InputKind;
  /** The factor it belongs to (−1 for a link's strength). */
  factor: number;
  /** The link a strength belongs to (index into the interactions); −1 otherwise. */
  link: number;
  low: number;
  mode: number;
  high: number;
  /** Triangular when absent. */
  shape?: RangeShape;
}

export interface CompiledScenario {
  id: string;
  index: number;
  /** Number of factors. */
  n: number;
  /** Horizon in months; every series has horizon + 1 points. */
  horizon: number;
  factorIds: readonly string[];
  /** +1 raises tension, −1 lowers it. */
  direction: Float64Array;
  /** Central values: weights (0..10), starts and targets (model units). */
  weight: Float64Array;
  start: Float64Array;
  target: Float64Array;
  pace: Float64Array;
  /** Noise standard deviation in model units (points / 100). */
  volatility: Float64Array;
  /**
   * Uncertain inputs in draw order: weights, starts, targets, paces and volatilities, each in
   * factor order, then link strengths in link order (format version 1 has only the first three).
   */
  uncertain: readonly UncertainInput[];
  /** Whether some run can vary factor i's pace / volatility, or link k's strength, by lane (batch arrays). */
  lanePace: boolean;
  laneVolatility: boolean;
  laneStrength: boolean;
  /** 1 where factor i draws monthly noise: its volatility (or the range's high end) above 0. */
  noisy: Uint8Array;
  interactionFrom: Int32Array;
  interactionTo: Int32Array;
  interactionStrength: Float64Array;
  eventIds: readonly string[];
  eventMonth: Int32Array;
  eventFactor: Int32Array;
  /** 1 for an event that moves its factor's target from its month on, 0 for a one-month pulse. */
  eventLasting: Uint8Array;
  /**
   * Pulse events that land on the same (month, factor) share a slot, and so do target events;
   * slot of event e, among the pulse slots or the target slots by its kind.
   */
  eventSlot: Int32Array;
  /** Pulse slot of (month t+1, factor i) at [t·n + i], or −1 where no pulse lands. */
  slotAt: Int32Array;
  slots: number;
  /** Target slot of (month t+1, factor i) at [t·n + i], or −1 where no target event lands. */
  targetSlotAt: Int32Array;
  targetSlots: number;
  /** Shift in model units (δ / 100). */
  eventShift: Float64Array;
  /** P(event), or P(event | its condition) for a conditional event. */
  eventProbability: Float64Array;
  /** Index of the earlier event that event e's condition names, or −1 for none. */
  eventCondition: Int32Array;
  /** 1 when event e needs its condition's event to have happened, 0 when it needs it not to have. */
  eventConditionOccurred: Uint8Array;

  /** How the Monte Carlo draws the ranges (design.ts). */
  sampling: Sampling;
  /** Rank correlations between uncertain inputs (indices into `uncertain`), imposed by Iman–Conover. */
  correlations: readonly { a: number; b: number; rank: number }[];

  /** Crisis threshold in points. */
  crisis: number;
}

export function compileScenario(doc: MizanDoc, scenarioIndex: number): CompiledScenario {
  const scenario = doc.scenarios[scenarioIndex];
  if (!scenario) throw new ModelProblem(`scenarios[${scenarioIndex}]`, 'no such scenario');
  const n = doc.factors.length;
  const factorIds = doc.factors.map((f) => f.id);
  const factorIndex = new Map(factorIds.map((id, i) => [id, i]));
  const indexOf = (id: string, path: string): number => {
    const i = factorIndex.get(id);
    if (i === undefined) throw new ModelProblem(path, `unknown factor "${id}"`);
    return i;
  };

  const m = doc.interactions.length;
  const events = scenario.events;
  const E = events.length;
  const [direction, weight, start, target, pace, volatility, interactionStrength, eventShift, eventProbability] =
    float64Arrays(n, n, n, n, n, n, m, E, E);
  const [interactionFrom, interactionTo, eventMonth, eventFactor, eventSlot, eventCondition, slotAt, targetSlotAt] =
    int32Arrays(m, m, E, E, E, E, doc.horizonMonths * n, doc.horizonMonths * n);
  const eventLasting = new Uint8Array(E);
  const eventConditionOccurred = new Uint8Array(E);
  const weights: UncertainInput[] = [];
  const starts: UncertainInput[] = [];
  const targets: UncertainInput[] = [];
  const paces: UncertainInput[] = [];
  const volatilities: UncertainInput[] = [];
  const strengths: UncertainInput[] = [];
  const noisy = new Uint8Array(n);
  const prefix = `scenarios[${scenarioIndex}]`;

  doc.factors.forEach((factor, i) => {
    const settings = ownValue(scenario.factors, factor.id);
    if (!settings) throw new ModelProblem(`${prefix}.factors`, `missing factor "${factor.id}"`);
    const w = ownValue(scenario.weights, factor.id) ?? factor.weight;
    direction[i] = factor.direction;
    weight[i] = central(w);
    start[i] = central(settings.start) / 100;
    target[i] = central(settings.target) / 100;
    pace[i] = central(settings.pace);
    volatility[i] = central(settings.volatility) / 100;
    const v = settings.volatility;
    noisy[i] = (typeof v === 'number' ? v : v.high) > 0 ? 1 : 0;
    const of = (kind: InputKind, value: Exclude<Uncertain, number>, key: string): UncertainInput => ({
      key,
      kind,
      factor: i,
      link: -1,
      ...value
    });
    if (typeof w !== 'number') weights.push(of('weight', w, `weight:${factor.id}`));
    for (const [kind, list] of [
      ['start', starts],
      ['target', targets],
      ['pace', paces],
      ['volatility', volatilities]
    ] as const) {
      const value = settings[kind];
      if (typeof value !== 'number') list.push(of(kind, value, `${kind}:${scenario.id}:${factor.id}`));
    }
  });
  if (!(weight.reduce((a, b) => a + b, 0) > 0)) throw new ZeroWeightsProblem(scenarioIndex);

  doc.interactions.forEach((c, k) => {
    interactionFrom[k] = indexOf(c.from, `interactions[${k}].from`);
    interactionTo[k] = indexOf(c.to, `interactions[${k}].to`);
    interactionStrength[k] = central(c.strength);
    if (typeof c.strength !== 'number')
      strengths.push({ key: `strength:${c.from}>${c.to}`, kind: 'strength', factor: -1, link: k, ...c.strength });
  });

  slotAt.fill(-1);
  targetSlotAt.fill(-1);
  let slots = 0;
  let targetSlots = 0;
  events.forEach((e, k) => {
    if (!(Number.isInteger(e.month) && e.month >= 1 && e.month <= doc.horizonMonths)) {
      throw new ModelProblem(`${prefix}.events[${k}].month`, `must be a month from 1 to ${doc.horizonMonths}`);
    }
    eventMonth[k] = e.month;
    eventFactor[k] = indexOf(e.factor, `${prefix}.events[${k}].factor`);
    eventShift[k] = e.shift / 100;
    eventProbability[k] = e.probability;
    eventCondition[k] = -1;
    if (e.condition) {
      const parent = events.findIndex((earlier) => earlier.id === e.condition?.event);
      if (!(parent >= 0 && parent < k))
        throw new ModelProblem(`${prefix}.events[${k}].condition.event`, 'must name an earlier event of the scenario');
      eventCondition[k] = parent;
      eventConditionOccurred[k] = e.condition.occurred ? 1 : 0;
    }
    const cell = (e.month - 1) * n + eventFactor[k];
    if (e.kind === 'target') {
      eventLasting[k] = 1;
      if (targetSlotAt[cell] === -1) targetSlotAt[cell] = targetSlots++;
      eventSlot[k] = targetSlotAt[cell];
    } else {
      if (slotAt[cell] === -1) slotAt[cell] = slots++;
      eventSlot[k] = slotAt[cell];
    }
  });

  const uncertain = [...weights, ...starts, ...targets, ...paces, ...volatilities, ...strengths];
  const inputAt = new Map(uncertain.map((u, k) => [`${factorIds.at(u.factor)}.${u.kind}`, k]));
  const correlations = (scenario.correlations ?? []).map((c, k) => {
    const [a, b] = c.between.map((name) => inputAt.get(name) ?? -1);
    if (a < 0 || b < 0 || a === b)
      throw new ModelProblem(`${prefix}.correlations[${k}]`, 'must name two different ranges of the scenario');
    return { a, b, rank: c.rank };
  });

  return {
    id: scenario.id,
    index: scenarioIndex,
    n,
    horizon: doc.horizonMonths,
    factorIds,
    direction,
    weight,
    start,
    target,
    pace,
    volatility,
    uncertain,
    lanePace: paces.length > 0,
    laneVolatility: volatilities.length > 0,
    laneStrength: strengths.length > 0,
    noisy,
    interactionFrom,
    interactionTo,
    interactionStrength,
    eventIds: events.map((e) => e.id),
    eventMonth,
    eventFactor,
    eventLasting,
    eventSlot,
    slotAt,
    slots,
    targetSlotAt,
    targetSlots,
    eventShift,
    eventProbability,
    eventCondition,
    eventConditionOccurred,
    sampling: doc.simulation.sampling ?? 'random',
    correlations,

    crisis: doc.thresholds.crisis
  };
}
