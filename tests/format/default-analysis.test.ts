// What docs/MODEL.md ("The default analysis, revised") says of the analysis the app ships,
// checked on the shipped file: if a later edit of the file breaks one of these, the docs (and
// the analysis) need another look.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioDiagnostics } from '../../src/engine';
import { loadDocument, type MizanDoc } from '../../src/engine/format';
import { compileScenario } from '../../src/engine/model/compile';
import { eventProbabilities } from '../../src/engine/model/eventProbabilities';
import { centralPath } from '../../src/engine/model/simulate';

function shipped(): MizanDoc {
  const loaded = loadDocument(readFileSync('resources/scenarios/ashgabat-2024.mizan', 'utf8'));
  if (!loaded.ok) throw new Error('the default analysis does not load');
  return loaded.document;
}

const strength = (doc: MizanDoc, from: string, to: string) =>
  doc.interactions.find((l) => l.from === from && l.to === to)?.strength;
const low = (x: number | { low: number } | undefined) => (typeof x === 'object' ? x.low : x);

describe('the default analysis (resources/scenarios/ashgabat-2024.mizan)', () => {
  it('records what happened as observations: each cites its reporting, each reading says it is a judgement', () => {
    const doc = shipped();
    const observations = doc.observations ?? [];
    expect(observations.length).toBeGreaterThan(10);
    const cards = new Set(doc.evidence.map((e) => e.id));
    for (const o of observations) {
      expect(o.evidence?.length, o.id).toBeGreaterThan(0);
      for (const id of o.evidence ?? []) expect(cards).toContain(id);
      expect(o.note?.en, o.id).toBeTruthy();
      expect(o.note?.ar, o.id).toBeTruthy();
      if (o.kind !== 'event') expect(o.note?.en, o.id).toContain('judgement');
    }
    // One real-world event, one id: the Kazan signing is the same event in every scenario.
    expect(doc.scenarios.every((s) => s.events.some((e) => e.id === 'kazan-signing'))).toBe(true);
  });

  it('cites an evidence card that exists for every link and every factor', () => {
    const doc = shipped();
    const cards = new Set(doc.evidence.map((e) => e.id));
    for (const item of [...doc.interactions, ...doc.factors]) {
      expect(item.evidence?.length, JSON.stringify(item)).toBeGreaterThan(0);
      for (const id of item.evidence ?? []) expect(cards).toContain(id);
    }
  });

  it('has the links the article states: Israeli threat → arms and → partnership, Western reaction → sanctions', () => {
    const doc = shipped();
    for (const [from, to] of [
      ['israel', 'arms'],
      ['israel', 'partnership'],
      ['western', 'sanctions']
    ])
      expect(low(strength(doc, from, to)), `${from} → ${to}`).toBeGreaterThan(0);
    // Deterrence (e12): air defence may make a strike less likely, so the link can be negative.
    expect(low(strength(doc, 'arms', 'israel'))).toBeLessThan(0);
  });

  it('weighs the factors alike in every scenario, so that every scenario starts from the same T', () => {
    const doc = shipped();
    expect(doc.scenarios.filter((s) => s.weights !== undefined)).toEqual([]);
    const now = doc.scenarios.map((_, i) => centralPath(compileScenario(doc, i)).tension[0]);
    expect(new Set(now).size).toBe(1);
  });

  it('lets the targets, not the links, decide where each factor settles: no gap above 10 points', () => {
    const doc = shipped();
    doc.scenarios.forEach((s, i) => {
      const d = scenarioDiagnostics(doc, i);
      expect(d.steadyState.settled).toBe(true);
      for (const f of d.steadyState.factors) expect(Math.abs(f.gap), `${s.id} ${f.id}`).toBeLessThanOrEqual(10);
    });
  });

  it('hedges the Kazan signing as the article does ("may"), lasting, with a later signing when not at Kazan', () => {
    const doc = shipped();
    for (const s of doc.scenarios) {
      const kazan = s.events.find((e) => e.id === 'kazan-signing')!;
      expect(kazan.kind, s.id).toBe('target');
      expect(kazan.probability, s.id).toBeLessThanOrEqual(0.6);
      for (const e of s.events) expect(e.label.en.toLowerCase()).not.toContain('defence clause');
    }
    // docs/MODEL.md's worked conditional event: (1 − 0.5) · 0.6 = 0.3 overall, signed in 80 % of runs.
    const baseline = doc.scenarios[0].events;
    const later = baseline.findIndex((e) => e.id === 'treaty-later');
    expect(baseline[later].condition).toEqual({ event: 'kazan-signing', occurred: false });
    const p = eventProbabilities(baseline);
    expect(p[later]).toBeCloseTo((1 - 0.5) * 0.6, 12);
    expect(p[baseline.findIndex((e) => e.id === 'kazan-signing')] + p[later]).toBeCloseTo(0.8, 12);
  });

  it('names the fear of a transfer for what it is, and counts Iran’s own programme and the snapback deadline', () => {
    const doc = shipped();
    const ids = doc.factors.map((f) => f.id);
    expect(ids).not.toContain('nuclear');
    expect(ids).toEqual(expect.arrayContaining(['transfer-fear', 'iran-nuclear']));
    // Resolution 2231 ends on 18 October 2025: a snapback must be triggered by September 2025.
    const september2025 = 11;
    expect(doc.startMonth).toBe('2024-10');
    for (const s of doc.scenarios) {
      const snapback = s.events.find((e) => e.id === 'snapback')!;
      expect(snapback.factor, s.id).toBe('iran-nuclear');
      expect(snapback.month, s.id).toBeLessThanOrEqual(september2025);
    }
  });
});
