// `npm start`'s choice between the desktop app and the web mode (scripts/start.mjs): the rule
// as a pure function, the runtime check against real folders, and the script itself run on
// the Node that runs the tests.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DESKTOP_NODE,
  electronRuntime,
  fallbackMessage,
  nodeRunsDesktop,
  parseVersion,
  startDecision
} from '../../scripts/start.mjs';
import { repoFile, tempDir } from '../main/helpers';

describe('startDecision', () => {
  const cases: [string, boolean, boolean, ReturnType<typeof startDecision>][] = [
    // Node too old: the web mode, whether or not the runtime is there, and no download.
    ['v20.20.2', true, false, { action: 'web', reason: 'old-node' }],
    ['v20.20.2', false, false, { action: 'web', reason: 'old-node' }],
    ['v22.11.9', true, false, { action: 'web', reason: 'old-node' }],
    ['v18.20.0', false, true, { action: 'web', reason: 'old-node' }],
    ['not a version', true, false, { action: 'web', reason: 'old-node' }],
    // New enough, runtime present: the desktop app.
    ['v22.12.0', true, false, { action: 'electron' }],
    ['v22.13.1', true, true, { action: 'electron' }],
    ['v23.0.0', true, false, { action: 'electron' }],
    ['24.21.0', true, false, { action: 'electron' }],
    // New enough, runtime missing: one download, then the web mode.
    ['v24.22.3', false, false, { action: 'download' }],
    ['v24.22.3', false, true, { action: 'web', reason: 'no-electron' }],
    ['v22.12.0', false, true, { action: 'web', reason: 'no-electron' }]
  ];
  it.each(cases)('Node %s, runtime installed %s, download tried %s', (nodeVersion, installed, tried, expected) => {
    expect(startDecision({ nodeVersion, electronInstalled: installed, downloadTried: tried })).toEqual(expected);
  });

  it('reads versions with or without the v, and compares them part by part, not as text', () => {
    expect(parseVersion('v20.20.2')).toEqual([20, 20, 2]);
    expect(parseVersion('22.12')).toEqual([22, 12, 0]);
    expect(parseVersion('x')).toBeNull();
    expect(nodeRunsDesktop('v22.9.0')).toBe(false); // "22.9" > "22.12" as text
    expect(nodeRunsDesktop('v22.100.0')).toBe(true);
    expect(nodeRunsDesktop('v100.0.0')).toBe(true);
  });

  it('asks for the Node that the installed Electron declares', () => {
    const electron = JSON.parse(readFileSync(repoFile('node_modules/electron/package.json'), 'utf8')) as {
      engines: { node: string };
    };
    // ">= 22.12.0": when a new Electron asks for more, DESKTOP_NODE must follow.
    expect(parseVersion(electron.engines.node.replace(/^[\s>=^~]+/, ''))).toEqual(parseVersion(DESKTOP_NODE));
  });

  it('says plainly what an old Node lacks, and what to do', () => {
    const text = fallbackMessage('old-node', 'v20.20.2');
    expect(text).toMatch(
      /^Running the desktop app from source needs Node 22\.12 or newer \(this is Node 20\.20\.2\); starting the web mode instead\. /
    );
    expect(text).toContain('http://127.0.0.1');
    expect(text).toContain('installers need no Node');
    expect(fallbackMessage('no-electron', 'v24.1.0')).toMatch(
      /^Electron’s runtime is not installed .*npx install-electron/
    );
  });
});

describe('electronRuntime', () => {
  /** An electron package folder as npm leaves it, with the runtime as install.js leaves it. */
  function electronPackage(version: string, runtime?: { version: string; executable: boolean }): string {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'electron', version }));
    if (runtime) {
      mkdirSync(path.join(dir, 'dist'));
      writeFileSync(path.join(dir, 'path.txt'), 'electron');
      writeFileSync(path.join(dir, 'dist', 'version'), `v${runtime.version}`);
      if (runtime.executable) writeFileSync(path.join(dir, 'dist', 'electron'), '');
    }
    return dir;
  }

  it('finds the runtime of the package’s own version', () => {
    const dir = electronPackage('45.6.0', { version: '45.6.0', executable: true });
    expect(electronRuntime(dir)).toBe(path.join(dir, 'dist', 'electron'));
  });

  it('counts as missing: no runtime, a runtime of another version, a missing executable, no package', () => {
    expect(electronRuntime(electronPackage('45.6.0'))).toBeNull();
    expect(electronRuntime(electronPackage('45.6.0', { version: '40.10.2', executable: true }))).toBeNull();
    expect(electronRuntime(electronPackage('45.6.0', { version: '45.6.0', executable: false }))).toBeNull();
    expect(electronRuntime(path.join(tempDir(), 'nothing'))).toBeNull();
  });
});

describe('npm start', () => {
  it('on this Node, says why it falls back before starting the web mode (here: its --help)', () => {
    const expected = startDecision({
      nodeVersion: process.version,
      electronInstalled: electronRuntime() !== null,
      downloadTried: true
    });
    const result = spawnSync(process.execPath, [repoFile('scripts/start.mjs'), '--help'], {
      encoding: 'utf8',
      // Where a download would be tried (Node ≥ 22.12 without the runtime), end it at once.
      env: { ...process.env, MIZAN_ELECTRON_INSTALL_TIMEOUT_MS: '1' }
    });
    expect(result.status).toBe(0);
    if (expected.action === 'web') {
      expect(result.stdout).toContain(fallbackMessage(expected.reason, process.version));
      expect(result.stdout).toContain('Usage: node scripts/web.mjs');
    } else {
      // The runtime is installed: electron-vite preview printed its own help.
      expect(result.stdout).toContain('electron-vite');
    }
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
