// What main does for each request, driven with fake dialogs and windows against a real
// temp folder: open, save, save as, export, recent, recovery, drops, files from the OS,
// preferences, and the close-after-save dance.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadDocument, serializeDocument } from '../../src/engine/format';
import { MainController, type ControllerDeps } from '../../src/main/controller';
import { closeAnswer, closePromptOptions } from '../../src/main/dialogs';
import { DocumentWindows, windowTitle } from '../../src/main/documents';
import { RecentFiles } from '../../src/main/files/recentFiles';
import { RecoveryStore } from '../../src/main/files/recovery';
import { FileHandles } from '../../src/main/handles';
import { PreferencesStore } from '../../src/main/preferences';
import { EVENT } from '../../src/contract/ipc';
import { fsError, repoFile, tempDir } from './helpers';

const DEFAULT_TEXT = readFileSync(repoFile('resources', 'scenarios', 'ashgabat-2024.mizan'), 'utf8');
const canonical = (() => {
  const loaded = loadDocument(DEFAULT_TEXT);
  if (!loaded.ok) throw new Error('default analysis does not load');
  return serializeDocument(loaded.document);
})();
/** What the analyst saves in the tests about other programs: valid, and not the file's text. */
const mine = canonical.replace('"title": "', '"title": "Mine: ');

function harness(options: { locale?: string } = {}) {
  const dir = tempDir();
  const userData = path.join(dir, 'userData');
  const docs = path.join(dir, 'Documents');
  const windows = new DocumentWindows();
  let nextWindow = 100;
  const sent: { id: number; channel: string; payload: unknown }[] = [];
  const messages: { id: number | null; message: string }[] = [];
  const titles: { id: number; title: string; dirty: boolean }[] = [];
  const closed: number[] = [];
  const aborted: number[] = [];
  const prefsChanged: unknown[] = [];
  let openAnswer: string | null = null;
  let saveAnswer: string | null = null;
  const dialogs: { kind: string; options: unknown }[] = [];
  const clipboard: Uint8Array[] = [];
  const printed: number[] = [];
  const deps: ControllerDeps = {
    handles: new FileHandles(),
    recent: new RecentFiles(path.join(userData, 'recent.json')),
    recovery: new RecoveryStore(path.join(userData, 'recovery')),
    preferences: new PreferencesStore(path.join(userData, 'preferences.json'), () => options.locale ?? 'en-US'),
    windows,
    isMac: false,
    showOpenDialog: async (_id, opts) => {
      dialogs.push({ kind: 'open', options: opts });
      return openAnswer;
    },
    showSaveDialog: async (_id, opts) => {
      dialogs.push({ kind: 'save', options: opts });
      return saveAnswer;
    },
    showMessage: (id, opts) => messages.push({ id, message: `${opts.message}\n${opts.detail ?? ''}`.trim() }),
    defaultDirectory: () => docs,
    send: (id, channel, payload) => sent.push({ id, channel, payload }),
    setWindowTitle: (id, title, dirty) => titles.push({ id, title, dirty }),
    closeWindow: (id) => closed.push(id),
    createWindow: () => {
      const id = nextWindow++;
      windows.add(id);
      return id;
    },
    focusedWindowId: () => windows.ids()[0] ?? null,
    revealWindow: vi.fn(),
    onRecentChanged: vi.fn(),
    onPreferencesChanged: (...args) => prefsChanged.push(args),
    onCloseAborted: (id) => aborted.push(id),
    writeImageToClipboard: (png) => void clipboard.push(png),
    printToPdf: async (id) => {
      printed.push(id);
      return PDF_BYTES;
    }
  };
  const controller = new MainController(deps);
  const invoke = controller.invokeHandlers();
  const send = controller.sendHandlers();
  windows.add(1);
  const from1 = { senderId: 1 };
  return {
    dir,
    docs,
    deps,
    windows,
    controller,
    invoke,
    send,
    from1,
    sent,
    messages,
    titles,
    closed,
    aborted,
    prefsChanged,
    dialogs,
    clipboard,
    printed,
    answerOpen: (p: string | null) => (openAnswer = p),
    answerSave: (p: string | null) => (saveAnswer = p)
  };
}

const PDF_BYTES = new TextEncoder().encode('%PDF-1.7 report');

