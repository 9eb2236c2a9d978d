// CSV export: each chart's table, with ISO months, parsing back to the engine's numbers.
import { describe, expect, it } from 'vitest';
import { chartStrings, inputLabel, TORNADO_MAX_BARS } from '../../src/presentation/charts';
import { CSV_BOM, toCsv } from '../../src/engine/export/csv';
import { chartCsv } from '../../src/presentation/export';
import { analysis, doc, H, input, scenario, withoutMonteCarlo } from '../charts/helpers';
import { csvNumber, parseCsv } from './helpers';
import { bidiProblem, BIDI_LABELS, FORMULA_LABELS, hostileInput } from '../support/hostile';

const COMPARED = ['baseline', 'escalation', 'deescalation'];
const SELECTED = 'escalation';
const factorIds = doc.factors.map((f) => f.id);
/** A value as the charts write it (one decimal), by the same rule as their number format, not by the code under test. */
const oneDecimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1, useGrouping: false });
const shown = (value: number) => Number(oneDecimal.format(value));

function table(kind: Parameters<typeof chartCsv>[0], overrides = {}) {
  const text = chartCsv(kind, input(overrides));
  expect(text.endsWith('\r\n')).toBe(true);
  const [header, ...rows] = parseCsv(text);
  for (const row of rows) expect(row).toHaveLength(header.length);
  return { header, rows };
}

