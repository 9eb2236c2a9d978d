import type { Bridge } from '../../../contract/bridge';

/** What a platform can do beyond the Bridge contract, for the interface to say so. */
export interface Capabilities {
  /** Save writes the file in place; false where saving means downloading a copy. */
  writesInPlace: boolean;
  /** Entries of the recent-files list can be opened again. */
  reopensRecent: boolean;
}

export interface Platform {
  bridge: Bridge;
  capabilities: Capabilities;
}

/** What each platform's module exports as `createPlatform`, the one `#platform` names in a build. */
export type PlatformFactory = (win: Window & typeof globalThis) => Platform;
