// Checks that need the whole document in view: ids that must be unique, ids that must
// name something that exists, events within the horizon, and a tension index that is
// defined (some weight above zero) in every scenario. Runs on a document that already
// passed the schema, so every field has its declared type.
import { central } from './central';
import type { MizanDoc } from './schema';
import { formatPath, type Located, type PathSegment } from './problems';
import { ownValue } from '../records';

/** Edit distance, to suggest "sanctions" for "sanktions". Ids are at most 64 characters. */
function distance(a: string, b: string): number {
  // Stryker disable next-line ConditionalExpression: a shortcut; lengths 3 apart are at least 3 edits apart anyway
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

function unknown(kind: string, id: string, known: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = distance(id.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return `unknown ${kind} "${id}"${best !== undefined ? ` (did you mean "${best}"?)` : ''}`;
}

/** Records the first place of every id and reports the later ones as duplicates. */
class IdRegistry {
  private readonly first = new Map<string, readonly PathSegment[]>();
  constructor(private readonly out: Located[]) {}
  add(id: string, at: readonly PathSegment[]): void {
    const earlier = this.first.get(id);
    if (earlier) this.out.push({ at, message: `duplicate id "${id}" (also ${formatPath(earlier)})` });
    else this.first.set(id, at);
  }
  has(id: string): boolean {
    return this.first.has(id);
  }
  ids(): IterableIterator<string> {
    return this.first.keys();
  }
}

/** All cross-reference problems of a schema-valid document (empty when there are none). */
export function checkReferences(doc: MizanDoc): Located[] {
  const out: Located[] = [];

  const factors = new IdRegistry(out);
  doc.factors.forEach((f, i) => factors.add(f.id, ['factors', i, 'id']));
  const evidence = new IdRegistry(out);
  doc.evidence.forEach((e, i) => evidence.add(e.id, ['evidence', i, 'id']));
  const scenarios = new IdRegistry(out);
  doc.scenarios.forEach((s, i) => scenarios.add(s.id, ['scenarios', i, 'id']));
  // Event ids are unique across the whole document, not only within their scenario.
  const events = new IdRegistry(out);
  doc.scenarios.forEach((s, i) => s.events.forEach((e, j) => events.add(e.id, ['scenarios', i, 'events', j, 'id'])));

  const checkEvidence = (list: readonly string[] | undefined, at: readonly PathSegment[]) =>
    list?.forEach((id, k) => {
      if (!evidence.has(id)) out.push({ at: [...at, k], message: unknown('evidence', id, evidence.ids()) });
    });

  doc.factors.forEach((f, i) => checkEvidence(f.evidence, ['factors', i, 'evidence']));

  const pairs = new Map<string, number>();
  doc.interactions.forEach((link, i) => {
    const at = ['interactions', i];
    if (!factors.has(link.from))
      out.push({ at: [...at, 'from'], message: unknown('factor', link.from, factors.ids()) });
    if (!factors.has(link.to)) out.push({ at: [...at, 'to'], message: unknown('factor', link.to, factors.ids()) });
    if (link.from === link.to) {
      out.push({ at: [...at, 'to'], message: `a factor cannot act on itself ("${link.to}" is also "from")` });
    }
    const pair = JSON.stringify([link.from, link.to]);
    const earlier = pairs.get(pair);
    if (earlier !== undefined) {
      out.push({
        at,
        message: `duplicate interaction from "${link.from}" to "${link.to}" (also interactions[${earlier}])`
      });
    } else {
      pairs.set(pair, i);
    }
    checkEvidence(link.evidence, [...at, 'evidence']);
  });

  const factorIds = doc.factors.map((f) => f.id);
  const baseWeight = new Map(doc.factors.map((f) => [f.id, central(f.weight)] as const));

  doc.scenarios.forEach((s, i) => {
    const at = ['scenarios', i];
    for (const id of factorIds) {
      if (!Object.hasOwn(s.factors, id)) out.push({ at: [...at, 'factors'], message: `missing factor "${id}"` });
    }
    for (const key of Object.keys(s.factors)) {
      if (!factors.has(key)) out.push({ at: [...at, 'factors', key], message: unknown('factor', key, factors.ids()) });
    }
    const overrides = s.weights ?? {};
    for (const key of Object.keys(overrides)) {
      if (!factors.has(key)) out.push({ at: [...at, 'weights', key], message: unknown('factor', key, factors.ids()) });
    }
    s.events.forEach((e, j) => {
      const eventAt = [...at, 'events', j];
      if (!factors.has(e.factor))
        out.push({ at: [...eventAt, 'factor'], message: unknown('factor', e.factor, factors.ids()) });
      if (e.month > doc.horizonMonths) {
        out.push({
          at: [...eventAt, 'month'],
          message: `must be within the horizon of ${doc.horizonMonths} months (found ${e.month})`
        });
      }
    });
    let total = 0;
    for (const id of new Set(factorIds)) {
      total += central(ownValue(overrides, id) ?? baseWeight.get(id) ?? 0);
    }
    if (!(total > 0)) {
      out.push({ at: [...at, 'weights'], message: 'all factor weights are zero, so the tension index is not defined' });
    }
  });

  return out;
}
