// @vitest-environment jsdom
// Exporting a chart from the app (src/renderer/src/export/chartExport.ts): the files it makes
// from the pane's ChartInput — names, PNG pixel sizes and backgrounds, SVG text, CSV numbers —
// and how it hands them to the Bridge. Drawn with @napi-rs/canvas; jsdom gives the strict XML
// parser (DOMParser). The readers are written here because this project (tsconfig.web.json)
// cannot import the Node-side helpers of tests/export.
import { createCanvas, Image } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../../src/engine/analysis';
import { chartTable, type ChartInput, type ChartKind } from '../../src/presentation/charts';
import {
  CAPTION_TEXTS,
  EXPORT_SCALES,
  pngSize,
  type CanvasFactory,
  type ExportBackground,
  type ExportCanvas
} from '../../src/presentation/export';
import type { Outcome, SavedFile } from '../../src/contract/bridge';
import {
  chartExportFile,
  chartPictures,
  defaultPngSettings,
  exportTheme,
  formatOf,
  needsChoice,
  runChartExport,
  type ChartExportFile,
  type ChartExportOptions
} from '../../src/renderer/src/export/chartExport';
import { CSV_BOM_STORAGE_KEY, loadCsvBom, saveCsvBom } from '../../src/renderer/src/export/csvPreference';
import { CAPTION_STORAGE_KEY, loadCaption, saveCaption } from '../../src/renderer/src/export/captionPreference';
import { FORMULA_LABELS, hostileInput } from '../support/hostile';
import { DEFAULT_DOC, defaultChartInput } from '../support/defaultChartInput';

const doc = DEFAULT_DOC;
const analysis = analyseDocument(doc, { runs: 300 });
const input = (overrides: Partial<ChartInput> = {}): ChartInput => defaultChartInput(analysis, overrides);
const nodeCanvas: CanvasFactory = (width, height) => createCanvas(width, height) as unknown as ExportCanvas;

/** Parses strictly: a document that is not well-formed XML throws. */
function parseSvg(text: string): Document {
  const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
  const error = parsed.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return parsed;
}

const svgTexts = (svg: Document) =>
  [...svg.getElementsByTagNameNS('http://www.w3.org/2000/svg', 'text')].map((element) => ({
    element,
    text: element.textContent ?? ''
  }));

/** RFC 4180 records: fields split on commas outside quotes, "" an escaped quote. */
function parseCsv(text: string): string[][] {
  const records = text.replace(/\r\n$/, '').split(/\r\n(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  return records.map((record) =>
    [...record.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((m) =>
      m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]
    )
  );
}
const csvNumber = (field: string): number | null => (field === '' ? null : Number(field));

function pngPixels(png: Uint8Array) {
  const image = new Image();
  image.src = Buffer.from(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, data: context.getImageData(0, 0, image.width, image.height).data };
}
const pixel = (p: { width: number; data: Uint8ClampedArray }, x: number, y: number) => {
  const i = (y * p.width + x) * 4;
  return [...p.data.subarray(i, i + 4)];
};

const SVG_NS = 'http://www.w3.org/2000/svg';
const DOCUMENT = 'ashgabat-2024.mizan';
const OPTIONS: ChartExportOptions = { scale: 1, background: 'white' };
const ARABIC = /[\u0600-\u06FF]/;
/** A number as the charts show it, by the locale's rounding, not by the code under test. */
const oneDecimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1, useGrouping: false });

const make = (
  kind: ChartKind,
  format: 'png' | 'svg' | 'csv',
  options: Partial<ChartExportOptions> = {},
  language: 'en' | 'ar' = 'en'
) => chartExportFile(kind, input({ language }), format, { ...OPTIONS, ...options }, DOCUMENT, nodeCanvas);

