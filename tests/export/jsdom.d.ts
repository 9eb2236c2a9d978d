// The part of jsdom these tests use (the project has no @types/jsdom; tsconfig.node.json has no DOM lib).
declare module 'jsdom' {
  export interface XmlNode {
    readonly localName: string;
    readonly namespaceURI: string | null;
    readonly textContent: string | null;
    readonly children: ArrayLike<XmlNode> & Iterable<XmlNode>;
    getAttribute(name: string): string | null;
    hasAttribute(name: string): boolean;
    getElementsByTagName(name: string): ArrayLike<XmlNode> & Iterable<XmlNode>;
    getElementsByTagNameNS(namespace: string, name: string): ArrayLike<XmlNode> & Iterable<XmlNode>;
  }
  export interface XmlDocument extends XmlNode {
    readonly documentElement: XmlNode;
  }
  export class JSDOM {
    constructor(html?: string);
    readonly window: { DOMParser: new () => { parseFromString(text: string, type: string): XmlDocument } };
  }
}
