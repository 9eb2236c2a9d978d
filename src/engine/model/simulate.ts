// The monthly update of docs/MODEL.md section 3, shared by the central path, the
// tornado and every Monte Carlo run, so that all of them compute one model.
//
// Paths are simulated in batches of lanes (one lane per run) laid out factor-major
// ([i·B + b]) so that the innermost loops run over lanes with no per-factor
// branching. Each lane does exactly the arithmetic a lone path would, in the same
// order, so a result never depends on the batch size.
import { float64Arrays } from './arena';
import type { CompiledScenario, UncertainInput } from './compile';
import { fillNormals } from '../random/normal';
import type { StreamBank } from '../random/streams';
import { marginalProbabilities } from './eventProbabilities';

/** Inputs and scratch for up to `size` paths at once. */
export interface Batch {
  size: number;
  /** Per lane, at [i·size + b]: weights (0..10), starts and targets (model units). */
  weight: Float64Array;
  start: Float64Array;
  target: Float64Array;
  /** Σ of the event shifts that apply to lane b, at [slot·size + b] (model units); see CompiledScenario.slotAt. */
  eventAdd: Float64Array;
  /** Σ of the target events' shifts that apply to lane b, at [slot·size + b]; see CompiledScenario.targetSlotAt. */
  targetAdd: Float64Array;
  /** The target each lane's factor is pulled toward now: `target` moved by the target events so far, within [0, 1]. */
  goal: Float64Array;
  /** Σ of the target events' shifts so far, per lane and factor. */
  goalShift: Float64Array;
  /**
   * Per lane, at [i·size + b] (links: [k·size + b]): pace, volatility (model units) and link
   * strength, where the scenario has ranges of them (CompiledScenario.lanePace …); empty otherwise.
   */
  pace: Float64Array;
  volatility: Float64Array;
  strength: Float64Array;
  x: Float64Array;
  push: Float64Array;
  weightSum: Float64Array;
  /** 100 / Σ w, per lane. */
  contributionScale: Float64Array;
  pressure: Float64Array;
  /** This month's normals: lane b's draw for the q-th noisy factor at [q·size + b]; a zero row last. */
  noise: Float64Array;
}

/**
 * Inputs and scratch for `size` lanes, carved by `arrays` (one allocation by default; the
 * WebAssembly kernel passes views of its memory).
 */
export function createBatch(
  m: CompiledScenario,
  size: number,
  arrays: (...lengths: number[]) => Float64Array[] = float64Arrays
): Batch {
  // Without target events nothing moves a target: the goal is the target itself.
  const lasting = m.targetSlots > 0 ? m.n * size : 0;
  const [
    weight,
    start,
    target,
    eventAdd,
    targetAdd,
    goal,
    goalShift,
    x,
    push,
    weightSum,
    contributionScale,
    pressure,
    noise,
    pace,
    volatility,
    strength
  ] = arrays(
    m.n * size,
    m.n * size,
    m.n * size,
    m.slots * size,
    m.targetSlots * size,
    lasting,
    lasting,
    m.n * size,
    m.n * size,
    size,
    size,
    size,
    (m.n + 1) * size,
    m.lanePace ? m.n * size : 0,
    m.laneVolatility ? m.n * size : 0,
    m.laneStrength ? m.interactionStrength.length * size : 0
  );
  return {
    size,
    weight,
    start,
    target,
    eventAdd,
    targetAdd,
    goal: lasting > 0 ? goal : target,
    goalShift,
    x,
    push,
    weightSum,
    contributionScale,
    pressure,
    noise,
    pace,
    volatility,
    strength
  };
}

/** P(e) of each event of the scenario (eventProbabilities.ts), from the probabilities `probability(e)`. */
export const scenarioMarginals = (
  m: CompiledScenario,
  probability: (event: number) => number = (e) => m.eventProbability[e]
): Float64Array =>
  marginalProbabilities(
    m.eventIds.length,
    (e) => m.eventCondition[e],
    (e) => m.eventConditionOccurred[e] === 1,
    probability
  );

