// The figures of docs/MODEL.md's "Structural diagnostics", as Markdown tables, from the JSON of
// `mizan run` on standard input:
//   npx mizan run resources/scenarios/ashgabat-2024.mizan --runs 0 --json | node scripts/diagnostics-figures.mjs

import { isMain, one, readStdin, signed, table } from './figures.mjs';

/** The tables of one `mizan run --json` result: steady states, T with and without links, loops. */
export function diagnosticsTables(run) {
  const scenarios = run.scenarios;
  const horizon = run.months[run.months.length - 1];
  const ids = scenarios[0].diagnostics.steadyState.factors.map((f) => f.id);
  const steady = table(
    ['factor', ...scenarios.map((s) => `${s.id}: target → steady (gap)`)],
    ids.map((id, i) => [
      id,
      ...scenarios.map((s) => {
        const f = s.diagnostics.steadyState.factors[i];
        return `${one(f.target)} → ${one(f.steady)} (${signed(f.gap)})`;
      })
    ])
  );
  const settled = scenarios.map((s) => {
    const { settled: done, months } = s.diagnostics.steadyState;
    return done ? `${s.id}: settles in ${months} months` : `${s.id}: does not settle in ${months} months`;
  });
  const tension = table(
    ['scenario', `T(${horizon}) with links`, 'without links', 'difference', 'loops'],
    scenarios.map((s) => {
      const t = s.diagnostics.tensionAtHorizon;
      const loops = s.diagnostics.loops;
      return [
        s.id,
        one(t.withLinks),
        one(t.withoutLinks),
        signed(t.difference),
        `${loops.complete ? '' : '> '}${loops.total}`
      ];
    })
  );
  // The links are the document's (format v1), so every scenario has the same loops: listed once.
  const loops = table(
    ['loop', 'sign', 'gain'],
    scenarios[0].diagnostics.loops.listed.map((l) => [
      [...l.factors, l.factors[0]].join(' → '),
      l.sign,
      l.gain.toPrecision(3)
    ])
  );
  return [steady, settled.join('; '), tension, loops].join('\n\n') + '\n';
}

if (isMain(import.meta.url)) process.stdout.write(diagnosticsTables(JSON.parse(await readStdin())));
