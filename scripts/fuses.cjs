// The Electron fuses of the packaged Mizan app, as one plain object (asserted by
// tests/main/fuses.test.ts) and the @electron/fuses config built from it. Fuses are bits
// compiled into the Electron binary; flipping them after packaging turns off features an
// attacker could use to run code through a signed Mizan:
//   RunAsNode off                         ELECTRON_RUN_AS_NODE cannot turn Mizan into node
//   EnableNodeOptionsEnvironmentVariable  NODE_OPTIONS is ignored
//   EnableNodeCliInspectArguments off     --inspect and friends are ignored
//   EnableCookieEncryption on             cookies on disk are encrypted with the OS keychain
//   EnableEmbeddedAsarIntegrityValidation app.asar is checked against the hash in the binary
//   OnlyLoadAppFromAsar on                the app loads only from app.asar, not a loose folder
//   LoadBrowserProcessSpecificV8Snapshot  off (not used)
//   GrantFileProtocolExtraPrivileges off  file:// gets no special powers (Mizan uses app://)
'use strict';

const FUSE_SETTINGS = Object.freeze({
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false
});

/**
 * The config for flipFuses, given the @electron/fuses module (passed in so that this file
 * has no dependencies). Newer Electron binaries may have fuses this list does not name;
 * those keep Electron's defaults, so strictlyRequireAllFuses stays off.
 */
function fuseConfig(fuses, options = {}) {
  const config = {
    version: fuses.FuseVersion.V1,
    resetAdHocDarwinSignature: Boolean(options.resetAdHocDarwinSignature),
    strictlyRequireAllFuses: false
  };
  for (const [name, value] of Object.entries(FUSE_SETTINGS)) {
    const index = fuses.FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`@electron/fuses does not know the fuse ${name}`);
    config[index] = value;
  }
  return config;
}

module.exports = { FUSE_SETTINGS, fuseConfig };
