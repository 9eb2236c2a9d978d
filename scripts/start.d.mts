// Types for scripts/start.mjs, which the tests import.
export type StartDecision =
  { action: 'electron' } | { action: 'download' } | { action: 'web'; reason: 'old-node' | 'no-electron' };
export declare const DESKTOP_NODE: string;
export declare function parseVersion(version: string): [number, number, number] | null;
export declare function nodeRunsDesktop(nodeVersion: string): boolean;
export declare function startDecision(state: {
  nodeVersion: string;
  electronInstalled: boolean;
  downloadTried: boolean;
}): StartDecision;
export declare function fallbackMessage(reason: 'old-node' | 'no-electron', nodeVersion: string): string;
export declare function electronRuntime(packageDir?: string): string | null;
