// The platform is chosen when the renderer is built (`#platform`, renderer.vite.ts): the desktop
// renderer carries the Electron platform and none of the web platform's code, the web build
// the reverse. Both renderers are built here in memory with the configurations the real
// builds use (electron.vite.config.ts passes rendererConfig({ platform: 'electron' }) to
// electron-vite; `npm run web` and the e2e tests build the default export, 'web').
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
import webConfig, { rendererConfig, type PlatformName } from '../../renderer.vite';

/** Strings only the web platform's modules contain (File System Access API, Web Locks, localStorage key). */
const WEB_ONLY = ['showOpenFilePicker', 'mizan-window:', 'mizan.preferences', 'getAsFileSystemHandle'];
/** A string only the Electron platform's module contains. */
const ELECTRON_ONLY = 'the preload script did not run';

/** The renderer's JavaScript files, by file name, built in memory (once per platform). */
const built = new Map<PlatformName, Promise<Map<string, string>>>();
function bundledFiles(platform: PlatformName): Promise<Map<string, string>> {
  if (!built.has(platform)) built.set(platform, buildFiles(platform));
  return built.get(platform)!;
}

async function buildFiles(platform: PlatformName): Promise<Map<string, string>> {
  const config = platform === 'web' ? webConfig : rendererConfig({ platform });
  const output = (await build({
    ...config,
    configFile: false,
    logLevel: 'silent',
    build: { ...config.build, write: false, emptyOutDir: false }
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const files = new Map<string, string>();
  for (const file of (Array.isArray(output) ? output : [output]).flatMap((o) => o.output)) {
    if (file.type === 'chunk') files.set(file.fileName, file.code);
    else if (file.fileName.endsWith('.js')) files.set(file.fileName, String(file.source));
  }
  return files;
}

const bundledJs = async (platform: PlatformName) => [...(await bundledFiles(platform)).values()].join('\n');

describe('the platform chosen at build time', () => {
  it('the Electron renderer has the Electron platform and none of the web platform', async () => {
    const js = await bundledJs('electron');
    expect(js).toContain(ELECTRON_ONLY);
    for (const marker of WEB_ONLY) expect(js, marker).not.toContain(marker);
  }, 240_000);

  it('the web build has the web platform and not the Electron one', async () => {
    const js = await bundledJs('web');
    for (const marker of WEB_ONLY) expect(js, marker).toContain(marker);
    expect(js).not.toContain(ELECTRON_ONLY);
  }, 240_000);

  it('the simulation worker does not carry zod: it compiles documents already checked', async () => {
    const files = await bundledFiles('web');
    const workers = [...files.keys()].filter((name) => /(^|\/)worker-[^/]+\.js$/.test(name));
    expect(workers).toHaveLength(1);
    expect(files.get(workers[0]!)).not.toContain('ZodError');
    // The marker is zod's: the main bundle, which validates files, has it.
    expect([...files.values()].join('\n')).toContain('ZodError');
  }, 240_000);
});
