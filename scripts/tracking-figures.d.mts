// Types for scripts/tracking-figures.mjs, which its test imports.
export declare function trackingTables(run: unknown, last?: number): string;
