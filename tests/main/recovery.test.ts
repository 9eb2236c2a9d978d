// Recovery copies: written after a pause (many changes, one write), listed for the next
// session, removed on save or clean close, dropped after 30 days.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AtomicWriter } from '../../src/node/atomicWrite';
import { defaultWriter } from '../../src/node/atomicWrite';
import { RECOVERY_DELAY_MS, RecoveryStore, type RecoveryCopy } from '../../src/main/files/recovery';
import { smallDisk, type SmallDisk } from '../support/smallDisk';
import { fsError, tempDir } from './helpers';

afterEach(() => {
  vi.useRealTimers();
});

const entry = (key: string, text: string, title = 'Ashgabat'): RecoveryCopy => ({
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
      { key: 'left-behind', title: 'عشق آباد', savedAt: '2024-10-12T08:00:00.000Z', size: 17 }
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

  it('drops entries older than 30 days; leaves other files and folders alone; a renamed copy counts by its name', async () => {
    const dir = tempDir();
    const old = new RecoveryStore(dir, { now: () => new Date('2024-01-01T00:00:00Z') });
    old.schedule(entry('stale', 'old'));
    await old.flush();
    const recent = new RecoveryStore(dir, { now: () => new Date('2024-01-25T00:00:00Z') });
    recent.schedule(entry('fresh', 'new'));
    await recent.flush();
    writeFileSync(path.join(dir, 'notes.txt'), 'not ours');
    writeFileSync(
      path.join(dir, 'mismatch.json'),
      JSON.stringify({
        format: 'mizan-recovery',
        version: 1,
        key: 'other',
        title: '',
        savedAt: '2024-01-24T00:00:00Z',
        text: ''
      })
    );
    mkdirSync(path.join(dir, 'folder.json'));

    const later = new RecoveryStore(dir, { now: () => new Date('2024-02-01T00:00:01Z') });
    const listed = await later.list();
    expect(listed.map((e) => e.key)).toEqual(['fresh', 'mismatch']);
    expect(existsSync(path.join(dir, 'stale.json'))).toBe(false);
    expect(existsSync(path.join(dir, 'notes.txt'))).toBe(true);
    expect(existsSync(path.join(dir, 'folder.json'))).toBe(true);
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

  it('removes copies that cannot be parsed (cut short, garbage, not a recovery file) and logs them; offers the rest', async () => {
    const dir = tempDir();
    const writer = new RecoveryStore(dir, { now: () => new Date('2024-03-01T00:00:00Z') });
    writer.schedule(entry('good', 'the analysis'));
    writer.schedule(entry('cut', 'x'.repeat(4000)));
    await writer.flush();
    // A real copy cut in half, as a full disk or a power cut leaves it.
    const whole = readFileSync(path.join(dir, 'cut.json'));
    writeFileSync(path.join(dir, 'cut.json'), whole.subarray(0, whole.length / 2));
    writeFileSync(path.join(dir, 'garbage.json'), Buffer.from([0xff, 0x00, 0x13, 0x37, 0xc3, 0x28]));
    writeFileSync(path.join(dir, 'empty.json'), '');
    writeFileSync(path.join(dir, 'foreign.json'), JSON.stringify({ format: 'something-else', text: 'hi' }));
    mkdirSync(path.join(dir, 'folder.json'));

    const logged: string[] = [];
    const next = new RecoveryStore(dir, { now: () => new Date('2024-03-02T00:00:00Z'), onError: (m) => logged.push(m) });
    const listed = await next.list();
    expect(listed.map((e) => e.key)).toEqual(['good']);
    expect(readdirSync(dir).sort()).toEqual(['folder.json', 'good.json']);
    expect(logged.join('\n')).toMatch(/removed cut\.json because it is not complete JSON/);
    expect(logged.join('\n')).toMatch(/removed garbage\.json/);
    expect(logged.join('\n')).toMatch(/removed empty\.json because it is empty/);
    expect(logged.join('\n')).toMatch(/removed foreign\.json because it is not a Mizan recovery copy/);
    expect((await next.read('good')).ok).toBe(true);
  });

  it('never throws while listing: a missing folder, a file where the folder should be, a folder named like a copy', async () => {
    const base = tempDir();
    await expect(new RecoveryStore(path.join(base, 'not-there')).list()).resolves.toEqual([]);
    writeFileSync(path.join(base, 'a-file'), 'not a folder');
    await expect(new RecoveryStore(path.join(base, 'a-file')).list()).resolves.toEqual([]);
    const dir = tempDir();
    mkdirSync(path.join(dir, 'folder.json'));
    await expect(new RecoveryStore(dir).list()).resolves.toEqual([]);
    expect(existsSync(path.join(dir, 'folder.json'))).toBe(true);
  });

  it('keeps at most 20 copies: the oldest left-behind ones go, never a live one', async () => {
    const dir = tempDir();
    const day = (n: number) => new Date(Date.UTC(2024, 4, 1 + n));
    let now = day(0);
    const earlier = new RecoveryStore(dir, { now: () => now });
    for (let n = 0; n < 24; n++) {
      now = day(n + 1);
      earlier.schedule(entry(`copy-${String(n + 1).padStart(2, '0')}`, `text ${n + 1}`));
      await earlier.flush();
    }
    // This session's own document, older than all of them (its copy is written first).
    now = day(0);
    const session = new RecoveryStore(dir, { now: () => now });
    session.schedule(entry('live', 'being edited'));
    await session.flush();
    now = day(26);
    const listed = await session.list();
    expect(readdirSync(dir)).toHaveLength(20);
    expect(existsSync(path.join(dir, 'live.json'))).toBe(true);
    // 25 copies, one live: the 5 oldest left-behind ones went, the live one stayed.
    expect(listed).toHaveLength(19);
    expect(listed.map((e) => e.key)).toEqual(
      Array.from({ length: 19 }, (_, i) => `copy-${String(24 - i).padStart(2, '0')}`)
    );
    for (const gone of ['copy-01', 'copy-02', 'copy-03', 'copy-04', 'copy-05']) {
      expect(existsSync(path.join(dir, `${gone}.json`))).toBe(false);
    }
  });

  it('lists titles, times and sizes without the texts; read returns exactly the text, or says it is gone', async () => {
    const dir = tempDir();
    const text = '{"title": "عشق آباد — مسودة"}\n';
    const before = new RecoveryStore(dir);
    before.schedule(entry('k1', text, 'Draft'));
    await before.flush();
    const store = new RecoveryStore(dir);
    const [listed] = await store.list();
    expect(listed).toEqual({ key: 'k1', title: 'Draft', savedAt: expect.any(String), size: Buffer.byteLength(text) });
    expect(listed).not.toHaveProperty('text');
    expect(await store.read('k1')).toEqual({ ok: true, text, file: null });

    await store.clear('k1');
    expect(await store.read('k1')).toEqual({ ok: false, reason: 'missing' });
    expect(await store.read('never-was')).toEqual({ ok: false, reason: 'missing' });
    expect(await store.read('../escape')).toEqual({ ok: false, reason: 'missing' });
  });

  it('read of a copy damaged since it was listed says it is unreadable, and removes it', async () => {
    const dir = tempDir();
    const before = new RecoveryStore(dir);
    before.schedule(entry('k', 'text'));
    await before.flush();
    const logged: string[] = [];
    const store = new RecoveryStore(dir, { onError: (m) => logged.push(m) });
    expect(await store.list()).toHaveLength(1);
    writeFileSync(path.join(dir, 'k.json'), '{"format":"mizan-recovery","ver');
    expect(await store.read('k')).toEqual({ ok: false, reason: 'unreadable' });
    expect(existsSync(path.join(dir, 'k.json'))).toBe(false);
    expect(logged[0]).toMatch(/removed k\.json/);
  });
});

// A real full disk: a 64 KiB tmpfs (we are root in CI). Without the right to mount, the same
// cases run on a plain folder with the fault injected: the write refused as ENOSPC, and the
// copy cut short as a full disk leaves it.
describe('RecoveryStore on a full disk', () => {
  let disk: SmallDisk | null = null;

  afterEach(() => {
    disk?.remove();
    disk = null;
  });

  /** A folder on a 64 KiB disk: a real tmpfs where the machine allows it, else simulated. */
  function fullDiskFolder(): string {
    disk = smallDisk();
    return disk.dir;
  }

  const big = 'x'.repeat(100 * 1024);

  it('a copy cut short by the full disk is removed at the next start (and logged); the others are offered', async () => {
    const dir = fullDiskFolder();
    const first = new RecoveryStore(dir, { now: () => new Date('2024-06-01T00:00:00Z') });
    first.schedule(entry('kept', 'the small analysis'));
    await first.flush();

    const body = JSON.stringify({ format: 'mizan-recovery', version: 1, key: 'cut', title: 'T', savedAt: '2024-06-01T00:00:00Z', text: big });
    let diskFull = false;
    try {
      writeFileSync(path.join(dir, 'cut.json'), body); // fills the disk and stops there
    } catch (error) {
      diskFull = (error as NodeJS.ErrnoException).code === 'ENOSPC';
    }
    if (!disk!.mounted) writeFileSync(path.join(dir, 'cut.json'), body.slice(0, 60 * 1024));
    expect(diskFull).toBe(disk!.mounted);
    expect(statSync(path.join(dir, 'cut.json')).size).toBeLessThan(body.length);

    const logged: string[] = [];
    const next = new RecoveryStore(dir, { now: () => new Date('2024-06-02T00:00:00Z'), onError: (m) => logged.push(m) });
    expect((await next.list()).map((e) => e.key)).toEqual(['kept']);
    expect(existsSync(path.join(dir, 'cut.json'))).toBe(false);
    expect(logged).toEqual([expect.stringMatching(/removed cut\.json because it is not complete JSON/)]);
    expect(await next.read('kept')).toEqual({ ok: true, text: 'the small analysis', file: null });
  });

  // Real ENOSPC where the machine lets us mount a small disk; an injected one elsewhere.
  it('a newer copy that does not fit leaves the older copy whole, and the failure is logged', async () => {
    const dir = fullDiskFolder();
    const first = new RecoveryStore(dir, { now: () => new Date('2024-06-01T00:00:00Z') });
    first.schedule(entry('kept', 'the small analysis'));
    await first.flush();

    const logged: string[] = [];
    const failing = new RecoveryStore(dir, { onError: (m) => logged.push(m) });
    failing.schedule(entry('kept', big));
    await failing.flush();
    expect(logged).toEqual([expect.stringMatching(/disk is full/)]);
    expect(JSON.parse(readFileSync(path.join(dir, 'kept.json'), 'utf8')).text).toBe('the small analysis');
  });
});
