// The edits of an analysis, as pure functions: a document in, the next document out (the same
// object when nothing changes), or a `Refused` that says why the edit cannot be made. Every
// edit keeps the document valid by the rules of src/engine/format (schema and references):
// values stay in their ranges, ids stay unique, references stay resolvable, every scenario
// keeps a defined tension index (some weight above zero), and there is always at least one
// factor and one scenario. Values out of range are refused, never clamped: the editor says
// why next to the field (the one exception is setFactorWeight's slider, see document.ts).
//
// The app's store (src/renderer/src/state/document.ts) wraps each edit as a named action with undo/redo and coalescing.
// Documents are never mutated: each edit copies the path it changes.
import {
  BOUNDS,
  COLOR_PATTERN,
  ID_PATTERN,
  LIMITS,
  EVENT_KINDS,
  MONTH_PATTERN,
  OBSERVATION_KINDS,
  RANGE_SHAPES,
  SAMPLINGS,
  central,
  type Bounds,
  type CorrelationDef,
  type EventConditionDef,
  type Sampling,
  type EvidenceDef,
  type FactorDef,
  type InteractionDef,
  type LocalizedLabel,
  type MizanDoc,
  type ObservationDef,
  type ObservationKind,
  type ScenarioDef,
  type ScenarioEventDef,
  type ScenarioFactorDef,
  type Uncertain
} from './format';
import { nextScenarioColour } from './colour';
import { idFromName, isAutoId } from './ids';
import { ownValue } from './records';
import { withinTimeline } from './months';
import { observationPriors } from './priors';
import { rankTarget, targetCholesky } from './model/imanConover';

/** Why an edit was not made. The editor words each one (ui/editor/messages.ts). */
export type EditError =
  | 'no-document'
  | 'not-found'
  | 'not-number'
  | 'out-of-range'
  | 'not-whole'
  | 'range-order'
  | 'empty-label'
  | 'too-long'
  | 'last-factor'
  | 'last-scenario'
  | 'zero-weights'
  | 'self-interaction'
  | 'too-many'
  | 'duplicate-id'
  | 'bad-id'
  | 'bad-color'
  | 'bad-month'
  | 'threshold-order'
  | 'correlation-conflict'
  /** A timeline change would leave recorded observations outside it. */
  | 'observations-outside'
  /** An observation's month falls outside the timeline. */
  | 'month-outside'
  /** Every scenario's prior probability would be zero: their odds would not be defined. */
  | 'zero-priors'
  | 'invalid';

export class Refused {
  constructor(readonly reason: EditError) {}
}

export type Edited = MizanDoc | Refused;

/** The ranges of the inputs: the file format's own (src/engine/format/schema.ts). */
export { BOUNDS, type Bounds };

export type LevelField = 'start' | 'target';
export type ScenarioFactorField = LevelField | 'pace' | 'volatility';

export const FIELD_BOUNDS: Record<ScenarioFactorField, Bounds> = {
  start: BOUNDS.level,
  target: BOUNDS.level,
  pace: BOUNDS.pace,
  volatility: BOUNDS.volatility
};

/** The months an event may fall in: 1..H. */
export const monthBounds = (doc: Pick<MizanDoc, 'horizonMonths'>): Bounds => ({
  ...BOUNDS.month,
  max: doc.horizonMonths
});

// ---- checks -----------------------------------------------------------------------------------

/** Why a number does not fit `bounds`, or null when it does. */
export function checkNumber(value: number, bounds: Bounds): EditError | null {
  // Number.isFinite is false for anything that is not a number (it does not convert).
  if (!Number.isFinite(value)) return 'not-number';
  if (value < bounds.min || value > bounds.max) return 'out-of-range';
  if (bounds.whole && !Number.isInteger(value)) return 'not-whole';
  return null;
}

/** Why a plain number or a range {low, mode, high} does not fit `bounds`, or null. */
export function checkUncertain(value: Uncertain, bounds: Bounds): EditError | null {
  if (typeof value === 'number') return checkNumber(value, bounds);
  if (typeof value !== 'object' || value === null) return 'not-number';
  for (const v of [value.low, value.mode, value.high]) {
    const problem = checkNumber(v, bounds);
    if (problem) return problem;
  }
  if (value.shape !== undefined && !RANGE_SHAPES.includes(value.shape)) return 'not-found';
  return value.low <= value.mode && value.mode <= value.high ? null : 'range-order';
}

function checkLabel(label: LocalizedLabel): EditError | null {
  if (typeof label?.en !== 'string' || typeof label.ar !== 'string') return 'empty-label';
  if (label.en.trim() === '' && label.ar.trim() === '') return 'empty-label';
  if (label.en.length > LIMITS.labelChars || label.ar.length > LIMITS.labelChars) return 'too-long';
  return null;
}

function checkText(text: string | undefined, max: number): EditError | null {
  if (text === undefined) return null;
  if (typeof text !== 'string') return 'not-found';
  return text.length > max ? 'too-long' : null;
}

/** Sets the central value of a number or a range, widening the range to keep low ≤ mode ≤ high. */
export function withCentral(value: Uncertain, v: number): Uncertain {
  if (typeof value === 'number') return v;
  return { ...value, low: Math.min(value.low, v), mode: v, high: Math.max(value.high, v) };
}

/** True when every scenario has some weight above zero (the tension index is defined). */
export function weightsDefined(doc: MizanDoc): boolean {
  return doc.scenarios.every((s) => {
    let total = 0;
    for (const f of doc.factors) {
      const override = ownValue(s.weights, f.id);
      total += central(override ?? f.weight);
    }
    return total > 0;
  });
}

const refuse = (reason: EditError) => new Refused(reason);

/** Refuses an edit that would leave some scenario with all weights at zero. */
const keepWeights = (doc: MizanDoc): Edited => (weightsDefined(doc) ? doc : refuse('zero-weights'));

// ---- ids --------------------------------------------------------------------------------------

/** The first `<prefix><n>` (n = 1, 2, …) not in `taken`. */
export function uniqueId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const id = `${prefix}${n}`;
    if (!used.has(id)) return id;
  }
}

export const eventIds = (doc: MizanDoc): string[] => doc.scenarios.flatMap((s) => s.events.map((e) => e.id));
/** The prefix of a factor's automatic id: `factor1`, `factor2`… until it is first named. */
export const FACTOR_ID_PREFIX = 'factor';
export const newFactorId = (doc: MizanDoc): string =>
  uniqueId(
    FACTOR_ID_PREFIX,
    doc.factors.map((f) => f.id)
  );
/** The prefix of a scenario's automatic id: `scenario2`… until it is first named. */
export const SCENARIO_ID_PREFIX = 'scenario';
export const newScenarioId = (doc: MizanDoc): string =>
  uniqueId(
    SCENARIO_ID_PREFIX,
    doc.scenarios.map((s) => s.id)
  );
/** The prefix of an event's automatic id: `event4`… until its name is settled (settleEventId). */
export const EVENT_ID_PREFIX = 'event';
export const newEventId = (doc: MizanDoc): string => uniqueId(EVENT_ID_PREFIX, eventIds(doc));
/**
 * The id of a copy of event `id`: `<id>-1`, `<id>-2`… for a named one, a new automatic id for
 * one still automatic (an `event4-1` would never take the copy's name: settleEventId).
 */
const copiedEventId = (id: string, taken: Iterable<string>): string =>
  isAutoId(id, EVENT_ID_PREFIX) ? uniqueId(EVENT_ID_PREFIX, taken) : uniqueId(`${id.slice(0, 56)}-`, taken);
