// The recent-files list: add, dedupe, order, at most ten, files that are gone pruned.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_RECENT, RecentFiles } from '../../src/main/files/recentFiles';
import { tempDir } from './helpers';

function setup(count: number) {
  const dir = tempDir();
  const files = Array.from({ length: count }, (_, i) => {
    const file = path.join(dir, `s${i}.mizan`);
    writeFileSync(file, '{}');
    return file;
  });
  return { dir, files, store: path.join(dir, 'userData', 'recent.json') };
}

describe('RecentFiles', () => {
  it('puts the latest first and does not repeat a file', async () => {
    const { files, store } = setup(3);
    const recent = new RecentFiles(store);
    await recent.add(files[0]);
    await recent.add(files[1]);
    await recent.add(files[2]);
    await recent.add(files[0]);
    expect(await recent.list()).toEqual([files[0], files[2], files[1]]);
    // Kept on disk, in a new instance too.
    expect(await new RecentFiles(store).list()).toEqual([files[0], files[2], files[1]]);
  });

  it(`keeps at most ${MAX_RECENT}`, async () => {
    const { files, store } = setup(13);
    const recent = new RecentFiles(store);
    for (const file of files) await recent.add(file);
    const listed = await recent.list();
    expect(listed).toHaveLength(10);
    expect(listed[0]).toBe(files[12]);
    expect(listed[9]).toBe(files[3]);
  });

  it('prunes files that are gone, quietly, and saves the pruned list', async () => {
    const { files, store } = setup(3);
    const recent = new RecentFiles(store);
    for (const file of files) await recent.add(file);
    rmSync(files[1]);
    expect(await recent.list()).toEqual([files[2], files[0]]);
    expect(JSON.parse(readFileSync(store, 'utf8')).files.map((f: { path: string }) => f.path)).toEqual([
      files[2],
      files[0]
    ]);
  });

  it('compares paths ignoring case where the file system does', async () => {
    const { store } = setup(0);
    const recent = new RecentFiles(store, { ignoreCase: true, exists: async () => true });
    await recent.add('/Docs/A.mizan');
    await recent.add('/docs/a.mizan');
    expect(await recent.list()).toEqual(['/docs/a.mizan']);
  });

  it('survives a damaged or hand-edited file, and keeps only absolute paths', async () => {
    const { files, store } = setup(1);
    const recent = new RecentFiles(store);
    await recent.add(files[0]);
    writeFileSync(store, '{ not json');
    expect(await recent.list()).toEqual([]);
    writeFileSync(
      store,
      JSON.stringify({
        version: 1,
        files: [
          { path: 'relative.mizan', at: '' },
          { path: files[0], at: '' }
        ]
      })
    );
    expect(await recent.list()).toEqual([files[0]]);
  });

  it('loses nothing when two windows add at once, and can be cleared or have one removed', async () => {
    const { files, store } = setup(4);
    const recent = new RecentFiles(store);
    await Promise.all(files.map((file) => recent.add(file)));
    expect((await recent.list()).sort()).toEqual([...files].sort());
    await recent.remove(files[0]);
    expect(await recent.list()).not.toContain(files[0]);
    await recent.clear();
    expect(await recent.list()).toEqual([]);
  });
});
