// The app's commands against a fake bridge: start and recovery, New/Open/Save with the
// unsaved-changes prompt, broken files, recovery copies, menu commands.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { central, serializeDocument } from '../../src/engine/format';
import { createController, suggestedFileName } from '../../src/renderer/src/app/controller';
import type { DialogAnswer, DialogRequest } from '../../src/renderer/src/app/dialogs';
import { createDocumentStore, isDirty } from '../../src/renderer/src/state/document';
import { FakeBridge } from './fakeBridge';

const ASHGABAT = readFileSync('resources/scenarios/ashgabat-2024.mizan', 'utf8');
const MINIMAL = readFileSync('tests/fixtures/v2/minimal.mizan', 'utf8');

function setup(answers: DialogAnswer[] = []) {
  const bridge = new FakeBridge();
  const store = createDocumentStore();
  const asked: DialogRequest[] = [];
  /** The document as it was while each question was on screen. */
  const whileAsked: { title: string | undefined; dirty: boolean }[] = [];
  const ask = async (request: DialogRequest) => {
    asked.push(request);
    whileAsked.push({ title: store.getState().document?.title, dirty: isDirty(store.getState()) });
    return answers.shift() ?? 'cancel';
  };
  const closeWindow = vi.fn();
  const focusHandlers = new Set<() => void>();
  const controller = createController({
    store,
    bridge,
    ask,
    defaultDocument: { text: ASHGABAT, fileName: 'ashgabat-2024.mizan' },
    recoveryKey: 'this-window',
    closeWindow,
    onWindowFocus: (handler) => {
      focusHandlers.add(handler);
      return () => focusHandlers.delete(handler);
    }
  });
  /** As if the window got the focus back. */
  const focus = () => {
    for (const handler of focusHandlers) handler();
  };
  return {
    bridge,
    store,
    s: () => store.getState(),
    asked,
    whileAsked,
    answers,
    controller,
    closeWindow,
    focus,
    focusHandlers
  };
}

