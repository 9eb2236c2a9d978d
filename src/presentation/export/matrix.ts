// A 2D affine matrix with the part of the DOMMatrix API that svgcanvas uses, so that the SVG
// exporter runs where DOMMatrix does not exist (Node) without touching globals.

export interface MatrixLike {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

export class Matrix implements MatrixLike {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;

  constructor([a, b, c, d, e, f]: readonly number[] = [1, 0, 0, 1, 0, 0]) {
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    this.e = e;
    this.f = f;
  }

  static from(m: MatrixLike): Matrix {
    return new Matrix([m.a, m.b, m.c, m.d, m.e, m.f]);
  }

  /** this × other: `other` applies first, as in DOMMatrix.multiply. */
  multiply(o: MatrixLike): Matrix {
    return new Matrix([
      this.a * o.a + this.c * o.b,
      this.b * o.a + this.d * o.b,
      this.a * o.c + this.c * o.d,
      this.b * o.c + this.d * o.d,
      this.a * o.e + this.c * o.f + this.e,
      this.b * o.e + this.d * o.f + this.f
    ]);
  }

  translate(x = 0, y = 0): Matrix {
    return this.multiply({ a: 1, b: 0, c: 0, d: 1, e: x, f: y });
  }

  scale(x = 1, y = x): Matrix {
    return this.multiply({ a: x, b: 0, c: 0, d: y, e: 0, f: 0 });
  }

  rotate(radians: number): Matrix {
    const cos = Math.cos(radians);
    const sin = Math.sin(radians);
    return this.multiply({ a: cos, b: sin, c: -sin, d: cos, e: 0, f: 0 });
  }

  /** The point (x, y) mapped by this matrix. */
  apply(x: number, y: number): { x: number; y: number } {
    return { x: this.a * x + this.c * y + this.e, y: this.b * x + this.d * y + this.f };
  }
}