function scenarioFile(dir: string, name = 'ashgabat.mizan', text = DEFAULT_TEXT): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('open', () => {
  it('opens through the dialog, hands back handle + name + text, never the path', async () => {
    const h = harness();
    const file = scenarioFile(h.dir);
    h.answerOpen(file);
    const result = await h.invoke['file:open'](undefined, h.from1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.name).toBe('ashgabat.mizan');
    expect(result.value.text).toBe(DEFAULT_TEXT);
    expect(JSON.stringify(result)).not.toContain(h.dir);
    expect(h.deps.handles.pathOf(result.value.handle)).toBe(file);
    expect(await h.deps.recent.list()).toEqual([file]);
    expect(h.deps.onRecentChanged).toHaveBeenCalledWith([file], file);
    expect(h.windows.get(1)?.hasFile).toBe(true);
  });

  it('Cancel is a cancel; a bad file is an error with its problems; the dialog is filtered to .mizan', async () => {
    const h = harness();
    h.answerOpen(null);
    expect(await h.invoke['file:open'](undefined, h.from1)).toEqual({ ok: false, canceled: true });
    expect(h.dialogs[0].options).toMatchObject({
      filters: [{ name: 'Mizan scenario', extensions: ['mizan'] }, { extensions: ['*'] }]
    });
    h.answerOpen(scenarioFile(h.dir, 'bad.mizan', '{"format":"mizan-scenario","version":2}'));
    const result = await h.invoke['file:open'](undefined, h.from1);
    expect(result).toMatchObject({ ok: false });
    expect('error' in result && result.error).toMatch(/^Mizan could not open "bad\.mizan"\.\n• bad\.mizan/);
    expect(await h.deps.recent.list()).toEqual([]);
  });

  it('lists recent files with handles that reopen them; a forged handle is refused', async () => {
    const h = harness();
    const a = scenarioFile(h.dir, 'a.mizan');
    h.answerOpen(a);
    await h.invoke['file:open'](undefined, h.from1);
    const [entry] = await h.invoke['file:list-recent'](undefined, h.from1);
    expect(entry).toEqual({ handle: expect.any(String), name: 'a.mizan', location: h.dir });
    expect(await h.invoke['file:open-recent']({ handle: entry.handle }, h.from1)).toMatchObject({
      ok: true,
      value: { name: 'a.mizan' }
    });
    expect(await h.invoke['file:open-recent']({ handle: 'forged-handle' }, h.from1)).toEqual({
      ok: false,
      error: 'Mizan no longer knows where this file is. Open it again, or use Save As.'
    });
  });

  it('opens a dropped .mizan path; refuses other files and relative paths, with a native message', async () => {
    const h = harness();
    const file = scenarioFile(h.dir);
    expect(await h.invoke['file:open-dropped']({ path: file }, h.from1)).toMatchObject({
      ok: true,
      value: { name: 'ashgabat.mizan' }
    });
    writeFileSync(path.join(h.dir, 'secret.txt'), 'password');
    for (const p of [path.join(h.dir, 'secret.txt'), 'ashgabat.mizan', '/etc/passwd']) {
      const result = await h.invoke['file:open-dropped']({ path: p }, h.from1);
      expect(result).toMatchObject({ ok: false });
      expect(JSON.stringify(result)).not.toContain('password');
    }
    expect(h.messages).toHaveLength(3);
    expect(h.messages[0].message).toMatch(/Mizan opens \.mizan scenario files; “secret\.txt” is not one\./);
  });
});

