import type { ResamplerDesign } from "./resampler-design.js";
import type { ResamplerEngine } from "./resampler-engine.js";

/** True where WebAssembly with SIMD can run the kernel. */
export function wasmSimdAvailable(): boolean {
  return false;
}

/** The WebAssembly SIMD engine, or undefined where WebAssembly or SIMD is unavailable. */
export function createWasmEngine(_design: ResamplerDesign, _capacity: number): ResamplerEngine | undefined {
  return undefined;
}
