// The part of svgcanvas (the maintained fork of canvas2svg) that src/presentation/export uses.
declare module 'svgcanvas' {
  export interface ContextOptions {
    width?: number;
    height?: number;
    /** The DOM document the SVG elements are created in (defaults to the global one). */
    document?: unknown;
    /** A real 2D context to measure text with (defaults to one from a new <canvas>). */
    ctx?: unknown;
    enableMirroring?: boolean;
    debug?: boolean;
  }
  export class Context {
    constructor(options?: ContextOptions);
    width: number;
    height: number;
    canvas: unknown;
    getSvg(): unknown;
    getSerializedSvg(fixNamedEntities?: boolean): string;
  }
}
