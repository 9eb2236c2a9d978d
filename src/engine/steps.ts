// Work done in steps (a generator that yields between them, so a caller can show progress or
// stop) is also wanted all at once: this runs every step and returns the result.

/** Runs a stepwise computation to its end and returns what it returns. */
export function runToEnd<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
