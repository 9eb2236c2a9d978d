// A chart as a standalone SVG document: Chart.js drawing into svgcanvas (through SvgContext),
// with text kept as <text> — sharp at any size and editable — and Arabic marked right-to-left.
import { Chart, type ChartConfiguration, type ChartItem } from 'chart.js';
import { balanceBidi } from '../../engine/export/bidi';
import { registerCharts, withTextDirection } from '../charts';
import { withCaption } from './caption';
import { backgroundColour, exportConfig } from './chartOptions';
import { SvgContext } from './svgContext';
import { serialize, XmlElement, XmlText } from './svgDom';
import type { CanvasFactory, SvgOptions } from './types';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The app's Arabic face: every text names it, so Arabic finds it wherever it is installed. */
export const SVG_ARABIC_FAMILY = 'Noto Naskh Arabic';
const IDENTITY = 'matrix(1 0 0 1 0 0)';

/** The canvas-like object Chart.js draws on: its size, a `style`, and the SVG context. */
interface SvgCanvas {
  width: number;
  height: number;
  style?: unknown;
  getContext(kind: '2d'): SvgContext;
}

function chartTitle(config: ChartConfiguration): string {
  const text = (config.options?.plugins?.title as { text?: string | string[] } | undefined)?.text;
  return balanceBidi(Array.isArray(text) ? text.map(balanceBidi).join(' ') : (text ?? ''));
}

/** Drops what svgcanvas leaves behind that draws nothing, and identity transforms. */
function tidy(root: XmlElement): void {
  for (const element of [...root.descendants()]) {
    if (element.getAttribute('transform') === IDENTITY) element.removeAttribute('transform');
    // Stryker disable next-line OptionalChaining: descendants() yields only children of elements, never the root, so every parentNode is set
    if (element.nodeName === 'path' && !element.getAttribute('d')) element.parentNode?.removeChild(element);
  }
  // Empty groups, innermost first.
  for (const element of [...root.descendants()].reverse()) {
    // Stryker disable next-line OptionalChaining: descendants() yields only children of elements, never the root, so every parentNode is set
    if (element.nodeName === 'g' && element.childNodes.length === 0) element.parentNode?.removeChild(element);
  }
}

/**
 * Draws the chart into an SVG of width × height user units. `createCanvas` gives a real 2D
 * context to measure text with (the fonts it knows decide where labels go): an
 * @napi-rs/canvas Canvas in Node, an HTMLCanvasElement in a browser.
 */
export function renderChartSvg(config: ChartConfiguration, options: SvgOptions, createCanvas: CanvasFactory): string {
  const { width, height, language } = options;
  registerCharts();
  const context = new SvgContext({
    width,
    height,
    measure: createCanvas(1, 1).getContext('2d'),
    direction:
      language === 'ar'
        ? 'rtl'
        : // Stryker disable next-line StringLiteral: SvgContext and withTextDirection only ask whether the direction is 'rtl': 'ltr' and '' draw the same
          'ltr',
    requiredFamily: SVG_ARABIC_FAMILY
  });
  const canvas: SvgCanvas = withTextDirection({ width, height, getContext: () => context });
  context.canvas = canvas;
  const drawn = options.caption ? withCaption(config, options.caption) : config;
  const chart = new Chart(canvas as unknown as ChartItem, exportConfig(drawn, 1));
  // Chart.js clears the canvas when it is destroyed: copy the drawing first.
  let root: XmlElement;
  try {
    root = context.getSvg().cloneNode(true);
  } finally {
    chart.destroy();
  }
  tidy(root);

  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', width);
  root.setAttribute('height', height);
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('xml:lang', language);
  root.setAttribute('role', 'img');
  const title = chartTitle(config);
  if (title) {
    // The accessible name, read by screen readers and shown as a tooltip.
    const element = new XmlElement('title');
    element.appendChild(new XmlText(title));
    root.insertBefore(element, root.firstChild);
  }
  const colour = backgroundColour(options.background);
  if (colour) {
    const rect = new XmlElement('rect');
    rect.setAttribute('width', '100%');
    rect.setAttribute('height', '100%');
    rect.setAttribute('fill', colour);
    root.insertBefore(rect, root.childNodes.find((c) => c instanceof XmlElement && c.nodeName === 'g') ?? null);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(root)}\n`;
}