const weight = (t: ReturnType<typeof setup>, id: string) =>
  central(t.s().document!.factors.find((f) => f.id === id)!.weight);

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2025-02-03T10:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('start', () => {
  it('applies the preferences and opens the default analysis, clean, not saved to a file', async () => {
    const t = setup();
    t.bridge.preferences = { language: 'ar', theme: 'dark' };
    await t.controller.start();
    expect(t.s().view.language).toBe('ar');
    expect(t.s().view.theme).toBe('dark');
    expect(t.s().document!.scenarios.map((s) => s.id)).toEqual(['baseline', 'escalation', 'deescalation']);
    expect(t.s().fileName).toBe('ashgabat-2024.mizan');
    expect(t.s().fileHandle).toBeNull();
    expect(isDirty(t.s())).toBe(false);
    expect(t.controller.status.getState().phase).toBe('ready');
    expect(t.asked).toEqual([]);
    expect(t.bridge.listeners).toBe(2);
    t.controller.dispose();
    expect(t.bridge.listeners).toBe(0);
  });

  it('offers the most recent recovery copy; Restore opens it unsaved, keeps it safe under this window, drops the old copy', async () => {
    const t = setup(['restore']);
    t.bridge.recovery.set('old', { key: 'old', title: 'Older', savedAt: '2025-01-01T00:00:00.000Z', text: MINIMAL });
    const edited = ASHGABAT.replace('"title": "Ashgabat', '"title": "Recovered Ashgabat');
    t.bridge.recovery.set('crashed', {
      key: 'crashed',
      title: 'Recovered',
      savedAt: '2025-02-01T00:00:00.000Z',
      text: edited
    });
    await t.controller.start();
    expect(t.asked).toHaveLength(1);
    expect(t.asked[0]).toEqual({
      kind: 'recovery',
      entry: { key: 'crashed', title: 'Recovered', savedAt: '2025-02-01T00:00:00.000Z', size: edited.length }
    });
    // Only the copy restored is read, once.
    expect(t.bridge.calls.filter((c) => c.startsWith('readRecovery'))).toEqual(['readRecovery:crashed']);
    expect(t.s().document!.title).toMatch(/^Recovered Ashgabat/);
    expect(t.s().fileName).toBeNull();
    expect(isDirty(t.s())).toBe(true);
    expect(t.bridge.recovery.has('crashed')).toBe(false);
    expect(t.bridge.recovery.get('this-window')?.text).toBe(serializeDocument(t.s().document!));
    expect(t.bridge.recovery.has('old')).toBe(true); // offered next time
  });

  it('a copy of work on a file names the file; restored, the work stays tied to it and Save writes there, not Save As', async () => {
    const first = setup();
    first.bridge.files.set('f1', { name: 'gulf.mizan', text: MINIMAL });
    first.bridge.opens.push({ ok: true, value: { handle: 'f1', name: 'gulf.mizan', text: MINIMAL } });
    await first.controller.start();
    await first.controller.open();
    first.s().setTitle('Edited after opening');
    await vi.advanceTimersByTimeAsync(1000);
    expect(first.bridge.recovery.get('this-window')?.file).toBe('f1');

    const t = setup(['restore']);
    t.bridge.files.set('f1', { name: 'gulf.mizan', text: MINIMAL });
    t.bridge.recovery.set('crashed', { ...first.bridge.recovery.get('this-window')!, key: 'crashed' });
    await t.controller.start();
    expect(t.s().document!.title).toBe('Edited after opening');
    expect(t.s().fileHandle).toBe('f1');
    expect(t.s().fileName).toBe('gulf.mizan');
    expect(isDirty(t.s())).toBe(true);
    await t.controller.save();
    expect(t.bridge.calls.filter((c) => c.startsWith('save'))).toEqual(['save:f1']);
    expect(t.bridge.files.get('f1')?.text).toContain('Edited after opening');
    expect(isDirty(t.s())).toBe(false);
  });

  it('a restored copy whose file changed since asks before saving over it (the usual check)', async () => {
    const t = setup(['restore', 'cancel']);
    t.bridge.files.set('f1', { name: 'gulf.mizan', text: MINIMAL });
    t.bridge.recovery.set('crashed', {
      key: 'crashed',
      title: 'X',
      savedAt: '2025-02-01T00:00:00.000Z',
      text: ASHGABAT,
      file: 'f1'
    });
    await t.controller.start();
    t.bridge.changeOnDisk('f1', MINIMAL.replace('"title": "', '"title": "Theirs '));
    await t.controller.save();
    expect(t.asked[1]).toMatchObject({ kind: 'disk', change: 'changed', saving: true, fileName: 'gulf.mizan' });
    expect(t.bridge.files.get('f1')?.text).toContain('Theirs');
  });

  it('reopens the last file when the browser still grants it: the file, clean, tied to its handle', async () => {
    const t = setup();
    t.bridge.files.set('f1', { name: 'gulf.mizan', text: MINIMAL });
    t.bridge.last = { handle: 'f1', name: 'gulf.mizan', permission: 'granted' };
    await t.controller.start();
    expect(t.asked).toEqual([]);
    expect(t.s().fileHandle).toBe('f1');
    expect(t.s().fileName).toBe('gulf.mizan');
    expect(t.s().document!.title).toBe(JSON.parse(MINIMAL).title);
    expect(isDirty(t.s())).toBe(false);
    expect(t.controller.status.getState().phase).toBe('ready');
  });

  it('a last file the browser must ask about again is offered with one click; declined, the sample stays', async () => {
    const accepted = setup(['reopen']);
    accepted.bridge.files.set('f1', { name: 'gulf.mizan', text: MINIMAL });
    accepted.bridge.last = { handle: 'f1', name: 'gulf.mizan', permission: 'prompt' };
    await accepted.controller.start();
    expect(accepted.asked).toEqual([{ kind: 'reopen', fileName: 'gulf.mizan' }]);
    expect(accepted.s().fileHandle).toBe('f1');

    const declined = setup(['cancel']);
    declined.bridge.files.set('f1', { name: 'gulf.mizan', text: MINIMAL });
    declined.bridge.last = { handle: 'f1', name: 'gulf.mizan', permission: 'prompt' };
    await declined.controller.start();
    expect(declined.bridge.calls).not.toContain('openRecent:f1');
    expect(declined.s().fileName).toBe('ashgabat-2024.mizan');
    expect(declined.s().fileHandle).toBeNull();
  });

  it('a last file that cannot be read says why, and the sample stays, clean', async () => {
    const t = setup();
    t.bridge.last = { handle: 'gone', name: 'gone.mizan', permission: 'granted' };
    await t.controller.start();
    expect(t.asked).toEqual([{ kind: 'error', action: 'open', message: 'gone' }]);
    expect(t.s().fileName).toBe('ashgabat-2024.mizan');
    expect(isDirty(t.s())).toBe(false);
  });

  it('unsaved work left behind is offered instead of reopening the last file', async () => {
    const t = setup(['discard']);
    t.bridge.files.set('f1', { name: 'gulf.mizan', text: MINIMAL });
    t.bridge.last = { handle: 'f1', name: 'gulf.mizan', permission: 'granted' };
    t.bridge.recovery.set('crashed', {
      key: 'crashed',
      title: 'X',
      savedAt: '2025-02-01T00:00:00.000Z',
      text: MINIMAL
    });
    await t.controller.start();
    expect(t.asked.map((a) => a.kind)).toEqual(['recovery']);
    expect(t.bridge.calls).not.toContain('lastFile');
    expect(t.s().fileHandle).toBeNull();
  });

  it('shows the default analysis while the recovery store answers, and asks over it', async () => {
    const t = setup(['discard']);
    t.bridge.recovery.set('crashed', {
      key: 'crashed',
      title: 'X',
      savedAt: '2025-02-01T00:00:00.000Z',
      text: MINIMAL
    });
    let titleWhenAsked: string | undefined;
    const list = t.bridge.listRecovery.bind(t.bridge);
    t.bridge.listRecovery = async () => {
      // The store answers later: by then the default analysis is open.
      await Promise.resolve();
      titleWhenAsked = t.s().document?.title;
      return list();
    };
    await t.controller.start();
    expect(titleWhenAsked).toMatch(/^Ashgabat/);
    expect(t.asked).toHaveLength(1);
  });

  it('does not offer unsaved work over edits made while the recovery store answered; the copy is kept', async () => {
    const t = setup(['restore']);
    t.bridge.recovery.set('crashed', {
      key: 'crashed',
      title: 'X',
      savedAt: '2025-02-01T00:00:00.000Z',
      text: MINIMAL
    });
    const list = t.bridge.listRecovery.bind(t.bridge);
    t.bridge.listRecovery = async () => {
      await Promise.resolve();
      t.s().setTitle('Typed at once');
      return list();
    };
    await t.controller.start();
    expect(t.asked).toEqual([]);
    expect(t.s().document!.title).toBe('Typed at once');
    expect(t.bridge.recovery.has('crashed')).toBe(true);
  });

  it('Discard removes the copy, without reading it, and opens the default analysis', async () => {
    const t = setup(['discard']);
    t.bridge.recovery.set('crashed', {
      key: 'crashed',
      title: 'X',
      savedAt: '2025-02-01T00:00:00.000Z',
      text: MINIMAL
    });
    await t.controller.start();
    expect(t.bridge.calls.filter((c) => c.startsWith('readRecovery'))).toEqual([]);
    expect(t.bridge.recovery.size).toBe(0);
    expect(t.s().document!.title).toMatch(/^Ashgabat/);
  });

  it('Escape keeps the copy for the next start', async () => {
    const t = setup(['cancel']);
    t.bridge.recovery.set('crashed', {
      key: 'crashed',
      title: 'X',
      savedAt: '2025-02-01T00:00:00.000Z',
      text: MINIMAL
    });
    await t.controller.start();
    expect(t.bridge.recovery.has('crashed')).toBe(true);
    expect(t.s().document!.title).toMatch(/^Ashgabat/);
  });

  it('a copy gone between the offer and Restore (another window took it) is reported; nothing throws, the default stays', async () => {
    const t = setup(['restore', 'ok']);
    t.bridge.recovery.set('crashed', {
      key: 'crashed',
      title: 'Taken',
      savedAt: '2025-02-01T00:00:00.000Z',
      text: MINIMAL
    });
    const list = t.bridge.listRecovery.bind(t.bridge);
    t.bridge.listRecovery = async () => {
      const listed = await list();
      t.bridge.recovery.delete('crashed');
      return listed;
    };
    await t.controller.start();
    expect(t.asked[1]).toEqual({ kind: 'recovery-failed', title: 'Taken', reason: 'missing' });
    expect(t.s().document!.title).toMatch(/^Ashgabat/);
    expect(isDirty(t.s())).toBe(false);
    expect(t.controller.status.getState().phase).toBe('ready');
  });

  it('a copy that cannot be read back (the store fails) is reported and not cleared', async () => {
    const t = setup(['restore', 'ok']);
    t.bridge.recovery.set('crashed', {
      key: 'crashed',
      title: 'Locked',
      savedAt: '2025-02-01T00:00:00.000Z',
      text: MINIMAL
    });
    t.bridge.readRecovery = () => Promise.reject(new Error('EACCES'));
    await t.controller.start();
    expect(t.asked[1]).toEqual({ kind: 'recovery-failed', title: 'Locked', reason: 'unreadable' });
    expect(t.bridge.recovery.has('crashed')).toBe(true);
    expect(t.s().document!.title).toMatch(/^Ashgabat/);
  });

  it('an unreadable copy is reported and kept', async () => {
    const t = setup(['restore', 'ok']);
    t.bridge.recovery.set('crashed', {
      key: 'crashed',
      title: 'Broken',
      savedAt: '2025-02-01T00:00:00.000Z',
      text: '{"format":'
    });
    await t.controller.start();
    expect(t.asked[1]).toMatchObject({ kind: 'problems', fileName: 'Broken' });
    expect(t.bridge.recovery.has('crashed')).toBe(true);
    expect(t.s().document!.title).toMatch(/^Ashgabat/);
  });
});