export const newEvidenceId = (doc: MizanDoc): string =>
  uniqueId(
    'e',
    doc.evidence.map((e) => e.id)
  );
export const newObservationId = (doc: MizanDoc): string =>
  uniqueId(
    'obs',
    (doc.observations ?? []).map((o) => o.id)
  );

export { SCENARIO_COLORS } from './colour';

/** The colour for a new scenario: the first palette colour not in use (nextScenarioColour). */
export function nextScenarioColor(doc: MizanDoc): string {
  return nextScenarioColour(doc.scenarios.map((s) => s.color));
}

function checkNewId(id: string, taken: Iterable<string>): EditError | null {
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) return 'bad-id';
  for (const t of taken) if (t === id) return 'duplicate-id';
  return null;
}

// ---- small copy helpers -----------------------------------------------------------------------

function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  const next = list.slice();
  next[index] = item;
  return next;
}

function withoutKey<T>(record: Record<string, T> | undefined, key: string): Record<string, T> | undefined {
  // Stryker disable next-line ConditionalExpression: a copy of a record without the key (or {} for none) is read the same by both callers
  if (!record || !Object.hasOwn(record, key)) return record;
  const next = { ...record };
  delete next[key];
  return next;
}

const sameLabel = (a: LocalizedLabel, b: LocalizedLabel) => a.en === b.en && a.ar === b.ar;

/**
 * `item` with its optional text `key` set to `text`: left out of the file when empty, and the
 * item itself when the text is already that.
 */
function withOptionalText<T extends object, K extends keyof T & string>(item: T, key: K, text: string): T {
  if (((item[key] as string | undefined) ?? '') === text) return item;
  const next = { ...item, [key]: text };
  if (text === '') delete next[key];
  return next;
}

const sameUncertain = (a: Uncertain, b: Uncertain) =>
  // Stryker disable next-line LogicalOperator,ConditionalExpression,StringLiteral: a number and a range differ either way (a number's .low is undefined)
  typeof a === 'number' || typeof b === 'number'
    ? a === b
    : a.low === b.low &&
      a.mode === b.mode &&
      a.high === b.high &&
      (a.shape ?? 'triangular') === (b.shape ?? 'triangular');

/** A copy of a number or range (ranges are objects: never share them between documents' branches). */
const copyUncertain = (u: Uncertain): Uncertain => (typeof u === 'number' ? u : { ...u });

/** What scenario `s` samples for `<factor>.<field>`: its weight after the override, or its start, target, pace or volatility. */
function sampledIn(doc: MizanDoc, s: ScenarioDef, name: string): Uncertain | undefined {
  const [factor, field] = name.split('.');
  if (field === 'weight') return ownValue(s.weights, factor) ?? doc.factors.find((f) => f.id === factor)?.weight;
  const settings = ownValue(s.factors, factor);
  return settings ? (settings as Record<string, Uncertain>)[field] : undefined;
}

/**
 * The document without the observations that name what is gone (format version 2): a reading of
 * a deleted factor, the outcome of an event no scenario has any more, a deleted evidence card.
 * They go with the thing they were about, as its events and links do; undo brings them back.
 */
function keepingObservations(result: Edited): Edited {
  if (result instanceof Refused || !result.observations) return result;
  const doc = result;
  const observations = result.observations;
  const factors = new Set(doc.factors.map((f) => f.id));
  const events = new Set(eventIds(doc));
  const cards = new Set(doc.evidence.map((e) => e.id));
  const kept = observations.flatMap((o) => {
    if ((o.kind === 'factor' && !factors.has(o.factor)) || (o.kind === 'event' && !events.has(o.event))) return [];
    if (!o.evidence || o.evidence.every((id) => cards.has(id))) return [o];
    const evidence = o.evidence.filter((id) => cards.has(id));
    return [setList(o, evidence.length > 0 ? evidence : undefined)];
  });
  const same = kept.length === observations.length && kept.every((o, k) => o === observations[k]);
  return same ? doc : { ...doc, observations: kept };
}

/** Whether every observation's month lies within `startMonth` … `startMonth` + `horizon`. */
function observationsWithin(doc: MizanDoc, startMonth: string, horizon: number): boolean {
  return (doc.observations ?? []).every((o) => withinTimeline(startMonth, horizon, o.month));
}

/**
 * The document without the correlations that no longer name two ranges of their scenario (a
 * factor deleted, a range made a plain number): an input that does not vary moves with nothing.
 * The same document when none goes.
 */
function withLiveCorrelations(doc: MizanDoc): MizanDoc {
  let changed = false;
  const scenarios = doc.scenarios.map((s) => {
    if (!s.correlations) return s;
    const kept = s.correlations.filter((c) => c.between.every((name) => typeof sampledIn(doc, s, name) === 'object'));
    if (kept.length === s.correlations.length) return s;
    changed = true;
    const { correlations: _all, ...rest } = s;
    return kept.length > 0 ? { ...rest, correlations: kept } : rest;
  });
  return changed ? { ...doc, scenarios } : doc;
}

/** An edit's result with withLiveCorrelations applied (a refusal as it is). */
const keepingCorrelations = (result: Edited): Edited =>
  result instanceof Refused ? result : withLiveCorrelations(result);

/** The document's lists whose items have ids. */
type ListKey = 'factors' | 'scenarios' | 'evidence';
type ItemOf<K extends ListKey> = MizanDoc[K][number];

/**
 * Replaces the item `id` of one of the document's lists by `change(item)`: the same document
 * when `change` returns the item itself, 'not-found' when there is no such item.
 */
function updateById<K extends ListKey>(
  doc: MizanDoc,
  key: K,
  id: string,
  change: (item: ItemOf<K>) => ItemOf<K> | Refused
): Edited {
  const list: readonly ItemOf<K>[] = doc[key];
  const index = list.findIndex((item) => item.id === id);
  if (index === -1) return refuse('not-found');
  const next = change(list[index]);
  if (next instanceof Refused) return next;
  if (next === list[index]) return doc;
  return { ...doc, [key]: replaceAt(list, index, next) };
}

const updateFactor = (doc: MizanDoc, id: string, change: (f: FactorDef) => FactorDef | Refused): Edited =>
  updateById(doc, 'factors', id, change);

const updateScenario = (doc: MizanDoc, id: string, change: (s: ScenarioDef) => ScenarioDef | Refused): Edited =>
  updateById(doc, 'scenarios', id, change);

/** Why a new item with `id` cannot join `list` (the list is full, or the id is bad or taken), or null. */
function checkNewItem(list: readonly { id: string }[], limit: number, id: string): EditError | null {
  if (list.length >= limit) return 'too-many';
  return checkNewId(
    id,
    list.map((item) => item.id)
  );
}

/** An edit that changed some weight: refused when it leaves a scenario with no weight above zero. */
const checkWeights = (next: Edited, doc: MizanDoc): Edited =>
  // Stryker disable next-line ConditionalExpression: the document given has weights defined (references check), so keepWeights(doc) is doc
  next instanceof Refused || next === doc ? next : keepWeights(next);

const hasFactor = (doc: MizanDoc, id: string) => doc.factors.some((f) => f.id === id);

// ---- factors ----------------------------------------------------------------------------------

export interface NewFactor {
  id: string;
  label: LocalizedLabel;
  direction?: 1 | -1;
  weight?: Uncertain;
  /** Level of the factor in every scenario, start and target (default 50). */
  level?: number;
}

/** Default dynamics of a factor in a scenario: holds its level, a little noise. */
export const DEFAULT_SCENARIO_FACTOR: ScenarioFactorDef = { start: 50, target: 50, pace: 0.1, volatility: 3 };

