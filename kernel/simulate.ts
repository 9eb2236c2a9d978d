// The Monte Carlo kernel in WebAssembly (AssemblyScript): simulateBatch of
// src/engine/model/simulate.ts with the streams' normals (src/engine/random/normal.ts),
// two lanes at a time in 128-bit SIMD. Each lane does the same IEEE operations in the
// same order as the JavaScript, so the two give the same numbers bit for bit
// (tests/engine/kernel.test.ts); the logarithms and exponentials of the ziggurat's rare
// slow path (about 1 % of draws) are JavaScript's own Math.log and Math.exp, imported.
// Built by `npm run build:kernel` into src/engine/model/kernelWasm.ts.

// @ts-ignore: decorator
@external("env", "exp")
declare function hostExp(x: f64): f64;
// @ts-ignore: decorator
@external("env", "log")
declare function hostLog(x: f64): f64;

const R = 3.442619855899;
const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** Where the memory the host lays out may begin. */
export function heapBase(): usize {
  return (__heap_base + 15) & ~15;
}

// The header's fields (i32 each) at header + 4·field; see src/engine/model/kernel.ts.
const N = 0;
const HORIZON = 1;
const SIZE = 2;
const INTERACTIONS = 3;
const NOISY_COUNT = 4;
const LASTING = 5;
const LANE_PACE = 6;
const LANE_VOLATILITY = 7;
const LANE_STRENGTH = 8;
const LEVELS = 9;
const DIRECTION = 10;
const PACE = 11;
const VOLATILITY = 12;
const NOISY = 13;
const FROM_FACTOR = 14;
const TO_FACTOR = 15;
const STRENGTH = 16;
const SLOT_AT = 17;
const TARGET_SLOT_AT = 18;
const WEIGHT = 19;
const START = 20;
const TARGET = 21;
const EVENT_ADD = 22;
const TARGET_ADD = 23;
const GOAL = 24;
const GOAL_SHIFT = 25;
const X = 26;
const PUSH = 27;
const WEIGHT_SUM = 28;
const CONTRIBUTION_SCALE = 29;
const PRESSURE = 30;
const NOISE = 31;
const LANE_PACE_AT = 32;
const LANE_VOLATILITY_AT = 33;
const LANE_STRENGTH_AT = 34;
const TENSION = 35;
const CONTRIBUTIONS = 36;
const LEVELS_AT = 37;
const STATE = 38;
const KN = 39;
const WN = 40;
const FN = 41;
const EVENT_SLOTS = 42;
const TARGET_SLOTS = 43;

@inline function field(header: usize, k: i32): i32 {
  return load<i32>(header + (<usize>k << 2));
}
@inline function ptr(header: usize, k: i32): usize {
  return <usize>load<i32>(header + (<usize>k << 2));
}
@inline function f64At(base: usize, k: i32): usize {
  return base + (<usize>k << 3);
}

/** Adds `value` to the lanes of the pair at `at` that `lanes` selects (all bits set); the other keeps its number. */
@inline function addToLanes(at: usize, value: v128, lanes: v128): void {
  const old = v128.load(at);
  v128.store(at, v128.bitselect(f64x2.add(old, value), old, lanes));
}

/** The next integer of the stream whose state is at j: StreamBank.nextInt of streams.ts. */
@inline function nextInt(j: usize): i32 {
  const s01 = load<i32>(j);
  const s00 = load<i32>(j, 4);
  const s11 = load<i32>(j, 8);
  const s10 = load<i32>(j, 12);
  const a0 = s10 ^ s00;
  const a1 = s11 ^ s01;
  store<i32>(j, (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16)));
  store<i32>(j, (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16), 4);
  store<i32>(j, (a0 << 5) ^ (a1 >>> 27), 8);
  store<i32>(j, (a1 << 5) ^ (a0 >>> 27), 12);
  return s00 + s10;
}

