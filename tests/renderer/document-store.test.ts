// The document store: every action, undo/redo, the dirty test and the coalescing of edits.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  central,
  LIMITS,
  loadDocument,
  serializeDocument,
  validateDocument,
  type MizanDoc
} from '../../src/engine/format';
import { blankDocument } from '../../src/renderer/src/state/blank';
import { createDocumentStore, isDirty, type DocumentStore } from '../../src/renderer/src/state/document';

const ASHGABAT = readFileSync('resources/scenarios/ashgabat-2024.mizan', 'utf8');
const loaded = () => loadDocument(ASHGABAT, { fileName: 'ashgabat-2024.mizan' });

/** A store with a clock the test moves by hand. */
function setup(options: { coalesceMs?: number; limit?: number } = {}) {
  let time = 1_000_000;
  const store = createDocumentStore({ now: () => time, ...options });
  return {
    store,
    s: () => store.getState(),
    advance: (ms: number) => {
      time += ms;
    },
    history: () => store.temporal.getState()
  };
}

const weightOf = (store: DocumentStore, id: string) =>
  central(store.getState().document!.factors.find((f) => f.id === id)!.weight);

describe('document store', () => {
  let t: ReturnType<typeof setup>;
  beforeEach(() => {
    t = setup();
    expect(t.s().openDocument(loaded(), { fileHandle: 'h1', fileName: 'ashgabat-2024.mizan' })).toEqual({ ok: true });
  });

  it('starts empty and clean', () => {
    const fresh = createDocumentStore();
    expect(fresh.getState().document).toBeNull();
    expect(isDirty(fresh.getState())).toBe(false);
    expect(fresh.getState().view).toEqual({ language: 'en', theme: 'system', scenarioId: null, compared: null });
  });

  it('openDocument takes a load result, the file, selects the first scenario, is clean and has no history', () => {
    const s = t.s();
    expect(s.document?.title).toMatch(/^Ashgabat/);
    expect(s.fileHandle).toBe('h1');
    expect(s.fileName).toBe('ashgabat-2024.mizan');
    expect(s.savedText).toBe(serializeDocument(s.document!));
    expect(s.view.scenarioId).toBe('baseline');
    expect(isDirty(s)).toBe(false);
    expect(t.history().pastStates).toHaveLength(0);
  });

  it('openDocument with a failed load changes nothing and returns the problems', () => {
    t.s().setTitle('Edited');
    const before = t.s();
    const result = t.s().openDocument(loadDocument('{', { fileName: 'bad.mizan' }), { fileName: 'bad.mizan' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].message).toMatch(/not valid JSON/);
    expect(t.s()).toBe(before);
    expect(t.history().pastStates).toHaveLength(1);
  });

  it('openDocument of restored work has no file and is dirty', () => {
    t.s().openDocument(loaded(), { unsaved: true });
    expect(t.s().fileName).toBeNull();
    expect(t.s().fileHandle).toBeNull();
    expect(isDirty(t.s())).toBe(true);
  });

  it('newDocument starts a valid, untitled, clean document in the interface language and forgets history', () => {
    t.s().setTitle('x');
    t.s().setLanguage('ar');
    t.s().newDocument();
    const s = t.s();
    expect(validateDocument(JSON.parse(serializeDocument(s.document!))).ok).toBe(true);
    // No stored placeholder title: it would stay Arabic on the English screen (DocumentHeader shows one).
    expect(s.document!.title).toBe('');
    expect(s.fileName).toBeNull();
    expect(s.fileHandle).toBeNull();
    expect(isDirty(s)).toBe(false);
    expect(t.history().pastStates).toHaveLength(0);
    expect(s.view.scenarioId).toBe('baseline');
  });

  it('newDocument accepts a given document', () => {
    const doc = blankDocument('en', new Date('2025-03-04T00:00:00Z'));
    t.s().newDocument(doc);
    expect(t.s().document).toBe(doc);
    expect(doc.startMonth).toBe('2025-03');
  });

  it('setTitle edits the title as an undo step and makes the document dirty', () => {
    t.s().setTitle('A new title');
    expect(t.s().document!.title).toBe('A new title');
    expect(isDirty(t.s())).toBe(true);
    expect(t.history().pastStates).toHaveLength(1);
  });

  it('setTitle refuses a title longer than the file allows, also in the middle of a typing run', () => {
    t.s().setTitle('Ashgabat');
    t.advance(100);
    t.s().setTitle('x'.repeat(LIMITS.labelChars + 1));
    expect(t.s().document!.title).toBe('Ashgabat');
    expect(validateDocument(t.s().document!).ok).toBe(true);
  });

  it('a merged step of a drag is the run’s value, checked by the edit: the drag ends on a valid document', () => {
    t.s().beginGesture('weight:partnership');
    for (const v of [6, 12, -3, Number.NaN, 7]) t.s().setFactorWeight('partnership', v);
    t.s().endGesture();
    expect(weightOf(t.store, 'partnership')).toBe(7);
    expect(validateDocument(t.s().document!).ok).toBe(true);
    expect(t.history().pastStates).toHaveLength(1);
  });

  it('setAuthor sets and clears the author (blank is none), as one undo step while typing', () => {
    expect(t.s().document!.author).toBeUndefined();
    for (const typed of ['L', 'Le', 'Leila']) {
      t.advance(100);
      expect(t.s().setAuthor(typed)).toMatchObject({ ok: true });
    }
    expect(t.s().document!.author).toBe('Leila');
    expect(t.history().pastStates).toHaveLength(1);
    t.advance(5000);
    t.s().setAuthor('  ');
    expect('author' in t.s().document!).toBe(false);
    expect(isDirty(t.s())).toBe(false);
    expect(t.s().setAuthor('x'.repeat(LIMITS.labelChars + 1))).toEqual({ ok: false, reason: 'too-long' });
    t.s().undo();
    expect(t.s().document!.author).toBe('Leila');
  });

  it('setTitle to the same title is no step', () => {
    t.s().setTitle(t.s().document!.title);
    expect(t.history().pastStates).toHaveLength(0);
  });

  it('setFactorWeight sets a plain weight, clamps to 0..10 and ignores what is not a number', () => {
    t.s().setFactorWeight('partnership', 7.5);
    expect(t.s().document!.factors.find((f) => f.id === 'partnership')!.weight).toBe(7.5);
    t.advance(5000);
    t.s().setFactorWeight('partnership', 42);
    expect(weightOf(t.store, 'partnership')).toBe(10);
    t.advance(5000);
    t.s().setFactorWeight('partnership', -3);
    expect(weightOf(t.store, 'partnership')).toBe(0);
    const before = t.s().document;
    t.s().setFactorWeight('partnership', Number.NaN);
    t.s().setFactorWeight('no-such-factor', 3);
    expect(t.s().document).toBe(before);
  });

  it('setFactorWeight on a range moves its mode and widens the range to keep low ≤ mode ≤ high', () => {
    // sanctions: { low: 4, mode: 5, high: 7 }
    t.s().setFactorWeight('sanctions', 6);
    expect(t.s().document!.factors[0].weight).toEqual({ low: 4, mode: 6, high: 7 });
    t.advance(5000);
    t.s().setFactorWeight('sanctions', 9);
    expect(t.s().document!.factors[0].weight).toEqual({ low: 4, mode: 9, high: 9 });
    t.advance(5000);
    t.s().setFactorWeight('sanctions', 1);
    expect(t.s().document!.factors[0].weight).toEqual({ low: 1, mode: 1, high: 9 });
    expect(validateDocument(JSON.parse(serializeDocument(t.s().document!))).ok).toBe(true);
  });

  it('setFactorWeight keeps the document otherwise the same object graph', () => {
    const before = t.s().document!;
    t.s().setFactorWeight('partnership', 8);
    const after = t.s().document!;
    expect(after).not.toBe(before);
    expect(after.scenarios).toBe(before.scenarios);
    expect(after.factors[0]).toBe(before.factors[0]);
    expect(before.factors[1].weight).toBe(5);
  });

  it('undo and redo walk the document history', () => {
    const original = t.s().document;
    t.s().setFactorWeight('partnership', 8);
    t.advance(5000);
    t.s().setTitle('Second');
    expect(t.history().pastStates).toHaveLength(2);

    t.s().undo();
    expect(t.s().document!.title).toMatch(/^Ashgabat/);
    expect(weightOf(t.store, 'partnership')).toBe(8);
    t.s().undo();
    expect(t.s().document).toBe(original);
    expect(isDirty(t.s())).toBe(false);
    t.s().undo(); // nothing left: no change
    expect(t.s().document).toBe(original);

    t.s().redo();
    expect(weightOf(t.store, 'partnership')).toBe(8);
    t.s().redo();
    expect(t.s().document!.title).toBe('Second');
    t.s().redo(); // nothing left
    expect(t.s().document!.title).toBe('Second');
  });

  it('a new edit after undo drops the redo branch', () => {
    t.s().setFactorWeight('partnership', 8);
    t.s().undo();
    t.s().setFactorWeight('drones', 1);
    expect(t.history().futureStates).toHaveLength(0);
    t.s().redo();
    expect(weightOf(t.store, 'partnership')).toBe(5);
  });

  it('view changes (language, theme, scenario) are never undo steps', () => {
    t.s().setLanguage('ar');
    t.s().setTheme('dark');
    t.s().selectScenario('escalation');
    t.s().setCompared(['escalation', 'baseline']);
    expect(t.s().view).toEqual({
      language: 'ar',
      theme: 'dark',
      scenarioId: 'escalation',
      compared: ['escalation', 'baseline']
    });
    expect(t.history().pastStates).toHaveLength(0);
    t.s().setFactorWeight('partnership', 8);
    t.s().undo();
    expect(t.s().view).toEqual({
      language: 'ar',
      theme: 'dark',
      scenarioId: 'escalation',
      compared: ['escalation', 'baseline']
    });
  });

  describe('coalescing', () => {
    it('a slider gesture is one undo step however long it lasts', () => {
      t.s().beginGesture('weight:partnership');
      for (let i = 1; i <= 30; i++) {
        t.advance(400); // a slow drag: far apart in time, still one gesture
        t.s().setFactorWeight('partnership', 5 + i / 10);
      }
      t.s().endGesture();
      expect(weightOf(t.store, 'partnership')).toBe(8);
      expect(t.history().pastStates).toHaveLength(1);
      t.s().undo();
      expect(weightOf(t.store, 'partnership')).toBe(5);
      t.s().redo();
      expect(weightOf(t.store, 'partnership')).toBe(8);
    });

    it('a gesture long after an edit of the same thing is a step of its own', () => {
      t.s().setFactorWeight('partnership', 6);
      t.advance(10_000);
      t.s().beginGesture('weight:partnership');
      t.s().setFactorWeight('partnership', 7);
      t.s().endGesture();
      expect(t.history().pastStates).toHaveLength(2);
      t.s().undo();
      expect(weightOf(t.store, 'partnership')).toBe(6);
    });

    it('a fresh gesture is a step of its own even right after an edit of the same thing', () => {
      t.s().setFactorWeight('partnership', 6);
      t.advance(100);
      t.s().beginGesture('weight:partnership', { fresh: true });
      t.s().setFactorWeight('partnership', 7);
      t.s().endGesture();
      expect(t.history().pastStates).toHaveLength(2);
      t.s().undo();
      expect(weightOf(t.store, 'partnership')).toBe(6);
    });

    it('edits of the same thing within the window merge (keys held down, typing)', () => {
      t.s().setFactorWeight('partnership', 5.1);
      t.advance(300);
      t.s().setFactorWeight('partnership', 5.2);
      t.advance(300);
      t.s().setFactorWeight('partnership', 5.3);
      expect(t.history().pastStates).toHaveLength(1);
      t.s().undo();
      expect(weightOf(t.store, 'partnership')).toBe(5);
    });

    it('a pause longer than the window starts a new step', () => {
      t.s().setFactorWeight('partnership', 6);
      t.advance(1500);
      t.s().setFactorWeight('partnership', 7);
      expect(t.history().pastStates).toHaveLength(2);
      t.s().undo();
      expect(weightOf(t.store, 'partnership')).toBe(6);
    });

    it('an edit of another thing, or an undo, ends the run', () => {
      t.s().setFactorWeight('partnership', 6);
      t.s().setFactorWeight('drones', 2);
      t.s().setFactorWeight('partnership', 7);
      expect(t.history().pastStates).toHaveLength(3);

      t.s().undo();
      t.s().setFactorWeight('partnership', 9); // right after undo: a new step, not merged
      expect(t.history().pastStates).toHaveLength(3);
      t.s().undo();
      expect(weightOf(t.store, 'partnership')).toBe(6);
    });

    it('title typing merges too', () => {
      for (const title of ['N', 'Ne', 'New', 'New t', 'New title']) {
        t.advance(150);
        t.s().setTitle(title);
      }
      expect(t.history().pastStates).toHaveLength(1);
      t.s().undo();
      expect(t.s().document!.title).toMatch(/^Ashgabat/);
    });

    it('a gesture that ends where it began leaves no step and the document clean', () => {
      const original = t.s().document;
      t.s().beginGesture('weight:partnership');
      t.s().setFactorWeight('partnership', 6);
      t.s().setFactorWeight('partnership', 5);
      expect(isDirty(t.s())).toBe(false); // same content as saved
      t.s().endGesture();
      expect(t.s().document).toBe(original);
      expect(t.history().pastStates).toHaveLength(0);
    });

    it('arrow keys after a drag make a step of their own', () => {
      t.s().beginGesture('weight:partnership');
      t.s().setFactorWeight('partnership', 7);
      t.s().endGesture();
      t.s().setFactorWeight('partnership', 7.1);
      expect(t.history().pastStates).toHaveLength(2);
    });

    it('the history is capped', () => {
      const small = setup({ limit: 3 });
      small.s().openDocument(loaded());
      for (let i = 0; i < 6; i++) {
        small.advance(5000);
        small.s().setFactorWeight('partnership', i);
      }
      expect(small.history().pastStates).toHaveLength(3);
    });
  });

  describe('dirty and markSaved', () => {
    it('is clean again when an edit is put back by hand (content equals the saved text)', () => {
      t.s().setFactorWeight('partnership', 6);
      expect(isDirty(t.s())).toBe(true);
      t.advance(5000);
      t.s().setFactorWeight('partnership', 5);
      expect(isDirty(t.s())).toBe(false);
    });

    it('is dirty after a change and its reverse in different parts (not only the same value)', () => {
      t.s().setTitle('Other');
      t.advance(5000);
      t.s().setFactorWeight('partnership', 6);
      t.advance(5000);
      t.s().setTitle(t.s().savedDocument!.title);
      expect(isDirty(t.s())).toBe(true);
      t.advance(5000);
      t.s().setFactorWeight('partnership', 5);
      expect(t.s().document).not.toBe(t.s().savedDocument);
      expect(isDirty(t.s())).toBe(false);
    });

    it('markSaved records the saved text, the file, and replaces the document with the stamped copy (no undo step)', () => {
      t.s().setFactorWeight('partnership', 6);
      const current = t.s().document!;
      const stamped: MizanDoc = { ...current, modifiedAt: '2025-01-01T00:00:00.000Z' };
      const text = serializeDocument(stamped);
      t.s().markSaved({ text, document: stamped, replacing: current, fileHandle: 'h2', fileName: 'copy.mizan' });
      const s = t.s();
      expect(s.document).toBe(stamped);
      expect(s.savedText).toBe(text);
      expect(s.fileHandle).toBe('h2');
      expect(s.fileName).toBe('copy.mizan');
      expect(isDirty(s)).toBe(false);
      expect(t.history().pastStates).toHaveLength(1);

      // Undo goes to before the edit (dirty), redo comes back to exactly the saved document (clean).
      s.undo();
      expect(isDirty(t.s())).toBe(true);
      t.s().redo();
      expect(t.s().document).toBe(stamped);
      expect(isDirty(t.s())).toBe(false);
    });

    it('an edit made while the save was being written stays, and stays dirty', () => {
      const current = t.s().document!;
      const stamped: MizanDoc = { ...current, modifiedAt: '2025-01-01T00:00:00.000Z' };
      t.s().setTitle('Typed during the save');
      t.s().markSaved({
        text: serializeDocument(stamped),
        document: stamped,
        replacing: current,
        fileHandle: 'h1',
        fileName: 'a.mizan'
      });
      expect(t.s().document!.title).toBe('Typed during the save');
      expect(isDirty(t.s())).toBe(true);
    });

    it('an edit after saving starts a new run (does not merge into the step before the save)', () => {
      t.s().setFactorWeight('partnership', 6);
      const current = t.s().document!;
      t.s().markSaved({
        text: serializeDocument(current),
        document: current,
        replacing: current,
        fileHandle: 'h1',
        fileName: 'a.mizan'
      });
      t.s().setFactorWeight('partnership', 7);
      expect(t.history().pastStates).toHaveLength(2);
      t.s().undo();
      expect(t.s().document).toBe(current);
      expect(isDirty(t.s())).toBe(false);
    });
  });
});

describe('a file of an older format version', () => {
  it('is marked as converted while open, until it is saved or another document takes its place', () => {
    const t = setup();
    const v1 = readFileSync('tests/fixtures/v1/rich.mizan', 'utf8');
    t.s().openDocument(loadDocument(v1), { fileHandle: 'h1', fileName: 'old.mizan' });
    expect(t.s().olderFormat).toBe(1);
    // The content is as it was: nothing to save.
    expect(isDirty(t.s())).toBe(false);
    const doc = t.s().document!;
    t.s().markSaved({
      text: serializeDocument(doc),
      document: doc,
      replacing: doc,
      fileHandle: 'h1',
      fileName: 'old.mizan'
    });
    expect(t.s().olderFormat).toBeNull();

    t.s().openDocument(loadDocument(v1), { fileHandle: 'h1', fileName: 'old.mizan' });
    t.s().openDocument(loaded(), { fileHandle: 'h2', fileName: 'ashgabat-2024.mizan' });
    expect(t.s().olderFormat).toBeNull();
    t.s().openDocument(loadDocument(v1), { fileHandle: 'h1', fileName: 'old.mizan' });
    t.s().newDocument();
    expect(t.s().olderFormat).toBeNull();
  });
});
