// The layers of Mizan's source, in one table: what each folder is, which other layers it may
// import, and which runtimes it may use. eslint-rules/layering.js enforces it (every import,
// re-export, import() and worker URL, resolved to a path); docs/ARCHITECTURE.md explains it.
// A layer always may import its own files.

/**
 * Runtimes a layer may use beyond plain ECMAScript: by module (Node's built-ins, `node:fs`,
 * `crypto`, `worker_threads`…, and `packages`, with their subpaths) and by global.
 */
export const RUNTIMES = {
  node: {
    name: 'Node',
    packages: ['@napi-rs/canvas'],
    globals: ['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'global', 'setImmediate']
  },
  electron: { name: 'Electron', packages: ['electron'], globals: [] },
  dom: {
    name: 'the page',
    packages: [],
    globals: [
      'window',
      'document',
      'navigator',
      'location',
      'localStorage',
      'sessionStorage',
      'XMLHttpRequest',
      'Worker'
    ]
  }
};

/**
 * `imports`: the layers (and data folders) it may import. `runtimes`: keys of RUNTIMES.
 * `is`: finishes the sentence "src/engine …" in every message.
 */
export const LAYERS = [
  { name: 'engine', folder: 'src/engine', is: 'is pure', imports: [], runtimes: [] },
  {
    name: 'contract',
    folder: 'src/contract',
    is: 'is the contract between main, preload and renderer (Bridge, IPC channels, preferences)',
    imports: ['engine'],
    runtimes: []
  },
  {
    name: 'presentation',
    folder: 'src/presentation',
    is: 'is the presentation shared by the app and the CLI (chart configs, exports, the report)',
    imports: ['engine'],
    // The canvas it draws on is passed in (the page's or @napi-rs/canvas), never made here.
    runtimes: []
  },
  {
    name: 'node',
    folder: 'src/node',
    is: 'is Node-side code for main and the CLI',
    imports: ['engine'],
    runtimes: ['node']
  },
  {
    name: 'main',
    folder: 'src/main',
    is: 'is the Electron main process',
    imports: ['engine', 'contract', 'node'],
    runtimes: ['node', 'electron']
  },
  {
    name: 'cli',
    folder: 'src/cli',
    is: 'is the command line',
    imports: ['engine', 'presentation', 'node'],
    runtimes: ['node']
  },
  {
    name: 'preload',
    folder: 'src/preload',
    is: 'is the sandboxed preload',
    imports: ['engine', 'contract'],
    // Dropped files: it listens on the page (drop.ts).
    runtimes: ['electron', 'dom']
  },
  {
    name: 'renderer',
    folder: 'src/renderer',
    is: 'runs in the browser',
    // docs/MODEL.md (the model help, the report) and the default analysis, bundled by Vite as text.
    imports: ['engine', 'contract', 'presentation', 'docs', 'resources'],
    runtimes: ['dom']
  }
];

/** Folders outside src/ that hold text a layer may bundle (`?raw`), not code. */
export const DATA_FOLDERS = [
  { name: 'docs', folder: 'docs' },
  { name: 'resources', folder: 'resources' }
];

/**
 * Module names the bundler maps into a folder of src/, checked as imports of that folder.
 * `#platform` is the platform layer of the build: platform/electron.ts in the desktop app,
 * platform/web/index.ts in the web mode (PLATFORM_MODULES in renderer.vite.ts).
 */
export const ALIASES = [{ specifier: '#platform', folder: 'src/renderer/src/platform' }];
