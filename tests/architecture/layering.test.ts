// The lint rule that keeps DESIGN.md section 3's layering: engine ← shared ← the rest, and
// src/node for main and the CLI only.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layeringErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering lint rule', () => {
  it.each([
    ['src/engine/model/x.ts', "import { a } from '../../shared/bridge';"],
    ['src/engine/model/x.ts', "import { a } from '../../main/index';"],
    ['src/engine/x.ts', "import { readFile } from 'node:fs/promises';"],
    ['src/engine/x.ts', "import { app } from 'electron';"],
    ['src/shared/x.ts', "import { a } from '../renderer/src/App.svelte';"],
    ['src/renderer/src/x.ts', "import { a } from '../../main/files/atomicWrite';"],
    ['src/cli/x.ts', "import { a } from '../renderer/src/state/store';"],
    ['src/main/x.ts', "import { a } from '../renderer/src/state/store';"],
    ['src/preload/x.ts', "import { a } from '../main/ipc';"],
    // src/node is shared by main and the CLI only, and imports neither of them.
    ['src/renderer/src/x.ts', "import { a } from '../../node/atomicWrite';"],
    ['src/renderer/src/app/x.ts', "import { a } from '../../../node/atomicWrite';"],
    ['src/preload/x.ts', "import { a } from '../node/writeErrors';"],
    ['src/shared/x.ts', "import { a } from '../node/atomicWrite';"],
    ['src/engine/format/x.ts', "import { a } from '../../node/atomicWrite';"],
    ['src/node/x.ts', "import { a } from '../main/i18n';"],
    ['src/node/x.ts', "import { a } from '../cli/files';"],
    ['src/node/x.ts', "import { a } from '../renderer/src/state/store';"],
    ['src/node/x.ts', "import { a } from '../preload/index';"]
  ])('refuses %s importing across layers: %s', async (file, source) => {
    const errors = await layeringErrors(file, `${source}\nexport const b = a;\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/DESIGN\.md section 3|src\/engine is pure/);
  });

  it.each([
    ['src/shared/x.ts', "import { a } from '../engine/analysis';"],
    ['src/main/x.ts', "import { a } from '../shared/bridge';"],
    ['src/renderer/src/x.ts', "import { a } from '../../engine/format';"],
    ['src/cli/x.ts', "import { a } from '../engine/format';"],
    ['src/cli/x.ts', "import { a } from '../node/atomicWrite';"],
    ['src/main/files/x.ts', "import { a } from '../../node/atomicWrite';"],
    ['src/node/x.ts', "import { a } from '../shared/bridge';"],
    ['src/node/x.ts', "import { a } from '../engine/format';"],
    ['src/node/x.ts', "import { a } from 'node:fs/promises';"]
  ])('allows %s to import downwards: %s', async (file, source) => {
    expect(await layeringErrors(file, `${source}\nexport const b = a;\n`)).toEqual([]);
  });
});
