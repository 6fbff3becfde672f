import { RESAMPLER_KERNEL_WASM_HEX } from "./resampler-kernel-wasm-bytes.js";

/**
 * The resampler kernel to compile: its bytes, carried as hex so every runtime and bundler loads
 * them without a loader or a fetch. The `workerd` build swaps this file for its `.workerd.ts`
 * twin (tsup.twins.ts), which hands over the kernel already compiled.
 */
export function resamplerKernel(): Uint8Array<ArrayBuffer> | WebAssembly.Module {
  const hex = RESAMPLER_KERNEL_WASM_HEX;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}
