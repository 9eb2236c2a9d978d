// The error map's message for every kind of issue, including the kinds the .mizan schema does
// not raise today (a true/false field, an exclusive bound, a minimum length…): a field added to
// the schema later gets these words, so each is written out here in full, by hand.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { issueMessage, locateIssues } from '../../src/engine/format/messages';
import { describeValue, formatPath } from '../../src/engine/format/problems';

/** The problems a person reads when `value` is checked against `schema` (as loadDocument checks a file). */
function problemsOf(schema: z.ZodType, value: unknown): { path: string; message: string }[] {
  const parsed = schema.safeParse(value, { error: issueMessage, reportInput: true });
  if (parsed.success) return [];
  return locateIssues(parsed.error.issues).map((p) => ({ path: formatPath(p.at), message: p.message }));
}

/** Table rows [schema of a field, value found, message] as named cases. */
const cases = (rows: [z.ZodType, unknown, string][]) =>
  rows.map(([field, value, message]) => ({ field, value, message }));

/** The one message for `value` in field `x` of an object. */
function messageOf(field: z.ZodType, value: unknown): string {
  const problems = problemsOf(z.object({ x: field }), { x: value });
  expect(problems, JSON.stringify(problems)).toHaveLength(1);
  expect(problems[0].path).toBe('x');
  return problems[0].message;
}

describe('types', () => {
  it.each(
    cases([
      [z.boolean(), 1, 'must be true or false (found 1)'],
      [z.null(), 0, 'must be null (found 0)'],
      [z.number(), false, 'must be a number (found false)'],
      [z.number().int(), 2.5, 'must be a whole number (found 2.5)'],
      [z.string(), null, 'must be text (found null)'],
      [z.object({}), [], 'must be an object { … } (found an empty list)'],
      [z.record(z.string(), z.number()), 'r', 'must be an object { … } (found text "r")'],
      [z.array(z.number()), {}, 'must be a list [ … ] (found an object)'],
      // a type without words of its own is named as zod names it
      [z.bigint(), 5, 'must be of type bigint (found 5)']
    ])
  )('$message', ({ field, value, message }) => {
    expect(messageOf(field, value)).toBe(message);
  });

  it('a number that is not finite is named as such, whole or not', () => {
    expect(messageOf(z.number(), Number.NaN)).toBe('must be a finite number (found NaN)');
    expect(messageOf(z.number().int(), Number.POSITIVE_INFINITY)).toBe(
      'must be a finite number (found a number too large to represent)'
    );
    // zod's whole-number type (z.int()) too: its own type check names such a number a 'number'
    expect(messageOf(z.int(), Number.NEGATIVE_INFINITY)).toBe(
      'must be a finite number (found a number too large to represent)'
    );
    expect(messageOf(z.int(), Number.NaN)).toBe('must be a finite number (found NaN)');
  });

  it('a value that is not finite where text goes is not taken for a number', () => {
    expect(messageOf(z.string(), Number.NEGATIVE_INFINITY)).toBe(
      'must be text (found a number too large to represent)'
    );
  });

  it('a missing field is required, whatever its type', () => {
    expect(problemsOf(z.object({ x: z.boolean() }), {})).toEqual([{ path: 'x', message: 'is required' }]);
    expect(problemsOf(z.object({ x: z.union([z.number(), z.string()]) }), {})).toEqual([
      { path: 'x', message: 'is required' }
    ]);
  });
});

describe('sizes', () => {
  it.each(
    cases([
      [z.number().max(10), 11, 'must be at most 10 (found 11)'],
      [z.number().lt(10), 10, 'must be less than 10 (found 10)'],
      [z.number().min(-1), -2, 'must be at least -1 (found -2)'],
      [z.number().gt(0), 0, 'must be more than 0 (found 0)'],
      [z.string().max(1), 'ab', 'must be at most 1 character long (found 2)'],
      [z.string().max(3), 'abcd', 'must be at most 3 characters long (found 4)'],
      [z.string().min(1), '', 'must be at least 1 character long (found 0)'],
      [z.string().min(2), 'a', 'must be at least 2 characters long (found 1)'],
      [z.array(z.number()).max(1), [1, 2], 'must have at most 1 item (found 2)'],
      [z.array(z.number()).max(2), [1, 2, 3], 'must have at most 2 items (found 3)'],
      [z.array(z.number()).min(1), [], 'must have at least 1 item (found none)'],
      [z.array(z.number()).min(3), [1, 2], 'must have at least 3 items (found 2)'],
      [z.number().multipleOf(5), 7, 'must be a multiple of 5 (found 7)']
    ])
  )('$message', ({ field, value, message }) => {
    expect(messageOf(field, value)).toBe(message);
  });
});