/** Adds a factor at the end, with an entry in every scenario (start = target = level). */
export function addFactor(doc: MizanDoc, input: NewFactor): Edited {
  const problem = checkNewItem(doc.factors, LIMITS.factors, input.id) ?? checkLabel(input.label);
  if (problem) return refuse(problem);
  const direction = input.direction ?? 1;
  if (direction !== 1 && direction !== -1) return refuse('out-of-range');
  const weight = input.weight ?? 5;
  const weightProblem = checkUncertain(weight, BOUNDS.weight);
  if (weightProblem) return refuse(weightProblem);
  const level = input.level ?? DEFAULT_SCENARIO_FACTOR.start;
  const levelProblem = checkNumber(level as number, BOUNDS.level);
  if (levelProblem) return refuse(levelProblem);
  const factor: FactorDef = {
    id: input.id,
    label: { en: input.label.en, ar: input.label.ar },
    direction,
    weight: copyUncertain(weight)
  };
  return keepWeights({
    ...doc,
    factors: [...doc.factors, factor],
    scenarios: doc.scenarios.map((s) => ({
      ...s,
      factors: { ...s.factors, [input.id]: { ...DEFAULT_SCENARIO_FACTOR, start: level, target: level } }
    }))
  });
}

/**
 * Renames a factor. A factor that still has its automatic id (`factor3`, see newFactorId)
 * takes an id made from the name (`houthi-attacks`, src/engine/ids.ts) and keeps it after that.
 */
export function renameFactor(doc: MizanDoc, id: string, label: LocalizedLabel): Edited {
  const problem = checkLabel(label);
  if (problem) return refuse(problem);
  const next = updateFactor(doc, id, (f) =>
    sameLabel(f.label, label) ? f : { ...f, label: { en: label.en, ar: label.ar } }
  );
  if (next instanceof Refused || next === doc || !isAutoId(id, FACTOR_ID_PREFIX)) return next;
  const others = doc.factors.filter((f) => f.id !== id).map((f) => f.id);
  return withFactorId(next, id, idFromName(label, others, FACTOR_ID_PREFIX));
}

/**
 * The document with factor `from` called `to` everywhere it is referred to. Every link and event
 * is copied, renamed or not: a first naming is rare, and one rule is simpler than sharing.
 */
function withFactorId(doc: MizanDoc, from: string, to: string): MizanDoc {
  const renamed = (id: string) => (id === from ? to : id);
  const rekeyed = <T>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).map(([key, value]) => [renamed(key), value]));
  return {
    ...doc,
    factors: doc.factors.map((f) => ({ ...f, id: renamed(f.id) })),
    interactions: doc.interactions.map((i) => ({ ...i, from: renamed(i.from), to: renamed(i.to) })),
    scenarios: doc.scenarios.map((s) => ({
      ...s,
      factors: rekeyed(s.factors),
      ...(s.weights ? { weights: rekeyed(s.weights) } : {}),
      events: s.events.map((e) => ({ ...e, factor: renamed(e.factor) })),
      ...(s.correlations
        ? {
            correlations: s.correlations.map((c) => ({
              ...c,
              between: c.between.map((name) => {
                const dot = name.indexOf('.');
                return `${renamed(name.slice(0, dot))}${name.slice(dot)}`;
              }) as [string, string]
            }))
          }
        : {})
    }))
  };
}

export function setFactorDirection(doc: MizanDoc, id: string, direction: 1 | -1): Edited {
  if (direction !== 1 && direction !== -1) return refuse('out-of-range');
  return updateFactor(doc, id, (f) => (f.direction === direction ? f : { ...f, direction }));
}

/** Sets what a factor stands for, in both languages; with both texts empty it is left out of the file. */
export function setFactorDescription(doc: MizanDoc, id: string, description: LocalizedLabel): Edited {
  if (typeof description?.en !== 'string' || typeof description.ar !== 'string') return refuse('not-found');
  const problem = checkText(description.en, LIMITS.textChars) ?? checkText(description.ar, LIMITS.textChars);
  if (problem) return refuse(problem);
  return updateFactor(doc, id, (f) => {
    const empty = description.en === '' && description.ar === '';
    if (f.description ? sameLabel(f.description, description) : empty) return f;
    const { description: _old, ...rest } = f;
    return empty ? rest : { ...rest, description: { en: description.en, ar: description.ar } };
  });
}

/** Sets the base weight's central value (for a range, its mode, widening it if needed). */
export function setFactorWeight(doc: MizanDoc, id: string, value: number): Edited {
  const problem = checkNumber(value, BOUNDS.weight);
  if (problem) return refuse(problem);
  const next = updateFactor(doc, id, (f) =>
    central(f.weight) === value ? f : { ...f, weight: withCentral(f.weight, value) }
  );
  return checkWeights(next, doc);
}

/** Sets the base weight to a plain number (no uncertainty) or a range {low, mode, high}. */
export function setFactorWeightRange(doc: MizanDoc, id: string, weight: Uncertain): Edited {
  const problem = checkUncertain(weight, BOUNDS.weight);
  if (problem) return refuse(problem);
  const next = updateFactor(doc, id, (f) =>
    sameUncertain(f.weight, weight) ? f : { ...f, weight: copyUncertain(weight) }
  );
  return keepingCorrelations(checkWeights(next, doc));
}

/** Moves a factor `delta` places (negative: earlier), stopping at either end. */
export function moveFactor(doc: MizanDoc, id: string, delta: number): Edited {
  if (!Number.isInteger(delta)) return refuse('not-whole');
  const from = doc.factors.findIndex((f) => f.id === id);
  if (from === -1) return refuse('not-found');
  const to = Math.max(0, Math.min(doc.factors.length - 1, from + delta));
  if (to === from) return doc;
  const factors = doc.factors.slice();
  const [factor] = factors.splice(from, 1);
  factors.splice(to, 0, factor);
  return { ...doc, factors };
}

/**
 * Adds and changes many factors at once (an import from a spreadsheet: factorImport.ts). A
 * changed factor takes the label, direction and weight given and keeps the rest (description,
 * evidence); the added ones join at the end as addFactor adds them. All or nothing: the first
 * refusal refuses the whole.
 */
export function importFactors(
  doc: MizanDoc,
  factors: { added: readonly Omit<FactorDef, 'evidence' | 'description'>[]; changed: readonly FactorDef[] }
): Edited {
  let next: MizanDoc = doc;
  for (const factor of factors.changed) {
    const problem = checkLabel(factor.label) ?? checkUncertain(factor.weight, BOUNDS.weight);
    if (problem) return refuse(problem);
    if (factor.direction !== 1 && factor.direction !== -1) return refuse('out-of-range');
    const changed = updateFactor(next, factor.id, (f) =>
      sameLabel(f.label, factor.label) && f.direction === factor.direction && sameUncertain(f.weight, factor.weight)
        ? f
        : {
            ...f,
            label: { en: factor.label.en, ar: factor.label.ar },
            direction: factor.direction,
            weight: copyUncertain(factor.weight)
          }
    );
    if (changed instanceof Refused) return changed;
    next = changed;
  }
  for (const factor of factors.added) {
    const added = addFactor(next, factor);
    if (added instanceof Refused) return added;
    next = added;
  }
  // Stryker disable next-line ConditionalExpression: the document given has weights defined (references check), so keepWeights(doc) is doc
  return next === doc ? doc : keepingCorrelations(keepWeights(next));
}

/**
 * Deletes a factor with everything that refers to it: interactions, events (and the conditions
 * that named them), scenario entries, weight overrides and correlations.
 */
