// The event labels at the foot of the tension chart: the stacking rule at its edges (a gap
// exactly kept, a label slid under one lifted before it, the lowest row that clears), and the
// boxes stackedMarkers measures when drawn (text widths in the chart's font, padding, line
// height, the plot's inner edges), worked by hand with a canvas whose texts are 5 px a letter.
import type { Chart } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { stackedMarkers, stackLabels } from '../../src/presentation/charts/annotations';
import { chartContext } from '../../src/presentation/charts/context';
import { input } from './helpers';

const area = { left: 0, right: 1000 };
/** A box from its left edge, width and height. */
const box = (left: number, width: number, height: number) => ({ centre: left + width / 2, width, height });

describe('stackLabels at its edges', () => {
  it('lets two labels share the first row when exactly the gap apart, not when closer', () => {
    // A over [0, 40]; B over [43, 83] keeps the 3 px gap; over [41, 81] it does not and goes above A.
    expect(stackLabels([box(0, 40, 10), box(43, 40, 10)], area)).toEqual([0, 0]);
    expect(stackLabels([box(0, 40, 10), box(41, 40, 10)], area)).toEqual([0, 13]);
  });

  it('keeps a wide gap around a label narrower than the gap', () => {
    // B over [20, 22] inside A over [0, 40]; with a gap of 30 B goes 10 + 30 above the foot.
    expect(stackLabels([box(0, 40, 10), box(20, 2, 10)], area, 30)).toEqual([0, 40]);
  });

  it('slides a label under one lifted before it when it fits there with the gap, else above it', () => {
    // A [30, 70] on the first row, B [60, 100] lifted to 13–23; C [95, 125] is beside B only.
    const lifted = [box(30, 40, 10), box(60, 40, 10)];
    // 10 high, C ends 3 below B: it stays on the first row; 12 high it would not, and goes above B.
    expect(stackLabels([...lifted, box(95, 30, 10)], area)).toEqual([0, 13, 0]);
    expect(stackLabels([...lifted, box(95, 30, 12)], area)).toEqual([0, 13, 26]);
  });

  it('puts a label no lower than the gap above each label below it', () => {
    // A [0, 40] 20 high and Q [100, 140] 16 high on the first row; N [20, 240] 5 high lies over
    // both: at 16 + 3 = 19 it would be 1 px from A, so it goes to 20 + 3 = 23.
    expect(stackLabels([box(0, 40, 20), box(100, 40, 16), box(20, 220, 5)], area)).toEqual([0, 0, 23]);
  });

  it('takes the lowest row that clears, whatever the order of the labels beside it', () => {
    // P0 [0, 40] and P1 [30, 70] lifted to 13–23; P2 [100, 140] 5 high on the first row. N [50, 210],
    // 2 high, lies over P1 and P2 (in that order): it fits at 5 + 3 = 8, under P1 (8 + 2 + 3 = 13),
    // lower than 23 + 3 = 26 above P1.
    const boxes = [box(0, 40, 10), box(30, 40, 10), box(100, 40, 5), box(50, 160, 2)];
    expect(stackLabels(boxes, area)).toEqual([0, 13, 0, 8]);
  });
});

describe('stackedMarkers as drawn', () => {
  const family = 'Test Sans';
  /** A chart with a canvas measuring 5 px a letter in the markers' font (10 px Test Sans), 3 px in another. */
  const fakeChart = (right: number, pixelsPerValue: number) => {
    const canvas = {
      font: '10px sans-serif',
      save() {},
      restore() {},
      measureText(text: string) {
        return { width: text.length * (this.font === `10px ${family}` ? 5 : 3) };
      }
    };
    return {
      chartArea: { left: 0, right, top: 0, bottom: 100 },
      scales: { x: { getPixelForValue: (value: number) => value * pixelsPerValue } },
      ctx: canvas
    } as unknown as Chart & {
      chartArea: { right: number };
      scales: { x: { getPixelForValue: (v: number) => number } };
    };
  };
  const lifts = (markers: { id: string; value: number; lines: string[] }[], chart: Chart) => {
    const options = stackedMarkers(chartContext(input()), { fontFamily: family }, markers);
    return markers.map(({ id }) => -(options[id] as any).label.yAdjust({ chart }) + 0);
  };

  it('measures each label in the chart’s font, widest line plus padding, lines 1.2 × 10 px high plus padding', () => {
    // M1 (two lines, the wider 8 letters) over 30 - 23 = 7 to 53, 2 × 12 + 6 = 30 high; M2 over
    // [52, 98] is 2 px from M1 (less than 3): it goes up 30 + 3.
    const markers = [
      { id: 'm1', value: 30, lines: ['abcdefgh', 'ab'] },
      { id: 'm2', value: 75, lines: ['abcdefgh'] }
    ];
    expect(lifts(markers, fakeChart(300, 1))).toEqual([0, 33]);
  });

  it('keeps the labels the padding inside the plot, and works the layout out again when the plot changes', () => {
    // 16 px wide: A at 0 is pushed to [3, 19], so B over [20, 36] is 1 px from it; C at 300 is pushed
    // to [281, 297], 1 px from D over [264, 280]. B and C go up 18 + 3.
    const markers = [
      { id: 'a', value: 0, lines: ['ab'] },
      { id: 'b', value: 28, lines: ['ab'] },
      { id: 'c', value: 300, lines: ['ab'] },
      { id: 'd', value: 272, lines: ['ab'] }
    ];
    const chart = fakeChart(300, 1);
    const options = stackedMarkers(chartContext(input()), { fontFamily: family }, markers);
    const lift = () => markers.map(({ id }) => -(options[id] as any).label.yAdjust({ chart }) + 0);
    expect(lift()).toEqual([0, 21, 21, 0]);
    // Ten times wider, the labels are far apart.
    Object.assign(chart, fakeChart(3000, 10));
    expect(lift()).toEqual([0, 0, 0, 0]);
    expect(lifts(markers, fakeChart(300, 1))).toEqual([0, 21, 21, 0]);
  });
});
