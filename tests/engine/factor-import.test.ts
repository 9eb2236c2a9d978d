// Factors from a spreadsheet (src/engine/factorImport.ts and the edit importFactors): the
// plan a sheet makes against a document — added, changed, unchanged — and every problem named
// by the sheet's row and column, checked against the schema's own bounds; then the edit that
// applies the plan as one document change that the file format accepts.
import { describe, expect, it } from 'vitest';
import { directionOf, numberOf, planFactorImport, type Cell } from '../../src/engine/factorImport';
import { Refused, importFactors, type EditError } from '../../src/engine/edits';
import { BOUNDS, LIMITS, validateDocument, type FactorDef, type MizanDoc } from '../../src/engine/format';
import { makeDocument } from '../support/documents';

const HEADER = ['id', 'label_en', 'label_ar', 'direction', 'weight', 'low', 'high'];
const doc = (): MizanDoc =>
  makeDocument([
    { id: 'oil', weight: 3 },
    { id: 'talks', direction: -1, weight: { low: 1, mode: 2, high: 4 } }
  ]);
const plan = (rows: Cell[][], d = doc()) => planFactorImport(d, [HEADER, ...rows]);

describe('numberOf and directionOf', () => {
  it('reads numbers written as a spreadsheet in English or Arabic writes them', () => {
    expect(numberOf(6.5)).toBe(6.5);
    expect(numberOf(' 6.5 ')).toBe(6.5);
    expect(numberOf('6,5')).toBe(6.5);
    expect(numberOf('٦٫٥')).toBe(6.5);
    expect(numberOf('۷')).toBe(7);
    expect(numberOf('−2')).toBe(-2);
    expect(numberOf('.5')).toBe(0.5);
    // More than one digit on either side of the point, a point with nothing after, a sign.
    expect(numberOf('12.5')).toBe(12.5);
    expect(numberOf('.25')).toBe(0.25);
    expect(numberOf('5.')).toBe(5);
    expect(numberOf('+3')).toBe(3);
    expect(numberOf('−.5')).toBe(-0.5);
    for (const bad of ['', 'five', '1e3', '6.5.1', '1,000,000', 'NaN', null, true, '5−', '1−2', '+−5', '−−5'])
      expect(numberOf(bad)).toBeNull();
    expect(numberOf(Number.NaN)).toBeNull();
  });

  it('reads a direction as a sign or a word in either language', () => {
    for (const up of [1, '1', '+1', '+', 'Raises', 'UP', 'يرفع']) expect(directionOf(up)).toBe(1);
    for (const down of [-1, '-1', '−1', '-', 'lowers', 'Down', 'يخفض']) expect(directionOf(down)).toBe(-1);
    for (const bad of [0, '2', 'sideways', '', null]) expect(directionOf(bad)).toBeNull();
  });
});