describe('open', () => {
  it('opens a chosen file and remembers its handle and name', async () => {
    const t = setup();
    await t.controller.start();
    t.bridge.opens.push({ ok: true, value: { handle: 'f1', name: 'minimal.mizan', text: MINIMAL } });
    await t.controller.open();
    expect(t.s().fileName).toBe('minimal.mizan');
    expect(t.s().fileHandle).toBe('f1');
    expect(isDirty(t.s())).toBe(false);
  });

  it('a broken file shows its problems and leaves the open document as it was', async () => {
    const t = setup(['ok']);
    await t.controller.start();
    t.s().setTitle('My edit');
    const before = t.s().document;
    t.bridge.opens.push({
      ok: true,
      value: { handle: 'f1', name: 'bad.mizan', text: ASHGABAT.replace('"pace": 0.15', '"pace": 1.5') }
    });
    await t.controller.handleMenuCommand('open');
    // The unsaved prompt was answered "ok" (not discard) → nothing opened at all. Try again with discard:
    expect(t.asked[0]).toMatchObject({ kind: 'unsaved' });
    expect(t.s().document).toBe(before);

    t.answers.push('discard', 'ok');
    await t.controller.open();
    const problems = t.asked[2];
    expect(problems).toMatchObject({ kind: 'problems', fileName: 'bad.mizan' });
    if (problems.kind === 'problems')
      expect(problems.problems[0].path).toMatch(/^scenarios\[\d\]\.factors\.\w+\.pace$/);
    expect(t.s().document).toBe(before);
    expect(t.s().document!.title).toBe('My edit');
  });

  it('an error from the platform is shown; a cancel is silent', async () => {
    const t = setup(['ok']);
    await t.controller.start();
    t.bridge.opens.push({ ok: false, error: 'x.mizan is not UTF-8 text' }, { ok: false, canceled: true });
    await t.controller.open();
    await t.controller.open();
    expect(t.asked).toEqual([{ kind: 'error', action: 'open', message: 'x.mizan is not UTF-8 text' }]);
  });

  it('with unsaved changes: Cancel keeps the edit and shows no open dialog', async () => {
    const t = setup(['cancel']);
    await t.controller.start();
    t.s().setFactorWeight('partnership', 9);
    await t.controller.open();
    expect(t.asked.map((a) => a.kind)).toEqual(['unsaved']);
    expect(t.bridge.calls).not.toContain('openFile');
    expect(weight(t, 'partnership')).toBe(9);
  });

  it('with unsaved changes: Save saves first, then opens', async () => {
    const t = setup(['save']);
    await t.controller.start();
    t.s().setFactorWeight('partnership', 9);
    t.bridge.opens.push({ ok: true, value: { handle: 'f9', name: 'minimal.mizan', text: MINIMAL } });
    await t.controller.open();
    expect(t.bridge.calls.filter((c) => c.startsWith('saveAs') || c === 'openFile')).toEqual([
      'saveAs:ashgabat-2024.mizan',
      'openFile'
    ]);
    const saved = [...t.bridge.files.values()].find((f) => f.name === 'ashgabat-2024.mizan')!;
    expect(JSON.parse(saved.text).factors[1].weight).toBe(9);
    expect(t.s().fileName).toBe('minimal.mizan');
  });

  it('with unsaved changes: a canceled Save cancels the open', async () => {
    const t = setup(['save']);
    await t.controller.start();
    t.s().setFactorWeight('partnership', 9);
    t.bridge.saveAsAnswers.push('cancel');
    await t.controller.open();
    expect(t.bridge.calls).not.toContain('openFile');
    expect(weight(t, 'partnership')).toBe(9);
  });

  it('openRecent goes through the same checks', async () => {
    const t = setup();
    await t.controller.start();
    t.bridge.files.set('r1', { name: 'minimal.mizan', text: MINIMAL });
    await t.controller.openRecent('r1');
    expect(t.s().fileHandle).toBe('r1');
  });

  it('a file handed over by the OS is checked before the unsaved prompt', async () => {
    const t = setup(['ok', 'discard']);
    await t.controller.start();
    t.s().setTitle('Edited');
    t.bridge.hand({ handle: 'x', name: 'broken.mizan', text: '' });
    await vi.advanceTimersByTimeAsync(0);
    expect(t.asked.map((a) => a.kind)).toEqual(['problems']);
    t.bridge.hand({ handle: 'y', name: 'minimal.mizan', text: MINIMAL });
    await vi.advanceTimersByTimeAsync(0);
    expect(t.asked.map((a) => a.kind)).toEqual(['problems', 'unsaved']);
    expect(t.s().fileName).toBe('minimal.mizan');
  });

  it('a file handed over during start (the recovery offer) is opened once start is done', async () => {
    const bridge = new FakeBridge();
    const store = createDocumentStore();
    bridge.recovery.set('crashed', { key: 'crashed', title: 'X', savedAt: '2025-02-01T00:00:00.000Z', text: MINIMAL });
    const asked: DialogRequest[] = [];
    const controller = createController({
      store,
      bridge,
      ask: async (r) => {
        asked.push(r);
        if (r.kind === 'recovery') bridge.hand({ handle: 'launch', name: 'minimal.mizan', text: MINIMAL });
        return r.kind === 'recovery' ? 'discard' : 'cancel';
      },
      defaultDocument: { text: ASHGABAT, fileName: 'ashgabat-2024.mizan' },
      recoveryKey: 'k'
    });
    await controller.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().fileName).toBe('minimal.mizan');
    expect(store.getState().fileHandle).toBe('launch');
    expect(asked.map((a) => a.kind)).toEqual(['recovery']);
  });
});