export function deleteFactor(doc: MizanDoc, id: string): Edited {
  if (!hasFactor(doc, id)) return refuse('not-found');
  if (doc.factors.length <= 1) return refuse('last-factor');
  return keepingObservations(
    keepingCorrelations(
      keepWeights({
        ...doc,
        factors: doc.factors.filter((f) => f.id !== id),
        interactions: doc.interactions.filter((i) => i.from !== id && i.to !== id),
        scenarios: doc.scenarios.map((s) => {
          const next: ScenarioDef = {
            ...s,
            factors: withoutKey(s.factors, id) ?? {},
            // Stryker disable next-line ConditionalExpression: filtering a list without the factor's events gives an equal list
            events: s.events.some((e) => e.factor === id) ? withoutEvents(s.events, (e) => e.factor === id) : s.events
          };
          const weights = withoutKey(s.weights, id);
          if (weights === undefined || Object.keys(weights).length === 0) delete next.weights;
          else next.weights = weights;
          return next;
        })
      })
    )
  );
}

// ---- scenarios --------------------------------------------------------------------------------

export interface NewScenario {
  id: string;
  name: LocalizedLabel;
  color: string;
}

function checkNewScenario(doc: MizanDoc, input: NewScenario): EditError | null {
  const problem = checkNewItem(doc.scenarios, LIMITS.scenarios, input.id) ?? checkLabel(input.name);
  return problem ?? (COLOR_PATTERN.test(input.color) ? null : 'bad-color');
}

/**
 * Adds a scenario at the end. Each factor starts where it starts in the first scenario (the
 * present is the same in every scenario) and stays there: target = start's central value,
 * pace 0.1, volatility 3, no events, no weight overrides.
 */
export function addScenario(doc: MizanDoc, input: NewScenario): Edited {
  const problem = checkNewScenario(doc, input);
  if (problem) return refuse(problem);
  const first = doc.scenarios[0];
  const factors: Record<string, ScenarioFactorDef> = Object.fromEntries(
    doc.factors.map((f) => {
      // Stryker disable next-line OptionalChaining: a document has a scenario, with an entry for every factor (schema, references)
      const start = ownValue(first?.factors, f.id)?.start ?? DEFAULT_SCENARIO_FACTOR.start;
      return [f.id, { ...DEFAULT_SCENARIO_FACTOR, start: copyUncertain(start), target: central(start) }];
    })
  );
  const scenario: ScenarioDef = {
    id: input.id,
    name: { en: input.name.en, ar: input.name.ar },
    color: input.color.toLowerCase(),
    factors,
    events: []
  };
  return { ...doc, scenarios: [...doc.scenarios, scenario] };
}

/** Copies a scenario (right after it), with new unique ids for it and for each of its events. */
export function duplicateScenario(doc: MizanDoc, sourceId: string, input: NewScenario): Edited {
  const index = doc.scenarios.findIndex((s) => s.id === sourceId);
  if (index === -1) return refuse('not-found');
  const problem = checkNewScenario(doc, input);
  if (problem) return refuse(problem);
  const source = doc.scenarios[index];
  const taken = new Set(eventIds(doc));
  const ids = new Map<string, string>();
  // The copy's events are the same real-world events: a named one keeps its id (format version 2:
  // unique within a scenario), so that an outcome recorded of it applies to the copy too, as
  // copyEvent does; one still automatic gets a new automatic id (it settles on its own name).
  const events = source.events.map((e) => {
    const id = isAutoId(e.id, EVENT_ID_PREFIX) ? copiedEventId(e.id, taken) : e.id;
    taken.add(id);
    ids.set(e.id, id);
    return { ...e, id, label: { ...e.label } };
  });
  // A copy's condition names the copy of the event it named.
  for (const e of events)
    if (e.condition) e.condition = { ...e.condition, event: ids.get(e.condition.event) ?? e.condition.event };
  const copy: ScenarioDef = {
    ...structuredClone(source),
    id: input.id,
    name: { en: input.name.en, ar: input.name.ar },
    color: input.color.toLowerCase(),
    events
  };
  const scenarios = doc.scenarios.slice();
  scenarios.splice(index + 1, 0, copy);
  return { ...doc, scenarios };
}

/**
 * Renames a scenario. A scenario that still has its automatic id (`scenario2`, see
 * newScenarioId) takes an id made from the name (`escalation`) and keeps it after that. No
 * other part of a file refers to a scenario by its id, so only the scenario changes.
 */
export function renameScenario(doc: MizanDoc, id: string, name: LocalizedLabel): Edited {
  const problem = checkLabel(name);
  if (problem) return refuse(problem);
  const next = updateScenario(doc, id, (s) =>
    sameLabel(s.name, name) ? s : { ...s, name: { en: name.en, ar: name.ar } }
  );
  if (next instanceof Refused || next === doc || !isAutoId(id, SCENARIO_ID_PREFIX)) return next;
  const others = doc.scenarios.filter((s) => s.id !== id).map((s) => s.id);
  const named = idFromName(name, others, SCENARIO_ID_PREFIX);
  return { ...next, scenarios: next.scenarios.map((s) => (s.id === id ? { ...s, id: named } : s)) };
}

export function setScenarioColor(doc: MizanDoc, id: string, color: string): Edited {
  if (typeof color !== 'string' || !COLOR_PATTERN.test(color)) return refuse('bad-color');
  const value = color.toLowerCase();
  return updateScenario(doc, id, (s) => (s.color === value ? s : { ...s, color: value }));
}

/** Sets a scenario's notes; empty notes are removed from the file. */
export function setScenarioNotes(doc: MizanDoc, id: string, notes: string): Edited {
  const problem = checkText(notes, LIMITS.textChars);
  if (problem) return refuse(problem);
  return updateScenario(doc, id, (s) => withOptionalText(s, 'notes', notes));
}

/** Refuses a document whose scenarios' prior probabilities are all zero (the references check would). */
const keepPriors = (result: Edited): Edited =>
  result instanceof Refused || observationPriors(result.scenarios.map((s) => s.probability ?? null)).some((p) => p > 0)
    ? result
    : refuse('zero-priors');

/**
 * Sets a scenario's prior probability (0..1, format version 2), the weight it starts with
 * before the observations weigh its runs; null removes it (the mean of the others, see
 * observationPriors).
 */
export function setScenarioProbability(doc: MizanDoc, id: string, probability: number | null): Edited {
  if (probability !== null) {
    const problem = checkNumber(probability, BOUNDS.probability);
    if (problem) return refuse(problem);
  }
  const next = updateScenario(doc, id, (s) => {
    if ((s.probability ?? null) === probability) return s;
    const { probability: _old, ...rest } = s;
    return probability === null ? rest : { ...rest, probability };
  });
  return next === doc ? next : keepPriors(next);
}

export function deleteScenario(doc: MizanDoc, id: string): Edited {
  if (!doc.scenarios.some((s) => s.id === id)) return refuse('not-found');
  if (doc.scenarios.length <= 1) return refuse('last-scenario');
  return keepPriors(keepingObservations({ ...doc, scenarios: doc.scenarios.filter((s) => s.id !== id) }));
}

function updateScenarioFactor(
  doc: MizanDoc,
  scenarioId: string,
  factorId: string,
  change: (sf: ScenarioFactorDef) => ScenarioFactorDef
): Edited {
  // Stryker disable next-line ConditionalExpression: without the factor, no scenario has its entry: 'not-found' below all the same
  if (!hasFactor(doc, factorId)) return refuse('not-found');
  return updateScenario(doc, scenarioId, (s) => {
    const current = ownValue(s.factors, factorId);
    if (!current) return refuse('not-found');
    const next = change(current);
    return next === current ? s : { ...s, factors: { ...s.factors, [factorId]: next } };
  });
}

