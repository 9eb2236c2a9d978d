// Types for scripts/build-kernel.mjs, which its test imports.
export declare function compileKernel(): Promise<Uint8Array>;
export declare function moduleText(binary: Uint8Array): string;
