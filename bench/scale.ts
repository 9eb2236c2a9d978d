// The scale item: one scenario of the largest shape (bench/largest.ts: 60 factors,
// 120 months, ranges on every weight, start and target; --links adds every pair of factors
// linked and 500 events) at 10 000, 50 000 and 200 000 runs through `mizan run --json`, one
// process each: wall and user time, runs per second and the peak resident memory (/usr/bin/time).
// Runs that would hold more than STREAM_ABOVE_BYTES are streamed (in windows, bounded memory);
// --stream streams every size (mizan run --stream), to show its time growing linearly too.
//
//   npx tsx bench/scale.ts [--links] [--stream] [--runs 10000,50000,200000]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serializeDocument } from '../src/engine/format';
import { largestDocument } from './largest';

const { values } = parseArgs({
  options: {
    links: { type: 'boolean', default: false },
    stream: { type: 'boolean', default: false },
    runs: { type: 'string', default: '10000,50000,200000' }
  }
});
const dir = mkdtempSync(join(tmpdir(), 'mizan-scale-'));
console.log(
  `One scenario of the largest shape${values.links ? ' with every link and 500 events' : ' (no links, no events)'}, mizan run --json${values.stream ? ' --stream' : ''}; load average ${loadavg()[0].toFixed(1)}`
);
console.log('runs      wall s   user s   runs/s (wall)   peak RSS MB');
try {
  for (const runs of values.runs.split(',').map(Number)) {
    const file = join(dir, `scale-${runs}.mizan`);
    writeFileSync(file, serializeDocument(largestDocument({ scenarios: 1, runs, links: values.links })));
    const started = performance.now();
    const done = spawnSync(
      '/usr/bin/time',
      [
        '-f',
        '%U %M',
        process.execPath,
        'bin/mizan.mjs',
        'run',
        file,
        '--max-work',
        '1000000000000000',
        '--json',
        ...(values.stream ? ['--stream'] : [])
      ],
      { cwd: join(import.meta.dirname, '..'), stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' }
    );
    const wall = (performance.now() - started) / 1000;
    if (done.status !== 0) throw new Error(`mizan run ${file} failed:\n${done.stderr}`);
    const [user, kb] = done.stderr.trim().split('\n').pop()!.split(' ').map(Number);
    console.log(
      `${String(runs).padEnd(9)} ${wall.toFixed(1).padStart(6)}   ${user.toFixed(1).padStart(6)}   ${Math.round(
        runs / wall
      )
        .toString()
        .padStart(13)}   ${((kb * 1024) / 1e6).toFixed(0).padStart(11)}`
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
