// src/renderer/public/warm-intl.js: the plain script index.html loads first, which sets up
// ICU in a throwaway worker. Run here in a VM context with a fake Worker and URL.
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const script = readFileSync(new URL('../../src/renderer/public/warm-intl.js', import.meta.url), 'utf8');
const indexHtml = readFileSync(new URL('../../src/renderer/index.html', import.meta.url), 'utf8');

interface FakeWorker {
  url: string;
  terminate: () => void;
  name?: string;
  terminated: boolean;
  onmessage: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

function host(options: { workerThrows?: boolean } = {}) {
  const blobs = new Map<string, string>();
  const revoked: string[] = [];
  const workers: FakeWorker[] = [];
  let n = 0;
  const globals = {
    Blob: class {
      constructor(readonly parts: string[]) {}
    },
    URL: {
      createObjectURL(blob: { parts: string[] }) {
        const url = `blob:test/${++n}`;
        blobs.set(url, blob.parts.join(''));
        return url;
      },
      revokeObjectURL: (url: string) => revoked.push(url)
    },
    Worker: function (this: FakeWorker, url: string, opts?: { name?: string }) {
      if (options.workerThrows) throw new Error('workers are off');
      Object.assign(this, { url, name: opts?.name, terminated: false, onmessage: null, onerror: null });
      this.terminate = () => (this.terminated = true);
      workers.push(this);
    } as unknown as new () => FakeWorker
  };
  return { globals, blobs, revoked, workers };
}

describe('warm-intl.js', () => {
  it('starts one worker whose code builds a number and a date format and says when done', () => {
    const h = host();
    runInNewContext(script, h.globals);
    expect(h.workers).toHaveLength(1);
    const source = h.blobs.get(h.workers[0].url);
    expect(source).toBeDefined();
    // The worker's own code runs (here in a context of its own) and reports back.
    const posted: unknown[] = [];
    runInNewContext(source!, { Intl, postMessage: (m: unknown) => posted.push(m) });
    expect(posted).toEqual(['done']);
    expect(source).toMatch(/Intl\.NumberFormat/);
    expect(source).toMatch(/Intl\.DateTimeFormat/);
  });

  it('ends the worker and lets its URL go once it reports, or fails', () => {
    for (const ending of ['onmessage', 'onerror'] as const) {
      const h = host();
      runInNewContext(script, h.globals);
      const [worker] = h.workers;
      expect(worker.terminated).toBe(false);
      expect(h.revoked).toEqual([]);
      worker[ending]?.({});
      expect(worker.terminated).toBe(true);
      expect(h.revoked).toEqual([worker.url]);
    }
  });

  it('never throws: without workers, or when a worker cannot start, the main thread simply pays', () => {
    const refused = host({ workerThrows: true });
    expect(() => runInNewContext(script, refused.globals)).not.toThrow();
    expect(refused.revoked).toEqual(['blob:test/1']);

    const { Worker: _none, ...withoutWorker } = host().globals;
    expect(() => runInNewContext(script, withoutWorker)).not.toThrow();
  });

  it('is loaded by index.html before the app, without blocking the page', () => {
    const warm = indexHtml.indexOf('<script async src="/warm-intl.js"></script>');
    const app = indexHtml.indexOf('<script type="module"');
    expect(warm).toBeGreaterThan(-1);
    expect(warm).toBeLessThan(app);
  });
});
