#!/usr/bin/env node
// `npm start`: the desktop app when this Node and Electron's runtime allow it, else the same
// app in the browser (web mode). startDecision() below is the whole rule:
//
//   1. Node older than 22.12 → web mode. Electron ≥ 41's npm tooling (its downloader, and
//      electron-builder's) needs Node 22.12, so the desktop app is not run from source here.
//   2. Electron's runtime present (node_modules/electron/dist, of the package's version) →
//      `electron-vite preview` (which builds main, preload and renderer first).
//   3. Missing → one download attempt (`node node_modules/electron/install.js`, what
//      `npx install-electron` runs) with a short timeout: it works on a connected machine and
//      fails fast offline. Still missing → web mode.
//
// Whenever it falls back, one paragraph says why, then `npm run web`'s build-and-serve runs.
// require('electron') is never called here: since Electron 42 it downloads the runtime itself,
// synchronously and without a timeout, when the runtime is missing.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { main as web, repoRoot } from './web.mjs';

/** The oldest Node that runs the desktop app from source: what Electron's package declares
 * (engines.node; tests/scripts/start.test.ts fails when a new Electron asks for more). */
export const DESKTOP_NODE = '22.12.0';
const DESKTOP_NODE_SHORT = DESKTOP_NODE.replace(/\.0$/, '');
const INSTALL_TIMEOUT_MS = Number(process.env.MIZAN_ELECTRON_INSTALL_TIMEOUT_MS ?? 60_000);
const electronPackageDir = join(repoRoot, 'node_modules', 'electron');

/** [major, minor, patch] of 'v20.20.2' or '22.12.0'; missing parts are 0, nonsense is null. */
export function parseVersion(version) {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(String(version).trim());
  return match ? [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)] : null;
}

/** Whether this Node version may run the desktop app from source (≥ DESKTOP_NODE). */
export function nodeRunsDesktop(nodeVersion) {
  const have = parseVersion(nodeVersion);
  const need = parseVersion(DESKTOP_NODE);
  if (!have) return false;
  for (let i = 0; i < 3; i++) if (have[i] !== need[i]) return have[i] > need[i];
  return true;
}

/**
 * What `npm start` does next, given this Node's version, whether Electron's runtime is
 * installed, and whether the one download attempt was made already.
 * @param {{ nodeVersion: string, electronInstalled: boolean, downloadTried: boolean }} state
 * @returns {{ action: 'electron' } | { action: 'download' } | { action: 'web', reason: 'old-node' | 'no-electron' }}
 */
export function startDecision({ nodeVersion, electronInstalled, downloadTried }) {
  if (!nodeRunsDesktop(nodeVersion)) return { action: 'web', reason: 'old-node' };
  if (electronInstalled) return { action: 'electron' };
  if (!downloadTried) return { action: 'download' };
  return { action: 'web', reason: 'no-electron' };
}

const WEB_MODE =
  'Mizan runs in your browser: the same app, built into out/web and served on ' +
  'http://127.0.0.1 (port 5173, or PORT / --port). Files are opened and saved through the ' +
  'browser (in Chromium, Chrome or Edge directly on disk; elsewhere Save downloads the file), ' +
  'and unsaved work is kept in the browser’s storage.';

/** The paragraph printed before the web mode starts. */
export function fallbackMessage(reason, nodeVersion) {
  const version = String(nodeVersion).replace(/^v/, '');
  if (reason === 'old-node') {
    return (
      `Running the desktop app from source needs Node ${DESKTOP_NODE_SHORT} or newer ` +
      `(this is Node ${version}); starting the web mode instead. ${WEB_MODE} ` +
      `For the desktop app, use Node ${DESKTOP_NODE_SHORT}+ and run \`npm start\` again (the installers need no Node).`
    );
  }
  return (
    'Electron’s runtime is not installed and could not be downloaded (offline?); starting the ' +
    `web mode instead. ${WEB_MODE} To get the desktop app later, run \`npx install-electron --no\` ` +
    'on a connected machine, then `npm start` again.'
  );
}

/**
 * The Electron executable under `packageDir` when it is installed for the package's own
 * version (what Electron's install.js checks), else null.
 */
export function electronRuntime(packageDir = electronPackageDir) {
  try {
    const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
    const installed = readFileSync(join(packageDir, 'dist', 'version'), 'utf8')
      .trim()
      .replace(/^v/, '');
    if (installed !== version) return null;
    const executable = join(packageDir, 'dist', readFileSync(join(packageDir, 'path.txt'), 'utf8').trim());
    return existsSync(executable) ? executable : null;
  } catch {
    return null;
  }
}

/** Runs a command to its end; resolves its exit code (null when killed by the timeout). */
function run(command, args, { timeoutMs, quiet = false } = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: quiet ? 'ignore' : 'inherit' });
    const timer = timeoutMs ? setTimeout(() => child.kill('SIGTERM'), timeoutMs) : null;
    child.on('error', () => resolvePromise(-1));
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      resolvePromise(code);
    });
  });
}

async function downloadElectron() {
  const installer = join(electronPackageDir, 'install.js');
  if (!existsSync(installer)) return;
  console.log('Electron’s runtime is not installed yet; trying to download it once…');
  await run(process.execPath, [installer], { timeoutMs: INSTALL_TIMEOUT_MS, quiet: true });
}

async function main(argv = process.argv.slice(2)) {
  const state = { nodeVersion: process.version, electronInstalled: false, downloadTried: false };
  for (;;) {
    state.electronInstalled = electronRuntime() !== null;
    const next = startDecision(state);
    if (next.action === 'download') {
      await downloadElectron();
      state.downloadTried = true;
      continue;
    }
    if (next.action === 'electron') {
      const cli = join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
      process.exit((await run(process.execPath, [cli, 'preview', ...argv])) ?? 1);
    }
    console.log(`\n${fallbackMessage(next.reason, state.nodeVersion)}\n`);
    await web(argv);
    return;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