describe('chartCsv', () => {
  it('rounds every number to the one decimal the chart shows, and leaves whole numbers whole', () => {
    const { rows } = table('tension');
    const numbers = rows.flatMap((row) => row.slice(1, -1)).filter((cell) => cell !== '');
    expect(numbers.length).toBeGreaterThan(100);
    for (const cell of numbers) expect(cell).toMatch(/^-?\d+(\.\d)?$/);
    // A hand-worked cell: the baseline's central path at month 0, as the tooltip shows it.
    const first = scenario('baseline').central.tension[0];
    expect(rows[0][1]).toBe(String(Math.round(first * 10) / 10));
    expect(table('histogram').rows.map((r) => csvNumber(r[3]))).toEqual(scenario(SELECTED).monteCarlo!.histogram.counts);
  });

  it('tension: ISO months, each compared scenario’s central path, the selected fan, the events', () => {
    const { header, rows } = table('tension');
    expect(header[0]).toBe('Month');
    expect(header.slice(1, 4)).toEqual(COMPARED.map((id) => scenario(id).name.en));
    expect(header.at(-1)).toBe('Events');
    expect(rows.map((r) => r[0])).toEqual(analysis().months);
    expect(rows[0][0]).toBe('2024-10');
    const mc = scenario(SELECTED).monteCarlo!;
    rows.forEach((row, t) => {
      COMPARED.forEach((id, k) => expect(csvNumber(row[1 + k])).toBe(shown(scenario(id).central.tension[t])));
      (['5', '25', '75', '95'] as const).forEach((q, k) => expect(csvNumber(row[4 + k])).toBe(shown(mc.quantiles[q][t])));
    });
    expect(rows[1].at(-1)).toContain('BRICS');
  });

  it('contributions: one column per factor, and the total equals the tension', () => {
    const { header, rows } = table('contributions');
    expect(header).toHaveLength(factorIds.length + 2);
    const s = scenario(SELECTED);
    rows.forEach((row, t) => {
      expect(row[0]).toBe(analysis().months[t]);
      factorIds.forEach((id, k) => expect(csvNumber(row[1 + k])).toBe(shown(s.central.contributions[id][t])));
      expect(csvNumber(row.at(-1)!)).toBe(shown(s.central.tension[t]));
    });
  });

  it('contributions at the horizon: a row per compared scenario', () => {
    const { rows } = table('contributionsAtHorizon');
    expect(rows.map((r) => r[0])).toEqual(COMPARED.map((id) => scenario(id).name.en));
    rows.forEach((row, k) => {
      const s = scenario(COMPARED[k]);
      factorIds.forEach((id, i) => expect(csvNumber(row[1 + i])).toBe(shown(s.central.contributions[id][H])));
      expect(csvNumber(row.at(-1)!)).toBe(shown(s.central.tension[H]));
    });
  });

  it('factor paths: a column per factor and compared scenario, by ISO month', () => {
    const { header, rows } = table('factors');
    expect(header).toHaveLength(1 + factorIds.length * COMPARED.length);
    rows.forEach((row, t) => {
      expect(row[0]).toBe(analysis().months[t]);
      factorIds.forEach((f, i) =>
        COMPARED.forEach((id, k) =>
          expect(csvNumber(row[1 + i * COMPARED.length + k])).toBe(shown(scenario(id).central.factors[f][t]))
        )
      );
    });
  });

  it('tornado: the largest swings of the selected scenario, low, high and swing as the chart shows them', () => {
    const { header, rows } = table('tornado');
    expect(header).toEqual(['Input', 'Input at its low', 'Input at its high', 'Swing']);
    const bars = [...scenario(SELECTED).tornado].sort((a, b) => b.swing - a.swing).slice(0, TORNADO_MAX_BARS);
    expect(rows).toHaveLength(bars.length);
    rows.forEach((row, k) => {
      expect(row[0]).toBe(inputLabel(doc, bars[k].input, 'en'));
      expect(row.slice(1).map(csvNumber)).toEqual([bars[k].low, bars[k].high, bars[k].swing].map(shown));
    });
    // "Russian arms transfers to Iran (S-400, Su-35) — target": a comma, so quoted, and read back whole.
    expect(rows.some((r) => r[0].includes(','))).toBe(true);
  });

  it('histogram: the bins’ edges and counts', () => {
    const { header, rows } = table('histogram');
    expect(header).toEqual(['Tension at the horizon', 'From', 'To', 'Runs']);
    const { edges, counts } = scenario(SELECTED).monteCarlo!.histogram;
    expect(rows.map((r) => csvNumber(r[1]))).toEqual(edges.slice(0, -1).map(shown));
    expect(rows.map((r) => csvNumber(r[2]))).toEqual(edges.slice(1).map(shown));
    expect(rows.map((r) => csvNumber(r[3]))).toEqual(counts);
  });

  it('radar: each factor’s level at the horizon per compared scenario', () => {
    const { rows } = table('radar');
    expect(rows).toHaveLength(factorIds.length);
    rows.forEach((row, i) =>
      COMPARED.forEach((id, k) => expect(csvNumber(row[1 + k])).toBe(shown(scenario(id).central.factors[factorIds[i]][H])))
    );
  });

  it('writes Arabic headers and labels, and still ISO months', () => {
    const { header, rows } = table('tension', { language: 'ar' });
    expect(header[0]).toBe(chartStrings('ar').axes.month);
    expect(header[1]).toBe(scenario('baseline').name.ar);
    expect(rows.map((r) => r[0])).toEqual(analysis().months);
  });

  it('leaves out what was not computed: no fan columns, no histogram rows', () => {
    const { header, rows } = table('tension', { analysis: withoutMonteCarlo() });
    expect(header).toHaveLength(1 + COMPARED.length + 1);
    expect(rows).toHaveLength(H + 1);
    expect(table('histogram', { analysis: withoutMonteCarlo() }).rows).toEqual([]);
  });
});

