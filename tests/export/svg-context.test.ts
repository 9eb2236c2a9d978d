// The SVG context Chart.js draws into: what each canvas call leaves in the exported file —
// the font of a text, where its alphabetic baseline lies, its transform, what is painted and
// with which colour, and the clip paths with their deterministic ids.
import type { XmlDocument, XmlNode } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { nodeCanvas } from '../../src/cli/canvas';
import { parseFont, SvgContext } from '../../src/presentation/export/svgContext';
import { serialize } from '../../src/presentation/export/svgDom';
import { parseSvg } from './helpers';

const SVG_NS = 'http://www.w3.org/2000/svg';
const REQUIRED = 'Noto Naskh Arabic';

/** A measuring context with round metrics: every font is 8 above and 3 below its baseline. */
const metrics = (extra: object = { fontBoundingBoxAscent: 8, fontBoundingBoxDescent: 3 }) => ({
  font: '',
  measureText: (text: string) => ({ width: text.length * 5, ...extra })
});

/** The canvas calls svgcanvas's Context has (its types list only what the adapter uses). */
type Drawing = SvgContext & {
  fillStyle: string;
  strokeStyle: string;
  fillText(text: string, x: number, y: number): void;
  strokeText(text: string, x: number, y: number): void;
  beginPath(): void;
  rect(x: number, y: number, width: number, height: number): void;
  save(): void;
  restore(): void;
};
/** The DOM members read here beyond those of tests/export/jsdom.d.ts. */
type Element = XmlNode & {
  readonly attributes: Iterable<{ name: string }>;
  closest(selector: string): XmlNode | null;
};

/** Draws with the given canvas calls and returns the file as a strict XML parser reads it. */
function drawn(draw: (ctx: Drawing) => void, measure: unknown = metrics()): XmlDocument {
  const ctx = new SvgContext({ width: 200, height: 100, measure, direction: 'ltr', requiredFamily: REQUIRED });
  draw(ctx as Drawing);
  return parseSvg(serialize(ctx.getSvg()));
}

const all = (doc: XmlDocument, name: string) => [...doc.getElementsByTagNameNS(SVG_NS, name)] as Element[];
const text = (doc: XmlDocument) => all(doc, 'text')[0];
/** The numbers of a transform="matrix(a b c d e f)". */
const matrixOf = (element: Element) =>
  /^matrix\((.*)\)$/
    .exec(element.getAttribute('transform') ?? '')![1]
    .split(' ')
    .map(Number);

describe('parseFont reads a font as a canvas does', () => {
  const DEFAULT = { style: 'normal', weight: 'normal', size: 10, family: 'sans-serif' };

  it.each([
    // A font a canvas rejects leaves it at its default, 10px sans-serif.
    ['nonsense', DEFAULT],
    ['#bold 12px serif', DEFAULT],
    ['bold  12px serif', { ...DEFAULT, weight: 'bold', size: 12, family: 'serif' }],
    ['10.25px serif', { ...DEFAULT, size: 10.25, family: 'serif' }],
    ['12px / 1.2 serif', { ...DEFAULT, size: 12, family: 'serif' }],
    ['12px/ 1.2 serif', { ...DEFAULT, size: 12, family: 'serif' }],
    ['12px  serif', { ...DEFAULT, size: 12, family: 'serif' }],
    ['oblique 12px serif', { ...DEFAULT, style: 'oblique', size: 12, family: 'serif' }],
    ['oblique 10deg 12px serif', { ...DEFAULT, style: 'oblique', size: 12, family: 'serif' }],
    ['small-caps 12px serif', { ...DEFAULT, size: 12, family: 'serif' }],
    ['normal 12px serif', { ...DEFAULT, size: 12, family: 'serif' }],
    ['bolder 12px serif', { ...DEFAULT, weight: 'bolder', size: 12, family: 'serif' }],
    ['lighter 12px serif', { ...DEFAULT, weight: 'lighter', size: 12, family: 'serif' }],
    ['50 12px serif', { ...DEFAULT, weight: '50', size: 12, family: 'serif' }],
    ['italic 1000 12px serif', { ...DEFAULT, style: 'italic', weight: '1000', size: 12, family: 'serif' }]
  ])('%j', (font, expected) => {
    expect(parseFont(font)).toEqual(expected);
  });

  const sizeWeightFamily = (font: string) => {
    const { size, weight, family } = parseFont(font);
    return { size, weight, family };
  };

  it('agrees with a real canvas on the size, weight and family it draws', () => {
    const canvas = nodeCanvas(1, 1).getContext('2d') as unknown as { font: string };
    for (const font of ['nonsense', '#bold 12px serif', 'bold  12px serif', '12px / 1.2 serif', '50 12px serif']) {
      canvas.font = '10px sans-serif';
      canvas.font = font;
      // The canvas writes back the font it uses (its default if it rejected this one): read
      // the same way, it gives the same size, weight and family.
      expect(sizeWeightFamily(canvas.font), font).toEqual(sizeWeightFamily(font));
    }
  });
});

