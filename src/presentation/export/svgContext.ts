// svgcanvas's Context, adapted so that Chart.js can draw into it anywhere and the result is
// an SVG that other programs read the same way:
// - no browser globals: our own XML tree (svgDom), matrix (matrix) and font parsing;
// - text stays text, positioned on its alphabetic baseline (dominant-baseline is not read
//   by every editor), anchored by the canvas's textAlign *and* direction, and marked
//   right-to-left (direction, unicode-bidi) when the canvas draws it right-to-left;
// - deterministic ids, so the same chart gives the same file.
import { Context, type ContextOptions } from 'svgcanvas';
import { balanceBidi } from '../../engine/export/bidi';
import { Matrix, type MatrixLike } from './matrix';
import { xmlDocument, type XmlElement } from './svgDom';

/** The members of svgcanvas's Context (private by convention) that this adapter uses. */
interface ContextInternals {
  width: number;
  height: number;
  canvas: unknown;
  font: string;
  textAlign: string;
  textBaseline: string;
  __ctx: { font: string; measureText(text: string): TextMetricsLike };
  __transformMatrix: MatrixLike;
  __currentElement: XmlElement;
  __defs: XmlElement;
  __root: XmlElement;
  __fontHref?: string;
  __closestGroupOrSvg(node?: XmlElement): XmlElement;
  __createElement(name: string, properties?: Record<string, unknown>, resetFill?: boolean): XmlElement;
  __applyTransformation(element: XmlElement, matrix?: MatrixLike): void;
  __applyStyleToCurrentElement(type: 'fill' | 'stroke'): void;
  __applyCurrentDefaultPath(): void;
  getSvg(): XmlElement;
  fill(): void;
  stroke(): void;
}

interface TextMetricsLike {
  width: number;
  fontBoundingBoxAscent?: number;
  fontBoundingBoxDescent?: number;
  actualBoundingBoxAscent?: number;
  actualBoundingBoxDescent?: number;
}

const Base = Context as unknown as new (options: ContextOptions) => ContextInternals;

export interface ParsedFont {
  style: string;
  weight: string;
  size: number;
  family: string;
}

/** Parses a canvas font string as Chart.js writes it: "[style] [weight] SIZEpx[/line] family". */
export function parseFont(font: string): ParsedFont {
  const m = /^\s*((?:[a-z0-9-]+\s+)*?)(\d*\.?\d+)px(?:\s*\/\s*\S+)?\s+(.+?)\s*$/i.exec(font);
  if (!m) return { style: 'normal', weight: 'normal', size: 10, family: 'sans-serif' };
  let style = 'normal';
  let weight = 'normal';
  // Stryker disable next-line Regex: splitting at each space instead of at runs of spaces only adds empty words, which the filter drops
  for (const word of m[1].split(/\s+/).filter(Boolean)) {
    if (word === 'italic' || word === 'oblique') style = word;
    // A weight is a keyword or a number, as a canvas reads it ("50", "1000" too).
    else if (word === 'bold' || word === 'bolder' || word === 'lighter' || !Number.isNaN(Number(word))) weight = word;
  }
  return { style, weight, size: Number(m[2]), family: m[3] };
}

/** The SVG text-anchor for a canvas textAlign: left/right are physical, start/end follow the direction. */
export function textAnchor(textAlign: string, rtl: boolean): 'start' | 'middle' | 'end' {
  switch (textAlign) {
    case 'center':
      return 'middle';
    case 'left':
      return rtl ? 'end' : 'start';
    case 'right':
      return rtl ? 'start' : 'end';
    case 'end':
      return 'end';
    default:
      return 'start';
  }
}

export interface SvgContextOptions {
  width: number;
  height: number;
  /** A real 2D context that measures text as the chart will be seen (fonts registered). */
  measure: unknown;
  /** The direction text is drawn in until Chart.js says otherwise. */
  direction: 'ltr' | 'rtl';
  /** Added to every text's font-family list if it lacks it. */
  requiredFamily: string;
}

export class SvgContext extends Base {
  /** The canvas text direction; Chart.js sets it for right-to-left legends and tooltips. */
  direction: string;
  private clipCount = 0;
  private readonly requiredFamily: string;

  constructor(options: SvgContextOptions) {
    super({ width: options.width, height: options.height, document: xmlDocument, ctx: options.measure });
    this.direction = options.direction;
    this.requiredFamily = options.requiredFamily;
  }