describe('text a spreadsheet would run', () => {
  const FORMULAS = [...FORMULA_LABELS, '\tcmd', '\rcmd', "=cmd|' /C calc'!A0"];

  it('starts every text cell that begins with = + - @, a tab or a carriage return with a quote', () => {
    const text = toCsv(
      ['name', ...FORMULAS],
      [
        [...FORMULAS, -3.5, 'plain'],
        ['-', 0, -0.25, 1e-7]
      ]
    );
    const [header, first, second] = parseCsv(text);
    expect(header).toEqual(['name', ...FORMULAS.map((f) => `'${f}`)]);
    expect(first).toEqual([...FORMULAS.map((f) => `'${f}`), '-3.5', 'plain']);
    // Numbers stay numbers, negative ones too; only text is marked.
    expect(second).toEqual(["'-", '0', '-0.25', '1e-7']);
    expect(csvNumber(first[FORMULAS.length])).toBe(-3.5);
  });

  it('still quotes what needs quoting: the quote goes inside the field', () => {
    const text = toCsv(['a'], [['=HYPERLINK("http://x","click")'], ['\rcmd']]);
    expect(text).toBe('a\r\n"\'=HYPERLINK(""http://x"",""click"")"\r\n"\'\rcmd"\r\n');
    expect(parseCsv(text)).toEqual([['a'], ['\'=HYPERLINK("http://x","click")'], ["'\rcmd"]]);
  });

  it('marks the labels of a chart’s table, headers and rows, and keeps its numbers', () => {
    const [header, ...rows] = parseCsv(chartCsv('contributions', hostileInput()));
    for (const label of FORMULA_LABELS) expect(header).toContain(`'${label}`);
    expect(header.every((cell) => !/^[=+\-@\t\r]/.test(cell))).toBe(true);
    rows.forEach((row) => expect(row.slice(1).every((cell) => Number.isFinite(Number(cell)))).toBe(true));
    const radar = parseCsv(chartCsv('radar', hostileInput())).slice(1);
    expect(radar.map((r) => r[0])).toEqual(expect.arrayContaining(FORMULA_LABELS.map((l) => `'${l}`)));
    // The event column of the tension table: a DDE formula, marked.
    const events = parseCsv(chartCsv('tension', hostileInput())).map((r) => r.at(-1)!);
    expect(events.some((e) => e.startsWith("'=cmd|"))).toBe(true);
    expect(events.every((e) => !/^[=+\-@]/.test(e))).toBe(true);
  });
});

describe('bidirectional controls in a CSV', () => {
  it('balances every cell: an open override or isolate is closed in its cell, a stray closer dropped', () => {
    const [header] = parseCsv(toCsv([...BIDI_LABELS, 'Base\u202Eline'], []));
    expect(header).toEqual(['Sanctions\u202E\u202C', '\u2067x\u2069', 'stray close', 'Base\u202Eline\u202C']);
  });

  it.each(['tension', 'contributions', 'contributionsAtHorizon', 'factors', 'radar', 'tornado'] as const)(
    'leaves no cell of the %s table unbalanced',
    (kind) => {
      const cells = parseCsv(chartCsv(kind, hostileInput())).flat();
      expect(cells.filter((cell) => bidiProblem(cell) !== null)).toEqual([]);
      expect(cells.some((cell) => /[\u202E\u2067]/.test(cell))).toBe(true);
    }
  );
});

describe('the byte-order mark', () => {
  it('starts the text with U+FEFF (EF BB BF in UTF-8) only when asked', () => {
    const marked = chartCsv('radar', input(), { bom: true });
    const plain = chartCsv('radar', input());
    expect([...new TextEncoder().encode(marked).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(marked).toBe(CSV_BOM + plain);
    expect(plain.startsWith('Factor,')).toBe(true);
    expect(toCsv(['a'], [[1]], { bom: false })).toBe('a\r\n1\r\n');
  });
});

describe('cells', () => {
  it('writes numbers in full, null and NaN as empty cells, and quotes a field holding a comma, a quote or a line end', () => {
    const rows = [
      [0.1 + 0.2, 'a,b'],
      [null, 'say "hi"'],
      [Number.NaN, 'two\nlines'],
      [-1e-7, 'cr\rhere']
    ];
    expect(toCsv(['n', 'text'], rows)).toBe(
      'n,text\r\n0.30000000000000004,"a,b"\r\n,"say ""hi"""\r\n,"two\nlines"\r\n-1e-7,"cr\rhere"\r\n'
    );
  });
});
