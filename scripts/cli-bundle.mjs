// The `mizan` command built into one ES module, so that it starts without compiling TypeScript:
//   out/cli/mizan.mjs      the entry (src/cli/entry.ts) with the engine, zod and the rest bundled;
//   out/cli/chunks/*.mjs   what only `mizan chart` needs (Chart.js, the chart layer, the
//                          exports), loaded on demand; @napi-rs/canvas, a native module, stays in
//                          node_modules;
//   out/cli/build.json     the stamp: when the build started and the source files it read.
// `node scripts/cli-bundle.mjs` builds it (npm's `prepare`, so `npm ci` does, and `npm run build`).
// bin/mizan.mjs runs the bundle only while it is current (cliBundleState): no source file it was
// built from has changed since, so that an edit to src/ is never silently ignored.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

export const CLI_BUNDLE = 'out/cli/mizan.mjs';
const OUT_DIR = 'out/cli';
const STAMP = 'out/cli/build.json';
const ROOT = resolve(import.meta.dirname, '..');

/**
 * 'current' if the bundle exists and none of the source files it was built from is missing or
 * was modified after the build started; 'missing' if there is no complete build; else 'stale'.
 * Costs one stat per source file (about 80, well under a millisecond). Dependencies in
 * node_modules are not checked: they change through `npm ci`/`npm install`, which rebuild.
 */
export function cliBundleState(root = ROOT) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(root, STAMP), 'utf8'));
  } catch {
    return 'missing';
  }
  if (!statSync(join(root, CLI_BUNDLE), { throwIfNoEntry: false })) return 'missing';
  const builtAt = stamp.builtAt;
  if (typeof builtAt !== 'number' || !Array.isArray(stamp.inputs)) return 'missing';
  for (const input of stamp.inputs) {
    const stats = statSync(join(root, input), { throwIfNoEntry: false });
    if (!stats || stats.mtimeMs > builtAt) return 'stale';
  }
  return 'current';
}

/** Builds out/cli from src/cli/entry.ts with esbuild (a dependency of its own; tsx and vite use it too). */
export async function buildCli(root = ROOT) {
  const { build } = await import('esbuild');
  // Floored to the millisecond: a file saved during the build is newer, so the bundle is stale.
  const builtAt = Math.floor(Date.now());
  // Without the stamp, bin/mizan.mjs runs the sources while the bundle is being replaced.
  await unlink(join(root, STAMP)).catch((error) => {
    if (error.code !== 'ENOENT') throw error;
  });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { mizan: 'src/cli/entry.ts' },
    outdir: OUT_DIR,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    external: ['@napi-rs/canvas'],
    metafile: true,
    logLevel: 'warning'
  });
  // Chunks of earlier builds (their names carry a hash) would pile up.
  const outputs = new Set(Object.keys(result.metafile.outputs).map((path) => resolve(root, path)));
  for (const entry of await readdir(join(root, OUT_DIR), { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && !outputs.has(path)) await rm(path);
  }
  const inputs = Object.keys(result.metafile.inputs)
    .filter((path) => !path.split(/[\\/]/).includes('node_modules'))
    .map((path) => relative(root, resolve(root, path)).split('\\').join('/'))
    .sort();
  await writeFile(join(root, STAMP), JSON.stringify({ builtAt, inputs }, null, 2) + '\n');
  return { bundle: join(root, CLI_BUNDLE), inputs };
}

// Run as a script (argv[1] is the path as typed; import.meta.filename has its links resolved).
if (process.argv[1] && realpathSync(process.argv[1]) === import.meta.filename) {
  const { bundle, inputs } = await buildCli();
  console.log(`${relative(process.cwd(), bundle)}: the mizan command, from ${inputs.length} source files`);
}
