// What loading a .mizan file reports: a document, or a list of problems that each
// name a place in the file (`scenarios[2].factors.sanctions.pace`) and say what is wrong
// in plain English. Pure: no Node, no DOM.
import type { Language, MizanDoc } from './schema';
import { formatPath, type PathSegment } from './paths';
import { placeNamer, type Place } from './places';

export { formatPath, type PathSegment };

/**
 * One thing wrong with a file. `path` is "" for the file as a whole. `place` names the path
 * by the things it lies in, when it lies in a factor, a scenario, a link or an evidence card
 * (see places.ts); the path stays, for finding the place in the file by hand.
 */
export type Problem = { path: string; message: string; place?: Place };

export type { Place };

export type LoadResult = { ok: true; document: MizanDoc; migratedFrom?: number } | { ok: false; problems: Problem[] };

/** A problem before its path is written out (internal to the format module). */
export type Located = { at: readonly PathSegment[]; message: string };

/** The most problems a load reports; the rest are summed up in one last line. */
export const MAX_PROBLEMS = 100;

/**
 * One line for a person: `ashgabat.mizan: scenario “Base” [base] › factor “Sanctions”
 * [sanctions] › pace (scenarios[2].factors.sanctions.pace): must be at most 1 (found 1.5)`,
 * `ashgabat.mizan: title: must be text (found 5)` where the path names no thing, or for the
 * whole file `ashgabat.mizan is empty`. `language` chooses the place's words and labels; the
 * message is in English.
 */
export function formatProblem(problem: Problem, fileName?: string, language: Language = 'en'): string {
  const file = fileName || 'The file';
  if (problem.path === '') {
    return problem.message.startsWith('…') ? problem.message : `${file} ${problem.message}`;
  }
  const where = problemWhere(problem, language);
  return fileName ? `${fileName}: ${where}: ${problem.message}` : `${where}: ${problem.message}`;
}

/** Where a problem is: its place and its path, `factor “Gaza” [gaza] › weight (factors[1].weight)`, or its path alone. */
export function problemWhere(problem: Problem, language: Language = 'en'): string {
  return problem.place ? `${problem.place[language]} (${problem.path})` : problem.path;
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  // Stryker disable next-line ConditionalExpression: paths run through containers only (the schema stops at a null), never through null
  return typeof value === 'object' && value !== null;
}

/** Ranks of an object's keys in file order, computed once per object. */
type RankCache = Map<object, Map<string, number>>;

function keyRank(node: Record<string, unknown>, key: string, cache: RankCache): { rank: number; size: number } {
  let ranks = cache.get(node);
  // Stryker disable next-line ConditionalExpression: a cache; ranks computed again are the same
  if (!ranks) {
    ranks = new Map(Object.keys(node).map((k, i) => [k, i] as const));
    cache.set(node, ranks);
  }
  return { rank: ranks.get(key) ?? -1, size: ranks.size };
}

/**
 * Where a path falls in the document, as a list of positions (array index, or the rank of
 * the key among its object's keys in file order; a missing key sorts after the present ones).
 */
function positionOf(root: unknown, at: readonly PathSegment[], cache: RankCache): number[] {
  // Stryker disable next-line ArrayDeclaration: a value put first in every position list compares equal
  const out: number[] = [];
  let node: unknown = root;
  for (const seg of at) {
    // Stryker disable next-line ConditionalExpression: an array's keys ranked as an object's are its indexes (this branch only saves a Map)
    if (Array.isArray(node)) {
      // Stryker disable next-line ConditionalExpression: a path step into an array is always a number index
      const i = typeof seg === 'number' ? seg : Number.NaN;
      // Stryker disable next-line ConditionalExpression,LogicalOperator: i is always a whole index of 0 or more (from zod or the checks)
      const inside = Number.isInteger(i) && i >= 0;
      out.push(inside ? i : node.length);
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: past the end an array reads undefined anyway
      node = inside && i < node.length ? node[i] : undefined;
    } else if (isContainer(node)) {
      const record = node as Record<string, unknown>;
      const key = String(seg);
      const { rank, size } = keyRank(record, key, cache);
      out.push(rank === -1 ? size : rank);
      // Stryker disable next-line ConditionalExpression,UnaryOperator: a missing key is always the last step of a path
      node = rank === -1 ? undefined : record[key];
      // The directive sits between `else` and `{`: a comment above `}` would belong to the line before.
    } else /* Stryker disable next-line BlockStatement: only a one-step path on a non-object root (the file's version) gets here, and one problem is not sorted */ {
      out.push(0);
      node = undefined;
    }
  }
  return out;
}

function compareRanks(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/**
 * Sorts problems in document order (positions taken from `root`, the document as read),
 * writes their paths, names their places (from `root` too), and caps the list at MAX_PROBLEMS
 * with a last "… and N more problems".
 */
export function finishProblems(located: readonly Located[], root?: unknown): Problem[] {
  const cache: RankCache = new Map();
  const ranked = located.map((p) => ({ p, rank: positionOf(root, p.at, cache) }));
  // sort is stable: problems at one place stay in the order they were found
  ranked.sort((x, y) => compareRanks(x.rank, y.rank));
  const kept = ranked.length <= MAX_PROBLEMS ? ranked : ranked.slice(0, MAX_PROBLEMS - 1);
  const placeOf = placeNamer(root);
  const all: Problem[] = kept.map(({ p }) => {
    const place = placeOf(p.at);
    const path = formatPath(p.at);
    return place === undefined ? { path, message: p.message } : { path, message: p.message, place };
  });
  if (ranked.length <= MAX_PROBLEMS) return all;
  const more = ranked.length - kept.length;
  all.push({ path: '', message: `… and ${more} more problems` });
  return all;
}

/** How a value found in a file is named in a message: `1.5`, `text "abc"`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return 'a number too large to represent';
    return String(value);
  }
  if (typeof value === 'string') {
    // At most 40 characters (code points) of a text that may be megabytes long.
    // Stryker disable next-line MethodExpression: 81 code units hold the first 40 code points; Array.from of the whole text gives the same, slower
    const start = value.slice(0, 81);
    const head = Array.from(start).slice(0, 40).join('');
    const cut = head.length < value.length ? `${head}…` : value;
    return value === '' ? 'empty text' : `text ${JSON.stringify(cut)}`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return 'an empty list';
    return value.length === 1 ? 'a list of 1 item' : `a list of ${value.length} items`;
  }
  if (typeof value === 'object') return 'an object';
  return `a value of type ${typeof value}`;
}
