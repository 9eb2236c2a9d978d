// The Cholesky factor of a symmetric matrix, or the pair of indices that makes it fail to be
// positive definite: what Iman–Conover needs of a target correlation matrix (issue 12: "a matrix
// that is not positive definite is a clear problem naming the pair").

/**
 * A pivot at or below this is a matrix singular to rounding: a correlation of ±1 between two
 * inputs, or correlations that together force one input to be a combination of others.
 */
const SMALLEST_PIVOT = 1e-10;

export type CholeskyResult =
  | { ok: true; /** L, row-major k × k, lower triangular, with L·Lᵀ = the matrix. */ lower: Float64Array }
  | {
      ok: false;
      /**
       * [i, j], i ≤ j: the leading rows 0 … i with row j are already not positive definite while
       * rows 0 … i − 1 with j are, so the entry (i, j) is the one that breaks the matrix given the
       * entries before it ([j, j] when the diagonal entry itself is not positive).
       */
      pair: [number, number];
    };

/** Cholesky–Banachiewicz, row by row, of the symmetric k × k matrix `a` (row-major; the lower triangle is read). */
export function cholesky(a: Float64Array, k: number): CholeskyResult {
  const lower = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    let pivot = a[j * k + j];
    if (!(pivot > SMALLEST_PIVOT)) return { ok: false, pair: [j, j] };
    for (let m = 0; m < j; m++) {
      let s = a[j * k + m];
      // Stryker disable next-line EqualityOperator: at p = m the term's lower[j·k + m] is not yet written (0): p ≤ m adds 0
      for (let p = 0; p < m; p++) s -= lower[j * k + p] * lower[m * k + p];
      const value = s / lower[m * k + m];
      lower[j * k + m] = value;
      // After m: the last pivot of the submatrix of rows 0 … m and j. It only falls as m grows,
      // so the first m where it is gone names the entry that breaks the matrix.
      pivot -= value * value;
      if (!(pivot > SMALLEST_PIVOT)) return { ok: false, pair: [m, j] };
    }
    lower[j * k + j] = Math.sqrt(pivot);
  }
  return { ok: true, lower };
}
