// The WebAssembly Monte Carlo kernel (kernel/simulate.ts; wasmModule.ts): one instance per
// MonteCarlo, its memory laid out once (never grown again, so the views stay valid) with the
// scenario's arrays, a batch, the streams' state and the outputs. It computes what simulateBatch
// computes, bit for bit (tests/engine/kernel.test.ts); where there is no WebAssembly the
// MonteCarlo runs simulateBatch.
import type { CompiledScenario, InputKind } from './compile';
import { createBatch, type Batch } from './simulate';
import { fn, kn, wn } from '../random/normal';
import { StreamBank } from '../random/streams';
import { instantiateKernel, type KernelInstance, WASM_PAGE } from './wasmModule';

/** The header's fields, in kernel/simulate.ts's order. */
const HEADER_FIELDS = 44;
/** The draws' header's fields, in kernel/simulate.ts's order. */
const DRAWS_FIELDS = 15;
// Stryker disable next-line StringLiteral: 'strength' is the last kind: not found (−1), it takes the kernel's last branch, which is strength's
const INPUT_KINDS: readonly InputKind[] = ['weight', 'start', 'target', 'pace', 'volatility', 'strength'];

/** Where each array goes in the kernel's memory, 16-byte aligned (for its pairs of lanes). */
class Layout {
  bytes: number;
  constructor(base: number) {
    this.bytes = base;
  }
  take(byteLength: number): number {
    const at = this.bytes;
    // Stryker disable next-line ArithmeticOperator: a larger step only leaves more room between the arrays
    this.bytes += Math.ceil(byteLength / 16) * 16;
    return at;
  }
}

export interface KernelOutputs {
  /** T(t) of lane b at [t·size + b]. */
  tension: Float64Array;
  /** Σ C_i(t) of lane b at [(t·n + i)·size + b] (see BatchOutput.contributions). */
  contributions: Float64Array;
  /** x_i(t) of lane b at [(t·n + i)·size + b], when levels are kept (else null). */
  levels: Float64Array | null;
  /** Drawn value of uncertain input k for lane b at [k·size + b] (drawInputs). */
  drawn: Float64Array;
  /** Whether event e fired for lane b, 1 or 0, at [e·size + b] (drawInputs). */
  fired: Uint8Array;
}

export class WasmKernel {
  readonly batch: Batch;
  readonly streams: StreamBank;
  readonly outputs: KernelOutputs;
  private readonly exports: KernelInstance;
  private readonly header: number;
  private readonly draws: number;
  /**
   * Whether drawInputs can draw this scenario's ranges itself: every range triangular (a PERT
   * range's inverse CDF is JavaScript's). A design's values (design.ts) it takes whatever the shapes.
   */
  readonly drawsInputs: boolean;

