// A save that fails never deletes a recovery copy. Main's controller with the real writer,
// the document on a nearly full disk (a real 64 KiB tmpfs as root, else the simulated one),
// the recovery store in an ordinary folder: the save says "the disk is full", the document
// on disk is byte for byte the old one, and the recovery copy of the unsaved work is still
// there. The same save on a disk with room removes the copy — the step a failed save skips.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadDocument, serializeDocument } from '../../src/engine/format';
import { MainController, type ControllerDeps } from '../../src/main/controller';
import { DocumentWindows } from '../../src/main/documents';
import { RecentFiles } from '../../src/main/files/recentFiles';
import { RecoveryStore } from '../../src/main/files/recovery';
import { FileHandles } from '../../src/main/handles';
import { PreferencesStore } from '../../src/main/preferences';
import { mountsSmallDisk, smallDisk, type SmallDisk } from '../support/smallDisk';
import { repoFile, tempDir } from './helpers';

const DEFAULT_TEXT = readFileSync(repoFile('tests', 'fixtures', 'as-first-written', 'ashgabat-2024.mizan'), 'utf8');

/** The default analysis with long notes: ~115 KB, more than the small disk holds. */
function bigDocument(): string {
  const loaded = loadDocument(DEFAULT_TEXT);
  if (!loaded.ok) throw new Error('default analysis does not load');
  const long = 'Notes. '.repeat(2_700);
  const doc = loaded.document;
  return serializeDocument({ ...doc, description: long, scenarios: doc.scenarios.map((s) => ({ ...s, notes: long })) });
}

function controller(locale = 'en-US') {
  const userData = path.join(tempDir(), 'userData');
  const windows = new DocumentWindows();
  windows.add(1);
  const recovery = new RecoveryStore(path.join(userData, 'recovery'));
  const deps = {
    handles: new FileHandles(),
    recent: new RecentFiles(path.join(userData, 'recent.json')),
    recovery,
    preferences: new PreferencesStore(path.join(userData, 'preferences.json'), () => locale),
    windows,
    isMac: false,
    showOpenDialog: async () => null,
    showSaveDialog: async () => null,
    showMessage: vi.fn(),
    defaultDirectory: () => userData,
    send: vi.fn(),
    setWindowTitle: vi.fn(),
    closeWindow: vi.fn(),
    createWindow: () => 2,
    focusedWindowId: () => 1,
    revealWindow: vi.fn(),
    onRecentChanged: vi.fn(),
    onPreferencesChanged: vi.fn(),
    onCloseAborted: vi.fn(),
    writeImageToClipboard: vi.fn(),
    printToPdf: async () => new Uint8Array()
  } satisfies ControllerDeps;
  const main = new MainController(deps);
  return { deps, recovery, invoke: main.invokeHandlers(), from1: { senderId: 1 } };
}

let disk: SmallDisk;
beforeEach(() => {
  disk = smallDisk(64 * 1024);
  expect(disk.mounted).toBe(mountsSmallDisk);
});
afterEach(() => disk.remove());

/** The window's unsaved work, copied for recovery and on disk. */
async function unsavedWork(h: ReturnType<typeof controller>, text: string): Promise<string> {
  h.invoke['recovery:write'](
    { key: 'window-1', title: 'Ashgabat', savedAt: '2025-02-03T10:00:00.000Z', text },
    h.from1
  );
  await h.recovery.flush();
  const copy = path.join(h.recovery.dir, 'window-1.json');
  expect(JSON.parse(readFileSync(copy, 'utf8')).text).toBe(text);
  return copy;
}

describe('a save that fails on a full disk', () => {
  it.each([
    [
      'en-US',
      'The disk is full: "ashgabat.mizan" was not saved; your document is still open and unchanged. Free some space or save it somewhere else.'
    ],
    [
      'ar-EG',
      'القرص ممتلئ: لم يُحفظ «ashgabat.mizan»؛ ما زال مستندك مفتوحًا ولم يتغيّر. أفرغ بعض المساحة أو احفظه في مكان آخر.'
    ]
  ])('(%s) says so, keeps the old file byte for byte and the recovery copy', async (locale, message) => {
    const h = controller(locale);
    const file = path.join(disk.dir, 'ashgabat.mizan');
    writeFileSync(file, DEFAULT_TEXT);
    const big = bigDocument();
    expect(big.length).toBeGreaterThan(100_000);
    const copy = await unsavedWork(h, big);

    const result = await h.invoke['file:save'](
      { handle: h.deps.handles.handleFor(file), text: big, suggestedName: '' },
      h.from1
    );
    expect(result).toEqual({ ok: false, error: message });
    expect(readFileSync(file, 'utf8')).toBe(DEFAULT_TEXT);
    expect(readdirSync(disk.dir)).toEqual(['ashgabat.mizan']);
    await h.recovery.flush();
    expect(existsSync(copy)).toBe(true);
    expect(JSON.parse(readFileSync(copy, 'utf8')).text).toBe(big);
    expect(h.deps.windows.get(1)?.recoveryKeys.has('window-1')).toBe(true);
  });

  it('the same save where there is room writes the file and only then removes the copy', async () => {
    const h = controller();
    const file = path.join(tempDir(), 'ashgabat.mizan');
    writeFileSync(file, DEFAULT_TEXT);
    const big = bigDocument();
    const copy = await unsavedWork(h, big);
    const result = await h.invoke['file:save'](
      { handle: h.deps.handles.handleFor(file), text: big, suggestedName: '' },
      h.from1
    );
    expect(result).toMatchObject({ ok: true, value: { name: 'ashgabat.mizan' } });
    expect(readFileSync(file, 'utf8')).toBe(big);
    expect(existsSync(copy)).toBe(false);
  });
});