describe('planFactorImport', () => {
  it('adds the rows with new ids, with a plain weight or a range from low and high', () => {
    const result = plan([
      ['gas', 'Gas', 'الغاز', 1, 6.5, null, null],
      ['ships', 'Shipping', '', '-1', '4', '2', '7']
    ]);
    expect(result.problems).toEqual([]);
    expect(result.added).toEqual([
      { row: 2, factor: { id: 'gas', label: { en: 'Gas', ar: 'الغاز' }, direction: 1, weight: 6.5 } },
      {
        row: 3,
        factor: { id: 'ships', label: { en: 'Shipping', ar: '' }, direction: -1, weight: { low: 2, mode: 4, high: 7 } }
      }
    ]);
    expect(result.changed).toEqual([]);
  });

  it('changes a factor whose id is in the document, keeping what the sheet does not hold', () => {
    const d = doc();
    d.factors[0].description = { en: 'Brent', ar: 'برنت' };
    const result = plan([['oil', 'Oil prices', 'أسعار النفط', -1, 7, null, null]], d);
    expect(result.added).toEqual([]);
    expect(result.changed).toEqual([
      {
        row: 2,
        before: d.factors[0],
        after: {
          id: 'oil',
          label: { en: 'Oil prices', ar: 'أسعار النفط' },
          direction: -1,
          weight: 7,
          description: { en: 'Brent', ar: 'برنت' }
        }
      }
    ]);
  });

  it('counts a row that says what the factor already is as unchanged', () => {
    // makeDocument names each factor by its id in English only.
    const result = plan([['talks', 'talks', '', -1, 2, 1, 4]]);
    expect(result).toMatchObject({ added: [], changed: [], unchanged: 1, problems: [] });
  });

  it('names every problem by row and column, and leaves those rows out', () => {
    const result = plan([
      ['gas', 'Gas', '', 1, 12, null, null],
      ['1bad', 'Bad id', '', 1, 3, null, null],
      ['coal', '', '  ', 'sideways', 'five', null, null],
      ['gas', 'Gas again', '', 1, 3, null, null],
      ['tar', 'Tar', '', 1, 5, 6, null],
      ['wind', 'Wind', '', 1, 5, 6, 9],
      ['sun', 'Sun', '', 1, 5, 1, 4],
      ['ok', 'Fine', 'جيد', 1, BOUNDS.weight.max, BOUNDS.weight.min, BOUNDS.weight.max]
    ]);
    expect(result.problems).toEqual([
      { row: 2, column: 'weight', reason: 'out-of-range', found: '12' },
      { row: 3, column: 'id', reason: 'bad-id', found: '1bad' },
      { row: 4, column: null, reason: 'no-label' },
      { row: 4, column: 'direction', reason: 'bad-direction', found: 'sideways' },
      { row: 4, column: 'weight', reason: 'not-number', found: 'five' },
      { row: 5, column: 'id', reason: 'repeated-id', found: 'gas' },
      { row: 6, column: 'high', reason: 'half-range' },
      { row: 7, column: 'low', reason: 'low-above-weight', found: '6' },
      { row: 8, column: 'high', reason: 'high-below-weight', found: '4' }
    ]);
    expect(result.added.map((a) => a.factor.id)).toEqual(['ok']);
  });

  it('finds the header in any order, case and spacing, after blank rows, and numbers rows as the sheet does', () => {
    const result = planFactorImport(doc(), [
      [],
      ['', null],
      ['Weight', ' ID ', 'Label EN', 'label-ar', 'DIRECTION', 'notes'],
      [5, 'gas', 'Gas', '', '+1', 'ignored'],
      [null, null, '', ''],
      ['x', 'coal', 'Coal', '', 1]
    ]);
    expect(result.added.map((a) => [a.row, a.factor.id, a.factor.weight])).toEqual([[4, 'gas', 5]]);
    expect(result.problems).toEqual([{ row: 6, column: 'weight', reason: 'not-number', found: 'x' }]);
  });

  it('reads a column name with its words apart ("label - en", "Label  EN") and ignores unknown or unnamed columns, even twice', () => {
    const result = planFactorImport(doc(), [
      ['notes', 'ID', 'label - en', 'Label  AR', null, 'direction', '', 'weight', 'notes', null],
      ['x', 'gas', 'Gas', 'الغاز', 'y', 1, 'z', 4, 'w', 'v']
    ]);
    expect(result.problems).toEqual([]);
    expect(result.added).toEqual([
      { row: 2, factor: { id: 'gas', label: { en: 'Gas', ar: 'الغاز' }, direction: 1, weight: 4 } }
    ]);
  });

  it('refuses a sheet without the columns it needs, naming each missing one', () => {
    expect(
      planFactorImport(doc(), [
        ['id', 'name', 'weight', 'weight'],
        ['a', 'A', 1, 1]
      ]).problems
    ).toEqual([
      { row: 1, column: 'weight', reason: 'repeated-column' },
      { row: 1, column: 'label_en', reason: 'missing-column' },
      { row: 1, column: 'label_ar', reason: 'missing-column' },
      { row: 1, column: 'direction', reason: 'missing-column' }
    ]);
    expect(planFactorImport(doc(), []).problems).toEqual([{ row: 1, column: null, reason: 'empty-sheet' }]);
    expect(planFactorImport(doc(), [HEADER, []]).problems).toEqual([{ row: 1, column: null, reason: 'no-rows' }]);
  });

  it('names each problem of a range: which end is missing, which cell is no number or out of bounds', () => {
    const result = plan([
      ['a', 'A', '', 1, 5, null, 7],
      ['b', 'B', '', 1, 5, 'low', 7],
      ['c', 'C', '', 1, 5, 4, 11],
      ['d', 'D', '', 1, 'x', -1, 7],
      ['e', 'E', '', 1, -0.5, null, null]
    ]);
    expect(result.problems).toEqual([
      { row: 2, column: 'low', reason: 'half-range' },
      { row: 3, column: 'low', reason: 'not-number', found: 'low' },
      { row: 4, column: 'high', reason: 'out-of-range', found: '11' },
      { row: 5, column: 'weight', reason: 'not-number', found: 'x' },
      { row: 5, column: 'low', reason: 'out-of-range', found: '-1' },
      { row: 6, column: 'weight', reason: 'out-of-range', found: '-0.5' }
    ]);
    expect(result.added).toEqual([]);
  });

  it('takes a range whose ends are the weight itself', () => {
    const result = plan([
      ['a', 'A', '', 1, 5, 5, 7],
      ['b', 'B', '', 1, 5, 3, 5],
      ['c', 'C', '', 1, 5, 5, 5]
    ]);
    expect(result.problems).toEqual([]);
    expect(result.added.map((a) => a.factor.weight)).toEqual([
      { low: 5, mode: 5, high: 7 },
      { low: 3, mode: 5, high: 5 },
      { low: 5, mode: 5, high: 5 }
    ]);
  });

  it('takes a name in one language only, and a name as long as a file holds, in either language', () => {
    const longest = 'n'.repeat(LIMITS.labelChars);
    const result = plan([
      ['a', '', 'النفط', 1, 1, null, null],
      ['b', longest, longest, 1, 1, null, null],
      ['c', longest + 'n', 'ج', 1, 1, null, null],
      ['d', 'D', longest + 'n', 1, 1, null, null]
    ]);
    expect(result.added.map((a) => [a.factor.id, a.factor.label.en.length, a.factor.label.ar.length])).toEqual([
      ['a', 0, 5],
      ['b', LIMITS.labelChars, LIMITS.labelChars]
    ]);
    expect(result.problems).toEqual([
      { row: 4, column: 'label_en', reason: 'too-long' },
      { row: 5, column: 'label_ar', reason: 'too-long' }
    ]);
  });

  it('counts a row as changed when any one of its values differs, and unchanged when none does', () => {
    // The document: oil = "oil" / "", raises, 3; talks = "talks" / "", lowers, 1–2–4.
    const cases: [Cell[], boolean][] = [
      [['oil', 'oil', '', 1, 3, null, null], false],
      [['oil', 'Oil', '', 1, 3, null, null], true],
      [['oil', 'oil', 'النفط', 1, 3, null, null], true],
      [['oil', 'oil', '', -1, 3, null, null], true],
      [['oil', 'oil', '', 1, 4, null, null], true],
      [['oil', 'oil', '', 1, 3, 3, 3], true],
      [['talks', 'talks', '', -1, 2, 1, 4], false],
      [['talks', 'talks', '', -1, 2, 0, 4], true],
      [['talks', 'talks', '', -1, 3, 1, 4], true],
      [['talks', 'talks', '', -1, 2, 1, 5], true],
      [['talks', 'talks', '', -1, 2, null, null], true]
    ];
    for (const [row, changed] of cases) {
      const result = plan([row]);
      expect(result.problems).toEqual([]);
      expect([result.changed.length, result.unchanged]).toEqual(changed ? [1, 0] : [0, 1]);
    }
  });

  it('reports no rows only for a sheet with none: not when rows add, change and keep, nor when each has a problem', () => {
    const kept = ['oil', 'oil', '', 1, 3, null, null];
    expect(plan([['gas', 'Gas', '', 1, 1, null, null], kept]).problems).toEqual([]);
    expect(
      plan([
        ['gas', 'Gas', '', 1, 1, null, null],
        ['oil', 'Oil', '', 1, 3, null, null]
      ]).problems
    ).toEqual([]);
    expect(plan([kept]).problems).toEqual([]);
    expect(plan([['1bad', 'Bad', '', 1, 1, null, null]]).problems).toEqual([
      { row: 2, column: 'id', reason: 'bad-id', found: '1bad' }
    ]);
  });

  it('with the file full, still changes the factors it has, and names a bad row by its own problem', () => {
    const full = makeDocument(Array.from({ length: LIMITS.factors }, (_, i) => ({ id: `f${i}`, weight: 1 })));
    const result = plan(
      [
        ['f0', 'First', '', 1, 2, null, null],
        ['new', 'New', '', 'sideways', 1, null, null],
        ['other', 'Other', '', 1, 1, null, null]
      ],
      full
    );
    expect(result.changed.map((c) => c.after.label.en)).toEqual(['First']);
    expect(result.problems).toEqual([
      { row: 3, column: 'direction', reason: 'bad-direction', found: 'sideways' },
      { row: 4, column: null, reason: 'too-many' }
    ]);
  });

  it('stops adding at the most factors a file holds', () => {
    const room = LIMITS.factors - 2;
    const rows = Array.from({ length: room + 2 }, (_, i): Cell[] => [`f${i}`, `F${i}`, '', 1, 1, null, null]);
    const result = plan(rows);
    expect(result.added).toHaveLength(room);
    expect(result.problems).toEqual([
      { row: room + 2, column: null, reason: 'too-many' },
      { row: room + 3, column: null, reason: 'too-many' }
    ]);
  });
});

