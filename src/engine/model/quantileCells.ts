// Exact quantiles of values that come in blocks, in memory that does not grow with their number
// (as fast as the count of the values, about): the values are counted into cells cut at a pilot
// sample's order statistics, and only the values of the cells that may hold an order statistic a
// quantile interpolates between are kept. Which cells those are is known better as the counts
// grow: the cells kept narrow to those within `margin` standard errors of each level, and a cell
// let go is never taken back. At the end, when a needed cell was let go (a rare miss, or a margin
// of 0), a second pass over the same values keeps it (the streamed Monte Carlo simulates its runs
// again: run r depends only on (seed, r)). The quantiles are those of quantilesOf on all the
// values, bit for bit: the same order statistics, interpolated the same way.
import { interpolate } from './stats';

/** Cells cut from the pilot: about as many values of the whole set fall in each. */
const EDGES = 1024;

/** Equal slots over the edges' range, each knowing its edges, so that finding a value's cell searches a few edges, not all. */
const SLOTS = 4096;

/**
 * How far from a level, in standard errors of its estimate from the values counted so far, a cell
 * is still kept. At 8 a needed cell is let go about once in 10¹⁴ looks; the values kept then
 * shrink as 1/√(values counted): at 200 000 values, about 7 % of them.
 */
export const CELL_MARGIN = 8;

/**
 * The cells of one month's values. Cut at the distinct edges e_0 < … < e_{E−1} taken from the
 * pilot, cell 2k + 1 holds the values equal to e_k and cell 2k those strictly between e_{k−1} and
 * e_k (cell 0 those below e_0, cell 2E those above e_{E−1}). A value the pilot holds often (T
 * pinned at 0 or 100, a month every run starts alike) is an edge, and its cell needs no keeping:
 * its order statistics are the edge. The other cells hold about n / E values each.
 */
export class QuantileCells {
  private readonly edges: Float64Array;
  /** The first edge whose slot is s or later (slotOf), for s = 0 … SLOTS. */
  private readonly slotEdges: Uint16Array;
  private readonly lowest: number;
  private readonly slotScale: number;
  private readonly counts: Uint32Array;
  /** Values counted into cells before cell c, once counting is over (prefix sums of counts). */
  private before: Uint32Array | null = null;
  /** Whether cell c's values are still kept: 0 once let go (and for an edge's cell, which needs none). */
  private readonly watched: Uint8Array;
  /** The values of each watched cell, since the first (undefined until it has one). */
  private readonly seen: (number[] | undefined)[];
  /** The cells of a block's values, reused from block to block. */
  private blockCells = new Uint16Array(0);
  /** The cells holding the order statistics the levels interpolate between, once counting is over. */
  private needed: Set<number> = new Set();
  /** Cells a second pass keeps, and the values it has kept of each. */
  private readonly missing = new Map<number, { values: Float64Array; filled: number }>();

