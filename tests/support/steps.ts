// Runs a stepwise computation (a generator of steps) to its end, keeping the steps it yielded.
export function drain<S, T>(steps: Generator<S, T>): { result: T; steps: S[] } {
  const seen: S[] = [];
  for (;;) {
    const next = steps.next();
    if (next.done) return { result: next.value, steps: seen };
    seen.push(next.value);
  }
}