describe('new', () => {
  it('with unsaved changes asks; Don’t save replaces the document', async () => {
    const t = setup(['discard']);
    await t.controller.start();
    t.s().setTitle('Edited');
    await t.controller.handleMenuCommand('new');
    expect(t.asked[0]).toEqual({ kind: 'unsaved', title: 'Edited' });
    expect(t.s().document!.factors).toHaveLength(1);
    expect(isDirty(t.s())).toBe(false);
  });

  it('with unsaved changes: Cancel keeps them', async () => {
    const t = setup(['cancel']);
    await t.controller.start();
    t.s().setTitle('Edited');
    await t.controller.newDocument();
    expect(t.s().document!.title).toBe('Edited');
  });

  it('a clean document is replaced without a question', async () => {
    const t = setup();
    await t.controller.start();
    await t.controller.newDocument();
    expect(t.asked).toEqual([]);
    expect(t.s().fileName).toBeNull();
  });
});

describe('save', () => {
  it('a document without a file asks where (Save As), stamps modifiedAt, and is clean', async () => {
    const t = setup();
    await t.controller.start();
    t.s().setFactorWeight('partnership', 6.5);
    await t.controller.save();
    const [handle, file] = [...t.bridge.files.entries()][0];
    expect(file.name).toBe('ashgabat-2024.mizan');
    expect(t.s().fileHandle).toBe(handle);
    expect(isDirty(t.s())).toBe(false);
    const saved = JSON.parse(file.text);
    expect(saved.modifiedAt).toBe('2025-02-03T10:00:00.000Z');
    expect(saved.factors[1].weight).toBe(6.5);
    expect(file.text).toBe(serializeDocument(t.s().document!));
  });

  it('then saves to the same file without asking', async () => {
    const t = setup();
    await t.controller.start();
    await t.controller.save();
    t.s().setTitle('Again');
    await t.controller.handleMenuCommand('save');
    expect(t.bridge.calls.filter((c) => c.startsWith('save'))).toEqual(['saveAs:ashgabat-2024.mizan', 'save:h1']);
    expect(JSON.parse(t.bridge.files.get('h1')!.text).title).toBe('Again');
  });

  it('Save As always asks, suggesting the current name', async () => {
    const t = setup();
    await t.controller.start();
    await t.controller.save();
    t.bridge.saveAsAnswers.push('copy.mizan');
    await t.controller.handleMenuCommand('save-as');
    expect(t.s().fileName).toBe('copy.mizan');
    expect(t.s().fileHandle).toBe('h2');
  });

  it('a failed save says why and stays dirty', async () => {
    const t = setup(['ok']);
    await t.controller.start();
    await t.controller.save();
    t.s().setTitle('Edited');
    t.bridge.saveErrors.push('disk full');
    await t.controller.save();
    expect(t.asked).toEqual([{ kind: 'error', action: 'save', message: 'disk full' }]);
    expect(isDirty(t.s())).toBe(true);
  });

  it('suggests a file name from the title for a new document', () => {
    expect(suggestedFileName({ fileName: null, document: { title: 'Gulf: what next? (2025)' } as never })).toBe(
      'Gulf-what-next-2025.mizan'
    );
    expect(suggestedFileName({ fileName: null, document: { title: 'تحليل بلا عنوان' } as never })).toBe(
      'تحليل-بلا-عنوان.mizan'
    );
    expect(suggestedFileName({ fileName: null, document: { title: '***' } as never })).toBe('analysis.mizan');
    expect(suggestedFileName({ fileName: 'kept.mizan', document: null })).toBe('kept.mizan');
  });
});