/**
 * Sets start, target, pace or volatility of a factor in a scenario. For a start or target
 * that is a range, sets its mode (the central value), widening the range to keep it ordered.
 */
export function setScenarioFactor(
  doc: MizanDoc,
  scenarioId: string,
  factorId: string,
  field: ScenarioFactorField,
  value: number
): Edited {
  const bounds = FIELD_BOUNDS[field];
  if (!bounds) return refuse('not-found');
  const problem = checkNumber(value, bounds);
  if (problem) return refuse(problem);
  // A plain number's central value is the number itself, which withCentral replaces whole; a
  // range keeps its ends (widened to hold the value): one rule for the four fields.
  return updateScenarioFactor(doc, scenarioId, factorId, (sf) =>
    central(sf[field]) === value ? sf : { ...sf, [field]: withCentral(sf[field], value) }
  );
}

/** Sets a start, target, pace or volatility to a plain number or a range {low, mode, high}. */
export function setScenarioFactorRange(
  doc: MizanDoc,
  scenarioId: string,
  factorId: string,
  field: ScenarioFactorField,
  value: Uncertain
): Edited {
  const bounds = Object.hasOwn(FIELD_BOUNDS, field) ? FIELD_BOUNDS[field] : undefined;
  if (!bounds) return refuse('not-found');
  const problem = checkUncertain(value, bounds);
  if (problem) return refuse(problem);
  return keepingCorrelations(
    updateScenarioFactor(doc, scenarioId, factorId, (sf) =>
      sameUncertain(sf[field], value) ? sf : { ...sf, [field]: copyUncertain(value) }
    )
  );
}

/** Overrides a factor's weight in one scenario (a number or a range), or removes the override (null). */
export function setWeightOverride(
  doc: MizanDoc,
  scenarioId: string,
  factorId: string,
  value: Uncertain | null
): Edited {
  if (!hasFactor(doc, factorId)) return refuse('not-found');
  if (value !== null) {
    const problem = checkUncertain(value, BOUNDS.weight);
    if (problem) return refuse(problem);
  }
  const next = updateScenario(doc, scenarioId, (s) => {
    const current = ownValue(s.weights, factorId) ?? null;
    if (value === null) {
      if (current === null) return s;
      const weights = withoutKey(s.weights, factorId)!;
      const copy: ScenarioDef = { ...s, weights };
      if (Object.keys(weights).length === 0) delete copy.weights;
      return copy;
    }
    if (current !== null && sameUncertain(current, value)) return s;
    return { ...s, weights: { ...(s.weights ?? {}), [factorId]: copyUncertain(value) } };
  });
  return keepingCorrelations(checkWeights(next, doc));
}

// ---- interactions -----------------------------------------------------------------------------

/** Sets the monthly push of `from` on `to`; null or 0 removes it. A factor never acts on itself. */
export function setInteraction(doc: MizanDoc, from: string, to: string, strength: number | null): Edited {
  if (!hasFactor(doc, from) || !hasFactor(doc, to)) return refuse('not-found');
  if (from === to) return refuse('self-interaction');
  const index = doc.interactions.findIndex((i) => i.from === from && i.to === to);
  if (strength === null || strength === 0) {
    if (index === -1) return doc;
    return { ...doc, interactions: doc.interactions.filter((_, i) => i !== index) };
  }
  const problem = checkNumber(strength, BOUNDS.strength);
  if (problem) return refuse(problem);
  if (index === -1) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: 60 factors make exactly LIMITS.interactions pairs, so at the limit every pair exists
    if (doc.interactions.length >= LIMITS.interactions) return refuse('too-many');
    return { ...doc, interactions: [...doc.interactions, { from, to, strength }] };
  }
  const current = doc.interactions[index];
  if (central(current.strength) === strength) return doc;
  // A range keeps its ends, widened to hold the new central value.
  return {
    ...doc,
    interactions: replaceAt(doc.interactions, index, { ...current, strength: withCentral(current.strength, strength) })
  };
}

/**
 * Sets an existing link's strength to a plain number or a range {low, mode, high} (format
 * version 2), within −1..1; a central value of 0 is refused (0 means no link: setInteraction removes it).
 */
export function setInteractionRange(doc: MizanDoc, from: string, to: string, strength: Uncertain): Edited {
  const problem = checkUncertain(strength, BOUNDS.strength);
  if (problem) return refuse(problem);
  if (central(strength) === 0) return refuse('out-of-range');
  const index = doc.interactions.findIndex((i) => i.from === from && i.to === to);
  if (index === -1) return refuse('not-found');
  const current = doc.interactions[index];
  if (sameUncertain(current.strength, strength)) return doc;
  return {
    ...doc,
    interactions: replaceAt(doc.interactions, index, { ...current, strength: copyUncertain(strength) })
  };
}

// ---- events -----------------------------------------------------------------------------------

/** What an edit may change of an event; `condition: null` removes its condition. */
export type EventPatch = Partial<
  Pick<ScenarioEventDef, 'month' | 'factor' | 'shift' | 'probability' | 'label' | 'kind'>
> & {
  condition?: EventConditionDef | null;
};

/**
 * `events` without those `gone` picks, and without the conditions that named them: an event
 * that depended on a deleted one no longer has a condition.
 */
function withoutEvents(
  events: readonly ScenarioEventDef[],
  gone: (e: ScenarioEventDef) => boolean
): ScenarioEventDef[] {
  const goneIds = new Set(events.filter(gone).map((e) => e.id));
  return events
    .filter((e) => !goneIds.has(e.id))
    .map((e) => {
      if (e.condition === undefined || !goneIds.has(e.condition.event)) return e;
      const { condition: _dropped, ...rest } = e;
      return rest;
    });
}

/** `events` with every condition that names `from` naming `to` instead. */
const withConditionsRenamed = (events: readonly ScenarioEventDef[], from: string, to: string): ScenarioEventDef[] =>
  events.map((e) => (e.condition?.event === from ? { ...e, condition: { ...e.condition, event: to } } : e));

/** Whether `condition` may be the condition of the event at `index` of `events`: it names an earlier one. */
function checkCondition(
  events: readonly ScenarioEventDef[],
  index: number,
  condition: EventConditionDef
): EditError | null {
  if (typeof condition?.event !== 'string' || typeof condition.occurred !== 'boolean') return 'not-found';
  const parent = events.findIndex((e) => e.id === condition.event);
  return parent >= 0 && parent < index ? null : 'not-found';
}

function checkEventPatch(doc: MizanDoc, patch: EventPatch): EditError | null {
  if (patch.kind !== undefined && !EVENT_KINDS.includes(patch.kind)) return 'not-found';
  if (patch.month !== undefined) {
    const problem = checkNumber(patch.month, monthBounds(doc));
    if (problem) return problem;
  }
  if (patch.factor !== undefined && !hasFactor(doc, patch.factor)) return 'not-found';
  if (patch.shift !== undefined) {
    const problem = checkNumber(patch.shift, BOUNDS.shift);
    if (problem) return problem;
  }
  if (patch.probability !== undefined) {
    const problem = checkNumber(patch.probability, BOUNDS.probability);
    if (problem) return problem;
  }
  if (patch.label !== undefined) return checkLabel(patch.label);
  return null;
}