describe('forms and values', () => {
  it.each(
    cases([
      [z.iso.datetime(), 'noon', 'must be a date and time like "2024-10-11T09:30:00Z" (found text "noon")'],
      // a pattern with no words of its own
      [z.string().regex(/^[a-z]+$/), 'A1', 'does not have the expected form (found text "A1")'],
      // a pattern with words of its own gets the value found appended, once
      [z.string().regex(/^[a-z]+$/, 'must be small letters'), 'A1', 'must be small letters (found text "A1")'],
      [z.literal('mizan-scenario'), 'other', 'must be "mizan-scenario" (found text "other")'],
      [z.enum(['en', 'ar']), 'fr', 'must be "en" or "ar" (found text "fr")'],
      [z.enum(['low', 'mid', 'high']), 'top', 'must be one of "low", "mid", "high" (found text "top")']
    ])
  )('$message', ({ field, value, message }) => {
    expect(messageOf(field, value)).toBe(message);
  });

  it('names unknown fields where the object allows none', () => {
    expect(problemsOf(z.strictObject({ a: z.number() }), { a: 1, b: 2, 'c d': 3 })).toEqual([
      { path: '', message: 'has unknown fields: "b", "c d"' }
    ]);
  });

  it('names a record key that is not accepted, with the key rule’s words', () => {
    const record = z.record(z.string().regex(/^[a-z]+$/, 'must be small letters'), z.number());
    expect(problemsOf(record, { ok: 1, Bad: 2 })).toEqual([
      { path: 'Bad', message: 'is not a valid id: it must be small letters' }
    ]);
  });

  it('names a record key that is not accepted without a colon when the key rule has no words', () => {
    const record = z.record(
      z.string().refine((key) => key === key.toLowerCase(), { message: '' }),
      z.number()
    );
    expect(problemsOf(record, { ok: 1, Bad: 2 })).toEqual([{ path: 'Bad', message: 'is not a valid id' }]);
  });
});

describe('other rules', () => {
  it('a rule without words of its own gets zod’s', () => {
    expect(
      messageOf(
        z.string().refine(() => false),
        'a'
      )
    ).toBe('Invalid input');
  });
});

describe('unions', () => {
  it.each(
    cases([
      [z.union([z.literal(1), z.literal(-1)]), 0, 'must be 1 or -1 (found 0)'],
      [z.union([z.literal('a'), z.literal('b'), z.literal('c')]), 'd', 'must be one of "a", "b", "c" (found text "d")'],
      // a number or a range: the range's words, with the number's bounds when it has both
      [
        z.union([z.number().min(0).max(10), z.object({ low: z.number(), mode: z.number(), high: z.number() })]),
        'x',
        'must be a number from 0 to 10 or a range {low, mode, high} (found text "x")'
      ],
      [
        z.union([z.number().min(0), z.object({ low: z.number(), mode: z.number(), high: z.number() })]),
        true,
        'must be a number or a range {low, mode, high} (found true)'
      ],
      [
        z.union([z.number(), z.object({ low: z.number(), mode: z.number(), high: z.number() })]),
        null,
        'must be a number or a range {low, mode, high} (found null)'
      ],
      // anything else
      [z.union([z.string(), z.number()]), false, 'is not an accepted value (found false)']
    ])
  )('$message', ({ field, value, message }) => {
    expect(messageOf(field, value)).toBe(message);
  });

  it('reports the problems of the one alternative the value plainly meant', () => {
    const field = z.union([z.number(), z.object({ low: z.number().max(5), mode: z.number() })]);
    expect(problemsOf(z.object({ x: field }), { x: { low: 6, mode: 'm' } })).toEqual([
      { path: 'x.low', message: 'must be at most 5 (found 6)' },
      { path: 'x.mode', message: 'must be a number (found text "m")' }
    ]);
  });

  it('a union of a word and a number is not a list of words', () => {
    expect(messageOf(z.union([z.literal('none'), z.number()]), true)).toBe('is not an accepted value (found true)');
  });

  it('a value that is not the word of one alternative meant the other', () => {
    const field = z.union([z.literal('none'), z.object({ a: z.number() })]);
    expect(problemsOf(z.object({ x: field }), { x: {} })).toEqual([{ path: 'x.a', message: 'is required' }]);
  });

  it('says "not accepted" when the value could have meant two alternatives', () => {
    const field = z.union([z.object({ a: z.number() }), z.object({ b: z.number() })]);
    expect(problemsOf(z.object({ x: field }), { x: {} })).toEqual([
      { path: 'x', message: 'is not an accepted value (found an object)' }
    ]);
  });
});

describe('describeValue: how a value found is named', () => {
  it.each([
    [undefined, 'nothing'],
    [null, 'null'],
    [true, 'true'],
    [false, 'false'],
    [0, '0'],
    [-2.5, '-2.5'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'a number too large to represent'],
    ['', 'empty text'],
    ['abc', 'text "abc"'],
    ['say "hi"', 'text "say \\"hi\\""'],
    [[], 'an empty list'],
    [[0], 'a list of 1 item'],
    [[0, 1], 'a list of 2 items'],
    [{}, 'an object'],
    // never in a file, which holds JSON; still named rather than mistaken for an object
    [() => 1, 'a value of type function'],
    [5n, 'a value of type bigint']
  ])('%s is %s', (value, name) => {
    expect(describeValue(value)).toBe(name);
  });

  it('cuts a long text at 40 characters, never inside one', () => {
    expect(describeValue('x'.repeat(40))).toBe(`text "${'x'.repeat(40)}"`);
    expect(describeValue('x'.repeat(41))).toBe(`text "${'x'.repeat(40)}…"`);
    // 50 characters outside the Basic Multilingual Plane, two UTF-16 units each
    expect(describeValue('😀'.repeat(50))).toBe(`text "${'😀'.repeat(40)}…"`);
    expect(describeValue('😀'.repeat(40))).toBe(`text "${'😀'.repeat(40)}"`);
  });
});
