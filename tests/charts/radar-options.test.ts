// The radar as drawn: its kind, how the tooltip picks its item, the horizon's month in its
// titles, its table's columns; and an analysis without factors (no scenarios), which gives an
// empty radar in Arabic too rather than a crash.
import { describe, expect, it } from 'vitest';
import { radarChart, radarTable } from '../../src/presentation/charts';
import { analysis, input, opts } from './helpers';

describe('the radar, as drawn', () => {
  it('is a radar whose tooltip shows the nearest point', () => {
    const config = radarChart(input());
    expect(config.type).toBe('radar');
    expect(opts(config).interaction.mode).toBe('nearest');
  });

  it('names the horizon’s month in the chart’s and the table’s title', () => {
    // The default document runs 24 months from October 2024.
    expect(radarTable(input()).title).toContain('(Oct 2026)');
    expect(opts(radarChart(input())).plugins.title.text).toBe(radarTable(input()).title);
  });

  it('heads its table with the factor and each compared scenario', () => {
    expect(radarTable(input()).columns).toEqual([
      'Factor',
      'Baseline: entrenched rivalry',
      'Escalation: axis hardens',
      'De-escalation: managed pause'
    ]);
  });

  it('is empty, in Arabic too, when the analysis has no scenarios (and so no factors)', () => {
    const empty = { analysis: { ...analysis(), scenarios: [] }, compared: [] };
    for (const language of ['en', 'ar'] as const) {
      const config = radarChart(input({ ...empty, language }));
      expect(config.data.labels).toEqual([]);
      expect(config.data.datasets).toEqual([]);
    }
  });
});
