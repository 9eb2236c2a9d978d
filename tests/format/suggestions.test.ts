// "Did you mean": an unknown id is answered with the known id of its kind nearest to it, when
// at most two letters (inserted, removed or changed, in any case) lie between them. The
// distances below are worked by hand against the rich fixture's factors: israel-iran,
// sanctions, partnership, diplomacy; and its evidence: e1, e2.
import { describe, it } from 'vitest';
import { expectOneProblem, problemsAfter } from './helpers';

/** The one problem of the rich fixture whose second interaction comes from `id`. */
const unknownFrom = (id: string) => problemsAfter((d) => (d.interactions[1].from = id));

describe('did you mean', () => {
  it.each([
    // two letters removed from the end ("ns"): distance 2, though the lengths differ by 2
    ['sanctio', 'unknown factor "sanctio" (did you mean "sanctions"?)'],
    // two letters added at the end
    ['diplomacyxx', 'unknown factor "diplomacyxx" (did you mean "diplomacy"?)'],
    // two letters added at the start: the first row and column of the table count
    ['xxsanctions', 'unknown factor "xxsanctions" (did you mean "sanctions"?)'],
    // two letters left out in the middle
    ['partnrshp', 'unknown factor "partnrshp" (did you mean "partnership"?)'],
    // letters in another case are the same letters
    ['SANCTIONS', 'unknown factor "SANCTIONS" (did you mean "sanctions"?)'],
    ['Israel-Iran', 'unknown factor "Israel-Iran" (did you mean "israel-iran"?)']
  ])('%s is two letters or fewer from a factor', (id, message) => {
    expectOneProblem(unknownFrom(id), 'interactions[1].from', message);
  });

  it.each([
    // "sanctio" + "xyz" against "sanctio" + "ns": two changes and a removal, 3 (its last letter
    // counts: without it, 2)
    'sanctioxyz',
    // lengths 3 apart: at least 3
    'sanctionsxyz',
    // the same length as "sanctions" and "diplomacy", and eight or more letters from each
    'hezbollah',
    // three letters changed at the start
    'xyzctions'
  ])('%s is three letters or more from every factor: no guess', (id) => {
    expectOneProblem(unknownFrom(id), 'interactions[1].from', `unknown factor "${id}"`);
  });

  it('takes the first of two equally near ids, in file order', () => {
    // "e3" is one letter from e1 and from e2
    expectOneProblem(
      problemsAfter((d) => (d.factors[0].evidence = ['e3'])),
      'factors[0].evidence[0]',
      'unknown evidence "e3" (did you mean "e1"?)'
    );
  });

  it('takes the nearer of two ids, wherever it is', () => {
    // "e22" is one letter from e2 and two from e1
    expectOneProblem(
      problemsAfter((d) => (d.factors[0].evidence = ['e22'])),
      'factors[0].evidence[0]',
      'unknown evidence "e22" (did you mean "e2"?)'
    );
  });
});
