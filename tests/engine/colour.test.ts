// The colour difference that keeps series apart, against published values: Sharma, Wu & Dalal
// (2005), "The CIEDE2000 colour-difference formula: implementation notes", table 1 (all 34
// pairs), pairs on the edges of the hue arithmetic checked against a second implementation, and
// the CIELAB (D65) of the sRGB primaries and of a colour in the linear segment of the sRGB curve.
import { describe, expect, it } from 'vitest';
import {
  SCENARIO_COLORS,
  colourDistance,
  deltaE2000,
  hexToLab,
  hexToRgb,
  linearChannel,
  nextScenarioColour,
  type Lab
} from '../../src/engine/colour';

const SHARMA: [number[], number[], number][] = [
  [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
  [[50, 3.1571, -77.2803], [50, 0, -82.7485], 2.8615],
  [[50, 2.8361, -74.02], [50, 0, -82.7485], 3.4412],
  [[50, -1.3802, -84.2814], [50, 0, -82.7485], 1.0],
  [[50, -1.1848, -84.8006], [50, 0, -82.7485], 1.0],
  [[50, -0.9009, -85.5211], [50, 0, -82.7485], 1.0],
  [[50, 0, 0], [50, -1, 2], 2.3669],
  [[50, -1, 2], [50, 0, 0], 2.3669],
  [[50, 2.49, -0.001], [50, -2.49, 0.0009], 7.1792],
  [[50, 2.49, -0.001], [50, -2.49, 0.001], 7.1792],
  [[50, 2.49, -0.001], [50, -2.49, 0.0011], 7.2195],
  [[50, 2.49, -0.001], [50, -2.49, 0.0012], 7.2195],
  [[50, -0.001, 2.49], [50, 0.0009, -2.49], 4.8045],
  [[50, -0.001, 2.49], [50, 0.001, -2.49], 4.8045],
  [[50, -0.001, 2.49], [50, 0.0011, -2.49], 4.7461],
  [[50, 2.5, 0], [50, 0, -2.5], 4.3065],
  [[50, 2.5, 0], [73, 25, -18], 27.1492],
  [[50, 2.5, 0], [61, -5, 29], 22.8977],
  [[50, 2.5, 0], [56, -27, -3], 31.903],
  [[50, 2.5, 0], [58, 24, 15], 19.4535],
  [[50, 2.5, 0], [50, 3.1736, 0.5854], 1.0],
  [[50, 2.5, 0], [50, 3.2972, 0], 1.0],
  [[50, 2.5, 0], [50, 1.8634, 0.5757], 1.0],
  [[50, 2.5, 0], [50, 3.2592, 0.335], 1.0],
  [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
  [[63.0109, -31.0961, -5.8663], [62.8187, -29.7946, -4.0864], 1.263],
  [[61.2901, 3.7196, -5.3901], [61.4292, 2.248, -4.962], 1.8731],
  [[35.0831, -44.1164, 3.7933], [35.0232, -40.0716, 1.5901], 1.8645],
  [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
  [[36.4612, 47.858, 18.3852], [36.2715, 50.5065, 21.2231], 1.4146],
  [[90.8027, -2.0831, 1.441], [91.1528, -1.6435, 0.0447], 1.4441],
  [[90.9257, -0.5406, -0.9208], [88.6381, -0.8985, -0.7239], 1.5381],
  [[6.7747, -0.2908, -2.4247], [5.8714, -0.0985, -2.2286], 0.6377],
  [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082]
];

const lab = ([L, a, b]: number[]): Lab => ({ L, a, b });

describe('CIEDE2000', () => {
  it('gives Sharma’s published difference for each of the 34 test pairs, both ways round', () => {
    for (const [x, y, expected] of SHARMA) {
      expect(deltaE2000(lab(x), lab(y))).toBeCloseTo(expected, 4);
      expect(deltaE2000(lab(y), lab(x))).toBeCloseTo(expected, 4);
    }
  });

  // Pairs where the hue arithmetic takes its edge cases, with the difference culori 4.0.2
  // (differenceCiede2000, written in radians, an implementation of its own) gives: the mean hue
  // across 0° when the hues add up to more than 360° (a) and less (b); hues exactly 180° apart,
  // where Δh' stays +180° (c); hues adding up to exactly 360° (d); a hue of exactly 180° (e).
  // The small ones, (a) and (d), move by 1e-5 to 1e-4 when the mean hue is 360° off.
  const EDGES: [number[], number[], number][] = [
    [[50, 2, -10], [60, 5, 60], 36.4672073212485],
    [[50, 10, 2], [60, -5, -60], 34.9807715073664],
    [[50, -4, 0.5], [60, 8, -1], 18.3224883488777],
    [[50, 3, -13], [60, 6, 26], 28.752966710447],
    [[50, -10, 0], [60, 30, 20], 36.5750515001546]
  ];

  it('gives a second implementation’s difference where hues wrap around 0° or are 180° apart, both ways round', () => {
    for (const [x, y, expected] of EDGES) {
      expect(deltaE2000(lab(x), lab(y))).toBeCloseTo(expected, 9);
      expect(deltaE2000(lab(y), lab(x))).toBeCloseTo(expected, 9);
    }
  });

  it('is zero for a colour and itself', () => {
    expect(colourDistance('#0072b2', '#0072B2')).toBe(0);
  });
});

describe('sRGB to CIELAB', () => {
  it('puts white, black and the primaries where the published D65 values are', () => {
    const cases: [string, number[]][] = [
      ['#ffffff', [100, 0, 0]],
      ['#000000', [0, 0, 0]],
      ['#ff0000', [53.2408, 80.0925, 67.2032]],
      ['#00ff00', [87.7347, -86.1827, 83.1793]],
      ['#0000ff', [32.297, 79.1875, -107.8602]]
    ];
    for (const [hex, [L, a, b]] of cases) {
      const got = hexToLab(hex);
      expect(got.L).toBeCloseTo(L, 2);
      expect(got.a).toBeCloseTo(a, 2);
      expect(got.b).toBeCloseTo(b, 2);
    }
  });

  it('takes a very dark colour on the straight piece of each curve: #010101 has L* = κ·Y', () => {
    // By hand: Y = (1/255) / 12.92 = 0.00030353 (IEC 61966-2-1 below 0.04045), under ε =
    // 216/24389, so L* = κ·Y with κ = 24389/27 = 903.30: L* = 0.27417; a grey has a* = b* = 0.
    const got = hexToLab('#010101');
    expect(got.L).toBeCloseTo(0.27417, 5);
    expect(got.a).toBeCloseTo(0, 5);
    expect(got.b).toBeCloseTo(0, 5);
  });

  it('takes the straight piece of the sRGB curve up to and including 0.04045', () => {
    // 10.31475 / 255 is 0.04045: a blend of two channels can land there. The straight piece
    // gives 0.04045 / 12.92 = 0.0031308050; the power piece would give 0.0031308073.
    expect(linearChannel(10.31475)).toBeCloseTo(0.003130805, 9);
  });

  it('reads only #rrggbb, with spaces around it, and names the colour it cannot read', () => {
    expect(hexToRgb('#0A70b0')).toEqual([10, 112, 176]);
    expect(hexToRgb(' #0a70b0\t')).toEqual([10, 112, 176]);
    for (const text of ['#abc', 'red', '#0072b2ff', '', '0a70b0', 'x#0a70b0', '#0a 70b0'])
      expect(hexToRgb(text)).toBeNull();
    expect(() => hexToLab('blue')).toThrow('not a #rrggbb colour: "blue"');
  });
});

describe('nextScenarioColour', () => {
  it('hands out the first palette colour no used colour is near, ignoring what is not #rrggbb', () => {
    expect(nextScenarioColour([])).toBe(SCENARIO_COLORS[0]);
    expect(nextScenarioColour(['#0072b2'])).toBe(SCENARIO_COLORS[1]);
    // #2e6db4 is 4.5 from #0072b2 (CIEDE2000): it uses the blue.
    expect(colourDistance('#2e6db4', '#0072b2')).toBeLessThan(10);
    expect(nextScenarioColour(['#2e6db4', '#d55e00'])).toBe(SCENARIO_COLORS[2]);
    expect(nextScenarioColour(['blue', '#0072b2ff', ''])).toBe(SCENARIO_COLORS[0]);
  });

  it('with all in use, the one fewest used colours are near', () => {
    const twiceButGreen = [...SCENARIO_COLORS, ...SCENARIO_COLORS.filter((c) => c !== '#009e73')];
    expect(nextScenarioColour(twiceButGreen)).toBe('#009e73');
  });
});
