// Renames the ids of a .mizan document (as plain JSON) everywhere they appear, to check that
// ids which are also names of Object.prototype members ("constructor", "toString", …) work
// exactly as ordinary ids do. Records keyed by id are rebuilt with defineProperty, so that
// even "__proto__" becomes an own key, as JSON.parse makes it.

export type IdMap = Record<'factors' | 'scenarios' | 'events' | 'evidence', Map<string, string>>;

/** Ids named after Object.prototype members, the ones a plain-object lookup gets wrong. */
export const PROTOTYPE_NAMES = [
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'toLocaleString'
];

const renamed = (map: Map<string, string>, id: string): string => (map.has(id) ? (map.get(id) as string) : id);

function renameKeys(record: Record<string, unknown>, map: Map<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    Object.defineProperty(out, renamed(map, key), {
      value: record[key],
      enumerable: true,
      writable: true,
      configurable: true
    });
  }
  return out;
}

/** A renamed deep copy of `doc` (JSON of a valid document). */
export function renameIds(doc: any, ids: Partial<IdMap>): any {
  const map: IdMap = {
    factors: ids.factors ?? new Map(),
    scenarios: ids.scenarios ?? new Map(),
    events: ids.events ?? new Map(),
    evidence: ids.evidence ?? new Map()
  };
  const copy = JSON.parse(JSON.stringify(doc));
  const evidenceList = (list: string[] | undefined) => list?.map((id) => renamed(map.evidence, id));
  for (const f of copy.factors) {
    f.id = renamed(map.factors, f.id);
    if (f.evidence) f.evidence = evidenceList(f.evidence);
  }
  for (const link of copy.interactions) {
    link.from = renamed(map.factors, link.from);
    link.to = renamed(map.factors, link.to);
    if (link.evidence) link.evidence = evidenceList(link.evidence);
  }
  for (const s of copy.scenarios) {
    s.id = renamed(map.scenarios, s.id);
    if (s.weights) s.weights = renameKeys(s.weights, map.factors);
    s.factors = renameKeys(s.factors, map.factors);
    for (const e of s.events) {
      e.id = renamed(map.events, e.id);
      e.factor = renamed(map.factors, e.factor);
      if (e.condition) e.condition.event = renamed(map.events, e.condition.event);
    }
    // "<factor>.<field>": a factor id has no dot, so the last dot splits it.
    for (const c of s.correlations ?? []) {
      c.between = c.between.map((name: string) => {
        const dot = name.lastIndexOf('.');
        return `${renamed(map.factors, name.slice(0, dot))}${name.slice(dot)}`;
      });
    }
  }
  for (const e of copy.evidence) e.id = renamed(map.evidence, e.id);
  for (const o of copy.observations ?? []) {
    if (o.factor !== undefined) o.factor = renamed(map.factors, o.factor);
    if (o.event !== undefined) o.event = renamed(map.events, o.event);
    if (o.evidence) o.evidence = evidenceList(o.evidence);
  }
  return copy;
}

/** Every id of the maps, old and new. */
export const idsOf = (ids: IdMap): Set<string> =>
  new Set(Object.values(ids).flatMap((m: Map<string, string>) => [...m.keys(), ...m.values()]));

/** The first ids of `list` mapped, in order, to `names`. */
export function firstIdsTo(list: string[], names: readonly string[]): Map<string, string> {
  return new Map(list.slice(0, names.length).map((id, i) => [id, names[i]]));
}

/**
 * A JSON value with every id (original or renamed) written "<id>", alone, inside "a:b:c"
 * ("weight:sanctions") or after a prefix ("tension-baseline"): what is left to compare is every
 * number and every other text, in place. Functions (Chart.js callbacks) are left out.
 */
export function canonicalIds(value: unknown, everyId: ReadonlySet<string>): unknown {
  const text = (s: string) =>
    s
      .split(/([^A-Za-z0-9_:-]+)/)
      .map((token) =>
        token
          .split(':')
          .map((part) => {
            if (everyId.has(part)) return '<id>';
            const prefixed = /^([a-z]+)-(.+)$/.exec(part);
            return prefixed && everyId.has(prefixed[2]) ? `${prefixed[1]}-<id>` : part;
          })
          .join(':')
      )
      .join('');
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return text(v);
    if (typeof v === 'function') return undefined;
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) {
      const out = new Map<string, unknown>();
      for (const key of Object.keys(v)) out.set(text(key), walk((v as Record<string, unknown>)[key]));
      return out;
    }
    return v;
  };
  return walk(value);
}

/**
 * The document's first ids of each kind renamed to Object.prototype's member names (a factor,
 * a scenario and an event may share one); `scenarioNames` in the order the scenarios take them.
 */
export function prototypeIdMap(
  doc: any,
  scenarioNames: readonly string[] = ['toString', 'constructor', 'valueOf']
): IdMap {
  return {
    factors: firstIdsTo(
      doc.factors.map((f: any) => f.id),
      PROTOTYPE_NAMES
    ),
    scenarios: firstIdsTo(
      doc.scenarios.map((s: any) => s.id),
      scenarioNames
    ),
    events: firstIdsTo(
      doc.scenarios.flatMap((s: any) => s.events.map((e: any) => e.id)),
      PROTOTYPE_NAMES
    ),
    evidence: firstIdsTo(
      doc.evidence.map((e: any) => e.id),
      PROTOTYPE_NAMES
    )
  };
}