describe('changes on disk by other programs', () => {
  const THEIRS = MINIMAL.replace('"title": "Minimal"', '"title": "Changed elsewhere"');

  /** Opens minimal.mizan as f1, then edits its title (unless `clean`). */
  async function opened(answers: DialogAnswer[], options: { clean?: boolean } = {}) {
    const t = setup(answers);
    await t.controller.start();
    t.bridge.files.set('f1', { name: 'minimal.mizan', text: MINIMAL });
    t.bridge.opens.push({ ok: true, value: { handle: 'f1', name: 'minimal.mizan', text: MINIMAL } });
    await t.controller.open();
    if (!options.clean) t.s().setTitle('My edit');
    return t;
  }
  const saves = (t: ReturnType<typeof setup>) => t.bridge.calls.filter((c) => c.startsWith('save'));

  it('a save that finds the file changed writes nothing and asks; Cancel keeps the edits, unsaved', async () => {
    const t = await opened(['cancel']);
    t.bridge.changeOnDisk('f1', THEIRS);
    expect(await t.controller.save()).toBe(false);
    expect(t.asked).toEqual([
      { kind: 'disk', change: 'changed', saving: true, fileName: 'minimal.mizan', dirty: true }
    ]);
    expect(t.whileAsked).toEqual([{ title: 'My edit', dirty: true }]);
    expect(t.bridge.files.get('f1')!.text).toBe(THEIRS);
    expect(t.s().document!.title).toBe('My edit');
    expect(isDirty(t.s())).toBe(true);
    expect(saves(t)).toEqual(['save:f1']);
  });

  it('Overwrite writes the document over the other program’s version and is clean', async () => {
    const t = await opened(['overwrite']);
    t.bridge.changeOnDisk('f1', THEIRS);
    expect(await t.controller.save()).toBe(true);
    expect(saves(t)).toEqual(['save:f1', 'save:f1:overwrite']);
    expect(JSON.parse(t.bridge.files.get('f1')!.text).title).toBe('My edit');
    expect(isDirty(t.s())).toBe(false);
    // Saved again without a change on disk: no question.
    t.s().setTitle('Later');
    await t.controller.save();
    expect(t.asked).toHaveLength(1);
  });

  it('Save As… saves to another file and leaves the changed one as the other program wrote it', async () => {
    const t = await opened(['save-as']);
    t.bridge.changeOnDisk('f1', THEIRS);
    t.bridge.saveAsAnswers.push('mine.mizan');
    expect(await t.controller.save()).toBe(true);
    expect(t.s().fileName).toBe('mine.mizan');
    expect(t.s().fileHandle).toBe('h1');
    expect(JSON.parse(t.bridge.files.get('h1')!.text).title).toBe('My edit');
    expect(t.bridge.files.get('f1')!.text).toBe(THEIRS);
    expect(isDirty(t.s())).toBe(false);
  });

  it('Reload opens the file as it is on disk, in place of the edits, clean', async () => {
    const t = await opened(['reload']);
    t.bridge.changeOnDisk('f1', THEIRS);
    expect(await t.controller.save()).toBe(false);
    expect(t.bridge.calls).toContain('openRecent:f1');
    expect(t.s().document!.title).toBe('Changed elsewhere');
    expect(t.s().fileHandle).toBe('f1');
    expect(isDirty(t.s())).toBe(false);
    expect(t.bridge.files.get('f1')!.text).toBe(THEIRS);
  });

  it('a save on the way to Open that ends in Reload does not go on to open another file', async () => {
    const t = await opened(['save', 'reload']);
    t.bridge.changeOnDisk('f1', THEIRS);
    await t.controller.open();
    expect(t.asked.map((a) => a.kind)).toEqual(['unsaved', 'disk']);
    expect(t.bridge.calls.filter((c) => c === 'openFile')).toHaveLength(1); // the first open only
    expect(t.s().document!.title).toBe('Changed elsewhere');
  });

  it('on focus, a changed file is offered as a reload, with the edits kept while asking; Reload replaces them', async () => {
    const t = await opened(['reload']);
    t.focus();
    await vi.waitFor(() => expect(t.bridge.calls).toContain('checkDisk:f1'));
    await vi.waitFor(() => expect(t.controller.isBusy()).toBe(false));
    expect(t.asked).toEqual([]); // the file is as it was: nothing to ask
    t.bridge.changeOnDisk('f1', THEIRS);
    await t.controller.checkDisk();
    expect(t.asked).toEqual([
      { kind: 'disk', change: 'changed', saving: false, fileName: 'minimal.mizan', dirty: true }
    ]);
    expect(t.whileAsked).toEqual([{ title: 'My edit', dirty: true }]);
    expect(t.s().document!.title).toBe('Changed elsewhere');
    expect(isDirty(t.s())).toBe(false);
  });

  it('Keep mine keeps the edits and the document unsaved, stops asking on focus, and the next save asks Overwrite', async () => {
    const t = await opened(['keep', 'overwrite'], { clean: true });
    t.bridge.changeOnDisk('f1', THEIRS);
    t.focus();
    await vi.waitFor(() => expect(t.asked).toHaveLength(1));
    expect(t.asked[0]).toMatchObject({ kind: 'disk', change: 'changed', saving: false, dirty: false });
    await vi.waitFor(() => expect(isDirty(t.s())).toBe(true)); // the file no longer holds what is on screen
    expect(t.s().document!.title).toBe('Minimal');
    expect(t.s().fileHandle).toBe('f1');
    await t.controller.checkDisk();
    expect(t.asked).toHaveLength(1);
    await t.controller.save();
    expect(t.asked[1]).toMatchObject({ kind: 'disk', change: 'changed', saving: true });
    expect(JSON.parse(t.bridge.files.get('f1')!.text).title).toBe('Minimal');
    expect(isDirty(t.s())).toBe(false);
    // After the save the file is watched again.
    t.bridge.changeOnDisk('f1', THEIRS);
    await t.controller.checkDisk();
    expect(t.asked).toHaveLength(3);
  });

  it('a file deleted or moved away is noticed on focus: Keep it open leaves the document open and unsaved', async () => {
    const t = await opened(['keep'], { clean: true });
    t.bridge.disk.set('f1', 'deleted');
    await t.controller.checkDisk();
    expect(t.asked).toEqual([
      { kind: 'disk', change: 'deleted', saving: false, fileName: 'minimal.mizan', dirty: false }
    ]);
    expect(t.s().document!.title).toBe('Minimal');
    expect(isDirty(t.s())).toBe(true); // closing now asks first: nothing is lost
    t.answers.push('discard');
    await t.controller.close();
    expect(t.asked[1]).toMatchObject({ kind: 'unsaved' });
  });

  it('a file gone on focus can be saved there again, or elsewhere', async () => {
    const again = await opened(['overwrite']);
    again.bridge.disk.set('f1', 'deleted');
    await again.controller.checkDisk();
    expect(saves(again)).toEqual(['save:f1:overwrite']);
    expect(isDirty(again.s())).toBe(false);

    const elsewhere = await opened(['save-as']);
    elsewhere.bridge.disk.set('f1', 'deleted');
    elsewhere.bridge.saveAsAnswers.push('moved.mizan');
    await elsewhere.controller.checkDisk();
    expect(saves(elsewhere)).toEqual(['saveAs:minimal.mizan']);
    expect(elsewhere.s().fileName).toBe('moved.mizan');
  });

  it('a save that finds the file gone asks too, and Cancel keeps everything', async () => {
    const t = await opened(['cancel']);
    t.bridge.disk.set('f1', 'deleted');
    expect(await t.controller.save()).toBe(false);
    expect(t.asked).toEqual([
      { kind: 'disk', change: 'deleted', saving: true, fileName: 'minimal.mizan', dirty: true }
    ]);
    expect(t.s().document!.title).toBe('My edit');
    expect(isDirty(t.s())).toBe(true);
  });

  it('a document with no file, or a check the platform cannot answer, asks nothing', async () => {
    const t = setup();
    await t.controller.start();
    await t.controller.checkDisk();
    expect(t.bridge.calls.filter((c) => c.startsWith('checkDisk'))).toEqual([]);
    const u = await opened([]);
    u.bridge.checkDisk = () => Promise.reject(new Error('no permission'));
    await u.controller.checkDisk();
    expect(u.asked).toEqual([]);
    u.controller.dispose();
    expect(u.focusHandlers.size).toBe(0);
  });
});