describe('a text in the SVG', () => {
  it('carries its font: the required family first, size, and style and weight only when not normal', () => {
    const doc = drawn((ctx) => {
      ctx.font = 'italic bold 12px serif';
      ctx.fillText('a', 10, 20);
      ctx.font = `14px '${REQUIRED}', sans-serif`;
      ctx.fillText('b', 10, 40);
    });
    const [a, b] = all(doc, 'text');
    expect(a.getAttribute('font-family')).toBe(`'${REQUIRED}', serif`);
    expect(a.getAttribute('font-size')).toBe('12px');
    expect(a.getAttribute('font-style')).toBe('italic');
    expect(a.getAttribute('font-weight')).toBe('bold');
    // Already named: not named twice. Nothing said of a normal style or weight.
    expect(b.getAttribute('font-family')).toBe(`'${REQUIRED}', sans-serif`);
    expect(b.getAttribute('font-size')).toBe('14px');
    expect([...b.attributes].map((x) => x.name).sort()).toEqual(
      ['fill', 'font-family', 'font-size', 'stroke', 'text-anchor', 'transform', 'x', 'y'].sort()
    );
  });

  // With ascent 8 and descent 3, the alphabetic baseline lies 8 below a top, 3 above a bottom
  // and (8 − 3) / 2 below a middle.
  it.each([
    ['alphabetic', 50],
    ['ideographic', 50],
    ['top', 58],
    ['hanging', 58],
    ['bottom', 47],
    ['middle', 52.5],
    ['no-such-baseline', 50]
  ])('stands on its alphabetic baseline for textBaseline %s', (baseline, y) => {
    const doc = drawn((ctx) => {
      ctx.textBaseline = baseline;
      ctx.fillText('a', 10, 50);
    });
    expect(Number(text(doc).getAttribute('y'))).toBe(y);
  });

  it('places a text by its font’s box, not by its own ink, when the canvas gives both', () => {
    // The font is 8 above and 3 below; this text's ink only 6 and 2: a top baseline is 8 above.
    const both = metrics({
      fontBoundingBoxAscent: 8,
      fontBoundingBoxDescent: 3,
      actualBoundingBoxAscent: 6,
      actualBoundingBoxDescent: 2
    });
    const y = (baseline: string) =>
      Number(
        text(
          drawn((ctx) => {
            ctx.textBaseline = baseline;
            ctx.fillText('a', 10, 50);
          }, both)
        ).getAttribute('y')
      );
    expect([y('top'), y('bottom')]).toEqual([58, 47]);
  });

  // A measurer without font boxes: the ascent is taken as 0.8 and the descent 0.2 of the size.
  it.each([
    ['top', 66],
    ['bottom', 46],
    ['middle', 56]
  ])('estimates the baseline from the font size when the metrics lack it (%s)', (baseline, y) => {
    const doc = drawn((ctx) => {
      ctx.font = '20px serif';
      ctx.textBaseline = baseline;
      ctx.fillText('a', 10, 50);
    }, metrics({}));
    expect(Number(text(doc).getAttribute('y'))).toBe(y);
  });

  it('is hollow when stroked, and keeps its colour when the chart then fills or strokes', () => {
    const doc = drawn((ctx) => {
      ctx.fillStyle = '#ff0000';
      ctx.fillText('filled', 10, 20);
      // chartjs-plugin-annotation calls fill() after a label line: no path, nothing to paint.
      ctx.fillStyle = '#00ff00';
      ctx.strokeStyle = '#0000ff';
      ctx.fill();
      ctx.stroke();
      ctx.strokeText('stroked', 10, 40);
    });
    const [filled, stroked] = all(doc, 'text');
    expect([filled.getAttribute('fill'), filled.getAttribute('stroke')]).toEqual(['#ff0000', 'none']);
    expect(filled.hasAttribute('d')).toBe(false);
    expect([stroked.getAttribute('fill'), stroked.getAttribute('stroke')]).toEqual(['none', '#0000ff']);
  });
});

