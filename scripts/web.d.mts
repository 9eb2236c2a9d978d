// Types for scripts/web.mjs, which TypeScript code (the e2e harness) imports.
export declare const repoRoot: string;
export declare const webOutDir: string;
export declare function buildWeb(options?: { quiet?: boolean }): Promise<void>;
export declare function contentSecurityPolicy(root?: string): Promise<string>;
export declare function serveWeb(options?: {
  root?: string;
  port?: number;
  host?: string;
}): Promise<{ url: string; port: number; close: () => Promise<void> }>;
export declare function main(argv?: string[]): Promise<void>;
export declare function allowedHosts(host: string, port: number): Set<string>;
