// Once per `npm run test:e2e`: build out/web when it is missing or older than its sources,
// then serve it on a free port and hand the address to the tests (inject('baseUrl')).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildWeb, repoRoot, serveWeb, webOutDir } from '../../scripts/web.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** What the web build is made from. */
const SOURCES = [
  'src/renderer',
  'src/engine',
  'src/contract',
  'src/presentation',
  'resources/scenarios',
  'renderer.vite.ts',
  'package.json'
];

function newest(path: string): number {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

export function webBuildIsStale(): boolean {
  const built = statSync(join(webOutDir, 'index.html'), { throwIfNoEntry: false });
  if (!built) return true;
  const sources = Math.max(...SOURCES.map((s) => newest(join(repoRoot, s))));
  return sources > built.mtimeMs;
}

export default async function setup(project: TestProject) {
  if (process.env.MIZAN_E2E_REBUILD === '1' || webBuildIsStale()) {
    const started = Date.now();
    await buildWeb({ quiet: true });
    console.log(`e2e: built out/web in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const server = await serveWeb({ port: 0 });
  project.provide('baseUrl', server.url);
  return async () => {
    await server.close();
  };
}
