// The lint rule that keeps lookups by id to own properties (eslint.config.js, "Own properties
// only"): each snippet below is a lookup that went wrong for an id named "constructor" or
// "toString" before the rule, or one written the same way.
import { describe, expect, it } from 'vitest';
import { ruleMessages } from './lint';

const ownPropertyErrors = ruleMessages(['no-restricted-syntax', 'no-prototype-builtins']);

describe('own-properties lint rule', () => {
  it.each([
    // src/engine/model/compile.ts before: a weight of Object.prototype.constructor, so "all weights are zero".
    ['src/engine/model/x.ts', 'export const w = (s: any, f: any) => s.weights?.[f.id] ?? f.weight;'],
    ['src/engine/model/x.ts', 'export const w = (s: any, f: any) => s.factors[f.id];'],
    // src/presentation/charts/context.ts before: "constructor" in {} is true.
    ['src/presentation/charts/x.ts', 'export const has = (f: any, known: object) => f.id in known;'],
    ['src/presentation/report/x.ts', 'export const get = (s: any, e: any) => s.series[e.factor];'],
    ['src/renderer/src/state/x.ts', 'export const get = (s: any, factorId: string) => s.factors[factorId];'],
    ['src/renderer/src/state/x.ts', 'export const put = (r: any, id: string) => { r[id] = 1; };'],
    ['src/cli/x.ts', 'export const has = (r: any, id: string) => r.hasOwnProperty(id);']
  ])('refuses in %s: %s', async (file, source) => {
    const errors = await ownPropertyErrors(file, `${source}\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Object\.prototype|hasOwnProperty/);
  });

  it.each([
    [
      'src/engine/model/x.ts',
      "import { ownValue } from '../records';\nexport const w = (s: any, f: any) => ownValue(s.weights, f.id) ?? f.weight;"
    ],
    ['src/presentation/charts/x.ts', 'export const has = (f: any, known: object) => Object.hasOwn(known, f.id);'],
    ['src/presentation/charts/x.ts', "export const has = (n: object) => 'text' in n;"],
    [
      'src/renderer/src/state/x.ts',
      'export const get = (m: Map<string, number>, factorId: string) => m.get(factorId);'
    ],
    ['src/engine/model/x.ts', 'export const at = (a: number[], i: number) => a[i];']
  ])('allows in %s: %s', async (file, source) => {
    expect(await ownPropertyErrors(file, `${source}\n`)).toEqual([]);
  });
});
