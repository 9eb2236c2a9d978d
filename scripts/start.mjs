#!/usr/bin/env node
// `npm start`: the desktop app when Electron's runtime is here, else the same app in the
// browser (web mode).
//
//   1. Is the Electron binary present? (require('electron') gives its path only when
//      node_modules/electron/path.txt exists; the file it names must exist too.)
//   2. If not, try once to download it (node node_modules/electron/install.js) with a short
//      timeout — it works on a connected machine and fails fast offline.
//      ELECTRON_SKIP_BINARY_DOWNLOAD is removed for that attempt.
//   3. Electron present: `electron-vite preview` (which builds main, preload and renderer first).
//      Otherwise: one paragraph saying why, then `npm run web`'s build-and-serve.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { main as web, repoRoot } from './web.mjs';

const require = createRequire(import.meta.url);
const INSTALL_TIMEOUT_MS = Number(process.env.MIZAN_ELECTRON_INSTALL_TIMEOUT_MS ?? 60_000);

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Runs a command to its end; resolves its exit code (null when killed by the timeout). */
function run(command, args, { env = process.env, timeoutMs, quiet = false } = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: quiet ? 'ignore' : 'inherit' });
    const timer = timeoutMs ? setTimeout(() => child.kill('SIGTERM'), timeoutMs) : null;
    child.on('error', () => resolvePromise(-1));
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      resolvePromise(code);
    });
  });
}

async function tryInstallElectron() {
  const installer = join(repoRoot, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return false;
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  delete env.npm_config_electron_skip_binary_download;
  console.log('Electron’s runtime is not installed yet; trying to download it once…');
  const code = await run(process.execPath, [installer], { env, timeoutMs: INSTALL_TIMEOUT_MS, quiet: true });
  return code === 0 && electronBinary() !== null;
}

async function main() {
  let electron = electronBinary();
  if (!electron && (await tryInstallElectron())) electron = electronBinary();

  if (electron) {
    const cli = join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
    const code = await run(process.execPath, [cli, 'preview', ...process.argv.slice(2)]);
    process.exit(code ?? 1);
  }

  console.log(
    '\nElectron’s runtime is not installed and could not be downloaded (offline?). ' +
      'Starting Mizan in your browser instead: the same app, built into out/web and served on ' +
      'http://127.0.0.1 (port 5173, or PORT / --port). Files are opened and saved through the ' +
      'browser (in Chromium, Chrome or Edge directly on disk; elsewhere Save downloads the file), ' +
      'and unsaved work is kept in the browser’s storage. To get the desktop app later, run ' +
      '`node node_modules/electron/install.js` on a connected machine, then `npm start` again.\n'
  );
  await web(process.argv.slice(2));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
