// The command line never hangs or runs away: what is not a regular file is refused at once, a
// job above the work limit is refused unless asked for, progress is shown on a terminal only,
// and Ctrl+C stops a run between steps, exit 130, with nothing written.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largestDocument } from '../../bench/largest';
import { analyseDocument } from '../../src/engine/analysis';
import { scenarioDiagnostics } from '../../src/engine';
import { serializeDocument, type MizanDoc } from '../../src/engine/format';
import { DEFAULT_MAX_WORK } from '../../src/cli/analyse';
import { main } from '../../src/cli/main';
import { mizan, useTempDir } from './helpers';

const ROOT = resolve(__dirname, '../..');
const DEFAULT = join(ROOT, 'tests/fixtures/as-first-written/ashgabat-2024.mizan');
const temp = useTempDir('mizan-hangs-');

async function fileWith(name: string, content: string): Promise<string> {
  const path = join(temp.path, name);
  await writeFile(path, content);
  return path;
}

describe('what is not a regular file', () => {
  let fifo = '';
  let socketPath = '';
  let server: Server;
  beforeAll(async () => {
    fifo = join(temp.path, 'pipe.mizan');
    execFileSync('mkfifo', [fifo]);
    socketPath = join(temp.path, 'socket.mizan');
    server = createServer();
    await new Promise<void>((done) => server.listen(socketPath, done));
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  // No writer ever opens the pipe: a command that opened it for reading would wait forever, and
  // the test's timeout would fail it.
  it.each([
    ['validate', []],
    ['run', []],
    ['chart', ['--out', 'OUT']]
  ])('a named pipe given to %s is refused at once, exit 1', { timeout: 10_000 }, async (command, extra) => {
    const args = extra.map((a) => (a === 'OUT' ? join(temp.path, 'charts') : a));
    const r = await mizan(command, fifo, ...args);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${fifo}: not a regular file (a named pipe)\n`);
  });

  it('as the command runs it, in a child process: answered at once', { timeout: 20_000 }, () => {
    let failure: { status: number; stderr: string } | undefined;
    try {
      execFileSync(process.execPath, [join(ROOT, 'bin/mizan.mjs'), 'validate', fifo], {
        stdio: 'pipe',
        encoding: 'utf8'
      });
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr).toBe(`${fifo}: not a regular file (a named pipe)\n`);
  });

  it('a device and a socket are refused, and the other files are still checked', { timeout: 10_000 }, async () => {
    const broken = await fileWith('broken.mizan', '{');
    const r = await mizan('validate', '/dev/zero', socketPath, DEFAULT, '/dev/urandom', broken);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      '/dev/zero: not a regular file (a device)',
      `${socketPath}: not a regular file (a socket)`,
      '/dev/urandom: not a regular file (a device)',
      expect.stringMatching(/^.*broken\.mizan: is not valid JSON/),
      ''
    ]);
  });
});

describe('the work limit', () => {
  /** Three scenarios of 200 000 runs × 120 months × 60 factors (180 ranges each): 6.5 billion steps, over the limit. */
  const heavy = (): MizanDoc => largestDocument({ scenarios: 3, links: false });

  it('refuses a job above it, saying the estimate, the limit and how to raise it (exit 1)', async () => {
    const file = await fileWith('heavy.mizan', serializeDocument(heavy()));
    for (const args of [
      ['run', file, '--json'],
      ['chart', file, '--out', join(temp.path, 'heavy-charts')]
    ]) {
      const r = await mizan(...args);
      expect(r.code, args[0]).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `${file}: this analysis is too large to run without asking: about 6.48 billion steps (200000 runs × 3 scenarios of 120 months, 60 factors, 0 interactions, 0 events), above the limit of 3 billion (about a minute). Run it anyway with --max-work 6480000000, or run fewer with --runs\n`
      );
    }
    expect(existsSync(join(temp.path, 'heavy-charts'))).toBe(false);
  });

  it('is raised by --max-work, and counts the runs asked for', async () => {
    // The default analysis: 5 000 runs × 3 scenarios of 24 months, 10 factors, 14 interactions and 14 events.
    const small = await mizan('run', DEFAULT, '--max-work', '1000');
    expect(small.code).toBe(1);
    expect(small.stderr).toMatch(
      /about 10\.5 million steps \(5000 runs × 3 scenarios of 24 months, 10 factors, 14 interactions, 14 events\), above the limit of 1000\. Run it anyway with --max-work 10530000,/
    );
    const raised = await mizan('run', DEFAULT, '--max-work', '10530000', '--runs', '5000');
    expect(raised).toMatchObject({ code: 0, stderr: '' });
    expect((await mizan('run', DEFAULT, '--max-work', '1000', '--runs', '0')).code).toBe(0);
    expect(DEFAULT_MAX_WORK).toBe(3e9);
  });

  it('takes a whole number only', async () => {
    const r = await mizan('run', DEFAULT, '--max-work', '1e9');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-work takes a whole number/);
  });
});

describe('progress and Ctrl+C', () => {
  /** Two scenarios of 60 factors × 120 months, 10 000 runs: seconds of runs, in steps of 256 runs. */
  let big = '';
  beforeAll(async () => {
    big = await fileWith('big.mizan', serializeDocument(largestDocument({ scenarios: 2, runs: 10_000, links: false })));
  });

  /** Runs `mizan` in-process with a terminal or not, and a Ctrl+C sent on the first matching progress line. */
  async function withIO(argv: string[], options: { tty: boolean; interruptOn?: RegExp }) {
    let stdout = '';
    let stderr = '';
    let interrupt: (() => void) | undefined;
    const code = await main(argv, {
      stdout: (t) => void (stdout += t),
      stderr: (t) => {
        stderr += t;
        if (options.interruptOn?.test(t)) interrupt?.();
      },
      stderrIsTTY: options.tty,
      onInterrupt: (listener) => {
        interrupt = listener;
        return () => (interrupt = undefined);
      }
    });
    return { code, stdout, stderr };
  }

  it('shows "scenario (k/n): p %" (runs, then the importance ranking) redrawn with \\r on a terminal only, and clears it', async () => {
    const small = await fileWith(
      'small.mizan',
      serializeDocument(largestDocument({ scenarios: 2, runs: 1000, links: false }))
    );
    const tty = await withIO(['run', small, '--runs', '1000'], { tty: true });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/^\rs0 \(1\/2\): \d+ %/);
    expect(tty.stderr).toContain('\rs1 (2/2): 100 %');
    expect(tty.stderr).toContain('\rs1 (2/2): ranking inputs 100 %');
    expect(tty.stderr).toMatch(/\r +\r$/);
    const piped = await withIO(['run', small, '--runs', '1000'], { tty: false });
    expect(piped).toMatchObject({ code: 0, stderr: '' });
    expect(piped.stdout).toBe(tty.stdout);
  });

  it('--stream analyses in passes, shown as "pass k/n", with the same output as the runs kept in memory', async () => {
    const small = await fileWith(
      'streamed.mizan',
      serializeDocument(largestDocument({ scenarios: 2, runs: 600, links: false }))
    );
    const streamed = await withIO(['run', small, '--json', '--stream', '--progress'], { tty: false });
    expect(streamed.code).toBe(0);
    expect(streamed.stderr).toContain('\rs0 (1/2): pass 1/');
    // 600 runs: their inputs fit in memory and the cells keep what the quantiles need: one pass.
    expect(streamed.stderr).toContain('\rs1 (2/2): pass 1/1, 100 %');
    expect(streamed.stderr).toContain('\rs1 (2/2): pass 1/1, ranking inputs 100 %');
    const kept = await withIO(['run', small, '--json', '--progress'], { tty: false });
    expect(kept.stderr).not.toContain('pass');
    expect(streamed.stdout).toBe(kept.stdout);
  });

  it('Ctrl+C stops between steps: "interrupted", exit 130, no CSV written', async () => {
    const out = join(temp.path, 'csv-interrupted');
    const r = await withIO(['run', big, '--csv', out], { tty: true, interruptOn: /s0 \(1\/2\): [1-9]/ });
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/interrupted\n$/);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('Ctrl+C stops a chart of several files after the ones already written', async () => {
    const out = join(temp.path, 'charts-interrupted');
    const first = await fileWith('first.mizan', await readFile(DEFAULT, 'utf8'));
    const r = await withIO(['chart', first, big, '--out', out, '--format', 'csv', '--chart', 'tension'], {
      tty: true,
      interruptOn: /s0 \(1\/2\): [1-9]/
    });
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/interrupted\n$/);
    // The first file's charts are whole; none of the second's was written.
    expect((await readdir(out)).sort()).toEqual(
      ['baseline', 'deescalation', 'escalation'].map((s) => `first-tension-${s}.csv`)
    );
  });

  it(
    'a real SIGINT to a running `mizan run`: exit 130, "interrupted", no output file',
    { timeout: 60_000 },
    async () => {
      const out = join(temp.path, 'csv-signal');
      const child = spawn(process.execPath, [join(ROOT, 'bin/mizan.mjs'), 'run', big, '--csv', out, '--progress'], {
        stdio: ['ignore', 'pipe', 'pipe']
      });
      let stderr = '';
      let stdout = '';
      child.stdout.on('data', (d) => (stdout += d));
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
      // The first progress line says the runs have started (and the SIGINT handler is in place).
      await new Promise<void>((started) =>
        child.stderr.on('data', (d) => {
          stderr += d;
          if (stderr.includes('%')) started();
        })
      );
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(stderr).toMatch(/interrupted\n$/);
      expect(stdout).toBe('');
      expect(existsSync(out)).toBe(false);
    }
  );
});

describe('the analysis in chunks', () => {
  it('prints the very same JSON as one call of the engine', async () => {
    // 1 500 runs of 60 factors × 120 months: five chunks of 256 runs and one of 220 in each scenario.
    const doc = largestDocument({ scenarios: 2, runs: 1500, links: false });
    const file = await fileWith('chunks.mizan', serializeDocument(doc));
    const r = await withChunks(file);
    expect(r.steps).toBeGreaterThanOrEqual(6);
    const analysis = analyseDocument(doc);
    // Each scenario with its structural diagnostics, which do not depend on the runs.
    const scenarios = analysis.scenarios.map((s, k) => ({ ...s, diagnostics: scenarioDiagnostics(doc, k) }));
    const { runs, seed, months } = analysis;
    expect(r.stdout).toBe(
      JSON.stringify({ file, runs, seed, months, tornadoMetric: 'final', scenarios }, null, 2) + '\n'
    );
  }, 120_000);
});

/** `mizan run FILE --json` in-process, counting its progress steps. */
async function withChunks(file: string) {
  let stdout = '';
  let steps = 0;
  const code = await main(['run', file, '--json'], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (steps += t.includes('%') ? 1 : 0),
    stderrIsTTY: true
  });
  expect(code).toBe(0);
  return { stdout, steps };
}
