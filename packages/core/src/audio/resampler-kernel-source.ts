import { base64Decode } from "./base64.js";
import { RESAMPLER_KERNEL_WASM_BASE64 } from "./resampler-kernel-wasm-bytes.js";

/**
 * The resampler kernel to compile: its bytes, carried as base64 so every runtime and bundler loads
 * them without a loader or a fetch. The `workerd` build swaps this file for its `.workerd.ts`
 * twin (tsup.workerd.ts), which hands over the kernel already compiled.
 */
export function resamplerKernel(): Uint8Array<ArrayBuffer> | WebAssembly.Module {
  return base64Decode(RESAMPLER_KERNEL_WASM_BASE64);
}