  // --- transforms without DOMMatrix -------------------------------------------------------

  setTransform(a: number | MatrixLike, b?: number, c?: number, d?: number, e?: number, f?: number): void {
    this.__transformMatrix =
      typeof a === 'object' ? Matrix.from(a) : new Matrix([a, b ?? 0, c ?? 0, d ?? 1, e ?? 0, f ?? 0]);
  }
  getTransform(): Matrix {
    return Matrix.from(this.__transformMatrix);
  }
  resetTransform(): void {
    this.setTransform(1, 0, 0, 1, 0, 0);
  }
  rotate(angle: number): void {
    this.setTransform(this.getTransform().rotate(angle));
  }
  transform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.setTransform(this.getTransform().multiply({ a, b, c, d, e, f }));
  }
  __matrixTransform(x: number, y: number): { x: number; y: number } {
    return Matrix.from(this.__transformMatrix).apply(x, y);
  }

  // --- clipping with deterministic ids ----------------------------------------------------

  clip(): void {
    const group = this.__closestGroupOrSvg();
    const clipPath = this.__createElement('clipPath');
    const id = `clip${++this.clipCount}`;
    const inner = this.__createElement('g');
    this.__applyCurrentDefaultPath();
    group.removeChild(this.__currentElement);
    clipPath.setAttribute('id', id);
    clipPath.appendChild(this.__currentElement);
    this.__defs.appendChild(clipPath);
    group.setAttribute('clip-path', `url(#${id})`);
    group.appendChild(inner);
    this.__currentElement = inner;
  }

  // --- painting --------------------------------------------------------------------------

  // A canvas fills or strokes its current path; svgcanvas applies the style to the last element
  // drawn, which after fillText is the text (chartjs-plugin-annotation calls fill() after each
  // label line). With no path to paint, painting does nothing, as on a canvas.
  override fill(): void {
    if (this.__currentElement.nodeName === 'path') super.fill();
  }
  override stroke(): void {
    if (this.__currentElement.nodeName === 'path') super.stroke();
  }

  // --- text -------------------------------------------------------------------------------

  /** How far below (positive) the given baseline the alphabetic baseline lies. */
  private baselineShift(text: string): number {
    const baseline = this.textBaseline;
    // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: a shortcut; the switch below gives 0 for these baselines too
    if (baseline === 'alphabetic' || baseline === 'ideographic') return 0;
    this.__ctx.font = this.font;
    const m = this.__ctx.measureText(text);
    const size = parseFont(this.font).size;
    const ascent = m.fontBoundingBoxAscent ?? m.actualBoundingBoxAscent ?? size * 0.8;
    const descent = m.fontBoundingBoxDescent ?? m.actualBoundingBoxDescent ?? size * 0.2;
    switch (baseline) {
      case 'top':
      case 'hanging':
        return ascent;
      case 'bottom':
        return -descent;
      case 'middle':
        return (ascent - descent) / 2;
      default:
        return 0;
    }
  }

  __applyText(given: string, x: number, y: number, action: 'fill' | 'stroke'): void {
    // A canvas draws String(text): a legend of a dataset without a label passes undefined.
    const text = String(given);
    const font = parseFont(this.font);
    const rtl = this.direction === 'rtl';
    const family = font.family.includes(this.requiredFamily) ? font.family : `'${this.requiredFamily}', ${font.family}`;
    const parent = this.__closestGroupOrSvg();
    const element = this.__createElement(
      'text',
      {
        x,
        y: y + this.baselineShift(text),
        'font-family': family,
        'font-size': `${font.size}px`,
        ...(font.style !== 'normal' ? { 'font-style': font.style } : {}),
        ...(font.weight !== 'normal' ? { 'font-weight': font.weight } : {}),
        'text-anchor': textAnchor(this.textAlign, rtl),
        ...(rtl ? { direction: 'rtl', 'unicode-bidi': 'embed' } : {})
      },
      true
    );
    // Balanced, as the labels already are: what the chart made of them (a line of a wrapped
    // label, a cut one) cannot leave an embedding open in an editor that joins texts.
    element.appendChild(xmlDocument.createTextNode(balanceBidi(text)));
    this.__currentElement = element;
    this.__applyTransformation(element);
    this.__applyStyleToCurrentElement(action);
    parent.appendChild(element);
  }
}
