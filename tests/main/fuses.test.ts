// The Electron fuses the packaged app ships with, and the hook that flips them — run
// against a stand-in binary that carries a fuse wire, as a real Electron does.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { repoFile, tempDir } from './helpers';

const require = createRequire(import.meta.url);
const { FUSE_SETTINGS, fuseConfig } = require('../../scripts/fuses.cjs') as {
  FUSE_SETTINGS: Record<string, boolean>;
  fuseConfig: (fuses: unknown, options?: { resetAdHocDarwinSignature?: boolean }) => Record<string, unknown>;
};
const afterPack = require('../../scripts/after-pack.cjs') as (context: unknown) => Promise<void>;

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** The bytes of a fuse's state in the wire ('0' and '1'). */
const FuseState = { DISABLE: 48, ENABLE: 49 } as const;

/** A file with a fuse wire in Electron's layout: sentinel, version, length, one byte per fuse. */
function fakeElectron(dir: string, fuses: number[]): string {
  const file = path.join(dir, 'mizan-desktop');
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from('ELF…'),
      Buffer.from(SENTINEL),
      Buffer.from([1, fuses.length, ...fuses]),
      Buffer.from('…')
    ])
  );
  return file;
}

describe('fuses', () => {
  it('are set as the security checklist says', () => {
    expect(FUSE_SETTINGS).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false
    });
    expect(Object.isFrozen(FUSE_SETTINGS)).toBe(true);
  });

  it('name every fuse @electron/fuses knows, so a new one is a decision, not a default', () => {
    const known = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));
    expect(Object.keys(FUSE_SETTINGS).sort()).toEqual(known.sort());
  });

  it('map onto @electron/fuses', () => {
    const config = fuseConfig({ FuseV1Options, FuseVersion });
    expect(config).toEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: false,
      strictlyRequireAllFuses: false,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false
    });
  });

  it('the afterPack hook flips them in the packaged binary (via electron-builder’s addElectronFuses)', async () => {
    const dir = tempDir();
    // Electron's defaults: RunAsNode, cookie encryption off, NODE_OPTIONS, inspect, …, plus a 9th fuse we do not name.
    const binary = fakeElectron(dir, [49, 48, 49, 49, 48, 48, 48, 49, 49]);
    const { flipFuses } = await import('@electron/fuses');
    const calls: unknown[] = [];
    await afterPack({
      appOutDir: dir,
      electronPlatformName: 'linux',
      arch: 1,
      packager: {
        addElectronFuses: async (context: unknown, config: Parameters<typeof flipFuses>[1]) => {
          calls.push(context);
          return flipFuses(binary, config);
        }
      }
    });
    expect(calls).toHaveLength(1);
    const wire = await getCurrentFuseWire(binary);
    const state = (option: FuseV1Options) => (wire as unknown as Record<number, number>)[option];
    expect(state(FuseV1Options.RunAsNode)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(FuseState.DISABLE);
    // The fuse this list does not know keeps Electron's default.
    const bytes = readFileSync(binary);
    expect(bytes[bytes.indexOf(SENTINEL) + SENTINEL.length + 2 + 8]).toBe(49);
  });

  it('the afterPack hook asks for an ad-hoc re-signature only for Apple Silicon builds', async () => {
    const configs: Record<string, unknown>[] = [];
    const packager = {
      addElectronFuses: async (_c: unknown, config: Record<string, unknown>) => void configs.push(config)
    };
    await afterPack({ appOutDir: '/x', electronPlatformName: 'darwin', arch: 3, packager });
    await afterPack({ appOutDir: '/x', electronPlatformName: 'darwin', arch: 1, packager });
    await afterPack({ appOutDir: '/x', electronPlatformName: 'win32', arch: 3, packager });
    expect(configs.map((c) => c.resetAdHocDarwinSignature)).toEqual([true, false, false]);
  });

  it('electron-builder.yml uses the hook, asar, and the .mizan association', () => {
    const yml = readFileSync(repoFile('electron-builder.yml'), 'utf8');
    expect(yml).toMatch(/^appId: org\.mizan\.app$/m);
    expect(yml).toMatch(/^productName: Mizan$/m);
    expect(yml).toMatch(/^asar: true$/m);
    expect(yml).toMatch(/^afterPack: scripts\/after-pack\.cjs$/m);
    expect(yml).toMatch(
      /- ext: mizan\n\s+name: Mizan scenario\n[\s\S]*?role: Editor\n\s+mimeType: application\/x-mizan\+json/
    );
    for (const target of ['AppImage', 'deb', 'nsis', 'dmg']) expect(yml).toContain(`- ${target}`);
  });
});
