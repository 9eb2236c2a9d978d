// Several workers share one simulation: each runs some of the scenarios. The client
// publishes a stage once every worker has reached it, with the scenarios in document order.
import type { UncertaintyStage, UncertaintyUpdate } from './progressive';

const RANK: Record<UncertaintyStage, number> = { quick: 1, refined: 2 };

/** Which scenarios each of `workers` workers runs: round robin over the document's order. */
export function partitionScenarios(count: number, workers: number): number[][] {
  const parts: number[][] = Array.from({ length: Math.max(1, Math.min(workers, count)) }, () => []);
  for (let i = 0; i < count; i++) parts[i % parts.length].push(i);
  return count === 0 ? [] : parts;
}

/**
 * The combined update once every part has published something, at the least advanced
 * part's stage (a part already refined contributes its refined numbers to a quick update);
 * null while some part has published nothing yet.
 */
export function mergeUpdates(parts: readonly (UncertaintyUpdate | null)[], order: readonly string[]): UncertaintyUpdate | null {
  if (parts.length === 0 || parts.some((p) => p === null)) return null;
  const done = parts as UncertaintyUpdate[];
  const least = done.reduce((a, b) => (RANK[b.stage] < RANK[a.stage] ? b : a));
  const byId = new Map(done.flatMap((p) => p.scenarios.map((s) => [s.id, s] as const)));
  return {
    stage: least.stage,
    runs: least.runs,
    seed: least.seed,
    scenarios: order.flatMap((id) => byId.get(id) ?? [])
  };
}