/** Adds an event to a scenario; its id must be new in the whole document. */
export function addEvent(doc: MizanDoc, scenarioId: string, event: ScenarioEventDef): Edited {
  const idProblem = checkNewId(event.id, eventIds(doc));
  if (idProblem) return refuse(idProblem);
  const problem = checkEventPatch(doc, event);
  if (problem) return refuse(problem);
  if (
    event.label === undefined ||
    event.month === undefined ||
    event.shift === undefined ||
    event.probability === undefined
  )
    return refuse('not-number');
  // checkEventPatch checks a factor only when there is one; an event must have one.
  if (event.factor === undefined) return refuse('not-found');
  return updateScenario(doc, scenarioId, (s) => {
    if (s.events.length >= LIMITS.eventsPerScenario) return refuse('too-many');
    const copy: ScenarioEventDef = {
      id: event.id,
      label: { en: event.label.en, ar: event.label.ar },
      month: event.month,
      factor: event.factor,
      shift: event.shift,
      probability: event.probability,
      ...(event.kind === undefined ? {} : { kind: event.kind })
    };
    if (event.condition) {
      const problem = checkCondition(s.events, s.events.length, event.condition);
      if (problem) return refuse(problem);
      copy.condition = { event: event.condition.event, occurred: event.condition.occurred };
    }
    return { ...s, events: [...s.events, copy] };
  });
}

export function updateEvent(doc: MizanDoc, scenarioId: string, eventId: string, patch: EventPatch): Edited {
  const problem = checkEventPatch(doc, patch);
  if (problem) return refuse(problem);
  return updateScenario(doc, scenarioId, (s) => {
    const index = s.events.findIndex((e) => e.id === eventId);
    if (index === -1) return refuse('not-found');
    const event = s.events[index];
    const next: ScenarioEventDef = { ...event };
    let changed = false;
    for (const key of ['month', 'factor', 'shift', 'probability', 'kind'] as const) {
      const value = patch[key];
      if (value !== undefined && value !== event[key]) {
        (next as Record<typeof key, unknown>)[key] = value;
        changed = true;
      }
    }
    if (patch.condition === null && event.condition) {
      delete next.condition;
      changed = true;
    } else if (
      patch.condition &&
      (patch.condition.event !== event.condition?.event || patch.condition.occurred !== event.condition.occurred)
    ) {
      const problem = checkCondition(s.events, index, patch.condition);
      if (problem) return refuse(problem);
      next.condition = { event: patch.condition.event, occurred: patch.condition.occurred };
      changed = true;
    }
    if (patch.label !== undefined && !sameLabel(patch.label, event.label)) {
      next.label = { en: patch.label.en, ar: patch.label.ar };
      changed = true;
    }
    return changed ? { ...s, events: replaceAt(s.events, index, next) } : s;
  });
}

/**
 * Gives an event that still has its automatic id (`event4`, see newEventId) an id made from its
 * name as it is now (`port-strike`), unique in the whole document; any other event is left as
 * it is. An event's name is typed a keystroke at a time (updateEvent), so its id is not made
 * there, which would take the first letter: the editor settles it when the name is left.
 * Nothing else in a file refers to an event by its id (a sensitivity input `event:<id>` is
 * made from the document when the analysis runs).
 */
export function settleEventId(doc: MizanDoc, scenarioId: string, eventId: string): Edited {
  let settled = eventId;
  const next = updateScenario(doc, scenarioId, (s) => {
    const index = s.events.findIndex((e) => e.id === eventId);
    if (index === -1) return refuse('not-found');
    if (!isAutoId(eventId, EVENT_ID_PREFIX)) return s;
    const event = s.events[index];
    const id = idFromName(
      event.label,
      eventIds(doc).filter((other) => other !== eventId),
      EVENT_ID_PREFIX
    );
    if (id === eventId) return s;
    settled = id;
    return { ...s, events: withConditionsRenamed(replaceAt(s.events, index, { ...event, id }), eventId, id) };
  });
  return settled === eventId ? next : withObservedEventRenamed(next, eventId, settled);
}

/**
 * After an event's id changed in one scenario, the outcomes recorded of its old id follow it,
 * unless another scenario still has an event of the old id (they are still about that one).
 */
function withObservedEventRenamed(result: Edited, from: string, to: string): Edited {
  if (result instanceof Refused || !result.observations || eventIds(result).includes(from)) return result;
  return {
    ...result,
    observations: result.observations.map((o) => (o.kind === 'event' && o.event === from ? { ...o, event: to } : o))
  };
}

/**
 * Copies an event of one scenario into each of `targetIds` (other scenarios), at the end of
 * their lists. A copy is the same real-world event, so it keeps the event's id (format version 2:
 * event ids are unique within their scenario), and an outcome recorded of it applies to every
 * copy; only where the target already has an event of that id, or the id is still automatic,
 * does the copy get a new one (copiedEventId): `<id>-1`, `<id>-2`, … All or nothing.
 */
export function copyEvent(doc: MizanDoc, scenarioId: string, eventId: string, targetIds: readonly string[]): Edited {
  const source = doc.scenarios.find((s) => s.id === scenarioId);
  const event = source?.events.find((e) => e.id === eventId);
  if (!event) return refuse('not-found');
  const targets = new Set(targetIds);
  if (targets.size === 0 || targets.has(scenarioId)) return refuse('not-found');
  for (const id of targets) if (!doc.scenarios.some((s) => s.id === id)) return refuse('not-found');
  const taken = new Set(eventIds(doc));
  const scenarios: ScenarioDef[] = [];
  for (const s of doc.scenarios) {
    if (!targets.has(s.id)) {
      scenarios.push(s);
      continue;
    }
    if (s.events.length >= LIMITS.eventsPerScenario) return refuse('too-many');
    const keeps = !isAutoId(event.id, EVENT_ID_PREFIX) && !s.events.some((e) => e.id === event.id);
    const id = keeps ? event.id : copiedEventId(event.id, taken);
    taken.add(id);
    // Its condition named an event of its own scenario, which the other scenario does not have.
    const { condition: _condition, ...copy } = event;
    scenarios.push({ ...s, events: [...s.events, { ...copy, id, label: { ...event.label } }] });
  }
  return { ...doc, scenarios };
}

/** Moves an event to another month (1..H). */
export function moveEvent(doc: MizanDoc, scenarioId: string, eventId: string, month: number): Edited {
  return updateEvent(doc, scenarioId, eventId, { month });
}

export function deleteEvent(doc: MizanDoc, scenarioId: string, eventId: string): Edited {
  return keepingObservations(
    updateScenario(doc, scenarioId, (s) => {
      if (!s.events.some((e) => e.id === eventId)) return refuse('not-found');
      return { ...s, events: withoutEvents(s.events, (e) => e.id === eventId) };
    })
  );
}

// ---- evidence ---------------------------------------------------------------------------------

export type EvidencePatch = Partial<Pick<EvidenceDef, 'quote' | 'gist' | 'source' | 'note'>>;

/** What a piece of evidence can support: a factor, or an interaction (from → to). */
export type EvidenceTarget = { factor: string } | { from: string; to: string };

function checkEvidencePatch(patch: EvidencePatch): EditError | null {
  return (
    checkText(patch.quote, LIMITS.textChars) ??
    checkText(patch.gist, LIMITS.textChars) ??
    checkText(patch.source, LIMITS.labelChars) ??
    checkText(patch.note, LIMITS.textChars)
  );
}

/** Adds an evidence card at the end; optional texts that are empty are left out. */
export function addEvidence(doc: MizanDoc, card: EvidenceDef): Edited {
  const problem = checkNewItem(doc.evidence, LIMITS.evidence, card.id) ?? checkEvidencePatch(card);
  if (problem) return refuse(problem);
  const copy: EvidenceDef = { id: card.id, quote: card.quote ?? '', source: card.source ?? '' };
  if (card.gist) copy.gist = card.gist;
  if (card.note) copy.note = card.note;
  return { ...doc, evidence: [...doc.evidence, copy] };
}