describe('importFactors', () => {
  it('applies a plan as one change the file format accepts', () => {
    const d = doc();
    const result = plan([
      ['gas', 'Gas', 'الغاز', 1, 6.5, null, null],
      ['oil', 'Oil', 'النفط', -1, 7, 6, 8]
    ]);
    const next = importFactors(d, {
      added: result.added.map((a) => a.factor),
      changed: result.changed.map((c) => c.after)
    });
    if (next instanceof Refused) throw new Error(next.reason);
    expect(validateDocument(next).ok).toBe(true);
    expect(next.factors).toEqual([
      { id: 'oil', label: { en: 'Oil', ar: 'النفط' }, direction: -1, weight: { low: 6, mode: 7, high: 8 } },
      d.factors[1],
      { id: 'gas', label: { en: 'Gas', ar: 'الغاز' }, direction: 1, weight: 6.5 }
    ]);
    // The new factor holds the default level in every scenario.
    expect(next.scenarios[0].factors.gas).toEqual({ start: 50, target: 50, pace: 0.1, volatility: 3 });
    // The document given is as it was.
    expect(d).toEqual(doc());
  });

  it('adds every new factor, and changes a factor by its name, its direction or its weight alone', () => {
    const d = doc();
    const oil = d.factors[0];
    const gas = { id: 'gas', label: { en: 'Gas', ar: '' }, direction: 1 as const, weight: 2 };
    const coal = { id: 'coal', label: { en: '', ar: 'الفحم' }, direction: -1 as const, weight: 1 };
    const added = importFactors(d, { added: [gas, coal], changed: [] });
    if (added instanceof Refused) throw new Error(added.reason);
    expect(added.factors.map((f) => f.id)).toEqual(['oil', 'talks', 'gas', 'coal']);
    const changes: [string, FactorDef][] = [
      ['English name', { ...oil, label: { en: 'Crude', ar: '' } }],
      ['Arabic name', { ...oil, label: { en: 'oil', ar: 'النفط' } }],
      ['direction', { ...oil, direction: -1 }],
      ['weight', { ...oil, weight: 4 }],
      ['range', { ...oil, weight: { low: 2, mode: 3, high: 5 } }]
    ];
    for (const [what, changed] of changes) {
      const next = importFactors(d, { added: [], changed: [changed] });
      if (next instanceof Refused) throw new Error(`${what}: ${next.reason}`);
      expect(next.factors[0], what).toEqual(changed);
    }
  });

  it('refuses a changed factor whose name, direction or weight the file cannot hold', () => {
    const d = doc();
    const oil = d.factors[0];
    const refusals: [FactorDef, EditError][] = [
      [{ ...oil, label: { en: 'n'.repeat(LIMITS.labelChars + 1), ar: '' } }, 'too-long'],
      [{ ...oil, label: { en: ' ', ar: '' } }, 'empty-label'],
      [{ ...oil, weight: BOUNDS.weight.max + 1 }, 'out-of-range'],
      [{ ...oil, weight: { low: 3, mode: 2, high: 4 } }, 'range-order'],
      [{ ...oil, direction: 0 as 1 }, 'out-of-range']
    ];
    for (const [changed, reason] of refusals)
      expect(importFactors(d, { added: [], changed: [changed] })).toEqual(new Refused(reason));
  });

  it('gives the same document back for a plan that changes nothing', () => {
    const d = doc();
    expect(importFactors(d, { added: [], changed: [d.factors[0]] })).toBe(d);
  });

  it('refuses the whole when a part cannot be made', () => {
    const d = doc();
    const zero = d.factors.map((f) => ({ ...f, weight: 0 }));
    expect(importFactors(d, { added: [], changed: zero })).toEqual(new Refused('zero-weights'));
    const taken = { id: 'oil', label: { en: 'Oil', ar: '' }, direction: 1 as const, weight: 1 };
    expect(importFactors(d, { added: [taken], changed: [] })).toEqual(new Refused('duplicate-id'));
    expect(importFactors(d, { added: [], changed: [{ ...d.factors[0], id: 'gone' }] })).toEqual(
      new Refused('not-found')
    );
  });
});
