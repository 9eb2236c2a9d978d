// A minimal XML element tree: the part of the DOM that svgcanvas builds its SVG with, and a
// serializer for it. It lets the SVG exporter run without a browser DOM (the command line,
// a worker) and gives one serialisation everywhere, escaped for a strict XML parser.

export class XmlText {
  readonly nodeType = 3;
  // Stryker disable next-line StringLiteral: nothing asks a text node its name: svgcanvas reads the name of its current element and of images, never text, and this module tells text apart by class
  readonly nodeName = '#text';
  parentNode: XmlElement | null = null;
  constructor(public data: string) {}
  cloneNode(): XmlText {
    return new XmlText(this.data);
  }
}

export type XmlNode = XmlElement | XmlText;

export class XmlElement {
  readonly nodeType = 1;
  parentNode: XmlElement | null = null;
  readonly childNodes: XmlNode[] = [];
  private readonly attributes = new Map<string, string>();

  constructor(readonly nodeName: string) {}

  setAttribute(name: string, value: unknown): void {
    this.attributes.set(name, String(value));
  }
  setAttributeNS(_namespace: string | null, name: string, value: unknown): void {
    this.setAttribute(name, value);
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  attributeEntries(): [string, string][] {
    return [...this.attributes];
  }

  get firstChild(): XmlNode | null {
    return this.childNodes[0] ?? null;
  }

  appendChild<T extends XmlNode>(child: T): T {
    return this.insertBefore(child, null);
  }
  insertBefore<T extends XmlNode>(child: T, before: XmlNode | null): T {
    child.parentNode?.removeChild(child);
    const at = before ? this.childNodes.indexOf(before) : -1;
    if (at < 0) this.childNodes.push(child);
    else this.childNodes.splice(at, 0, child);
    child.parentNode = this;
    return child;
  }
  removeChild<T extends XmlNode>(child: T): T {
    const at = this.childNodes.indexOf(child);
    if (at >= 0) this.childNodes.splice(at, 1);
    child.parentNode = null;
    return child;
  }

  cloneNode(deep = false): XmlElement {
    const copy = new XmlElement(this.nodeName);
    for (const [name, value] of this.attributes) copy.setAttribute(name, value);
    if (deep) for (const child of this.childNodes) copy.appendChild(child.cloneNode(true));
    return copy;
  }

  /** Every element below this one, depth first. */
  *descendants(): Generator<XmlElement> {
    for (const child of this.childNodes) {
      if (child instanceof XmlElement) {
        yield child;
        yield* child.descendants();
      }
    }
  }
}

/** What svgcanvas calls on its `document`. */
export const xmlDocument = {
  createElementNS: (_namespace: string, name: string) => new XmlElement(name),
  // Stryker disable next-line ArrowFunction: svgcanvas asks for an element here only to get a canvas to draw on (none given to measure with, an image to crop) and calls getContext on it, which an XmlElement lacks: that drawing throws a TypeError either way
  createElement: (name: string) => new XmlElement(name),
  createTextNode: (data: string) => new XmlText(data)
};

// Characters XML 1.0 does not allow: controls other than tab, newline and carriage return,
// lone surrogates, U+FFFE and U+FFFF. A label typed into a document may hold any of them.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeText(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** The element as XML text, with two-space indentation between elements (never inside text). */
export function serialize(node: XmlNode, indent = ''): string {
  if (node instanceof XmlText) return escapeText(node.data);
  const attributes = node
    .attributeEntries()
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  const open = `${indent}<${node.nodeName}${attributes}`;
  if (node.childNodes.length === 0) return `${open}/>`;
  if (node.childNodes.some((c) => c instanceof XmlText)) {
    // Mixed or text content: whitespace would become part of the text.
    return `${open}>${node.childNodes.map((c) => serialize(c)).join('')}</${node.nodeName}>`;
  }
  const inner = node.childNodes.map((c) => serialize(c, `${indent}  `)).join('\n');
  return `${open}>\n${inner}\n${indent}</${node.nodeName}>`;
}
