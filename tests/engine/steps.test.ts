// runToEnd runs a stepwise computation (a generator) through every step and returns its result.
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../src/engine/steps';

describe('runToEnd', () => {
  it('runs every step, in order, and returns what the computation returns', () => {
    const seen: number[] = [];
    function* steps(): Generator<number, string> {
      for (let i = 1; i <= 3; i++) {
        seen.push(i);
        yield i;
      }
      return 'done';
    }
    expect(runToEnd(steps())).toBe('done');
    expect(seen).toEqual([1, 2, 3]);
  });

  it('a computation with no steps returns at once', () => {
    // eslint-disable-next-line require-yield -- no step at all is the case under test
    function* none(): Generator<never, number> {
      return 42;
    }
    expect(runToEnd(none())).toBe(42);
  });
});
