// The tornado: each uncertain input moved to its low and its high (each event's
// probability to 0 and to 1) with everything else central. All the variants run
// as lanes of one batch.
import { float64Arrays } from './arena';
import type { CompiledScenario } from './compile';
import { createBatch, setCentralLane, setUncertainInput, simulateBatch } from './simulate';

export type TornadoMetric = 'final' | 'peak';

export interface TornadoBar {
  input: string;
  /** The metric (T(H) or peak T) with the input at its low / high. */
  low: number;
  high: number;
  /** |high − low|, the length of the bar. */
  swing: number;
}

export function tornado(m: CompiledScenario, metric: TornadoMetric = 'final'): TornadoBar[] {
  // A degenerate range (low = mode = high) does not vary: no bar, as the importance ranking leaves it out.
  const ranged = m.uncertain.filter((u) => u.high > u.low);
  const inputs = [...ranged.map((u) => u.key), ...m.eventIds.map((id) => `event:${id}`)];
  const lanes = 2 * inputs.length;
  // Stryker disable next-line ConditionalExpression: with no inputs the batch has no lanes and inputs.map gives [] anyway
  if (lanes === 0) return [];
  const batch = createBatch(m, lanes);
  // Lane 2k holds input k at its low, lane 2k+1 at its high.
  for (let b = 0; b < lanes; b++) {
    const event = (b >> 1) - ranged.length;
    setCentralLane(m, batch, b, (e) => (e === event ? b & 1 : m.eventProbability[e]));
  }
  ranged.forEach((u, k) => {
    // Format version 1's inputs as they always were written (× 1/100, which can differ from / 100
    // in the last bit); the rates of version 2 through setUncertainInput.
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,StringLiteral: setUncertainInput gives the same bars but for the last bit (÷ 100 for × 1/100), which only keeps older results identical
    if (u.kind === 'weight' || u.kind === 'start' || u.kind === 'target') {
      const set = u.kind === 'weight' ? batch.weight : u.kind === 'start' ? batch.start : batch.target;
      const scale = u.kind === 'weight' ? 1 : 1 / 100;
      set[u.factor * lanes + 2 * k] = u.low * scale;
      set[u.factor * lanes + 2 * k + 1] = u.high * scale;
    } else {
      setUncertainInput(batch, u, 2 * k, u.low);
      setUncertainInput(batch, u, 2 * k + 1, u.high);
    }
  });
  const [tension, contributions] = float64Arrays(
    (m.horizon + 1) * lanes,
    // Stryker disable next-line ArithmeticOperator: the tornado never reads the contributions; writes past the end of a smaller array are dropped
    (m.horizon + 1) * m.n * lanes
  );
  simulateBatch(m, batch, 0, lanes, null, { tension, stride: lanes, offset: 0, contributions });
  const measure = (b: number): number => {
    if (metric === 'final') return tension[m.horizon * lanes + b];
    let peak = -Infinity;
    for (let t = 0; t <= m.horizon; t++) peak = Math.max(peak, tension[t * lanes + b]);
    return peak;
  };
  const bars = inputs.map((input, k): TornadoBar => {
    const low = measure(2 * k);
    const high = measure(2 * k + 1);
    return { input, low, high, swing: Math.abs(high - low) };
  });
  // A low weight can leave Σ w = 0, where T is undefined (NaN): such bars sort last.
  const length = (bar: TornadoBar) => (Number.isNaN(bar.swing) ? -1 : bar.swing);
  return bars.sort((a, b) => length(b) - length(a) || a.input.localeCompare(b.input));
}
