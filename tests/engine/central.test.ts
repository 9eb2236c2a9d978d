// The central value of an uncertain input: one helper, used by the model, the reference
// checks, the edits and the app. These tests pin what it is and that the model uses it.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withCentral } from '../../src/engine/edits';
import { central, loadDocument, type MizanDoc, type Uncertain } from '../../src/engine/format';
import { compileScenario } from '../../src/engine/model/compile';

const range = fc
  .tuple(
    fc.double({ min: 0, max: 10, noNaN: true }),
    fc.double({ min: 0, max: 10, noNaN: true }),
    fc.double({ min: 0, max: 10, noNaN: true })
  )
  .map(([a, b, c]) => [a, b, c].sort((x, y) => x - y))
  .map(([low, mode, high]) => ({ low, mode, high }));

describe('central', () => {
  it('is the number itself, or the mode of a range (not its mean, not its midpoint)', () => {
    expect(central(4)).toBe(4);
    expect(central(0)).toBe(0);
    expect(central({ low: 1, mode: 2, high: 9 })).toBe(2);
  });

  it('withCentral sets what central reads, and keeps a range ordered', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), range),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (u: Uncertain, v) => {
          const next = withCentral(u, v);
          expect(central(next)).toBe(v);
          if (typeof next !== 'number') expect(next.low <= next.mode && next.mode <= next.high).toBe(true);
        }
      )
    );
  });

  it('is what the central path runs on: weights, starts and targets of every scenario', () => {
    const loaded = loadDocument(readFileSync('tests/fixtures/v2/rich.mizan', 'utf8'));
    if (!loaded.ok) throw new Error('fixture does not load');
    const doc: MizanDoc = loaded.document;
    doc.scenarios.forEach((s, i) => {
      const compiled = compileScenario(doc, i);
      doc.factors.forEach((f, k) => {
        const weight = s.weights?.[f.id] ?? f.weight;
        expect(compiled.weight[k]).toBe(central(weight));
        expect(compiled.start[k]).toBe(central(s.factors[f.id].start) / 100);
        expect(compiled.target[k]).toBe(central(s.factors[f.id].target) / 100);
      });
    });
  });
});