/** A uniform strictly inside (0, 1) from the stream at j: StreamBank.uniform. */
@inline function uniform(j: usize): f64 {
  return (<f64><u32>nextInt(j) + 0.5) * TWO_POW_MINUS_32;
}

/** The draws outside a layer's core, the tail and the wedges: slowPath of normal.ts. */
function slowPath(j: usize, kn: usize, wn: usize, fn: usize, hz: i32, iz: i32): f64 {
  for (;;) {
    const x = <f64>hz * load<f64>(f64At(wn, iz));
    if (iz == 0) {
      let tx: f64;
      let ty: f64;
      do {
        tx = -hostLog(uniform(j)) / R;
        ty = -hostLog(uniform(j));
      } while (ty + ty < tx * tx);
      return hz > 0 ? R + tx : -R - tx;
    }
    const f = load<f64>(f64At(fn, iz));
    if (f + uniform(j) * (load<f64>(f64At(fn, iz - 1)) - f) < hostExp(-0.5 * x * x)) return x;
    hz = nextInt(j);
    iz = hz & 127;
    if (<u32>abs<i32>(hz) < <u32>load<i32>(kn + (<usize>iz << 2))) return <f64>hz * load<f64>(f64At(wn, iz));
  }
  return unreachable();
}

/**
 * `count` normals of stream b to noise[b], noise[b + size], …: fillNormals of normal.ts.
 */
function fillNormals(state: usize, kn: usize, wn: usize, fn: usize, noise: usize, b: i32, size: i32, count: i32): void {
  const j = state + (<usize>b << 4);
  let s01 = load<i32>(j);
  let s00 = load<i32>(j, 4);
  let s11 = load<i32>(j, 8);
  let s10 = load<i32>(j, 12);
  for (let c = 0; c < count; c++) {
    const hz = s00 + s10;
    const a0 = s10 ^ s00;
    const a1 = s11 ^ s01;
    const n00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
    s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    s00 = n00;
    s10 = (a1 << 5) ^ (a0 >>> 27);
    s11 = (a0 << 5) ^ (a1 >>> 27);
    const iz = hz & 127;
    const at = f64At(noise, c * size + b);
    // |hz| as unsigned: |−2³¹| is 2³¹, above every k, as Math.abs gives it.
    if (<u32>abs<i32>(hz) < <u32>load<i32>(kn + (<usize>iz << 2))) {
      store<f64>(at, <f64>hz * load<f64>(f64At(wn, iz)));
      continue;
    }
    store<i32>(j, s01);
    store<i32>(j, s00, 4);
    store<i32>(j, s11, 8);
    store<i32>(j, s10, 12);
    store<f64>(at, slowPath(j, kn, wn, fn, hz, iz));
    s01 = load<i32>(j);
    s00 = load<i32>(j, 4);
    s11 = load<i32>(j, 8);
    s10 = load<i32>(j, 12);
  }
  store<i32>(j, s01);
  store<i32>(j, s00, 4);
  store<i32>(j, s11, 8);
  store<i32>(j, s10, 12);
}

/**
 * Simulates lanes from..to−1 as simulateBatch does (streams: whether to draw noise), writing
 * T(t) of lane b at tension[t·size + b]. Pairs of lanes [b, b+1] from an even b: a lane of a
 * pair outside from..to is computed on whatever its scratch holds and never written to an
 * output (its contributions are masked; its tension and levels are not read).
 */
