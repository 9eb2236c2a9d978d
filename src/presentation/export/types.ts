// The options of the chart exporters.
import type { Language } from '../../engine/format';
import type { ExportCaption } from './caption';

/** What is behind the chart: white, nothing, or the dark theme's surface. */
export const EXPORT_BACKGROUNDS = ['white', 'transparent', 'dark'] as const;
export type ExportBackground = (typeof EXPORT_BACKGROUNDS)[number];

export const EXPORT_SCALES = [1, 2, 3] as const;
export type ExportScale = (typeof EXPORT_SCALES)[number];

export const EXPORT_FORMATS = ['png', 'svg', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The size of an exported chart in CSS pixels (points in the SVG) unless the caller says otherwise. */
export const DEFAULT_EXPORT_SIZE = { width: 900, height: 520 } as const;

export interface PngOptions {
  /** Size in CSS pixels; the PNG has width·scale × height·scale pixels. */
  width: number;
  height: number;
  scale: ExportScale;
  background: ExportBackground;
  /** The lines under the chart (exportCaption); none when left out. */
  caption?: ExportCaption;
}

export interface SvgOptions {
  width: number;
  height: number;
  background: ExportBackground;
  /** The chart's language: Arabic text is marked right-to-left. */
  language: Language;
  /** The lines under the chart (exportCaption); none when left out. */
  caption?: ExportCaption;
}

/**
 * A canvas to draw on: an HTMLCanvasElement in a browser, an @napi-rs/canvas Canvas in
 * Node. Its pixels are read back with toBuffer('image/png') (Node) or toDataURL (browser).
 */
export interface ExportCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): unknown;
  toBuffer?: (mime: 'image/png') => Uint8Array;
  toDataURL?: (mime?: string) => string;
}

export type CanvasFactory = (width: number, height: number) => ExportCanvas;