describe('save', () => {
  it('saves to the file behind the handle, atomically, exactly the text', async () => {
    const h = harness();
    const file = scenarioFile(h.dir);
    h.answerOpen(file);
    const opened = await h.invoke['file:open'](undefined, h.from1);
    if (!opened.ok) throw new Error('open failed');
    const result = await h.invoke['file:save'](
      { handle: opened.value.handle, text: canonical, suggestedName: 'x' },
      h.from1
    );
    expect(result).toEqual({ ok: true, value: { handle: opened.value.handle, name: 'ashgabat.mizan' } });
    expect(readFileSync(file, 'utf8')).toBe(canonical);
    expect(h.dialogs.filter((d) => d.kind === 'save')).toHaveLength(0);
  });

  it('with no handle asks where (Save As), adds the extension, and registers the new file', async () => {
    const h = harness();
    h.answerSave(path.join(h.dir, 'new-analysis'));
    const result = await h.invoke['file:save'](
      { handle: null, text: canonical, suggestedName: 'Ashgabat / 2024' },
      h.from1
    );
    expect(result).toMatchObject({ ok: true, value: { name: 'new-analysis.mizan' } });
    expect(readFileSync(path.join(h.dir, 'new-analysis.mizan'), 'utf8')).toBe(canonical);
    expect(h.dialogs[0].options).toMatchObject({ defaultPath: path.join(h.docs, 'Ashgabat 2024.mizan') });
    h.answerSave(null);
    expect(await h.invoke['file:save-as']({ text: canonical, suggestedName: 'a' }, h.from1)).toEqual({
      ok: false,
      canceled: true
    });
    // The next dialog starts where the last file went.
    expect(h.dialogs[1].options).toMatchObject({ defaultPath: path.join(h.dir, 'a.mizan') });
  });

  it('refuses text that would not load back — before asking where, and without touching the file', async () => {
    const h = harness();
    const file = scenarioFile(h.dir);
    const handle = h.deps.handles.handleFor(file);
    const bad = canonical.replace('"horizonMonths": 24', '"horizonMonths": -1');
    expect(bad).not.toBe(canonical);
    const result = await h.invoke['file:save']({ handle, text: bad, suggestedName: 'x' }, h.from1);
    expect(result).toMatchObject({ ok: false });
    expect('error' in result && result.error).toMatch(/^Mizan did not save "ashgabat\.mizan"/);
    expect(readFileSync(file, 'utf8')).toBe(DEFAULT_TEXT);
    const asNew = await h.invoke['file:save-as']({ text: '{', suggestedName: 'x' }, h.from1);
    expect(asNew).toMatchObject({ ok: false });
    expect(h.dialogs).toHaveLength(0);
  });

  it('a failing disk gives a plain error and leaves the old file', async () => {
    const h = harness();
    h.deps.writer = () => Promise.reject(fsError('EROFS'));
    const file = scenarioFile(h.dir);
    const result = await h.invoke['file:save'](
      { handle: h.deps.handles.handleFor(file), text: canonical, suggestedName: '' },
      h.from1
    );
    expect(result).toEqual({
      ok: false,
      error:
        'The file system is read-only: "ashgabat.mizan" was not saved; your document is still open and unchanged. Save it somewhere else.'
    });
    expect(readFileSync(file, 'utf8')).toBe(DEFAULT_TEXT);
  });

  it('speaks Arabic when the preference is Arabic', async () => {
    const h = harness({ locale: 'ar-EG' });
    h.deps.writer = () => Promise.reject(fsError('ENOSPC'));
    const file = scenarioFile(h.dir);
    const result = await h.invoke['file:save'](
      { handle: h.deps.handles.handleFor(file), text: canonical, suggestedName: '' },
      h.from1
    );
    expect('error' in result && result.error).toMatch(/^القرص ممتلئ: لم يُحفظ «ashgabat\.mizan»؛ ما زال مستندك مفتوحًا/);
  });

  it('exports through a dialog filtered to the kind, writing the bytes', async () => {
    const h = harness();
    h.answerSave(path.join(h.dir, 'chart'));
    const png = new Uint8Array([137, 80, 78, 71]);
    const result = await h.invoke['file:save-export'](
      { kind: 'png', suggestedName: 'tension paths', data: png },
      h.from1
    );
    expect(result).toMatchObject({ ok: true, value: { name: 'chart.png' } });
    expect([...readFileSync(path.join(h.dir, 'chart.png'))]).toEqual([...png]);
    expect(h.dialogs[0].options).toMatchObject({
      filters: [{ name: 'PNG image', extensions: ['png'] }],
      defaultPath: path.join(h.docs, 'tension paths.png')
    });
  });
});

