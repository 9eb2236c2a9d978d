// The web platform with the File System Access API: a file another program changed or removed
// since the tab read or wrote it is noticed by its lastModified and size, at save and on check,
// and the app asks the same question as on the desktop.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createController } from '../../src/renderer/src/app/controller';
import type { DialogAnswer, DialogRequest } from '../../src/renderer/src/app/dialogs';
import { webPlatform } from '../../src/renderer/src/platform/web';
import { createDocumentStore, isDirty } from '../../src/renderer/src/state/document';
import { FakeDiskFile } from './fakeFileSystem';

const MINIMAL = readFileSync('tests/fixtures/v2/minimal.mizan', 'utf8');
const THEIRS = MINIMAL.replace('"title": "Minimal"', '"title": "Changed elsewhere"');

function browser(file: FakeDiskFile, suggested: string[] = []) {
  const win = {
    showOpenFilePicker: async () => [file.handle],
    showSaveFilePicker: async (options: { suggestedName?: string }) => {
      suggested.push(options.suggestedName ?? '');
      return file.handle;
    },
    // No IndexedDB here: recent files are kept for the tab only.
    indexedDB: {
      open() {
        throw new Error('no IndexedDB in this test');
      }
    },
    addEventListener() {},
    removeEventListener() {},
    navigator: { language: 'en' },
    crypto: globalThis.crypto,
    localStorage: { getItem: () => null, setItem() {} }
  };
  return webPlatform(win as unknown as Window & typeof globalThis).bridge;
}

describe('web: files changed by other programs (File System Access API)', () => {
  it('a newer lastModified makes the save a conflict that writes nothing; overwrite writes; the next save does not ask', async () => {
    const clock = { now: 1_000 };
    const file = new FakeDiskFile('a.mizan', MINIMAL, clock);
    const bridge = browser(file);
    const opened = await bridge.openFile();
    if (!opened.ok) throw new Error('open failed');
    const id = opened.value.handle;
    expect(await bridge.checkDisk(id)).toBe('same');

    file.outsideWrite(THEIRS);
    expect(await bridge.checkDisk(id)).toBe('changed');
    expect(await bridge.save(id, MINIMAL, 'a.mizan')).toEqual({ ok: false, conflict: 'changed' });
    expect(file.text).toBe(THEIRS);

    expect(await bridge.save(id, MINIMAL, 'a.mizan', { overwrite: true })).toEqual({
      ok: true,
      value: { handle: id, name: 'a.mizan' }
    });
    expect(file.text).toBe(MINIMAL);
    expect(await bridge.checkDisk(id)).toBe('same');
    expect(await bridge.save(id, MINIMAL, 'a.mizan')).toMatchObject({ ok: true });
  });

  it('a size change with the old lastModified is a change too', async () => {
    const file = new FakeDiskFile('a.mizan', MINIMAL, { now: 5 });
    const bridge = browser(file);
    const opened = await bridge.openFile();
    if (!opened.ok) throw new Error('open failed');
    file.text = `${MINIMAL}\n`;
    expect(await bridge.checkDisk(opened.value.handle)).toBe('changed');
  });

  it('a file removed from disk is "deleted" at check and at save', async () => {
    const file = new FakeDiskFile('a.mizan', MINIMAL, { now: 5 });
    const bridge = browser(file);
    const opened = await bridge.openFile();
    if (!opened.ok) throw new Error('open failed');
    file.gone = true;
    expect(await bridge.checkDisk(opened.value.handle)).toBe('deleted');
    expect(await bridge.save(opened.value.handle, MINIMAL, 'a.mizan')).toEqual({ ok: false, conflict: 'deleted' });
  });

  it('the app asks the same question as on the desktop, at save and on focus', async () => {
    const file = new FakeDiskFile('a.mizan', MINIMAL, { now: 1_000 });
    const store = createDocumentStore();
    const asked: DialogRequest[] = [];
    const answers: DialogAnswer[] = ['cancel', 'keep'];
    const controller = createController({
      store,
      bridge: browser(file),
      ask: async (request) => {
        asked.push(request);
        return answers.shift() ?? 'cancel';
      },
      defaultDocument: { text: MINIMAL, fileName: 'minimal.mizan' },
      recoveryKey: 'tab'
    });
    await controller.start();
    await controller.open();
    expect(store.getState().fileName).toBe('a.mizan');
    store.getState().setTitle('My edit');
    file.outsideWrite(THEIRS);

    await controller.save();
    expect(asked).toEqual([{ kind: 'disk', change: 'changed', saving: true, fileName: 'a.mizan', dirty: true }]);
    expect(file.text).toBe(THEIRS);

    await controller.checkDisk();
    expect(asked[1]).toEqual({ kind: 'disk', change: 'changed', saving: false, fileName: 'a.mizan', dirty: true });
    expect(store.getState().document!.title).toBe('My edit');
    expect(isDirty(store.getState())).toBe(true);
    controller.dispose();
  });

  it('the save picker never suggests a name with bidi controls (they can disguise the extension)', async () => {
    const file = new FakeDiskFile('a.mizan', MINIMAL, { now: 5 });
    const suggested: string[] = [];
    const bridge = browser(file, suggested);
    await bridge.save(null, MINIMAL, 'report\u202Egnp.mizan');
    await bridge.saveExport('csv', 'table\u2067\u200F', 'x');
    expect(suggested).toEqual(['reportgnp.mizan', 'table.csv']);
  });
});
