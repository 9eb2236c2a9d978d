// The XML tree the SVG is built in and its serialiser: children in drawing order (later ones
// paint over earlier ones), copies, removal, and text a strict XML parser reads back exactly.
import { describe, expect, it } from 'vitest';
import { nodeCanvas } from '../../src/cli/canvas';
import { chartConfigs } from '../../src/presentation/charts';
import { renderChartSvg } from '../../src/presentation/export';
import { escapeText, serialize, XmlElement, XmlText } from '../../src/presentation/export/svgDom';
import { input } from '../charts/helpers';
import { parseSvg } from './helpers';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

function element(name: string, ...children: (XmlElement | string)[]): XmlElement {
  const e = new XmlElement(name);
  for (const c of children) e.appendChild(typeof c === 'string' ? new XmlText(c) : c);
  return e;
}
/** The element's children's names, in order, on one line. */
const names = (e: XmlElement) => e.childNodes.map((c) => c.nodeName).join(' ');

describe('the element tree', () => {
  it('keeps children in the order they are added and inserted', () => {
    const root = element('g', element('a'), element('b'), element('c'));
    expect(names(root)).toBe('a b c');
    const [a, b] = root.childNodes;
    root.insertBefore(element('first'), a);
    root.insertBefore(element('middle'), b);
    root.insertBefore(element('last'), null);
    expect(names(root)).toBe('first a middle b c last');
    // Adding a node moves it: it leaves its old place.
    root.appendChild(a);
    expect(names(root)).toBe('first middle b c last a');
    expect(serialize(root)).toBe('<g>\n  <first/>\n  <middle/>\n  <b/>\n  <c/>\n  <last/>\n  <a/>\n</g>');
  });

  it('removes the child asked for, first or last, and nothing else', () => {
    const root = element('g', element('a'), element('b'), element('c'));
    const [a, , c] = root.childNodes;
    expect(root.removeChild(a)).toBe(a);
    expect(a.parentNode).toBeNull();
    expect(names(root)).toBe('b c');
    root.removeChild(c);
    expect(names(root)).toBe('b');
    // Not a child: nothing changes.
    root.removeChild(element('stranger'));
    expect(names(root)).toBe('b');
  });

  it('copies an element alone, or with everything below it', () => {
    const original = element('g', element('path'), 'text');
    original.setAttribute('id', 'x');
    const shallow = original.cloneNode();
    expect([shallow.getAttribute('id'), shallow.childNodes.length]).toEqual(['x', 0]);
    const deep = original.cloneNode(true);
    expect(serialize(deep)).toBe(serialize(original));
    (deep.childNodes[0] as XmlElement).setAttribute('d', 'M 0 0');
    expect((original.childNodes[0] as XmlElement).getAttribute('d')).toBeNull();
  });

  it('lists every element below, depth first', () => {
    const root = element('svg', element('defs', element('clipPath')), element('g', element('g', element('path'))));
    expect([...root.descendants()].map((e) => e.nodeName)).toEqual(['defs', 'clipPath', 'g', 'g', 'path']);
  });

  it('reads back attributes, namespaced ones under their qualified name', () => {
    const image = new XmlElement('image');
    expect(image.getAttribute('width')).toBeNull();
    image.setAttribute('width', 12);
    image.setAttributeNS(XLINK_NS, 'xlink:href', '#a');
    expect(image.getAttribute('width')).toBe('12');
    expect(serialize(image)).toBe('<image width="12" xlink:href="#a"/>');
  });
});

describe('the serialised text', () => {
  /** The string as a strict parser reads it back, from an attribute and from a text. */
  function readBack(value: string) {
    const root = new XmlElement('svg');
    root.setAttribute('xmlns', SVG_NS);
    const text = root.appendChild(new XmlElement('text'));
    text.setAttribute('aria-label', value);
    text.appendChild(new XmlText(value));
    const parsed = parseSvg(serialize(root)).getElementsByTagNameNS(SVG_NS, 'text')[0];
    return { attribute: parsed.getAttribute('aria-label'), text: parsed.textContent };
  }

  it('gives back markup characters, quotes, tabs and line breaks exactly', () => {
    const value = 'a < b & c > "d"\te\r\nf\rg';
    expect(readBack(value)).toEqual({ attribute: value, text: value.replace(/\r\n?/g, '\n') });
  });

  it('keeps Arabic and characters beyond the BMP, and drops what XML cannot hold', () => {
    expect(readBack('مرحبا 😀 𝑥').text).toBe('مرحبا 😀 𝑥');
    // Lone halves of a surrogate pair, anywhere, and controls.
    expect(escapeText('\uDC00a\uDC00b\uD800c\uD83D\u0001d\uFFFE\uFFFF')).toBe('abcd');
    expect(readBack('x\uDE00 😀\uD83D').text).toBe('x 😀');
  });

  it('writes text and elements mixed in one element without adding spaces', () => {
    const mixed = element('text', 'a', element('tspan', 'b'), 'c', 'd');
    expect(serialize(mixed)).toBe('<text>a<tspan>b</tspan>cd</text>');
  });
});

describe('an exported chart', () => {
  it('names itself first, and leaves out empty paths, empty groups and identity transforms', () => {
    const config = chartConfigs('tension', input())[0];
    const doc = parseSvg(
      renderChartSvg(config, { width: 600, height: 400, background: 'white', language: 'en' }, nodeCanvas)
    );
    // SVG 1.1 takes the first child <title> as the accessible name.
    expect(doc.documentElement.children[0]?.localName).toBe('title');
    const elements = [...doc.getElementsByTagNameNS(SVG_NS, '*')];
    const paths = elements.filter((e) => e.localName === 'path');
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((p) => !p.getAttribute('d'))).toEqual([]);
    expect(elements.filter((e) => e.localName === 'g' && e.children.length === 0)).toEqual([]);
    expect(elements.filter((e) => e.getAttribute('transform') === 'matrix(1 0 0 1 0 0)')).toEqual([]);
    // The plot is clipped to its area, by a clip path that exists.
    const clipped = elements.filter((e) => e.hasAttribute('clip-path'));
    expect(clipped.length).toBeGreaterThan(0);
    const ids = new Set(elements.filter((e) => e.localName === 'clipPath').map((e) => e.getAttribute('id')));
    for (const e of clipped) expect(ids).toContain(/^url\(#(.+)\)$/.exec(e.getAttribute('clip-path')!)![1]);
  });
});
