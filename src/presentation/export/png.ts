// A chart as a PNG: Chart.js drawing into a canvas from the caller's factory (an
// @napi-rs/canvas Canvas in Node, an HTMLCanvasElement in a browser) at width·scale ×
// height·scale pixels.
import { Chart, type ChartConfiguration, type ChartItem } from 'chart.js';
import { registerCharts, withTextDirection } from '../charts';
import { backgroundPlugin } from '../charts/options';
import { withCaption } from './caption';
import { backgroundColour, exportConfig } from './chartOptions';
import type { CanvasFactory, ExportCanvas, PngOptions } from './types';

function base64Bytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  // Stryker disable next-line EqualityOperator: a write past the end of a typed array is dropped
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function pngBytes(canvas: ExportCanvas): Uint8Array {
  // Stryker disable next-line ConditionalExpression: a canvas with toBuffer (@napi-rs/canvas) has toDataURL too, which gives the same PNG
  if (canvas.toBuffer) return canvas.toBuffer('image/png');
  if (canvas.toDataURL) {
    // Stryker disable next-line StringLiteral: a canvas encodes PNG when given no type (the HTML standard's default)
    const url = canvas.toDataURL('image/png');
    return base64Bytes(url.slice(url.indexOf(',') + 1));
  }
  throw new Error('the canvas cannot be encoded as PNG (no toBuffer or toDataURL)');
}

/** Pixel size of a PNG: the IHDR chunk's width and height (bytes 16–23). */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((b, i) => png[i] !== b)) throw new Error('not a PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export function renderChartPng(
  config: ChartConfiguration,
  options: PngOptions,
  createCanvas: CanvasFactory
): Uint8Array {
  const { width, height, scale } = options;
  if (![1, 2, 3].includes(scale)) throw new RangeError(`scale must be 1, 2 or 3 (got ${scale})`);
  registerCharts();
  const canvas = createCanvas(width, height);
  canvas.width = width;
  canvas.height = height;
  // Without a 2D context Chart.js only logs, and the PNG would be blank.
  const context = canvas.getContext('2d') as { canvas?: ExportCanvas } | null;
  if (!context) throw new Error('the canvas has no 2D context to draw the chart on');
  // Chart.js draws on the context's canvas (the same object, unless the factory wraps it).
  const drawn = context.canvas ?? canvas;
  withTextDirection(drawn);
  const colour = backgroundColour(options.background);
  const chart = new Chart(
    canvas as unknown as ChartItem,
    exportConfig(
      options.caption ? withCaption(config, options.caption) : config,
      scale,
      // Stryker disable next-line ArrayDeclaration: Chart.js skips a plugin that is not an object
      colour ? [backgroundPlugin(colour)] : []
    )
  );
  try {
    return pngBytes(canvas);
  } finally {
    chart.destroy();
  }
}
