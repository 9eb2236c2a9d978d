// npm run test:mutation (scripts/mutation.mjs): every source file of an area is mutated by exactly
// one group, every group's tests exist, and the command refuses what it cannot run.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { areas, type MutationArea } from '../../scripts/mutation-groups.mjs';
import { globPattern, sourcesUnder, unassigned } from '../../scripts/mutation.mjs';
import { repoFile } from '../main/helpers';

describe('globPattern', () => {
  it('matches * within one folder and **/ across folders, and nothing else', () => {
    expect(globPattern('tests/engine/stat*.test.ts').test('tests/engine/statistics.test.ts')).toBe(true);
    expect(globPattern('tests/engine/stat*.test.ts').test('tests/engine/x/stat.test.ts')).toBe(false);
    expect(globPattern('src/engine/random/**/*.ts').test('src/engine/random/normal.ts')).toBe(true);
    expect(globPattern('src/engine/random/**/*.ts').test('src/engine/random/a/b.ts')).toBe(true);
    expect(globPattern('src/engine/random/**/*.ts').test('src/engine/randomX/b.ts')).toBe(false);
    // A dot is a dot, not any character.
    expect(globPattern('src/a.ts').test('src/abts')).toBe(false);
  });
});

describe('unassigned', () => {
  const area: MutationArea = {
    config: 'x.json',
    root: 'src/',
    report: 'r.json',
    groups: [
      { name: 'one', mutate: ['src/a.ts', 'src/lib/**/*.ts'], tests: [] },
      { name: 'two', mutate: ['src/lib/b.ts'], tests: [] }
    ]
  };
  it('names a file no group mutates and a file two groups do', () => {
    expect(unassigned(area, ['src/a.ts', 'src/lib/b.ts', 'src/c.ts'])).toEqual({
      missing: ['src/c.ts'],
      twice: ['src/lib/b.ts (one, two)']
    });
  });
});

describe.each(Object.entries(areas))('the %s groups', (_name, area) => {
  it('mutate every source file of the area once', () => {
    const files = sourcesUnder(area.root);
    expect(files.length).toBeGreaterThan(5);
    expect(unassigned(area, files)).toEqual({ missing: [], twice: [] });
  });

  it('name tests that exist (a renamed test file would silently drop out of its group)', () => {
    const tests = sourcesUnder('tests');
    for (const group of area.groups) {
      for (const glob of group.tests) {
        const re = globPattern(glob);
        expect(
          tests.some((t) => re.test(t)),
          `${group.name}: ${glob}`
        ).toBe(true);
      }
    }
  });
});

describe('the command', () => {
  const script = repoFile('scripts', 'mutation.mjs');
  it('refuses an unknown area, group or option with a one-line message and exit 2', () => {
    for (const [args, message] of [
      [['--area', 'nowhere'], 'no area "nowhere"'],
      [['--only', 'nosuchgroup'], 'no group nosuchgroup'],
      [['--fast'], 'unknown option --fast']
    ] as const) {
      const run = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', cwd: repoFile() });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