  private constructor(exports: KernelInstance, m: CompiledScenario, size: number, keepLevels: boolean) {
    // An Error, not a RangeError: a caller's bug, not a refused memory that create() turns into null.
    if (size % 2 !== 0) throw new Error('the kernel simulates pairs of lanes: an even batch size');
    this.exports = exports;
    const { n, horizon } = m;
    const points = horizon + 1;
    const interactions = m.interactionStrength.length;
    const inputs = m.uncertain.length;
    const events = m.eventIds.length;
    const layout = new Layout(this.exports.heapBase());
    const header = layout.take(4 * HEADER_FIELDS);
    const draws = layout.take(4 * DRAWS_FIELDS);
    const at = {
      inputKind: layout.take(4 * inputs),
      inputIndex: layout.take(4 * inputs),
      inputLow: layout.take(8 * inputs),
      inputMode: layout.take(8 * inputs),
      inputHigh: layout.take(8 * inputs),
      eventCondition: layout.take(4 * events),
      eventOccurred: layout.take(events),
      eventProbability: layout.take(8 * events),
      eventLasting: layout.take(events),
      eventSlot: layout.take(4 * events),
      eventShift: layout.take(8 * events),
      drawn: layout.take(8 * inputs * size),
      fired: layout.take(events * size),
      direction: layout.take(8 * n),
      pace: layout.take(8 * n),
      volatility: layout.take(8 * n),
      noisy: layout.take(n),
      fromFactor: layout.take(4 * interactions),
      toFactor: layout.take(4 * interactions),
      strength: layout.take(8 * interactions),
      slotAt: layout.take(4 * horizon * n),
      targetSlotAt: layout.take(4 * horizon * n),
      state: layout.take(16 * size),
      kn: layout.take(4 * kn.length),
      wn: layout.take(8 * wn.length),
      fn: layout.take(8 * fn.length),
      tension: layout.take(8 * points * size),
      contributions: layout.take(8 * points * n * size),
      levels: layout.take(keepLevels ? 8 * points * n * size : 0)
    };
    // The batch's arrays come last: createBatch says how long each is.
    const batchLengths: number[] = [];
    createBatch(m, size, (...lengths) => {
      batchLengths.push(...lengths);
      // Stryker disable next-line ArrowFunction: this batch is thrown away unread; only the lengths count
      return lengths.map(() => new Float64Array(0));
    });
    const batchAt = batchLengths.map((length) => layout.take(8 * length));
    const { memory } = this.exports;
    // Stryker disable next-line ArithmeticOperator: growing by more than is missing only makes the memory larger
    const missing = layout.bytes - memory.buffer.byteLength;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: growing by 0 pages, or by a negative count rounded up to −0, changes nothing
    if (missing > 0) memory.grow(Math.ceil(missing / WASM_PAGE));
    const { buffer } = memory;
    const f64 = (offset: number, length: number) => new Float64Array(buffer, offset, length);
    const i32 = (offset: number, length: number) => new Int32Array(buffer, offset, length);

    i32(at.inputKind, inputs).set(m.uncertain.map((input) => INPUT_KINDS.indexOf(input.kind)));
    i32(at.inputIndex, inputs).set(m.uncertain.map((input) => (input.kind === 'strength' ? input.link : input.factor)));
    f64(at.inputLow, inputs).set(m.uncertain.map((input) => input.low));
    f64(at.inputMode, inputs).set(m.uncertain.map((input) => input.mode));
    f64(at.inputHigh, inputs).set(m.uncertain.map((input) => input.high));
    i32(at.eventCondition, events).set(m.eventCondition);
    new Uint8Array(buffer, at.eventOccurred, events).set(m.eventConditionOccurred);
    f64(at.eventProbability, events).set(m.eventProbability);
    new Uint8Array(buffer, at.eventLasting, events).set(m.eventLasting);
    i32(at.eventSlot, events).set(m.eventSlot);
    f64(at.eventShift, events).set(m.eventShift);
    this.drawsInputs = m.uncertain.every((input) => input.shape !== 'pert');
    f64(at.direction, n).set(m.direction);
    f64(at.pace, n).set(m.pace);
    f64(at.volatility, n).set(m.volatility);
    new Uint8Array(buffer, at.noisy, n).set(m.noisy);
    i32(at.fromFactor, interactions).set(m.interactionFrom);
    i32(at.toFactor, interactions).set(m.interactionTo);
    f64(at.strength, interactions).set(m.interactionStrength);
    i32(at.slotAt, horizon * n).set(m.slotAt);
    i32(at.targetSlotAt, horizon * n).set(m.targetSlotAt);
    i32(at.kn, kn.length).set(kn);
    f64(at.wn, wn.length).set(wn);
    f64(at.fn, fn.length).set(fn);
    this.streams = new StreamBank(size, i32(at.state, 4 * size));
    let next = 0;
    this.batch = createBatch(m, size, (...lengths) => lengths.map((length) => f64(batchAt[next++], length)));
    this.outputs = {
      tension: f64(at.tension, points * size),
      contributions: f64(at.contributions, points * n * size),
      levels: keepLevels ? f64(at.levels, points * n * size) : null,
      drawn: f64(at.drawn, inputs * size),
      fired: new Uint8Array(buffer, at.fired, events * size)
    };
    const { batch } = this;
    this.header = header;
    this.draws = draws;
    i32(draws, DRAWS_FIELDS).set([
      inputs,
      events,
      at.inputKind,
      at.inputIndex,
      at.inputLow,
      at.inputMode,
      at.inputHigh,
      at.eventCondition,
      at.eventOccurred,
      at.eventProbability,
      at.eventLasting,
      at.eventSlot,
      at.eventShift,
      at.drawn,
      at.fired
    ]);
    i32(header, HEADER_FIELDS).set([
      n,
      horizon,
      size,
      interactions,
      m.noisy.reduce((count, noisy) => count + noisy, 0),
      m.targetSlots > 0 ? 1 : 0,
      m.lanePace ? 1 : 0,
      m.laneVolatility ? 1 : 0,
      m.laneStrength ? 1 : 0,
      keepLevels ? 1 : 0,
      at.direction,
      at.pace,
      at.volatility,
      at.noisy,
      at.fromFactor,
      at.toFactor,
      at.strength,
      at.slotAt,
      at.targetSlotAt,
      batch.weight.byteOffset,
      batch.start.byteOffset,
      batch.target.byteOffset,
      batch.eventAdd.byteOffset,
      batch.targetAdd.byteOffset,
      batch.goal.byteOffset,
      batch.goalShift.byteOffset,
      batch.x.byteOffset,
      batch.push.byteOffset,
      batch.weightSum.byteOffset,
      batch.contributionScale.byteOffset,
      batch.pressure.byteOffset,
      batch.noise.byteOffset,
      batch.pace.byteOffset,
      batch.volatility.byteOffset,
      batch.strength.byteOffset,
      at.tension,
      at.contributions,
      at.levels,
      at.state,
      at.kn,
      at.wn,
      at.fn,
      m.slots,
      m.targetSlots
    ]);
  }

  /**
   * A kernel for the scenario's batches of `size` lanes, or null where WebAssembly is not to be
   * had — or its memory: a thread that holds many (a worker whose requests a slider's steps
   * cancel) can be refused one ("Cannot allocate Wasm memory"); the JavaScript kernel then runs,
   * with the same numbers.
   */
  static create(m: CompiledScenario, size: number, keepLevels: boolean): WasmKernel | null {
    try {
      const exports = instantiateKernel();
      return exports === null ? null : new WasmKernel(exports, m, size, keepLevels);
    } catch (error) {
      if (error instanceof RangeError) return null;
      throw error;
    }
  }

  /**
   * Seeds lanes from..to−1 with runs base + lane under `seed`, draws their inputs (outputs.drawn,
   * outputs.fired) and sets them in the batch: MonteCarlo.drawInputs. With `given`, the ranges'
   * values are a design's, put in outputs.drawn first (any ranges); without, they are drawn
   * (where drawsInputs).
   */
  drawInputs(base: number, from: number, to: number, seed: number, given: boolean): void {
    this.exports.drawInputs(this.header, this.draws, base, from, to, seed | 0, given ? 1 : 0);
  }

  /** Simulates lanes from..to−1, with the streams' noise or (streams false) none. */
  simulate(from: number, to: number, streams: boolean): void {
    this.exports.simulate(this.header, from, to, streams ? 1 : 0);
  }
}