describe('transforms', () => {
  it('starts at the identity and sets, resets, multiplies and rotates the matrix as a canvas does', () => {
    const doc = drawn((ctx) => {
      ctx.fillText('identity', 0, 0);
      ctx.setTransform(2, 0.5, 0.25, 3, 10, 20);
      ctx.fillText('set', 0, 0);
      ctx.resetTransform();
      ctx.fillText('reset', 0, 0);
      ctx.setTransform(1, 0, 0, 1, 5, 6);
      // [1 0 5; 0 1 6] × [2 0 1; 0 2 1] = [2 0 6; 0 2 7]
      ctx.transform(2, 0, 0, 2, 1, 1);
      ctx.fillText('transformed', 0, 0);
      ctx.setTransform(1, 0, 0, 1, 10, 20);
      // A quarter turn, as Chart.js turns a y-axis title: (1, 0) goes to (0, 1).
      ctx.rotate(Math.PI / 2);
      ctx.fillText('rotated', 0, 0);
    });
    const [identity, set, reset, transformed, rotated] = all(doc, 'text').map(matrixOf);
    expect(identity).toEqual([1, 0, 0, 1, 0, 0]);
    expect(set).toEqual([2, 0.5, 0.25, 3, 10, 20]);
    expect(reset).toEqual([1, 0, 0, 1, 0, 0]);
    expect(transformed).toEqual([2, 0, 0, 2, 6, 7]);
    [0, 1, -1, 0, 10, 20].forEach((v, i) => expect(rotated[i]).toBeCloseTo(v, 12));
  });
});

describe('painting and clipping', () => {
  it('fills and strokes the current path with the current colours', () => {
    const doc = drawn((ctx) => {
      ctx.fillStyle = '#ff0000';
      ctx.beginPath();
      ctx.rect(0, 0, 10, 10);
      ctx.fill();
      ctx.strokeStyle = '#0000ff';
      ctx.beginPath();
      ctx.rect(20, 0, 10, 10);
      ctx.stroke();
    });
    const [filled, stroked] = all(doc, 'path');
    expect([filled.getAttribute('fill'), filled.getAttribute('stroke')]).toEqual(['#ff0000', 'none']);
    expect(filled.getAttribute('d')).toMatch(/^ ?M 0 0 L 10 0/);
    expect([stroked.getAttribute('fill'), stroked.getAttribute('stroke')]).toEqual(['none', '#0000ff']);
    expect(stroked.getAttribute('d')).toMatch(/^ ?M 20 0 L 30 0/);
  });

  it('clips what follows to the path, numbering the clip paths clip1, clip2… in drawing order', () => {
    const doc = drawn((ctx) => {
      for (const [x, label] of [
        [0, 'first'],
        [50, 'second']
      ] as const) {
        ctx.save();
        ctx.beginPath();
        ctx.rect(x, 0, 40, 40);
        ctx.clip();
        ctx.fillText(label, x + 5, 20);
        ctx.restore();
      }
    });
    const clips = all(doc, 'clipPath');
    expect(clips.map((c) => c.getAttribute('id'))).toEqual(['clip1', 'clip2']);
    // Each clip path holds its rectangle; each text lies inside a group clipped by its own.
    expect(clips.map((c) => c.getElementsByTagNameNS(SVG_NS, 'path')[0]?.getAttribute('d'))).toEqual([
      expect.stringMatching(/M 0 0 L 40 0/),
      expect.stringMatching(/M 50 0 L 90 0/)
    ]);
    for (const [i, t] of all(doc, 'text').entries()) {
      expect(t.closest('[clip-path]')?.getAttribute('clip-path')).toBe(`url(#clip${i + 1})`);
    }
  });
});
