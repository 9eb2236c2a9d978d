// Recovery copies: written after a pause (many changes, one write), listed for the next
// session, removed on save or clean close, dropped after 30 days.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AtomicWriter } from '../../src/node/atomicWrite';
import { defaultWriter } from '../../src/node/atomicWrite';
import { RECOVERY_DELAY_MS, RecoveryStore } from '../../src/main/files/recovery';
import type { RecoveryEntry } from '../../src/shared/bridge';
import { fsError, tempDir } from './helpers';

afterEach(() => {
  vi.useRealTimers();
});

const entry = (key: string, text: string, title = 'Ashgabat'): RecoveryEntry => ({
  key,
  title,
  savedAt: '2024-10-11T12:00:00.000Z',
  text
});

/** Lets the timers' write (fs work on real I/O) finish. */
async function settle(store: RecoveryStore): Promise<void> {
  await store.flush();
}

describe('RecoveryStore', () => {
  it('coalesces many quick changes into one write of the last text (debounce ~1.5 s)', async () => {
    vi.useFakeTimers();
    const dir = path.join(tempDir(), 'recovery');
    const writes: string[] = [];
    const writer: AtomicWriter = (file, data, options) => {
      writes.push(String(data));
      return defaultWriter(file, data, options);
    };
    const store = new RecoveryStore(dir, { writer });
    for (let i = 0; i < 50; i++) {
      store.schedule(entry('doc-1', `edit ${i}`));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(writes).toHaveLength(0);
    expect(RECOVERY_DELAY_MS).toBe(1500);
    await vi.advanceTimersByTimeAsync(RECOVERY_DELAY_MS - 101);
    expect(writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    vi.useRealTimers();
    await settle(store);
    expect(writes).toHaveLength(1);
    expect(JSON.parse(writes[0]).text).toBe('edit 49');
    expect(readdirSync(dir)).toEqual(['doc-1.json']);
  });

  it('keeps one file per document', async () => {
    vi.useFakeTimers();
    const dir = tempDir();
    const store = new RecoveryStore(dir);
    store.schedule(entry('a', 'A'));
    store.schedule(entry('b', 'B'));
    expect(store.pendingCount).toBe(2);
    await vi.advanceTimersByTimeAsync(RECOVERY_DELAY_MS);
    vi.useRealTimers();
    await settle(store);
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.json']);
  });

  it('a session lists what an earlier session left, not its own live documents', async () => {
    const dir = tempDir();
    const crashed = new RecoveryStore(dir, { now: () => new Date('2024-10-12T08:00:00Z') });
    crashed.schedule(entry('left-behind', '{"unsaved": true}', 'عشق آباد'));
    await crashed.flush();
    expect(await crashed.list()).toEqual([]); // its own, live

    const next = new RecoveryStore(dir, { now: () => new Date('2024-10-13T08:00:00Z') });
    expect(await next.list()).toEqual([
      { key: 'left-behind', title: 'عشق آباد', savedAt: '2024-10-12T08:00:00.000Z', text: '{"unsaved": true}' }
    ]);
  });

  it('removes the copy on save or clean close, including a write still waiting', async () => {
    const dir = tempDir();
    const store = new RecoveryStore(dir);
    store.schedule(entry('saved', 'x'));
    await store.flush();
    expect(existsSync(path.join(dir, 'saved.json'))).toBe(true);
    await store.clear('saved');
    expect(existsSync(path.join(dir, 'saved.json'))).toBe(false);

    vi.useFakeTimers();
    store.schedule(entry('pending', 'y'));
    await store.clear('pending');
    await vi.advanceTimersByTimeAsync(RECOVERY_DELAY_MS * 2);
    vi.useRealTimers();
    await store.flush();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('drops entries older than 30 days, and ignores damaged or foreign files', async () => {
    const dir = tempDir();
    const old = new RecoveryStore(dir, { now: () => new Date('2024-01-01T00:00:00Z') });
    old.schedule(entry('stale', 'old'));
    await old.flush();
    const recent = new RecoveryStore(dir, { now: () => new Date('2024-01-25T00:00:00Z') });
    recent.schedule(entry('fresh', 'new'));
    await recent.flush();
    writeFileSync(path.join(dir, 'damaged.json'), '{"format":"mizan-recovery", "vers');
    writeFileSync(path.join(dir, 'notes.txt'), 'not ours');
    writeFileSync(
      path.join(dir, 'mismatch.json'),
      JSON.stringify({
        format: 'mizan-recovery',
        version: 1,
        key: 'other',
        title: '',
        savedAt: '2024-01-25T00:00:00Z',
        text: ''
      })
    );
    mkdirSync(path.join(dir, 'folder.json'));

    const later = new RecoveryStore(dir, { now: () => new Date('2024-02-01T00:00:01Z') });
    const listed = await later.list();
    expect(listed.map((e) => e.key)).toEqual(['fresh']);
    expect(existsSync(path.join(dir, 'stale.json'))).toBe(false);
    expect(existsSync(path.join(dir, 'damaged.json'))).toBe(true);
  });

  it('lists newest first', async () => {
    const dir = tempDir();
    let now = new Date('2024-05-01T00:00:00Z');
    const store = new RecoveryStore(dir, { now: () => now });
    store.schedule(entry('first', '1'));
    await store.flush();
    now = new Date('2024-05-02T00:00:00Z');
    store.schedule(entry('second', '2'));
    await store.flush();
    expect((await new RecoveryStore(dir, { now: () => now }).list()).map((e) => e.key)).toEqual(['second', 'first']);
  });

  it('hands a crashed renderer’s keys back so the reloaded page finds them', async () => {
    const dir = tempDir();
    const store = new RecoveryStore(dir);
    store.schedule(entry('crashed', 'work'));
    expect(await store.list()).toEqual([]);
    await store.release(['crashed']);
    expect((await store.list()).map((e) => e.key)).toEqual(['crashed']);
  });

  it('writes atomically with private permissions, and reports a failed write instead of throwing', async () => {
    const dir = tempDir();
    const store = new RecoveryStore(dir);
    store.schedule(entry('k', 't'));
    await store.flush();
    const body = JSON.parse(readFileSync(path.join(dir, 'k.json'), 'utf8'));
    expect(body).toMatchObject({ format: 'mizan-recovery', version: 1, key: 'k', title: 'Ashgabat', text: 't' });
    if (process.platform !== 'win32') expect(statSync(path.join(dir, 'k.json')).mode & 0o777).toBe(0o600);

    const errors: string[] = [];
    const failing = new RecoveryStore(dir, {
      writer: () => Promise.reject(fsError('ENOSPC')),
      onError: (m) => errors.push(m)
    });
    failing.schedule(entry('k', 'newer'));
    await failing.flush();
    expect(errors[0]).toMatch(/disk is full/);
    expect(JSON.parse(readFileSync(path.join(dir, 'k.json'), 'utf8')).text).toBe('t');
  });

  it('refuses a key that is not a safe file name', () => {
    const store = new RecoveryStore(tempDir());
    for (const key of ['../x', 'a/b', '', 'x'.repeat(65), 'a.b', 'C:']) {
      expect(() => store.schedule(entry(key, ''))).toThrow(/recovery key/);
    }
  });
});
