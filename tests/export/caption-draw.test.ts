// How the caption is drawn under an exported chart, checked against hand-worked numbers: the room
// kept at the chart's foot (captionHeight, added to the chart's own padding), and each line's
// place, font, colour, direction and anchor as the caption plugin draws it on a canvas whose state
// Chart.js left elsewhere. The canvas here behaves as a real one does: a value it cannot read
// (an unknown alignment, a malformed font) is ignored and the previous one stays.
import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { captionHeight, withCaption, type ExportCaption } from '../../src/presentation/export/caption';

const VALID: Record<string, (value: string) => boolean> = {
  direction: (v) => ['ltr', 'rtl', 'inherit'].includes(v),
  textAlign: (v) => ['start', 'end', 'left', 'right', 'center'].includes(v),
  textBaseline: (v) => ['top', 'hanging', 'middle', 'alphabetic', 'ideographic', 'bottom'].includes(v),
  // "[bold ]SIZEpx family", as the caption writes it.
  font: (v) => /^(bold )?\d+px \S.*$/.test(v),
  fillStyle: (v) => /^#[0-9a-f]{6}$/i.test(v)
};

interface Drawn {
  text: string;
  x: number;
  y: number;
  state: Record<string, string>;
}

/** A 2D context that keeps only valid values, as a canvas does, and records each fillText with its state. */
function recordingContext() {
  // What Chart.js might have left: none of it is what the caption wants.
  let state: Record<string, string> = {
    direction: 'inherit',
    textAlign: 'center',
    textBaseline: 'middle',
    font: '10px serif',
    fillStyle: '#000000'
  };
  const saved: Record<string, string>[] = [];
  const drawn: Drawn[] = [];
  const ctx = new Proxy({} as Record<string, unknown>, {
    get(_, name: string) {
      if (name === 'save') return () => saved.push({ ...state });
      if (name === 'restore') return () => (state = saved.pop() ?? state);
      if (name === 'fillText')
        return (text: string, x: number, y: number) => drawn.push({ text, x, y, state: { ...state } });
      return state[name];
    },
    set(_, name: string, value: string) {
      if (VALID[name]?.(value)) state[name] = value;
      return true;
    }
  });
  return { ctx, drawn, state: () => state };
}

const EN: ExportCaption = { lines: ['Red Sea · December 4, 2026', 'A judgement aid', 'Names: 3'], language: 'en' };
const AR: ExportCaption = { lines: ['البحر الأحمر · 4 ديسمبر 2026', 'أداة مساعدة'], language: 'ar' };

function draw(config: ChartConfiguration, caption: ExportCaption, width = 600, height = 400) {
  const plugin = withCaption(config, caption).plugins!.at(-1) as Plugin;
  const recording = recordingContext();
  (plugin.afterDraw as (chart: Chart) => void)({ ctx: recording.ctx, width, height } as unknown as Chart);
  return recording;
}

const styled = (): ChartConfiguration => ({
  type: 'line',
  data: { datasets: [] },
  options: { color: '#123456', font: { family: 'Serif X' }, plugins: { title: { display: true, text: 'T' } } }
});

describe('captionHeight', () => {
  it('is a margin of 8, then 12 + 4 for the first line and 11 + 4 for each other', () => {
    expect(captionHeight([])).toBe(8);
    expect(captionHeight(['a'])).toBe(24);
    expect(captionHeight(['a', 'b'])).toBe(39);
    expect(captionHeight(['a', 'b', 'c'])).toBe(54);
  });
});

describe('withCaption: the room at the chart’s foot', () => {
  const bare = (layout?: object): ChartConfiguration => ({
    type: 'bar',
    data: { datasets: [] },
    options: layout ? { layout } : {}
  });
  const padding = (config: ChartConfiguration) => withCaption(config, EN).options!.layout!.padding;

  it('adds the caption’s height under the chart’s own padding, whatever form it takes', () => {
    // Three lines: 8 + 16 + 15 + 15 = 54.
    expect(padding(bare())).toEqual({ bottom: 54 });
    expect(padding(bare({ padding: 10 }))).toEqual({ top: 10, right: 10, bottom: 64, left: 10 });
    expect(padding(bare({ padding: { top: 30, left: 5 } }))).toEqual({ top: 30, left: 5, bottom: 54 });
    expect(padding(bare({ padding: { top: 30, bottom: 6 }, autoPadding: false }))).toEqual({ top: 30, bottom: 60 });
    expect(withCaption(bare({ autoPadding: false }), EN).options!.layout!.autoPadding).toBe(false);
    expect(padding({ type: 'bar', data: { datasets: [] } })).toEqual({ bottom: 54 });
  });

  it('keeps the chart’s own options and plugins, and adds the caption after them', () => {
    const own: Plugin = { id: 'own' };
    const config = { ...styled(), plugins: [own] };
    const captioned = withCaption(config, EN);
    expect(captioned.options!.plugins).toEqual(config.options!.plugins);
    expect(captioned.options!.color).toBe('#123456');
    expect(captioned.plugins).toHaveLength(2);
    expect(captioned.plugins![0]).toBe(own);
  });
});

describe('the caption plugin', () => {
  it('draws English from the left margin, first line bold 12px, others 11px, each bottom 4 above the next', () => {
    const { drawn, state } = draw(styled(), EN, 600, 400);
    // y starts at 400 − 54 + 8 = 354; each line adds its size and 4, and is drawn 4 above that.
    expect(drawn.map(({ text, x, y }) => ({ text, x, y }))).toEqual([
      { text: EN.lines[0], x: 8, y: 354 + 16 - 4 },
      { text: EN.lines[1], x: 8, y: 354 + 16 + 15 - 4 },
      { text: EN.lines[2], x: 8, y: 400 - 4 }
    ]);
    expect(drawn.map((d) => d.state.font)).toEqual(['bold 12px Serif X', '11px Serif X', '11px Serif X']);
    for (const d of drawn) {
      expect(d.state).toMatchObject({
        direction: 'ltr',
        textAlign: 'left',
        textBaseline: 'bottom',
        fillStyle: '#123456'
      });
    }
    // And the canvas is left as Chart.js had it.
    expect(state()).toMatchObject({ textAlign: 'center', font: '10px serif', direction: 'inherit' });
  });

  it('draws Arabic from the right margin, right-to-left', () => {
    const { drawn } = draw(styled(), AR, 600, 400);
    // Two lines: 39 high; y starts at 400 − 39 + 8 = 369.
    expect(drawn.map(({ text, x, y }) => ({ text, x, y }))).toEqual([
      { text: AR.lines[0], x: 592, y: 369 + 16 - 4 },
      { text: AR.lines[1], x: 592, y: 396 }
    ]);
    for (const d of drawn)
      expect(d.state).toMatchObject({ direction: 'rtl', textAlign: 'right', textBaseline: 'bottom' });
  });

  it('falls back to the app’s text colour and a sans-serif face when the chart names neither', () => {
    const { drawn } = draw({ type: 'bar', data: { datasets: [] } }, EN);
    expect(drawn.map((d) => d.state.font)).toEqual(['bold 12px sans-serif', '11px sans-serif', '11px sans-serif']);
    expect(drawn.every((d) => d.state.fillStyle === '#1a1f26')).toBe(true);
    const unnamed = draw(
      { type: 'bar', data: { datasets: [] }, options: { color: ['#ff0000'] as never, font: {} } },
      AR
    );
    expect(unnamed.drawn[0].state).toMatchObject({ font: 'bold 12px sans-serif', fillStyle: '#1a1f26' });
  });
});