  /**
   * `pilot`: some of the values (any of them, not copied), whose order statistics cut the cells;
   * `levels`: the quantiles to give, of `total` values in all.
   */
  constructor(
    pilot: Float64Array,
    private readonly levels: readonly number[],
    private readonly total: number,
    private readonly margin = CELL_MARGIN
  ) {
    if (pilot.length === 0) throw new RangeError('quantile cells need a pilot of at least one value');
    const sorted = Float64Array.from(pilot).sort();
    const edges: number[] = [];
    // Stryker disable next-line MethodExpression: a step of 1 makes every distinct pilot value an edge: more cells, the same quantiles
    const step = Math.max(1, sorted.length / EDGES);
    // Stryker disable next-line EqualityOperator: sorted[length] is undefined, never above the last edge
    for (let k = 0; k < sorted.length; k += step) {
      const edge = sorted[Math.floor(k)];
      // Stryker disable next-line ConditionalExpression,EqualityOperator: an edge twice leaves an empty cell between its two copies: the same order statistics
      if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
    }
    this.edges = Float64Array.from(edges);
    this.lowest = edges[0];
    // The slots only shorten the search: any scale gives nondecreasing slots, so the same cells (tests/engine/streamed.test.ts).
    // Stryker disable next-line ArithmeticOperator: see above
    const span = edges[edges.length - 1] - edges[0];
    // A span of one value, or one so small (subnormal) that SLOTS / span overflows: one slot, searched whole.
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: see above (a scale of 0 is one slot; Infinity alone breaks it, and the subnormal test catches that)
    this.slotScale = span > 0 && Number.isFinite(SLOTS / span) ? SLOTS / span : 0;
    this.slotEdges = new Uint16Array(SLOTS + 1);
    for (let slot = 0, k = 0; slot <= SLOTS; slot++) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: edges[length] is undefined, whose slot NaN is below no slot
      while (k < edges.length && this.slotOf(edges[k]) < slot) k++;
      this.slotEdges[slot] = k;
    }
    const cells = 2 * edges.length + 1;
    this.counts = new Uint32Array(cells);
    this.watched = Uint8Array.from({ length: cells }, (_, c) => (c % 2 === 0 ? 1 : 0));
    // Stryker disable next-line ArrayDeclaration: an array without a length fills the same
    this.seen = new Array<number[] | undefined>(cells);
  }

  /** The slot of a value at or above the lowest edge: nondecreasing in it, so an edge in an earlier slot is below the value, one in a later slot above. */
  private slotOf(v: number): number {
    // Stryker disable next-line ArithmeticOperator: v + lowest is nondecreasing in v too (see the constructor)
    return Math.min(SLOTS - 1, Math.floor((v - this.lowest) * this.slotScale));
  }

  /** The cell of value v (the values are never NaN: T is a sum over weights with a positive total). */
  private cellOf(v: number): number {
    const { edges } = this;
    // Stryker disable next-line EqualityOperator: the lowest edge in cell 0 rather than its own: cell 0 keeps it with the values below, the same order statistics
    if (v < this.lowest) return 0;
    const slot = this.slotOf(v);
    let lo = this.slotEdges[slot];
    let hi = this.slotEdges[slot + 1];
    // lo ends as the number of edges at or below v: every edge before the slot's is below it, every one after above.
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (edges[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: at lo = 0, edges[−1] is undefined, never v
    return lo > 0 && edges[lo - 1] === v ? 2 * lo - 1 : 2 * lo;
  }

  /**
   * The first pass: counts a block of the values, lets go of the cells now out of reach, and keeps
   * the block's values of those still watched (the cells are judged first, so that the first block
   * does not keep all of its values).
   */
  count(values: Float64Array): void {
    if (this.before !== null) throw new Error('the values were already counted; keep() is the second pass');
    const { counts, seen, watched } = this;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a new scratch array every block holds the same cells
    if (this.blockCells.length < values.length) this.blockCells = new Uint16Array(values.length);
    const cells = this.blockCells;
    // Stryker disable next-line EqualityOperator: values[length] is undefined, its cell NaN: no count
    for (let i = 0; i < values.length; i++) counts[(cells[i] = this.cellOf(values[i]))]++;
    this.letGo();
    // Stryker disable next-line EqualityOperator: cells[length] is a stale cell or undefined, values[length] undefined: an extra undefined sorts as NaN, last, past the cell's values
    for (let i = 0; i < values.length; i++) {
      const cell = cells[i];
      // Stryker disable next-line ArrayDeclaration: an extra first item becomes NaN, which sorts last, past the cell's values
      if (watched[cell] === 1) (seen[cell] ??= []).push(values[i]);
    }
  }

  /** Lets go of the cells that no level's order statistics can reach, as far as the counts so far tell. */
  private letGo(): void {
    const { counts, seen, watched, margin } = this;
    const before = prefixSums(counts);
    const n = before[counts.length];
    // Nothing counted yet: nothing to tell.
    if (n === 0) return;
    const inReach = new Uint8Array(counts.length);
    for (const p of this.levels) {
      const reach = margin * Math.sqrt((p * (1 - p)) / n);
      // Stryker disable next-line ArithmeticOperator: a rank one higher keeps a cell less at most, which a second pass makes up for (plan() then says so)
      const low = cellOfRank(before, Math.floor(Math.max(0, p - reach) * (n - 1)));
      const high = cellOfRank(before, Math.ceil(Math.min(1, p + reach) * (n - 1)));
      // Stryker disable next-line ArithmeticOperator: one cell less kept, which a second pass makes up for
      inReach.fill(1, low, high + 1);
    }
    // Stryker disable next-line EqualityOperator: cell counts.length does not exist: writes past the end are dropped
    for (let c = 0; c < counts.length; c++)
      if (inReach[c] === 0) {
        watched[c] = 0;
        seen[c] = undefined;
      }
  }

  /**
   * Ends the first pass: true when a second one must keep values (a cell holding an order
   * statistic was let go), to be given to keep().
   */
  plan(): boolean {
    const { counts, watched } = this;
    const before = prefixSums(counts);
    if (before[counts.length] !== this.total)
      throw new Error(`counted ${before[counts.length]} values of ${this.total}`);
    this.before = before;
    this.needed = this.neededCells();
    for (const cell of this.needed) {
      // An edge's cell holds only the edge: nothing to keep.
      if (cell % 2 === 0 && watched[cell] === 0)
        this.missing.set(cell, { values: new Float64Array(counts[cell]), filled: 0 });
    }
    return this.missing.size > 0;
  }

  /** The cells holding the order statistics the levels interpolate between, each once. */
  private neededCells(): Set<number> {
    const n = this.total;
    return new Set(
      this.levels.flatMap((p) => {
        const j = Math.floor((n - 1) * p);
        // Stryker disable next-line ArithmeticOperator: rank n does not exist; its cell, the last, holds none of the ranks read
        return [j, Math.min(j + 1, n - 1)].map((rank) => cellOfRank(this.before!, rank));
      })
    );
  }

  /** The second pass, when plan() asked for it: keeps the values of a block (the same values as counted, in any blocks) of the cells let go too soon. */
  keep(values: Float64Array): void {
    if (this.before === null) throw new Error('plan() comes between count() and keep()');
    const { missing } = this;
    // Stryker disable next-line EqualityOperator: values[length] is undefined, its cell NaN, which is no missing cell
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      const cell = missing.get(this.cellOf(v));
      if (cell !== undefined) cell.values[cell.filled++] = v;
    }
  }

  /** After the passes: the quantiles at the levels, as quantilesOf gives them of all the values. */
  quantiles(): number[] {
    const { before, seen, watched, missing, edges } = this;
    if (before === null) throw new Error('quantiles() comes after count() and plan()');
    const sorted = new Map<number, Float64Array>();
    for (const [cell, { values, filled }] of missing) {
      if (filled !== values.length) throw new Error('the second pass did not see the values the first one counted');
      sorted.set(cell, values.sort());
    }
    // A cell still watched holds at least the order statistic it was needed for.
    for (const cell of this.needed) if (watched[cell] === 1) sorted.set(cell, Float64Array.from(seen[cell]!).sort());
    const orderStatistic = (j: number) => {
      const cell = cellOfRank(before, j);
      return cell % 2 === 1 ? edges[(cell - 1) / 2] : sorted.get(cell)![j - before[cell]];
    };
    return this.levels.map((p) => interpolate(this.total, p, orderStatistic));
  }

  /** How many values the cells hold now (what the first pass costs in memory). */
  get heldValues(): number {
    let held = 0;
    for (const values of this.seen) held += values?.length ?? 0;
    for (const { values } of this.missing.values()) held += values.length;
    return held;
  }
}

/** How many values come before each cell: before[c] = counts[0] + … + counts[c − 1], for c up to the number of cells. */
function prefixSums(counts: Uint32Array): Uint32Array {
  const before = new Uint32Array(counts.length + 1);
  // Stryker disable next-line EqualityOperator: before[length + 1] is past the end: the write is dropped
  for (let c = 0; c < counts.length; c++) before[c + 1] = before[c] + counts[c];
  return before;
}

/** The cell holding the order statistic of rank j (0-based), from the prefix sums of the counts. */
function cellOfRank(before: Uint32Array, j: number): number {
  let lo = 0;
  // Stryker disable next-line ArithmeticOperator: past the last cell, before[] is n or undefined, never at most j
  let hi = before.length - 2;
  // The last cell with at most j values before it.
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (before[mid] <= j) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