/**
 * Sets lane b to the central inputs: ranges at their mode, each event at its expected shift
 * P(e)·δ, P(e) its marginal probability (the tornado passes other probabilities, given the
 * conditions as in the file).
 */
export function setCentralLane(
  m: CompiledScenario,
  batch: Batch,
  b: number,
  probability: (event: number) => number = (e) => m.eventProbability[e]
): void {
  const marginal = scenarioMarginals(m, probability);
  const { size } = batch;
  // Stryker disable next-line EqualityOperator: index m.n · size + b is past the end of the weight, start and target slices: the writes are dropped
  for (let i = 0; i < m.n; i++) {
    batch.weight[i * size + b] = m.weight[i];
    batch.start[i * size + b] = m.start[i];
    batch.target[i * size + b] = m.target[i];
  }
  setCentralRates(m, batch, b);
  // Stryker disable next-line EqualityOperator: the event past the end has slot undefined, so eventAdd[NaN] is no element
  for (let e = 0; e < m.eventMonth.length; e++) addEvent(m, batch, b, e, m.eventShift[e] * marginal[e]);
}

/** Sets lane b's paces, volatilities and link strengths to their central values, where they vary by lane. */
export function setCentralRates(m: CompiledScenario, batch: Batch, b: number): void {
  const { size } = batch;
  if (m.lanePace) for (let i = 0; i < m.n; i++) batch.pace[i * size + b] = m.pace[i];
  if (m.laneVolatility) for (let i = 0; i < m.n; i++) batch.volatility[i * size + b] = m.volatility[i];
  if (m.laneStrength)
    for (let k = 0; k < m.interactionStrength.length; k++) batch.strength[k * size + b] = m.interactionStrength[k];
}

/**
 * Sets lane b's value of an uncertain input (file units): a weight, pace or strength as drawn, a
 * start, target or volatility from points to model units.
 */
export function setUncertainInput(batch: Batch, input: UncertainInput, b: number, value: number): void {
  if (input.kind === 'strength') {
    batch.strength[input.link * batch.size + b] = value;
    return;
  }
  const at = input.factor * batch.size + b;
  if (input.kind === 'weight') batch.weight[at] = value;
  else if (input.kind === 'start') batch.start[at] = value / 100;
  else if (input.kind === 'target') batch.target[at] = value / 100;
  else if (input.kind === 'pace') batch.pace[at] = value;
  else batch.volatility[at] = value / 100;
}

/** Adds `shift` to lane b as event e does: to its level in its month (a pulse), or to its target from then on. */
export function addEvent(m: CompiledScenario, batch: Batch, b: number, e: number, shift: number): void {
  if (m.eventLasting[e] === 1) batch.targetAdd[m.eventSlot[e] * batch.size + b] += shift;
  else batch.eventAdd[m.eventSlot[e] * batch.size + b] += shift;
}

/** Clears the events of lanes 0..size−1 (before new ones are added). */
export function clearEvents(batch: Batch): void {
  batch.eventAdd.fill(0);
  batch.targetAdd.fill(0);
}

export interface BatchOutput {
  /** T(t) of lane b is written at tension[t·stride + offset + b]. */
  tension: Float64Array;
  stride: number;
  offset: number;
  /**
   * C_i(t) of lane b is added to contributions[(t·n + i)·size + b] (points). Kept per
   * lane so that a sum over many runs is added up in an order that does not depend on
   * how the runs were split into calls.
   */
  contributions: Float64Array;
  /** When given, x_i(t) of lane b is written at levels[(t·n + i)·size + b] (model units). */
  levels?: Float64Array;
}

/**
 * Simulates lanes from..to−1 of the batch. With `streams` null there is no noise;
 * otherwise lane b draws its noise from stream b: for each month, one normal per
 * factor with volatility > 0, in factor order.
 */
