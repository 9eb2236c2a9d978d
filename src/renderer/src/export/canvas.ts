// The exporters' canvas in the renderer: a detached HTMLCanvasElement, which draws with the
// page's fonts (the bundled Arabic one included) and encodes PNG through toDataURL.
import type { CanvasFactory } from '../../../presentation/export';

export const browserCanvas: CanvasFactory = (width, height) => {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
};
