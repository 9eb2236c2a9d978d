// Checks that need the whole document in view: ids that must be unique, ids that must
// name something that exists, events within the horizon, and a tension index that is
// defined (some weight above zero) in every scenario. They run on a schema-valid document,
// and also on one the schema refused, so that a file's problems are reported together: then
// they walk only the parts that have the shape they read, and a check whose ids are not all
// known (a list that is not a list, a factor without a text id) is left out rather than
// guessed at.
import { LIMITS } from './limits';
import { formatPath, type Located, type PathSegment } from './problems';
import { ownValue } from '../records';
import { rankTarget, targetCholesky } from '../model/imanConover';
import { monthLabels, withinTimeline } from '../months';
import { observationPriors } from '../priors';
import { MONTH_PATTERN } from './schema';

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

type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A list of at most `max` items (longer ones the schema refuses, and walking them could be slow), else null. */
const listOf = (value: unknown, max: number): unknown[] | null =>
  Array.isArray(value) &&
  // Stryker disable next-line ConditionalExpression: a longer list is refused at its own place, and validate drops every problem found inside it: walking it only costs time
  value.length <= max
    ? value
    : null;

/** An object of at most `max` keys, else null. */
const recordOf = (value: unknown, max: number): Raw | null =>
  // Stryker disable next-line ConditionalExpression: settings that are not an object are refused at their own place, where validate drops all found inside; more than max entries are refused before the schema runs
  isRecord(value) && Object.keys(value).length <= max ? value : null;

