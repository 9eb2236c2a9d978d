// Types for scripts/diagnostics-figures.mjs, which its test imports.
export declare function diagnosticsTables(run: unknown): string;
