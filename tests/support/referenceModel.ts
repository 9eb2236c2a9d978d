// A deliberately plain second implementation of the central path and of one Monte
// Carlo run, written from docs/MODEL.md (sections 3 to 5) line by line, to check the engine's
// fast batched kernel against.
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { MizanDoc, Uncertain } from '../../src/engine/format/schema';
import { standardNormal } from '../../src/engine/random/normal';
import { streamState, type StreamBank } from '../../src/engine/random/streams';

const mode = (u: Uncertain) => (typeof u === 'number' ? u : u.mode);

export function referenceCentralTension(doc: MizanDoc, scenarioIndex = 0): { tension: number[]; levels: number[][] } {
  const scenario = doc.scenarios[scenarioIndex];
  const ids = doc.factors.map((f) => f.id);
  const w = doc.factors.map((f) => mode(scenario.weights?.[f.id] ?? f.weight));
  const d = doc.factors.map((f) => f.direction);
  const k = ids.map((id) => scenario.factors[id].pace);
  const g = ids.map((id) => mode(scenario.factors[id].target));
  let x = ids.map((id) => mode(scenario.factors[id].start) / 100);
  const levels = [x];
  for (let t = 0; t < doc.horizonMonths; t++) {
    const next: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      let p = 0;
      for (const c of doc.interactions) if (c.to === ids[i]) p += c.strength * x[ids.indexOf(c.from)];
      let y = x[i] + k[i] * (g[i] / 100 - x[i]);
      y += p >= 0 ? p * (1 - x[i]) : p * x[i];
      for (const e of scenario.events) if (e.factor === ids[i] && e.month === t + 1) y += (e.probability * e.shift) / 100;
      next.push(Math.min(1, Math.max(0, y)));
    }
    x = next;
    levels.push(x);
  }
  const total = w.reduce((a, b) => a + b, 0);
  const tension = levels.map((xs) => (100 * xs.reduce((sum, xi, i) => sum + w[i] * (d[i] > 0 ? xi : 1 - xi), 0)) / total);
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
    return u < below ? low + Math.sqrt(u * (high - low) * (mode - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
  };
  const draw = (value: Uncertain) => (typeof value === 'number' ? value : triangle(uniform(), value));
  const w = doc.factors.map((f) => draw(scenario.weights?.[f.id] ?? f.weight));
  let x = ids.map((id) => draw(scenario.factors[id].start) / 100);
  const g = ids.map((id) => draw(scenario.factors[id].target) / 100);
  const fired = scenario.events.map((e) => uniform() < e.probability);
  const d = doc.factors.map((f) => f.direction);
  const k = ids.map((id) => scenario.factors[id].pace);
  const v = ids.map((id) => scenario.factors[id].volatility / 100);
  const total = w.reduce((a, b) => a + b, 0);
  const tensionOf = (xs: number[]) => (100 * xs.reduce((sum, xi, i) => sum + w[i] * (d[i] > 0 ? xi : 1 - xi), 0)) / total;
  const tension = [tensionOf(x)];
  for (let t = 0; t < doc.horizonMonths; t++) {
    const z = v.map((vi) => (vi > 0 ? standardNormal(normals, 0) : 0));
    const next: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      let p = 0;
      for (const c of doc.interactions) if (c.to === ids[i]) p += c.strength * x[ids.indexOf(c.from)];
      let y = x[i] + k[i] * (g[i] - x[i]);
      y += p >= 0 ? p * (1 - x[i]) : p * x[i];
      scenario.events.forEach((e, j) => {
        if (fired[j] && e.factor === ids[i] && e.month === t + 1) y += e.shift / 100;
      });
      y += v[i] * z[i];
      next.push(Math.min(1, Math.max(0, y)));
    }
    x = next;
    tension.push(tensionOf(x));
  }
  return tension;
}
