// The feedback loops of a scenario's link graph: every elementary cycle of the directed graph
// whose edges are the links with a strength other than 0 (a link of strength 0 pushes nothing).
// Johnson's algorithm (1975): each cycle is found once, starting from its smallest factor index,
// in time proportional to (factors + links) per cycle, so a cap on the cycles caps the work.
import type { CompiledScenario } from './compile';

export type LoopSign = 'reinforcing' | 'balancing';

export interface FeedbackLoop {
  /** Factor ids along the loop, starting from the one with the smallest index; the last acts on the first. */
  factors: string[];
  /** Reinforcing when the product of the strengths is positive (an even number of negative links). */
  sign: LoopSign;
  /** The product of the strengths along the loop. */
  gain: number;
}

export interface FeedbackLoops {
  /** The loops of largest |gain| (ties in the order found), at most `shown` of them. */
  listed: FeedbackLoop[];
  /** Loops found; when `complete` is false the search stopped at `counted` and there are more. */
  total: number;
  /** How many of the `total` are reinforcing (the rest balance). */
  reinforcing: number;
  complete: boolean;
}

/** Loops listed by default, and loops counted before the search stops (bounding its work). */
export const SHOWN_LOOPS = 50;
export const COUNTED_LOOPS = 10_000;

type LinkGraph = Pick<CompiledScenario, 'factorIds' | 'interactionFrom' | 'interactionTo' | 'interactionStrength'>;

/** Factors ≥ s that both can be reached from s and reach s, over edges inside {s, s+1, …}: s's strong component. */
function componentOf(s: number, out: number[][], into: number[][]): boolean[] {
  const reach = (edges: number[][]) => {
    // Stryker disable next-line ArrowFunction,ConditionalExpression: s is marked when reached back, and a factor on no loop through s has no edge back to it
    const seen = edges.map((_, v) => v === s);
    const todo = [s];
    for (let v = todo.pop(); v !== undefined; v = todo.pop()) {
      for (const w of edges[v]) {
        // Stryker disable next-line EqualityOperator: s itself is seen from the start
        if (w >= s && !seen[w]) {
          seen[w] = true;
          todo.push(w);
        }
      }
    }
    return seen;
  };
  const forward = reach(out);
  const backward = reach(into);
  // Stryker disable next-line LogicalOperator: the component only spares work: a loop through s lies in it, and a search outside it finds no way back to s
  return forward.map((f, v) => f && backward[v]);
}

export function feedbackLoops(graph: LinkGraph, shown = SHOWN_LOOPS, counted = COUNTED_LOOPS): FeedbackLoops {
  const n = graph.factorIds.length;
  // Stryker disable next-line ArrayDeclaration: a stray entry that is not a factor index is never inside a component
  const out: number[][] = Array.from({ length: n }, () => []);
  // Stryker disable next-line ArrayDeclaration: as above
  const into: number[][] = Array.from({ length: n }, () => []);
  const strength = new Map<number, number>();
  graph.interactionStrength.forEach((c, k) => {
    if (c === 0) return;
    const from = graph.interactionFrom[k];
    const to = graph.interactionTo[k];
    out[from].push(to);
    into[to].push(from);
    strength.set(from * n + to, c);
  });
  // Neighbours in index order: the order the loops are found in does not depend on the file's order of links.
  for (const list of out) list.sort((a, b) => a - b);

  const found: number[][] = [];
  const path: number[] = [];
  // Stryker disable next-line ArrayDeclaration: every entry is reset before it is read
  const blocked: boolean[] = [];
  const blockedBy: Set<number>[] = Array.from({ length: n }, () => new Set());
  let full = false;

  const unblock = (v: number): void => {
    blocked[v] = false;
    for (const w of blockedBy[v]) {
      blockedBy[v].delete(w);
      // Stryker disable next-line ConditionalExpression: unblocking more than needed costs work, not loops
      if (blocked[w]) unblock(w);
    }
  };

  for (let s = 0; s < n && !full; s++) {
    const inside = componentOf(s, out, into);
    // Stryker disable next-line BlockStatement,ConditionalExpression,EqualityOperator: (v >= n: no reset at all; v <= n fails on blockedBy[n]) a start factor's search leaves every factor it blocked unblocked (each reaches s, and a search that closes unblocks along every route back), so the reset undoes nothing; the same loops on every graph of up to 5 factors
    for (let v = s; v < n; v++) {
      blocked[v] = false;
      blockedBy[v].clear();
    }
    // Whether a path from v back to s was found (Johnson's CIRCUIT).
    const circuit = (v: number): boolean => {
      // Stryker disable next-line BooleanLiteral: as closed, every factor is unblocked on the way back: a plain search of every path, slower, with the same loops
      let closed = false;
      path.push(v);
      blocked[v] = true;
      for (const w of out[v]) {
        if (full) break;
        if (!inside[w]) continue;
        if (w === s) {
          found.push([...path]);
          closed = true;
          full = found.length > counted;
        } else if (!blocked[w] && circuit(w)) closed = true;
      }
      // Stryker disable next-line ConditionalExpression: as above, unblocking more costs work, not loops
      if (closed) unblock(v);
      else {
        // Stryker disable next-line ConditionalExpression: a factor outside the component is never searched, so what it would unblock is never read
        for (const w of out[v]) if (inside[w]) blockedBy[w].add(v);
      }
      path.pop();
      return closed;
    };
    circuit(s);
  }

  if (full) found.pop();
  const loops = found.map((cycle): FeedbackLoop => {
    let gain = 1;
    let negative = 0;
    cycle.forEach((v, k) => {
      const c = strength.get(v * n + cycle[(k + 1) % cycle.length])!;
      gain *= c;
      // Stryker disable next-line EqualityOperator,UpdateOperator: no link kept has strength 0, and counting down gives the same parity
      if (c < 0) negative++;
    });
    // The sign from the count of negative links, not from the product, which could underflow to 0.
    return {
      factors: cycle.map((v) => graph.factorIds[v]),
      sign: negative % 2 === 0 ? 'reinforcing' : 'balancing',
      gain
    };
  });
  // Array.prototype.sort is stable: equal gains keep the order found.
  loops.sort((a, b) => Math.abs(b.gain) - Math.abs(a.gain));
  const reinforcing = loops.filter((l) => l.sign === 'reinforcing').length;
  return { listed: loops.slice(0, shown), total: found.length, reinforcing, complete: !full };
}
