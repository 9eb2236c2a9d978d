// What every chart resolves from its input before drawing: which scenario is selected when the
// choice is gone, the colour of a scenario the document no longer has, the factors the
// analysis has results for; and the names of the sensitivity inputs.
import { describe, expect, it } from 'vitest';
import {
  chartAccessibleName,
  chartTable,
  FACTOR_PALETTE,
  inputLabel,
  tensionChart
} from '../../src/presentation/charts';
import { analysis, doc, input } from './helpers';

const NAMES = {
  baseline: 'Baseline: entrenched rivalry',
  escalation: 'Escalation: axis hardens',
  deescalation: 'De-escalation: managed pause'
};

describe('the selected scenario', () => {
  it('is the chosen one, else the first compared, else the first analysed, else none', () => {
    const contributionsOf = (selectedScenario: string, compared: string[]) =>
      chartAccessibleName('contributions', input({ selectedScenario, compared }));
    expect(contributionsOf('deescalation', ['baseline'])).toBe(`Contributions to tension — ${NAMES.deescalation}`);
    expect(contributionsOf('gone', ['escalation', 'baseline'])).toBe(`Contributions to tension — ${NAMES.escalation}`);
    expect(contributionsOf('gone', [])).toBe(`Contributions to tension — ${NAMES.baseline}`);
    const none = input({ selectedScenario: 'gone', compared: [], analysis: { ...analysis(), scenarios: [] } });
    expect(chartAccessibleName('contributions', none)).toBe('Contributions to tension — ');
  });
});

describe('the compared scenarios', () => {
  it('keep their order, skip ids the analysis does not have, and take the document’s colour', () => {
    const config = tensionChart(input({ compared: ['deescalation', 'gone', 'baseline'] }));
    expect(config.data.datasets.slice(0, 2).map((d) => [d.label, d.borderColor])).toEqual([
      [NAMES.deescalation, '#009e73'],
      [NAMES.baseline, '#0072b2']
    ]);
  });

  it('take the palette colour of their place in the analysis when the document has no such scenario', () => {
    const renamed = { ...analysis(), scenarios: analysis().scenarios.map((s) => ({ ...s, id: `${s.id}-old` })) };
    const config = tensionChart(input({ analysis: renamed, compared: ['escalation-old', 'baseline-old'] }));
    expect(config.data.datasets.slice(0, 2).map((d) => d.borderColor)).toEqual([FACTOR_PALETTE[1], FACTOR_PALETTE[0]]);
    // Named by the analysis, which carries the name.
    expect(config.data.datasets[0].label).toBe(NAMES.escalation);
  });
});

describe('the factors', () => {
  it('are the document’s that the analysis has results for, in the document’s order', () => {
    const extra = { ...doc, factors: [...doc.factors, { ...doc.factors[0], id: 'added' }] };
    const table = chartTable('contributions', input({ doc: extra }));
    expect(table.columns).toEqual(['Month', ...doc.factors.map((f) => f.label.en), 'Tension (total)']);
  });
});

describe('inputLabel', () => {
  it('names weights, starts and targets by their factor, and events by their label', () => {
    expect(inputLabel(doc, 'weight:unknown', 'en')).toBe('unknown — weight');
    expect(inputLabel(doc, 'start:escalation:arms', 'en')).toBe(
      'Russian arms transfers to Iran (S-400, Su-35) — start'
    );
    expect(inputLabel(doc, 'target:baseline:energy', 'en')).toBe('Russian energy investment in Iran — target');
    expect(inputLabel(doc, 'event:de-pause', 'en')).toBe('Negotiated Israel–Iran pause');
  });

  it('names the paces, volatilities and link strengths of format version 2, in both languages', () => {
    expect(inputLabel(doc, 'pace:baseline:energy', 'en')).toBe('Russian energy investment in Iran — pace');
    expect(inputLabel(doc, 'volatility:baseline:arms', 'en')).toBe(
      'Russian arms transfers to Iran (S-400, Su-35) — volatility'
    );
    expect(inputLabel(doc, 'strength:israel>hezbollah', 'en')).toBe(
      'Israeli military response → Hezbollah front — strength'
    );
    expect(inputLabel(doc, 'strength:israel>hezbollah', 'ar')).toMatch(/^قوة دفع .+ ← .+$/);
    for (const odd of ['strength:israel', 'pace:energy', 'volatility:a:b:c'])
      expect(inputLabel(doc, odd, 'en')).toBe(odd);
  });

  it('gives an unknown event its id, and an input of another shape as it is', () => {
    expect(inputLabel(doc, 'event:gone:2', 'en')).toBe('gone:2');
    for (const odd of ['weight:arms:extra', 'weight', 'start:arms', 'target:a:b:c', 'other:arms'])
      expect(inputLabel(doc, odd, 'en')).toBe(odd);
  });
});