// Stryker disable next-line ConditionalExpression: an id that is not text is refused at its place: it is read only where usable() allows, or its problems land on that place's path, which validate drops
const textOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The central value of a weight (a number, or a range's mode), or undefined when it has no usable one. */
function centralWeight(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  return isRecord(value) && typeof value.mode === 'number' ? value.mode : undefined;
}

/**
 * Records the first place of every id and reports the later ones as duplicates. `complete`:
 * every item of the list had a text id, so an id not recorded is truly unknown.
 */
class IdRegistry {
  private readonly first = new Map<string, readonly PathSegment[]>();
  complete = true;
  constructor(private readonly out: Located[]) {}
  add(id: string | undefined, at: readonly PathSegment[]): void {
    if (id === undefined) {
      this.complete = false;
      return;
    }
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

/** Whether a place holds what the schema accepts: no problem of the schema at it or around it. */
type Usable = (at: readonly PathSegment[]) => boolean;

/** The registry of the ids of a list's items; incomplete when the list, or an id, is not usable. */
function registry(out: Located[], list: unknown[] | null, path: string, usable: Usable): IdRegistry {
  const ids = new IdRegistry(out);
  if (list === null || !usable([path])) ids.complete = false;
  else
    list.forEach((item, i) => {
      const at = [path, i, 'id'];
      ids.add(isRecord(item) && usable(at) ? textOf(item.id) : undefined, at);
    });
  return ids;
}

/** Whether `outer` is `inner` or a place around it. */
const holds = (outer: readonly PathSegment[], inner: readonly PathSegment[]) =>
  // Stryker disable next-line ConditionalExpression: a longer place has a step where the path has none (undefined), so every() is false anyway
  outer.length <= inner.length && outer.every((segment, k) => segment === inner[k]);

/**
 * All cross-reference problems of a document (empty when there are none): a schema-valid one,
 * or the value the schema refused, given the places of its problems (`refused`): then only
 * what has the right shape and lies outside those places is read.
 */
// Stryker disable next-line ArrayDeclaration: a stray refused place of one 16-character text holds no path of a document (at most 6 steps)
export function checkReferences(doc: unknown, refused: readonly (readonly PathSegment[])[] = []): Located[] {
  const out: Located[] = [];
  if (!isRecord(doc)) return out;
  const usable: Usable = (at) => !refused.some((place) => holds(place, at));

  const factorList = listOf(doc.factors, LIMITS.factors);
  // Stryker disable next-line ArrayDeclaration: scenarios that are not a list are refused, so no item of a stand-in list is read as a scenario
  const scenarioList = listOf(doc.scenarios, LIMITS.scenarios) ?? [];
  const factors = registry(out, factorList, 'factors', usable);
  const evidence = registry(out, listOf(doc.evidence, LIMITS.evidence), 'evidence', usable);
  registry(out, scenarioList, 'scenarios', usable);
  registry(out, listOf(doc.observations, LIMITS.observations), 'observations', usable);
  // Event ids are unique within their scenario (format version 2): one real-world event may
  // appear in several scenarios under one id, each with its own month, shift and probability.
  /** Every event id of some scenario, and whether every event had a usable one. */
  const anyScenarioEvents = new Set<string>();
  let eventsComplete = true;
  scenarioList.forEach((s, i) => {
    if (!isRecord(s)) return;
    const events = new IdRegistry(out);
    listOf(s.events, LIMITS.eventsPerScenario)?.forEach((e, j) => {
      const at = ['scenarios', i, 'events', j, 'id'];
      // Stryker disable next-line LogicalOperator: nothing refuses an event as a whole, and an id text refused at its place is refused wherever it repeats, where validate drops the duplicate
      const id = isRecord(e) && usable(at) ? textOf(e.id) : undefined;
      events.add(id, at);
      if (id === undefined) eventsComplete = false;
      else anyScenarioEvents.add(id);
    });
  });

  /** Reports `id` at `at` when it is a text that the complete list of `known` ids lacks. */
  const checkKnown = (known: IdRegistry, kind: string, id: unknown, at: readonly PathSegment[]) => {
    if (known.complete && typeof id === 'string' && !known.has(id))
      out.push({ at, message: unknown(kind, id, known.ids()) });
  };
  /**
   * A condition names an event listed before this one (index `j`) in the same scenario, so that
   * conditions never form a cycle and each run decides its events in list order.
   */
  const checkCondition = (id: string, j: number, ids: readonly (string | undefined)[], at: readonly PathSegment[]) => {
    const earlier = ids.slice(0, j);
    if (earlier.includes(id)) return;
    if (ids[j] === id) out.push({ at, message: `an event cannot depend on itself ("${id}")` });
    else if (ids.includes(id))
      out.push({
        at,
        message: `"${id}" is listed after this event: a condition must name an earlier event of the scenario`
      });
    else if (!earlier.includes(undefined))
      out.push({
        at,
        message: unknown(
          'event of this scenario',
          id,
          earlier.filter((x) => x !== undefined)
        )
      });
  };
  /** The value a scenario samples for `<factor>.<field>` (its weight after the scenario's override), if it can tell. */
  const sampledValue = (field: string, factor: string, settings: Raw | null, overrides: Raw | null): unknown => {
    if (field === 'weight') {
      const override = overrides ? ownValue(overrides, factor) : undefined;
      return override !== undefined ? override : rawBaseWeight.get(factor);
    }
    const own = settings ? ownValue(settings, factor) : undefined;
    return isRecord(own) ? own[field] : undefined;
  };

  /**
   * A scenario's correlations: each names two different sampled inputs of known factors, each a
   * range in this scenario; a pair once; and together they can hold (the matrix they make is
   * positive definite, as Iman–Conover needs). Only correlations the schema accepted are read.
   */
  const checkCorrelations = (s: Raw, at: readonly PathSegment[], settings: Raw | null, overrides: Raw | null) => {
    const list = listOf(s.correlations, LIMITS.correlationsPerScenario);
    if (!list || !usable([...at, 'correlations'])) return;
    const inputs: string[] = [];
    const pairs = new Map<string, number>();
    const entries: { k: number; a: number; b: number; rank: number }[] = [];
    list.forEach((c, k) => {
      const where = [...at, 'correlations', k];
      if (!isRecord(c) || !usable(where) || !Array.isArray(c.between) || typeof c.rank !== 'number') return;
      const names = c.between as string[];
      let fine = true;
      names.forEach((name, side) => {
        const [factor, field] = name.split('.');
        const place = [...where, 'between', side];
        if (factors.complete && !factors.has(factor)) {
          out.push({ at: place, message: unknown('factor', factor, factors.ids()) });
          fine = false;
          return;
        }
        const value = sampledValue(field, factor, settings, overrides);
        if (value !== undefined && !isRecord(value)) {
          out.push({
            at: place,
            message: `"${name}" is a plain number in this scenario, not a range: it does not vary, so it cannot move with another input`
          });
          fine = false;
        }
      });
      if (!fine) return;
      if (names[0] === names[1]) {
        out.push({ at: [...where, 'between'], message: `an input cannot be correlated with itself ("${names[0]}")` });
        return;
      }
      const key = JSON.stringify([...names].sort());
      const earlier = pairs.get(key);
      if (earlier !== undefined) {
        out.push({
          at: where,
          message: `duplicate correlation of "${names[0]}" and "${names[1]}" (also ${formatPath([...at, 'correlations', earlier])})`
        });
        return;
      }
      pairs.set(key, k);
      const [a, b] = names.map((name) => {
        const index = inputs.indexOf(name);
        return index >= 0 ? index : inputs.push(name) - 1;
      });
      entries.push({ k, a, b, rank: c.rank });
    });
    if (entries.length === 0) return;
    const target = rankTarget(inputs.length, entries);
    const factor = targetCholesky(target);
    if (factor.ok) return;
    const [i, j] = factor.pair;
    const entry = entries.find((e) => (e.a === i && e.b === j) || (e.a === j && e.b === i));
    out.push({
      at: entry ? [...at, 'correlations', entry.k, 'rank'] : [...at, 'correlations'],
      message:
        i === j
          ? `these correlations cannot all hold: "${inputs[i]}" would have to move exactly with the inputs before it`
          : `these correlations cannot all hold: given the ones before it, "${inputs[i]}" and "${inputs[j]}" cannot have a rank correlation of ${target[i][j]} (the matrix is not positive definite)`
    });
  };
  const checkEvidence = (list: unknown, at: readonly PathSegment[]) =>
    listOf(list, LIMITS.evidence)?.forEach((id, k) => checkKnown(evidence, 'evidence', id, [...at, k]));

  factorList?.forEach((f, i) => {
    if (isRecord(f)) checkEvidence(f.evidence, ['factors', i, 'evidence']);
  });

  const pairs = new Map<string, number>();
  listOf(doc.interactions, LIMITS.interactions)?.forEach((link, i) => {
    if (!isRecord(link)) return;
    const at = ['interactions', i];
    checkKnown(factors, 'factor', link.from, [...at, 'from']);
    checkKnown(factors, 'factor', link.to, [...at, 'to']);
    const from = textOf(link.from);
    const to = textOf(link.to);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: an end that is not text is refused at its place, on the path of both problems below, which validate drops
    if (from !== undefined && to !== undefined) {
      if (from === to)
        out.push({ at: [...at, 'to'], message: `a factor cannot act on itself ("${to}" is also "from")` });
      const pair = JSON.stringify([from, to]);
      const earlier = pairs.get(pair);
      if (earlier !== undefined) {
        out.push({ at, message: `duplicate interaction from "${from}" to "${to}" (also interactions[${earlier}])` });
      } else {
        pairs.set(pair, i);
      }
    }
    checkEvidence(link.evidence, [...at, 'evidence']);
  });

  const factorIds = factors.complete ? [...factors.ids()] : [];
  /** Each factor's weight as the file has it (a number or a range), for the correlations. */
  const rawBaseWeight = new Map(
    (factorList ?? []).flatMap((f) => {
      const id = isRecord(f) ? textOf(f.id) : undefined;
      return id === undefined ? [] : [[id, (f as Raw).weight] as const];
    })
  );
  // A weight with no usable central value leaves the zero-weights check out (the schema names it).
  const weightAt = (at: readonly PathSegment[], value: unknown) => (usable(at) ? centralWeight(value) : undefined);
  const baseWeight = new Map(
    // Stryker disable next-line ArrayDeclaration: an item that is not an object has no id and adds no entry
    (factorList ?? []).flatMap((f, i) => {
      const id = isRecord(f) ? textOf(f.id) : undefined;
      return id === undefined ? [] : [[id, weightAt(['factors', i, 'weight'], (f as Raw).weight)] as const];
    })
  );
  // Stryker disable next-line ConditionalExpression: a usable horizon is a number (the schema refuses any other at its place)
  const horizon = typeof doc.horizonMonths === 'number' && usable(['horizonMonths']) ? doc.horizonMonths : undefined;

  scenarioList.forEach((s, i) => {
    if (!isRecord(s)) return;
    const at = ['scenarios', i];
    const settings = recordOf(s.factors, LIMITS.factors);
    if (settings) {
      for (const id of factorIds) {
        if (!Object.hasOwn(settings, id)) out.push({ at: [...at, 'factors'], message: `missing factor "${id}"` });
      }
      for (const key of Object.keys(settings)) checkKnown(factors, 'factor', key, [...at, 'factors', key]);
    }
    const overrides = s.weights === undefined ? {} : recordOf(s.weights, LIMITS.factors);
    if (overrides)
      for (const key of Object.keys(overrides)) checkKnown(factors, 'factor', key, [...at, 'weights', key]);
    const eventList = listOf(s.events, LIMITS.eventsPerScenario) ?? [];
    const eventIdsHere = eventList.map((e) => (isRecord(e) ? textOf(e.id) : undefined));
    eventList.forEach((e, j) => {
      if (!isRecord(e)) return;
      const eventAt = [...at, 'events', j];
      checkKnown(factors, 'factor', e.factor, [...eventAt, 'factor']);
      if (isRecord(e.condition) && typeof e.condition.event === 'string')
        checkCondition(e.condition.event, j, eventIdsHere, [...eventAt, 'condition', 'event']);
      if (
        // Stryker disable next-line ConditionalExpression,LogicalOperator: month > undefined is false, and a month that is not a number is refused at the place of this problem
        horizon !== undefined &&
        // Stryker disable next-line ConditionalExpression: a month that is not a number is refused at the place of this problem
        typeof e.month === 'number' &&
        // Stryker disable next-line ArrayDeclaration,StringLiteral: a refused month is on the path of this problem, which validate drops
        usable([...eventAt, 'month']) &&
        e.month > horizon
      ) {
        out.push({
          at: [...eventAt, 'month'],
          message: `must be within the horizon of ${horizon} months (found ${e.month})`
        });
      }
    });
    checkCorrelations(s, at, settings, overrides);
    if (!factors.complete || !overrides) return;
    let total = 0;
    for (const id of new Set(factorIds)) {
      const override = ownValue(overrides, id);
      const weight =
        override !== undefined
          ? // Stryker disable next-line ArrayDeclaration,StringLiteral: a refused override is on the path of this scenario's weights, where validate drops the zero-weights problem
            weightAt([...at, 'weights', id], override)
          : baseWeight.get(id);
      if (weight === undefined) return;
      total += weight;
    }
    if (!(total > 0)) {
      out.push({ at: [...at, 'weights'], message: 'all factor weights are zero, so the tension index is not defined' });
    }
  });

  checkPriors(scenarioList, usable, out);
  const timeline =
    typeof doc.startMonth === 'string' && MONTH_PATTERN.test(doc.startMonth) && usable(['startMonth'])
      ? { start: doc.startMonth, horizon }
      : undefined;
  listOf(doc.observations, LIMITS.observations)?.forEach((o, k) => {
    if (!isRecord(o)) return;
    const at = ['observations', k];
    checkEvidence(o.evidence, [...at, 'evidence']);
    if (o.kind === 'factor') checkKnown(factors, 'factor', o.factor, [...at, 'factor']);
    if (o.kind === 'event' && eventsComplete && typeof o.event === 'string' && !anyScenarioEvents.has(o.event))
      out.push({ at: [...at, 'event'], message: unknown('event of any scenario', o.event, anyScenarioEvents) });
    if (
      timeline?.horizon !== undefined &&
      typeof o.month === 'string' &&
      MONTH_PATTERN.test(o.month) &&
      !withinTimeline(timeline.start, timeline.horizon, o.month)
    )
      out.push({
        at: [...at, 'month'],
        message: `must be within the timeline, ${timeline.start} to ${monthLabels(timeline.start, timeline.horizon)[timeline.horizon]} (found ${o.month})`
      });
  });

  return out;
}

/** Some scenario must have a prior weight above zero, or the odds are not defined. */
function checkPriors(scenarioList: unknown[], usable: Usable, out: Located[]): void {
  const given = scenarioList.map((s, i) =>
    isRecord(s) && typeof s.probability === 'number' && usable(['scenarios', i, 'probability'])
      ? s.probability
      : isRecord(s) && s.probability === undefined
        ? null
        : undefined
  );
  // A probability the schema refused leaves the check out.
  if (given.includes(undefined) || given.length === 0) return;
  const priors = observationPriors(given as (number | null)[]);
  if (priors.every((p) => p === 0))
    out.push({
      at: ['scenarios'],
      message: 'every scenario has a probability of 0, so their odds are not defined: give one a probability above 0'
    });
}
