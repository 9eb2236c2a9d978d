// Types for scripts/cli-bundle.mjs, which TypeScript code (the tests, the start-up bench) imports.
export declare const CLI_BUNDLE: string;
export declare function cliBundleState(root?: string): 'current' | 'missing' | 'stale';
export declare function buildCli(root?: string): Promise<{ bundle: string; inputs: string[] }>;