export function simulate(header: usize, from: i32, to: i32, streams: i32): void {
  const n = field(header, N);
  const horizon = field(header, HORIZON);
  const size = field(header, SIZE);
  const interactions = field(header, INTERACTIONS);
  const noisyCount = field(header, NOISY_COUNT);
  const lasting = field(header, LASTING) != 0;
  const hasLanePace = field(header, LANE_PACE) != 0;
  const hasLaneVolatility = field(header, LANE_VOLATILITY) != 0;
  const hasLaneStrength = field(header, LANE_STRENGTH) != 0;
  const keepLevels = field(header, LEVELS) != 0;
  const direction = ptr(header, DIRECTION);
  const pace = ptr(header, PACE);
  const volatility = ptr(header, VOLATILITY);
  const noisy = ptr(header, NOISY);
  const fromFactor = ptr(header, FROM_FACTOR);
  const toFactor = ptr(header, TO_FACTOR);
  const strength = ptr(header, STRENGTH);
  const slotAt = ptr(header, SLOT_AT);
  const targetSlotAt = ptr(header, TARGET_SLOT_AT);
  const weight = ptr(header, WEIGHT);
  const start = ptr(header, START);
  const target = ptr(header, TARGET);
  const eventAdd = ptr(header, EVENT_ADD);
  const targetAdd = ptr(header, TARGET_ADD);
  const goal = ptr(header, GOAL);
  const goalShift = ptr(header, GOAL_SHIFT);
  const x = ptr(header, X);
  const push = ptr(header, PUSH);
  const weightSum = ptr(header, WEIGHT_SUM);
  const contributionScale = ptr(header, CONTRIBUTION_SCALE);
  const pressure = ptr(header, PRESSURE);
  const noise = ptr(header, NOISE);
  const lanePace = ptr(header, LANE_PACE_AT);
  const laneVolatility = ptr(header, LANE_VOLATILITY_AT);
  const laneStrength = ptr(header, LANE_STRENGTH_AT);
  const tension = ptr(header, TENSION);
  const contributions = ptr(header, CONTRIBUTIONS);
  const levels = ptr(header, LEVELS_AT);
  const state = ptr(header, STATE);
  const kn = ptr(header, KN);
  const wn = ptr(header, WN);
  const fn = ptr(header, FN);

  const first = from & ~1;
  const end = (to + 1) & ~1;
  const zero = f64x2.splat(0);
  const one = f64x2.splat(1);
  const hundred = f64x2.splat(100);
  const all = i64x2.splat(-1);
  // The pairs at the ends may hold a lane outside from..to: its contributions are left as they were.
  const firstLanes = (from & 1) != 0 ? i64x2(0, -1) : all;
  const lastLanes = (to & 1) != 0 ? i64x2(-1, 0) : all;

  for (let b = first; b < end; b += 2) v128.store(f64At(weightSum, b), zero);
  for (let i = 0; i < n; i++) {
    const o = i * size;
    for (let b = first; b < end; b += 2) {
      const at = f64At(weightSum, b);
      v128.store(at, f64x2.add(v128.load(at), v128.load(f64At(weight, o + b))));
    }
  }
  for (let b = first; b < end; b += 2)
    v128.store(f64At(contributionScale, b), f64x2.div(hundred, v128.load(f64At(weightSum, b))));
  memory.copy(x, start, <usize>(n * size) << 3);
  if (lasting)
    for (let i = 0; i < n; i++) {
      const o = i * size;
      for (let b = first; b < end; b += 2) {
        v128.store(f64At(goal, o + b), v128.load(f64At(target, o + b)));
        v128.store(f64At(goalShift, o + b), zero);
      }
    }

  // Month 0.
  for (let b = first; b < end; b += 2) v128.store(f64At(pressure, b), zero);
  for (let i = 0; i < n; i++) {
    const o = i * size;
    const raises = load<f64>(f64At(direction, i)) > 0;
    for (let b = first; b < end; b += 2) {
      const xi = v128.load(f64At(x, o + b));
      const we = f64x2.mul(v128.load(f64At(weight, o + b)), raises ? xi : f64x2.sub(one, xi));
      const p = f64At(pressure, b);
      v128.store(p, f64x2.add(v128.load(p), we));
      const lanes = v128.and(b == first ? firstLanes : all, b + 2 == end ? lastLanes : all);
      addToLanes(f64At(contributions, o + b), f64x2.mul(we, v128.load(f64At(contributionScale, b))), lanes);
    }
  }
  for (let b = first; b < end; b += 2)
    v128.store(
      f64At(tension, b),
      f64x2.div(f64x2.mul(hundred, v128.load(f64At(pressure, b))), v128.load(f64At(weightSum, b)))
    );
  if (keepLevels) memory.copy(levels, x, <usize>(n * size) << 3);

  const zeroRow = n * size;
  for (let t = 0; t < horizon; t++) {
    memory.fill(push, 0, <usize>(n * size) << 3);
    for (let k = 0; k < interactions; k++) {
      const source = load<i32>(fromFactor + (<usize>k << 2)) * size;
      const sink = load<i32>(toFactor + (<usize>k << 2)) * size;
      const c = f64x2.splat(load<f64>(f64At(strength, k)));
      for (let b = first; b < end; b += 2) {
        const at = f64At(push, sink + b);
        const s = hasLaneStrength ? v128.load(f64At(laneStrength, k * size + b)) : c;
        v128.store(at, f64x2.add(v128.load(at), f64x2.mul(s, v128.load(f64At(x, source + b)))));
      }
    }
    if (streams != 0 && noisyCount > 0)
      for (let b = from; b < to; b++) fillNormals(state, kn, wn, fn, noise, b, size, noisyCount);

    for (let b = first; b < end; b += 2) v128.store(f64At(pressure, b), zero);
    const month = (t + 1) * n * size;
    for (let i = 0, q = 0; i < n; i++) {
      const o = i * size;
      const c = month + o;
      const slot = load<i32>(slotAt + (<usize>(t * n + i) << 2));
      const targetSlot = lasting ? load<i32>(targetSlotAt + (<usize>(t * n + i) << 2)) : -1;
      if (targetSlot >= 0)
        for (let b = first; b < end; b += 2) {
          const shiftAt = f64At(goalShift, o + b);
          const shift = f64x2.add(v128.load(shiftAt), v128.load(f64At(targetAdd, targetSlot * size + b)));
          v128.store(shiftAt, shift);
          const g = f64x2.add(v128.load(f64At(target, o + b)), shift);
          v128.store(f64At(goal, o + b), v128.bitselect(zero, v128.bitselect(one, g, f64x2.gt(g, one)), f64x2.lt(g, zero)));
        }
      const k = f64x2.splat(load<f64>(f64At(pace, i)));
      const v = f64x2.splat(load<f64>(f64At(volatility, i)));
      const row = streams != 0 && load<u8>(noisy + <usize>i) == 1 ? q++ * size : zeroRow;
      const raises = load<f64>(f64At(direction, i)) > 0;
      for (let b = first; b < end; b += 2) {
        const xi = v128.load(f64At(x, o + b));
        const p = v128.load(f64At(push, o + b));
        const kb = hasLanePace ? v128.load(f64At(lanePace, o + b)) : k;
        let y = f64x2.add(xi, f64x2.mul(kb, f64x2.sub(v128.load(f64At(goal, o + b)), xi)));
        // A saturating push: p·(1 − x) where p ≥ 0, p·x below.
        y = f64x2.add(y, v128.bitselect(f64x2.mul(p, f64x2.sub(one, xi)), f64x2.mul(p, xi), f64x2.ge(p, zero)));
        if (slot >= 0) y = f64x2.add(y, v128.load(f64At(eventAdd, slot * size + b)));
        const vb = hasLaneVolatility ? v128.load(f64At(laneVolatility, o + b)) : v;
        y = f64x2.add(y, f64x2.mul(vb, v128.load(f64At(noise, row + b))));
        const next = v128.bitselect(zero, v128.bitselect(one, y, f64x2.gt(y, one)), f64x2.lt(y, zero));
        v128.store(f64At(x, o + b), next);
        const we = f64x2.mul(v128.load(f64At(weight, o + b)), raises ? next : f64x2.sub(one, next));
        const pa = f64At(pressure, b);
        v128.store(pa, f64x2.add(v128.load(pa), we));
        const lanes = v128.and(b == first ? firstLanes : all, b + 2 == end ? lastLanes : all);
        addToLanes(f64At(contributions, c + b), f64x2.mul(we, v128.load(f64At(contributionScale, b))), lanes);
      }
    }
    const row = (t + 1) * size;
    for (let b = first; b < end; b += 2)
      v128.store(
        f64At(tension, row + b),
        f64x2.div(f64x2.mul(hundred, v128.load(f64At(pressure, b))), v128.load(f64At(weightSum, b)))
      );
    if (keepLevels) memory.copy(levels + (<usize>((t + 1) * n * size) << 3), x, <usize>(n * size) << 3);
  }
}

