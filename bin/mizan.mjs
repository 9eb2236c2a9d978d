#!/usr/bin/env node
// `mizan`: runs out/cli/mizan.mjs, the command built into one ES module by `npm ci` (npm's
// `prepare`) or `npm run build`, when that bundle is current; otherwise the TypeScript sources
// through tsx (slower to start, about 0.5 s more). "Current" means that no source file the
// bundle was built from has changed since the build (scripts/cli-bundle.mjs): an edit to src/
// takes effect at once, without rebuilding, and never runs stale code.
import { cliBundleState, CLI_BUNDLE } from '../scripts/cli-bundle.mjs';

if (cliBundleState() === 'current') {
  await import(new URL(`../${CLI_BUNDLE}`, import.meta.url).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/entry.ts');
}
