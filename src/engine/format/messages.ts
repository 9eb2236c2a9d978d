// Plain-English messages for schema problems, written for an analyst rather than a
// programmer: "must be at most 1 (found 1.5)", "is required". Plugged into zod 4 as a
// per-parse error map (`safeParse(data, { error: issueMessage, reportInput: true })`),
// plus `locateIssues`, which turns zod's issues into located problems and replaces an
// "invalid union" by the problems of the alternative the value evidently meant.
import type { z } from 'zod';
import { describeValue, type Located, type PathSegment } from './problems';

type RawIssue = z.core.$ZodRawIssue;
type Issue = z.core.$ZodIssue;

const found = (input: unknown) => ` (found ${describeValue(input)})`;

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

const EXPECTED: Record<string, string> = {
  number: 'must be a number',
  int: 'must be a whole number',
  string: 'must be text',
  boolean: 'must be true or false',
  object: 'must be an object { … }',
  record: 'must be an object { … }',
  array: 'must be a list [ … ]',
  null: 'must be null'
};

type Bag = { minValue?: number | null; maxValue?: number | null };
type Def = { type?: string; values?: unknown[]; options?: unknown[] };

function defOf(schema: unknown): Def {
  // Stryker disable next-line OptionalChaining: every zod schema has _zod
  const zod = (schema as { _zod?: { def?: Def } } | undefined)?._zod;
  // Stryker disable next-line OptionalChaining: every zod schema has _zod.def
  return zod?.def ?? {};
}

/** The message for a union that no alternative matched: "must be a number from 0 to 10 or a range {low, mode, high}". */
function unionMessage(inst: unknown, input: unknown): string {
  if (input === undefined) return 'is required';
  // Stryker disable next-line ArrayDeclaration: a union's definition always lists its options
  const options = defOf(inst).options ?? [];
  const kinds = options.map((o) => defOf(o));
  if (
    kinds.every((d) => d.type === 'literal') &&
    // Stryker disable next-line ConditionalExpression,EqualityOperator: every union of the schema has two or more options
    kinds.length > 0
  ) {
    // Stryker disable next-line ArrayDeclaration: a literal's definition always lists its values
    const values = kinds.flatMap((d) => d.values ?? []).map((v) => JSON.stringify(v));
    const list = values.length <= 2 ? values.join(' or ') : `one of ${values.join(', ')}`;
    return `must be ${list}${found(input)}`;
  }
  const numberOption = options.find((o) => defOf(o).type === 'number') as Bag | undefined;
  const hasRange = kinds.some((d) => d.type === 'object');
  if (numberOption && hasRange) {
    const lo = numberOption.minValue;
    const hi = numberOption.maxValue;
    const span = Number.isFinite(lo) && Number.isFinite(hi) ? ` from ${lo} to ${hi}` : '';
    return `must be a number${span} or a range {low, mode, high}${found(input)}`;
  }
  return `is not an accepted value${found(input)}`;
}