describe('chartExportFile', () => {
  it('names files <document>-<chart>-<scenario>.<ext>, one factor per picture, one table for all factors', () => {
    const first = doc.factors[0].id;
    const second = doc.factors[1].id;
    expect(make('tension', 'png').name).toBe('ashgabat-2024-tension-escalation.png');
    expect(make('tornado', 'svg').name).toBe('ashgabat-2024-tornado-escalation.svg');
    // A chart that draws every scenario alike names none.
    expect(make('radar', 'csv').name).toBe('ashgabat-2024-radar.csv');
    expect(make('odds', 'png').name).toBe('ashgabat-2024-odds.png');
    expect(make('factors', 'png').name).toBe(`ashgabat-2024-factors-${first}.png`);
    expect(make('factors', 'svg', { factorId: second }).name).toBe(`ashgabat-2024-factors-${second}.svg`);
    expect(make('factors', 'csv', { factorId: second }).name).toBe('ashgabat-2024-factors.csv');
    expect(chartExportFile('tension', input(), 'csv', OPTIONS, 'Untitled: draft?.mizan', nodeCanvas).name).toBe(
      'Untitled- draft-tension-escalation.csv'
    );
  });

  it('names both scenarios of a gap: the selected one minus the one it is compared with', () => {
    // Escalation is selected; by default the gap is taken from the next scenario, de-escalation.
    expect(make('gap', 'png').name).toBe('ashgabat-2024-gap-escalation-minus-deescalation.png');
    const versus = input({ versus: 'baseline' });
    expect(chartExportFile('gapAtHorizon', versus, 'csv', OPTIONS, DOCUMENT, nodeCanvas).name).toBe(
      'ashgabat-2024-gapAtHorizon-escalation-minus-baseline.csv'
    );
  });

  it.each(EXPORT_SCALES)('at %i× draws a PNG of 900·scale × 520·scale pixels', (scale) => {
    const file = make('tension', 'png', { scale });
    expect(file.kind).toBe('png');
    expect(typeof file.data).not.toBe('string');
    expect(pngSize(file.data as Uint8Array)).toEqual({ width: 900 * scale, height: 520 * scale });
  });

  it.each<[ExportBackground, number[]]>([
    ['white', [255, 255, 255, 255]],
    ['dark', [0x1b, 0x1f, 0x25, 255]],
    ['transparent', [0, 0, 0, 0]]
  ])('paints the %s background behind the chart', (background, corner) => {
    const pixels = pngPixels(make('histogram', 'png', { background }).data as Uint8Array);
    expect(pixel(pixels, 0, 0)).toEqual(corner);
    expect(pixel(pixels, pixels.width - 1, pixels.height - 1)).toEqual(corner);
  });

  it('draws light text on the dark background and dark text on white, whatever the app theme', () => {
    // The title's ink, in the middle of the top rows: lighter than the background on dark.
    const brightest = (png: Uint8Array) => {
      const pixels = pngPixels(png);
      let max = 0;
      for (let y = 0; y < 40; y++)
        for (let x = 0; x < pixels.width; x++) max = Math.max(max, ...pixel(pixels, x, y).slice(0, 3));
      return max;
    };
    const onDark = chartExportFile(
      'tension',
      input({ theme: 'light' }),
      'png',
      { scale: 1, background: 'dark' },
      DOCUMENT,
      nodeCanvas
    );
    expect(brightest(onDark.data as Uint8Array)).toBeGreaterThan(200);
    expect(exportTheme('white', 'dark')).toBe('light');
    expect(exportTheme('dark', 'light')).toBe('dark');
    expect(exportTheme('transparent', 'dark')).toBe('dark');
    expect(defaultPngSettings('dark')).toEqual({ scale: 2, background: 'dark' });
    expect(defaultPngSettings('light')).toEqual({ scale: 2, background: 'white' });
  });

  it('writes an SVG that parses strictly, with the chart title kept as <text>', () => {
    const file = make('tension', 'svg');
    expect(file.kind).toBe('svg');
    const svg = parseSvg(file.data as string);
    const root = svg.documentElement;
    expect(root.getAttribute('viewBox')).toBe('0 0 900 520');
    expect(root.getAttribute('xml:lang')).toBe('en');
    const title = svg.getElementsByTagNameNS(SVG_NS, 'title')[0]?.textContent ?? '';
    expect(title).toMatch(/tension/i);
    expect(svgTexts(svg).map((t) => t.text)).toContain(title);
  });

  it('writes an Arabic SVG right to left when the interface is Arabic', () => {
    const svg = parseSvg(make('tension', 'svg', {}, 'ar').data as string);
    expect(svg.documentElement.getAttribute('xml:lang')).toBe('ar');
    const title = svg.getElementsByTagNameNS(SVG_NS, 'title')[0]?.textContent ?? '';
    expect(title).toMatch(ARABIC);
    const texts = svgTexts(svg);
    expect(texts.map((t) => t.text)).toContain(title);
    for (const { element } of texts) expect(element.getAttribute('direction')).toBe('rtl');
  });

  it.each<ChartKind>(['tension', 'contributions', 'tornado', 'factors', 'radar'])(
    'writes the %s CSV as the chart’s table: a header row, ISO months, the numbers as the chart shows them',
    (kind) => {
      const file = make(kind, 'csv');
      expect(file.kind).toBe('csv');
      const [header, ...rows] = parseCsv(file.data as string);
      const table = chartTable(kind, input());
      expect(header).toEqual(table.columns);
      expect(rows).toHaveLength(table.rows.length);
      const byMonth = kind === 'tension' || kind === 'contributions' || kind === 'factors';
      rows.forEach((row, r) => {
        expect(row[0]).toBe(byMonth ? analysis.months[r] : String(table.rows[r][0]));
        table.rows[r].slice(1).forEach((value, c) => {
          if (value === null) expect(csvNumber(row[c + 1])).toBe(null);
          else if (typeof value === 'number') expect(csvNumber(row[c + 1])).toBe(Number(oneDecimal.format(value)));
          else expect(row[c + 1]).toBe(value);
        });
      });
      if (byMonth) expect(rows[0][0]).toBe('2024-10');
    }
  );

  it('refuses a factor the analysis does not have', () => {
    expect(() => make('factors', 'png', { factorId: 'no-such-factor' })).toThrow(/no-such-factor/);
  });
});

