// How different two colours look: sRGB "#rrggbb" to CIELAB (D65) and the CIEDE2000 colour
// difference (Sharma, Wu & Dalal 2005), used to keep series drawn together apart.

export interface Lab {
  L: number;
  a: number;
  b: number;
}

const HEX = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i;

/** The red, green and blue of "#rrggbb" (either case) as 0–255, or null for any other text. */
export function hexToRgb(hex: string): [number, number, number] | null {
  const m = HEX.exec(hex.trim());
  return m ? [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)] : null;
}

/** An sRGB channel 0–255 as linear light 0–1 (IEC 61966-2-1). */
export function linearChannel(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

// The D65 white point of sRGB, Y = 1.
const WHITE = { X: 0.95047, Y: 1, Z: 1.08883 };

/** Linear sRGB (0–1 each) in CIELAB, D65. */
export function linearRgbToLab([r, g, b]: readonly number[]): Lab {
  const X = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
  const Y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const Z = 0.0193339 * r + 0.119192 * g + 0.9503041 * b;
  // Stryker disable next-line EqualityOperator: the two pieces meet at t = 216/24389 (CIE chose κ and ε so), both 6/29 to the last bit
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  const fx = f(X / WHITE.X);
  // Stryker disable next-line ArithmeticOperator: WHITE.Y is 1, so Y / WHITE.Y and Y * WHITE.Y are both Y
  const fy = f(Y / WHITE.Y);
  const fz = f(Z / WHITE.Z);
  return { L: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}

/** "#rrggbb" in CIELAB; a RangeError for anything else. */
export function hexToLab(hex: string): Lab {
  const rgb = hexToRgb(hex);
  if (!rgb) throw new RangeError(`not a #rrggbb colour: "${hex}"`);
  return linearRgbToLab(rgb.map(linearChannel));
}

const deg = (radians: number) => (radians * 180) / Math.PI;
const rad = (degrees: number) => (degrees * Math.PI) / 180;

/**
 * The CIEDE2000 difference of two CIELAB colours (kL = kC = kH = 1).
 *
 * Sharma's special cases for a grey (C' = 0: h' = 0, Δh' = 0, h̄' = h1' + h2') are left out:
 * they cannot change the result. With C1'·C2' = 0, ΔH' = 2√(C1'C2')·sin(Δh'/2) is 0 whatever
 * Δh' is, and h̄' is read only through S_H and R_T, which scale ΔH' alone. (atan2(0, 0) is 0
 * anyway.) The 34 pairs of the paper, two of them with a grey, check it.
 */
export function deltaE2000(x: Lab, y: Lab): number {
  const c1 = Math.hypot(x.a, x.b);
  const c2 = Math.hypot(y.a, y.b);
  const cMean7 = ((c1 + c2) / 2) ** 7;
  const g = 0.5 * (1 - Math.sqrt(cMean7 / (cMean7 + 25 ** 7)));
  const a1 = (1 + g) * x.a;
  const a2 = (1 + g) * y.a;
  const cp1 = Math.hypot(a1, x.b);
  const cp2 = Math.hypot(a2, y.b);
  const hue = (b: number, a: number) => (deg(Math.atan2(b, a)) + 360) % 360;
  const h1 = hue(x.b, a1);
  const h2 = hue(y.b, a2);

  const dL = y.L - x.L;
  const dC = cp2 - cp1;
  let dh = h2 - h1;
  // Stryker disable next-line AssignmentOperator: Δh' − 360 and Δh' + 360 differ by 720°, a whole period of sin(Δh'/2), where alone Δh' is read
  if (dh > 180) dh -= 360;
  // (No else: Stryker applies no disable comment to an else branch. After the line above, dh > −180.)
  // Stryker disable next-line AssignmentOperator: as above, ±360 give the same sin(Δh'/2)
  if (dh < -180) dh += 360;
  const dH = 2 * Math.sqrt(cp1 * cp2) * Math.sin(rad(dh / 2));

  const lMean = (x.L + y.L) / 2;
  const cpMean = (cp1 + cp2) / 2;
  // The mean hue on the shorter arc between the two.
  let hMean = (h1 + h2) / 2;
  if (Math.abs(h1 - h2) > 180) hMean += hMean < 180 ? 180 : -180;
  const t =
    1 -
    0.17 * Math.cos(rad(hMean - 30)) +
    0.24 * Math.cos(rad(2 * hMean)) +
    0.32 * Math.cos(rad(3 * hMean + 6)) -
    0.2 * Math.cos(rad(4 * hMean - 63));
  const dTheta = 30 * Math.exp(-(((hMean - 275) / 25) ** 2));
  const cpMean7 = cpMean ** 7;
  const rC = 2 * Math.sqrt(cpMean7 / (cpMean7 + 25 ** 7));
  const sL = 1 + (0.015 * (lMean - 50) ** 2) / Math.sqrt(20 + (lMean - 50) ** 2);
  const sC = 1 + 0.045 * cpMean;
  const sH = 1 + 0.015 * cpMean * t;
  const rT = -Math.sin(rad(2 * dTheta)) * rC;
  return Math.sqrt((dL / sL) ** 2 + (dC / sC) ** 2 + (dH / sH) ** 2 + rT * (dC / sC) * (dH / sH));
}

/** The CIEDE2000 difference of two "#rrggbb" colours. */
export function colourDistance(x: string, y: string): number {
  return deltaE2000(hexToLab(x), hexToLab(y));
}

/**
 * Colour-blind-safe scenario colours, handed out in order to new scenarios: Okabe & Ito
 * (2008) without black, which vanishes on the dark theme, and yellow, which vanishes on white.
 */
export const SCENARIO_COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'] as const;

/** Two series closer than this (CIEDE2000) read as one colour: a palette colour this near a used one counts as used. */
export const SIMILAR_COLOUR_DISTANCE = 10;

/**
 * The first palette colour no scenario uses, or nearly uses (#2e6db4 uses #0072b2); when every
 * one is in use, the one fewest scenarios use. Colours that are not "#rrggbb" use none.
 */
export function nextScenarioColour(used: readonly string[]): string {
  const labs = used.filter((c) => hexToRgb(c) !== null).map((c) => hexToLab(c));
  const users = SCENARIO_COLORS.map(
    // Stryker disable next-line EqualityOperator: no #rrggbb colour is exactly 10 from a palette colour (all 2^24 tried; nearest #fb4ea0, 9.9999974)
    (c) => labs.filter((l) => deltaE2000(hexToLab(c), l) < SIMILAR_COLOUR_DISTANCE).length
  );
  return SCENARIO_COLORS[users.indexOf(Math.min(...users))];
}