describe('changes by other programs', () => {
  /** Opens `file` in window 1; returns its handle. */
  async function openIn(h: ReturnType<typeof harness>, file: string, from = h.from1): Promise<string> {
    h.answerOpen(file);
    const opened = await h.invoke['file:open'](undefined, from);
    if (!opened.ok) throw new Error('open failed');
    return opened.value.handle;
  }
  const save = (h: ReturnType<typeof harness>, handle: string, overwrite?: boolean, from = h.from1) =>
    h.invoke['file:save']({ handle, text: mine, suggestedName: 'x', ...(overwrite ? { overwrite } : {}) }, from);
  const check = (h: ReturnType<typeof harness>, handle: string, from = h.from1) =>
    h.invoke['file:check-disk']({ handle }, from);

  it('a save over a file another program rewrote (a different size) writes nothing and says so; Overwrite writes', async () => {
    const h = harness();
    const file = scenarioFile(h.dir);
    const handle = await openIn(h, file);
    const theirs = DEFAULT_TEXT.replace('"title": "', '"title": "Edited elsewhere: ');
    writeFileSync(file, theirs);
    expect(await check(h, handle)).toBe('changed');
    expect(await save(h, handle)).toEqual({ ok: false, conflict: 'changed' });
    expect(readFileSync(file)).toEqual(Buffer.from(theirs)); // byte for byte the other program's
    expect(h.deps.onRecentChanged).toHaveBeenCalledTimes(1); // the open only: the refused save did not count
    expect(await save(h, handle, true)).toEqual({ ok: true, value: { handle, name: 'ashgabat.mizan' } });
    expect(readFileSync(file, 'utf8')).toBe(mine);
    // What was just written is the new reference: the next save and the next check do not ask.
    expect(await check(h, handle)).toBe('same');
    expect(await save(h, handle)).toMatchObject({ ok: true });
  });

  it('the hash catches a change of the same size with the old modification time put back', async () => {
    const h = harness();
    const file = scenarioFile(h.dir);
    utimesSync(file, 1_700_000_000, 1_700_000_000); // whole seconds: put back exactly below
    const handle = await openIn(h, file);
    const before = statSync(file);
    const theirs = DEFAULT_TEXT.replace('"title": "A', '"title": "B');
    expect(theirs).not.toBe(DEFAULT_TEXT);
    expect(Buffer.byteLength(theirs)).toBe(before.size);
    writeFileSync(file, theirs);
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(statSync(file).size).toBe(before.size);
    expect(await check(h, handle)).toBe('changed');
    expect(await save(h, handle)).toEqual({ ok: false, conflict: 'changed' });
    expect(readFileSync(file, 'utf8')).toBe(theirs);
  });

  it('a file only touched (new time, same bytes) is not a change', async () => {
    const h = harness();
    const file = scenarioFile(h.dir);
    const handle = await openIn(h, file);
    expect(await check(h, handle)).toBe('same');
    const later = new Date(statSync(file).mtimeMs + 60_000);
    utimesSync(file, later, later);
    expect(await check(h, handle)).toBe('same');
    expect(await save(h, handle)).toMatchObject({ ok: true });
  });

  it('a deleted file is noticed: the save asks, and "save it there again" recreates it', async () => {
    const h = harness();
    const file = scenarioFile(h.dir);
    const handle = await openIn(h, file);
    rmSync(file);
    expect(await check(h, handle)).toBe('deleted');
    expect(await save(h, handle)).toEqual({ ok: false, conflict: 'deleted' });
    expect(existsSync(file)).toBe(false);
    expect(await save(h, handle, true)).toMatchObject({ ok: true });
    expect(readFileSync(file, 'utf8')).toBe(mine);
    expect(await check(h, handle)).toBe('same');
  });

  it('a file renamed away is noticed as gone; the renamed file is left alone', async () => {
    const h = harness();
    const file = scenarioFile(h.dir);
    const handle = await openIn(h, file);
    const moved = path.join(h.dir, 'renamed.mizan');
    renameSync(file, moved);
    expect(await check(h, handle)).toBe('deleted');
    expect(await save(h, handle)).toEqual({ ok: false, conflict: 'deleted' });
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(moved, 'utf8')).toBe(DEFAULT_TEXT);
    // A folder put where the file was is not the file either.
    mkdirSync(file);
    expect(await check(h, handle)).toBe('deleted');
  });

  it('each window compares with what it saw: a save in one window is a change for another holding the file', async () => {
    const h = harness();
    h.windows.add(2);
    const from2 = { senderId: 2 };
    const file = scenarioFile(h.dir);
    const handle = await openIn(h, file);
    expect(await openIn(h, file, from2)).toBe(handle);
    expect(await save(h, handle)).toMatchObject({ ok: true });
    expect(await check(h, handle)).toBe('same');
    expect(await check(h, handle, from2)).toBe('changed');
    expect(await save(h, handle, false, from2)).toEqual({ ok: false, conflict: 'changed' });
  });

  it('a file saved with Save As, or opened from the OS, is watched from then on', async () => {
    const h = harness();
    h.answerSave(path.join(h.dir, 'new.mizan'));
    const saved = await h.invoke['file:save-as']({ text: mine, suggestedName: 'new' }, h.from1);
    if (!saved.ok) throw new Error('save as failed');
    writeFileSync(path.join(h.dir, 'new.mizan'), DEFAULT_TEXT);
    expect(await check(h, saved.value.handle)).toBe('changed');

    const file = scenarioFile(h.dir, 'os.mizan');
    expect(await h.controller.openFromOs(file)).toBe(true);
    const target = h.windows.ids().at(-1)!;
    const handle = h.deps.handles.handleFor(file);
    writeFileSync(file, `${DEFAULT_TEXT}\n`);
    expect(await check(h, handle, { senderId: target })).toBe('changed');
  });

  it('a close waiting on a save is called off when the save finds a change', async () => {
    const h = harness();
    const file = scenarioFile(h.dir);
    const handle = await openIn(h, file);
    h.send['window:document-state']({ title: 'A', dirty: true }, h.from1);
    expect(h.windows.onCloseRequest(1)).toBe('prompt');
    h.windows.onCloseAnswer(1, 'save');
    writeFileSync(file, `${DEFAULT_TEXT} `);
    expect(await save(h, handle)).toEqual({ ok: false, conflict: 'changed' });
    expect(h.closed).toEqual([]);
    expect(h.aborted).toEqual([1]);
  });

  it('an unknown handle or a file never read by this window has nothing to compare with', async () => {
    const h = harness();
    expect(await check(h, 'never-given-out')).toBe('same');
    const file = scenarioFile(h.dir);
    expect(await check(h, h.deps.handles.handleFor(file))).toBe('same');
  });
});

