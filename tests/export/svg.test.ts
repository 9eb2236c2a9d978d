// SVG export: a standalone document that a strict XML parser accepts, with the chart's texts
// kept as <text> (English and Arabic), Arabic marked right-to-left, and the background asked for.
import { DOMMatrix } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration } from 'chart.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeCanvas } from '../../src/cli/canvas';
import { CHART_KINDS, chartConfigs, chartStrings, THEMES } from '../../src/presentation/charts';
import { backgroundColour, exportCaption, renderChartSvg, type ExportBackground } from '../../src/presentation/export';
import { exportConfig } from '../../src/presentation/export/chartOptions';
import { BACKGROUND_PLUGIN_ID } from '../../src/presentation/charts/options';
import { Matrix } from '../../src/presentation/export/matrix';
import { parseFont, textAnchor } from '../../src/presentation/export/svgContext';
import { escapeAttribute, serialize, XmlElement, XmlText } from '../../src/presentation/export/svgDom';
import { analysis, input } from '../charts/helpers';
import { parseSvg, svgTexts } from './helpers';
import { bidiProblem, hostileInput } from '../support/hostile';
import type { Language } from '../../src/engine/format';

const SVG_NS = 'http://www.w3.org/2000/svg';
const WIDTH = 900;
const HEIGHT = 520;
const ARABIC = /[\u0600-\u06FF]/;

function svgOf(kind: (typeof CHART_KINDS)[number], language: Language, background: ExportBackground = 'white') {
  const config = chartConfigs(kind, input({ language }))[0];
  const text = renderChartSvg(config, { width: WIDTH, height: HEIGHT, background, language }, nodeCanvas);
  return { text, doc: parseSvg(text) };
}

describe('renderChartSvg', () => {
  const cases = CHART_KINDS.flatMap((kind) => (['en', 'ar'] as Language[]).map((language) => ({ kind, language })));

  it.each(cases)('writes $kind ($language) as a standalone SVG that parses strictly', ({ kind, language }) => {
    const { text, doc } = svgOf(kind, language);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe(SVG_NS);
    expect(root.localName).toBe('svg');
    expect(root.getAttribute('width')).toBe(String(WIDTH));
    expect(root.getAttribute('height')).toBe(String(HEIGHT));
    expect(root.getAttribute('viewBox')).toBe(`0 0 ${WIDTH} ${HEIGHT}`);
    expect(root.getAttribute('xml:lang')).toBe(language);
    // The title is the accessible name, and is drawn as text.
    const title = doc.getElementsByTagNameNS(SVG_NS, 'title')[0]?.textContent ?? '';
    expect(title.length).toBeGreaterThan(0);
    const texts = svgTexts(doc);
    expect(texts.map((t) => t.text)).toContain(title);
    for (const { element } of texts) {
      expect(element.getAttribute('font-family')).toContain('Noto Naskh Arabic');
      for (const attribute of ['x', 'y']) expect(Number.isFinite(Number(element.getAttribute(attribute)))).toBe(true);
      if (language === 'ar') {
        expect(element.getAttribute('direction')).toBe('rtl');
        expect(element.getAttribute('unicode-bidi')).toBe('embed');
      } else {
        expect(element.hasAttribute('direction')).toBe(false);
      }
    }
    if (language === 'ar') expect(texts.some((t) => ARABIC.test(t.text))).toBe(true);
    expect(text).not.toMatch(/NaN|undefined/);
  });

  it.each(['en', 'ar'] as Language[])(
    'keeps the tension chart’s title, axes, legend and bands as text (%s)',
    (language) => {
      const t = chartStrings(language);
      const texts = svgTexts(svgOf('tension', language).doc).map((x) => x.text);
      const names = analysis().scenarios.map((s) => s.name[language]);
      for (const expected of [t.titles.tension, t.axes.month, t.axes.tension, ...Object.values(t.bands), ...names])
        expect(texts, expected).toContain(expected);
      // Every month label shown is text too; "Oct 2024" / "أكتوبر 2024".
      expect(texts.some((x) => /2024/.test(x))).toBe(true);
    }
  );

  it.each(['en', 'ar'] as Language[])('keeps the tornado’s title, legend and axis as text (%s)', (language) => {
    const t = chartStrings(language);
    const texts = svgTexts(svgOf('tornado', language).doc).map((x) => x.text);
    const escalation = analysis().scenarios.find((s) => s.id === 'escalation')!.name[language];
    for (const expected of [t.titles.tornado(escalation), t.tornado.low, t.tornado.high, t.axes.tensionAtHorizon])
      expect(texts, expected).toContain(expected);
  });

  it('anchors Arabic text by its reading direction: the legend starts at the right edge', () => {
    const { doc } = svgOf('tension', 'ar');
    const baseline = analysis().scenarios[0].name.ar;
    const legend = svgTexts(doc).find((t) => t.text === baseline)!.element;
    // The first legend entry starts at the right edge.
    expect(Number(legend.getAttribute('x'))).toBeGreaterThan(WIDTH * 0.8);
    expect(legend.getAttribute('text-anchor')).toBe('start');
  });

  it.each([
    ['white', '#ffffff'],
    ['dark', THEMES.dark.surface],
    ['transparent', null]
  ] as const)('paints a %s background', (background, colour) => {
    const { doc } = svgOf('tension', 'en', background);
    const first = [...doc.documentElement.children].find((e) => e.localName !== 'title' && e.localName !== 'defs');
    if (colour) {
      expect(first?.localName).toBe('rect');
      expect(first?.getAttribute('fill')).toBe(colour);
      expect(first?.getAttribute('width')).toBe('100%');
    } else {
      expect(first?.localName).toBe('g');
    }
  });

  it('gives the same file for the same chart', () => {
    expect(svgOf('tension', 'ar').text).toBe(svgOf('tension', 'ar').text);
  });

  it('escapes what a document may hold: markup characters, quotes and control characters', () => {
    const odd = 'A <b> & "c" \'d\'\u0001\u0008 ]]> \uD800x';
    const scenarios = analysis().scenarios.map((s, i) => (i === 0 ? { ...s, name: { en: odd, ar: odd } } : s));
    const config = chartConfigs('tension', input({ analysis: { ...analysis(), scenarios } }))[0];
    const text = renderChartSvg(config, { width: 600, height: 400, background: 'white', language: 'en' }, nodeCanvas);
    const texts = svgTexts(parseSvg(text)).map((t) => t.text);
    expect(texts).toContain('A <b> & "c" \'d\' ]]> x');
  });
});