export function updateEvidence(doc: MizanDoc, id: string, patch: EvidencePatch): Edited {
  const problem = checkEvidencePatch(patch);
  if (problem) return refuse(problem);
  return updateById(doc, 'evidence', id, (card) => {
    let next = card;
    for (const key of ['quote', 'source'] as const) {
      const value = patch[key];
      if (value !== undefined && value !== next[key]) next = { ...next, [key]: value };
    }
    for (const key of ['gist', 'note'] as const) {
      const value = patch[key];
      if (value !== undefined) next = withOptionalText(next, key, value);
    }
    return next;
  });
}

const without = (list: string[] | undefined, id: string): string[] | undefined => {
  if (!list?.includes(id)) return list;
  const next = list.filter((x) => x !== id);
  return next.length > 0 ? next : undefined;
};

function setList<T extends { evidence?: string[] }>(item: T, list: string[] | undefined): T {
  if (list !== undefined) return { ...item, evidence: list };
  const { evidence: _dropped, ...rest } = item;
  return rest as T;
}

/** Deletes an evidence card and every link to it (factors and interactions). */
export function deleteEvidence(doc: MizanDoc, id: string): Edited {
  if (!doc.evidence.some((e) => e.id === id)) return refuse('not-found');
  return keepingObservations({
    ...doc,
    evidence: doc.evidence.filter((e) => e.id !== id),
    factors: doc.factors.map((f) => (f.evidence?.includes(id) ? setList(f, without(f.evidence, id)) : f)),
    interactions: doc.interactions.map((i) => (i.evidence?.includes(id) ? setList(i, without(i.evidence, id)) : i))
  });
}

function updateLinks(
  doc: MizanDoc,
  evidenceId: string,
  target: EvidenceTarget,
  change: (list: string[] | undefined) => string[] | undefined
): Edited {
  if (!doc.evidence.some((e) => e.id === evidenceId)) return refuse('not-found');
  if ('factor' in target) {
    return updateFactor(doc, target.factor, (f) => {
      const list = change(f.evidence);
      return list === f.evidence ? f : setList(f, list);
    });
  }
  const index = doc.interactions.findIndex((i) => i.from === target.from && i.to === target.to);
  if (index === -1) return refuse('not-found');
  const link: InteractionDef = doc.interactions[index];
  const list = change(link.evidence);
  if (list === link.evidence) return doc;
  return { ...doc, interactions: replaceAt(doc.interactions, index, setList(link, list)) };
}

/** Links a card to a factor or an interaction (once). */
export function linkEvidence(doc: MizanDoc, evidenceId: string, target: EvidenceTarget): Edited {
  let full = false;
  const next = updateLinks(doc, evidenceId, target, (list) => {
    if (list?.includes(evidenceId)) return list;
    if ((list?.length ?? 0) >= LIMITS.evidence) {
      full = true;
      return list;
    }
    return [...(list ?? []), evidenceId];
  });
  return full ? refuse('too-many') : next;
}

export function unlinkEvidence(doc: MizanDoc, evidenceId: string, target: EvidenceTarget): Edited {
  return updateLinks(doc, evidenceId, target, (list) => without(list, evidenceId));
}

// ---- observations -----------------------------------------------------------------------------

/**
 * What an edit may change of an observation (format version 2). `uncertainty: null` leaves the
 * σ to the default (DEFAULT_UNCERTAINTY); a note empty in both languages, or no evidence, is
 * left out of the file. A new `kind` keeps what the kinds share (month, note, evidence, and a
 * reading's value and σ from index to factor and back); the patch gives the rest (a factor, an
 * event and whether it occurred).
 */
export interface ObservationPatch {
  kind?: ObservationKind;
  month?: string;
  factor?: string;
  event?: string;
  value?: number;
  uncertainty?: number | null;
  occurred?: boolean;
  note?: LocalizedLabel;
  evidence?: readonly string[];
}

/** An observation before it has an id (each kind's own fields: Omit of the union would lose them). */
export type NewObservation = ObservationDef extends infer O
  ? O extends ObservationDef
    ? Omit<O, 'id'>
    : never
  : never;

/** σ of a reading: above `min` (no reading is exact) and at most `max`, as the schema says. */
export const UNCERTAINTY_BOUNDS: Bounds = { min: 0, max: 100 };

/** Why `sigma` cannot be a reading's σ, or null. */
export function checkUncertainty(sigma: number): EditError | null {
  return checkNumber(sigma, UNCERTAINTY_BOUNDS) ?? (sigma > UNCERTAINTY_BOUNDS.min ? null : 'out-of-range');
}

/** An observation as text with every object's keys sorted: the same text for the same fields in any order. */
const canonical = (o: ObservationDef) =>
  JSON.stringify(o, (_, v: unknown) =>
    // Stryker disable next-line ConditionalExpression,EqualityOperator: both sides go through the same replacer: any fixed rewriting or order of keys compares them alike
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v
  );
const sameObservation = (a: ObservationDef, b: ObservationDef) => canonical(a) === canonical(b);

/**
 * The observation `id` with `fields` (an earlier version of it, then a patch over it), checked
 * and copied in file order, without what its kind does not have: the observation, or why not.
 */
function makeObservation(doc: MizanDoc, id: string, fields: ObservationPatch): ObservationDef | Refused {
  const { kind, month } = fields;
  if (kind === undefined || !OBSERVATION_KINDS.includes(kind)) return refuse('not-found');
  // Stryker disable next-line ConditionalExpression: MONTH_PATTERN does not match "undefined" either (the check is TypeScript's narrowing)
  if (typeof month !== 'string' || !MONTH_PATTERN.test(month)) return refuse('bad-month');
  if (!withinTimeline(doc.startMonth, doc.horizonMonths, month)) return refuse('month-outside');
  let observation: ObservationDef;
  if (kind === 'event') {
    // Stryker disable next-line ConditionalExpression: no event's id is undefined either (the check is TypeScript's narrowing)
    if (typeof fields.event !== 'string' || !eventIds(doc).includes(fields.event)) return refuse('not-found');
    if (typeof fields.occurred !== 'boolean') return refuse('invalid');
    observation = { id, kind, month, event: fields.event, occurred: fields.occurred };
  } else {
    // Stryker disable next-line ConditionalExpression: checkNumber calls undefined not a number too (the check is TypeScript's narrowing)
    if (fields.value === undefined) return refuse('not-number');
    const problem =
      checkNumber(fields.value, BOUNDS.level) ??
      (fields.uncertainty == null ? null : checkUncertainty(fields.uncertainty));
    if (problem) return refuse(problem);
    const sigma = fields.uncertainty == null ? {} : { uncertainty: fields.uncertainty };
    if (kind === 'index') observation = { id, kind, month, value: fields.value, ...sigma };
    // Stryker disable next-line ConditionalExpression: no factor's id is undefined either (the check is TypeScript's narrowing)
    else if (typeof fields.factor === 'string' && hasFactor(doc, fields.factor))
      observation = { id, kind, month, factor: fields.factor, value: fields.value, ...sigma };
    else return refuse('not-found');
  }
  const { note, evidence } = fields;
  if (note !== undefined) {
    if (typeof note?.en !== 'string' || typeof note.ar !== 'string') return refuse('not-found');
    if (note.en.length > LIMITS.textChars || note.ar.length > LIMITS.textChars) return refuse('too-long');
    if (note.en !== '' || note.ar !== '') observation.note = { en: note.en, ar: note.ar };
  }
  if (evidence !== undefined) {
    // Stryker disable next-line ConditionalExpression: a text's characters are no card's id either (the check keeps a text from being read as a list)
    if (!Array.isArray(evidence)) return refuse('not-found');
    const cards = new Set(doc.evidence.map((e) => e.id));
    // Each card once: a list of the document's own cards is never longer than the cards it may hold.
    const list = [...new Set(evidence)];
    if (!list.every((card) => cards.has(card))) return refuse('not-found');
    if (list.length > 0) observation.evidence = list;
  }
  return observation;
}

