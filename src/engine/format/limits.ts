/** Caps on what a .mizan file may hold: a file is untrusted input. */
export const LIMITS = {
  fileBytes: 10 * 1024 * 1024,
  /** Deepest nesting of arrays/objects; a valid file needs about 8. */
  nesting: 64,
  factors: 60,
  scenarios: 20,
  horizonMonths: 120,
  runs: 200_000,
  interactions: 60 * 59,
  eventsPerScenario: 500,
  /** Correlations between a scenario's sampled inputs (5 per factor: every pair of 60 is 44 850). */
  correlationsPerScenario: 1000,
  evidence: 1000,
  /** Observations of what happened (readings and outcomes). */
  observations: 1000,
  labelChars: 500,
  textChars: 20_000
} as const;
