// Random streams for the simulation: one xoroshiro128+ stream per Monte Carlo run,
// seeded from a hash of (seed, run), so run r depends only on the seed and r. A
// quick estimate of the first runs is exactly the prefix of a larger set, and the
// numbers are the same in the app, its worker and the command line.
//
// The generator is pure-rand's xoroshiro128plus (tests check the two agree draw for
// draw); it is restated here over one Int32Array holding the state of a whole batch
// of streams, because the hot loop then draws without an object per stream.
import { betaInverse } from './beta';
import type { RangeShape } from '../format/schema';

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** The four state words of run `run`'s stream, in pure-rand's xoroshiro128plus order. */
export function streamState(seed: number, run: number): [number, number, number, number] {
  const state = new Int32Array(4);
  writeStreamState(state, 0, seed, run);
  return [state[0], state[1], state[2], state[3]];
}

/** Writes run `run`'s four state words (streamState) to state[at .. at+3], allocating nothing (once per run). */
function writeStreamState(state: Int32Array, at: number, seed: number, run: number): void {
  const base = fmix32((seed >>> 0) ^ 0x9e3779b9) ^ Math.imul(run + 1, 0x632be5ab);
  state[at] = fmix32(base + 0x7f4a7c15);
  state[at + 1] = fmix32(base + 0x1b873593);
  state[at + 2] = fmix32(base ^ 0x68e31da4);
  state[at + 3] = fmix32(base + 0x3c6ef372) | 1;
}

const TWO_POW_MINUS_32 = 2 ** -32;

export class StreamBank {
  /** Stream b's state at [4b .. 4b+3]: s01, s00, s11, s10. */
  readonly state: Int32Array;

  /** `state` may be given: a view of memory the WebAssembly kernel draws from too. */
  constructor(
    readonly capacity: number,
    state?: Int32Array
  ) {
    this.state = state ?? new Int32Array(4 * capacity);
  }

  /** Points lane b at run `run` of the given seed. */
  seed(b: number, seed: number, run: number): void {
    writeStreamState(this.state, 4 * b, seed, run);
  }

  /** The next uniform 32-bit signed integer of stream b. */
  nextInt(b: number): number {
    const s = this.state;
    const j = 4 * b;
    const s01 = s[j];
    const s00 = s[j + 1];
    const s11 = s[j + 2];
    const s10 = s[j + 3];
    const a0 = s10 ^ s00;
    const a1 = s11 ^ s01;
    s[j + 1] = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
    s[j] = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    s[j + 3] = (a1 << 5) ^ (a0 >>> 27);
    s[j + 2] = (a0 << 5) ^ (a1 >>> 27);
    return (s00 + s10) | 0;
  }

  /** A uniform number strictly inside (0, 1), so logs and inverse CDFs stay finite. */
  uniform(b: number): number {
    return ((this.nextInt(b) >>> 0) + 0.5) * TWO_POW_MINUS_32;
  }
}

/** Inverse CDF of the triangular distribution on [low, high] with the given mode. */
export function triangular(u: number, low: number, mode: number, high: number): number {
  const span = high - low;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a range has low ≤ mode ≤ high (the schema), so span 0 means low = mode = high, where the formula gives high − √0 = mode too
  if (span <= 0) return mode;
  const split = (mode - low) / span;
  const value = u < split ? low + Math.sqrt(u * span * (mode - low)) : high - Math.sqrt((1 - u) * span * (high - mode));
  // Kept within the range: for a range a few hundred orders of magnitude below 1, span · (high − mode)
  // underflows and the square root's rounding could step past an end (a start below 0: T < 0).
  return value < low ? low : value > high ? high : value;
}

/**
 * Inverse CDF of the PERT distribution on [low, high] with the given mode: a Beta(α, β) on the
 * range with α = 1 + 4(mode − low)/(high − low) and β = 1 + 4(high − mode)/(high − low), whose
 * mean is (low + 4·mode + high)/6 (docs/MODEL.md section 4).
 */
export function pert(u: number, low: number, mode: number, high: number): number {
  const span = high - low;
  if (span <= 0) return mode;
  return low + span * betaInverse(u, 1 + (4 * (mode - low)) / span, 1 + (4 * (high - mode)) / span);
}

/** A range's value at the uniform u: its inverse CDF, triangular unless the range says PERT. */
export function rangeValue(u: number, range: { low: number; mode: number; high: number; shape?: RangeShape }): number {
  // Two direct calls, not a call of the chosen function: V8 inlines these (a run draws every range).
  return range.shape === 'pert'
    ? pert(u, range.low, range.mode, range.high)
    : triangular(u, range.low, range.mode, range.high);
}
