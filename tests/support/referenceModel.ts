// A deliberately plain second implementation of the central path and of one Monte
// Carlo run, written from docs/MODEL.md (sections 3 to 5) line by line, to check the engine's
// fast batched kernel against.
import betaincinv from '@stdlib/math-base-special-betaincinv';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { MizanDoc, Uncertain } from '../../src/engine/format/schema';
import { standardNormal } from '../../src/engine/random/normal';
import { streamState, type StreamBank } from '../../src/engine/random/streams';

const mode = (u: Uncertain) => (typeof u === 'number' ? u : u.mode);

/** Each event's probability overall: P(condition) · p, in list order (docs/MODEL.md section 2). */
function overall(events: MizanDoc['scenarios'][number]['events']): number[] {
  const out: number[] = [];
  events.forEach((e, j) => {
    const parent = e.condition ? events.findIndex((x) => x.id === e.condition!.event) : -1;
    const holds = parent < 0 ? 1 : e.condition!.occurred ? out[parent] : 1 - out[parent];
    out[j] = holds * e.probability;
  });
  return out;
}

/** The target of factor i in the update that produces month t + 1: moved by the target events up to then. */
function targetAt(g: number, shifts: { month: number; shift: number }[], t: number): number {
  const moved = g + shifts.filter((s) => s.month <= t + 1).reduce((sum, s) => sum + s.shift, 0);
  return shifts.length === 0 ? g : Math.min(100, Math.max(0, moved));
}

export function referenceCentralTension(doc: MizanDoc, scenarioIndex = 0): { tension: number[]; levels: number[][] } {
  const scenario = doc.scenarios[scenarioIndex];
  const ids = doc.factors.map((f) => f.id);
  const w = doc.factors.map((f) => mode(scenario.weights?.[f.id] ?? f.weight));
  const d = doc.factors.map((f) => f.direction);
  const k = ids.map((id) => mode(scenario.factors[id].pace));
  const g = ids.map((id) => mode(scenario.factors[id].target));
  let x = ids.map((id) => mode(scenario.factors[id].start) / 100);
  const P = overall(scenario.events);
  const lasting = ids.map((id) =>
    scenario.events.flatMap((e, j) =>
      e.kind === 'target' && e.factor === id ? [{ month: e.month, shift: P[j] * e.shift }] : []
    )
  );
  const levels = [x];
  for (let t = 0; t < doc.horizonMonths; t++) {
    const next: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      let p = 0;
      for (const c of doc.interactions) if (c.to === ids[i]) p += mode(c.strength) * x[ids.indexOf(c.from)];
      let y = x[i] + k[i] * (targetAt(g[i], lasting[i], t) / 100 - x[i]);
      y += p >= 0 ? p * (1 - x[i]) : p * x[i];
      scenario.events.forEach((e, j) => {
        if (e.kind !== 'target' && e.factor === ids[i] && e.month === t + 1) y += (P[j] * e.shift) / 100;
      });
      next.push(Math.min(1, Math.max(0, y)));
    }
    x = next;
    levels.push(x);
  }
  const total = w.reduce((a, b) => a + b, 0);
  const tension = levels.map(
    (xs) => (100 * xs.reduce((sum, xi, i) => sum + w[i] * (d[i] > 0 ? xi : 1 - xi), 0)) / total
  );
  return { tension, levels };
}

/**
 * Run `run` of the Monte Carlo under `seed`, written out plainly from docs/MODEL.md sections 3–4
 * and the draw order of its section 5 ("Monte Carlo"): one xoroshiro128+
 * stream per run (pure-rand's, from the engine's streamState(seed, run)); a uniform is
 * (int >>> 0 + ½)·2⁻³²; each uncertain input — weights, then starts, then targets, each in
 * factor order — is the inverse triangular CDF of one uniform; each event fires when one
 * uniform is below its probability; then each month one N(0, 1) (the engine's ziggurat,
 * fed by the same stream) per factor with volatility > 0, in factor order, added as v·z.
 */
