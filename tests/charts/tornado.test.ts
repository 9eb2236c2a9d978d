import { describe, expect, it } from 'vitest';
import { inputLabel, TORNADO_MAX_BARS, tornadoChart, tornadoTable } from '../../src/presentation/charts';
import { doc, H, input, opts, scenario } from './helpers';

describe('tornado', () => {
  const config = () => tornadoChart(input());
  const s = () => scenario('escalation');
  const centre = () => s().central.tension[H];

  it('shows at most 12 bars, sorted by swing, as [central, low] and [central, high]', () => {
    expect(s().tornado.length).toBeGreaterThan(TORNADO_MAX_BARS);
    const [low, high] = config().data.datasets;
    expect(low.data).toHaveLength(TORNADO_MAX_BARS);
    const expected = [...s().tornado].sort((a, b) => b.swing - a.swing).slice(0, TORNADO_MAX_BARS);
    expect(low.data).toEqual(expected.map((b) => [centre(), b.low]));
    expect(high.data).toEqual(expected.map((b) => [centre(), b.high]));
    const swings = low.data.map((span, i) => Math.abs(high.data[i]![1] - span![1]));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(opts(config()).indexAxis).toBe('y');
  });

  it('marks the central T(H) with a vertical line', () => {
    const line = opts(config()).plugins.annotation.annotations.centre;
    expect(line).toMatchObject({ type: 'line', scaleID: 'x', value: centre() });
    expect(opts(config()).plugins.subtitle.text).toContain(`Top 12 of ${s().tornado.length} inputs`);
  });

  it('names the inputs for people, in both languages', () => {
    expect(inputLabel(doc, 'weight:israel', 'en')).toBe('Israeli military response — weight');
    expect(inputLabel(doc, 'weight:israel', 'ar')).toBe('وزن الرد العسكري الإسرائيلي');
    expect(inputLabel(doc, 'start:baseline:hezbollah', 'en')).toBe('Hezbollah front — start');
    expect(inputLabel(doc, 'target:escalation:arms', 'ar')).toBe(
      'هدف نقل الأسلحة الروسية إلى إيران (S-400 وسوخوي Su-35)'
    );
    expect(inputLabel(doc, 'event:es-hezbollah', 'en')).toBe('Hezbollah front flares again');
    expect(inputLabel(doc, 'event:es-hezbollah', 'ar')).toBe('تجدد اشتعال جبهة حزب الله');
    expect(inputLabel(doc, 'something:else', 'en')).toBe('something:else');
    const table = tornadoTable(input());
    expect(config().data.labels!.map((lines) => lines.join(' '))).toEqual(table.rows.map((r) => r[0]));
  });

  it('gives the same numbers as a table', () => {
    const table = tornadoTable(input());
    expect(table.columns).toEqual(['Input', 'Input at its low', 'Input at its high', 'Swing']);
    const [low, high] = config().data.datasets;
    table.rows.forEach((row, i) => {
      expect(row[1]).toBe(low.data[i]![1]);
      expect(row[2]).toBe(high.data[i]![1]);
      expect(row[3]).toBe(Math.abs((row[2] as number) - (row[1] as number)));
    });
  });

  it('centres on the peak for a peak tornado', () => {
    const peak = tornadoChart(input({ tornadoMetric: 'peak' }));
    expect(opts(peak).plugins.annotation.annotations.centre.value).toBe(Math.max(...s().central.tension));
    expect(opts(peak).plugins.title.text).toMatch(/peak/i);
  });

  it('is in Arabic with the input axis on the right', () => {
    const o = opts(tornadoChart(input({ language: 'ar' })));
    expect(o.scales.y.position).toBe('right');
    expect(o.plugins.legend.rtl).toBe(true);
    expect(o.plugins.title.text).toMatch(/^حساسية/);
  });

  it('has no bars for a scenario without uncertain inputs', () => {
    const bare = { ...input().analysis, scenarios: input().analysis.scenarios.map((a) => ({ ...a, tornado: [] })) };
    const empty = tornadoChart(input({ analysis: bare }));
    expect(empty.data.datasets.every((d) => d.data.length === 0)).toBe(true);
    expect(tornadoTable(input({ analysis: bare })).rows).toEqual([]);
  });
});

describe('tornado: its centre, order and an analysis without scenarios', () => {
  // De-escalation peaks (62.5) well before its horizon (about 41): the two metrics differ.
  const s = () => scenario('deescalation');
  const of = (tornadoMetric?: 'final' | 'peak') =>
    tornadoChart(input({ selectedScenario: 'deescalation', tornadoMetric }));
  const points = (v: number) => v.toFixed(1);

  it('is a bar chart centred on T(H) by default and on the peak of T for a peak tornado', () => {
    const tH = s().central.tension[H];
    const peak = Math.max(...s().central.tension);
    expect(peak - tH).toBeGreaterThan(10);
    expect(of().type).toBe('bar');
    expect(opts(of()).plugins.annotation.annotations.centre.value).toBe(tH);
    expect(opts(of()).plugins.subtitle.text).toContain(`Central: ${points(tH)}`);
    expect(of().data.datasets[0].data[0]![0]).toBe(tH);
    expect(opts(of('peak')).plugins.annotation.annotations.centre.value).toBe(peak);
    expect(opts(of('peak')).plugins.subtitle.text).toContain(`Central: ${points(peak)}`);
    expect(of('peak').data.datasets[1].data[0]![0]).toBe(peak);
    expect(opts(of('peak')).plugins.title.text).toBe(`Sensitivity of peak tension — ${s().name.en}`);
    expect(opts(of('final')).plugins.title.text).toBe(`Sensitivity of tension at the horizon — ${s().name.en}`);
  });

  it('puts an input whose swing is not defined after every input with one, however small', () => {
    const [first, second] = scenario('escalation').tornado;
    const undefinedSwing = { ...first, low: NaN, swing: NaN };
    const small = { ...second, low: 50, high: 50.5, swing: 0.5 };
    const changed = {
      ...input().analysis,
      scenarios: input().analysis.scenarios.map((a) =>
        a.id === 'escalation' ? { ...a, tornado: [undefinedSwing, small] } : a
      )
    };
    expect(tornadoTable(input({ analysis: changed })).rows).toEqual([
      [inputLabel(doc, second.input, 'en'), 50, 50.5, 0.5],
      [inputLabel(doc, first.input, 'en'), null, first.high, null]
    ]);
  });

  it('draws no bar and names no scenario for an analysis without scenarios', () => {
    const none = input({ analysis: { ...input().analysis, scenarios: [] }, tornadoMetric: 'peak' });
    const config = tornadoChart(none);
    expect(config.data.datasets.map((d) => d.data)).toEqual([[], []]);
    expect(opts(config).plugins.title.text).toBe('Sensitivity of peak tension — ');
    expect(opts(config).plugins.subtitle.text).toBe('');
    expect(opts(config).plugins.annotation.annotations).toEqual({});
    expect(tornadoTable(none)).toMatchObject({ title: 'Sensitivity of peak tension — ', rows: [] });
    const final = input({ analysis: { ...input().analysis, scenarios: [] } });
    expect(opts(tornadoChart(final)).plugins.title.text).toBe('Sensitivity of tension at the horizon — ');
    expect(tornadoChart(final).data.datasets.map((d) => d.data)).toEqual([[], []]);
  });
});
