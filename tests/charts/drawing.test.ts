// How each chart draws its data, as a reader sees it: line widths, points, fills and their
// translucency, bar colours, labels and tooltips, axis titles, marker labels. The numbers are
// checked in the tests of each chart; these check the picture around them.
import { describe, expect, it } from 'vitest';
import {
  contributionsAtHorizonChart,
  contributionsChart,
  factorChart,
  factorTable,
  histogramChart,
  histogramTable,
  radarChart,
  tensionChart,
  tensionTable,
  FACTOR_PALETTE,
  THEMES,
  tornadoChart,
  tornadoTable
} from '../../src/presentation/charts';
import { binPosition } from '../../src/presentation/charts/histogram';
import type { ChartInput } from '../../src/presentation/charts';
import { analysis, doc, H, input, opts, scenario } from './helpers';

const ESCALATION = 'Escalation: axis hardens';
/** The escalation scenario's colour (#d55e00) as rgb components. */
const ORANGE = '213, 94, 0';

/** The default input with the escalation scenario's events replaced. */
function withEscalationEvents(events: ChartInput['doc']['scenarios'][number]['events']): ChartInput {
  return input({
    doc: { ...doc, scenarios: doc.scenarios.map((s) => (s.id === 'escalation' ? { ...s, events } : s)) }
  });
}

describe('the tension chart', () => {
  it('draws the selected scenario’s path thicker, every path without points and unfilled', () => {
    const datasets = tensionChart(input()).data.datasets;
    expect(datasets.slice(0, 3).map((d) => d.borderWidth)).toEqual([2, 3, 2]);
    for (const d of datasets.slice(0, 3))
      expect(d).toMatchObject({ pointRadius: 0, pointHoverRadius: 4, fill: false, backgroundColor: d.borderColor });
  });

  it('draws the fan as translucent bands without edges or points, the inner band stronger', () => {
    const fan = tensionChart(input()).data.datasets.slice(3);
    const alpha = THEMES.light.fanAlpha;
    expect(fan.map((d) => d.backgroundColor)).toEqual([
      `rgba(${ORANGE}, ${alpha.outer})`,
      `rgba(${ORANGE}, ${alpha.outer})`,
      `rgba(${ORANGE}, ${alpha.inner})`,
      `rgba(${ORANGE}, ${alpha.inner})`
    ]);
    for (const d of fan) expect(d).toMatchObject({ pointRadius: 0, pointHitRadius: 0, borderWidth: 0 });
    expect(fan.map((d) => d.label)).toEqual([
      `${ESCALATION}: 5th percentile`,
      `${ESCALATION}: 5–95%`,
      `${ESCALATION}: 25th percentile`,
      `${ESCALATION}: 25–75%`
    ]);
  });

  it('names each edge of the fan by its percentile in the tooltip', () => {
    const label = opts(tensionChart(input())).plugins.tooltip.callbacks.label;
    expect([4, 5, 6].map((datasetIndex) => label({ datasetIndex, parsed: { y: 50 } }))).toEqual([
      `${ESCALATION}: 95th percentile: 50.0`,
      `${ESCALATION}: 25th percentile: 50.0`,
      `${ESCALATION}: 75th percentile: 50.0`
    ]);
  });

  it('has no subtitle with the Monte Carlo, and month ticks that stay level and thin out', () => {
    const o = opts(tensionChart(input()));
    expect(o.plugins.subtitle.display).toBe(false);
    expect(o.scales.x.ticks).toMatchObject({ maxRotation: 0, autoSkip: true, maxTicksLimit: 9 });
    expect(o.scales.x.title.text).toBe('Month');
    expect(o.scales.y.title.text).toBe('Tension (0–100)');
  });

  it('labels an event marker with its name, cut to 30 characters, and its probability', () => {
    const annotations = opts(tensionChart(input())).plugins.annotation.annotations;
    expect(annotations['event-1'].label.content).toEqual([
      'BRICS Kazan summit: partnersh… (95%)',
      'Large Israeli strike on Irani… (85%)'
    ]);
    expect(annotations['event-3'].label.content).toEqual(['Hezbollah front flares again (70%)']);
  });

  it('marks an event at the horizon, but none after it', () => {
    const event = (id: string, month: number) => ({
      id,
      month,
      factor: 'arms',
      shift: 5,
      probability: 0.5,
      label: { en: id, ar: id }
    });
    const config = tensionChart(withEscalationEvents([event('last', H), event('later', H + 1)]));
    const annotations = opts(config).plugins.annotation.annotations;
    expect(Object.keys(annotations).filter((k) => k.startsWith('event-'))).toEqual([`event-${H}`]);
    expect(annotations[`event-${H}`].label.content).toEqual(['last (50%)']);
  });

  it('lists the events of a month in its table row, separated by semicolons', () => {
    const rows = tensionTable(input()).rows;
    expect(rows[1].at(-1)).toBe(
      'BRICS Kazan summit: partnership with a defence clause; Large Israeli strike on Iranian military and energy sites'
    );
    expect(rows[2].at(-1)).toBeNull();
  });
});

