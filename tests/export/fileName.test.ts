// File names of exports: "<document>-<chart>-<scenario>.<ext>", safe on every OS.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportDocumentName, exportFileName } from '../../src/presentation/export';
import { exportScenarioPart } from '../../src/presentation/export/fileName';

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[/\\:*?"<>|\u0000-\u001F\u007F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

describe('exportFileName', () => {
  it.each([
    [['ashgabat-2024.mizan', 'tension', 'baseline', 'png'], 'ashgabat-2024-tension-baseline.png'],
    [['ashgabat-2024', 'factors-arms', 'escalation', 'svg'], 'ashgabat-2024-factors-arms-escalation.svg'],
    [['  Q3: Iran / Russia?  ', 'tornado', 'base*line', 'csv'], 'Q3- Iran - Russia-tornado-base-line.csv'],
    [['قمة عشق آباد.mizan', 'tension', 'أساسي', 'png'], 'قمة عشق آباد-tension-أساسي.png'],
    [['..hidden', 'tension', 'a', '.PNG'], 'hidden-tension-a.png'],
    [['', '', '', 'png'], 'mizan-chart-scenario.png'],
    [['CON', 'tension', 'a', 'png'], 'CON_-tension-a.png'],
    [['report "final" <v2> | draft', 'radar', 'x', 'svg'], 'report -final- -v2- - draft-radar-x.svg'],
    // Bidirectional controls and marks are removed: "report\u202Egnp.csv" would show as "reportvsc.png".
    [['evil\u202Egnp.exe', 'tension', 'a', 'png'], 'evilgnp.exe-tension-a.png'],
    [['report\u202Egnp.csv', 'tension\u2067', '\u202Ca\u2069', 'png'], 'reportgnp.csv-tension-a.png'],
    [['\u200Fdoc\u200E\u061C', 'radar', 'b\u202D', 'c\u202Asv'], 'doc-radar-b.csv']
  ] as const)('%j → %s', (args, expected) => {
    expect(exportFileName(...(args as unknown as [string, string, string, string]))).toBe(expected);
  });

  it('keeps a reserved Windows name from standing alone', () => {
    expect(exportDocumentName('nul.mizan')).toBe('nul_');
    expect(exportDocumentName('Aux')).toBe('Aux_');
  });

  it('caps the name at 200 UTF-8 bytes without splitting a character, keeping chart and scenario', () => {
    const name = exportFileName('م'.repeat(300), 'tension', 'baseline', 'png');
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(200);
    expect(name.endsWith('-tension-baseline.png')).toBe(true);
    expect(name.startsWith('ممم')).toBe(true);
  });

  it('keeps every reserved Windows device name from standing alone, in any case, and only those', () => {
    expect(['prn', 'COM1', 'lpt9', 'con'].map(exportDocumentName)).toEqual(['prn_', 'COM1_', 'lpt9_', 'con_']);
    expect(['com', 'lpt', 'console', 'com10', 'xnul', 'nulx'].map(exportDocumentName)).toEqual([
      'com',
      'lpt',
      'console',
      'com10',
      'xnul',
      'nulx'
    ]);
  });

  it('drops ".mizan" in any case, only at the end, and writes accents composed', () => {
    expect(['Report.MIZAN', 'a.mizan.bak', 'a.mizanx'].map(exportDocumentName)).toEqual([
      'Report',
      'a.mizan.bak',
      'a.mizanx'
    ]);
    expect(exportFileName('Cafe\u0301', 'tension', 'a', 'png')).toBe('Caf\u00e9-tension-a.png');
  });

  it('keeps an extension’s inner dots, drops its leading ones, and names a file without one ".dat"', () => {
    expect(exportFileName('doc', 'tension', 'a', 'tar.gz')).toBe('doc-tension-a.tar.gz');
    expect(exportFileName('doc', 'tension', 'a', '')).toBe('doc-tension-a.dat');
    expect(exportDocumentName('.mizan')).toBe('mizan');
  });

  it('collapses runs of spaces and of hyphens, and trims dots, hyphens and spaces at both ends', () => {
    expect(exportDocumentName('a   \u00a0 b//c--d')).toBe('a b-c-d');
    expect(exportDocumentName('-.- report .- ')).toBe('report');
    expect(exportFileName('doc', '  tension  ', '.a.', '..svg')).toBe('doc-tension-a.svg');
  });

  it('fills exactly 200 bytes when the document name is long, and keeps at least 16 bytes of it', () => {
    const name = exportFileName('a'.repeat(300), 'tension', 'baseline', 'png');
    expect(name).toBe(`${'a'.repeat(179)}-tension-baseline.png`);
    const longChart = exportFileName('b'.repeat(50), 'c'.repeat(300), 's', 'png');
    expect(longChart.startsWith(`${'b'.repeat(16)}-c`)).toBe(true);
    // Two-byte letters: 89 of them fill 178 of the 179 bytes left, a 90th would not fit.
    expect(exportFileName('\u0645'.repeat(300), 'tension', 'baseline', 'png')).toBe(
      `${'\u0645'.repeat(89)}-tension-baseline.png`
    );
  });

  it('is always a safe name, whatever the parts', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.string(),
        fc.string(),
        fc.constantFrom('png', 'svg', 'csv'),
        (d, c, s, ext) => {
          const name = exportFileName(d, c, s, ext);
          expect(name).not.toMatch(FORBIDDEN);
          expect(name.endsWith(`.${ext}`)).toBe(true);
          expect(name).not.toMatch(/^[\s.-]/);
          expect(name).toBe(name.trim());
          expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255);
          expect(name.split('-').length).toBeGreaterThanOrEqual(3);
        }
      )
    );
  });
});

describe('exportScenarioPart', () => {
  const ids = (...list: string[]) => ({ scenarios: list.map((id) => ({ id })) }) as never;

  it('names the selected scenario, or for a gap chart both, or the one when there is nothing to compare', () => {
    expect(exportScenarioPart('tension', { analysis: ids('base', 'war'), selectedScenario: 'war' })).toBe('war');
    expect(exportScenarioPart('gap', { analysis: ids('base', 'war'), selectedScenario: 'base' })).toBe(
      'base-minus-war'
    );
    expect(exportScenarioPart('gap', { analysis: ids('a', 'b', 'c'), selectedScenario: 'a', versus: 'c' })).toBe(
      'a-minus-c'
    );
    // One scenario: the gap has no second, and the name must not say "minus undefined".
    expect(exportScenarioPart('gap', { analysis: ids('base'), selectedScenario: 'base' })).toBe('base');
  });

  it('names none for a chart that draws every scenario alike, and then the file name has no scenario part', () => {
    for (const kind of ['factors', 'radar', 'odds'] as const) {
      const part = exportScenarioPart(kind, { analysis: ids('base', 'war'), selectedScenario: 'war' });
      expect(part, kind).toBeNull();
      expect(exportFileName('doc.mizan', kind, part, 'png')).toBe(`doc-${kind}.png`);
    }
  });
});