/** The zod 4 error map: a message for every kind of issue this schema can raise. */
export function issueMessage(issue: RawIssue): string | undefined {
  const input = issue.input;
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return 'is required';
      // zod names a number that is not finite as expected 'number', even where a whole one goes
      if (issue.expected === 'number' && typeof input === 'number' && !Number.isFinite(input)) {
        return `must be a finite number${found(input)}`;
      }
      const what = EXPECTED[issue.expected] ?? `must be of type ${issue.expected}`;
      return `${what}${found(input)}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      const inclusive = issue.inclusive !== false;
      // The kind of value tells the kind of limit: a string's length checks see only strings, a list's only lists.
      if (typeof input === 'string') {
        return `must be at most ${plural(max, 'character', 'characters')} long (found ${input.length})`;
      }
      if (Array.isArray(input)) {
        return `must have at most ${plural(max, 'item', 'items')} (found ${input.length})`;
      }
      return `must be ${inclusive ? 'at most' : 'less than'} ${max}${found(input)}`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      const inclusive = issue.inclusive !== false;
      if (typeof input === 'string') {
        return `must be at least ${plural(min, 'character', 'characters')} long (found ${input.length})`;
      }
      if (Array.isArray(input)) {
        return `must have at least ${plural(min, 'item', 'items')} (found ${input.length === 0 ? 'none' : input.length})`;
      }
      return `must be ${inclusive ? 'at least' : 'more than'} ${min}${found(input)}`;
    }
    case 'invalid_format':
      if (issue.format === 'datetime') return `must be a date and time like "2024-10-11T09:30:00Z"${found(input)}`;
      return `does not have the expected form${found(input)}`;
    case 'invalid_value': {
      // Stryker disable next-line ArrayDeclaration: an invalid_value issue always lists the values
      const values = (issue.values ?? []).map((v) => JSON.stringify(v));
      return `must be ${values.length <= 2 ? values.join(' or ') : `one of ${values.join(', ')}`}${found(input)}`;
    }
    case 'invalid_union':
      return unionMessage(issue.inst, input);
    case 'invalid_key': {
      // Stryker disable next-line OptionalChaining: an invalid_key issue always carries the key's own issues
      const inner = issue.issues?.[0]?.message;
      return `is not a valid id${inner ? `: it ${inner}` : ''}`;
    }
    case 'unrecognized_keys':
      // Stryker disable next-line ArrayDeclaration: an unrecognized_keys issue always lists the keys
      return `has unknown fields: ${(issue.keys ?? []).map((k) => JSON.stringify(k)).join(', ')}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}${found(input)}`;
    // Stryker disable next-line ConditionalExpression: falling out of the switch returns undefined too
    default:
      return undefined;
  }
}

function isRootTypeMismatch(branch: readonly Issue[]): boolean {
  // Stryker disable next-line MethodExpression: a branch that fails on the value's type has that one issue (zod stops there)
  return branch.some(
    (i) =>
      i.path.length === 0 &&
      // Stryker disable next-line ConditionalExpression: zod reports a union only when each branch stopped on a type issue (it reports a lone branch that went on itself), and no other check runs at the root of a stopped branch
      (i.code === 'invalid_type' || i.code === 'invalid_value')
  );
}

const toSegments = (path: readonly PropertyKey[]): PathSegment[] =>
  // Stryker disable next-line ConditionalExpression: zod's path steps are numbers or strings, and String() of a string is itself
  path.map((p) => (typeof p === 'number' ? p : String(p)));

/**
 * Zod issues as located problems. A failed union whose input clearly meant one alternative
 * (an object where a number or range goes) reports that alternative's problems, so
 * `{ "low": 8, "mode": 7, "high": 9 }` says "low (8) must not exceed mode (7)", not "invalid".
 * Schema-level messages that do not show the value found get it appended.
 */
export function locateIssues(issues: readonly Issue[], prefix: readonly PathSegment[] = []): Located[] {
  const out: Located[] = [];
  for (const issue of issues) {
    const at = [...prefix, ...toSegments(issue.path)];
    if (issue.code === 'invalid_union') {
      const meant = issue.errors.filter((branch) => !isRootTypeMismatch(branch));
      if (
        meant.length === 1 &&
        // Stryker disable next-line ConditionalExpression,EqualityOperator: zod reports a union only when every branch has an issue
        meant[0].length > 0
      ) {
        out.push(...locateIssues(meant[0], at));
        continue;
      }
    }
    let message = issue.message;
    const input = (issue as { input?: unknown }).input;
    if (
      issue.code === 'invalid_format' &&
      // Stryker disable next-line ConditionalExpression: zod is asked for the input (reportInput), and a format check sees only text
      input !== undefined &&
      !message.includes('(found')
    )
      message += found(input);
    out.push({ at, message });
  }
  return out;
}