describe('the tornado', () => {
  it('draws the low side blue and the high side orange, bars overlapping in one row', () => {
    const [low, high] = tornadoChart(input()).data.datasets;
    expect([low.backgroundColor, high.backgroundColor]).toEqual(['#0072B2', '#E69F00']);
    for (const side of [low, high]) expect(side).toMatchObject({ borderWidth: 0, grouped: false });
    expect([low.label, high.label]).toEqual(['Input at its low', 'Input at its high']);
  });

  it('wraps long input names at about 34 characters', () => {
    const labels = tornadoChart(input()).data.labels!;
    const names = tornadoTable(input()).rows.map((r) => String(r[0]));
    labels.forEach((lines, i) => {
      expect(lines.join(' ')).toBe(names[i]);
      if (names[i].length <= 34) expect(lines).toEqual([names[i]]);
      else expect(lines.length).toBeGreaterThan(1);
    });
    expect(names.some((n) => n.length > 34)).toBe(true);
  });

  it('says the central value and how many of the inputs it shows', () => {
    const s = scenario('escalation');
    const o = opts(tornadoChart(input()));
    const central = new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
      s.central.tension[H]
    );
    expect(o.plugins.subtitle.text).toBe(`Central: ${central} · Top 12 of ${s.tornado.length} inputs`);
    const few = {
      ...analysis(),
      scenarios: analysis().scenarios.map((a) => ({ ...a, tornado: a.tornado.slice(0, 3) }))
    };
    expect(opts(tornadoChart(input({ analysis: few }))).plugins.subtitle.text).toBe(`Central: ${central}`);
  });

  it('shows the input’s name and its value in the tooltip', () => {
    const config = tornadoChart(input());
    const callbacks = opts(config).plugins.tooltip.callbacks;
    const names = tornadoTable(input()).rows.map((r) => r[0]);
    expect(callbacks.title([{ dataIndex: 2 }])).toBe(names[2]);
    expect(callbacks.title([])).toBe('');
    expect(callbacks.label({ dataset: { label: 'Input at its high' }, raw: [50, 61.26] })).toBe(
      'Input at its high: 61.3'
    );
  });

  it('titles the value axis by what it measures, and lists every input on the other axis', () => {
    const o = opts(tornadoChart(input()));
    expect(o.scales.x.title.text).toBe('Tension at the horizon');
    expect(o.scales.y.ticks.autoSkip).toBe(false);
    expect(opts(tornadoChart(input({ tornadoMetric: 'peak' }))).scales.x.title.text).toBe('Peak tension');
  });

  it('puts inputs whose swing is not a number last, leaves them out of the bars and blanks them in the table', () => {
    const s = scenario('escalation');
    const odd = { input: 'weight:arms', low: NaN, high: 70, swing: NaN };
    const bars = [odd, ...s.tornado.slice(0, 2)];
    const a = {
      ...analysis(),
      scenarios: analysis().scenarios.map((x) => (x.id === 'escalation' ? { ...x, tornado: bars } : x))
    };
    const config = tornadoChart(input({ analysis: a }));
    expect(config.data.datasets[0].data.at(-1)).toBeNull();
    expect(config.data.datasets[1].data.at(-1)).toEqual([s.central.tension[H], 70]);
    expect(tornadoTable(input({ analysis: a })).rows.at(-1)).toEqual([
      'Russian arms transfers to Iran (S-400, Su-35) — weight',
      null,
      70,
      null
    ]);
  });

  it('draws no centre line and says no central value when the centre is not a number', () => {
    const a = {
      ...analysis(),
      scenarios: analysis().scenarios.map((x) =>
        x.id === 'escalation' ? { ...x, central: { ...x.central, tension: x.central.tension.map(() => NaN) } } : x
      )
    };
    const o = opts(tornadoChart(input({ analysis: a })));
    expect(o.plugins.annotation.annotations).toEqual({});
    expect(o.plugins.subtitle.text).toBe(`Top 12 of ${scenario('escalation').tornado.length} inputs`);
  });
});

