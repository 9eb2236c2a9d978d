// Exports of charts: PNG, SVG and CSV, and their file names. Pure: no DOM, no Node; the
// caller gives a canvas factory (@napi-rs/canvas in Node, HTMLCanvasElement in a browser).
export * from './types';
export { chartCsv } from './csv';
export { CAPTION_TEXTS, exportCaption, type ExportCaption } from './caption';
export { renderChartPng, pngSize } from './png';
export { renderChartSvg, SVG_ARABIC_FAMILY } from './svg';
export { exportDocumentName, exportFileName, exportScenarioPart, safeNamePart } from './fileName';
export { backgroundColour } from './chartOptions';
