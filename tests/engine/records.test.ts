// ownValue reads a record's own entry only: ids named after members of Object.prototype
// ("constructor", "toString") find nothing in a record without them, and their entry when there is one.
import { describe, expect, it } from 'vitest';
import { ownValue } from '../../src/engine/records';

describe('ownValue', () => {
  it('the entry for a key the record has, and undefined for one it lacks or no record', () => {
    expect(ownValue({ a: 1, b: 0 }, 'a')).toBe(1);
    expect(ownValue({ a: 1, b: 0 }, 'b')).toBe(0);
    expect(ownValue({ a: 1 }, 'c')).toBeUndefined();
    expect(ownValue(undefined, 'a')).toBeUndefined();
  });

  it('never a member of Object.prototype; an own entry of that name is found', () => {
    for (const key of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__']) {
      expect(ownValue<number>({ a: 1 }, key), key).toBeUndefined();
    }
    expect(ownValue(JSON.parse('{"constructor": 3, "toString": 4}') as Record<string, number>, 'constructor')).toBe(3);
    expect(ownValue(JSON.parse('{"constructor": 3, "toString": 4}') as Record<string, number>, 'toString')).toBe(4);
  });
});