export function simulateBatch(
  m: CompiledScenario,
  batch: Batch,
  from: number,
  to: number,
  streams: StreamBank | null,
  out: BatchOutput
): void {
  const { n, horizon, direction, pace, volatility, interactionFrom, interactionTo, interactionStrength } = m;
  const {
    size,
    weight,
    target,
    eventAdd,
    targetAdd,
    goal,
    goalShift,
    x,
    push,
    weightSum,
    contributionScale,
    pressure,
    noise
  } = batch;
  const lasting = m.targetSlots > 0;
  const { tension, stride, offset, levels, contributions } = out;
  const interactions = interactionStrength.length;
  let noisy = 0;
  // Stryker disable next-line EqualityOperator: noisy[n] is undefined: undefined === 1 is false
  for (let i = 0; i < n; i++) {
    if (m.noisy[i] === 1) noisy++;
  }
  // Per-lane rates, where the scenario has ranges of them (null: the factor's or link's own).
  const lanePace = m.lanePace ? batch.pace : null;
  const laneVolatility = m.laneVolatility ? batch.volatility : null;
  const laneStrength = m.laneStrength ? batch.strength : null;

  // Stryker disable next-line EqualityOperator: lane `to` is past the end of the batch, or a lane its own later call resets before use
  for (let b = from; b < to; b++) weightSum[b] = 0;
  for (let i = 0; i < n; i++) {
    // Stryker disable next-line EqualityOperator: lane `to` is past the end of the batch, or a lane its own later call resets before use
    for (let b = from; b < to; b++) weightSum[b] += weight[i * size + b];
  }
  // Stryker disable next-line EqualityOperator: lane `to` is past the end of the batch, or a lane its own later call resets before use
  for (let b = from; b < to; b++) contributionScale[b] = 100 / weightSum[b];
  // Stryker disable next-line EqualityOperator: x[x.length] is past the end of a typed array: the write is dropped
  for (let k = 0; k < x.length; k++) x[k] = batch.start[k];
  if (lasting)
    for (let i = 0; i < n; i++)
      for (let b = from; b < to; b++) {
        goal[i * size + b] = target[i * size + b];
        goalShift[i * size + b] = 0;
      }

  // Month 0. T = 100 · Σ_i w_i e_i / Σ_i w_i and C_i = 100 · w_i e_i / Σ_i w_i.
  // Stryker disable next-line EqualityOperator: lane `to` is past the end of the batch, or a lane its own later call resets before use
  for (let b = from; b < to; b++) pressure[b] = 0;
  for (let i = 0; i < n; i++) {
    const o = i * size;
    // Stryker disable next-line EqualityOperator: a direction is +1 or −1, never 0
    const raises = direction[i] > 0;
    for (let b = from; b < to; b++) {
      const we = weight[o + b] * (raises ? x[o + b] : 1 - x[o + b]);
      pressure[b] += we;
      contributions[o + b] += we * contributionScale[b];
    }
  }
  for (let b = from; b < to; b++) tension[offset + b] = (100 * pressure[b]) / weightSum[b];
  if (levels !== undefined) copyLevels(x, levels, 0, size, from, to);

  const zeroRow = n * size; // noise for factors without volatility
  // Stryker disable next-line EqualityOperator: the month after the horizon writes past the end of every output, and its normals are never read
  for (let t = 0; t < horizon; t++) {
    // Step t → t+1. Every push reads x(t) before any level moves.
    // Stryker disable next-line EqualityOperator: push[push.length] is past the end of a typed array: the write is dropped
    for (let k = 0; k < push.length; k++) push[k] = 0; // a loop: fill() costs a call per month
    // Stryker disable next-line EqualityOperator: the interaction past the end has no strength and a NaN index: push[NaN] is no element
    for (let k = 0; k < interactions; k++) {
      const c = interactionStrength[k];
      const source = interactionFrom[k] * size;
      const sink = interactionTo[k] * size;
      if (laneStrength === null) for (let b = from; b < to; b++) push[sink + b] += c * x[source + b];
      else for (let b = from; b < to; b++) push[sink + b] += laneStrength[k * size + b] * x[source + b];
    }
    if (
      streams !== null &&
      // Stryker disable next-line ConditionalExpression,EqualityOperator: fillNormals with a count of 0 draws nothing
      noisy > 0
    ) {
      for (let b = from; b < to; b++) fillNormals(streams, b, noise, b, size, noisy);
    }

    // Stryker disable next-line EqualityOperator: lane `to` is past the end of the batch, or a lane its own later call resets before use
    for (let b = from; b < to; b++) pressure[b] = 0;
    const month = (t + 1) * n * size;
    for (let i = 0, q = 0; i < n; i++) {
      const o = i * size;
      const c = month + o;
      const slot = m.slotAt[t * n + i];
      const targetSlot = lasting ? m.targetSlotAt[t * n + i] : -1;
      // A target event moves the goal from this month on: g′ = clamp(g + Σ shifts, 0, 1).
      if (targetSlot >= 0)
        for (let b = from; b < to; b++) {
          const shift = (goalShift[o + b] += targetAdd[targetSlot * size + b]);
          const g = target[o + b] + shift;
          goal[o + b] = g < 0 ? 0 : g > 1 ? 1 : g;
        }
      const k = pace[i];
      const v = volatility[i];
      const row =
        // Stryker disable next-line ConditionalExpression: without streams the noise rows are still the fresh batch's zeros (v · 0)
        streams !== null &&
        // a noisy factor takes the next row of normals
        m.noisy[i] === 1
          ? q++ * size
          : zeroRow;
      // Stryker disable next-line EqualityOperator: a direction is +1 or −1, never 0
      const raises = direction[i] > 0;
      for (let b = from; b < to; b++) {
        const xi = x[o + b];
        const p = push[o + b];
        let y = xi + (lanePace === null ? k : lanePace[o + b]) * (goal[o + b] - xi);
        // Stryker disable next-line EqualityOperator: at p = 0 both branches add 0
        y += p >= 0 ? p * (1 - xi) : p * xi; // a saturating push
        if (slot >= 0) y += eventAdd[slot * size + b];
        y += (laneVolatility === null ? v : laneVolatility[o + b]) * noise[row + b];
        // Stryker disable next-line EqualityOperator: at y = 0 and y = 1 both branches give the same level
        const next = y < 0 ? 0 : y > 1 ? 1 : y;
        x[o + b] = next;
        // Record month t+1 for this factor.
        const we = weight[o + b] * (raises ? next : 1 - next);
        pressure[b] += we;
        contributions[c + b] += we * contributionScale[b];
      }
    }
    for (let b = from; b < to; b++) tension[(t + 1) * stride + offset + b] = (100 * pressure[b]) / weightSum[b];
    if (levels !== undefined) copyLevels(x, levels, t + 1, size, from, to);
  }
}

