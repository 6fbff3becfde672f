import type { ResamplerDesign } from "./resampler-design.js";
import { type KernelState, runKernelFloat32, runKernelInt16 } from "./resampler-kernel-js.js";

/** Where the history lives and which loop filters it. */
export interface ResamplerEngine {
  readonly name: "js" | "wasm";
  /** Filter history in PCM16 units; `capacity` samples. */
  readonly history: Float32Array;
  runInt16(state: KernelState, count: number, out: Int16Array, offset: number): void;
  runFloat32(state: KernelState, count: number, out: Float32Array, offset: number): void;
}

export function createJsEngine(design: ResamplerDesign, capacity: number): ResamplerEngine {
  const history = new Float32Array(capacity);
  return {
    name: "js",
    history,
    runInt16: (state, count, out, offset) => runKernelInt16(design, history, state, count, out, offset),
    runFloat32: (state, count, out, offset) => runKernelFloat32(design, history, state, count, out, offset),
  };
}