describe('choices', () => {
  it('lists one picture per factor, labelled in the chart’s language, and one for the other charts', () => {
    expect(chartPictures('tension', input())).toEqual([{ chart: 'tension', factorId: null, label: '' }]);
    const english = chartPictures('factors', input());
    expect(english.map((p) => p.factorId)).toEqual(doc.factors.map((f) => f.id));
    expect(english[0].label).toBe(doc.factors[0].label.en);
    expect(chartPictures('factors', input({ language: 'ar' }))[0].label).toBe(doc.factors[0].label.ar);
  });

  it('asks before PNG (size, background, caption), SVG (caption), CSV (byte-order mark) and a factor picture; not before copy of one chart', () => {
    expect(needsChoice('tension', 'png')).toBe(true);
    expect(needsChoice('tension', 'copy')).toBe(false);
    expect(needsChoice('tension', 'svg')).toBe(true);
    expect(needsChoice('factors', 'copy')).toBe(true);
    expect(needsChoice('factors', 'svg')).toBe(true);
    expect(needsChoice('tension', 'csv')).toBe(true);
    expect(needsChoice('factors', 'csv')).toBe(true);
    expect(formatOf('copy')).toBe('png');
    expect(formatOf('csv')).toBe('csv');
  });
});

describe('runChartExport', () => {
  const png: ChartExportFile = { name: 'a-tension-b.png', kind: 'png', data: new Uint8Array([1, 2, 3]) };
  const csv: ChartExportFile = { name: 'a-tension-b.csv', kind: 'csv', data: 'Month\r\n' };

  function bridge(save: Outcome<SavedFile>, copy: Outcome<null> = { ok: true, value: null }) {
    const calls: { saved: [string, string, Uint8Array | string][]; copied: Uint8Array[] } = { saved: [], copied: [] };
    return {
      calls,
      saveExport: async (kind: string, name: string, data: Uint8Array | string) => {
        calls.saved.push([kind, name, data]);
        return save;
      },
      copyImage: async (bytes: Uint8Array) => {
        calls.copied.push(bytes);
        return copy;
      }
    };
  }

  it('saves through the save dialog with the suggested name and says under which name', async () => {
    const b = bridge({ ok: true, value: { handle: 'h1', name: 'chosen.csv' } });
    expect(await runChartExport(b, 'csv', csv)).toEqual({ done: 'saved', name: 'chosen.csv' });
    expect(b.calls.saved).toEqual([['csv', 'a-tension-b.csv', 'Month\r\n']]);
    expect(b.calls.copied).toEqual([]);
  });

  it('copies the PNG bytes to the clipboard, without a save dialog', async () => {
    const b = bridge({ ok: false, canceled: true });
    expect(await runChartExport(b, 'copy', png)).toEqual({ done: 'copied' });
    expect(b.calls.copied).toEqual([png.data]);
    expect(b.calls.saved).toEqual([]);
  });

  it('is silent when the save dialog is canceled, and throws the platform’s message when it fails', async () => {
    expect(await runChartExport(bridge({ ok: false, canceled: true }), 'png', png)).toEqual({ done: 'canceled' });
    await expect(runChartExport(bridge({ ok: false, error: 'The disk is full.' }), 'png', png)).rejects.toThrow(
      'The disk is full.'
    );
    await expect(
      runChartExport(bridge({ ok: false, canceled: true }, { ok: false, error: 'No clipboard here.' }), 'copy', png)
    ).rejects.toThrow('No clipboard here.');
    await expect(runChartExport(bridge({ ok: false, canceled: true }), 'copy', csv)).rejects.toThrow(/PNG/);
  });
});