describe('the histogram', () => {
  it('colours the bins at or above the crisis threshold in full, the others at half strength', () => {
    const [bars] = histogramChart(input()).data.datasets;
    const colours = bars.backgroundColor as string[];
    expect(colours.slice(0, 15).every((c) => c === `rgba(${ORANGE}, 0.5)`)).toBe(true);
    expect(colours.slice(15)).toEqual(['#d55e00', '#d55e00', '#d55e00', '#d55e00', '#d55e00']);
    expect(bars).toMatchObject({ borderColor: THEMES.light.surface, borderWidth: { left: 1, right: 1 } });
  });

  it('has no legend, says how many runs fall in a bin and what share, and titles its axes', () => {
    const o = opts(histogramChart(input()));
    expect(o.plugins.legend.display).toBe(false);
    expect(o.plugins.tooltip.callbacks.label({ parsed: { y: 30 } })).toBe('30 runs (10.0%)');
    expect(o.scales.x).toMatchObject({ title: { text: 'Tension at the horizon' }, grid: { display: false } });
    expect(o.scales.x.ticks).toMatchObject({ maxRotation: 0, autoSkip: true });
    expect(o.scales.y).toMatchObject({ title: { text: 'Runs' }, beginAtZero: true, grace: '12%' });
    expect(o.scales.y.ticks.precision).toBe(0);
    expect(o.plugins.annotation.annotations.crisis.label.content).toBe('Crisis threshold (75)');
  });

  it('says 0 % of no runs rather than dividing by zero', () => {
    const empty = {
      ...analysis(),
      scenarios: analysis().scenarios.map((s) =>
        s.monteCarlo
          ? {
              ...s,
              monteCarlo: {
                ...s.monteCarlo,
                histogram: { ...s.monteCarlo.histogram, counts: s.monteCarlo.histogram.counts.map(() => 0) }
              }
            }
          : s
      )
    };
    expect(opts(histogramChart(input({ analysis: empty }))).plugins.tooltip.callbacks.label({ parsed: { y: 0 } })).toBe(
      '0 runs (0.0%)'
    );
  });

  it('places a value on the bins’ axis, past the last edge and without bins too', () => {
    const edges = [0, 5, 10];
    expect([0, 2.5, 5, 7.5, 10, 15].map((v) => binPosition(edges, v))).toEqual([-0.5, 0, 0.5, 1, 1.5, 2.5]);
    expect(binPosition([], 10)).toBe(-0.5);
  });

  it('titles its table with the chart’s title and the probabilities of crisis', () => {
    const table = histogramTable(input());
    const subtitle = opts(histogramChart(input())).plugins.subtitle.text;
    expect(table.title).toBe(`Distribution of tension at the horizon — ${ESCALATION} — ${subtitle}`);
    expect(table.columns).toEqual(['Tension at the horizon', 'From', 'To', 'Runs']);
  });
});

describe('the radar', () => {
  it('fills each scenario’s shape faintly in its colour, with points of that colour', () => {
    const [, escalation] = radarChart(input()).data.datasets;
    expect(escalation).toMatchObject({
      borderColor: '#d55e00',
      backgroundColor: `rgba(${ORANGE}, 0.1)`,
      pointBackgroundColor: '#d55e00',
      borderWidth: 2,
      fill: true
    });
  });

  it('wraps factor names at about 22 characters and names the factor and value in the tooltip', () => {
    const config = radarChart(input());
    expect(config.data.labels![2]).toEqual(['Russian arms transfers', 'to Iran (S-400, Su-35)']);
    const callbacks = opts(config).plugins.tooltip.callbacks;
    expect(callbacks.title([{ dataIndex: 2 }])).toBe('Russian arms transfers to Iran (S-400, Su-35)');
    expect(callbacks.title([])).toBe('');
    expect(callbacks.label({ dataset: { label: ESCALATION }, parsed: { r: 44.44 } })).toBe(`${ESCALATION}: 44.4`);
  });

  it('rings the scale every 25 points in muted text, on no backdrop, with grid-coloured lines', () => {
    const r = opts(radarChart(input({ theme: 'dark' }), { fontFamily: 'Test Sans' })).scales.r;
    const dark = THEMES.dark;
    expect(r.ticks).toEqual({
      stepSize: 25,
      color: dark.muted,
      backdropColor: 'transparent',
      font: { family: 'Test Sans', size: 10, weight: 'normal' }
    });
    expect(r.grid).toEqual({ color: dark.grid });
    expect(r.angleLines).toEqual({ color: dark.grid });
    expect(r.pointLabels).toEqual({ color: dark.text, font: { family: 'Test Sans', size: 11, weight: 'normal' } });
  });
});

