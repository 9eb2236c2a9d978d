// The mutation scores docs/TESTING.md quotes (scripts/mutation-summary.mjs): Stryker's score
// worked by hand, ignored mutants left out of it, reports merged file by file.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { disabledInSources, mergeReports, summary, tally, type ReportMutant } from '../../scripts/mutation-summary.mjs';
import { repoFile, tempDir } from '../main/helpers';

const at = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 9 } });
const mutant = (status: string, line: number, extra: Partial<ReportMutant> = {}): ReportMutant => ({
  mutatorName: 'EqualityOperator',
  replacement: 'i <= n',
  status,
  location: at(line),
  ...extra
});

describe('tally', () => {
  it('scores detected over detected, survived and uncovered, leaving ignored mutants out', () => {
    // 3 killed + 1 timed out = 4 detected; 4 + 1 survived + 0 uncovered = 5 counted → 80 %.
    const t = tally([
      mutant('Killed', 1),
      mutant('Killed', 2),
      mutant('Killed', 3),
      mutant('Timeout', 4),
      mutant('Survived', 5),
      mutant('Ignored', 6),
      mutant('Ignored', 7)
    ]);
    expect(t).toMatchObject({ mutants: 7, Killed: 3, Timeout: 1, Survived: 1, NoCoverage: 0, Ignored: 2 });
    expect(t.score).toBeCloseTo(80, 10);
  });

  it('counts a mutant no test reaches as not detected', () => {
    expect(tally([mutant('Killed', 1), mutant('NoCoverage', 2)]).score).toBeCloseTo(50, 10);
  });

  it('has no score when every mutant is ignored', () => {
    expect(tally([mutant('Ignored', 1)]).score).toBeNaN();
  });
});

describe('summary', () => {
  it('merges reports file by file, the later one replacing the earlier', () => {
    const files = mergeReports([
      { files: { 'src/a.ts': { mutants: [mutant('Survived', 1)] }, 'src/b.ts': { mutants: [mutant('Killed', 1)] } } },
      { files: { 'src/a.ts': { mutants: [mutant('Killed', 1)] } } }
    ]);
    expect(files['src/a.ts'].mutants.map((m) => m.status)).toEqual(['Killed']);
    expect(files['src/b.ts'].mutants).toHaveLength(1);
  });

  it('lists per file, per group, each ignored mutant with its reason and each one alive', () => {
    const text = summary(
      {
        'src/engine/a.ts': {
          mutants: [
            mutant('Killed', 3),
            mutant('Ignored', 7, { statusReason: 'past the end of a typed array' }),
            mutant('Survived', 9, { mutatorName: 'ConditionalExpression', replacement: 'true' })
          ]
        },
        'src/engine/b.ts': { mutants: [mutant('Killed', 1), mutant('NoCoverage', 2)] },
        'src/presentation/c.ts': { mutants: [mutant('Killed', 1)] }
      },
      ['src/engine/']
    );
    const lines = text.split('\n');
    expect(lines).toContain('| `src/engine/a.ts` | 3 | 1 | 0 | 1 | 0 | 1 | 50.0 % |');
    expect(lines).toContain('| `src/presentation/c.ts` | 1 | 1 | 0 | 0 | 0 | 0 | 100.0 % |');
    // engine: 2 detected of 4 counted.
    expect(lines).toContain('| **all of `src/engine/`** | 5 | 2 | 0 | 1 | 1 | 1 | 50.0 % |');
    expect(lines).toContain('- `src/engine/a.ts:7` EqualityOperator: past the end of a typed array');
    expect(lines).toContain('- `src/engine/a.ts:9` ConditionalExpression → `true`');
    expect(lines).toContain('- `src/engine/b.ts:2` EqualityOperator (no test reaches it)');
  });
});

describe('disabledInSources', () => {
  it('finds each disable comment with its mutators and reason, and says when a reason is missing', () => {
    const found = disabledInSources({
      'src/b.ts': 'const a = 1;\n  // Stryker disable next-line EqualityOperator,ConditionalExpression: past the end\nfor (;;) {}\n',
      'src/a.ts': '// Stryker disable StringLiteral\nconst x = "y";\n// Stryker restore StringLiteral\n// a comment about Stryker\n'
    });
    expect(found).toEqual([
      { path: 'src/a.ts', line: 1, mutators: 'StringLiteral', reason: '(no reason given)' },
      { path: 'src/b.ts', line: 2, mutators: 'EqualityOperator,ConditionalExpression', reason: 'past the end' }
    ]);
  });
});

describe('the command', () => {
  it('prints the summary of report files, and names a file it cannot read', () => {
    const dir = tempDir();
    const report = path.join(dir, 'mutation.json');
    writeFileSync(report, JSON.stringify({ files: { 'src/x.ts': { mutants: [mutant('Killed', 1)] } } }));
    const script = repoFile('scripts', 'mutation-summary.mjs');
    const ok = spawnSync(process.execPath, [script, report], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('| `src/x.ts` | 1 | 1 | 0 | 0 | 0 | 0 | 100.0 % |');
    const missing = path.join(dir, 'missing.json');
    const bad = spawnSync(process.execPath, [script, missing], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`${missing}: cannot read a Stryker JSON report`);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