function copyLevels(x: Float64Array, levels: Float64Array, t: number, size: number, from: number, to: number): void {
  // Stryker disable next-line ArithmeticOperator: levels are asked for only by centralPath, whose batch has one lane (size 1)
  const n = x.length / size;
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: factor n or lane `to` writes month t + 1's first level, which the next call overwrites, or past the end; size is 1 and b is 0 (centralPath)
  for (let i = 0; i < n; i++) for (let b = from; b < to; b++) levels[(t * n + i) * size + b] = x[i * size + b];
}

export interface CentralPath {
  /** T(t), t = 0..H. */
  tension: Float64Array;
  /** x_i(t) at [t·n + i], model units. */
  levels: Float64Array;
  /** C_i(t) at [t·n + i], points; Σ_i C_i(t) = T(t). */
  contributions: Float64Array;
}

/** The deterministic path: ranges at their mode, no noise, events at their expected shift. */
export function centralPath(m: CompiledScenario): CentralPath {
  const points = m.horizon + 1;
  const batch = createBatch(m, 1);
  setCentralLane(m, batch, 0);
  const [tension, levels, contributions] = float64Arrays(points, points * m.n, points * m.n);
  simulateBatch(m, batch, 0, 1, null, { tension, stride: 1, offset: 0, levels, contributions });
  return { tension, levels, contributions };
}
