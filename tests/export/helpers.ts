// Readers for exported files: a strict XML parser (jsdom's DOMParser, which reports every
// well-formedness error), an RFC 4180 CSV parser, and PNG pixels through @napi-rs/canvas.
import { createCanvas, Image } from '@napi-rs/canvas';
import { JSDOM, type XmlDocument, type XmlNode } from 'jsdom';

const { DOMParser } = new JSDOM('').window;

/** Parses an SVG document strictly; throws with the parser's message if it is not well-formed XML. */
export function parseSvg(text: string): XmlDocument {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return doc;
}

/** The <text> elements of an SVG document, with their content. */
export function svgTexts(doc: XmlDocument): { element: XmlNode; text: string }[] {
  return [...doc.getElementsByTagNameNS('http://www.w3.org/2000/svg', 'text')].map((element) => ({
    element,
    text: element.textContent ?? ''
  }));
}

/** RFC 4180: fields separated by commas, quoted when they hold commas, quotes or line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** An empty CSV field is a missing value; anything else is a number written in full. */
export const csvNumber = (field: string): number | null => (field === '' ? null : Number(field));

/** The RGBA pixels of a PNG. */
export function pngPixels(png: Uint8Array): { width: number; height: number; data: Uint8ClampedArray } {
  const image = new Image();
  image.src = Buffer.from(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, data: ctx.getImageData(0, 0, image.width, image.height).data };
}

export function pixel(p: { width: number; data: Uint8ClampedArray }, x: number, y: number): number[] {
  const i = (y * p.width + x) * 4;
  return [...p.data.subarray(i, i + 4)];
}
