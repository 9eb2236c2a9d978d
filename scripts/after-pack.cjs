// electron-builder afterPack hook: flips the Electron fuses of the packaged binary (see
// scripts/fuses.cjs) after the app is copied in and before it is signed.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads hooks as CommonJS */

const { FuseV1Options, FuseVersion } = require('@electron/fuses');
const { fuseConfig } = require('./fuses.cjs');

/** electron-builder's Arch enum value for arm64. */
const ARM64 = 3;

module.exports = async function afterPack(context) {
  const config = fuseConfig(
    { FuseV1Options, FuseVersion },
    // Flipping fuses breaks the ad-hoc signature of an Apple Silicon build; re-sign it ad hoc.
    { resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === ARM64 }
  );
  // electron-builder finds the binary (Mizan.app, Mizan.exe, mizan) and calls flipFuses.
  await context.packager.addElectronFuses(context, config);
};
