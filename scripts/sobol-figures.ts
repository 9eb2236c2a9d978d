// The figures of docs/MODEL.md's "Sobol indices and correlated inputs": `npx tsx scripts/sobol-figures.ts`.
// The same closed forms tests/engine/sobol.test.ts and iman-conover.test.ts assert.
import { imanConover, sobolIndices } from '../src/engine';
import { spearman } from '../src/engine/model/stats';
import { StreamBank } from '../src/engine/random/streams';

const angle = (u: number) => -Math.PI + 2 * Math.PI * u;
const ishigami = (u: Float64Array) =>
  Math.sin(angle(u[0])) + 7 * Math.sin(angle(u[1])) ** 2 + 0.1 * angle(u[2]) ** 4 * Math.sin(angle(u[0]));
const v1 = 0.5 * (1 + (0.1 * Math.PI ** 4) / 5) ** 2;
const v2 = 49 / 8;
const v13 = 0.01 * Math.PI ** 8 * (1 / 18 - 1 / 50);
const v = v1 + v2 + v13;

const fixed = (x: number) => x.toFixed(4);
const row = (name: string, exact: number, estimate: number, [lo, hi]: [number, number]) =>
  console.log(`| ${name} | ${fixed(exact)} | ${fixed(estimate)} | [${fixed(lo)}, ${fixed(hi)}] |`);

const samples = 16_384;
console.log(`Ishigami (a = 7, b = 0.1), N = ${samples}, seed 1, 500 resamples\n`);
console.log('| index | closed form | estimate | 95 % interval |\n| --- | ---: | ---: | --- |');
const ish = sobolIndices(ishigami, 3, { samples, seed: 1 });
[v1 / v, v2 / v, 0].forEach((exact, i) => row(`S${i + 1}`, exact, ish.first[i], ish.firstInterval[i]));
[(v1 + v13) / v, v2 / v, v13 / v].forEach((exact, i) => row(`ST${i + 1}`, exact, ish.total[i], ish.totalInterval[i]));
const grouped = sobolIndices(ishigami, 3, { samples, seed: 1, groups: [[0, 2], [1]] });
row('S{x1,x3}', 1 - v2 / v, grouped.first[0], grouped.firstInterval[0]);
row('ST{x1,x3}', 1 - v2 / v, grouped.total[0], grouped.totalInterval[0]);

const weights = [3, -2, 5];
const variances = [1 / 12, 4 / 45, 1 / 18];
const parts = weights.map((w, i) => w * w * variances[i]);
const sum = parts.reduce((a, b) => a + b);
const linear = sobolIndices((u) => 3 * u[0] - 2 * u[1] ** 2 + 5 * Math.sqrt(u[2]), 3, { samples, seed: 1 });
console.log(`\n3u₁ − 2u₂² + 5√u₃, N = ${samples}, seed 1\n`);
console.log('| index | closed form | estimate | 95 % interval |\n| --- | ---: | ---: | --- |');
parts.forEach((p, i) => row(`S${i + 1}`, p / sum, linear.first[i], linear.firstInterval[i]));
parts.forEach((p, i) => row(`ST${i + 1}`, p / sum, linear.total[i], linear.totalInterval[i]));

const n = 1000;
const target = [
  [1, 0.5, -0.3],
  [0.5, 1, 0.2],
  [-0.3, 0.2, 1]
];
console.log(`\nIman–Conover, n = ${n} independent uniforms, achieved Spearman (seeds 1–5)\n`);
console.log('| pair | target | achieved |\n| --- | ---: | --- |');
const achieved = target.map((r) => r.map((): number[] => []));
for (let seed = 1; seed <= 5; seed++) {
  const bank = new StreamBank(1);
  bank.seed(0, seed, 0);
  const result = imanConover(
    Float64Array.from({ length: 3 * n }, () => bank.uniform(0)),
    n,
    target
  );
  if (!result.ok) throw new Error('the target is positive definite');
  const column = (c: number) => result.samples.subarray(c * n, (c + 1) * n);
  for (const [a, b] of [
    [0, 1],
    [0, 2],
    [1, 2]
  ])
    achieved[a][b].push(spearman(column(a), column(b)));
}
for (const [a, b] of [
  [0, 1],
  [0, 2],
  [1, 2]
])
  console.log(`| (${a}, ${b}) | ${target[a][b]} | ${achieved[a][b].map((r) => r.toFixed(3)).join(', ')} |`);