describe('what the SVG holds and leaves out', () => {
  const render = (config: ChartConfiguration, language: Language = 'en', caption?: ReturnType<typeof exportCaption>) =>
    parseSvg(
      renderChartSvg(config, { width: WIDTH, height: HEIGHT, background: 'white', language, caption }, nodeCanvas)
    );
  const elements = (doc: ReturnType<typeof parseSvg>, name: string) => [...doc.getElementsByTagNameNS(SVG_NS, name)];

  it('drops what draws nothing — empty groups, paths without a shape, identity transforms — and keeps the rest', () => {
    const { doc } = svgOf('tension', 'en');
    expect(elements(doc, 'g').filter((g) => g.children.length === 0)).toEqual([]);
    const paths = elements(doc, 'path');
    expect(paths.filter((p) => !p.getAttribute('d'))).toEqual([]);
    // The bands, the lines, the grid: still there.
    expect(paths.length).toBeGreaterThan(20);
    const transforms = [...doc.getElementsByTagName('*')].map((e) => e.getAttribute('transform')).filter(Boolean);
    expect(transforms).not.toContain('matrix(1 0 0 1 0 0)');
    // The vertical axis title keeps its quarter turn.
    const axisTitle = svgTexts(doc).find((t) => t.text === chartStrings('en').axes.tension)!.element;
    expect(axisTitle.getAttribute('transform')).toMatch(/^matrix\(\S+ -1 1 \S+ /);
  });

  it('is an image named by its title, which comes first, with the background just behind the drawing', () => {
    const { doc } = svgOf('tension', 'en');
    const root = doc.documentElement;
    expect(root.getAttribute('role')).toBe('img');
    const children = [...root.children];
    expect(children[0].localName).toBe('title');
    const rect = children.find((e) => e.localName === 'rect')!;
    expect(rect.getAttribute('height')).toBe('100%');
    expect(children[children.indexOf(rect) + 1].localName).toBe('g');
    expect(children.indexOf(rect)).toBe(children.findIndex((e) => e.localName === 'g') - 1);
  });

  it('has no <title> when the chart has none, and joins a title given as lines with spaces', () => {
    const config = chartConfigs('tension', input())[0];
    delete config.options!.plugins!.title;
    const untitled = render(config);
    expect(elements(untitled, 'title')).toEqual([]);
    const lines = chartConfigs('tension', input())[0];
    (lines.options!.plugins!.title as { text: string[] }).text = ['Tension', 'by month'];
    expect(elements(render(lines), 'title')[0].textContent).toBe('Tension by month');
  });

  it.each(['en', 'ar'] as Language[])(
    'marks the texts of a chart that sets no direction itself by the export’s language (%s)',
    (language) => {
      const config = chartConfigs('tension', input({ language }))[0];
      config.plugins = config.plugins!.filter((p) => p.id !== 'mizanTextDirection');
      const texts = svgTexts(render(config, language));
      const marked = texts.filter((t) => t.element.getAttribute('direction') === 'rtl');
      // The legend and title set their own direction; the axes' labels take the export's.
      const month = texts.find((t) => t.text === chartStrings(language).axes.month)!;
      expect(month.element.getAttribute('direction')).toBe(language === 'ar' ? 'rtl' : null);
      if (language === 'en') expect(marked).toEqual([]);
    }
  );

  it('names the Arabic face before a chart’s own font, so the caption finds it', () => {
    const config = chartConfigs('tension', input())[0];
    config.options = { ...config.options, font: { family: 'Serif X' } };
    const caption = exportCaption(
      { title: 'Red Sea', factors: [], scenarios: [] },
      'en',
      new Date(Date.UTC(2026, 11, 4, 12))
    );
    const line = svgTexts(render(config, 'en', caption)).find((t) => t.text === caption.lines[1])!;
    expect(line.element.getAttribute('font-family')).toBe("'Noto Naskh Arabic', Serif X");
  });

  it('leaves no chart behind', () => {
    const before = Object.keys(Chart.instances).length;
    svgOf('radar', 'en');
    expect(Object.keys(Chart.instances)).toHaveLength(before);
  });

  it('paints nothing behind a transparent chart, and draws only the chart’s own plugins and those asked for', () => {
    expect(backgroundColour('transparent')).toBeNull();
    const config = chartConfigs('tension', input())[0];
    const own = config.plugins!.filter((p) => p.id !== BACKGROUND_PLUGIN_ID);
    const extra = { id: 'extra' };
    expect(exportConfig(config, 2).plugins).toEqual(own);
    expect(exportConfig({ ...config, plugins: [...own, { id: BACKGROUND_PLUGIN_ID }] }, 2, [extra]).plugins).toEqual([
      ...own,
      extra
    ]);
  });
});

describe('bidirectional controls in labels', () => {
  const hostileCases = CHART_KINDS.flatMap((kind) =>
    (['en', 'ar'] as Language[]).map((language) => ({ kind, language }))
  );

  it.each(hostileCases)(
    'leaves no text of $kind ($language) with an embedding open or a stray closer',
    ({ kind, language }) => {
      for (const config of chartConfigs(kind, hostileInput({ language }))) {
        const doc = parseSvg(
          renderChartSvg(config, { width: WIDTH, height: HEIGHT, background: 'white', language }, nodeCanvas)
        );
        const texts = [
          ...svgTexts(doc).map((t) => t.text),
          doc.getElementsByTagNameNS(SVG_NS, 'title')[0]?.textContent ?? ''
        ];
        expect(texts.filter((text) => bidiProblem(text) !== null)).toEqual([]);
      }
    }
  );

  it('closes a scenario’s open override before the text that follows its name', () => {
    const config = chartConfigs('tension', hostileInput())[0];
    const texts = svgTexts(
      parseSvg(
        renderChartSvg(config, { width: WIDTH, height: HEIGHT, background: 'white', language: 'en' }, nodeCanvas)
      )
    ).map((t) => t.text);
    // Was "Base\u202Eline: 5–95%": the override ran on over ": 5–95%", shown as "Base%59–5 :enil".
    // Now the name is closed and isolated: "Baseenil: 5–95%".
    expect(texts).toContain('\u2068Base\u202Eline\u202C\u2069: 5–95%');
  });

  it('draws what a canvas draws for a text that is not one (a legend of a dataset without a label)', () => {
    const config: ChartConfiguration = {
      type: 'bar',
      data: { labels: ['شمال', 'جنوب'], datasets: [{ data: [1, 2] }] },
      options: { plugins: { legend: { display: true } } }
    };
    const svg = renderChartSvg(config, { width: 300, height: 200, language: 'ar', background: 'white' }, nodeCanvas);
    const texts = svgTexts(parseSvg(svg)).map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(['شمال', 'جنوب', 'undefined']));
  });

  it('balances a text the chart draws as it is, even one no label went into', () => {
    const config = chartConfigs('radar', input())[0];
    (config.options!.plugins!.title as { text: string }).text = '\u2067Profile \u202C';
    const doc = parseSvg(
      renderChartSvg(config, { width: WIDTH, height: HEIGHT, background: 'white', language: 'en' }, nodeCanvas)
    );
    expect(doc.getElementsByTagNameNS(SVG_NS, 'title')[0]?.textContent).toBe('\u2067Profile \u2069');
    expect(svgTexts(doc).map((t) => t.text)).toContain('\u2067Profile \u2069');
  });
});