// The draws' header (i32 each) at draws + 4·field; see src/engine/model/kernel.ts.
const INPUTS = 0;
const EVENTS = 1;
const INPUT_KIND = 2;
const INPUT_INDEX = 3;
const INPUT_LOW = 4;
const INPUT_MODE = 5;
const INPUT_HIGH = 6;
const EVENT_CONDITION = 7;
const EVENT_OCCURRED = 8;
const EVENT_PROBABILITY = 9;
const EVENT_LASTING = 10;
const EVENT_SLOT = 11;
const EVENT_SHIFT = 12;
const DRAWN = 13;
const FIRED = 14;

// Input kinds, as kernel.ts numbers them.
const KIND_WEIGHT = 0;
const KIND_START = 1;
const KIND_TARGET = 2;
const KIND_PACE = 3;
const KIND_VOLATILITY = 4;

/** murmur3's 32-bit finaliser: fmix32 of streams.ts. */
@inline function fmix32(h: i32): i32 {
  h ^= h >>> 16;
  h *= 0x85ebca6b;
  h ^= h >>> 13;
  h *= 0xc2b2ae35;
  h ^= h >>> 16;
  return h;
}

/** Seeds the stream at j for `run` (streamState of streams.ts), mixedSeed being fmix32(seed ^ 0x9e3779b9). */
@inline function seedStream(j: usize, mixedSeed: i32, run: i32): void {
  const hashed = mixedSeed ^ ((run + 1) * 0x632be5ab);
  store<i32>(j, fmix32(hashed + 0x7f4a7c15));
  store<i32>(j, fmix32(hashed + 0x1b873593), 4);
  store<i32>(j, fmix32(hashed ^ 0x68e31da4), 8);
  store<i32>(j, fmix32(hashed + 0x3c6ef372) | 1, 12);
}