describe('exports and the report', () => {
  it('starts the next export where the last one went, not where the document is', async () => {
    const h = harness();
    const exports = path.join(h.dir, 'briefing');
    mkdirSync(exports);
    h.answerSave(path.join(exports, 'first.svg'));
    await h.invoke['file:save-export']({ kind: 'svg', suggestedName: 'a', data: '<svg/>' }, h.from1);
    // Saving the document elsewhere moves the document folder, not the export folder.
    h.answerSave(path.join(h.dir, 'saved.mizan'));
    await h.invoke['file:save-as']({ text: canonical, suggestedName: 'A' }, h.from1);
    h.answerSave(path.join(exports, 'second.csv'));
    await h.invoke['file:save-export']({ kind: 'csv', suggestedName: 'doc-tension-baseline', data: 'a,b' }, h.from1);
    const last = h.dialogs.at(-1)?.options as { defaultPath: string };
    expect(last.defaultPath).toBe(path.join(exports, 'doc-tension-baseline.csv'));
  });

  it('prints the sender window to PDF once a place is chosen, and writes the bytes there', async () => {
    const h = harness();
    h.answerSave(path.join(h.dir, 'report'));
    const result = await h.invoke['report:print-pdf']({ suggestedName: 'Ashgabat-report' }, h.from1);
    expect(result).toMatchObject({ ok: true, value: { name: 'report.pdf' } });
    expect(h.printed).toEqual([1]);
    expect(readFileSync(path.join(h.dir, 'report.pdf'), 'utf8')).toBe('%PDF-1.7 report');
    expect(h.dialogs[0].options).toMatchObject({ filters: [{ extensions: ['pdf'] }] });
  });

  it('does not print when the save dialog is cancelled', async () => {
    const h = harness();
    h.answerSave(null);
    const result = await h.invoke['report:print-pdf']({ suggestedName: 'r' }, h.from1);
    expect(result).toEqual({ ok: false, canceled: true });
    expect(h.printed).toEqual([]);
  });

  it('says in the UI language why a report could not be printed, and writes nothing', async () => {
    const h = harness({ locale: 'ar' });
    h.deps.printToPdf = () => Promise.reject(new Error('printing failed'));
    h.answerSave(path.join(h.dir, 'report.pdf'));
    const result = await h.invoke['report:print-pdf']({ suggestedName: 'r' }, h.from1);
    expect('error' in result && result.error).toBe('تعذّر تحويل التقرير إلى PDF: printing failed');
    expect(existsSync(path.join(h.dir, 'report.pdf'))).toBe(false);
  });

  it('puts a PNG on the clipboard, and says so plainly when it cannot', async () => {
    const h = harness();
    const png = new Uint8Array([137, 80, 78, 71]);
    expect(await h.invoke['clipboard:write-image']({ png }, h.from1)).toEqual({ ok: true, value: null });
    expect(h.clipboard).toEqual([png]);
    h.deps.writeImageToClipboard = () => {
      throw new Error('the data is not a PNG image');
    };
    expect(await h.invoke['clipboard:write-image']({ png }, h.from1)).toEqual({
      ok: false,
      error: 'The image could not be put on the clipboard: the data is not a PNG image'
    });
    // Electron 44's clipboard.write is asynchronous: a rejected write is reported the same way.
    h.deps.writeImageToClipboard = async () => {
      throw new Error('the clipboard is busy');
    };
    expect(await h.invoke['clipboard:write-image']({ png }, h.from1)).toEqual({
      ok: false,
      error: 'The image could not be put on the clipboard: the clipboard is busy'
    });
  });
});