/** The patch without the keys it gives as undefined: those leave the observation's own value. */
const given = (patch: ObservationPatch): ObservationPatch =>
  Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));

/** Records an observation at the end of the list; its id must be new. */
export function addObservation(doc: MizanDoc, observation: ObservationDef): Edited {
  const list = doc.observations ?? [];
  const problem = checkNewItem(list, LIMITS.observations, observation.id);
  if (problem) return refuse(problem);
  const { id: _id, ...fields } = observation;
  const made = makeObservation(doc, observation.id, given(fields));
  return made instanceof Refused ? made : { ...doc, observations: [...list, made] };
}

export function updateObservation(doc: MizanDoc, id: string, patch: ObservationPatch): Edited {
  // Stryker disable next-line ArrayDeclaration: an entry that is not an observation has no id to find
  const list = doc.observations ?? [];
  const index = list.findIndex((o) => o.id === id);
  if (index === -1) return refuse('not-found');
  const current = list[index];
  const made = makeObservation(doc, id, { ...current, ...given(patch) });
  if (made instanceof Refused) return made;
  if (sameObservation(made, current)) return doc;
  return { ...doc, observations: replaceAt(list, index, made) };
}

/** Deletes an observation; the last one takes the (optional) list with it. */
export function deleteObservation(doc: MizanDoc, id: string): Edited {
  // Stryker disable next-line ArrayDeclaration: an entry that is not an observation has no id to find
  const list = doc.observations ?? [];
  if (!list.some((o) => o.id === id)) return refuse('not-found');
  const kept = list.filter((o) => o.id !== id);
  if (kept.length > 0) return { ...doc, observations: kept };
  const { observations: _all, ...rest } = doc;
  return rest;
}

// ---- run settings -----------------------------------------------------------------------------

export function setRuns(doc: MizanDoc, runs: number): Edited {
  const problem = checkNumber(runs, BOUNDS.runs);
  if (problem) return refuse(problem);
  return doc.simulation.runs === runs ? doc : { ...doc, simulation: { ...doc.simulation, runs } };
}

/** How the Monte Carlo draws the ranges: 'random' (the default, left out of the file) or 'latin-hypercube'. */
export function setSampling(doc: MizanDoc, sampling: Sampling): Edited {
  if (!SAMPLINGS.includes(sampling)) return refuse('not-found');
  if ((doc.simulation.sampling ?? 'random') === sampling) return doc;
  const { sampling: _old, ...simulation } = doc.simulation;
  return { ...doc, simulation: sampling === 'random' ? simulation : { ...simulation, sampling } };
}

/**
 * Sets the rank correlation of two ranges of a scenario (`<factor>.<field>`); null removes it (0
 * keeps the pair, as a rank typed key by key passes through 0). Refused when either is not a range of the scenario, they are the same, the rank is out of
 * bounds, or it cannot hold with the scenario's other correlations ('correlation-conflict').
 */
export function setCorrelation(doc: MizanDoc, scenarioId: string, a: string, b: string, rank: number | null): Edited {
  if (a === b) return refuse('invalid');
  if (rank !== null) {
    const problem = checkNumber(rank, BOUNDS.correlation);
    if (problem) return refuse(problem);
  }
  const next = updateScenario(doc, scenarioId, (s) => {
    const list = s.correlations ?? [];
    const index = list.findIndex(
      (c) => (c.between[0] === a && c.between[1] === b) || (c.between[0] === b && c.between[1] === a)
    );
    if (rank === null) {
      if (index === -1) return s;
      const kept = list.filter((_, k) => k !== index);
      const { correlations: _all, ...rest } = s;
      return kept.length > 0 ? { ...rest, correlations: kept } : rest;
    }
    if (![a, b].every((name) => typeof sampledIn(doc, s, name) === 'object')) return refuse('not-found');
    if (index >= 0 && list[index].rank === rank) return s;
    if (index === -1 && list.length >= LIMITS.correlationsPerScenario) return refuse('too-many');
    const entry = { between: [a, b] as [string, string], rank };
    return { ...s, correlations: index === -1 ? [...list, entry] : replaceAt(list, index, { ...list[index], rank }) };
  });
  if (next instanceof Refused || next === doc) return next;
  const scenario = next.scenarios.find((s) => s.id === scenarioId)!;
  return correlationsHold(scenario.correlations ?? []) ? next : refuse('correlation-conflict');
}

/** Whether a scenario's correlations can hold together (the matrix they make is positive definite). */
function correlationsHold(list: readonly CorrelationDef[]): boolean {
  const names = [...new Set(list.flatMap((c) => c.between))];
  const pairs = list.map((c) => ({ a: names.indexOf(c.between[0]), b: names.indexOf(c.between[1]), rank: c.rank }));
  return targetCholesky(rankTarget(names.length, pairs)).ok;
}

export function setSeed(doc: MizanDoc, seed: number): Edited {
  const problem = checkNumber(seed, BOUNDS.seed);
  if (problem) return refuse(problem);
  return doc.simulation.seed === seed ? doc : { ...doc, simulation: { ...doc.simulation, seed } };
}

/** How many events a horizon of `months` would move back (they fall after it). */
export function eventsBeyond(doc: MizanDoc, months: number): number {
  return doc.scenarios.reduce((n, s) => n + s.events.filter((e) => e.month > months).length, 0);
}

/** Sets the horizon (1..120 months); events after a shorter horizon move to its last month. */
export function setHorizon(doc: MizanDoc, months: number): Edited {
  const problem = checkNumber(months, BOUNDS.horizon);
  if (problem) return refuse(problem);
  if (doc.horizonMonths === months) return doc;
  if (!observationsWithin(doc, doc.startMonth, months)) return refuse('observations-outside');
  return {
    ...doc,
    horizonMonths: months,
    scenarios: doc.scenarios.map((s) =>
      // Stryker disable next-line ConditionalExpression,EqualityOperator: mapping events none of which is after the horizon gives equal events
      s.events.some((e) => e.month > months)
        ? // Stryker disable next-line EqualityOperator: an event on the horizon's month moved to it keeps its month
          { ...s, events: s.events.map((e) => (e.month > months ? { ...e, month: months } : e)) }
        : s
    )
  };
}

/** Sets the first month ("2024-10"). */
export function setStartMonth(doc: MizanDoc, month: string): Edited {
  if (typeof month !== 'string' || !MONTH_PATTERN.test(month)) return refuse('bad-month');
  if (doc.startMonth === month) return doc;
  return observationsWithin(doc, month, doc.horizonMonths)
    ? { ...doc, startMonth: month }
    : refuse('observations-outside');
}

/** Sets the band thresholds: 0 ≤ elevated < high < crisis ≤ 100. */
export function setThresholds(doc: MizanDoc, thresholds: MizanDoc['thresholds']): Edited {
  const { elevated, high, crisis } = thresholds;
  for (const v of [elevated, high, crisis]) {
    const problem = checkNumber(v, BOUNDS.threshold);
    if (problem) return refuse(problem);
  }
  if (!(elevated < high && high < crisis)) return refuse('threshold-order');
  const t = doc.thresholds;
  if (t.elevated === elevated && t.high === high && t.crisis === crisis) return doc;
  return { ...doc, thresholds: { elevated, high, crisis } };
}
