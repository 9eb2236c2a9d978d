// The engine's WebAssembly module (kernel/*.ts, built into kernelWasm.ts), compiled once per
// thread. Where it cannot be compiled synchronously (a browser's main thread refuses modules over
// 4 KB) the JavaScript runs instead, with the same numbers, until the compilation started in the
// background is ready; where there is no WebAssembly at all, the JavaScript always runs.
import { KERNEL_WASM_BASE64 } from './kernelWasm';

/** What the engine needs of the WebAssembly API (its type libraries do not declare it). */
export interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  compile(bytes: Uint8Array): Promise<object>;
}

/** The exports of an instance of the module: its memory and functions (kernel/simulate.ts, kernel/stats.ts). */
export interface KernelInstance {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  heapBase(): number;
  simulate(header: number, from: number, to: number, streams: number): void;
  drawInputs(header: number, draws: number, base: number, from: number, to: number, seed: number, given: number): void;
  sortOrder(values: number, n: number, order: number, spare: number, low: number, high: number, count: number): number;
  averageRanks(values: number, n: number, order: number, ranks: number): void;
  pearson(a: number, b: number, n: number): number;
  crisisAndPeaks(values: number, n: number, crisis: number, peak: number): number;
  runUniforms(seed: number, first: number, count: number, inputs: number, state: number, out: number): void;
}

export const WASM_PAGE = 65536;

export const webAssembly = (): WasmApi | undefined => (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

let kernelModule: object | null | undefined;

function kernelBytes(): Uint8Array {
  const text = atob(KERNEL_WASM_BASE64);
  const bytes = new Uint8Array(text.length);
  // Stryker disable next-line EqualityOperator: bytes[text.length] is past the end of a typed array: the write is dropped
  for (let k = 0; k < text.length; k++) bytes[k] = text.charCodeAt(k);
  return bytes;
}

/** The compiled module, or null where WebAssembly (or its synchronous compilation) is not to be had. */
export function compiledKernel(): object | null {
  // Stryker disable next-line ConditionalExpression: compiling again gives the same module, only slower
  if (kernelModule !== undefined) return kernelModule;
  kernelModule = null;
  const wasm = webAssembly();
  if (wasm === undefined) return null;
  const bytes = kernelBytes();
  try {
    kernelModule = new wasm.Module(bytes);
  } catch {
    wasm.compile(bytes).then(
      (module) => (kernelModule = module),
      () => undefined
    );
  }
  return kernelModule;
}

/**
 * A new instance of the module (its own memory). The ziggurat's logarithms and exponentials are
 * JavaScript's own: the same numbers as the JavaScript's draws, on every platform.
 */
export function instantiateKernel(): KernelInstance | null {
  const module = compiledKernel();
  const wasm = webAssembly();
  if (module === null || wasm === undefined) return null;
  return new wasm.Instance(module, { env: { exp: Math.exp, log: Math.log } }).exports as KernelInstance;
}
