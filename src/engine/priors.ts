// The scenarios' prior weights (docs/MODEL.md, "Tracking"): a scenario's `probability`, or, when
// it gives none, the mean of those given (so that a scenario added to a weighted set gets an
// average share), or equal weights when none gives one; then normalised to sum to 1. All zero
// stays all zero: the references check names that as a problem.

/** The normalised priors of scenarios whose probabilities are `given` (null: not given). */
export function observationPriors(given: readonly (number | null)[]): number[] {
  const stated = given.filter((p): p is number => p !== null);
  const fill = stated.length === 0 ? 1 : stated.reduce((a, b) => a + b, 0) / stated.length;
  const weights = given.map((p) => p ?? fill);
  const total = weights.reduce((a, b) => a + b, 0);
  return total > 0 ? weights.map((w) => w / total) : weights.map(() => 0);
}
