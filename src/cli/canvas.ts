// Drawing charts in Node: @napi-rs/canvas (its binary ships in the npm package) and the app's
// Arabic face, Noto Naskh Arabic from @fontsource, registered once. Latin text falls back
// to the system's face, as in the app (src/renderer/src/styles/app.css loads the Arabic
// subset only).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import type { CanvasFactory, ExportCanvas } from '../presentation/export';

export const ARABIC_FAMILY = 'Noto Naskh Arabic';
const FACES = ['noto-naskh-arabic-arabic-400-normal.woff2', 'noto-naskh-arabic-arabic-700-normal.woff2'];

let registered: boolean | undefined;

/** The folder of @fontsource/noto-naskh-arabic's font files. */
export function arabicFontFolder(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@fontsource/noto-naskh-arabic/package.json')), 'files');
}

/** Registers Noto Naskh Arabic (regular and bold) with @napi-rs/canvas; true if it is available. */
export function registerChartFonts(): boolean {
  if (registered !== undefined) return registered;
  const folder = arabicFontFolder();
  registered = FACES.map((face) => GlobalFonts.registerFromPath(join(folder, face), ARABIC_FAMILY)).every(Boolean);
  return registered;
}

/** A canvas factory for src/presentation/export: @napi-rs/canvas with the chart fonts registered. */
export const nodeCanvas: CanvasFactory = (width, height) => {
  registerChartFonts();
  return createCanvas(width, height) as unknown as ExportCanvas;
};
