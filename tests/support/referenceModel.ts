// A deliberately plain second implementation of the central path, written from
// docs/MODEL.md (sections 3 and 4) line by line, to check the engine's fast kernel against.
import type { MizanDoc, Uncertain } from '../../src/engine/format/schema';

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