describe('the factor paths', () => {
  it('say whether the factor raises or lowers tension, and draw thin unfilled paths without points', () => {
    const sanctions = opts(factorChart(input(), 'sanctions')!);
    expect(sanctions.plugins.subtitle.text).toBe('Raises tension · Level (points)');
    const datasets = factorChart(input(), 'sanctions')!.data.datasets;
    for (const d of datasets)
      expect(d).toMatchObject({
        borderWidth: 2,
        pointRadius: 0,
        pointHoverRadius: 3,
        fill: false,
        backgroundColor: d.borderColor
      });
    // Small and narrow: the unit in the subtitle, not an axis title; three value ticks; few, spaced month ticks.
    expect(sanctions.scales.y.title.display).toBe(false);
    expect(sanctions.scales.y.ticks.stepSize).toBe(50);
    expect(sanctions.scales.x.ticks).toMatchObject({
      maxRotation: 0,
      autoSkip: true,
      autoSkipPadding: 16,
      maxTicksLimit: 4
    });
  });

  it('show each path’s value in the tooltip, and an unknown factor as an empty table titled with its id', () => {
    const label = opts(factorChart(input(), 'arms')!).plugins.tooltip.callbacks.label;
    expect(label({ dataset: { label: ESCALATION }, parsed: { y: 12.25 } })).toBe(`${ESCALATION}: 12.3`);
    expect(factorTable(input(), 'nope')).toEqual({
      title: 'nope',
      columns: ['Month', ...['Baseline: entrenched rivalry', ESCALATION, 'De-escalation: managed pause']],
      rows: []
    });
  });
});

describe('the contribution charts', () => {
  it('stack opaque areas parted by a thin line of the surface, with no points', () => {
    for (const theme of ['light', 'dark'] as const)
      contributionsChart(input({ theme })).data.datasets.forEach((d, i) => {
        expect(d.backgroundColor).toBe(FACTOR_PALETTE[i]);
        expect(d).toMatchObject({
          borderColor: THEMES[theme].surface,
          borderWidth: 1,
          pointRadius: 0,
          pointHoverRadius: 3
        });
      });
  });

  it('show each value and, for a month or a bar, the total in the tooltip', () => {
    const over = opts(contributionsChart(input())).plugins.tooltip.callbacks;
    expect(over.label({ dataset: { label: 'Western sanctions' }, parsed: { y: 7.25 } })).toBe('Western sanctions: 7.3');
    expect(over.footer([])).toBe('');
    const at = opts(contributionsAtHorizonChart(input())).plugins.tooltip.callbacks;
    expect(at.label({ dataset: { label: 'Western sanctions' }, parsed: { y: 7.25 } })).toBe('Western sanctions: 7.3');
    expect(at.footer([])).toBe('');
    const total = new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
      scenario('deescalation').central.tension[H]
    );
    expect(at.footer([{ dataIndex: 2 }])).toBe(`Tension (total): ${total}`);
  });

  it('separate the bars’ segments with the surface colour, without a grid behind the scenarios', () => {
    const config = contributionsAtHorizonChart(input({ theme: 'dark' }));
    for (const d of config.data.datasets) expect(d).toMatchObject({ borderColor: THEMES.dark.surface, borderWidth: 1 });
    expect(opts(config).scales.x.grid.display).toBe(false);
  });

  it('draw nothing for a selected scenario the analysis does not have', () => {
    const none = input({ analysis: { ...analysis(), scenarios: [] } });
    expect(contributionsChart(none).data.datasets).toEqual([]);
    expect(opts(contributionsChart(none)).plugins.tooltip.callbacks.footer([{ dataIndex: 0 }])).toBe('');
  });
});
