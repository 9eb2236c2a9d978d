// The layering of docs/ARCHITECTURE.md as ESLint enforces it (eslint-rules/layering.js, table in
// eslint-rules/layers.js): code strings linted at chosen paths with the project's own config.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLATFORM_MODULES } from '../../renderer.vite';
import { ruleMessages } from './lint';

const layeringErrors = ruleMessages(['mizan/layering', 'no-restricted-globals']);

const refused = async (file: string, source: string) => {
  const errors = await layeringErrors(file, source);
  expect(errors, `${file}: ${source}`).toHaveLength(1);
  return errors[0];
};

describe('the layering rule refuses', () => {
  it.each([
    // Static imports across layers (the cases the old name-matching rule also caught).
    ['src/engine/model/x.ts', "import { a } from '../../contract/bridge';"],
    ['src/engine/model/x.ts', "import { a } from '../../presentation/charts';"],
    ['src/engine/model/x.ts', "import { a } from '../../main/index';"],
    ['src/contract/x.ts', "import { a } from '../renderer/src/App.svelte';"],
    ['src/presentation/x.ts', "import { a } from '../renderer/src/App.svelte';"],
    // The contract and the presentation are two layers: main never draws, the CLI never talks IPC.
    ['src/main/x.ts', "import { a } from '../presentation/charts';"],
    ['src/cli/x.ts', "import { a } from '../contract/bridge';"],
    ['src/preload/x.ts', "import { a } from '../presentation/export';"],
    ['src/presentation/charts/x.ts', "import { a } from '../../contract/ipc';"],
    ['src/contract/x.ts', "import { a } from '../presentation/charts';"],
    ['src/renderer/src/x.ts', "import { a } from '../../main/files/atomicWrite';"],
    ['src/cli/x.ts', "import { a } from '../renderer/src/state/store';"],
    ['src/cli/x.ts', "import { a } from '../main/i18n';"],
    ['src/cli/x.ts', "import { a } from '../preload/index';"],
    ['src/main/x.ts', "import { a } from '../renderer/src/state/store';"],
    ['src/main/x.ts', "import { a } from '../cli/files';"],
    ['src/preload/x.ts', "import { a } from '../main/ipc';"],
    // src/node is shared by main and the CLI only, and imports neither of them.
    ['src/renderer/src/x.ts', "import { a } from '../../node/atomicWrite';"],
    ['src/renderer/src/app/x.ts', "import { a } from '../../../node/atomicWrite';"],
    ['src/preload/x.ts', "import { a } from '../node/fileErrors';"],
    ['src/contract/x.ts', "import { a } from '../node/atomicWrite';"],
    ['src/presentation/x.ts', "import { a } from '../node/atomicWrite';"],
    ['src/node/x.ts', "import { a } from '../contract/bridge';"],
    ['src/node/x.ts', "import { a } from '../presentation/export';"],
    ['src/engine/format/x.ts', "import { a } from '../../node/atomicWrite';"],
    ['src/node/x.ts', "import { a } from '../main/i18n';"],
    ['src/node/x.ts', "import { a } from '../cli/files';"],
    ['src/node/x.ts', "import { a } from '../renderer/src/state/store';"],
    ['src/node/x.ts', "import { a } from '../preload/index';"],
    // Type-only imports are dependencies too.
    ['src/engine/x.ts', "import type { a } from '../renderer/src/state/document';"]
  ])('%s importing across layers: %s', async (file, source) => {
    expect(await refused(file, `${source}\nexport const b = a;\n`)).toMatch(/ may not import src\//);
  });

  it.each([
    ['src/engine/model/x.ts', "export const load = () => import('../../renderer/src/ui/report/ReportView.svelte');"],
    ['src/engine/model/x.ts', 'export const load = () => import(`../../renderer/src/App.svelte`);'],
    ['src/presentation/x.ts', "export const load = () => import('../main/index');"],
    ['src/renderer/src/x.ts', "export const load = () => import('../../node/readFile');"],
    ['src/cli/x.ts', "export const load = () => import('../main/index');"]
  ])('a dynamic import() across layers: %s %s', async (file, source) => {
    expect(await refused(file, source)).toMatch(/ may not import src\//);
  });

  it.each([
    ['src/presentation/x.ts', "export { a } from '../renderer/src/state/document';"],
    ['src/contract/x.ts', "export type { a } from '../node/atomicWrite';"],
    ['src/engine/format/x.ts', "export * from '../../presentation/charts';"],
    ['src/engine/format/x.ts', "export * as charts from '../../presentation/charts';"],
    ['src/renderer/src/x.ts', "export { readDocumentFile } from '../../node/readFile';"]
  ])('a re-export across layers: %s %s', async (file, source) => {
    expect(await refused(file, source)).toMatch(/ may not import src\//);
  });

  it.each([
    // Paths are resolved: a detour through a layer's own folder still lands in the renderer.
    ['src/engine/model/x.ts', "import { a } from '../model/../../renderer/src/x';", 'src/renderer/src/x'],
    ['src/engine/model/x.ts', "import { a } from './../../engine/../renderer/src/x';", 'src/renderer/src/x'],
    ['src/presentation/charts/x.ts', "import { a } from './.././../main/./index';", 'src/main/index'],
    ['src/renderer/src/x.ts', "import { a } from '../../renderer/../../src/main/x';", 'src/main/x'],
    ['src/engine/x.ts', "import { a } from '../../tests/support/x';", 'tests/support/x, outside the source folders'],
    ['src/engine/x.ts', "import { a } from '../../../elsewhere/x';", 'a path outside the repository'],
    ['src/cli/x.ts', "import text from '../../docs/MODEL.md?raw';", 'docs/MODEL.md'],
    ['src/engine/x.ts', "import { a } from '../unknown/x';", 'src/unknown/x, in no layer']
  ])('%s: %s resolves to %s', async (file, source, target) => {
    expect(await refused(file, `${source}\nexport const b = a ?? text;\n`)).toContain(`may not import ${target} (`);
  });

  const nodeModules = [
    'node:crypto',
    'crypto',
    'worker_threads',
    'node:worker_threads',
    'url',
    'node:fs/promises',
    'fs',
    'os'
  ];
  it.each([
    ...nodeModules.map((name) => ['src/engine/x.ts', name]),
    ...nodeModules.map((name) => ['src/presentation/export/x.ts', name]),
    ...nodeModules.map((name) => ['src/contract/x.ts', name]),
    ['src/renderer/src/x.ts', 'node:path'],
    ['src/renderer/src/x.ts', 'events'],
    ['src/preload/x.ts', 'node:fs'],
    ['src/preload/x.ts', 'path']
  ])("%s using Node's %s", async (file, name) => {
    const message = await refused(file, `import * as m from '${name}';\nexport const b = m;\n`);
    expect(message).toContain(`may not use Node's '${name}'`);
  });

  it.each([
    ['src/engine/x.ts', "import { a } from 'electron';"],
    ['src/contract/x.ts', "import { a } from 'electron';"],
    ['src/presentation/x.ts', "import { a } from 'electron';"],
    ['src/node/x.ts', "import { a } from 'electron';"],
    ['src/cli/x.ts', "import { a } from 'electron';"],
    ['src/renderer/src/platform/x.ts', "import { ipcRenderer as a } from 'electron';"],
    ['src/renderer/src/platform/x.ts', "import { a } from 'electron/renderer';"],
    ['src/renderer/src/platform/x.ts', "const a = await import('electron');"],
    ['src/renderer/src/x.ts', "import { createCanvas as a } from '@napi-rs/canvas';"],
    ['src/presentation/export/x.ts', "import { createCanvas as a } from '@napi-rs/canvas';"]
  ])('%s using a runtime it may not: %s', async (file, source) => {
    expect(await refused(file, `${source}\nexport const b = a;\n`)).toMatch(
      /may not use '(electron|@napi-rs\/canvas)', which needs (Electron|Node) \(/
    );
  });

  it('electron in a Svelte component of the renderer', async () => {
    const source =
      "<script lang=\"ts\">\n  import { ipcRenderer } from 'electron';\n  ipcRenderer.send('x');\n</script>\n";
    expect(await refused('src/renderer/src/ui/X.svelte', source)).toContain(
      "may not use 'electron', which needs Electron ("
    );
  });

  it('a worker module from another layer', async () => {
    const source =
      "export const w = new Worker(new URL('../../main/worker.ts', import.meta.url), { type: 'module' });\n";
    expect(await refused('src/renderer/src/x.ts', source)).toContain('may not import src/main/worker.ts (');
  });

  it('`typeof import()` of another layer', async () => {
    const source = "export type T = typeof import('../renderer/src/App.svelte').default;\n";
    expect(await refused('src/engine/x.ts', source)).toContain('may not import src/renderer/src/App.svelte (');
  });

  it.each([
    ['src/engine/x.ts', 'export const load = (name: string) => import(name);'],
    ['src/engine/x.ts', 'export const load = (name: string) => import(`./${name}`);'],
    ['src/presentation/x.ts', "export const load = (name: string) => import('./' + name);"],
    ['src/renderer/src/x.ts', 'export const load = (name: string) => import(name);']
  ])('an import() it cannot check: %s %s', async (file, source) => {
    expect(await refused(file, source)).toContain('calls import() with a computed module name');
  });

  it.each([
    ['src/engine/x.ts', 'window.alert("x");', 'window', 'the page'],
    ['src/engine/x.ts', 'export const t = document.title;', 'document', 'the page'],
    ['src/engine/x.ts', 'export const l = navigator.language;', 'navigator', 'the page'],
    ['src/engine/x.ts', 'export const e = process.env.HOME;', 'process', 'Node'],
    ['src/engine/x.ts', "export const b = Buffer.from('x');", 'Buffer', 'Node'],
    ['src/contract/x.ts', 'export const e = process.env.HOME;', 'process', 'Node'],
    ['src/presentation/x.ts', 'export const e = process.env.HOME;', 'process', 'Node'],
    ['src/presentation/x.ts', 'export const d = document.createElement("canvas");', 'document', 'the page'],
    ['src/contract/x.ts', 'export const w = window.mizan;', 'window', 'the page'],
    ['src/renderer/src/x.ts', 'export const p = process.platform;', 'process', 'Node'],
    ['src/renderer/src/x.ts', "export const m = require('fs');", 'require', 'Node'],
    ['src/preload/x.ts', 'export const e = process.env.HOME;', 'process', 'Node'],
    ['src/cli/x.ts', 'export const w = window.innerWidth;', 'window', 'the page'],
    ['src/main/x.ts', 'export const s = localStorage.getItem("x");', 'localStorage', 'the page'],
    ['src/node/x.ts', 'export const d = document.title;', 'document', 'the page']
  ])('%s using a global of a runtime it may not: %s', async (file, source, name, runtime) => {
    expect(await refused(file, source)).toMatch(new RegExp(`'${name}'.*: it may not use ${runtime};`));
  });

  it.each([
    ['src/engine/x.ts', 'src/engine is pure'],
    ['src/presentation/charts/x.ts', 'src/presentation is'],
    ['src/main/x.ts', 'src/main is'],
    ['src/cli/x.ts', 'src/cli is']
  ])('#platform (the renderer’s platform layer, a bundler alias) from %s', async (file, layer) => {
    const message = await refused(file, "import { createPlatform as a } from '#platform';\nexport const b = a;\n");
    expect(message).toContain(`${layer}`);
    expect(message).toContain("may not import src/renderer/src/platform (");
  });

  it('an alias the rule does not know, wherever it is imported', async () => {
    for (const file of ['src/renderer/src/x.ts', 'src/engine/x.ts']) {
      expect(await refused(file, "import { a } from '#storage';\nexport const b = a;\n")).toContain(
        "imports '#storage', an alias the layering rule does not know; add it to ALIASES in eslint-rules/layers.js"
      );
    }
  });

  it('a file in a folder of src/ that is in no layer', async () => {
    expect(await refused('src/tools/x.ts', 'export const a = 1;\n')).toContain(
      'src/tools/x.ts is in no layer: add its folder to the table of eslint-rules/layers.js'
    );
  });

  it('with a message naming the layer, the path it reached, the line as written and what is allowed', async () => {
    expect(
      await refused(
        'src/engine/model/x.ts',
        "import { a } from '../model/../../renderer/src/x';\nexport const b = a;\n"
      )
    ).toBe(
      "src/engine is pure: it may not import src/renderer/src/x (src/engine/model/x.ts imports '../model/../../renderer/src/x'); " +
        'it imports only its own files (docs/ARCHITECTURE.md).'
    );
    expect(await refused('src/renderer/src/x.ts', "import { a } from 'node:crypto';\nexport const b = a;\n")).toBe(
      "src/renderer runs in the browser: it may not use Node's 'node:crypto' (src/renderer/src/x.ts imports 'node:crypto'); " +
        'it may use only the page (docs/ARCHITECTURE.md).'
    );
    expect(await refused('src/engine/x.ts', 'export const t = document.title;\n')).toBe(
      "Unexpected use of 'document'. src/engine is pure: it may not use the page; it uses plain ECMAScript only (docs/ARCHITECTURE.md)."
    );
  });
});

describe('the layering rule allows', () => {
  it.each([
    ['src/presentation/x.ts', "import { a } from '../engine/analysis';"],
    ['src/contract/x.ts', "import { a } from '../engine/format';"],
    ['src/presentation/x.ts', "import { Chart as a } from 'chart.js';"],
    ['src/main/x.ts', "import { a } from '../contract/bridge';"],
    ['src/preload/x.ts', "import { a } from '../contract/ipc';"],
    ['src/renderer/src/x.ts', "import { a } from '../../contract/bridge';"],
    ['src/renderer/src/x.ts', "import { a } from '../../presentation/charts';"],
    ['src/cli/x.ts', "import { a } from '../presentation/export';"],
    ['src/main/x.ts', "import { app as a } from 'electron';"],
    ['src/main/x.ts', "import { createHash as a } from 'node:crypto';"],
    ['src/preload/x.ts', "import { ipcRenderer as a } from 'electron';"],
    ['src/renderer/src/x.ts', "import { a } from '../../engine/format';"],
    ['src/renderer/src/main.ts', "import { createPlatform as a } from '#platform';"],
    ['src/renderer/src/platform/index.ts', "export { createPlatform as a } from '#platform';"],
    ['src/renderer/src/main.ts', "import a from '../../../resources/scenarios/ashgabat-2024.mizan?raw';"],
    ['src/renderer/src/ui/report/x.ts', "const a = import('../../../../../docs/MODEL.md?raw');"],
    ['src/renderer/src/simulation/x.ts', "const a = new Worker(new URL('./worker.ts', import.meta.url));"],
    ['src/cli/x.ts', "import { a } from '../engine/format';"],
    ['src/cli/x.ts', "import { a } from '../node/atomicWrite';"],
    ['src/cli/x.ts', "const a = await import('./chart');"],
    ['src/cli/x.ts', "import { createCanvas as a } from '@napi-rs/canvas';"],
    ['src/main/files/x.ts', "import { a } from '../../node/atomicWrite';"],
    ['src/node/x.ts', "import { a } from '../engine/format';"],
    ['src/node/x.ts', "import { a } from 'node:fs/promises';"],
    // A folder named like a layer inside a layer is that layer: the renderer's own main.ts.
    ['src/renderer/src/app/x.ts', "import { a } from '../main';"],
    // A detour that ends in a layer it may import.
    ['src/main/x.ts', "import { a } from '../renderer/../contract/bridge';"],
    // A local variable named like a browser global is no global.
    ['src/engine/x.ts', 'const document = { a: 1 };\nconst a = document.a;'],
    ['src/renderer/src/x.ts', 'const a = window.innerWidth + document.title.length;'],
    ['src/preload/x.ts', "const a = window.addEventListener('drop', () => {});"],
    ['src/cli/x.ts', 'const a = process.argv;'],
    ['src/main/x.ts', "const a = Buffer.from('x');"]
  ])('%s: %s', async (file, source) => {
    expect(await layeringErrors(file, `${source}\nexport const b = a;\n`)).toEqual([]);
  });
});

describe('the aliases the rule knows', () => {
  it('#platform leads, in every build, to a module of the folder the rule checks it as', async () => {
    // The rule's table is plain JavaScript, outside the TypeScript projects.
    const { ALIASES } = (await import(new URL('../../eslint-rules/layers.js', import.meta.url).href)) as {
      ALIASES: { specifier: string; folder: string }[];
    };
    const folder = ALIASES.find((alias) => alias.specifier === '#platform')?.folder;
    expect(folder).toBe('src/renderer/src/platform');
    for (const module of Object.values(PLATFORM_MODULES)) {
      expect(module.startsWith(`${folder}/`), module).toBe(true);
      expect(existsSync(module), module).toBe(true);
    }
  });
});