export function referenceRunTension(doc: MizanDoc, seed: number, run: number, scenarioIndex = 0): number[] {
  const scenario = doc.scenarios[scenarioIndex];
  const ids = doc.factors.map((f) => f.id);
  const stream = xoroshiro128plusFromState(streamState(seed, run));
  const uniform = () => ((stream.next() >>> 0) + 0.5) * 2 ** -32;
  // standardNormal reads only nextInt and uniform of lane 0.
  const normals = { nextInt: () => stream.next(), uniform } as unknown as StreamBank;
  const triangle = (u: number, { low, mode, high }: { low: number; mode: number; high: number }) => {
    if (high - low <= 0) return mode;
    const below = (mode - low) / (high - low);
    return u < below
      ? low + Math.sqrt(u * (high - low) * (mode - low))
      : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
  };
  // PERT through @stdlib's inverse incomplete beta, not the engine's own.
  const pert = (u: number, { low, mode, high }: { low: number; mode: number; high: number }) =>
    high - low <= 0
      ? mode
      : low +
        (high - low) * betaincinv(u, 1 + (4 * (mode - low)) / (high - low), 1 + (4 * (high - mode)) / (high - low));
  const draw = (value: Uncertain) =>
    typeof value === 'number' ? value : (value.shape === 'pert' ? pert : triangle)(uniform(), value);
  // Draw order: weights, starts, targets, paces, volatilities (each in factor order), link strengths.
  const w = doc.factors.map((f) => draw(scenario.weights?.[f.id] ?? f.weight));
  let x = ids.map((id) => draw(scenario.factors[id].start) / 100);
  const g = ids.map((id) => draw(scenario.factors[id].target) / 100);
  const k = ids.map((id) => draw(scenario.factors[id].pace));
  const v = ids.map((id) => draw(scenario.factors[id].volatility) / 100);
  const strength = doc.interactions.map((c) => draw(c.strength));
  // One uniform per event, always; a conditional event fires only where its condition holds.
  const fired: boolean[] = [];
  scenario.events.forEach((e, j) => {
    const u = uniform();
    const parent = e.condition ? scenario.events.findIndex((o) => o.id === e.condition!.event) : -1;
    fired[j] = (parent < 0 || fired[parent] === e.condition!.occurred) && u < e.probability;
  });
  const lasting = ids.map((id) =>
    scenario.events.flatMap((e, j) =>
      e.kind === 'target' && fired[j] && e.factor === id ? [{ month: e.month, shift: e.shift }] : []
    )
  );
  const d = doc.factors.map((f) => f.direction);
  // A factor draws monthly noise when its volatility, or its range's high end, is above 0.
  const noisy = ids.map((id) => {
    const vol = scenario.factors[id].volatility;
    return (typeof vol === 'number' ? vol : vol.high) > 0;
  });
  const total = w.reduce((a, b) => a + b, 0);
  const tensionOf = (xs: number[]) =>
    (100 * xs.reduce((sum, xi, i) => sum + w[i] * (d[i] > 0 ? xi : 1 - xi), 0)) / total;
  const tension = [tensionOf(x)];
  for (let t = 0; t < doc.horizonMonths; t++) {
    const z = noisy.map((yes) => (yes ? standardNormal(normals, 0) : 0));
    const next: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      let p = 0;
      doc.interactions.forEach((c, l) => {
        if (c.to === ids[i]) p += strength[l] * x[ids.indexOf(c.from)];
      });
      let y = x[i] + k[i] * (targetAt(g[i] * 100, lasting[i], t) / 100 - x[i]);
      y += p >= 0 ? p * (1 - x[i]) : p * x[i];
      scenario.events.forEach((e, j) => {
        if (fired[j] && e.kind !== 'target' && e.factor === ids[i] && e.month === t + 1) y += e.shift / 100;
      });
      y += v[i] * z[i];
      next.push(Math.min(1, Math.max(0, y)));
    }
    x = next;
    tension.push(tensionOf(x));
  }
  return tension;
}
