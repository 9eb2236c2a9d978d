// The caption of exported charts: the document's title and the date, then the judgement-aid
// line, under the chart (SVG text and PNG pixels), from the reading edge; left out on request.
import { describe, expect, it } from 'vitest';
import { nodeCanvas } from '../../src/cli/canvas';
import { chartConfigs } from '../../src/presentation/charts';
import {
  CAPTION_TEXTS,
  exportCaption,
  renderChartPng,
  renderChartSvg,
  type ExportCaption
} from '../../src/presentation/export';
import { captionHeight } from '../../src/presentation/export/caption';
import { input } from '../charts/helpers';
import { parseSvg, pixel, pngPixels, svgTexts } from './helpers';
import type { Language } from '../../src/engine/format';

const WIDTH = 900;
const HEIGHT = 520;
// Noon UTC: the same day in every time zone the tests may run in.
const DAY = new Date(Date.UTC(2026, 11, 4, 12));

/** A document with nothing but a title: every name translated, as there are none. */
const titled = (title: string) => ({ title, factors: [], scenarios: [] });

describe('exportCaption', () => {
  it('is the title and the long date, then the judgement-aid line, in the language', () => {
    expect(exportCaption(titled('Red Sea shipping'), 'en', DAY)).toEqual({
      lines: ['\u2068Red Sea shipping\u2069 · December 4, 2026', CAPTION_TEXTS.en.judgementAid],
      language: 'en'
    });
    expect(CAPTION_TEXTS.en.judgementAid).toContain('a judgement aid, not a forecast');
    const arabic = exportCaption(titled('الملاحة في البحر الأحمر'), 'ar', DAY);
    // The title set apart (FSI … PDI), so that the date keeps its day in either direction.
    expect(arabic.lines[0].startsWith('\u2068الملاحة في البحر الأحمر\u2069 · ')).toBe(true);
    expect(arabic.lines[0]).toContain('ديسمبر');
    expect(arabic.lines[1]).toBe(CAPTION_TEXTS.ar.judgementAid);
    // "a judgement aid and not a forecast".
    expect(arabic.lines[1]).toContain('أداة مساعدة على التقدير وليست تنبؤًا');
  });

  it('names an untitled document so, and cuts a long title', () => {
    expect(exportCaption(titled('  '), 'en', DAY).lines[0]).toContain('Untitled analysis');
    expect(exportCaption(titled(''), 'ar', DAY).lines[0]).toContain('\u2068تحليل بلا عنوان\u2069');
    const long = exportCaption(titled('x'.repeat(300)), 'en', DAY).lines[0];
    expect(long.length).toBeLessThan(120);
    expect(long).toContain('…');
  });

  it('adds a line counting the names that have no text in the caption’s language, in either direction', () => {
    const factor = (en: string, ar: string) => ({ id: en || 'x', label: { en, ar }, direction: 1 as const, weight: 5 });
    const doc = {
      title: 'Red Sea',
      factors: [factor('Houthi attacks', ''), factor('', 'الحصار'), factor('Shipping', 'الملاحة')],
      scenarios: [
        {
          id: 's',
          name: { en: '', ar: 'التصعيد' },
          color: '#0072b2',
          factors: {},
          events: [{ id: 'e', label: { en: '', ar: 'ضربة' }, month: 1, factor: 'x', shift: 5, probability: 1 }]
        }
      ]
    } as never;
    // English readers see the three names typed only in Arabic; Arabic readers the one typed only in English.
    expect(exportCaption(doc, 'en', DAY).lines).toEqual([
      expect.any(String),
      CAPTION_TEXTS.en.judgementAid,
      'Names not yet in English (shown in Arabic): 3'
    ]);
    expect(exportCaption(doc, 'ar', DAY).lines[2]).toBe('أسماء لم تُترجم إلى العربية بعد (معروضة بالإنجليزية): 1');
    expect(exportCaption(titled('Red Sea'), 'ar', DAY).lines).toHaveLength(2);
  });
});

function svg(language: Language, caption?: ExportCaption) {
  const config = chartConfigs('tension', input({ language }))[0];
  return parseSvg(
    renderChartSvg(config, { width: WIDTH, height: HEIGHT, background: 'white', language, caption }, nodeCanvas)
  );
}

describe('the caption in an SVG', () => {
  it('draws both lines under everything else, from the left in English', () => {
    const caption = exportCaption(titled('Red Sea shipping'), 'en', DAY);
    const texts = svgTexts(svg('en', caption));
    const [title, note] = caption.lines.map((line) => texts.find((t) => t.text === line));
    expect(title).toBeDefined();
    expect(note).toBeDefined();
    const y = (t: (typeof texts)[number]) => Number(t.element.getAttribute('y'));
    const others = texts.filter((t) => t !== title && t !== note).map(y);
    expect(y(title!)).toBeGreaterThan(Math.max(...others));
    expect(y(note!)).toBeGreaterThan(y(title!));
    expect(y(note!)).toBeLessThanOrEqual(HEIGHT);
    // The margin, 8 units from the left edge.
    expect(Number(title!.element.getAttribute('x'))).toBe(8);
  });

  it('draws it from the right in Arabic, marked right-to-left', () => {
    const caption = exportCaption(titled('الملاحة في البحر الأحمر'), 'ar', DAY);
    const note = svgTexts(svg('ar', caption)).find((t) => t.text === caption.lines[1])!;
    expect(Number(note.element.getAttribute('x'))).toBe(WIDTH - 8);
    // Anchored at its start, which right-to-left is its right end.
    expect(note.element.getAttribute('direction')).toBe('rtl');
    expect(note.element.getAttribute('text-anchor')).toBe('start');
  });

  it('is not there when left out', () => {
    const texts = svgTexts(svg('en')).map((t) => t.text);
    expect(texts.some((t) => t.includes(CAPTION_TEXTS.en.judgementAid))).toBe(false);
  });
});

describe('the caption in a PNG', () => {
  /** How many pixels of the strip the caption takes at the foot differ from the white background. */
  function inkAtFoot(caption?: ExportCaption): number {
    const config = chartConfigs('tension', input())[0];
    const png = renderChartPng(
      config,
      { width: WIDTH, height: HEIGHT, scale: 1, background: 'white', caption },
      nodeCanvas
    );
    const pixels = pngPixels(png);
    let ink = 0;
    const strip = captionHeight(exportCaption(titled('Red Sea shipping'), 'en', DAY).lines);
    for (let y = HEIGHT - strip; y < HEIGHT; y++)
      for (let x = 0; x < WIDTH; x++)
        if (
          pixel(pixels, x, y)
            .slice(0, 3)
            .some((c) => c < 200)
        )
          ink++;
    return ink;
  }

  it('writes the caption’s ink in the strip at the foot, where without it there is only the axis title', () => {
    const without = inkAtFoot();
    const withCaption = inkAtFoot(exportCaption(titled('Red Sea shipping'), 'en', DAY));
    expect(withCaption).toBeGreaterThan(without + 1000);
  });
});
