// How a colour looks to a viewer, for the palette tests: normal vision, or one of the three
// dichromacies simulated with the matrices of Machado, Oliveira & Fernandes (2009, severity
// 1), applied in linear sRGB; a translucent colour is first laid on the surface behind it.
import { deltaE2000, hexToRgb, linearChannel, linearRgbToLab, type Lab } from '../../src/engine/colour';

export const VISIONS = ['normal', 'deuteranopia', 'protanopia', 'tritanopia'] as const;
export type Vision = (typeof VISIONS)[number];

const MACHADO: Record<Exclude<Vision, 'normal'>, number[][]> = {
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881]
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998]
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039]
  ]
};

/** "#rrggbb" or "rgba(r, g, b, a)" as 0–255 channels and an alpha. */
function parse(colour: string): { rgb: number[]; alpha: number } {
  const hex = hexToRgb(colour);
  if (hex) return { rgb: hex, alpha: 1 };
  const m = /^rgba\((\d+), (\d+), (\d+), ([\d.]+)\)$/.exec(colour);
  if (!m) throw new Error(`cannot read the colour "${colour}"`);
  return { rgb: [Number(m[1]), Number(m[2]), Number(m[3])], alpha: Number(m[4]) };
}

/** The colour as `vision` sees it, drawn on `surface` ("#rrggbb"). */
export function seenAs(colour: string, vision: Vision, surface: string): Lab {
  const { rgb, alpha } = parse(colour);
  const behind = parse(surface).rgb;
  // A canvas blends in sRGB values, not in linear light.
  let linear = rgb.map((c, i) => linearChannel(alpha * c + (1 - alpha) * behind[i]));
  if (vision !== 'normal')
    linear = MACHADO[vision].map((row) =>
      Math.min(1, Math.max(0, row[0] * linear[0] + row[1] * linear[1] + row[2] * linear[2]))
    );
  return linearRgbToLab(linear);
}

/** The CIEDE2000 difference of two colours on `surface`, as `vision` sees them. */
export const seenDistance = (x: string, y: string, vision: Vision, surface: string): number =>
  deltaE2000(seenAs(x, vision, surface), seenAs(y, vision, surface));
