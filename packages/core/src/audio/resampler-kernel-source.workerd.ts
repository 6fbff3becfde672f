// Cloudflare Workers refuse `new WebAssembly.Module(bytes)` ("Wasm code generation disallowed by
// embedder"); a `.wasm` file imported as a module is compiled when the Worker is uploaded, and
// instantiating it is allowed (https://developers.cloudflare.com/workers/runtime-apis/webassembly/).
// The workerd build (tsup.twins.ts) ships dist/resampler-kernel.wasm beside the entry.
import kernel from "./resampler-kernel.wasm";

/** The resampler kernel, compiled by the Workers runtime from the imported `.wasm` module. */
export function resamplerKernel(): Uint8Array<ArrayBuffer> | WebAssembly.Module {
  return kernel;
}