describe('recovery copies', () => {
  it('are written ~1 s after the last change while dirty, and removed when clean again', async () => {
    const t = setup();
    await t.controller.start();
    t.s().setFactorWeight('partnership', 7);
    await vi.advanceTimersByTimeAsync(500);
    t.s().setFactorWeight('partnership', 7.5);
    await vi.advanceTimersByTimeAsync(900);
    expect(t.bridge.recovery.size).toBe(0); // debounced
    await vi.advanceTimersByTimeAsync(200);
    const copy = t.bridge.recovery.get('this-window')!;
    expect(JSON.parse(copy.text).factors[1].weight).toBe(7.5);
    expect(copy.title).toMatch(/^Ashgabat/);
    expect(t.controller.status.getState().recoverySavedAt).toBe(copy.savedAt);

    t.s().undo(); // back to the opened state: clean → copy removed
    await vi.advanceTimersByTimeAsync(0);
    expect(t.bridge.recovery.size).toBe(0);
    expect(t.controller.status.getState().recoverySavedAt).toBeNull();
  });

  it('are removed on save', async () => {
    const t = setup();
    await t.controller.start();
    t.s().setTitle('x');
    await vi.advanceTimersByTimeAsync(1100);
    expect(t.bridge.recovery.size).toBe(1);
    await t.controller.save();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.bridge.recovery.size).toBe(0);
  });

  it('are written at least every 5 s during a long run of edits', async () => {
    const t = setup();
    await t.controller.start();
    for (let i = 0; i < 30; i++) {
      t.s().setFactorWeight('partnership', i / 10);
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(t.bridge.calls.filter((c) => c.startsWith('writeRecovery')).length).toBeGreaterThanOrEqual(1);
  });

  it('are not written for a clean document, and a pending one is dropped on a clean Open', async () => {
    const t = setup(['discard']);
    await t.controller.start();
    t.s().setTitle('x');
    t.bridge.opens.push({ ok: true, value: { handle: 'f', name: 'minimal.mizan', text: MINIMAL } });
    await t.controller.open();
    await vi.advanceTimersByTimeAsync(2000);
    expect(t.bridge.calls.filter((c) => c.startsWith('writeRecovery'))).toEqual([]);
  });
});

