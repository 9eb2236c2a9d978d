// The tension chart's event labels lie flat and never cover one another: the stacking rule by
// hand-worked boxes, then the labels as drawn (an SVG of the default analysis, measured with a
// real canvas) in English and Arabic.
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { nodeCanvas } from '../../src/cli/canvas';
import { stackLabels } from '../../src/presentation/charts/annotations';
import { tensionChart } from '../../src/presentation/charts/tension';
import { renderChartSvg } from '../../src/presentation/export';
import type { Language } from '../../src/engine/format';
import { parseSvg, svgTexts } from '../export/helpers';
import { input, opts } from './helpers';

describe('stackLabels', () => {
  it('keeps a label on the first row unless it would overlap one placed before it (left to right), then lifts it just clear', () => {
    // A [50,150], D [100,140], B [100,200], C [350,450]; rows 20, 10, 20, 20 high, gap 3.
    const boxes = [
      { centre: 100, width: 100, height: 20 },
      { centre: 150, width: 100, height: 20 },
      { centre: 400, width: 100, height: 20 },
      { centre: 120, width: 40, height: 10 }
    ];
    // D clears A at 20 + 3; B clears A (0–20) and D (23–33) at 33 + 3.
    expect(stackLabels(boxes, { left: 0, right: 1000 })).toEqual([0, 36, 0, 23]);
  });

  it('moves a label inside the area first, as the chart does, and stacks it from there', () => {
    // E at 10 is drawn over [0, 100], so F over [95, 195] overlaps it; G at 490 over [400, 500], so it
    // overlaps H over [330, 430], which comes first from the left.
    const boxes = [
      { centre: 10, width: 100, height: 20 },
      { centre: 145, width: 100, height: 20 },
      { centre: 490, width: 100, height: 20 },
      { centre: 380, width: 100, height: 20 }
    ];
    expect(stackLabels(boxes, { left: 0, right: 500 })).toEqual([0, 23, 23, 0]);
    expect(
      stackLabels(
        [
          { centre: 10, width: 100, height: 20 },
          { centre: 145, width: 100, height: 20 }
        ],
        { left: -100, right: 500 }
      )
    ).toEqual([0, 0]);
  });
});

describe('event labels as drawn', () => {
  const WIDTH = 900;
  const HEIGHT = 520;
  const measure = createCanvas(1, 1).getContext('2d');

  it.each<Language>(['en', 'ar'])('in %s: flat, inside the chart, and no two overlapping', (language) => {
    const config = tensionChart(input({ language }));
    const annotations = opts(config).plugins.annotation.annotations as Record<string, { label: { content: string[] } }>;
    const lines = new Set(
      Object.entries(annotations)
        .filter(([id]) => id.startsWith('event-'))
        .flatMap(([, a]) => a.label.content)
    );
    expect(lines.size).toBe(5);
    const svg = parseSvg(
      renderChartSvg(config, { width: WIDTH, height: HEIGHT, background: 'white', language }, nodeCanvas)
    );
    const drawn = svgTexts(svg).filter((t) => lines.has(t.text));
    expect(drawn).toHaveLength(lines.size);
    const boxes = drawn.map(({ element, text }) => {
      expect(element.getAttribute('transform') ?? '').not.toMatch(/rotate|matrix/);
      expect(element.getAttribute('text-anchor')).toBe('middle');
      measure.font = `${element.getAttribute('font-size')} ${element.getAttribute('font-family')}`;
      const width = measure.measureText(text).width;
      const x = Number(element.getAttribute('x'));
      const y = Number(element.getAttribute('y'));
      return { text, left: x - width / 2, right: x + width / 2, top: y - 10, bottom: y };
    });
    for (const box of boxes) {
      expect(box.left).toBeGreaterThan(0);
      expect(box.right).toBeLessThan(WIDTH);
    }
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) {
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart, `${a.text} / ${b.text}`).toBe(true);
      }
  });
});
