// The editor's document store with ids named after Object.prototype members: each edit gives
// what it gives with ordinary ids (tests/engine/prototype-ids.test.ts covers loading, the model,
// the charts and the report).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument, serializeDocument, validateDocument, type MizanDoc } from '../../src/engine/format';
import { createDocumentStore } from '../../src/renderer/src/state/document';
import { prototypeIdMap, renameIds, type IdMap } from '../support/renameIds';

const original: any = JSON.parse(readFileSync('resources/scenarios/ashgabat-2024.mizan', 'utf8'));
const ids: IdMap = prototypeIdMap(original);

function loaded(json: unknown): MizanDoc {
  const result = loadDocument(JSON.stringify(json));
  if (!result.ok) expect.fail(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.document;
}

const docA = loaded(original);
const docB = loaded(renameIds(original, ids));

describe('document store with ids named like Object.prototype members', () => {
  it('are edited by the document store as ordinary ids are (rename, weights, links, events, delete)', () => {
    const factor = (id: string) => ids.factors.get(id) ?? id;
    const scenario = (id: string) => ids.scenarios.get(id) ?? id;
    const evidence = (id: string) => ids.evidence.get(id) ?? id;
    const edit = (
      doc: MizanDoc,
      map: { f: (id: string) => string; s: (id: string) => string; e: (id: string) => string }
    ) => {
      const store = createDocumentStore();
      store.getState().newDocument(doc);
      const results = [
        store.getState().renameFactor(map.f('sanctions'), { en: 'Renamed', ar: 'مسمى' }),
        store.getState().setWeightOverride(map.s('baseline'), map.f('arms'), 7),
        store.getState().setWeightOverride(map.s('escalation'), map.f('drones'), { low: 1, mode: 2, high: 3 }),
        store.getState().setScenarioFactor(map.s('deescalation'), map.f('partnership'), 'pace', 0.5),
        store.getState().setInteraction(map.f('drones'), map.f('sanctions'), 0.25),
        store.getState().linkEvidence(map.e('e3'), { factor: map.f('arms') }),
        store
          .getState()
          .addEvent(map.s('baseline'), {
            label: { en: 'New', ar: '' },
            month: 3,
            factor: map.f('drones'),
            shift: 5,
            probability: 0.5
          }),
        store.getState().addScenario({ name: { en: 'Added', ar: '' }, color: '#123456' }),
        store.getState().deleteFactor(map.f('partnership')),
        store.getState().deleteScenario(map.s('escalation'))
      ];
      return { results, doc: store.getState().document! };
    };
    const a = edit(docA, { f: (id) => id, s: (id) => id, e: (id) => id });
    const b = edit(docB, { f: factor, s: scenario, e: evidence });
    expect(b.results).toEqual(a.results);
    expect(a.results.every((r) => r.ok)).toBe(true);
    expect(serializeDocument(b.doc)).toBe(serializeDocument(renameIds(a.doc, ids)));
    expect(validateDocument(JSON.parse(serializeDocument(b.doc))).ok).toBe(true);
  });
});