describe('commands', () => {
  it('undo and redo', async () => {
    const t = setup();
    await t.controller.start();
    t.s().setFactorWeight('partnership', 7);
    t.bridge.command('undo');
    expect(weight(t, 'partnership')).toBe(5);
    t.bridge.command('redo');
    expect(weight(t, 'partnership')).toBe(7);
  });

  it('language and theme are applied and kept as preferences; unknown values are ignored', async () => {
    const t = setup();
    await t.controller.start();
    await t.controller.handleMenuCommand('language:ar');
    await t.controller.handleMenuCommand('theme:dark');
    await t.controller.handleMenuCommand('theme:purple' as never);
    await t.controller.handleMenuCommand('help-model');
    expect(t.s().view).toMatchObject({ language: 'ar', theme: 'dark' });
    await vi.advanceTimersByTimeAsync(0);
    expect(t.bridge.preferences).toEqual({ language: 'ar', theme: 'dark' });
  });

  it('File ▸ Export runs what the pane registered for that kind, and an unregistered kind does nothing', async () => {
    const t = setup();
    await t.controller.start();
    const exported: string[] = [];
    const stop = t.controller.onExport('png', () => void exported.push('png'));
    await t.controller.handleMenuCommand('export:png');
    await t.controller.handleMenuCommand('export:svg');
    stop();
    await t.controller.handleMenuCommand('export:png');
    expect(exported).toEqual(['png']);
    expect(t.asked).toEqual([]);
  });

  it('one export at a time: while one waits on its dialog, another export and Open are ignored', async () => {
    const t = setup();
    await t.controller.start();
    const ran: string[] = [];
    let release: () => void = () => undefined;
    const first = t.controller.exportWith(
      () =>
        new Promise<void>((resolve) => {
          ran.push('first');
          release = resolve;
        })
    );
    await t.controller.exportWith(() => void ran.push('second'));
    t.bridge.opens.push({ ok: true, value: { handle: 'f1', name: 'minimal.mizan', text: MINIMAL } });
    await t.controller.open();
    expect(t.bridge.opens).toHaveLength(1);
    release();
    await first;
    await t.controller.exportWith(() => void ran.push('third'));
    expect(ran).toEqual(['first', 'third']);
  });

  it('an export that fails says why in an export error dialog; the document is untouched', async () => {
    const t = setup();
    await t.controller.start();
    const before = t.s().document;
    t.controller.onExport('pdf', async () => {
      throw new Error('The chart could not be drawn.');
    });
    await t.controller.runExport('pdf');
    expect(t.asked).toEqual([{ kind: 'error', action: 'export', message: 'The chart could not be drawn.' }]);
    expect(t.s().document).toBe(before);
  });

  it('tell the platform the title and whether there are unsaved changes', async () => {
    const t = setup();
    await t.controller.start();
    t.s().setTitle('Changed');
    expect(t.bridge.documentStates.at(-1)).toEqual({ title: 'Changed', dirty: true });
  });

  it('close asks about unsaved changes, removes the recovery copy and closes', async () => {
    const t = setup(['cancel', 'discard']);
    await t.controller.start();
    t.s().setTitle('x');
    await vi.advanceTimersByTimeAsync(1100);
    await t.controller.close();
    expect(t.closeWindow).not.toHaveBeenCalled();
    await t.controller.close();
    expect(t.closeWindow).toHaveBeenCalledOnce();
    expect(t.bridge.recovery.size).toBe(0);
  });

  it('one command at a time: a second one while a dialog is up is ignored', async () => {
    const bridge = new FakeBridge();
    const store = createDocumentStore();
    let release: (a: DialogAnswer) => void = () => undefined;
    const asked: DialogRequest[] = [];
    const controller = createController({
      store,
      bridge,
      ask: (r) => {
        asked.push(r);
        return new Promise((resolve) => (release = resolve));
      },
      defaultDocument: { text: ASHGABAT, fileName: 'a.mizan' },
      recoveryKey: 'k'
    });
    await controller.start();
    store.getState().setTitle('dirty');
    const first = controller.newDocument();
    await vi.advanceTimersByTimeAsync(0);
    expect(controller.isBusy()).toBe(true);
    await controller.open();
    controller.undo();
    expect(store.getState().document!.title).toBe('dirty');
    expect(asked).toHaveLength(1);
    release('cancel');
    await first;
    expect(controller.isBusy()).toBe(false);
  });
});
