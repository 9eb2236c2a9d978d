// File names of exports: "<document>-<chart>-<scenario>.<ext>", safe on every OS.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportDocumentName, exportFileName } from '../../src/presentation/export';

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