describe('the app’s CSV with labels hostile to spreadsheets', () => {
  it('starts formula labels with a quote, balances bidi controls, and keeps the numbers', () => {
    const [header, ...rows] = parseCsv(
      chartExportFile('contributions', hostileInput(), 'csv', OPTIONS, DOCUMENT, nodeCanvas).data as string
    );
    expect(header.slice(1, 8)).toEqual([
      ...FORMULA_LABELS.map((f) => `'${f}`),
      '\u2068Sanctions\u202E\u202C\u2069',
      '\u2068\u2067x\u2069\u2069',
      'stray close'
    ]);
    rows.forEach((row) => expect(row.slice(1).every((cell) => Number.isFinite(Number(cell)))).toBe(true));
  });

  it('starts the file with a byte-order mark only when the dialog asked for it', () => {
    const marked = chartExportFile('radar', input(), 'csv', { ...OPTIONS, bom: true }, DOCUMENT, nodeCanvas)
      .data as string;
    const plain = chartExportFile('radar', input(), 'csv', { ...OPTIONS, bom: false }, DOCUMENT, nodeCanvas)
      .data as string;
    expect([...new TextEncoder().encode(marked).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(marked).toBe(`\uFEFF${plain}`);
    expect(plain.startsWith('Factor,')).toBe(true);
    expect(chartExportFile('radar', input(), 'csv', OPTIONS, DOCUMENT, nodeCanvas).data).toBe(plain);
  });
});

describe('the caption of a picture', () => {
  const DAY = new Date(Date.UTC(2026, 11, 4, 12));
  const texts = (options: Partial<ChartExportOptions>, language: 'en' | 'ar' = 'en') => {
    const file = chartExportFile(
      'tension',
      input({ language }),
      'svg',
      { ...OPTIONS, ...options },
      DOCUMENT,
      nodeCanvas,
      DAY
    );
    return svgTexts(parseSvg(file.data as string)).map((t) => t.text);
  };

  it('is under the chart when asked: the document’s title and the day, then the judgement-aid line', () => {
    expect(texts({ caption: true })).toContain(`\u2068${doc.title}\u2069 · December 4, 2026`);
    expect(texts({ caption: true })).toContain(CAPTION_TEXTS.en.judgementAid);
    expect(texts({ caption: true }, 'ar')).toContain(CAPTION_TEXTS.ar.judgementAid);
  });

  it('is left out when not asked', () => {
    for (const options of [{}, { caption: false }])
      expect(texts(options).filter((t) => t.includes(doc.title) || t === CAPTION_TEXTS.en.judgementAid)).toEqual([]);
  });
});

describe('the remembered caption choice', () => {
  it('is on until turned off, then read back as saved; on when storage is missing or unreadable', () => {
    const items = new Map<string, string>();
    const storage = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v)
    };
    expect(loadCaption(storage)).toBe(true);
    saveCaption(storage, false);
    expect(items.get(CAPTION_STORAGE_KEY)).toBe('{"caption":false}');
    expect(loadCaption(storage)).toBe(false);
    saveCaption(storage, true);
    expect(loadCaption(storage)).toBe(true);
    expect(loadCaption(undefined)).toBe(true);
    items.set(CAPTION_STORAGE_KEY, 'not json');
    expect(loadCaption(storage)).toBe(true);
  });
});

describe('the remembered byte-order mark choice', () => {
  const memory = () => {
    const items = new Map<string, string>();
    return {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      items
    };
  };

  it('is off until chosen, then read back as saved', () => {
    const storage = memory();
    expect(loadCsvBom(storage)).toBe(false);
    saveCsvBom(storage, true);
    expect(storage.items.get(CSV_BOM_STORAGE_KEY)).toBe('{"bom":true}');
    expect(loadCsvBom(storage)).toBe(true);
    saveCsvBom(storage, false);
    expect(loadCsvBom(storage)).toBe(false);
  });

  it('is off when storage is missing, unreadable or holds something else, and a failed save is silent', () => {
    expect(loadCsvBom(undefined)).toBe(false);
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      }
    };
    expect(loadCsvBom(broken)).toBe(false);
    expect(() => saveCsvBom(broken, true)).not.toThrow();
    for (const raw of ['not json', '{"bom":"yes"}', '[]', 'null'])
      expect(loadCsvBom({ getItem: () => raw, setItem: () => {} })).toBe(false);
  });
});