describe('the SVG context', () => {
  it('maps textAlign to text-anchor by direction', () => {
    expect(['left', 'right', 'center', 'start', 'end'].map((a) => textAnchor(a, false))).toEqual([
      'start',
      'end',
      'middle',
      'start',
      'end'
    ]);
    expect(['left', 'right', 'center', 'start', 'end'].map((a) => textAnchor(a, true))).toEqual([
      'end',
      'start',
      'middle',
      'start',
      'end'
    ]);
  });

  it('reads canvas font strings as Chart.js writes them', () => {
    expect(parseFont("normal bold 15px 'Noto Naskh Arabic', sans-serif")).toEqual({
      style: 'normal',
      weight: 'bold',
      size: 15,
      family: "'Noto Naskh Arabic', sans-serif"
    });
    expect(parseFont('italic 600 10.5px/1.2 serif')).toEqual({
      style: 'italic',
      weight: '600',
      size: 10.5,
      family: 'serif'
    });
    expect(parseFont('12px Arial')).toEqual({ style: 'normal', weight: 'normal', size: 12, family: 'Arial' });
  });

  it('multiplies, translates, scales and rotates as DOMMatrix does', () => {
    const finite = fc.double({ min: -100, max: 100, noNaN: true });
    const six = fc.tuple(finite, finite, finite, finite, finite, finite);
    fc.assert(
      fc.property(six, six, finite, finite, finite, (m, n, x, y, angle) => {
        const ours = new Matrix(m).multiply(new Matrix(n)).translate(x, y).scale(2, 0.5).rotate(angle);
        const theirs = new DOMMatrix(m)
          .multiply(new DOMMatrix(n))
          .translate(x, y)
          .scale(2, 0.5)
          .rotate((angle * 180) / Math.PI);
        for (const k of ['a', 'b', 'c', 'd', 'e', 'f'] as const) {
          expect(ours[k]).toBeCloseTo(theirs[k], 6 - Math.ceil(Math.log10(Math.max(1, Math.abs(theirs[k])))));
        }
      })
    );
  });

  it('serialises an element tree as XML', () => {
    const root = new XmlElement('svg');
    const text = root.appendChild(new XmlElement('text'));
    text.setAttribute('a', 'x"<&>\n');
    text.appendChild(new XmlText('1 < 2 & 3'));
    root.appendChild(new XmlElement('g'));
    expect(serialize(root)).toBe(
      '<svg>\n  <text a="x&quot;&lt;&amp;&gt;&#10;">1 &lt; 2 &amp; 3</text>\n  <g/>\n</svg>'
    );
    expect(escapeAttribute('\t')).toBe('&#9;');
  });
});
