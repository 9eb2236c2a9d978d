// Bidirectional controls in a document's texts: balanced wherever a label is used, gone from
// file names (src/engine/export/bidi.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceBidi, isolateBidi, stripBidiControls } from '../../src/engine/export/bidi';
import { ANY_BIDI, bidiProblem } from '../support/hostile';

const CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

describe('balanceBidi', () => {
  it.each([
    ['Sanctions\u202E', 'Sanctions\u202E\u202C'], // an override left open is closed at the end
    ['\u2067x', '\u2067x\u2069'], // so is an isolate
    ['stray\u202C close', 'stray close'], // a PDF that closes nothing is dropped
    ['a\u2069b', 'ab'], // a PDI that closes nothing too
    ['\u2067a\u202Eb\u2069c', '\u2067a\u202Eb\u202C\u2069c'], // a PDI closes the embeddings opened inside its isolate
    ['\u202Ba\u2066b\u202Cc', '\u202Ba\u2066bc\u2069\u202C'], // a PDF does not reach out of an isolate
    ['\u202A\u2067\u202E', '\u202A\u2067\u202E\u202C\u2069\u202C'], // innermost closed first
    ['Base\u202Eline: 5–95%', 'Base\u202Eline: 5–95%\u202C'],
    ['a\u202Eb\u202Cc', 'a\u202Eb\u202Cc'], // a PDF that closes an embedding stays where it is
    ['\u2067\u202A\u202Bx\u2069y', '\u2067\u202A\u202Bx\u202C\u202C\u2069y'] // a PDI closes two embeddings inside its isolate
  ])('%j → %j', (text, balanced) => {
    expect(balanceBidi(text)).toBe(balanced);
    expect(bidiProblem(balanceBidi(text))).toBeNull();
  });

  it('leaves text without controls, and balanced text, as it is', () => {
    for (const text of ['', 'Western sanctions', 'العقوبات الغربية', '\u202Eabc\u202C', '\u2068x\u2069 y', 'a\u200Fb'])
      expect(balanceBidi(text)).toBe(text);
  });

  it('always gives balanced text, keeps every other character in order, and changes nothing the second time', () => {
    const piece = fc.oneof(fc.constantFrom(...CONTROLS), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const balanced = balanceBidi(text);
        expect(bidiProblem(balanced)).toBeNull();
        expect(stripBidiControls(balanced)).toBe(stripBidiControls(text));
        expect(balanceBidi(balanced)).toBe(balanced);
      })
    );
  });
});

describe('isolateBidi', () => {
  it.each([
    ['Sanctions\u202E', '\u2068Sanctions\u202E\u202C\u2069'],
    ['\u2067x', '\u2068\u2067x\u2069\u2069'],
    ['Base\u202Eline\u202C', '\u2068Base\u202Eline\u202C\u2069'], // balanced, but its embedding would sway what follows
    ['stray\u202C close', 'stray close'], // nothing left to isolate
    ['Western sanctions', 'Western sanctions'],
    ['العقوبات الغربية', 'العقوبات الغربية'],
    ['a\u200Fb', 'a\u200Fb'], // a mark is a letter without one: nothing to close
    ['\u2068x\u2069', '\u2068x\u2069'], // already one isolate
    ['\u2068x\u2069 \u2068y\u2069', '\u2068\u2068x\u2069 \u2068y\u2069\u2069'] // two isolates side by side are not one
  ])('%j → %j', (text, isolated) => {
    expect(isolateBidi(text)).toBe(isolated);
    expect(bidiProblem(isolated)).toBeNull();
    expect(isolateBidi(isolated)).toBe(isolated);
  });

  it('always gives balanced text that is either free of controls or one isolate, and is stable', () => {
    const piece = fc.oneof(fc.constantFrom(...CONTROLS), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const isolated = isolateBidi(pieces.join(''));
        expect(bidiProblem(isolated)).toBeNull();
        if (/[\u202A-\u202E\u2066-\u2069]/.test(isolated)) {
          expect(isolated.startsWith('\u2068')).toBe(true);
          expect(isolated.endsWith('\u2069')).toBe(true);
        }
        expect(isolateBidi(isolated)).toBe(isolated);
      })
    );
  });
});

describe('stripBidiControls', () => {
  it('removes embeddings, overrides, isolates, their closers and the marks LRM, RLM and ALM', () => {
    expect(stripBidiControls('report\u202Egnp.csv')).toBe('reportgnp.csv');
    expect(stripBidiControls('\u200Ea\u200Fb\u061Cc\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069')).toBe('abc');
    expect(stripBidiControls('قمة عشق آباد')).toBe('قمة عشق آباد');
    const piece = fc.oneof(fc.constantFrom(...CONTROLS, '\u200E', '\u200F', '\u061C'), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        expect(stripBidiControls(pieces.join(''))).not.toMatch(ANY_BIDI);
      })
    );
  });
});