/** triangular of streams.ts: the inverse CDF at u, kept within the range. */
@inline function triangular(u: f64, low: f64, mode: f64, high: f64): f64 {
  const span = high - low;
  if (span <= 0) return mode;
  const split = (mode - low) / span;
  const value = u < split ? low + Math.sqrt(u * span * (mode - low)) : high - Math.sqrt((1 - u) * span * (high - mode));
  return value < low ? low : value > high ? high : value;
}

/**
 * Draws the inputs of lanes from..to−1 (run base + lane under `seed`) as MonteCarlo.drawInputs
 * does: seeds each lane's stream, draws each range's uniform and value (triangular; with `given`,
 * the value is the design's, already at drawn[k·size + b], and the uniform is drawn all the same)
 * and each event's uniform, sets them in the batch (the events' shifts added after clearing them)
 * and writes the values to drawn[k·size + b], the events to fired[e·size + b].
 */
export function drawInputs(header: usize, draws: usize, base: i32, from: i32, to: i32, seed: i32, given: i32): void {
  const size = field(header, SIZE);
  const state = ptr(header, STATE);
  const weight = ptr(header, WEIGHT);
  const start = ptr(header, START);
  const target = ptr(header, TARGET);
  const eventAdd = ptr(header, EVENT_ADD);
  const targetAdd = ptr(header, TARGET_ADD);
  const lanePace = ptr(header, LANE_PACE_AT);
  const laneVolatility = ptr(header, LANE_VOLATILITY_AT);
  const laneStrength = ptr(header, LANE_STRENGTH_AT);
  const inputs = field(draws, INPUTS);
  const events = field(draws, EVENTS);
  const kind = ptr(draws, INPUT_KIND);
  const index = ptr(draws, INPUT_INDEX);
  const low = ptr(draws, INPUT_LOW);
  const mode = ptr(draws, INPUT_MODE);
  const high = ptr(draws, INPUT_HIGH);
  const condition = ptr(draws, EVENT_CONDITION);
  const occurred = ptr(draws, EVENT_OCCURRED);
  const probability = ptr(draws, EVENT_PROBABILITY);
  const lasting = ptr(draws, EVENT_LASTING);
  const slot = ptr(draws, EVENT_SLOT);
  const shift = ptr(draws, EVENT_SHIFT);
  const drawn = ptr(draws, DRAWN);
  const fired = ptr(draws, FIRED);

  if (events > 0) {
    memory.fill(eventAdd, 0, <usize>(field(header, EVENT_SLOTS) * size) << 3);
    memory.fill(targetAdd, 0, <usize>(field(header, TARGET_SLOTS) * size) << 3);
  }
  const mixedSeed = fmix32(seed ^ 0x9e3779b9);
  for (let b = from; b < to; b++) {
    const j = state + (<usize>b << 4);
    seedStream(j, mixedSeed, base + b);
    for (let k = 0; k < inputs; k++) {
      const u = uniform(j);
      const value =
        given != 0
          ? load<f64>(f64At(drawn, k * size + b))
          : triangular(u, load<f64>(f64At(low, k)), load<f64>(f64At(mode, k)), load<f64>(f64At(high, k)));
      store<f64>(f64At(drawn, k * size + b), value);
      const at = load<i32>(index + (<usize>k << 2)) * size + b;
      const what = load<i32>(kind + (<usize>k << 2));
      if (what == KIND_WEIGHT) store<f64>(f64At(weight, at), value);
      else if (what == KIND_START) store<f64>(f64At(start, at), value / 100);
      else if (what == KIND_TARGET) store<f64>(f64At(target, at), value / 100);
      else if (what == KIND_PACE) store<f64>(f64At(lanePace, at), value);
      else if (what == KIND_VOLATILITY) store<f64>(f64At(laneVolatility, at), value / 100);
      else store<f64>(f64At(laneStrength, at), value);
    }
    for (let e = 0; e < events; e++) {
      const u = uniform(j);
      const parent = load<i32>(condition + (<usize>e << 2));
      const met =
        parent < 0 || (load<u8>(fired + <usize>(parent * size + b)) == 1) == (load<u8>(occurred + <usize>e) == 1);
      const happens = met && u < load<f64>(f64At(probability, e));
      store<u8>(fired + <usize>(e * size + b), happens ? 1 : 0);
      if (happens) {
        const at = f64At(load<u8>(lasting + <usize>e) == 1 ? targetAdd : eventAdd, load<i32>(slot + (<usize>e << 2)) * size + b);
        store<f64>(at, load<f64>(at) + load<f64>(f64At(shift, e)));
      }
    }
  }
}

/**
 * The first `inputs` uniforms of each of runs first … first + count − 1 under `seed` (the draws of
 * their ranges, as drawRunInputs takes them) to out[k·count + r]: runDesign's draws (design.ts).
 * state: 16 bytes of scratch for the stream.
 */
export function runUniforms(seed: i32, first: i32, count: i32, inputs: i32, state: usize, out: usize): void {
  const mixedSeed = fmix32(seed ^ 0x9e3779b9);
  for (let r = 0; r < count; r++) {
    seedStream(state, mixedSeed, first + r);
    for (let k = 0; k < inputs; k++) store<f64>(f64At(out, k * count + r), uniform(state));
  }
}
