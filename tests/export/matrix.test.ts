// The SVG exporter's 2D matrix (src/presentation/export/matrix.ts) against @napi-rs/canvas's
// DOMMatrix, the browser API it stands in for: the identity, uniform scaling, default
// translation, products, rotation and mapping a point.
import { DOMMatrix } from '@napi-rs/canvas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Matrix } from '../../src/presentation/export/matrix';

type Point = { x: number; y: number };

function expectSamePoint(ours: Point, theirs: Point): void {
  expect(ours.x).toBeCloseTo(theirs.x, 4);
  expect(ours.y).toBeCloseTo(theirs.y, 4);
}

describe('Matrix', () => {
  it('maps points as DOMMatrix does: copied, multiplied, rotated, scaled by one factor, translated with defaults, and from the identity', () => {
    const finite = fc.double({ min: -100, max: 100, noNaN: true });
    const six = fc.tuple(finite, finite, finite, finite, finite, finite);
    fc.assert(
      fc.property(six, finite, finite, finite, (m, k, x, y) => {
        const theirs = new DOMMatrix(m);
        const ours = Matrix.from(theirs);
        expectSamePoint(ours.apply(x, y), theirs.transformPoint({ x, y }));
        expectSamePoint(ours.scale(k).apply(x, y), theirs.scale(k, k).transformPoint({ x, y }));
        expectSamePoint(ours.translate().apply(x, y), theirs.transformPoint({ x, y }));
        expectSamePoint(ours.translate(k).apply(x, y), theirs.translate(k, 0).transformPoint({ x, y }));
        expectSamePoint(new Matrix().apply(x, y), { x, y });
        const n = new DOMMatrix([k, x, y, k, y, x]);
        expectSamePoint(
          ours.multiply(n).rotate(k).apply(x, y),
          theirs
            .multiply(n)
            .rotate((k * 180) / Math.PI)
            .transformPoint({ x, y })
        );
      })
    );
  });

  it('maps a point by hand: (1, 2) scaled by 2 then moved by (10, 20) is (12, 24)', () => {
    expect(new Matrix().translate(10, 20).scale(2).apply(1, 2)).toEqual({ x: 12, y: 24 });
    expect(new Matrix([0, 1, -1, 0, 5, 6]).apply(1, 0)).toEqual({ x: 5, y: 7 });
  });

  it('multiplies and rotates by hand', () => {
    // [1 3 5; 2 4 6] × [7 9 11; 8 10 12]: a = 1·7 + 3·8, b = 2·7 + 4·8, c = 1·9 + 3·10, d = 2·9 + 4·10, e = 1·11 + 3·12 + 5, f = 2·11 + 4·12 + 6.
    expect({ ...new Matrix([1, 2, 3, 4, 5, 6]).multiply(new Matrix([7, 8, 9, 10, 11, 12])) }).toEqual({
      a: 31,
      b: 46,
      c: 39,
      d: 58,
      e: 52,
      f: 76
    });
    // A quarter turn (y down, as on a canvas) takes (1, 0) to (0, 1) and (0, 1) to (−1, 0).
    const quarter = new Matrix().rotate(Math.PI / 2);
    expect(quarter.apply(1, 0).x).toBeCloseTo(0, 12);
    expect(quarter.apply(1, 0).y).toBeCloseTo(1, 12);
    expect(quarter.apply(0, 1).x).toBeCloseTo(-1, 12);
    expect(quarter.apply(0, 1).y).toBeCloseTo(0, 12);
  });
});