describe('recovery through the handlers', () => {
  it('keeps a window’s recovery copy until it saves, and hides live copies from listRecovery', async () => {
    const h = harness();
    await h.invoke['recovery:write'](
      { key: 'w1', title: 'A', savedAt: new Date().toISOString(), text: canonical },
      h.from1
    );
    await h.deps.recovery.flush();
    const copy = path.join(h.dir, 'userData', 'recovery', 'w1.json');
    expect(existsSync(copy)).toBe(true);
    expect(await h.invoke['recovery:list'](undefined, h.from1)).toEqual([]);
    h.answerSave(path.join(h.dir, 'saved.mizan'));
    await h.invoke['file:save']({ handle: null, text: canonical, suggestedName: 'A' }, h.from1);
    expect(existsSync(copy)).toBe(false);
  });

  it('removes recovery copies on a clean close, keeps them when the window closes dirty', async () => {
    const h = harness();
    await h.invoke['recovery:write'](
      { key: 'clean', title: 'A', savedAt: new Date().toISOString(), text: '{}' },
      h.from1
    );
    await h.deps.recovery.flush();
    await h.controller.windowClosed(1);
    expect(existsSync(path.join(h.dir, 'userData', 'recovery', 'clean.json'))).toBe(false);

    h.windows.add(2);
    await h.invoke['recovery:write'](
      { key: 'dirty', title: 'B', savedAt: new Date().toISOString(), text: '{}' },
      { senderId: 2 }
    );
    h.send['window:document-state']({ title: 'B', dirty: true }, { senderId: 2 });
    await h.deps.recovery.flush();
    await h.controller.windowClosed(2); // e.g. the process is being killed
    expect(existsSync(path.join(h.dir, 'userData', 'recovery', 'dirty.json'))).toBe(true);
  });

  it('lists left-behind copies without their texts, and reads the one restored', async () => {
    const h = harness();
    const earlier = new RecoveryStore(path.join(h.dir, 'userData', 'recovery'));
    earlier.schedule({ key: 'left', title: 'A', savedAt: new Date().toISOString(), text: canonical });
    await earlier.flush();
    const listed = await h.invoke['recovery:list'](undefined, h.from1);
    expect(listed).toEqual([{ key: 'left', title: 'A', savedAt: expect.any(String), size: Buffer.byteLength(canonical) }]);
    expect(await h.invoke['recovery:read']({ key: 'left' }, h.from1)).toEqual({ ok: true, text: canonical, file: null });
    expect(await h.invoke['recovery:read']({ key: 'gone' }, h.from1)).toEqual({ ok: false, reason: 'missing' });
  });
});

describe('a restored copy keeps its file', () => {
  /** Session 1: opens `file`, edits it, and leaves a recovery copy of the edit tied to the file. */
  async function leaveCopyOf(file: string) {
    const first = harness();
    first.answerOpen(file);
    const opened = await first.invoke['file:open'](undefined, first.from1);
    if (!opened.ok) throw new Error('open failed');
    const savedAt = new Date().toISOString();
    await first.invoke['recovery:write']({ key: 'crashed', title: 'Mine', savedAt, text: mine, file: opened.value.handle }, first.from1);
    await first.deps.recovery.flush();
    return first;
  }

  /** Session 2 (after a crash): a new main with the same user data, new handles and windows. */
  function nextSession(first: ReturnType<typeof harness>) {
    const windows = new DocumentWindows();
    windows.add(1);
    const deps = {
      ...first.deps,
      handles: new FileHandles(),
      windows,
      recovery: new RecoveryStore(path.join(first.dir, 'userData', 'recovery'))
    };
    return new MainController(deps).invokeHandlers();
  }

  it('a new session reads the copy with a handle to its file, and Save writes the work there', async () => {
    const dir = tempDir();
    const file = scenarioFile(dir);
    const invoke = nextSession(await leaveCopyOf(file));
    const read = await invoke['recovery:read']({ key: 'crashed' }, { senderId: 1 });
    if (!read.ok || !read.file) throw new Error(`no file in ${JSON.stringify(read)}`);
    expect(read.text).toBe(mine);
    expect(read.file.name).toBe('ashgabat.mizan');
    const saved = await invoke['file:save']({ handle: read.file.handle, text: mine, suggestedName: 'x' }, { senderId: 1 });
    expect(saved).toEqual({ ok: true, value: { handle: read.file.handle, name: 'ashgabat.mizan' } });
    expect(readFileSync(file, 'utf8')).toBe(mine);
  });

  it('a file another program changed since the work began asks before the restored work is saved over it', async () => {
    const dir = tempDir();
    const file = scenarioFile(dir);
    const invoke = nextSession(await leaveCopyOf(file));
    const theirs = DEFAULT_TEXT.replace('"title": "', '"title": "Edited elsewhere: ');
    writeFileSync(file, theirs);
    const read = await invoke['recovery:read']({ key: 'crashed' }, { senderId: 1 });
    if (!read.ok || !read.file) throw new Error('no file');
    const saved = await invoke['file:save']({ handle: read.file.handle, text: mine, suggestedName: 'x' }, { senderId: 1 });
    expect(saved).toEqual({ ok: false, conflict: 'changed' });
    expect(readFileSync(file, 'utf8')).toBe(theirs);
  });

  it('untitled work, copies from before copies kept their file, and a damaged link restore as untitled', async () => {
    const h = harness();
    await h.invoke['recovery:write']({ key: 'untitled', title: 'U', savedAt: new Date().toISOString(), text: mine, file: null }, h.from1);
    await h.deps.recovery.flush();
    const dir = path.join(h.dir, 'userData', 'recovery');
    const old = { format: 'mizan-recovery', version: 1, key: 'old', title: 'O', savedAt: new Date().toISOString(), text: mine };
    writeFileSync(path.join(dir, 'old.json'), JSON.stringify(old));
    writeFileSync(path.join(dir, 'damaged.json'), JSON.stringify({ ...old, key: 'damaged', file: { path: 'relative.mizan', fingerprint: null } }));
    const invoke = nextSession(h);
    for (const key of ['untitled', 'old', 'damaged']) {
      expect(await invoke['recovery:read']({ key }, { senderId: 1 })).toEqual({ ok: true, text: mine, file: null });
    }
  });

  it('a handle main never gave out is not written into a copy', async () => {
    const h = harness();
    await h.invoke['recovery:write']({ key: 'forged', title: 'F', savedAt: new Date().toISOString(), text: mine, file: 'not-a-handle' }, h.from1);
    await h.deps.recovery.flush();
    const stored = JSON.parse(readFileSync(path.join(h.dir, 'userData', 'recovery', 'forged.json'), 'utf8'));
    expect(stored.file).toBeNull();
  });
});

