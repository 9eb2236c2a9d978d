// The committed WebAssembly kernel (src/engine/model/kernelWasm.ts) is what `npm run build:kernel`
// makes of kernel/simulate.ts today: an edit of the source without a rebuild fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileKernel, moduleText } from '../../scripts/build-kernel.mjs';

describe('npm run build:kernel', () => {
  it('gives the committed module, byte for byte', async () => {
    const committed = readFileSync(new URL('../../src/engine/model/kernelWasm.ts', import.meta.url), 'utf8');
    expect(moduleText(await compileKernel())).toBe(committed);
  }, 60_000);
});