describe('windows', () => {
  it('titles the window "• name — Mizan" while dirty', () => {
    const h = harness();
    h.send['window:document-state']({ title: 'ashgabat.mizan', dirty: true }, h.from1);
    h.send['window:document-state']({ title: 'ashgabat.mizan', dirty: false }, h.from1);
    expect(h.titles).toEqual([
      { id: 1, title: '• ashgabat.mizan — Mizan', dirty: true },
      { id: 1, title: 'ashgabat.mizan — Mizan', dirty: false }
    ]);
    expect(windowTitle('a\u202eb\n', true, true)).toBe('a b — Mizan');
    expect(windowTitle('', false, false)).toBe('Untitled — Mizan');
  });

  it('queues a file from the OS until the renderer listens, in a blank window or a new one', async () => {
    const h = harness();
    const a = scenarioFile(h.dir, 'a.mizan');
    const b = scenarioFile(h.dir, 'b.mizan');
    expect(await h.controller.openFromOs(a)).toBe(true);
    expect(h.sent).toEqual([]); // window 1 is not listening yet
    h.send['window:ready-for-files'](undefined, h.from1);
    expect(h.sent).toEqual([
      { id: 1, channel: EVENT.fileOpened, payload: expect.objectContaining({ name: 'a.mizan' }) }
    ]);
    // Window 1 now holds a file: the next one goes to a new window.
    expect(await h.controller.openFromOs(b)).toBe(true);
    expect(h.windows.ids()).toEqual([1, 100]);
    expect(h.windows.get(100)?.queue.map((f) => f.name)).toEqual(['b.mizan']);
  });

  it('at start, reopens the most recent file that still exists, in its own window', async () => {
    const h = harness();
    h.windows.remove(1); // at start there is no window yet
    const older = scenarioFile(h.dir, 'older.mizan');
    const last = scenarioFile(h.dir, 'last.mizan');
    const gone = scenarioFile(h.dir, 'gone.mizan');
    for (const file of [older, last, gone]) await h.deps.recent.add(file);
    rmSync(gone);
    expect(await h.controller.reopenLast()).toBe(true);
    expect(h.windows.ids()).toEqual([100]);
    expect(h.windows.get(100)?.queue.map((f) => f.name)).toEqual(['last.mizan']);
    expect(h.messages).toEqual([]);
  });

  it('a last file that no longer reads says so, naming it, and opens nothing (the sample follows); the file is left alone', async () => {
    const h = harness();
    const broken = scenarioFile(h.dir, 'broken.mizan', '{"format": "mizan", cut short');
    await h.deps.recent.add(broken);
    expect(await h.controller.reopenLast()).toBe(false);
    expect(h.messages).toHaveLength(1);
    expect(h.messages[0].message).toContain('broken.mizan');
    expect(h.messages[0].message).toContain('this time the sample analysis is open instead. The file was not changed.');
    expect(readFileSync(broken, 'utf8')).toBe('{"format": "mizan", cut short');
    expect(await h.deps.recent.list()).toEqual([broken]);
  });

  it('reopens nothing with no recent file, or when unsaved work was left behind (its offer comes first)', async () => {
    const h = harness();
    expect(await h.controller.reopenLast()).toBe(false);
    await h.deps.recent.add(scenarioFile(h.dir));
    const earlier = new RecoveryStore(path.join(h.dir, 'userData', 'recovery'));
    earlier.schedule({ key: 'left', title: 'A', savedAt: new Date().toISOString(), text: canonical });
    await earlier.flush();
    expect(await h.controller.reopenLast()).toBe(false);
    expect(h.messages).toEqual([]);
    expect(h.windows.get(1)?.queue).toEqual([]);
  });

  it('a bad file from the OS gets a native error dialog', async () => {
    const h = harness();
    expect(await h.controller.openFromOs(path.join(h.dir, 'missing.mizan'))).toBe(false);
    expect(h.messages[0].message).toBe('Mizan could not open "missing.mizan". The file no longer exists.');
  });

  it('queues menu commands for a window that is not listening yet', () => {
    const h = harness();
    h.controller.sendCommand(1, 'open');
    expect(h.sent).toEqual([]);
    h.send['window:ready-for-files'](undefined, h.from1);
    expect(h.sent).toEqual([{ id: 1, channel: EVENT.menuCommand, payload: 'open' }]);
    h.controller.sendCommand(1, 'undo');
    expect(h.sent.at(-1)).toEqual({ id: 1, channel: EVENT.menuCommand, payload: 'undo' });
  });

  it('close with unsaved changes: prompt; Save closes only after the save succeeds', async () => {
    const h = harness();
    h.send['window:document-state']({ title: 'A', dirty: true }, h.from1);
    expect(h.windows.onCloseRequest(1)).toBe('prompt');
    expect(h.windows.onCloseRequest(1)).toBe('wait'); // a second click while the prompt shows
    h.windows.onCloseAnswer(1, closeAnswer(0));
    // The renderer's save is cancelled: no close, and the quit (if any) is called off.
    h.answerSave(null);
    await h.invoke['file:save']({ handle: null, text: canonical, suggestedName: 'A' }, h.from1);
    expect(h.closed).toEqual([]);
    expect(h.aborted).toEqual([1]);
    // Next time it succeeds: the window closes.
    expect(h.windows.onCloseRequest(1)).toBe('prompt');
    h.windows.onCloseAnswer(1, 'save');
    h.answerSave(path.join(h.dir, 'a.mizan'));
    await h.invoke['file:save']({ handle: null, text: canonical, suggestedName: 'A' }, h.from1);
    expect(h.closed).toEqual([1]);
  });

  it("Don't Save closes without a prompt; Cancel keeps the window; a clean window just closes", () => {
    const h = harness();
    expect(h.windows.onCloseRequest(1)).toBe('close');
    h.send['window:document-state']({ title: 'A', dirty: true }, h.from1);
    expect(h.windows.onCloseRequest(1)).toBe('prompt');
    h.windows.onCloseAnswer(1, closeAnswer(2));
    expect(h.windows.onCloseRequest(1)).toBe('prompt');
    h.windows.onCloseAnswer(1, closeAnswer(1));
    expect(h.windows.onCloseRequest(1)).toBe('close');
  });

  it('the close prompt says Save / Don’t Save / Cancel, in both languages', () => {
    expect(closePromptOptions('en', 'ashgabat.mizan')).toMatchObject({
      message: 'Do you want to save the changes you made to “ashgabat.mizan”?',
      buttons: ['Save', 'Do&n’t Save', 'Cancel'],
      defaultId: 0,
      cancelId: 2
    });
    expect(closePromptOptions('ar', '')).toMatchObject({
      message: 'هل تريد حفظ التغييرات التي أجريتها على «بلا عنوان»؟',
      buttons: ['حفظ', 'عدم الحفظ', 'إلغاء']
    });
    expect(closeAnswer(7)).toBe('cancel');
  });
});

describe('preferences through the handlers', () => {
  it('tells the other windows only what changed, so echoes do not ping-pong', async () => {
    const h = harness();
    expect(await h.invoke['preferences:get'](undefined, h.from1)).toEqual({ language: 'en', theme: 'system' });
    await h.invoke['preferences:set']({ language: 'ar' }, h.from1);
    expect(h.prefsChanged).toEqual([[{ language: 'ar', theme: 'system' }, { language: 'ar' }, 1]]);
    await h.invoke['preferences:set']({ language: 'ar' }, { senderId: 2 }); // another window echoing it
    expect(h.prefsChanged).toHaveLength(1);
    await h.controller.setPreferences({ theme: 'dark' }, null); // from the menu
    expect(h.prefsChanged[1]).toEqual([{ language: 'ar', theme: 'dark' }, { theme: 'dark' }, null]);
  });
});
